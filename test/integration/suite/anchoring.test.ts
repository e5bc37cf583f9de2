// Issue 11: an annotation is never silently moved to the wrong place when its page changes outside the
// editor — git checkout and back, another program's edits, a page changed while closed.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Annotation } from '../../../src/core/types';
import { closeAll, eventually, getApi, openAnalysed, workspaceRoot, type BiaozhuApi } from './util';

// Invented text: the organisation's name occurs in the heading and in several sentences.
const NAME = '国家发展改革委';
const HEADING = `${NAME}部署今冬明春保供稳价工作\n`;
const PARAS = [
  `本报讯 记者李明报道：${NAME}昨日召开新闻发布会，介绍今年以来经济运行情况。`,
  `发布会上，${NAME}有关负责人表示，前三季度全国固定资产投资保持稳定增长。`,
  '据了解，今年以来各地加快推进重大项目建设，一批交通、水利和能源项目陆续开工。',
  '该负责人还说，下一步将继续做好保供稳价工作，确保群众生活必需品供应充足。',
];
const PAGE = HEADING + PARAS.join('\n') + '\n';

const nth = (text: string, word: string, n: number) => {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(word, at + 1);
  assert.ok(at >= 0, `${word} #${n} not in the text`);
  return at;
};
const isReviewed = (a: Annotation) => a.source === 'manual' || a.status !== 'suggested';

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], {
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 't@example.com' },
  });
}

/** A fresh repository in scratch/NAME with PAGE committed as page.txt on `main`. */
function pageRepo(name: string): { dir: string; file: string } {
  const dir = path.join(workspaceRoot().fsPath, 'scratch', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'page.txt');
  writeFileSync(file, PAGE);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', 'page.txt');
  git(dir, 'commit', '-qm', 'page');
  return { dir, file };
}

/**
 * Commits `text` as page.txt on `branch` (made from HEAD when `create`) from a second worktree of `dir`, so
 * the page open in the editor changes only when the test checks out or rebases.
 */
function commitBeside(dir: string, branch: { name: string; create: boolean }, text: string, message: string): void {
  const side = `${dir}-side`;
  rmSync(side, { recursive: true, force: true });
  git(dir, 'worktree', 'add', '-q', ...(branch.create ? ['-b', branch.name, side] : [side, branch.name]));
  writeFileSync(path.join(side, 'page.txt'), text);
  git(side, 'commit', '-qam', message);
  git(dir, 'worktree', 'remove', '--force', side);
}

