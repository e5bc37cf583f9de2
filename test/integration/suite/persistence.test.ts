// Saving, closing and reopening a page: the sidecar on disk carries the user's work; export meets the contract.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { parseDocument } from '../../../src/core/documentJson';
import type { Annotation } from '../../../src/core/types';
import { contractErrors } from '../../helpers/schema';
import { closeAll, copyOf, eventually, exists, getApi, openAnalysed, seedUri, workspaceRoot, writeFile, type BiaozhuApi } from './util';

const readText = async (uri: vscode.Uri) => Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
const same = (a: Annotation) => (b: Annotation) => a.start === b.start && a.end === b.end && a.label === b.label && a.text === b.text;

/** Tags the first untouched run of `length` Han characters with `label` and returns the new annotation. */
async function tagFreeRun(api: BiaozhuApi, editor: vscode.TextEditor, label: string, length = 2): Promise<Annotation> {
  const doc = editor.document;
  const text = doc.getText();
  const taken = api.annotations(doc.uri);
  let start = -1;
  for (let i = 0; i + length <= text.length && start < 0; i++) {
    const run = text.slice(i, i + length);
    if (/^[\u4e00-\u9fff]+$/.test(run) && !taken.some(a => a.start <= i + length && i <= a.end)) start = i;
  }
  assert.ok(start >= 0, 'no free run to tag');
  editor.selection = new vscode.Selection(doc.positionAt(start), doc.positionAt(start + length));
  await vscode.commands.executeCommand('biaozhu.tagSelection', { label });
  await api.whenIdle(doc.uri);
  const tagged = api.annotations(doc.uri).find(a => a.start === start && a.end === start + length && a.source === 'manual');
  assert.ok(tagged, `tagging ${label} made no manual annotation`);
  return tagged;
}

