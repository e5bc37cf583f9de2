// Issue 14 in the real editor: lint in the Problems panel, quick fixes, conflict resolution, review marks, guidelines.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { serializeDocument } from '../../../src/core/documentJson';
import { toDocument } from '../../../src/core/document';
import type { Sidecar } from '../../../src/core/team/types';
import type { Annotation } from '../../../src/core/types';
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
