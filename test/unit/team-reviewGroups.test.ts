import * as assert from 'assert';
import { countByReview, groupByReview, REVIEW_GROUPS, reviewFilter, reviewGroup } from '../../src/core/team/reviewGroups';
import type { PageReview } from '../../src/core/team/types';

const mark = (status: PageReview['status']): PageReview => ({ status, at: '2026-01-01T00:00:00.000Z' });
const pages = [
  { name: 'a', review: mark('done') },
  { name: 'b', review: undefined },
  { name: 'c', review: mark('reviewed') },
  { name: 'd', review: mark('done') },
  { name: 'e', review: mark('in progress') },
];

describe('Pages view grouped by review status (core)', () => {
  it('lists a page under its mark, and a page without one as not started', () => {
    assert.strictEqual(reviewGroup(undefined), 'not started');
    assert.strictEqual(reviewGroup(mark('reviewed')), 'reviewed');
  });

  it('groups in the view order, keeping the pages\' order, leaving empty groups out', () => {
    const groups = groupByReview(pages, p => p.review);
    assert.deepStrictEqual(groups.map(g => [g.status, g.pages.map(p => p.name)]), [
      ['not started', ['b']], ['in progress', ['e']], ['done', ['a', 'd']], ['reviewed', ['c']],
    ]);
    assert.deepStrictEqual(groupByReview(pages.filter(p => p.review?.status !== 'in progress'), p => p.review).map(g => g.status), ['not started', 'done', 'reviewed']);
  });

  it('keeps only the statuses of the filter; an empty filter keeps every one', () => {
    assert.deepStrictEqual(groupByReview(pages, p => p.review, new Set(['reviewed', 'not started'] as const)).map(g => g.status), ['not started', 'reviewed']);
    assert.strictEqual(groupByReview(pages, p => p.review, new Set()).length, 4);
    assert.deepStrictEqual(groupByReview(pages, p => p.review, new Set(['in progress'] as const)).flatMap(g => g.pages.map(p => p.name)), ['e']);
  });

  it('counts the pages in every status, zero included (the filter pick and the Statistics tab)', () => {
    assert.deepStrictEqual(countByReview(pages, p => p.review), { 'not started': 1, 'in progress': 1, done: 2, reviewed: 1 });
    assert.deepStrictEqual(countByReview([], () => undefined), { 'not started': 0, 'in progress': 0, done: 0, reviewed: 0 });
  });

  it('reads a stored filter back: known statuses only, in view order, once each', () => {
    assert.deepStrictEqual(reviewFilter(['reviewed', 'bogus', 'not started', 'reviewed', 3]), ['not started', 'reviewed']);
    assert.deepStrictEqual(reviewFilter('done'), []);
    assert.deepStrictEqual(reviewFilter(undefined), []);
    assert.deepStrictEqual(REVIEW_GROUPS, ['not started', 'in progress', 'done', 'reviewed']);
  });
});
