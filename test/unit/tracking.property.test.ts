import * as assert from 'assert';
import fc from 'fast-check';
import { applyTextEdit, trackEdit, type TextEdit } from '../../src/core/tracking';

/**
 * Property tests of offset tracking against an identity model: every UTF-16 unit of the text carries a
 * unique id, edits replace ids with fresh ones, so where a span must end up is known without offsets.
 */

const SEQUENCE_RUNS = 4000;
const UNDO_RUNS = 8000;
const MAX_OPS = 25;

/** Pieces texts are built from: CJK, ASCII, CRLF and LF, surrogate pairs (𠀀, emoji), punctuation. */
const piece = fc.constantFrom('北', '京', '市', '人', 'a', 'Z', '1', ' ', '\r\n', '\n', '𠀀', '😀', '，', '。', '《', '》');
const text = fc.array(piece, { maxLength: 60 }).map(p => p.join(''));
const insertion = fc.array(piece, { minLength: 1, maxLength: 6 }).map(p => p.join(''));

interface S { id: number; start: number; end: number; text: string }

/** Non-overlapping, non-empty spans chosen from sorted cut points. */
function spansOf(t: string, cuts: number[]): S[] {
  const points = [...new Set(cuts.map(c => c % (t.length + 1)))].sort((a, b) => a - b);
  const spans: S[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) {
    if (points[i] < points[i + 1]) spans.push({ id: spans.length, start: points[i], end: points[i + 1], text: t.slice(points[i], points[i + 1]) });
  }
  return spans;
}

/** An edit drawn as raw numbers, placed into whatever text is current when it is applied. */
type RawEdit = { kind: 'insert' | 'delete' | 'replace'; a: number; b: number; text: string };
const rawEdit: fc.Arbitrary<RawEdit> = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'replace'),
  a: fc.nat(),
  b: fc.nat({ max: 12 }),
  text: insertion,
}) as fc.Arbitrary<RawEdit>;

function place(raw: RawEdit, length: number): TextEdit {
  const start = raw.a % (length + 1);
  const end = raw.kind === 'insert' ? start : Math.min(length, start + 1 + raw.b);
  return { start, end, text: raw.kind === 'delete' ? '' : raw.text };
}

const inverse = (before: string, e: TextEdit): TextEdit => ({ start: e.start, end: e.start + e.text.length, text: before.slice(e.start, e.end) });

/** The rule stated in tracking.ts for dropping: the edit overlaps the span and crosses a boundary or replaces it whole. */
function mustDrop(s: S, e: TextEdit): boolean {
  const overlaps = e.start < s.end && e.end > s.start;
  return overlaps && (e.start < s.start || e.end > s.end || (e.start === s.start && e.end === s.end));
}
/** Rule 3: the edit is inside the span, so the span resizes and the caller refreshes its text. */
const resizes = (s: S, e: TextEdit) => !mustDrop(s, e) && e.start >= s.start && e.end <= s.end && !(e.end <= s.start) && !(e.start >= s.end);
/** The one case undo cannot restore: a pure deletion trimming a span's edge. */
const trimsEdge = (s: S, e: TextEdit) => resizes(s, e) && e.text === '' && (e.start === s.start || e.end === s.end);

class Model {
  private next = 0;
  ids: number[];
  constructor(public text: string) { this.ids = text.split('').map(() => this.next++); }
  apply(e: TextEdit): void {
    this.ids.splice(e.start, e.end - e.start, ...e.text.split('').map(() => this.next++));
    this.text = applyTextEdit(this.text, e);
  }
}

/**
 * Applies one edit to spans and model, refreshing text of resized spans as the caller does, and checks:
 * kept spans are inside the text and equal their slice; untouched spans kept their text and their ids;
 * resized spans hold their surviving ids plus the inserted ones; dropped spans are exactly those the rule drops.
 */
function step(spans: S[], model: Model, e: TextEdit, expectedIds: Map<number, number[]>): S[] {
  const before = model.ids.slice();
  model.apply(e);
  const { kept, dropped } = trackEdit(spans, e);
  assert.deepStrictEqual(dropped.map(s => s.id).sort(), spans.filter(s => mustDrop(s, e)).map(s => s.id).sort(), 'dropped by the rule');
  const result: S[] = [];
  for (const k of kept) {
    const old = spans.find(s => s.id === k.id)!;
    assert.ok(0 <= k.start && k.start < k.end && k.end <= model.text.length, `span ${k.id} [${k.start},${k.end}) inside text of length ${model.text.length}`);
    const slice = model.text.slice(k.start, k.end);
    if (resizes(old, e)) {
      const ids = before.slice(old.start, old.end);
      ids.splice(e.start - old.start, e.end - e.start, ...model.ids.slice(e.start, e.start + e.text.length));
      expectedIds.set(k.id, ids);
      result.push({ ...k, text: slice });
    } else {
      assert.strictEqual(k.text, old.text, 'a span outside the edit keeps its text');
      assert.strictEqual(slice, k.text, 'and that text is still at its offsets');
      result.push(k);
    }
    assert.deepStrictEqual(model.ids.slice(k.start, k.end), expectedIds.get(k.id), `span ${k.id} covers the units it should`);
  }
  return result;
}

