// The side panel's issue-13 actions in the real editor: a relation accepted, rejected and removed from the
// Relations tab, Undo and Redo from the panel's buttons, and article labels set for the article the panel
// names. Each goes through the panel host's checks and the palette's command, and shows in the sidecar.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AnnotationDocument } from '../../../src/core/types';
import { closeAll, getApi, openAnalysed, readJson, writeFile, type BiaozhuApi } from './util';

const TEXT = '南山区法院审结一批案件\n　　本报讯（记者 林一）南山区人民法院院长陈小明说，海川科技有限公司董事长周小华出资58万元。\n';

describe('panel: relations, undo and article labels', () => {
  let api: BiaozhuApi;
  let uri: vscode.Uri;
  let editor: vscode.TextEditor;

  const run = async (command: string, arg?: unknown) => {
    const result = await vscode.commands.executeCommand(command, arg);
    await api.whenIdle(uri);
    return result;
  };
  const select = (s: string) => {
    const start = TEXT.indexOf(s);
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + s.length));
  };
  const sidecar = async () => (await readJson(api.sidecarUri(uri))) as AnnotationDocument;
  const page = () => ({ uri: uri.toString(), version: editor.document.version });
  /** Sends a message as the panel would, for the page shown; resolves once the page has settled. */
  const send = async (message: Record<string, unknown>) => {
    const ok = await api.panelMessage({ ...message, page: page() });
    await api.whenIdle(uri);
    return ok;
  };
  /** The relations a person made (the analysis also suggests 任职 for 周小华 → 海川科技有限公司, left alone here). */
  const manual = (doc: AnnotationDocument) => (doc.relations ?? []).filter(r => r.source === 'manual');
  const relations = async () => manual(await sidecar()).map(r => `${r.label}:${r.status}`);

  before(async function () {
    // The first analysis loads the tagger in a worker: slow on a loaded machine.
    this.timeout(300_000);
    api = await getApi();
    uri = await writeFile('panel-relations.txt', TEXT);
    editor = await openAnalysed(api, uri);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAll();
  });

  it('accepts, rejects and removes a relation from the panel, and undoes and redoes it from the panel', async function () {
    this.timeout(120_000);
    select('南山区人民法院');
    await run('biaozhu.tagSelection', { label: 'ORG' });
    select('陈小明');
    await run('biaozhu.tagSelection', { label: 'PER' });
    const org = api.annotations(uri).find(a => a.text === '南山区人民法院' && a.status === 'accepted');
    const per = api.annotations(uri).find(a => a.text === '陈小明' && a.status === 'accepted');
    assert.ok(org && per, api.annotations(uri).map(a => `${a.text}/${a.status}`).join(' '));
    const at = editor.document.positionAt(per.start + 1);
    editor.selection = new vscode.Selection(at, at);
    const relationId = await run('biaozhu.linkAnnotation', { to: org.id, label: '任职' });
    assert.strictEqual(typeof relationId, 'string');
    assert.deepStrictEqual(await relations(), ['任职:accepted']);

    // An annotation id is not a relation id: refused, nothing changes.
    assert.strictEqual(await send({ type: 'setRelationStatus', ids: [per.id], status: 'rejected' }), false);
    assert.deepStrictEqual(await relations(), ['任职:accepted']);

    assert.strictEqual(await send({ type: 'setRelationStatus', ids: [relationId], status: 'rejected' }), true);
    assert.deepStrictEqual(await relations(), ['任职:rejected']);
    assert.strictEqual(await send({ type: 'undo' }), true);
    assert.deepStrictEqual(await relations(), ['任职:accepted'], 'undo from the panel did not take the rejection back');
    assert.strictEqual(await send({ type: 'redo' }), true);
    assert.deepStrictEqual(await relations(), ['任职:rejected'], 'redo from the panel did not bring the rejection again');
    assert.strictEqual(await send({ type: 'setRelationStatus', ids: [relationId], status: 'accepted' }), true);
    assert.deepStrictEqual(await relations(), ['任职:accepted']);

    assert.strictEqual(await send({ type: 'removeRelations', ids: [relationId] }), true);
    assert.deepStrictEqual(await relations(), []);
    assert.ok(api.annotations(uri).some(a => a.id === per.id) && api.annotations(uri).some(a => a.id === org.id), 'removing the relation removed an end');
    assert.strictEqual(await send({ type: 'undo' }), true);
    assert.deepStrictEqual(manual(await sidecar()).map(r => [r.id, r.from, r.to]), [[relationId, per.id, org.id]]);
  });

  it('sets the labels of the article the panel names, undoably', async function () {
    this.timeout(60_000);
    const article = api.articles(uri)[0];
    assert.ok(article, 'the page has no article');
    assert.strictEqual(await send({ type: 'setArticleLabels', articleId: 'no-such-article' }), false);
    // The panel's message opens a multi-select; the command takes the labels as well, with the page's uri.
    await run('biaozhu.setArticleLabels', { uri: uri.toString(), articleId: article.id, labels: ['社会'] });
    assert.deepStrictEqual((await sidecar()).articles.find(a => a.id === article.id)?.labels, ['社会']);
    assert.deepStrictEqual(api.articles(uri)[0].labels, ['社会']);
    assert.strictEqual(await send({ type: 'undo' }), true);
    assert.strictEqual((await sidecar()).articles.find(a => a.id === article.id)?.labels, undefined);
  });
});
