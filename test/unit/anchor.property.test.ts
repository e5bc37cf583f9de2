import * as assert from 'assert';
import fc from 'fast-check';
import { AGREE, anchorSaved, findByContext, mapThroughDiff, quoteAt, reattachOrphans } from '../../src/core/anchor';
import type { Annotation } from '../../src/core/types';

/**
 * Property tests of re-anchoring after outside changes, against an identity model: every UTF-16 unit of
 * the old text carries an id, outside edits (inserts, deletes, replacements, a block moved) give new units
 * fresh ids, so where each annotation truly is afterwards — if anywhere — is known without any diff.
 * Texts are built from a few words that repeat a lot, so equal quotes at several places are common.
 */

const RUNS = 1500;

const word = fc.constantFrom('国家', '发展', '北京', '上海', '会议', '，', '。', '\n', '人民', '😀', '\r\n', '市', '的');
const textArb = fc.array(word, { minLength: 10, maxLength: 80 }).map(w => w.join(''));

type RawEdit = { kind: 'insert' | 'delete' | 'replace' | 'move'; a: number; b: number; c: number; text: string };
const rawEdit = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'replace', 'move'),
  a: fc.nat(), b: fc.nat({ max: 30 }), c: fc.nat(),
  text: fc.array(word, { minLength: 1, maxLength: 6 }).map(w => w.join('')),
}) as fc.Arbitrary<RawEdit>;

interface Unit { ch: string; id: number }

/** Applies one edit to the units; fresh ids for inserted text. */
function apply(units: Unit[], e: RawEdit, fresh: () => number): Unit[] {
  const at = e.a % (units.length + 1);
  const end = Math.min(units.length, at + 1 + e.b);
  const made = e.text.split('').map(ch => ({ ch, id: fresh() }));
  // Code units of a code point share nothing: split a surrogate pair freely, the model still knows each unit.
  if (e.kind === 'insert') return [...units.slice(0, at), ...made, ...units.slice(at)];
  if (e.kind === 'delete') return [...units.slice(0, at), ...units.slice(end)];
  if (e.kind === 'replace') return [...units.slice(0, at), ...made, ...units.slice(end)];
  const block = units.slice(at, end);
  const rest = [...units.slice(0, at), ...units.slice(end)];
  const to = e.c % (rest.length + 1);
  return [...rest.slice(0, to), ...block, ...rest.slice(to)];
}

