import { byOffset, isUserWork, uniqueId } from './merge';
import type { Annotation, LabelId, Span, Status } from './types';

/**
 * What the user does to annotations, as pure functions on an annotation list: each returns a new list and
 * leaves its input alone. Offsets are UTF-16 code units, like everywhere in the core.
 */

const drawn = (a: Annotation): boolean => a.status !== 'rejected';
const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

export function setStatus(annotations: readonly Annotation[], ids: ReadonlySet<string>, status: Status): Annotation[] {
  return annotations.map(a => (ids.has(a.id) && a.status !== status ? { ...a, status } : a));
}

/** A relabelled item is the user's decision, so it becomes accepted; number fields go when the label is no longer NUMBER. */
export function relabel(annotations: readonly Annotation[], ids: ReadonlySet<string>, label: LabelId): Annotation[] {
  return annotations.map(a => {
    if (!ids.has(a.id)) return a;
    const next: Annotation = { ...a, label, status: 'accepted' };
    if (label !== 'NUMBER') {
      delete next.value; delete next.unit; delete next.approx; delete next.kind;
    }
    return next;
  });
}

export function removeIds(annotations: readonly Annotation[], ids: ReadonlySet<string>): Annotation[] {
  return annotations.filter(a => !ids.has(a.id));
}

/**
 * Tags `span` (whose text is `text`) as `label`: a manual, accepted item. It replaces the automatic
 * suggestions it overlaps, and a reviewed item on exactly the same span (tagging that span again is a
 * relabel). A reviewed item it only overlaps is kept beside it, never silently replaced: it is returned in
 * `overlapped` so the caller can say so. Rejected items stay (they keep suppressing their suggestion).
 */
export function tagSpan(annotations: readonly Annotation[], span: Span, text: string, label: LabelId): { annotations: Annotation[]; added: Annotation; overlapped: Annotation[] } {
  const overlapped = annotations.filter(a => drawn(a) && overlaps(a, span) && isUserWork(a) && !(a.start === span.start && a.end === span.end));
  const kept = annotations.filter(a => !(drawn(a) && overlaps(a, span)) || overlapped.includes(a));
  const id = uniqueId(`${String(label).toLowerCase()}-${span.start}-${span.end}`, new Set(annotations.map(a => a.id)));
  const added: Annotation = { id, start: span.start, end: span.end, text, label, source: 'manual', status: 'accepted' };
  return { annotations: [...kept, added].sort(byOffset), added, overlapped };
}

/**
 * An orphan placed by hand where the user selected its new place: it keeps its id, label, source, status and
 * number fields; offsets and text are the selection's; the context it was cut with is dropped. The
 * suggestions it overlaps give way, as for a tag; reviewed items it overlaps stay beside it.
 */
export function reattachOrphanAt(annotations: readonly Annotation[], orphan: Annotation, span: Span, text: string): Annotation[] {
  const { prefix: _p, suffix: _s, ...rest } = orphan;
  const placed: Annotation = { ...rest, id: uniqueId(orphan.id, new Set(annotations.map(a => a.id))), start: span.start, end: span.end, text };
  return [...annotations.filter(a => !(drawn(a) && !isUserWork(a) && overlaps(a, span))), placed].sort(byOffset);
}

/** The drawn annotation at `offset` (touching its start or end counts); the shortest when several contain it. */
export function annotationAt(annotations: readonly Annotation[], offset: number): Annotation | undefined {
  let best: Annotation | undefined;
  for (const a of annotations) {
    if (!drawn(a) || offset < a.start || offset > a.end) continue;
    if (!best || a.end - a.start < best.end - best.start) best = a;
  }
  return best;
}

/** The next (or previous) drawn annotation after (before) `offset`, wrapping around the document. */
export function nextAnnotation(annotations: readonly Annotation[], offset: number, direction: 1 | -1): Annotation | undefined {
  const list = annotations.filter(drawn).sort(byOffset);
  if (list.length === 0) return undefined;
  if (direction === 1) return list.find(a => a.start > offset) ?? list[0];
  return [...list].reverse().find(a => a.start < offset) ?? list[list.length - 1];
}

/** Ids of the suggestions to accept: all, or of one label, or inside `within`. */
export function suggestionIds(annotations: readonly Annotation[], filter: { label?: string; within?: readonly Span[]; minConfidence?: number }): Set<string> {
  const min = filter.minConfidence;
  return new Set(annotations
    .filter(a => a.status === 'suggested')
    .filter(a => filter.label === undefined || a.label === filter.label)
    // A threshold keeps only suggestions that carry a confidence at or above it (rules and numbers carry none).
    .filter(a => min === undefined || (a.confidence !== undefined && a.confidence >= min))
    .filter(a => !filter.within || filter.within.some(s => a.start >= s.start && a.end <= s.end))
    .map(a => a.id));
}

/**
 * Adds imported items: an imported item replaces the automatic suggestions it overlaps, and is left out
 * (counted in `conflicts`) when it overlaps user work or repeats an item already there with the same label.
 */
export function mergeImport(existing: readonly Annotation[], imported: readonly Annotation[]): { annotations: Annotation[]; added: number; conflicts: number } {
  let list = [...existing];
  const ids = new Set(existing.map(a => a.id));
  let added = 0;
  let conflicts = 0;
  for (const item of imported) {
    if (list.some(a => drawn(a) && isUserWork(a) && overlaps(a, item)) || list.some(a => a.start === item.start && a.end === item.end && a.label === item.label)) {
      conflicts++;
      continue;
    }
    list = list.filter(a => !(a.source === 'auto' && a.status === 'suggested' && overlaps(a, item)));
    list.push({ ...item, id: uniqueId(item.id, ids) });
    added++;
  }
  return { annotations: list.sort(byOffset), added, conflicts };
}