describe('anchoring through outside changes (issue 11)', function () {
  // Each test waits for VS Code to notice several changes on disk; a loaded machine needs more than the default.
  this.timeout(240_000);
  let api: BiaozhuApi;
  before(async () => { api = await getApi(); });
  afterEach(closeAll);

  /** Tags `[start, end)` by hand and returns the manual annotation. */
  async function tag(editor: vscode.TextEditor, start: number, end: number, label = 'ORG'): Promise<Annotation> {
    const doc = editor.document;
    editor.selection = new vscode.Selection(doc.positionAt(start), doc.positionAt(end));
    await vscode.commands.executeCommand('biaozhu.tagSelection', { label });
    await api.whenIdle(doc.uri);
    const a = api.annotations(doc.uri).find(x => x.start === start && x.end === end && x.source === 'manual');
    assert.ok(a, `no manual ${label} at ${start}-${end}`);
    return a;
  }

  /** Waits until VS Code has reloaded `doc` with `text` from disk and the extension is idle again. */
  async function reloaded(doc: vscode.TextDocument, text: string): Promise<void> {
    try {
      await eventually('the page reloaded from disk', () => doc.getText() === text, 30_000);
    } catch {
      // On a loaded machine the file watcher can lag far behind: Revert File reloads from disk the same way.
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await eventually('the page reverted from disk', () => doc.getText() === text, 30_000);
    }
    await api.whenIdle(doc.uri);
  }

  function onOwnText(doc: vscode.TextDocument): void {
    const text = doc.getText();
    assert.deepStrictEqual(api.annotations(doc.uri).filter(a => text.slice(a.start, a.end) !== a.text), [], 'annotations off their text');
  }

  it('git checkout to a branch that rewrites the heading, and back: the heading item is orphaned, then every reviewed item is back on its offsets', async () => {
    const { dir, file } = pageRepo('anchor-git');

    const uri = vscode.Uri.file(file);
    const editor = await openAnalysed(api, uri);
    const heading = await tag(editor, 0, NAME.length);
    const body = await tag(editor, nth(PAGE, NAME, 2), nth(PAGE, NAME, 2) + NAME.length);
    assert.ok(await editor.document.save(), 'save failed');
    await api.whenIdle(uri);
    const reviewed = api.annotations(uri).filter(isReviewed);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'annotations');

    const branchText = PAGE.replace(HEADING, '多部门部署今冬明春保供稳价工作\n');
    commitBeside(dir, { name: 'rewrite', create: true }, branchText, 'rewrite the heading');

    git(dir, 'checkout', '-q', 'rewrite');
    await reloaded(editor.document, branchText);
    onOwnText(editor.document);
    assert.deepStrictEqual(api.orphans(uri).map(o => [o.id, o.status]), [[heading.id, 'accepted']], 'the heading item must be an orphan');
    assert.strictEqual(api.annotations(uri).find(a => a.id === heading.id), undefined, 'the heading item moved to other words');
    const movedBody = api.annotations(uri).find(a => a.id === body.id);
    assert.ok(movedBody && movedBody.start === body.start + branchText.length - PAGE.length, 'the body item did not follow the diff');

    git(dir, 'checkout', '-q', 'main');
    await reloaded(editor.document, PAGE);
    onOwnText(editor.document);
    const back = api.annotations(uri).filter(isReviewed);
    assert.deepStrictEqual(back.map(a => [a.id, a.start, a.end, a.status]).sort(), reviewed.map(a => [a.id, a.start, a.end, a.status]).sort());
    assert.deepStrictEqual(api.orphans(uri), [], 'the orphan did not come home');
  });

  it('git rebase onto a commit that rewrites the page: items follow the new text, the rewritten one is orphaned', async () => {
    const { dir, file } = pageRepo('anchor-rebase');
    git(dir, 'checkout', '-q', '-b', 'work');

    const uri = vscode.Uri.file(file);
    const editor = await openAnalysed(api, uri);
    const first = await tag(editor, nth(PAGE, NAME, 1), nth(PAGE, NAME, 1) + NAME.length);
    const second = await tag(editor, nth(PAGE, NAME, 2), nth(PAGE, NAME, 2) + NAME.length);
    assert.ok(await editor.document.save(), 'save failed');
    await api.whenIdle(uri);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'annotations');

    // Upstream: a line added on top and the first paragraph's sentence rewritten so that its name is gone.
    const added = '（本报综合消息）\n';
    const upstream = added + PAGE.replace(PARAS[0], '本报讯 记者李明报道：有关部门昨日召开新闻发布会，介绍今年以来经济运行情况。');
    commitBeside(dir, { name: 'main', create: false }, upstream, 'upstream rewrites the page');

    git(dir, 'rebase', '-q', 'main');
    await reloaded(editor.document, upstream);
    onOwnText(editor.document);
    assert.deepStrictEqual(api.orphans(uri).map(o => o.id), [first.id], 'the item whose words upstream rewrote must be an orphan');
    const moved = api.annotations(uri).find(a => a.id === second.id);
    assert.deepStrictEqual(moved && [moved.start, moved.end], [second.start + upstream.length - PAGE.length, second.end + upstream.length - PAGE.length],
      'the other item follows the diff to its own words');
  });

  it('insert + delete from outside, the words duplicated elsewhere, a paragraph moved: never on other words', async () => {
    const dir = path.join(workspaceRoot().fsPath, 'scratch', 'anchor-outside');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'page.txt');
    writeFileSync(file, PAGE);
    const uri = vscode.Uri.file(file);
    const editor = await openAnalysed(api, uri);
    const doc = editor.document;
    const inDeleted = await tag(editor, nth(PAGE, NAME, 2), nth(PAGE, NAME, 2) + NAME.length);
    const water = await tag(editor, PAGE.indexOf('水利'), PAGE.indexOf('水利') + 2, 'ORG');
    assert.ok(await doc.save());
    await api.whenIdle(uri);

    // A 30-character line inserted at the top, the paragraph holding the manual item deleted.
    const top = '【编者按】本版今起推出经济形势系列报道，深入解读各项政策措施，敬请关注。\n';
    const changed = top + HEADING + PARAS[0] + '\n' + PARAS.slice(2).join('\n') + '\n';
    writeFileSync(file, changed);
    await reloaded(doc, changed);
    onOwnText(doc);
    assert.strictEqual(api.annotations(uri).find(a => a.id === inDeleted.id), undefined, 'the deleted paragraph\'s item jumped to the same words elsewhere');
    assert.deepStrictEqual(api.orphans(uri).map(o => o.id), [inDeleted.id]);
    const w = api.annotations(uri).find(a => a.id === water.id);
    assert.deepStrictEqual(w && [w.start, w.text], [changed.indexOf('水利'), '水利']);

    // The user re-attaches the orphan by selecting its new place (the name in the first paragraph).
    const home = changed.indexOf(NAME, changed.indexOf(PARAS[0]));
    editor.selection = new vscode.Selection(doc.positionAt(home), doc.positionAt(home + NAME.length));
    await vscode.commands.executeCommand('biaozhu.reattachOrphan', { id: inDeleted.id });
    await api.whenIdle(uri);
    const placed = api.annotations(uri).find(a => a.id === inDeleted.id);
    assert.deepStrictEqual(placed && [placed.start, placed.end, placed.status, placed.source], [home, home + NAME.length, 'accepted', 'manual']);
    assert.deepStrictEqual(api.orphans(uri), []);

    // The name written again into another sentence: nothing moves onto it.
    const dup = changed.replace('据了解，', `据${NAME}介绍，`);
    writeFileSync(file, dup);
    await reloaded(doc, dup);
    onOwnText(doc);
    const still = api.annotations(uri).find(a => a.id === inDeleted.id);
    assert.deepStrictEqual(still && still.start, dup.indexOf(NAME, dup.indexOf(PARAS[0])), 'the re-attached item moved to the duplicate');

    // A paragraph cut and pasted at the end: its item follows it.
    const paras = dup.split('\n');
    const withWater = paras.findIndex(p => p.includes('水利'));
    const moved = [...paras.filter((_, i) => i !== withWater && paras[i] !== ''), paras[withWater]].join('\n') + '\n';
    writeFileSync(file, moved);
    await reloaded(doc, moved);
    onOwnText(doc);
    const w2 = api.annotations(uri).find(a => a.id === water.id);
    assert.deepStrictEqual(w2 && [w2.start, w2.text], [moved.indexOf('水利'), '水利'], 'the moved paragraph\'s item did not follow');
  });

  it('a page changed while closed: found by its saved context; without context (an older sidecar), an orphan', async () => {
    const dir = path.join(workspaceRoot().fsPath, 'scratch', 'anchor-closed');
    mkdirSync(dir, { recursive: true });
    const source = vscode.Uri.file(path.join(dir, 'source.txt'));
    writeFileSync(source.fsPath, PAGE);
    const editor = await openAnalysed(api, source);
    const item = await tag(editor, nth(PAGE, NAME, 1), nth(PAGE, NAME, 1) + NAME.length);
    assert.ok(await editor.document.save());
    await api.whenIdle(source);
    await closeAll();
    const sidecar = readFileSync(api.sidecarUri(source).fsPath, 'utf8');
    const saved = JSON.parse(sidecar) as { annotations: Annotation[] };
    const savedItem = saved.annotations.find(a => a.id === item.id)!;
    assert.strictEqual(savedItem.prefix, PAGE.slice(item.start - 16, item.start), 'the sidecar keeps the context');

    // Two copies of the sidecar, as if written before the page gained a line: one with context, one without.
    const changed = '（受权发布）\n' + PAGE;
    const withCtx = vscode.Uri.file(path.join(dir, 'with.txt'));
    const without = vscode.Uri.file(path.join(dir, 'without.txt'));
    writeFileSync(withCtx.fsPath, changed);
    writeFileSync(without.fsPath, changed);
    writeFileSync(api.sidecarUri(withCtx).fsPath, sidecar);
    const stripped = { ...saved, annotations: saved.annotations.map(({ prefix: _p, suffix: _s, ...a }) => a) };
    writeFileSync(api.sidecarUri(without).fsPath, JSON.stringify(stripped, null, 1));

    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(withCtx));
    const found = await eventually('the item found by context', () => api.annotations(withCtx).find(a => a.id === item.id));
    assert.deepStrictEqual([found.start, found.end, found.status], [item.start + 7, item.end + 7, item.status]);

    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(without));
    await eventually('the item kept as an orphan', () => api.orphans(without).some(o => o.id === item.id));
    await api.whenIdle(without);
    assert.strictEqual(api.annotations(without).find(a => a.id === item.id), undefined, 'a context-less item was placed by a guess');
  });
});
