import { isUserWork } from './merge';
import { equalRuns, runHolding } from './textDiff';
import type { Annotation, Span } from './types';

/**
 * Re-anchoring: where an annotation of one version of a page belongs in another. The rule (see
 * docs/reliability.md): a span is moved only to a place that holds its own characters and, on at least
 * one side, its own context; a place chosen among several equal ones is never taken. Everything else is
 * an orphan with a reason. Offsets are UTF-16 code units, like everywhere in the core.
 */

/** The W3C TextQuoteSelector triple: the span's text and the text just before and after it. */
export interface TextQuote {
  exact: string;
  /** Undefined: no context is known (an older sidecar, a format without it); such a quote is never searched for. */
  prefix?: string;
  suffix?: string;
}

/** Context kept per annotation in the sidecar (`prefix`/`suffix`), on each side. */
export const SAVED_CONTEXT = 16;
/** Context the W3C export writes. */
export const QUOTE_CONTEXT = 32;
/** Characters of context next to a span that must be unchanged on a side for that side to agree. */
export const AGREE = 8;

export function quoteAt(text: string, span: Span, context = SAVED_CONTEXT): Required<TextQuote> {
  return {
    exact: text.slice(span.start, span.end),
    prefix: text.slice(Math.max(0, span.start - context), span.start),
    suffix: text.slice(span.end, span.end + context),
  };
}

/**
 * Whether the context on each side of `[start, end)` in `text` is the quote's: the `AGREE` characters next
 * to the span must match; a shorter saved side means the old span sat that close to the start (or end)
 * of its text, so the new place must too.
 */
export function agreement(text: string, start: number, end: number, prefix: string, suffix: string): { left: boolean; right: boolean } {
  const l = Math.min(AGREE, prefix.length);
  const r = Math.min(AGREE, suffix.length);
  const left = start >= l && text.startsWith(prefix.slice(prefix.length - l), start - l) && (prefix.length >= AGREE || start === prefix.length);
  const right = text.startsWith(suffix.slice(0, r), end) && (suffix.length >= AGREE || end + suffix.length === text.length);
  return { left, right };
}

export type OrphanReason = 'changed' | 'ambiguous' | 'not-found' | 'no-context';

export type Placement = { span: Span; by: 'diff' | 'context' } | { span?: undefined; reason: OrphanReason };

/**
 * Where `quote` is in `text`, uniquely: the one place holding `exact` with both sides of context agreeing;
 * when there is none, the one place with one side agreeing. Two or more such places: ambiguous.
 */
export function findByContext(text: string, quote: TextQuote): Placement {
  const { exact, prefix, suffix } = quote;
  if (prefix === undefined || suffix === undefined) return { reason: 'no-context' };
  if (exact === '') return { reason: 'not-found' };
  const both = places(text, quote, true, true);
  if (both.length === 1) return { span: both[0], by: 'context' };
  if (both.length > 1) return { reason: 'ambiguous' };
  const one = places(text, quote, true, false);
  for (const s of places(text, quote, false, true)) if (!one.some(o => o.start === s.start) && one.length < 2) one.push(s);
  if (one.length === 1) return { span: one[0], by: 'context' };
  return { reason: one.length > 1 ? 'ambiguous' : 'not-found' };
}

/** Up to two places where `exact` has its context agreeing on the chosen sides. */
function places(text: string, quote: TextQuote, left: boolean, right: boolean): Span[] {
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  const before = left ? prefix.slice(prefix.length - Math.min(AGREE, prefix.length)) : '';
  const after = right ? suffix.slice(0, Math.min(AGREE, suffix.length)) : '';
  const needle = before + quote.exact + after;
  const found: Span[] = [];
  for (let i = text.indexOf(needle); i !== -1 && found.length < 2; i = text.indexOf(needle, i + 1)) {
    const start = i + before.length;
    const end = start + quote.exact.length;
    const a = agreement(text, start, end, prefix, suffix);
    if ((!left || a.left) && (!right || a.right)) found.push({ start, end });
  }
  return found;
}

/**
 * A function placing spans of `oldText` in `newText`: through a diff of the two texts when the span's own
 * characters survive with its context on both sides; otherwise (an edit next to it, or an equal run of
 * the character diff that may be a coincidence in repetitive text) by quote and context, uniquely.
 */
export function createMover(oldText: string, newText: string): (span: Span) => Placement {
  if (oldText === newText) return span => ({ span: { start: span.start, end: span.end }, by: 'diff' });
  const runs = equalRuns(oldText, newText);
  return span => {
    if (span.start > span.end || span.end > oldText.length) return { reason: 'not-found' };
    const i = runHolding(runs, span.start, span.end);
    const q = quoteAt(oldText, span);
    if (i >= 0) {
      const r = runs[i];
      const start = span.start - r.oldStart + r.newStart;
      const moved = { start, end: start + span.end - span.start };
      // Context wholly inside the same run is unchanged by construction; otherwise compare it.
      const inside = span.start - AGREE >= r.oldStart && span.end + AGREE <= r.oldStart + r.length;
      if (inside || bothAgree(newText, moved, q)) return { span: moved, by: 'diff' };
    }
    if (span.start === span.end) return { reason: 'changed' };
    const found = findByContext(newText, q);
    if (found.span) return i >= 0 && found.span.start === span.start - runs[i].oldStart + runs[i].newStart ? { span: found.span, by: 'diff' } : found;
    return { reason: found.reason === 'not-found' ? 'changed' : found.reason };
  };
}

