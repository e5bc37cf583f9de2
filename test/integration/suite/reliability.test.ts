// Under load in the real editor: a burst of typing and pasting while analysis and saves run loses nothing.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { parseDocument } from '../../../src/core/documentJson';
import { trackEdit } from '../../../src/core/tracking';
import type { Annotation } from '../../../src/core/types';
import { benchFigure, closeAll, copyOf, getApi, openAnalysed, seedUri, type BiaozhuApi } from './util';

/** A small deterministic PRNG, so a failure replays exactly. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const userWork = (list: readonly Annotation[]) =>
  list.filter(a => a.source === 'manual' || a.status !== 'suggested').map(({ id, start, end, text, status }) => ({ id, start, end, text, status }))
    .sort((a, b) => a.id.localeCompare(b.id));

describe('under load', () => {
  let api: BiaozhuApi;
  before(async () => { api = await getApi(); });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAll();
  });

  it('keeps every annotation on its text through a burst of edits, and the sidecar matches the editor', async function () {
    this.timeout(180_000);
    const uri = await copyOf(await seedUri(), 'burst.txt');
    const editor = await openAnalysed(api, uri);
    const doc = editor.document;
    // User work to follow: accept every fifth suggestion, reject every seventh.
    const suggestions = api.annotations(uri).filter(a => a.status === 'suggested' && a.end - a.start >= 2);
    for (const [i, a] of suggestions.entries()) {
      if (i % 5 && i % 7) continue;
      const at = doc.positionAt(a.start + 1);
      editor.selection = new vscode.Selection(at, at);
      await vscode.commands.executeCommand(i % 5 ? 'biaozhu.rejectAtCursor' : 'biaozhu.acceptAtCursor');
    }
    await api.whenIdle(uri);
    let expected: Annotation[] = api.annotations(uri).filter(a => a.source === 'manual' || a.status !== 'suggested');
    assert.ok(expected.length >= 10, `${expected.length} user decisions`);

    // Typing (one character) and pasting (a chunk), inserts, deletions and replacements, as fast as the editor takes them.
    const random = rng(20261129);
    const paste = '粘贴的一段文字，包含数字123和标点。\n';
    const started = Date.now();
    let edits = 0;
    while (Date.now() - started < 10_000) {
      // Up to six disjoint changes per edit call (like multi-cursor typing): one change event, many contentChanges.
      const len = doc.getText().length;
      const changes: { start: number; end: number; text: string }[] = [];
      for (let k = 1 + Math.floor(random() * 6); k > 0; k--) {
        const start = Math.floor(random() * len);
        const kind = random();
        const end = kind < 0.5 ? start : Math.min(len, start + 1 + Math.floor(random() * (kind < 0.8 ? 2 : 12)));
        const text = kind < 0.4 ? '字' : kind < 0.5 ? paste : kind < 0.8 ? '' : '换';
        if (changes.every(c => end < c.start || start > c.end)) changes.push({ start, end, text });
      }
      changes.sort((a, b) => b.start - a.start);
      const ok = await editor.edit(b => {
        for (const c of changes) b.replace(new vscode.Range(doc.positionAt(c.start), doc.positionAt(c.end)), c.text);
      }, { undoStopBefore: false, undoStopAfter: false });
      assert.ok(ok, 'the editor refused an edit');
      // From the end backwards each change leaves the earlier offsets valid: the reference model of the tracker.
      for (const c of changes) expected = trackEdit(expected, c).kept;
      expected = expected.map(a => ({ ...a, text: doc.getText().slice(a.start, a.end) }));
      edits += changes.length;
    }
    benchFigure('burstEditsPerSecond', edits / ((Date.now() - started) / 1000));
    await api.whenIdle(uri);

    const text = doc.getText();
    const now = api.annotations(uri);
    assert.deepStrictEqual(now.filter(a => text.slice(a.start, a.end) !== a.text || a.start >= a.end), [], 'annotations off their text');
    assert.deepStrictEqual(userWork(now), userWork(expected), 'user work moved differently from the edits');

    assert.ok(await doc.save(), 'save failed');
    await api.whenIdle(uri);
    const parsed = parseDocument(Buffer.from(await vscode.workspace.fs.readFile(api.sidecarUri(uri))).toString('utf8'));
    assert.ok(parsed.ok, 'the sidecar does not parse');
    const key = (a: Annotation) => `${a.id} ${a.start} ${a.end} ${a.label} ${a.status} ${a.text}`;
    assert.deepStrictEqual(parsed.doc.annotations.map(key).sort(), api.annotations(uri).map(key).sort(), 'the sidecar differs from the editor');
    assert.strictEqual(parsed.doc.document.length, text.length);
  });

});
