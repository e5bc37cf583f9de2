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

/** Every drawn annotation at `offset` (touching counts), outermost first: the stack a hover shows. */
export function annotationsAt(annotations: readonly Annotation[], offset: number): Annotation[] {
  return annotations.filter(a => drawn(a) && offset >= a.start && offset <= a.end)
    .sort((a, b) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id));
}

/**
 * The next (or previous) drawn annotation after (before) `offset`, wrapping around the document. With
 * `currentId` (the annotation the cursor is on), the step is from it in offset order, so nested items that
 * start at the same offset are each visited in turn.
 */
export function nextAnnotation(annotations: readonly Annotation[], offset: number, direction: 1 | -1, currentId?: string): Annotation | undefined {
  const list = annotations.filter(drawn).sort(byOffset);
  if (list.length === 0) return undefined;
  const at = currentId === undefined ? -1 : list.findIndex(a => a.id === currentId);
  if (at !== -1) return list[(at + direction + list.length) % list.length];
  if (direction === 1) return list.find(a => a.start > offset) ?? list[0];
  return [...list].reverse().find(a => a.start < offset) ?? list[list.length - 1];
}

/**
 * Moves annotation `id` to `span` of `text` (the whole page text). Id, label, status and relations stay;
 * the item becomes manual, since its extent is now a person's decision that a re-analysis must keep.
 * Throws on an empty span, one outside the text or one that cuts a character outside the BMP in two.
 */
export function adjustSpan(annotations: readonly Annotation[], id: string, span: Span, text: string): Annotation[] {
  if (!annotations.some(a => a.id === id)) throw new Error(`no annotation ${id}`);
  if (!(span.start >= 0 && span.end <= text.length && span.start < span.end)) throw new Error(`cannot adjust to an empty or out-of-text span ${span.start}-${span.end}`);
  if (cutsPair(text, span.start) || cutsPair(text, span.end)) throw new Error(`span ${span.start}-${span.end} cuts a character in two`);
  return annotations.map((a): Annotation => (a.id === id ? { ...a, start: span.start, end: span.end, text: text.slice(span.start, span.end), source: 'manual' } : a)).sort(byOffset);
}

/**
 * The extent of `a` grown (`delta` 1) or shrunk (-1) by one character at its `edge`, stepping over a
 * surrogate pair as one character; undefined when that would empty it or leave the text.
 */
export function stepEdge(a: Span, edge: 'start' | 'end', delta: 1 | -1, text: string): Span | undefined {
  const move = (offset: number, forward: boolean) => {
    const next = forward ? offset + 1 : offset - 1;
    return cutsPair(text, next) ? (forward ? next + 1 : next - 1) : next;
  };
  const span = edge === 'start' ? { start: move(a.start, delta === -1), end: a.end } : { start: a.start, end: move(a.end, delta === 1) };
  return span.start >= 0 && span.end <= text.length && span.start < span.end ? span : undefined;
}

const cutsPair = (text: string, offset: number) => offset > 0 && offset < text.length
  && /[\uD800-\uDBFF]/.test(text[offset - 1]) && /[\uDC00-\uDFFF]/.test(text[offset]);

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
 * (counted in `conflicts`) when it repeats an item already there with the same label, or when it is a
 * suggestion overlapping user work (suggestions stay flat). Imported decisions (accepted, rejected) may
 * nest inside or across user work, like spans a person tags. `ids` maps each added item's id in
 * `imported` to its id in the result, so imported relations can follow.
 */
export function mergeImport(existing: readonly Annotation[], imported: readonly Annotation[]): { annotations: Annotation[]; added: number; conflicts: number; ids: Map<string, string> } {
  let list = [...existing];
  const taken = new Set(existing.map(a => a.id));
  const ids = new Map<string, string>();
  let added = 0;
  let conflicts = 0;
  for (const item of imported) {
    const flat = item.status === 'suggested';
    if ((flat && list.some(a => drawn(a) && isUserWork(a) && overlaps(a, item))) || list.some(a => a.start === item.start && a.end === item.end && a.label === item.label)) {
      conflicts++;
      continue;
    }
    list = list.filter(a => !(a.source === 'auto' && a.status === 'suggested' && overlaps(a, item)));
    const id = uniqueId(item.id, taken);
    ids.set(item.id, id);
    list.push({ ...item, id });
    added++;
  }
  return { annotations: list.sort(byOffset), added, conflicts, ids };
}