describe('offset tracking (property-based)', () => {
  it(`keeps spans valid through random edit sequences with undo (${SEQUENCE_RUNS} runs, up to ${MAX_OPS} operations)`, () => {
    const op = fc.oneof({ weight: 3, arbitrary: rawEdit }, { weight: 1, arbitrary: fc.constant('undo' as const) });
    fc.assert(fc.property(text, fc.array(fc.nat(), { maxLength: 16 }), fc.array(op, { maxLength: MAX_OPS }), (t, cuts, ops) => {
      const model = new Model(t);
      let spans = spansOf(t, cuts);
      const original = new Map(spans.map(s => [s.id, { ...s }]));
      const expectedIds = new Map(spans.map(s => [s.id, model.ids.slice(s.start, s.end)]));
      const undoStack: TextEdit[] = [];
      const trimmed = new Set<number>();
      const run = (e: TextEdit) => {
        for (const s of spans) if (trimsEdge(s, e)) trimmed.add(s.id);
        spans = step(spans, model, e, expectedIds);
      };
      for (const o of ops) {
        if (o === 'undo') {
          const e = undoStack.pop();
          if (e) run(e);
        } else {
          const e = place(o, model.text.length);
          undoStack.push(inverse(model.text, e));
          run(e);
        }
      }
      while (undoStack.length) run(undoStack.pop()!);
      assert.strictEqual(model.text, t, 'undoing everything restores the text');
      for (const s of spans) {
        if (!trimmed.has(s.id)) assert.deepStrictEqual(s, original.get(s.id), `span ${s.id} restored by undo`);
      }
    }), { numRuns: SEQUENCE_RUNS });
  });

  it(`restores every kept span when an edit is undone, except edge trims by pure deletion (${UNDO_RUNS} runs)`, () => {
    fc.assert(fc.property(text, fc.array(fc.nat(), { maxLength: 16 }), rawEdit, (t, cuts, raw) => {
      const spans = spansOf(t, cuts);
      const e = place(raw, t.length);
      const after = applyTextEdit(t, e);
      const once = trackEdit(spans, e).kept.map(s => ({ ...s, text: after.slice(s.start, s.end) }));
      const undo = inverse(t, e);
      const { kept, dropped } = trackEdit(once, undo);
      assert.deepStrictEqual(dropped, [], 'undo never drops a span the edit kept');
      for (const s of kept) {
        const orig = spans.find(o => o.id === s.id)!;
        if (trimsEdge(orig, e)) {
          const rest = e.start === orig.start ? orig.text.slice(e.end - orig.start) : orig.text.slice(0, e.start - orig.start);
          assert.strictEqual(t.slice(s.start, s.end), rest, 'a trimmed span keeps its trimmed text');
        } else {
          assert.deepStrictEqual({ start: s.start, end: s.end }, { start: orig.start, end: orig.end }, `span ${s.id} restored`);
        }
      }
    }), { numRuns: UNDO_RUNS });
  });

  const cases: Array<[string, TextEdit, { kept?: [number, number]; dropped?: true }]> = [
    // Span [2, 5) of "0123456789".
    ['an insertion at the start lands before the span', { start: 2, end: 2, text: 'ab' }, { kept: [4, 7] }],
    ['an insertion at the end lands after the span', { start: 5, end: 5, text: 'ab' }, { kept: [2, 5] }],
    ['an insertion inside grows the span', { start: 3, end: 3, text: 'ab' }, { kept: [2, 7] }],
    ['deleting the first character trims the span', { start: 2, end: 3, text: '' }, { kept: [2, 4] }],
    ['replacing the last character resizes the span', { start: 4, end: 5, text: 'xyz' }, { kept: [2, 7] }],
    ['a deletion before shifts the span', { start: 0, end: 2, text: '' }, { kept: [0, 3] }],
    ['an edit crossing the start drops the span', { start: 1, end: 3, text: 'q' }, { dropped: true }],
    ['an edit crossing the end drops the span', { start: 4, end: 6, text: '' }, { dropped: true }],
    ['replacing exactly the span drops it', { start: 2, end: 5, text: 'new' }, { dropped: true }],
    ['deleting a range around the span drops it', { start: 1, end: 6, text: '' }, { dropped: true }],
  ];
  for (const [name, edit, expected] of cases) {
    it(name, () => {
      const r = trackEdit([{ start: 2, end: 5 }], edit);
      if (expected.dropped) assert.deepStrictEqual(r, { kept: [], dropped: [{ start: 2, end: 5 }] });
      else assert.deepStrictEqual(r, { kept: [{ start: expected.kept![0], end: expected.kept![1] }], dropped: [] });
    });
  }
});