const bothAgree = (text: string, span: Span, q: Required<TextQuote>): boolean => {
  const a = agreement(text, span.start, span.end, q.prefix, q.suffix);
  return a.left && a.right;
};

/** An item that could not be placed, with its context from the text it was cut from. */
export type Orphaned<T> = T & { prefix: string; suffix: string };

export interface MoveResult<T> {
  /** Items placed in the new text (offsets and `text` updated), in input order. */
  placed: T[];
  /** How many of `placed` were found by quote and context rather than through the diff. */
  byContext: number;
  /** How many of `placed` are at other offsets than before. */
  moved: number;
  orphaned: Array<{ item: Orphaned<T>; reason: OrphanReason }>;
}

/** Moves every item of `oldText` into `newText` by the rule above. */
export function mapThroughDiff<T extends Span & { text?: string }>(oldText: string, newText: string, items: readonly T[]): MoveResult<T> {
  const move = createMover(oldText, newText);
  const result: MoveResult<T> = { placed: [], byContext: 0, moved: 0, orphaned: [] };
  for (const item of items) {
    const p = move(item);
    if (p.span) {
      if (p.by === 'context') result.byContext++;
      if (p.span.start !== item.start || p.span.end !== item.end) result.moved++;
      result.placed.push(placedAt(newText, item, p.span));
    } else {
      const q = quoteAt(oldText, item);
      result.orphaned.push({ item: { ...item, prefix: q.prefix, suffix: q.suffix }, reason: p.reason });
    }
  }
  return result;
}

function placedAt<T extends Span & { text?: string }>(text: string, item: T, span: Span): T {
  if (item.start === span.start && item.end === span.end) return item;
  const moved = { ...item, start: span.start, end: span.end };
  if (typeof item.text === 'string') moved.text = text.slice(span.start, span.end);
  return moved;
}

type Quoted = Span & { text: string; prefix?: string; suffix?: string };

/**
 * Places items whose old text is gone (a sidecar written for another version of its page), each by its
 * `text` and saved context: first at the place the previous item's shift predicts, when both sides of
 * its context agree there; otherwise uniquely by `findByContext`. Items saved without context (older
 * sidecars) are orphans unless the page is unchanged, which the caller checks by its hash.
 */
export function anchorSaved<T extends Quoted>(newText: string, items: readonly T[]): { placed: T[]; moved: number; orphaned: Array<{ item: T; reason: OrphanReason }> } {
  const placed: T[] = [];
  let moved = 0;
  const orphaned: Array<{ item: T; reason: OrphanReason }> = [];
  let shift = 0;
  for (const item of [...items].sort((a, b) => a.start - b.start)) {
    const found = placeSaved(newText, item, shift);
    if (!found.span) { orphaned.push({ item, reason: found.reason }); continue; }
    shift = found.span.start - item.start;
    if (shift !== 0) moved++;
    placed.push(placedAt(newText, item, found.span));
  }
  return { placed, moved, orphaned };
}

function placeSaved(text: string, item: Quoted, shift: number): Placement {
  if (item.prefix === undefined || item.suffix === undefined || item.text === '') return { reason: item.text === '' ? 'not-found' : 'no-context' };
  const start = item.start + shift;
  const end = start + item.text.length;
  if (start >= 0 && text.startsWith(item.text, start)) {
    const a = agreement(text, start, end, item.prefix, item.suffix);
    if (a.left && a.right) return { span: { start, end }, by: 'context' };
  }
  return findByContext(text, { exact: item.text, prefix: item.prefix, suffix: item.suffix });
}

export interface ReattachResult<T> {
  annotations: T[];
  /** Orphans placed again, with their status and offsets in the current text. */
  reattached: T[];
  orphans: T[];
}

/**
 * Orphans come home: an orphan whose quote and context appear again, uniquely, is placed there with its
 * status. Not where a person's item of the same place already is (it stays an orphan); automatic
 * suggestions it overlaps give way to it.
 */
export function reattachOrphans<T extends Annotation>(text: string, annotations: readonly T[], orphans: readonly T[]): ReattachResult<T> {
  let current = [...annotations];
  const reattached: T[] = [];
  const still: T[] = [];
  for (const o of orphans) {
    const found = o.prefix === undefined ? undefined : findByContext(text, { exact: o.text, prefix: o.prefix, suffix: o.suffix });
    const span = found?.span;
    if (!span || current.some(a => isUserWork(a) && a.start < span.end && span.start < a.end)) { still.push(o); continue; }
    current = current.filter(a => !(a.start < span.end && span.start < a.end));
    const home = { ...placedAt(text, o, span) };
    delete home.prefix;
    delete home.suffix;
    current.push(home);
    reattached.push(home);
  }
  if (reattached.length) current.sort((a, b) => a.start - b.start || a.end - b.end);
  return { annotations: current, reattached, orphans: still };
}

/** `item` with the context it has in `text` (what the sidecar saves). */
export function withContext<T extends Span>(text: string, item: T): T & { prefix: string; suffix: string } {
  const q = quoteAt(text, item);
  return { ...item, prefix: q.prefix, suffix: q.suffix };
}
