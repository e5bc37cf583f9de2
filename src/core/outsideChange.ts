import { anchorSaved, mapThroughDiff, reattachOrphans, type OrphanReason } from './anchor';
import { isUserWork } from './merge';
import type { Annotation, Article, ColumnBreak } from './types';

/**
 * What happens to a page's annotations when its text changes by a route other than typed edits (reload
 * from disk, git checkout, another program), or changed while it was closed. The rule of src/core/anchor.ts
 * for every item; orphans come home when their text and context are back. Automatic suggestions that lose
 * their place are dropped rather than orphaned: they hold no one's work and the next analysis makes them again.
 */
export interface PageItems {
  annotations: Annotation[];
  articles: Article[];
  columnBreaks: ColumnBreak[];
  orphans: Annotation[];
}

export interface OutsideChangeReport {
  /** Items now at other offsets than before (through the diff, or found by quote and context). */
  moved: number;
  /** Orphans placed again, with their status. */
  reattached: number;
  /** Reviewed or manual items that became orphans now, by reason. */
  orphaned: number;
  reasons: Partial<Record<OrphanReason, number>>;
  /** Unreviewed suggestions that lost their place (dropped; the analysis suggests again). */
  droppedSuggestions: number;
}

/** The page's items after its text went from `oldText` to `newText` while open. */
export function afterOutsideChange(oldText: string, newText: string, items: PageItems): { items: PageItems; report: OutsideChangeReport } {
  const r = mapThroughDiff(oldText, newText, items.annotations);
  const structure = (list: Array<Article | ColumnBreak>) => mapThroughDiff(oldText, newText, list).placed;
  return settle(newText, {
    annotations: r.placed,
    articles: structure(items.articles) as Article[],
    columnBreaks: structure(items.columnBreaks) as ColumnBreak[],
    orphans: items.orphans,
  }, r.orphaned, r.moved);
}

/**
 * The page's items when its sidecar was written for another version of the text (changed while closed):
 * each annotation by its saved quote and context; articles and column breaks are left to the next analysis.
 */
export function afterReopen(newText: string, saved: { annotations: Annotation[]; orphans: Annotation[] }): { items: PageItems; report: OutsideChangeReport } {
  const r = anchorSaved(newText, saved.annotations);
  return settle(newText, { annotations: r.placed.map(withoutContext), articles: [], columnBreaks: [], orphans: saved.orphans }, r.orphaned, r.moved);
}

function settle(text: string, items: PageItems, lost: ReadonlyArray<{ item: Annotation; reason: OrphanReason }>, moved: number): { items: PageItems; report: OutsideChangeReport } {
  const reasons: OutsideChangeReport['reasons'] = {};
  const newOrphans: Annotation[] = [];
  for (const { item, reason } of lost) {
    if (!isUserWork(item)) continue;
    newOrphans.push(item);
    reasons[reason] = (reasons[reason] ?? 0) + 1;
  }
  const home = reattachOrphans(text, items.annotations, items.orphans);
  return {
    items: { ...items, annotations: home.annotations, orphans: [...home.orphans, ...newOrphans] },
    report: { moved, reattached: home.reattached.length, orphaned: newOrphans.length, reasons, droppedSuggestions: lost.length - newOrphans.length },
  };
}

/** The in-memory form: context is saved, not kept (it goes stale with every edit). */
export function withoutContext(a: Annotation): Annotation {
  if (a.prefix === undefined && a.suffix === undefined) return a;
  const { prefix: _p, suffix: _s, ...rest } = a;
  return rest;
}