/** Non-overlapping reviewed annotations at random cut points. */
function annotationsOf(text: string, cuts: number[]): Annotation[] {
  const points = [...new Set(cuts.map(c => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: Annotation[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) {
    if (points[i] === points[i + 1]) continue;
    out.push({ id: `a${i}`, start: points[i], end: points[i + 1], text: text.slice(points[i], points[i + 1]), label: 'ORG', source: 'manual', status: 'accepted' });
  }
  return out;
}

/** Where the units `[start, end)` of the old text sit, contiguous and in order, in the new one. */
function truePlace(oldUnits: Unit[], newUnits: Unit[], a: Annotation): number | undefined {
  const pos = newUnits.findIndex(u => u.id === oldUnits[a.start].id);
  if (pos < 0) return undefined;
  for (let k = a.start; k < a.end; k++) if (newUnits[pos + k - a.start]?.id !== oldUnits[k].id) return undefined;
  return pos;
}

/** The AGREE units on each side of a place (fewer at the ends of the text): its context, by which places are told apart. */
const around = (text: string, start: number, end: number) => text.slice(Math.max(0, start - AGREE), start) + '|' + text.slice(end, end + AGREE);

/**
 * The property: an item placed in the new text is on its own text; and when its true place still exists
 * with its context, it is there — or on a place with that same context on both sides (a duplicated
 * passage, which no rule could tell apart).
 */
function assertPlacement(oldText: string, newText: string, oldUnits: Unit[], newUnits: Unit[], item: Annotation, placed: Annotation): void {
  assert.strictEqual(newText.slice(placed.start, placed.end), item.text, `${item.id} on other text`);
  const truth = truePlace(oldUnits, newUnits, item);
  if (truth === undefined || truth === placed.start) return;
  const context = around(oldText, item.start, item.end);
  if (around(newText, truth, truth + item.text.length) !== context) return;
  assert.strictEqual(around(newText, placed.start, placed.end), context, `${item.id} "${item.text}" put at ${placed.start}; its true place ${truth} still has its context`);
}

function check(text: string, cuts: number[], edits: RawEdit[]): void {
  const oldUnits = text.split('').map((ch, id) => ({ ch, id }));
  let next = oldUnits.length;
  let units = oldUnits;
  for (const e of edits) units = apply(units, e, () => next++);
  const changed = units.map(u => u.ch).join('');
  const items = annotationsOf(text, cuts);
  const r = mapThroughDiff(text, changed, items);
  assert.strictEqual(r.placed.length + r.orphaned.length, items.length, 'an item was lost');
  for (const p of r.placed) assertPlacement(text, changed, oldUnits, units, items.find(i => i.id === p.id)!, p);
  // An item whose own units and context are untouched is never orphaned.
  for (const o of r.orphaned) {
    const truth = truePlace(oldUnits, units, o.item);
    assert.ok(truth === undefined || around(changed, truth, truth + o.item.text.length) !== around(text, o.item.start, o.item.end) || o.reason === 'ambiguous', `${o.item.id} orphaned (${o.reason}) though intact at ${truth}`);
  }
}

describe('re-anchoring after outside edits (property, identity model)', () => {
  it(`${RUNS} random texts and outside edit sequences: never on other text, never on a distinguishable wrong place`, () => {
    fc.assert(fc.property(textArb, fc.array(fc.nat(), { minLength: 2, maxLength: 16 }), fc.array(rawEdit, { minLength: 1, maxLength: 5 }), check), { numRuns: RUNS });
  });

  it('an outside change and its reversal: nothing lost, placed items back on their offsets, orphans of the change come home', () => {
    fc.assert(fc.property(textArb, fc.array(fc.nat(), { minLength: 2, maxLength: 16 }), fc.array(rawEdit, { minLength: 1, maxLength: 4 }), (text, cuts, edits) => {
      const units0 = text.split('').map((ch, id) => ({ ch, id }));
      let next = units0.length;
      let units = units0;
      for (const e of edits) units = apply(units, e, () => next++);
      const changed = units.map(u => u.ch).join('');
      const items = annotationsOf(text, cuts);
      const away = mapThroughDiff(text, changed, items);
      const back = mapThroughDiff(changed, text, away.placed);
      const home = reattachOrphans(text, back.placed, [...away.orphaned, ...back.orphaned].map(o => o.item));
      // Nothing is dropped; whatever is placed is back on its offsets, or on a place with the same context.
      assert.strictEqual(home.annotations.length + home.orphans.length, items.length);
      for (const a of home.annotations) {
        const original = items.find(i => i.id === a.id)!;
        if (a.start !== original.start) assert.strictEqual(around(text, a.start, a.end), around(text, original.start, original.end), `${a.id} not back`);
      }
      // An item orphaned by the change (it carries the original context) whose quote and context are unique
      // on the original page always comes back. (One orphaned on the way back carries the changed text's
      // context, which the original page need not hold.)
      const awayIds = new Set(away.orphaned.map(o => o.item.id));
      for (const o of home.orphans.filter(x => awayIds.has(x.id))) {
        assert.strictEqual(findByContext(text, quoteAt(text, items.find(i => i.id === o.id)!)).span, undefined, `${o.id} unique yet not back`);
      }
    }), { numRuns: 500 });
  });

  it('a sidecar with context, reopened on a changed page: never on other text, never on a distinguishable wrong place', () => {
    fc.assert(fc.property(textArb, fc.array(fc.nat(), { minLength: 2, maxLength: 16 }), fc.array(rawEdit, { minLength: 1, maxLength: 5 }), (text, cuts, edits) => {
      const oldUnits = text.split('').map((ch, id) => ({ ch, id }));
      let next = oldUnits.length;
      let units = oldUnits;
      for (const e of edits) units = apply(units, e, () => next++);
      const changed = units.map(u => u.ch).join('');
      const items = annotationsOf(text, cuts).map(a => ({ ...a, ...quoteAt(text, a) }));
      const r = anchorSaved(changed, items);
      for (const p of r.placed) assertPlacement(text, changed, oldUnits, units, items.find(i => i.id === p.id)!, p);
    }), { numRuns: RUNS });
  });
});
