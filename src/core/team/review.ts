import type { PageReview, PageStatus, ReviewMark, Sidecar } from './types';
import { PAGE_STATUSES } from './types';

/** The review after marking a page `status` (by `by`, at `at`): the previous mark moves to the history. */
export function markReview(previous: PageReview | undefined, status: PageStatus, by: string | undefined, at: Date): PageReview {
  const history: ReviewMark[] = previous ? [...(previous.history ?? []), markOf(previous)] : [];
  return { status, ...(by ? { by } : {}), at: at.toISOString(), ...(history.length ? { history } : {}) };
}

const markOf = (r: ReviewMark): ReviewMark => ({ status: r.status, ...(r.by ? { by: r.by } : {}), at: r.at });

/** Every mark of a page, oldest first, the current one last. */
export function marks(review: PageReview | undefined): ReviewMark[] {
  return review ? [...(review.history ?? []), markOf(review)] : [];
}

export type ProgressStatus = PageStatus | 'not marked';
export const PROGRESS_STATUSES: readonly ProgressStatus[] = ['not marked', ...PAGE_STATUSES];

export interface Progress {
  pages: number;
  byStatus: Record<ProgressStatus, number>;
  /**
   * Per person (git user.name; "unknown" when none was configured): pages whose latest mark of each status
   * is theirs, counted on the pages' current state. A page annotated by A and reviewed by B counts as
   * done for A and reviewed for B.
   */
  byPerson: Array<{ person: string } & Record<PageStatus, number>>;
}

const UNKNOWN = 'unknown';

export function progress(docs: ReadonlyArray<Pick<Sidecar, 'review'>>): Progress {
  const byStatus = Object.fromEntries(PROGRESS_STATUSES.map(s => [s, 0])) as Record<ProgressStatus, number>;
  const people = new Map<string, Record<PageStatus, number>>();
  for (const d of docs) {
    byStatus[d.review?.status ?? 'not marked']++;
    const all = marks(d.review);
    // The current status and, behind it, the statuses it went through (reviewed implies done implies in progress).
    const reached = d.review ? PAGE_STATUSES.slice(0, PAGE_STATUSES.indexOf(d.review.status) + 1) : [];
    for (const status of reached) {
      const last = [...all].reverse().find(m => m.status === status);
      if (!last) continue;
      const person = last.by || UNKNOWN;
      const row = people.get(person) ?? people.set(person, { 'in progress': 0, done: 0, reviewed: 0 }).get(person)!;
      row[status]++;
    }
  }
  const byPerson = [...people].map(([person, c]) => ({ person, ...c })).sort((a, b) => (a.person < b.person ? -1 : a.person > b.person ? 1 : 0));
  return { pages: docs.length, byStatus, byPerson };
}

/** A `review` value read from a sidecar, or a message saying what is wrong with it (for documentJson's validation). */
export function reviewProblem(v: unknown): string | undefined {
  const isMark = (m: unknown): string | undefined => {
    if (typeof m !== 'object' || m === null || Array.isArray(m)) return 'expected an object {status, by?, at}';
    const r = m as Record<string, unknown>;
    if (!PAGE_STATUSES.includes(r.status as PageStatus)) return `status: expected one of ${PAGE_STATUSES.join(', ')}, found ${JSON.stringify(r.status)}`;
    if (r.by !== undefined && typeof r.by !== 'string') return 'by: expected a string';
    if (typeof r.at !== 'string' || Number.isNaN(Date.parse(r.at))) return `at: expected a date and time (ISO 8601), found ${JSON.stringify(r.at)}`;
    return undefined;
  };
  const own = isMark(v);
  if (own) return own;
  const history = (v as Record<string, unknown>).history;
  if (history === undefined) return undefined;
  if (!Array.isArray(history)) return 'history: expected an array';
  for (const [i, m] of history.entries()) {
    const p = isMark(m);
    if (p) return `history[${i}].${p}`;
  }
  return undefined;
}