describe('persistence', () => {
  let api: BiaozhuApi;
  before(async () => { api = await getApi(); });
  afterEach(closeAll);

  it('saves the user\'s work to the sidecar and finds it again after close and reopen', async () => {
    const uri = await copyOf(await seedUri(), 'reopen.txt');
    let editor = await openAnalysed(api, uri);
    const manual = await tagFreeRun(api, editor, 'ORG');
    const rejected = api.annotations(uri).find(a => a.status === 'suggested' && a.end - a.start >= 2)!;
    const inside = editor.document.positionAt(rejected.start + 1);
    editor.selection = new vscode.Selection(inside, inside);
    await vscode.commands.executeCommand('biaozhu.rejectAtCursor');
    assert.ok(await editor.document.save(), 'save failed');
    await api.whenIdle(uri);

    const sidecar = api.sidecarUri(uri);
    assert.ok(await exists(sidecar), `no sidecar at ${sidecar.fsPath}`);
    const parsed = parseDocument(await readText(sidecar));
    assert.ok(parsed.ok, `sidecar does not parse: ${JSON.stringify(!parsed.ok && parsed.problem)}`);
    assert.ok(parsed.doc.annotations.some(same(manual)), 'the sidecar lacks the manual tag');
    assert.strictEqual(parsed.doc.annotations.find(same(rejected))?.status, 'rejected', 'the sidecar lacks the rejection');
    assert.deepStrictEqual(contractErrors(parsed.doc, await readText(uri)), []);

    // Closing an editor does not dispose its document within a test's time (VS Code keeps the model), so
    // close it the way the extension host sees it: a language change fires onDidClose, then onDidOpen of
    // the same document, and the store drops its state and loads the sidecar from disk again.
    await closeAll();
    const closed = new Promise<void>(resolve => {
      const sub = vscode.workspace.onDidCloseTextDocument(d => { if (d.uri.toString() === uri.toString()) { sub.dispose(); resolve(); } });
    });
    const doc = await vscode.languages.setTextDocumentLanguage(editor.document, 'markdown');
    await closed;
    await api.whenIdle(uri);
    await vscode.languages.setTextDocumentLanguage(doc, 'plaintext');
    editor = await vscode.window.showTextDocument(doc);
    await eventually('annotations loaded on reopen', () => api.annotations(uri).length > 0);
    await api.whenIdle(uri);
    const reloaded = api.annotations(uri);
    assert.ok(reloaded.some(a => same(manual)(a) && a.source === 'manual'), 'the manual tag did not come back');
    assert.strictEqual(reloaded.find(same(rejected))?.status, 'rejected', 'the rejection did not come back');
  });

  it('loads a sidecar that sits beside a page it has never seen open', async () => {
    const uri = await copyOf(await seedUri(), 'source.txt');
    const editor = await openAnalysed(api, uri);
    const manual = await tagFreeRun(api, editor, 'LOC', 3);
    await editor.document.save();
    await api.whenIdle(uri);
    await closeAll();
    // Copy page and sidecar to a new name, as a colleague's checkout would bring them.
    const copy = vscode.Uri.joinPath(workspaceRoot(), 'scratch', 'colleague.txt');
    await vscode.workspace.fs.copy(uri, copy, { overwrite: true });
    await vscode.workspace.fs.copy(api.sidecarUri(uri), api.sidecarUri(copy), { overwrite: true });
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(copy));
    await eventually('the copied annotations', () => api.annotations(copy).some(same(manual)));
  });

  it('exports the export-contract JSON to the given target, valid against the schema', async () => {
    const uri = await copyOf(await seedUri(), 'export.txt');
    const editor = await openAnalysed(api, uri);
    const manual = await tagFreeRun(api, editor, 'PER');
    const target = vscode.Uri.joinPath(workspaceRoot(), 'scratch', 'exported', 'export.json');
    await vscode.commands.executeCommand('biaozhu.exportAnnotations', { uri, target });
    assert.ok(await exists(target), `nothing written to ${target.fsPath}`);
    const json = JSON.parse(await readText(target));
    assert.deepStrictEqual(contractErrors(json, editor.document.getText()), []);
    assert.ok(json.annotations.some(same(manual)), 'the export lacks the manual tag');
    assert.ok(json.articles.length > 0, 'the export lacks the articles');
  });

  it('exports several pages at once, one file per page, keeping pages of the same name apart', async () => {
    // Invented text: a character outside the BMP before the spans checks brat's code-point offsets.
    const a = await writeFile('batch/a/page.txt', '𠀀测试：今年共培训学员3200余人次，投入资金58万元。\n');
    const b = await writeFile('batch/b/page.txt', '报道称，全年接待游客1.5万人次，同比增长12%。\n');
    const editor = await openAnalysed(api, a);
    const manual = await tagFreeRun(api, editor, 'ORG');
    await closeAll();
    const before = (await vscode.workspace.fs.stat(a)).mtime;

    // brat into the pages' own folder: X.ann beside X.txt, and the page itself is not rewritten.
    const batch = vscode.Uri.joinPath(workspaceRoot(), 'scratch', 'batch');
    const written = await vscode.commands.executeCommand<string[]>('biaozhu.exportPages', { uris: [batch], target: batch, format: 'brat' });
    assert.deepStrictEqual(written.map(f => vscode.workspace.asRelativePath(f)).sort(), ['scratch/batch/a/page.ann', 'scratch/batch/b/page.ann']);
    assert.strictEqual((await vscode.workspace.fs.stat(a)).mtime, before, 'the page was rewritten');
    for (const page of [a, b]) {
      const text = await readText(page);
      const points = [...text];
      const ann = await readText(vscode.Uri.file(page.fsPath.replace(/\.txt$/, '.ann')));
      const spans = ann.split('\n').filter(l => l.startsWith('T')).map(l => l.split('\t'));
      assert.ok(spans.some(t => t[1].startsWith('NUMBER')), `${page.path}: no number exported:\n${ann}`);
      for (const [, typeSpan, quote] of spans) {
        const [, start, end] = typeSpan.split(' ').map(Number);
        assert.strictEqual(points.slice(start, end).join(''), quote, `${page.path}: ${typeSpan} does not cover "${quote}"`);
      }
    }
    const annA = await readText(vscode.Uri.file(a.fsPath.replace(/\.txt$/, '.ann')));
    assert.ok(annA.includes(`ORG ${manual.start - 1} ${manual.end - 1}\t${manual.text}`), `the manual tag is missing (code points):\n${annA}`);

    // Biaozhu JSON into another folder: both files meet the contract; the never-opened page was pre-annotated.
    const out = vscode.Uri.joinPath(workspaceRoot(), 'scratch', 'batch-json');
    const jsons = await vscode.commands.executeCommand<string[]>('biaozhu.exportPages', { uris: [a, b, a], target: out, format: 'json' });
    assert.deepStrictEqual(jsons.map(f => vscode.workspace.asRelativePath(f)).sort(), ['scratch/batch-json/a/page.json', 'scratch/batch-json/b/page.json']);
    for (const [page, file] of [[a, jsons.find(f => f.includes('/a/'))!], [b, jsons.find(f => f.includes('/b/'))!]] as const) {
      const json = JSON.parse(await readText(vscode.Uri.file(file)));
      assert.deepStrictEqual(contractErrors(json, await readText(page)), []);
      assert.ok(json.annotations.some((x: Annotation) => x.label === 'NUMBER'), `${file} has no numbers`);
    }
  });
});
