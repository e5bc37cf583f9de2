/**
 * Counts for one page and for a folder: annotations per label and status, distinct entities, the most
 * frequent names and numbers, and each page's review status. Distinct entities and frequencies leave
 * rejected items out (they are not entities); the status counts include them.
 */
import type { Annotation } from '../types';
import { toCsv } from './csv';
import { compareText, type CorpusPage } from './page';

/**
 * The *suggestion progress* of a page, derived from its annotations (see `reviewStatus`): not the review
 * mark a person sets (`review.status` in the sidecar, `core/team/reviewGroups`), which is what the editor's
 * Pages view and Statistics tab show as a page's review status. The command line's `stats` reports both.
 */
export type ReviewStatus = 'not started' | 'in progress' | 'done';

export interface LabelCounts {
  label: string;
  suggested: number;
  accepted: number;
  rejected: number;
  total: number;
  /** Different texts with this label (rejected left out). */
  distinct: number;
}

export interface EntityCount {
  label: string;
  text: string;
  count: number;
}

export interface PageStats {
  path: string;
  review: ReviewStatus;
  /** Automatic suggestions still waiting for a decision. */
  pending: number;
  labels: LabelCounts[];
  all: LabelCounts;
  /** Every distinct (label, text), most frequent first. */
  entities: EntityCount[];
}

export interface FolderStats {
  pages: number;
  review: Record<ReviewStatus, number>;
  labels: LabelCounts[];
  all: LabelCounts;
  entities: EntityCount[];
}

/** Not started: only untouched suggestions; done: no automatic suggestion left to decide. Manual items count as reviewed. */
export function reviewStatus(annotations: readonly Annotation[]): ReviewStatus {
  const pending = annotations.filter(isPending).length;
  if (pending === 0) return 'done';
  return pending === annotations.length ? 'not started' : 'in progress';
}

export function pageStats(page: CorpusPage): PageStats {
  const { labels, all, entities } = summarise(page.annotations);
  return { path: page.path, review: reviewStatus(page.annotations), pending: page.annotations.filter(isPending).length, labels, all, entities };
}

export function folderStats(pages: readonly CorpusPage[]): FolderStats {
  const review: Record<ReviewStatus, number> = { 'not started': 0, 'in progress': 0, done: 0 };
  for (const p of pages) review[reviewStatus(p.annotations)]++;
  return { pages: pages.length, review, ...summarise(pages.flatMap(p => p.annotations)) };
}

/** The `n` most frequent names (every label but NUMBER) or numbers. */
export function top(entities: readonly EntityCount[], n: number, kind: 'names' | 'numbers'): EntityCount[] {
  return entities.filter(e => (e.label === 'NUMBER') === (kind === 'numbers')).slice(0, n);
}

function summarise(annotations: readonly Annotation[]): Pick<PageStats, 'labels' | 'all' | 'entities'> {
  const byLabel = new Map<string, LabelCounts>();
  const freq = new Map<string, EntityCount>();
  const all = counts('*');
  for (const a of annotations) {
    const c = byLabel.get(a.label) ?? counts(a.label);
    byLabel.set(a.label, c);
    for (const x of [c, all]) { x[a.status]++; x.total++; }
    if (a.status === 'rejected') continue;
    const k = `${a.label}\u0000${a.text}`;
    const e = freq.get(k) ?? { label: a.label, text: a.text, count: 0 };
    if (e.count++ === 0) { c.distinct++; all.distinct++; }
    freq.set(k, e);
  }
  const entities = [...freq.values()].sort((x, y) => y.count - x.count || compareText(x.label, y.label) || compareText(x.text, y.text));
  return { labels: [...byLabel.values()].sort((x, y) => compareText(x.label, y.label)), all, entities };
}

const ALL_PAGES = '(all)';

/** One row per page and label (label `*` = all labels), then the folder rows with page `(all)`. */
export function countsCsv(pages: readonly PageStats[], folder: FolderStats): string {
  const rows = [
    ...pages.flatMap(p => [...p.labels, p.all].map(c => [p.path, p.review, ...countCells(c)])),
    ...[...folder.labels, folder.all].map(c => [ALL_PAGES, '', ...countCells(c)]),
  ];
  return toCsv(['page', 'review', 'label', 'suggested', 'accepted', 'rejected', 'total', 'distinct'], rows);
}

/** Every distinct entity per page with its frequency, then the folder's. */
export function entitiesCsv(pages: readonly PageStats[], folder: FolderStats): string {
  const rows = [
    ...pages.flatMap(p => p.entities.map(e => [p.path, e.label, e.text, e.count])),
    ...folder.entities.map(e => [ALL_PAGES, e.label, e.text, e.count]),
  ];
  return toCsv(['page', 'label', 'text', 'count'], rows);
}

function countCells(c: LabelCounts): (string | number)[] {
  return [c.label, c.suggested, c.accepted, c.rejected, c.total, c.distinct];
}

function counts(label: string): LabelCounts {
  return { label, suggested: 0, accepted: 0, rejected: 0, total: 0, distinct: 0 };
}

function isPending(a: Annotation): boolean {
  return a.source === 'auto' && a.status === 'suggested';
}
