// Side panel messages name their page: one built for page A can never change page B, even when the
// ids match (ids are label-start-end, so two pages with the same text share them).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAll, copyOf, getApi, openAnalysed, seedUri, type BiaozhuApi } from './util';

describe('panel messages reach only the page they name', () => {
  let api: BiaozhuApi;
  let pageA: vscode.Uri;
  let pageB: vscode.Uri;

  before(async () => {
    api = await getApi();
    const seed = await seedUri();
    pageA = await copyOf(seed, 'panel-a.txt');
    pageB = await copyOf(seed, 'panel-b.txt');
    await openAnalysed(api, pageA);
    await openAnalysed(api, pageB);
  });
  after(closeAll);

  const ref = async (uri: vscode.Uri) => ({ uri: uri.toString(), version: (await vscode.workspace.openTextDocument(uri)).version });
  const statuses = (uri: vscode.Uri) => api.annotations(uri).map(a => `${a.id}:${a.status}`);

  it('refuses a stale message for page A while page B is shown, and changes neither page', async () => {
    const target = api.annotations(pageA).find(a => a.status === 'suggested');
    assert.ok(target, 'page A has no suggestion to reject');
    assert.ok(api.annotations(pageB).some(a => a.id === target.id && a.status === 'suggested'), 'the pages should share ids (same text)');
    const messageForA = { type: 'setStatus', page: await ref(pageA), ids: [target.id], status: 'rejected' };
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(pageB), { preview: false });
    const beforeA = statuses(pageA);
    const beforeB = statuses(pageB);

    assert.strictEqual(await api.panelMessage(messageForA), false, 'the host accepted a message for a page it does not show');
    await api.whenIdle(pageA);
    await api.whenIdle(pageB);
    assert.deepStrictEqual(statuses(pageB), beforeB, 'page B changed');
    assert.deepStrictEqual(statuses(pageA), beforeA, 'page A changed');
  });

  it('applies the same action when it names the page shown, through the same command as the palette', async () => {
    const target = api.annotations(pageB).find(a => a.status === 'suggested');
    assert.ok(target);
    const beforeA = statuses(pageA);
    assert.strictEqual(await api.panelMessage({ type: 'setStatus', page: await ref(pageB), ids: [target.id], status: 'rejected' }), true);
    await api.whenIdle(pageB);
    assert.strictEqual(api.annotations(pageB).find(a => a.id === target.id)?.status, 'rejected');
    assert.deepStrictEqual(statuses(pageA), beforeA, 'page A changed');
  });

  it('refuses a reveal built for an older version of the page', async () => {
    const doc = await vscode.workspace.openTextDocument(pageB);
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const stale = await ref(pageB);
    assert.ok(await editor.edit(b => b.insert(new vscode.Position(0, 0), '　')), 'edit refused');
    try {
      assert.strictEqual(await api.panelMessage({ type: 'reveal', page: stale, start: 0, end: 1 }), false);
      assert.strictEqual(await api.panelMessage({ type: 'reveal', page: await ref(pageB), start: 0, end: 1 }), true);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await api.whenIdle(pageB);
    }
  });
});
