import * as assert from 'assert';
import { annotationAt, mergeImport, nextAnnotation, reattachOrphanAt, relabel, removeIds, setStatus, suggestionIds, tagSpan } from '../../src/core/annotationOps';
import type { Annotation } from '../../src/core/types';

function ann(id: string, start: number, end: number, extra: Partial<Annotation> = {}): Annotation {
  return { id, start, end, text: 'x'.repeat(end - start), label: 'PER', source: 'auto', status: 'suggested', ...extra };
}

describe('annotation operations', () => {
  it('setStatus changes only the named items', () => {
    const out = setStatus([ann('a', 0, 1), ann('b', 2, 3)], new Set(['b']), 'rejected');
    assert.deepStrictEqual(out.map(a => a.status), ['suggested', 'rejected']);
  });

  it('relabel accepts the item and drops number fields when it stops being a number', () => {
    const n = ann('n', 0, 2, { label: 'NUMBER', value: 5, unit: '个', kind: 'cardinal' });
    const [out] = relabel([n], new Set(['n']), 'ORG');
    assert.deepStrictEqual(out, { id: 'n', start: 0, end: 2, text: 'xx', label: 'ORG', source: 'auto', status: 'accepted' });
  });

  it('removeIds removes exactly the named items', () => {
    assert.deepStrictEqual(removeIds([ann('a', 0, 1), ann('b', 2, 3)], new Set(['a'])).map(a => a.id), ['b']);
  });

  it('tagSpan adds a manual accepted item replacing the drawn items it overlaps, keeping rejected ones', () => {
    const rejected = ann('r', 0, 2, { status: 'rejected' });
    const { annotations, added } = tagSpan([rejected, ann('s', 1, 3), ann('far', 10, 12)], { start: 0, end: 3 }, 'abc', 'LOC');
    assert.deepStrictEqual(added, { id: 'loc-0-3', start: 0, end: 3, text: 'abc', label: 'LOC', source: 'manual', status: 'accepted' });
    assert.deepStrictEqual(annotations.map(a => a.id), ['r', 'loc-0-3', 'far']);
  });

  it('tagSpan keeps a reviewed item it overlaps beside the new one (never silently replaced), and relabels one on the same span', () => {
    const accepted = ann('acc', 2, 6, { status: 'accepted' });
    const manual = ann('man', 8, 10, { source: 'manual', status: 'accepted' });
    const r = tagSpan([accepted, ann('s', 0, 2), manual], { start: 0, end: 4 }, 'abcd', 'ORG');
    assert.deepStrictEqual(r.annotations.map(a => a.id), ['org-0-4', 'acc', 'man']);
    assert.deepStrictEqual(r.overlapped.map(a => a.id), ['acc']);
    const same = tagSpan([manual], { start: 8, end: 10 }, 'xy', 'PER');
    assert.deepStrictEqual(same.annotations.map(a => [a.id, a.label]), [['per-8-10', 'PER']]);
    assert.deepStrictEqual(same.overlapped, []);
  });

  it('reattachOrphanAt puts an orphan where the user selected, with its status, over suggestions but beside reviewed items', () => {
    const orphan = { ...ann('o', 40, 44, { status: 'accepted', source: 'manual' }), prefix: 'xx', suffix: 'yy' };
    const list = reattachOrphanAt([ann('s', 2, 5), ann('acc', 4, 8, { status: 'accepted' })], orphan, { start: 3, end: 6 }, 'def');
    assert.deepStrictEqual(list.map(a => [a.id, a.start, a.end, a.status]), [['o', 3, 6, 'accepted'], ['acc', 4, 8, 'accepted']]);
    assert.strictEqual(list[0].text, 'def');
    assert.strictEqual(list[0].prefix, undefined);
  });

  const at: Array<[string, number, string | undefined]> = [
    ['inside', 1, 'a'],
    ['at the end boundary', 3, 'a'],
    ['the shortest of nested items', 6, 'inner'],
    ['nothing in a gap', 4, undefined],
    ['never a rejected item', 21, undefined],
  ];
  for (const [name, offset, id] of at) {
    it(`annotationAt finds ${name}`, () => {
      const list = [ann('a', 0, 3), ann('outer', 5, 9), ann('inner', 6, 7), ann('rej', 20, 22, { status: 'rejected' })];
      assert.strictEqual(annotationAt(list, offset)?.id, id);
    });
  }

  const nav: Array<[string, number, 1 | -1, string]> = [
    ['next after the cursor', 1, 1, 'b'],
    ['next wraps to the first', 9, 1, 'a'],
    ['previous before the cursor', 6, -1, 'b'],
    ['previous wraps to the last', 0, -1, 'c'],
  ];
  for (const [name, offset, dir, id] of nav) {
    it(`nextAnnotation: ${name}`, () => {
      const list = [ann('c', 8, 9), ann('a', 0, 1), ann('b', 4, 5), ann('rej', 6, 7, { status: 'rejected' })];
      assert.strictEqual(nextAnnotation(list, offset, dir)?.id, id);
    });
  }

  it('suggestionIds filters by label and by selection', () => {
    const list = [ann('p', 0, 2), ann('l', 3, 5, { label: 'LOC' }), ann('acc', 6, 7, { status: 'accepted' }), ann('p2', 8, 9)];
    assert.deepStrictEqual([...suggestionIds(list, { label: 'PER' })], ['p', 'p2']);
    assert.deepStrictEqual([...suggestionIds(list, { within: [{ start: 2, end: 9 }] })], ['l', 'p2']);
  });

  it('suggestionIds with minConfidence keeps suggestions at or above it and skips those without a confidence', () => {
    const list = [ann('hi', 0, 2, { confidence: 0.9 }), ann('edge', 3, 5, { confidence: 0.8 }), ann('lo', 6, 7, { confidence: 0.79 }),
      ann('none', 8, 9), ann('accHi', 10, 11, { status: 'accepted', confidence: 0.99 })];
    assert.deepStrictEqual([...suggestionIds(list, { minConfidence: 0.8 })], ['hi', 'edge']);
    assert.deepStrictEqual([...suggestionIds(list, { minConfidence: 0 })], ['hi', 'edge', 'lo']);
  });

  it('mergeImport replaces suggestions, skips conflicts with user work and repeats', () => {
    const existing = [ann('s', 0, 2), ann('acc', 5, 7, { status: 'accepted' }), ann('dup', 10, 12)];
    const imported = [ann('i1', 1, 3), ann('i2', 6, 8), ann('dup', 10, 12)];
    const r = mergeImport(existing, imported);
    assert.deepStrictEqual(r.annotations.map(a => a.id), ['i1', 'acc', 'dup']);
    assert.deepStrictEqual([r.added, r.conflicts], [1, 2]);
  });
});
