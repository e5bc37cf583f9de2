// Issue 7 in the real editor: learning from the user's tags, propagation, folder analysis, agreement, search.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { compareAnnotations, type AgreementReport } from '../../../src/core/corpus/agreement';
import { parseLexicon } from '../../../src/core/corpus/lexiconFile';
import { toDocument } from '../../../src/core/document';
import { serializeDocument } from '../../../src/core/documentJson';
import type { Annotation } from '../../../src/core/types';
import { closeAll, eventually, exists, getApi, openAnalysed, readJson, workspaceRoot, writeFile, type BiaozhuApi } from './util';

/** Invented names (no seed knowledge), each surrounded by text the analyser does not tag on its own. */
const NAME = '木子寒川';
const lexiconUri = () => vscode.Uri.joinPath(workspaceRoot(), '.biaozhu', 'lexicon.txt');

async function readLexicon(): Promise<ReturnType<typeof parseLexicon>['lexicon']> {
  if (!(await exists(lexiconUri()))) return [];
  return parseLexicon(Buffer.from(await vscode.workspace.fs.readFile(lexiconUri())).toString('utf8')).lexicon;
}

/** Saves the page and waits until the workspace lexicon has learned from that save. */
async function saveAndLearn(editor: vscode.TextEditor): Promise<void> {
  const api = await getApi();
  await editor.document.save();
  await api.whenIdle(editor.document.uri);
  await api.whenLearned();
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

  it('shows the learned lexicon without annotating it as a page', async () => {
    await vscode.commands.executeCommand('biaozhu.showLexicon');
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.toString(), lexiconUri().toString());
    assert.ok(editor.document.getText().includes(`${NAME} 1 nr PER`), editor.document.getText());
    await api.whenIdle(lexiconUri());
    assert.deepStrictEqual(api.annotations(lexiconUri()), []);
    assert.strictEqual(await exists(api.sidecarUri(lexiconUri())), false);
  });

  it('forgets what it learned when the lexicon is cleared', async () => {
    assert.ok((await readLexicon()).length > 0, 'the previous test learned nothing');
    assert.strictEqual(await vscode.commands.executeCommand('biaozhu.clearLexicon', { confirmed: true }), true);
    assert.deepStrictEqual(await readLexicon(), []);
  });

  it('holds back a tag that cuts a dictionary word until the user confirms it, and unlearns it with the tag', async () => {
    const slip = '部的“辛';
    const page = await writeFile('slip.txt', '感谢驻村干部的“辛苦”付出。\n');
    const editor = await openAnalysed(api, page);
    await select(editor, slip);
    await vscode.commands.executeCommand('biaozhu.tagSelection', { label: 'ORG' });
    const tagged = api.annotations(page).find(a => a.text === slip);
    assert.ok(tagged, 'the slip was tagged as the user asked');
    await saveAndLearn(editor);
    assert.ok(!(await readLexicon()).some(e => e.word === slip), 'held back: not learned before the user confirms');
    assert.strictEqual(await vscode.commands.executeCommand('biaozhu.learnTag', { id: tagged.id }), true);
    const learned = (await readLexicon()).find(e => e.word === slip && e.label === 'ORG' && !e.reject);
    assert.strictEqual(learned?.freq, 1, 'learned once confirmed');

    await vscode.commands.executeCommand('biaozhu.undoAnnotation');
    assert.ok(!api.annotations(page).some(a => a.text === slip), 'undo removed the tag');
    await saveAndLearn(editor);
    assert.ok(!(await readLexicon()).some(e => e.word === slip), 'unlearned with its tag');
  });

  it('never learns an unconfirmed slip, and forgets nothing it never learned when the slip goes', async () => {
    const slip = '作组的“帮';
    const page = await writeFile('slip-2.txt', '这是工作组的“帮扶”成果。\n');
    const editor = await openAnalysed(api, page);
    await select(editor, slip);
    await vscode.commands.executeCommand('biaozhu.tagSelection', { label: 'ORG' });
    await saveAndLearn(editor);
    const before = await readLexicon();
    assert.ok(!before.some(e => e.word === slip), `an unconfirmed slip is not learned: ${JSON.stringify(before)}`);
    await vscode.commands.executeCommand('biaozhu.undoAnnotation');
    await saveAndLearn(editor);
    assert.ok(!(await readLexicon()).some(e => e.word === slip), 'removing it leaves no rejection behind');
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

    // Both pages analysed on the worker pool (issue 15), their results merged by the store.
    const done = await vscode.commands.executeCommand<{ analysed: number; pooled: number; jobs: number }>('biaozhu.analyzeFolder', vscode.Uri.joinPath(workspaceRoot(), 'scratch', 'corpus'), { report: true });
    assert.deepStrictEqual([done.analysed, done.pooled], [2, 2], JSON.stringify(done));
    assert.ok(done.jobs >= 1);
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

  it('moves to the next page that still has suggestions to review', async () => {
    const done = await writeFile('corpus/done.txt', '这里没有任何需要标注的内容。\n');
    await openAnalysed(api, done);
    const next = await vscode.commands.executeCommand<vscode.Uri>('biaozhu.nextPageWithSuggestions');
    assert.ok(next, 'no page found');
    assert.notStrictEqual(next.toString(), done.toString());
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), next.toString());
    await api.whenIdle(next);
    assert.ok(api.annotations(next).some(a => a.source === 'auto' && a.status === 'suggested'), 'the page opened has no pending suggestion');
  });

  it('exports per-page label counts as CSV', async () => {
    const target = vscode.Uri.joinPath(workspaceRoot(), 'scratch', 'stats.csv');
    await vscode.commands.executeCommand('biaozhu.exportStatistics', { target, kind: 'counts' });
    const lines = Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8').split(/\r?\n/);
    assert.strictEqual(lines[0], 'page,review,label,suggested,accepted,rejected,total,distinct');
    assert.ok(lines.includes('scratch/corpus/first.txt,in progress,ORG,0,1,0,1,1'), lines.join('\n'));
  });

  it('compares two annotators\' files with the core\'s kappa and F1, and writes the curated merge', async () => {
    const text = '甲乙合作社在拉萨召开会议，张三出席。\n';
    await writeFile('compare.txt', text);
    const item = (word: string, label: string, id: string): Annotation => {
      const start = text.indexOf(word);
      return { id, start, end: start + word.length, text: word, label, source: 'manual', status: 'accepted' };
    };
    const a = [item('甲乙合作社', 'ORG', 'a1'), item('拉萨', 'LOC', 'a2'), item('张三', 'PER', 'a3')];
    const b = [item('甲乙合作社', 'ORG', 'b1'), item('拉萨', 'PER', 'b2')];
    const file = async (name: string, annotations: Annotation[]) => {
      const doc = toDocument('scratch/compare.txt', text, { annotations, articles: [], columnBreaks: [] });
      return writeFile(name, serializeDocument({ ...doc }));
    };
    const [aUri, bUri] = [await file('compare.a.json', a), await file('compare.b.json', b)];
    const expected = compareAnnotations(a, b, text);
    const merged = vscode.Uri.joinPath(workspaceRoot(), 'scratch', 'compare.merged.json');
    const lasa = expected.disagreements.find(d => d.kind === 'label');
    assert.ok(lasa, 'the fixture has no label disagreement');
    const report = await vscode.commands.executeCommand<AgreementReport>('biaozhu.compareAnnotations', { a: aUri, b: bUri, merged, takeB: [lasa.id] });
    assert.ok(report.kappa > 0 && report.kappa < 1, `kappa ${report.kappa}`);
    assert.strictEqual(report.kappa, expected.kappa);
    assert.deepStrictEqual(report.perLabel, expected.perLabel);
    assert.strictEqual(report.overall.f1, expected.overall.f1);
    const curated = (await readJson(merged)) as { annotations: Annotation[] };
    assert.deepStrictEqual(curated.annotations.map(x => [x.text, x.label]), [['甲乙合作社', 'ORG'], ['拉萨', 'PER'], ['张三', 'PER']]);
  });
});
