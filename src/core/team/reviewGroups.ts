import type { PageReview, PageStatus } from './types';
import { PAGE_STATUSES } from './types';

/**
 * The review status a page is listed under in the Pages view: its review mark (Mark Page In Progress /
 * Done / Reviewed, the sidecar's `review.status`) when it has one, else "not started". The mark is a
 * person's statement and it wins: a page whose suggestions are all decided but that nobody marked is still
 * "not started" here (the suggestions still to decide are counted separately, `pageStats(...).pending`).
 */
export type ReviewGroup = 'not started' | PageStatus;

/** The groups in the order the view lists them. */
export const REVIEW_GROUPS: readonly ReviewGroup[] = ['not started', ...PAGE_STATUSES];

export function reviewGroup(review: Pick<PageReview, 'status'> | undefined): ReviewGroup {
  return review?.status ?? 'not started';
}

export interface PageGroup<T> {
  status: ReviewGroup;
  pages: T[];
}

/**
 * The pages grouped by review status, in `REVIEW_GROUPS` order, each group's pages in the order given;
 * only the statuses in `shown` (every status when `shown` is empty or absent). Empty groups are left out.
 */
export function groupByReview<T>(pages: readonly T[], reviewOf: (page: T) => Pick<PageReview, 'status'> | undefined, shown?: ReadonlySet<ReviewGroup>): PageGroup<T>[] {
  const by = new Map<ReviewGroup, T[]>(REVIEW_GROUPS.map(s => [s, []]));
  for (const p of pages) by.get(reviewGroup(reviewOf(p)))!.push(p);
  return REVIEW_GROUPS
    .filter(s => !shown?.size || shown.has(s))
    .map(status => ({ status, pages: by.get(status)! }))
    .filter(g => g.pages.length > 0);
}

/** How many pages are in each review status (every status, zero included). */
export function countByReview<T>(pages: readonly T[], reviewOf: (page: T) => Pick<PageReview, 'status'> | undefined): Record<ReviewGroup, number> {
  const counts = Object.fromEntries(REVIEW_GROUPS.map(s => [s, 0])) as Record<ReviewGroup, number>;
  for (const p of pages) counts[reviewGroup(reviewOf(p))]++;
  return counts;
}

/** A filter read back from storage: known statuses only, in view order, no duplicates. */
export function reviewFilter(raw: unknown): ReviewGroup[] {
  if (!Array.isArray(raw)) return [];
  return REVIEW_GROUPS.filter(s => raw.includes(s));
}
