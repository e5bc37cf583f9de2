import type { Annotation } from './types';

/** Work a person did: never replaced by an automatic analysis. */
export function isUserWork(a: Annotation): boolean {
  return a.source === 'manual' || a.status !== 'suggested';
}

const overlaps = (a: Annotation, b: Annotation): boolean => a.start < b.end && b.start < a.end;

/**
 * Merges a fresh automatic analysis into the annotations a document already has, without losing user work:
 * - user work (manual, accepted or rejected items) is kept exactly as it is;
 * - earlier automatic suggestions are replaced by the fresh ones;
 * - a fresh suggestion overlapping kept (manual or accepted) work is dropped, so the user's span wins;
 * - a fresh suggestion overlapping a rejected item of the same label is dropped, so a rejection keeps
 *   suppressing the suggestion it rejected even when the analyser draws the span slightly differently.
 * Ids stay unique: a fresh id already taken by kept work gets a numeric suffix. The result is sorted by offset.
 */
export function mergeAnalysis(existing: readonly Annotation[], fresh: readonly Annotation[]): Annotation[] {
  const kept = existing.filter(isUserWork);
  const live = kept.filter(k => k.status !== 'rejected');
  const rejected = kept.filter(k => k.status === 'rejected');
  const ids = new Set(kept.map(k => k.id));
  const added: Annotation[] = [];
  for (const f of fresh) {
    if (live.some(k => overlaps(k, f))) continue;
    if (rejected.some(r => r.label === f.label && overlaps(r, f))) continue;
    added.push({ ...f, id: uniqueId(f.id, ids) });
  }
  return [...kept, ...added].sort(byOffset);
}

/** `id`, or `id.2`, `id.3`… whichever is not in `taken`; the chosen id is added to `taken`. */
export function uniqueId(id: string, taken: Set<string>): string {
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}.${n}`;
  taken.add(candidate);
  return candidate;
}

export function byOffset(a: Annotation, b: Annotation): number {
  return a.start - b.start || a.end - b.end || a.id.localeCompare(b.id);
}
