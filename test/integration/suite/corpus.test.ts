// Issue 7 in the real editor: learning from the user's tags, propagation, folder analysis, agreement, search.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { parseLexicon } from '../../../src/core/corpus/lexiconFile';
import { closeAll, eventually, exists, getApi, openAnalysed, readJson, workspaceRoot, writeFile, type BiaozhuApi } from './util';

/** Invented names (no seed knowledge), each surrounded by text the analyser does not tag on its own. */
const NAME = '木子寒川';
const lexiconUri = () => vscode.Uri.joinPath(workspaceRoot(), '.biaozhu', 'lexicon.txt');

async function readLexicon(): Promise<ReturnType<typeof parseLexicon>['lexicon']> {
  if (!(await exists(lexiconUri()))) return [];
  return parseLexicon(Buffer.from(await vscode.workspace.fs.readFile(lexiconUri())).toString('utf8')).lexicon;
}

async function select(editor: vscode.TextEditor, word: string, nth = 0): Promise<void> {
  const text = editor.document.getText();
  let at = text.indexOf(word);
  for (let i = 0; i < nth; i++) at = text.indexOf(word, at + 1);
  assert.ok(at >= 0, `"${word}" is not on the page`);
  editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + word.length));
}

describe('corpus tools (issue 7)', () => {
  let api: BiaozhuApi;

  before(async () => {
    api = await getApi();
    await vscode.commands.executeCommand('biaozhu.clearLexicon', { confirmed: true });
  });
  after(async () => {
    await closeAll();
    await vscode.commands.executeCommand('biaozhu.clearLexicon', { confirmed: true });
  });

  it('learns a name tagged on one page and suggests it on another page', async () => {
    const pageB = await writeFile('learn-b.txt', `昨天，${NAME}来到县里参加了会议。\n`);
    const editorB = await openAnalysed(api, pageB);
    assert.ok(!api.annotations(pageB).some(a => a.text === NAME), 'the analyser alone already tags the name: pick another');

    const pageA = await writeFile('learn-a.txt', `今天上午，${NAME}在村里讲话。\n`);
    const editorA = await openAnalysed(api, pageA);
    await select(editorA, NAME);
    await vscode.commands.executeCommand('biaozhu.tagSelection', { label: 'PER' });
    await editorA.document.save();
    await api.whenIdle(pageA);
    const learned = await eventually('the name in the lexicon file', async () =>
      (await readLexicon()).find(e => e.word === NAME && e.label === 'PER' && !e.reject));
    assert.strictEqual(learned.freq, 1);

    await vscode.window.showTextDocument(editorB.document);
    await vscode.commands.executeCommand('biaozhu.analyzeDocument', pageB);
    await api.whenIdle(pageB);
    const suggested = api.annotations(pageB).filter(a => a.text === NAME);
    assert.deepStrictEqual(suggested.map(a => [a.label, a.status, a.source]), [['PER', 'suggested', 'auto']]);
  });

  it('forgets what it learned when the lexicon is cleared', async () => {
    assert.ok((await readLexicon()).length > 0, 'the previous test learned nothing');
    assert.strictEqual(await vscode.commands.executeCommand('biaozhu.clearLexicon', { confirmed: true }), true);
    assert.deepStrictEqual(await readLexicon(), []);
  });

  it('tags all occurrences of the selection, leaving the user\'s overlapping work alone', async () => {
    const word = '星河书社';
    const page = await writeFile('tag-all.txt', `${word}开张了。大家都去${word}看书。${word}很安静。\n`);
    const editor = await openAnalysed(api, page);
    // The user's own tag over the second mention (a longer span) must survive.
    await select(editor, `去${word}`);
    await vscode.commands.executeCommand('biaozhu.tagSelection', { label: 'LOC' });
    await select(editor, word);
    const added = await vscode.commands.executeCommand('biaozhu.tagAllOccurrences', { label: 'ORG' });
    await api.whenIdle(page);
    assert.strictEqual(added, 2);
    const text = editor.document.getText();
    const tagged = api.annotations(page).filter(a => a.status !== 'rejected' && a.source === 'manual')
      .map(a => [text.slice(a.start, a.end), a.label]);
    assert.deepStrictEqual(tagged, [[word, 'ORG'], [`去${word}`, 'LOC'], [word, 'ORG']]);
  });

  it('rejects every identical suggestion at once', async () => {
    const page = await writeFile('reject-all.txt', `${NAME}说，${NAME}会来，${NAME}也去。\n`);
    await vscode.commands.executeCommand('biaozhu.clearLexicon', { confirmed: true });
    const editor = await openAnalysed(api, page);
    // Make the three mentions suggestions of the same label, then reject them from the first one.
    await select(editor, NAME);
    await vscode.commands.executeCommand('biaozhu.tagAllOccurrences', { label: 'PER' });
    const ids = new Set(api.annotations(page).filter(a => a.text === NAME).map(a => a.id));
    await vscode.commands.executeCommand('biaozhu.setStatus', { uri: page.toString(), ids: [...ids], status: 'suggested' });
    editor.selection = new vscode.Selection(editor.document.positionAt(1), editor.document.positionAt(1));
    const rejected = await vscode.commands.executeCommand('biaozhu.rejectAllIdentical');
    await api.whenIdle(page);
    assert.strictEqual(rejected, 3);
    assert.deepStrictEqual(api.annotations(page).filter(a => a.text === NAME).map(a => a.status), ['rejected', 'rejected', 'rejected']);
  });

  it('analyzes a folder: writes every page\'s sidecar and keeps the user\'s work', async () => {
    const first = await writeFile('corpus/first.txt', '云杉书社今年接待了1200名读者。\n');
    const second = await writeFile('corpus/sub/second.txt', '去年全县粮食产量达到35万吨。\n');
    const editor = await openAnalysed(api, first);
    await select(editor, '云杉书社');
    await vscode.commands.executeCommand('biaozhu.tagSelection', { label: 'ORG' });
    await api.whenIdle(first);
    await closeAll();
    await vscode.workspace.fs.delete(api.sidecarUri(second)).then(undefined, () => undefined);

    const done = await vscode.commands.executeCommand('biaozhu.analyzeFolder', vscode.Uri.joinPath(workspaceRoot(), 'scratch', 'corpus'));
    assert.strictEqual(done, 2);
    const saved = async (page: vscode.Uri) => (await readJson(api.sidecarUri(page))) as { annotations: { text: string; label: string; source: string; status: string }[] };
    const a = (await saved(first)).annotations;
    assert.ok(a.some(x => x.text === '云杉书社' && x.label === 'ORG' && x.source === 'manual' && x.status === 'accepted'), 'the manual tag was lost');
    assert.ok(a.some(x => x.label === 'NUMBER' && x.source === 'auto'), 'no suggestions on the first page');
    const b = (await saved(second)).annotations;
    assert.ok(b.some(x => x.label === 'NUMBER' && x.text.includes('35')), `second page: ${JSON.stringify(b)}`);
  });

  it('searches the workspace sidecars by label and text', async () => {
    const hits = await vscode.commands.executeCommand<{ uri: vscode.Uri; start: number; end: number; label: string; text: string }[]>('biaozhu.searchAnnotations', { query: 'ORG 云杉' });
    assert.strictEqual(hits.length, 1, JSON.stringify(hits));
    const text = Buffer.from(await vscode.workspace.fs.readFile(hits[0].uri)).toString('utf8');
    assert.ok(hits[0].uri.path.endsWith('/corpus/first.txt'));
    assert.strictEqual(text.slice(hits[0].start, hits[0].end), '云杉书社');
    assert.strictEqual(hits[0].label, 'ORG');
  });
});
