// Issue 14 in the real editor: lint in the Problems panel, quick fixes, conflict resolution, review marks, guidelines.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { serializeDocument } from '../../../src/core/documentJson';
import { toDocument } from '../../../src/core/document';
import type { Sidecar } from '../../../src/core/team/types';
import type { Annotation } from '../../../src/core/types';
import type { TreeRow } from '../../../src/extension/api';
import { closeAll, eventually, getApi, readJson, workspaceRoot, writeFile, type BiaozhuApi } from './util';

const TEXT = '拉萨市人民政府开会。拉萨市人民政府发文。拉萨市人民政府通知。扎西 发言，多吉记录。\n';

function tag(word: string, nth: number, label: string, status: Annotation['status'] = 'accepted'): Annotation {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = TEXT.indexOf(word, at + 1);
  return { id: `${label.toLowerCase()}-${at}`, start: at, end: at + word.length, text: word, label, source: status === 'suggested' ? 'auto' : 'manual', status };
}

describe('team work (issue 14)', () => {
  let api: BiaozhuApi;
  let page: vscode.Uri;
  const sidecarUri = () => page.with({ path: `${page.path}.biaozhu.json` });
  const codes = () => vscode.languages.getDiagnostics(page).map(d => String(d.code)).sort();
  const actionsAt = async (a: Annotation) => {
    const doc = await vscode.workspace.openTextDocument(page);
    const range = new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end));
    return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', page, range)) ?? [];
  };

  before(async () => {
    api = await getApi();
    const annotations = [tag('拉萨市人民政府', 0, 'ORG'), tag('拉萨市人民政府', 1, 'ORG'), tag('拉萨市人民政府', 2, 'LOC'), tag('扎西 ', 0, 'PER'), tag('多吉', 0, 'PER', 'suggested')];
    const conflict = { list: 'annotations' as const, id: annotations[4].id, base: null, ours: annotations[4], theirs: { ...annotations[4], label: 'ORG', status: 'accepted' as const }, fields: ['label', 'status'] };
    const doc: Sidecar = { ...toDocument('team.txt', TEXT, { articles: [], columnBreaks: [], annotations }), orphans: [], review: { status: 'done', by: 'alice', at: '2026-01-01T00:00:00.000Z' }, conflicts: [conflict] };
    page = await writeFile('team.txt', TEXT);
    await vscode.workspace.fs.writeFile(sidecarUri(), Buffer.from(serializeDocument({ ...doc })));
    await vscode.window.showTextDocument(page);
    await api.whenIdle(page);
  });
  after(closeAll);

  it('shows the lint findings of an open page in the Problems panel', async () => {
    await eventually('diagnostics', () => (codes().includes('merge-conflict') ? true : undefined));
    assert.deepStrictEqual(codes(), ['done-with-suggestions', 'inconsistent-label', 'merge-conflict', 'span-edges']);
    const d = vscode.languages.getDiagnostics(page).find(x => x.code === 'inconsistent-label')!;
    assert.strictEqual(d.source, 'Biaozhu');
    assert.match(d.message, /labelled LOC here .* ORG ×2, LOC ×1; most use ORG/);
  });

  it('trims a span and relabels to the majority with quick fixes', async () => {
    const trim = (await actionsAt(tag('扎西 ', 0, 'PER'))).find(a => a.title === 'Trim the Span');
    assert.ok(trim?.command, 'no Trim the Span fix');
    await vscode.commands.executeCommand(trim.command.command, ...(trim.command.arguments ?? []));
    const relabel = (await actionsAt(tag('拉萨市人民政府', 2, 'LOC'))).find(a => a.title === 'Relabel as ORG');
    assert.ok(relabel?.command, 'no Relabel as ORG fix');
    await vscode.commands.executeCommand(relabel.command.command, ...(relabel.command.arguments ?? []));
    const now = api.annotations(page);
    assert.deepStrictEqual(now.filter(a => a.text === '拉萨市人民政府').map(a => a.label), ['ORG', 'ORG', 'ORG']);
    assert.ok(now.some(a => a.text === '扎西' && a.label === 'PER'));
    await eventually('fixed diagnostics', () => (!codes().includes('span-edges') && !codes().includes('inconsistent-label') ? true : undefined));
  });

  it('resolves the conflict, marks the page reviewed, and keeps both in the sidecar', async () => {
    await vscode.commands.executeCommand('biaozhu.resolveConflicts', { choice: 'theirs' });
    assert.ok(api.annotations(page).some(a => a.text === '多吉' && a.label === 'ORG' && a.status === 'accepted'));
    await vscode.commands.executeCommand('biaozhu.markPageReviewed');
    await api.whenIdle(page);
    const saved = await eventually('sidecar written', async () => {
      const s = (await readJson(sidecarUri())) as Sidecar;
      return s.review?.status === 'reviewed' ? s : undefined;
    });
    assert.deepStrictEqual([saved.conflicts, saved.review?.history?.map(m => `${m.status}:${m.by}`)], [undefined, ['done:alice']]);
    assert.ok(!Number.isNaN(Date.parse(saved.review!.at)));
    await eventually('no problems left', () => (codes().length === 0 ? true : undefined));
  });

  it('shows the label\'s guideline in the hover and opens the guidelines at its section', async () => {
    const guide = '# Labels\n## PER — Person\nA name.\n## ORG — Organisation\nThe full official name.\n';
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(workspaceRoot(), '.biaozhu', 'guidelines.md'), Buffer.from(guide));
    const doc = await vscode.workspace.openTextDocument(page);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', page, doc.positionAt(TEXT.indexOf('拉萨市人民政府') + 1));
    const shown = hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : c.value))).join('\n').replace(/&nbsp;/g, ' '); // appendText escapes spaces
    assert.match(shown, /Guideline: ORG — Organisation/);
    assert.match(shown, /The full official name\./);
    await vscode.commands.executeCommand('biaozhu.openGuidelines', 'ORG');
    const editor = await eventually('guidelines open', () => (vscode.window.activeTextEditor?.document.uri.path.endsWith('guidelines.md') ? vscode.window.activeTextEditor : undefined));
    assert.strictEqual(editor.selection.active.line, 3);
  });

  it('lints the whole workspace: a page not open is read from its sidecar and counted with the open ones', async () => {
    // Closed page: its tag of the same name as LOC is off the majority (ORG on the open page), and a span ends in a space.
    const closed = await writeFile('team-closed.txt', TEXT);
    const annotations = [tag('拉萨市人民政府', 0, 'LOC'), tag('扎西 ', 0, 'PER')];
    const doc: Sidecar = { ...toDocument('team-closed.txt', TEXT, { articles: [], columnBreaks: [], annotations }), orphans: [] };
    await vscode.workspace.fs.writeFile(closed.with({ path: `${closed.path}.biaozhu.json` }), Buffer.from(serializeDocument({ ...doc })));
    assert.deepStrictEqual(vscode.languages.getDiagnostics(closed), [], 'a page not open is not linted before the command');

    await vscode.commands.executeCommand('biaozhu.lintWorkspace');
    const found = vscode.languages.getDiagnostics(closed);
    assert.deepStrictEqual(found.map(d => String(d.code)).sort(), ['inconsistent-label', 'span-edges']);
    const inconsistent = found.find(d => d.code === 'inconsistent-label')!;
    assert.match(inconsistent.message, /corpus ORG ×3, LOC ×1; most use ORG/, 'the open page counts in the corpus');
    assert.strictEqual(inconsistent.range.start.character, 0, 'the finding points at the span in the page');
  });
});

