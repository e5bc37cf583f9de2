// The confidence UI in the real editor (issue 10): faint vs normal suggestions by confidence, and accepting
// every suggestion at or above a confidence, checked in the decorations and in the sidecar on disk.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Annotation } from '../../../src/core/types';
import { closeAll, copyOf, eventually, getApi, openAnalysed, readJson, seedUri, type BiaozhuApi } from './util';

const FAINT_BELOW = 0.7;
const rangeKey = (doc: vscode.TextDocument, a: { start: number; end: number }) => {
  const s = doc.positionAt(a.start), e = doc.positionAt(a.end);
  return `${s.line}:${s.character}-${e.line}:${e.character}`;
};
const decoKeys = (ranges: readonly vscode.Range[] = []) =>
  ranges.map(r => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`).sort();
const expected = (doc: vscode.TextDocument, list: readonly Annotation[]) => list.map(a => rangeKey(doc, a)).sort();

describe('confidence UI', () => {
  let api: BiaozhuApi;
  let uri: vscode.Uri;
  let editor: vscode.TextEditor;
  const setting = () => vscode.workspace.getConfiguration('biaozhu');

  before(async () => {
    api = await getApi();
    await setting().update('confidence.faintBelow', FAINT_BELOW, vscode.ConfigurationTarget.Workspace);
    uri = await copyOf(await seedUri(), 'confidence.txt');
    editor = await openAnalysed(api, uri);
  });
  after(async () => {
    await setting().update('confidence.faintBelow', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAll();
  });

  it('draws suggestions below the threshold with the faint decoration and the others normally', async () => {
    const doc = editor.document;
    const suggested = api.annotations(uri).filter(a => a.status === 'suggested');
    const faint = suggested.filter(a => a.confidence !== undefined && a.confidence < FAINT_BELOW);
    assert.ok(faint.length > 0 && faint.length < suggested.length, `the page needs faint and normal suggestions (${faint.length} of ${suggested.length})`);
    for (const label of new Set(suggested.map(a => String(a.label)))) {
      const mine = suggested.filter(a => a.label === label);
      const wantFaint = expected(doc, mine.filter(a => faint.includes(a)));
      const wantNormal = expected(doc, mine.filter(a => !faint.includes(a)));
      await eventually(`${label} faint and normal decorations`, () => {
        const d = api.decorations(editor);
        assert.deepStrictEqual(decoKeys(d[`${label}.faint`]), wantFaint, `${label}.faint`);
        assert.deepStrictEqual(decoKeys(d[`${label}.suggested`]), wantNormal, `${label}.suggested`);
        return true;
      });
    }
  });

  it('threshold 0 draws every suggestion normally', async () => {
    await setting().update('confidence.faintBelow', 0, vscode.ConfigurationTarget.Workspace);
    await eventually('no faint decorations', () =>
      Object.entries(api.decorations(editor)).every(([k, r]) => !k.endsWith('.faint') || r.length === 0));
    await setting().update('confidence.faintBelow', FAINT_BELOW, vscode.ConfigurationTarget.Workspace);
    await eventually('faint decorations again', () =>
      Object.entries(api.decorations(editor)).some(([k, r]) => k.endsWith('.faint') && r.length > 0));
  });

  it('accepts every suggestion with confidence ≥ X, and only those, in the store and the sidecar', async () => {
    const min = 0.9;
    const before = api.annotations(uri);
    const sure = before.filter(a => a.status === 'suggested' && a.confidence !== undefined && a.confidence >= min).map(a => a.id).sort();
    assert.ok(sure.length > 0, 'no suggestion at or above 0.9 on the page');
    const count = await vscode.commands.executeCommand<number>('biaozhu.acceptAll', { minConfidence: min });
    assert.strictEqual(count, sure.length);
    await api.whenIdle(uri);
    const after = new Map(api.annotations(uri).map(a => [a.id, a]));
    for (const a of before) {
      const want = sure.includes(a.id) ? 'accepted' : a.status;
      assert.strictEqual(after.get(a.id)?.status, want, `${a.id} ${a.text} ${a.confidence}`);
    }
    await eventually('the sidecar to hold the accepted ones', async () => {
      const json = await readJson(api.sidecarUri(uri)) as { annotations: Annotation[] };
      const accepted = json.annotations.filter(a => a.status === 'accepted').map(a => a.id).sort();
      assert.deepStrictEqual(accepted, sure);
      // The confidence of what was accepted is kept in the file.
      assert.ok(json.annotations.filter(a => sure.includes(a.id)).every(a => typeof a.confidence === 'number' && a.confidence >= min));
      return true;
    });
  });
});
