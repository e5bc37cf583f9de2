import * as assert from 'assert';
import { compareAnnotations, kappa, mergeAnnotations } from '../../src/core/corpus/agreement';
import type { Annotation, Status } from '../../src/core/types';

function ann(start: number, end: number, label: string, status: Status = 'accepted', id = `${label}${start}`): Annotation {
  return { id, start, end, text: 'x'.repeat(end - start), label, source: 'manual', status };
}

describe('inter-annotator agreement', () => {
  it('gives kappa 1 and F1 1 for identical work', () => {
    const a = [ann(0, 2, 'PER'), ann(5, 8, 'LOC')];
    const r = compareAnnotations(a, a.map(x => ({ ...x })), 10);
    assert.strictEqual(r.kappa, 1);
    assert.deepStrictEqual(r.perLabel.map(s => [s.label, s.precision, s.recall, s.f1]), [['LOC', 1, 1, 1], ['PER', 1, 1, 1]]);
    assert.strictEqual(r.overall.f1, 1);
    assert.deepStrictEqual(r.disagreements, []);
  });

  it('matches a hand-computed kappa on characters', () => {
    // A: P P O O O L L L O O ; B: P P O O O L L O G G — 7 of 10 agree, p_e = (2·2 + 3·2 + 5·4)/100 = 0.3,
    // kappa = (0.7 − 0.3) / (1 − 0.3) = 4/7.
    const k = kappa([ann(0, 2, 'PER'), ann(5, 8, 'LOC')], [ann(0, 2, 'PER'), ann(5, 7, 'LOC'), ann(8, 10, 'ORG')], 10);
    assert.strictEqual(k.tokens, 10);
    assert.strictEqual(k.agreedTokens, 7);
    assert.ok(Math.abs(k.kappa - 4 / 7) < 1e-12, String(k.kappa));
  });

  it('counts code points and leaves whitespace out when given the text', () => {
    const text = '𠀀甲 \n乙';
    const k = kappa([ann(0, 3, 'PER')], [ann(0, 2, 'PER')], text);
    assert.deepStrictEqual([k.tokens, k.agreedTokens], [3, 2]);
  });

  it('scores precision and recall with A as the reference, exact span and label', () => {
    const a = [ann(0, 2, 'PER'), ann(3, 5, 'PER'), ann(6, 9, 'ORG')];
    const b = [ann(0, 2, 'PER'), ann(3, 5, 'LOC'), ann(6, 9, 'ORG'), ann(10, 12, 'ORG')];
    const r = compareAnnotations(a, b, 12);
    const by = Object.fromEntries(r.perLabel.map(s => [s.label, [s.reference, s.candidate, s.matched, s.precision, s.recall]]));
    assert.deepStrictEqual(by, { LOC: [0, 1, 0, 0, 0], ORG: [1, 2, 1, 0.5, 1], PER: [2, 1, 1, 1, 0.5] });
    assert.deepStrictEqual([r.overall.precision, r.overall.recall], [0.5, 2 / 3]);
  });

  it('leaves rejected items out: a rejection is not an annotation', () => {
    const r = compareAnnotations([ann(0, 2, 'PER', 'rejected')], [], 4);
    assert.deepStrictEqual([r.overall.reference, r.disagreements.length, r.kappa], [0, 0, 1]);
  });

  it('lists each kind of disagreement', () => {
    const a = [ann(0, 2, 'PER'), ann(4, 7, 'ORG'), ann(10, 12, 'LOC'), ann(20, 22, 'PER')];
    const b = [ann(0, 2, 'LOC'), ann(4, 6, 'ORG'), ann(6, 8, 'ORG'), ann(14, 16, 'PER'), ann(20, 22, 'PER')];
    const r = compareAnnotations(a, b, 30);
    assert.deepStrictEqual(r.disagreements.map(d => [d.id, d.kind, d.a.length, d.b.length]), [
      ['d-0-2', 'label', 1, 1],
      ['d-4-8', 'overlap', 1, 2],
      ['d-10-12', 'onlyA', 1, 0],
      ['d-14-16', 'onlyB', 0, 1],
    ]);
    assert.deepStrictEqual(r.agreed.map(x => x.id), ['PER20']);
  });

  it('keeps empty spans apart from the groups around them, with unique ids', () => {
    const r = compareAnnotations([ann(3, 3, 'PER')], [ann(1, 5, 'ORG'), ann(3, 3, 'LOC'), ann(4, 6, 'ORG')], 8);
    assert.deepStrictEqual(r.disagreements.map(d => [d.id, d.kind, d.a.length, d.b.length]), [
      ['d-1-6', 'onlyB', 0, 2], ['d-3-3', 'onlyA', 1, 0], ['d-3-3-2', 'onlyB', 0, 1],
    ]);
  });

  it('merges by the curator\'s choices, falls back for the rest and keeps ids unique', () => {
    const a = [ann(0, 2, 'PER', 'accepted', 'same'), ann(4, 7, 'ORG'), ann(10, 12, 'LOC')];
    const b = [ann(0, 2, 'LOC', 'accepted', 'same'), ann(4, 6, 'ORG'), ann(6, 8, 'ORG'), ann(14, 16, 'PER')];
    const r = compareAnnotations(a, b, 20);
    const m = mergeAnnotations(r, { 'd-0-2': 'b', 'd-4-8': 'b', 'd-10-12': 'none' });
    assert.deepStrictEqual(m.annotations.map(x => [x.start, x.end, x.label]), [[0, 2, 'LOC'], [4, 6, 'ORG'], [6, 8, 'ORG']]);
    assert.deepStrictEqual(m.undecided, ['d-14-16']);
    const both = mergeAnnotations(r, { 'd-0-2': 'a', 'd-14-16': 'b' }, 'a');
    assert.strictEqual(new Set(both.annotations.map(x => x.id)).size, both.annotations.length);
  });
});