describe('team views (issue 14): Pages by review status, Annotation Conflicts, guidelines in the panel', () => {
  let api: BiaozhuApi;
  let page: vscode.Uri;
  const sidecarOf = (uri: vscode.Uri) => uri.with({ path: `${uri.path}.biaozhu.json` });
  const writePage = async (name: string, extra: Partial<Sidecar>, annotations: Annotation[] = []) => {
    const uri = await writeFile(name, TEXT);
    const doc: Sidecar = { ...toDocument(name, TEXT, { articles: [], columnBreaks: [], annotations }), orphans: [], ...extra };
    await vscode.workspace.fs.writeFile(sidecarOf(uri), Buffer.from(serializeDocument({ ...doc })));
    return uri;
  };
  const findRow = (rows: TreeRow[], label: string): TreeRow | undefined => rows.find(r => r.label === label);
  const groupOf = (rows: TreeRow[], name: string) => rows.find(g => g.children.some(c => c.label === name))?.label;
  const duo = tag('多吉', 0, 'PER', 'suggested');
  const zhaxi = tag('扎西', 0, 'PER');

  before(async () => {
    api = await getApi();
    const at = '2026-02-01T00:00:00.000Z';
    await writePage('views-done.txt', { review: { status: 'done', by: 'alice', at } });
    await writePage('views-progress.txt', { review: { status: 'in progress', at } });
    await writePage('views-unmarked.txt', {});
    const conflicts = [
      { list: 'annotations' as const, id: duo.id, base: null, ours: duo, theirs: { ...duo, label: 'ORG', status: 'accepted' as const }, fields: ['label', 'status'] },
      { list: 'annotations' as const, id: zhaxi.id, base: zhaxi, ours: { ...zhaxi, status: 'rejected' as const }, theirs: null, fields: [] },
    ];
    page = await writePage('views-conflicts.txt', { conflicts }, [duo, { ...zhaxi, status: 'rejected' }]);
    await vscode.window.showTextDocument(page, { preview: false });
    await api.whenIdle(page);
  });
  after(async () => {
    await vscode.commands.executeCommand('biaozhu.clearPagesFilter');
    await closeAll();
  });

  it('groups the Pages view by review status, the mark winning, with counts', async () => {
    const rows = await api.pagesTree();
    const order = ['Not Started', 'In Progress', 'Done', 'Reviewed'];
    assert.deepStrictEqual(rows.map(r => r.label), order.filter(l => rows.some(r => r.label === l)), 'groups in the view order');
    for (const r of rows) assert.strictEqual(r.description, String(r.children.length), `${r.label} counts its pages`);
    assert.strictEqual(groupOf(rows, 'views-done.txt'), 'Done');
    assert.strictEqual(groupOf(rows, 'views-progress.txt'), 'In Progress');
    assert.strictEqual(groupOf(rows, 'views-unmarked.txt'), 'Not Started');
    const done = findRow(findRow(rows, 'Done')!.children, 'views-done.txt')!;
    assert.match(done.description ?? '', /0 annotations, 0 suggestions to decide · alice/);
    assert.match(done.tooltip ?? '', /marked done by alice/);
    assert.strictEqual(findRow(rows, 'Done')!.icon, 'pass');
  });

  it('filters the Pages view by review status and clears the filter', async () => {
    assert.deepStrictEqual(await vscode.commands.executeCommand('biaozhu.filterPagesByReview', ['done', 'in progress']), ['in progress', 'done']);
    let rows = await api.pagesTree();
    assert.deepStrictEqual(rows.map(r => r.label), ['In Progress', 'Done']);
    assert.ok(!rows.some(r => r.children.some(c => c.label === 'views-unmarked.txt')));
    assert.deepStrictEqual(await vscode.commands.executeCommand('biaozhu.clearPagesFilter'), []);
    rows = await api.pagesTree();
    assert.strictEqual(groupOf(rows, 'views-unmarked.txt'), 'Not Started');
  });

  it('lists the conflicts of the open pages, mine against theirs, and shows one in the editor', async () => {
    const rows = await eventually('conflicts view', async () => (await api.conflictsTree()).find(r => r.label === 'views-conflicts.txt'));
    assert.strictEqual(rows.description, '2 conflicts');
    assert.deepStrictEqual(rows.children.map(c => [c.label, c.description, c.contextValue]), [
      ['「多吉」', 'mine: PER suggested 「多吉」 ↔ theirs: ORG accepted 「多吉」', 'conflict'],
      ['「扎西」', 'mine: PER rejected 「扎西」 ↔ theirs: deleted', 'conflict'],
    ]);
    const tip = (r: TreeRow) => (r.tooltip ?? '').replace(/&nbsp;/g, ' '); // appendText escapes spaces
    assert.match(tip(rows.children[0]), /annotation per-\d+ · differs in label, status\n\nmine: PER suggested 「多吉」 {2}\ntheirs: ORG accepted 「多吉」/);
    assert.match(tip(rows.children[1]), /deleted on their branch/);
    await vscode.commands.executeCommand(rows.children[0].command!, rows.children[0].node);
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.toString(), page.toString());
    assert.strictEqual(editor.document.getText(editor.selection), '多吉');
  });

  it('resolves a conflict with the inline Keep Both (undoable), then Take Theirs, and saves the sidecar', async () => {
    const [both] = (await api.conflictsTree())[0].children;
    assert.strictEqual(await vscode.commands.executeCommand('biaozhu.keepBoth', both.node), true);
    const labels = () => api.annotations(page).filter(a => a.text === '多吉').map(a => `${a.label}:${a.status}`).sort();
    assert.deepStrictEqual(labels(), ['ORG:accepted', 'PER:suggested']);
    await api.whenIdle(page);
    let saved = await eventually('sidecar with one conflict left', async () => {
      const s = (await readJson(sidecarOf(page))) as Sidecar;
      return s.conflicts?.length === 1 && s.annotations.filter(a => a.text === '多吉').length === 2 ? s : undefined;
    });
    assert.strictEqual(saved.conflicts![0].id, zhaxi.id);
    const left = await api.conflictsTree();
    assert.deepStrictEqual(left[0].children.map(c => c.label), ['「扎西」']);

    await vscode.commands.executeCommand('biaozhu.undoAnnotation');
    assert.deepStrictEqual(labels(), ['PER:suggested'], 'Undo Annotation Action takes the resolution back');
    await vscode.commands.executeCommand('biaozhu.redoAnnotation');
    assert.deepStrictEqual(labels(), ['ORG:accepted', 'PER:suggested']);

    assert.strictEqual(await vscode.commands.executeCommand('biaozhu.takeTheirs', left[0].children[0].node), true);
    assert.ok(!api.annotations(page).some(a => a.text === '扎西'), 'theirs deleted it');
    await api.whenIdle(page);
    saved = await eventually('sidecar without conflicts', async () => {
      const s = (await readJson(sidecarOf(page))) as Sidecar;
      return s.conflicts === undefined && !s.annotations.some(a => a.text === '扎西') ? s : undefined;
    });
    assert.deepStrictEqual(saved.annotations.filter(a => a.text === '多吉').map(a => a.label).sort(), ['ORG', 'PER']);
    assert.deepStrictEqual(await api.conflictsTree(), []);
  });

  it('sends the label guidelines to the side panel, again when the file changes, and opens them from there', async () => {
    const file = vscode.Uri.joinPath(workspaceRoot(), '.biaozhu', 'guidelines.md');
    const write = (definition: string) => vscode.workspace.fs.writeFile(file, Buffer.from(`# Labels\n## PER — Person\n${definition}\n### Examples\n- 扎西\n- <b>多吉</b>\n## ORG — Organisation\nThe full official name.\n`));
    await write('A person\'s name.');
    await vscode.window.showTextDocument(page, { preview: false });
    const per = await eventually('guideline in the panel snapshot', () => {
      const g = api.panelSnapshot().guidelines?.PER;
      return g?.definition === 'A person\'s name.' ? g : undefined;
    });
    assert.deepStrictEqual(per, { title: 'PER — Person', definition: 'A person\'s name.', examples: ['扎西', '<b>多吉</b>'] });
    assert.strictEqual(api.panelSnapshot().review, 'not started', 'the Statistics tab shows the page\'s mark (none: not started)');
    await write('Someone\'s full name, as written.');
    await eventually('the changed guideline', () => api.panelSnapshot().guidelines?.PER?.definition === 'Someone\'s full name, as written.');
    // An earlier test left the file open in an editor: VS Code reloads that document from disk a moment after
    // the write, and a selection set before then is clamped to the old, shorter text.
    await eventually('the open guidelines document reloaded', () =>
      vscode.workspace.textDocuments.find(d => d.uri.toString() === file.toString())?.getText().includes('Someone\'s full name') ?? true);

    assert.strictEqual(await api.panelMessage({ type: 'openGuidelines', label: 'NOPE' }), false, 'an unknown label is refused');
    assert.strictEqual(await api.panelMessage({ type: 'openGuidelines', label: 'ORG' }), true);
    const editor = await eventually('guidelines open', () => (vscode.window.activeTextEditor?.document.uri.path.endsWith('guidelines.md') ? vscode.window.activeTextEditor : undefined));
    assert.strictEqual(editor.selection.active.line, 6);
  });
});
