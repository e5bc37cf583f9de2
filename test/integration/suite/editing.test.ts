// Tagging, reviewing and editing in the real editor: commands change the store, edits move the offsets.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Annotation } from '../../../src/core/types';
import { closeAll, copyOf, eventually, getApi, openAnalysed, seedUri, type BiaozhuApi } from './util';

const rangeKey = (doc: vscode.TextDocument, a: { start: number; end: number }) => {
  const s = doc.positionAt(a.start), e = doc.positionAt(a.end);
  return `${s.line}:${s.character}-${e.line}:${e.character}`;
};
const decoKeys = (ranges: readonly vscode.Range[] = []) =>
  ranges.map(r => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`);
const allDecorated = (api: BiaozhuApi, editor: vscode.TextEditor) =>
  new Set(Object.entries(api.decorations(editor)).filter(([k]) => k.includes('.')).flatMap(([, r]) => decoKeys(r)));

/** A run of Han characters not covered (or touched) by any annotation: room for a manual tag. */
function freeHanRun(text: string, annotations: readonly Annotation[], length: number): number {
  const covered = new Uint8Array(text.length + 1);
  for (const a of annotations) for (let i = Math.max(0, a.start - 1); i <= a.end && i < covered.length; i++) covered[i] = 1;
  outer: for (let i = 0; i + length <= text.length; i++) {
    for (let k = i; k < i + length; k++) if (covered[k] || !/[\u4e00-\u9fff]/.test(text[k])) continue outer;
    return i;
  }
  return -1;
}

/** Manual, accepted or rejected: what a re-analysis never replaces, so its ids are stable. */
const userWork = (annotations: readonly Annotation[]) =>
  annotations.filter(a => a.source === 'manual' || a.status !== 'suggested').map(a => ({ ...a })).sort((a, b) => a.start - b.start);

async function edit(doc: vscode.TextDocument, f: (e: vscode.WorkspaceEdit) => void): Promise<void> {
  const we = new vscode.WorkspaceEdit();
  f(we);
  assert.ok(await vscode.workspace.applyEdit(we), 'applyEdit refused');
}

describe('tagging and reviewing', () => {
  let api: BiaozhuApi;
  let uri: vscode.Uri;
  let editor: vscode.TextEditor;

  before(async () => {
    api = await getApi();
    uri = await copyOf(await seedUri(), 'editing.txt');
    editor = await openAnalysed(api, uri);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAll();
  });

  it('tags the selection as PER: a manual annotation with exactly the selected text', async () => {
    const doc = editor.document;
    const start = freeHanRun(doc.getText(), api.annotations(uri), 3);
    assert.ok(start >= 0, 'no untagged run of three Han characters');
    editor.selection = new vscode.Selection(doc.positionAt(start), doc.positionAt(start + 3));
    await vscode.commands.executeCommand('biaozhu.tagSelection', { label: 'PER' });
    await api.whenIdle(uri);
    const tagged = api.annotations(uri).find(a => a.start === start && a.end === start + 3);
    assert.ok(tagged, 'no annotation at the selection');
    assert.strictEqual(tagged.label, 'PER');
    assert.strictEqual(tagged.source, 'manual');
    assert.strictEqual(tagged.text, doc.getText().slice(start, start + 3));
    assert.notStrictEqual(tagged.status, 'rejected');
    await eventually('the manual tag to be decorated', () => allDecorated(api, editor).has(rangeKey(doc, tagged)));
  });

  it('accepts the suggestion at the cursor and draws it as accepted', async () => {
    const doc = editor.document;
    const target = api.annotations(uri).find(a => a.status === 'suggested' && a.label !== 'NUMBER');
    assert.ok(target, 'no suggestion to accept');
    editor.selection = new vscode.Selection(doc.positionAt(target.start + 1), doc.positionAt(target.start + 1));
    await vscode.commands.executeCommand('biaozhu.acceptAtCursor');
    await api.whenIdle(uri);
    const now = api.annotations(uri).find(a => a.id === target.id);
    assert.strictEqual(now?.status, 'accepted');
    await eventually('accepted decoration', () =>
      decoKeys(api.decorations(editor)[`${target.label}.accepted`]).includes(rangeKey(doc, target))
      && !decoKeys(api.decorations(editor)[`${target.label}.suggested`]).includes(rangeKey(doc, target)));
  });

  it('rejects the suggestion at the cursor and stops drawing it', async () => {
    const doc = editor.document;
    const target = api.annotations(uri).find(a => a.status === 'suggested' && a.end - a.start >= 2);
    assert.ok(target, 'no suggestion to reject');
    // Strictly inside: a cursor on a boundary may belong to the neighbour that ends there.
    editor.selection = new vscode.Selection(doc.positionAt(target.start + 1), doc.positionAt(target.start + 1));
    await vscode.commands.executeCommand('biaozhu.rejectAtCursor');
    await api.whenIdle(uri);
    const now = api.annotations(uri).find(a => a.id === target.id);
    assert.strictEqual(now?.status, 'rejected', 'a rejected suggestion is kept with status rejected');
    await eventually('the rejected one to leave the decorations', () => !allDecorated(api, editor).has(rangeKey(doc, target)));
  });

  it('shifts the user\'s annotations after an insertion before them, keeping their text', async () => {
    const doc = editor.document;
    const before = userWork(api.annotations(uri));
    assert.ok(before.length >= 3, 'the tagged, accepted and rejected items of the tests above');
    const first = before[0];
    const inserted = '插入的文字';
    await edit(doc, e => e.insert(uri, doc.positionAt(first.start), inserted));
    await api.whenIdle(uri);
    const text = doc.getText();
    for (const b of before) {
      const a = api.annotations(uri).find(x => x.id === b.id);
      assert.ok(a, `${b.id} (${b.text}) lost`);
      assert.deepStrictEqual([a.start, a.end], [b.start + inserted.length, b.end + inserted.length], `${b.id} not shifted`);
      assert.strictEqual(text.slice(a.start, a.end), a.text);
      assert.strictEqual(a.text, b.text);
      assert.strictEqual(a.status, b.status);
    }
    // Fresh suggestions may be re-analysed, but every span still covers its own text.
    assert.deepStrictEqual(api.annotations(uri).filter(a => text.slice(a.start, a.end) !== a.text), []);
  });

  it('resizes an annotation edited inside and drops one whose boundary an edit crosses', async () => {
    const doc = editor.document;
    const manual = api.annotations(uri).find(a => a.source === 'manual');
    assert.ok(manual, 'the manual tag from the first test');
    // From a saved state: the first edit after a save is an edit in the editor, not a change on disk.
    assert.ok(await doc.save(), 'save failed');
    await api.whenIdle(uri);
    // Inside: insert one character after the first one of the span → one longer, same start.
    await edit(doc, e => e.insert(uri, doc.positionAt(manual.start + 1), '某'));
    await api.whenIdle(uri);
    const grown = api.annotations(uri).find(a => a.id === manual.id);
    assert.ok(grown, `an edit inside a span must not drop it: ${JSON.stringify(manual)} became ${JSON.stringify(api.annotations(uri).filter(a => a.end >= manual.start - 2 && a.start <= manual.end + 2))}`);
    assert.deepStrictEqual([grown.start, grown.end], [manual.start, manual.end + 1]);
    assert.strictEqual(grown.text, doc.getText().slice(grown.start, grown.end));
    // Crossing: replace the last character of the span and the one after it.
    await edit(doc, e => e.replace(uri, new vscode.Range(doc.positionAt(grown.end - 1), doc.positionAt(grown.end + 1)), '甲'));
    await api.whenIdle(uri);
    assert.strictEqual(api.annotations(uri).find(a => a.id === manual.id), undefined, 'an edit across a boundary drops the span');
    const text = doc.getText();
    assert.deepStrictEqual(api.annotations(uri).filter(a => text.slice(a.start, a.end) !== a.text), []);
  });

  it('restores the offsets when the insertion is undone', async () => {
    const doc = editor.document;
    const before = userWork(api.annotations(uri));
    assert.ok(before.length > 0);
    const first = before[0];
    await edit(doc, e => e.insert(uri, doc.positionAt(first.start), '撤销'));
    await api.whenIdle(uri);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    await api.whenIdle(uri);
    for (const b of before) {
      const a = api.annotations(uri).find(x => x.id === b.id);
      assert.deepStrictEqual(a && [a.start, a.end, a.text], [b.start, b.end, b.text], `${b.id} after undo`);
    }
  });
});
