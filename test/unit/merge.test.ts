import * as assert from 'assert';
import { isUserWork, mergeAnalysis, uniqueId } from '../../src/core/merge';
import type { Annotation } from '../../src/core/types';

function ann(id: string, start: number, end: number, label: string, source: Annotation['source'], status: Annotation['status']): Annotation {
  return { id, start, end, text: 'x'.repeat(end - start), label, source, status };
}
const auto = (id: string, start: number, end: number, label = 'PER') => ann(id, start, end, label, 'auto', 'suggested');

describe('mergeAnalysis', () => {
  const cases: Array<{ name: string; existing: Annotation[]; fresh: Annotation[]; ids: string[] }> = [
    {
      name: 'replaces earlier suggestions with the fresh ones',
      existing: [auto('old', 0, 2)],
      fresh: [auto('new', 4, 6)],
      ids: ['new'],
    },
    {
      name: 'keeps an accepted item and drops a fresh suggestion overlapping it',
      existing: [ann('acc', 0, 3, 'LOC', 'auto', 'accepted')],
      fresh: [auto('f1', 1, 4), auto('f2', 5, 7)],
      ids: ['acc', 'f2'],
    },
    {
      name: 'keeps a manual suggestion and lets it win over an overlapping fresh one',
      existing: [ann('man', 2, 5, 'ORG', 'manual', 'suggested')],
      fresh: [auto('f', 0, 3, 'ORG')],
      ids: ['man'],
    },
    {
      name: 'a rejected item suppresses a fresh suggestion of the same label over it',
      existing: [ann('rej', 0, 2, 'PER', 'auto', 'rejected')],
      fresh: [auto('again', 0, 2, 'PER'), auto('wider', 0, 3, 'PER')],
      ids: ['rej'],
    },
    {
      name: 'a rejected item does not suppress a different label on the same text',
      existing: [ann('rej', 0, 2, 'PER', 'auto', 'rejected')],
      fresh: [auto('loc', 0, 2, 'LOC')],
      ids: ['loc', 'rej'],
    },
    {
      name: 'adjacent spans do not count as overlapping',
      existing: [ann('acc', 0, 2, 'PER', 'auto', 'accepted')],
      fresh: [auto('next', 2, 4)],
      ids: ['acc', 'next'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.deepStrictEqual(mergeAnalysis(c.existing, c.fresh).map(a => a.id).sort(), [...c.ids].sort());
    });
  }

  it('never changes user work it keeps', () => {
    const work = [ann('a', 0, 2, 'PER', 'manual', 'accepted'), ann('b', 3, 4, 'LOC', 'auto', 'rejected')];
    const merged = mergeAnalysis(work, [auto('c', 6, 8)]);
    assert.deepStrictEqual(merged.filter(isUserWork), work);
  });

  it('renames a fresh id already used by kept work', () => {
    const merged = mergeAnalysis([ann('per-0-2', 10, 12, 'PER', 'auto', 'accepted')], [auto('per-0-2', 0, 2)]);
    assert.deepStrictEqual(merged.map(a => [a.id, a.start]), [['per-0-2.2', 0], ['per-0-2', 10]]);
  });

  it('returns items sorted by offset', () => {
    const merged = mergeAnalysis([ann('m', 20, 22, 'PER', 'manual', 'accepted')], [auto('z', 30, 31), auto('a', 0, 1)]);
    assert.deepStrictEqual(merged.map(a => a.start), [0, 20, 30]);
  });
});

describe('uniqueId', () => {
  it('counts up until the id is free and reserves it', () => {
    const taken = new Set(['x', 'x.2']);
    assert.strictEqual(uniqueId('x', taken), 'x.3');
    assert.ok(taken.has('x.3'));
  });
});
