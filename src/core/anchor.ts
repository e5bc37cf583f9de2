import type { Span } from './types';

/**
 * Re-anchoring by quote: when a text changed outside the editor (or an imported file was made from a
 * slightly different text), find each span again by its exact text plus some context on either side.
 * Offsets are UTF-16 code units, like everywhere in the core.
 */

/** The W3C TextQuoteSelector triple: the span's text and the text just before and after it. */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** How much context a quote keeps on each side. */
export const QUOTE_CONTEXT = 32;

/** More occurrences than this are not scored (a one-character quote in a huge page); the nearest are kept. */
const MAX_CANDIDATES = 5000;

export function quoteAt(text: string, span: Span, context = QUOTE_CONTEXT): TextQuote {
  return {
    exact: text.slice(span.start, span.end),
    prefix: text.slice(Math.max(0, span.start - context), span.start),
    suffix: text.slice(span.end, span.end + context),
  };
}

/**
 * Where `quote` sits in `text`. Every occurrence of `exact` is scored by how many characters of prefix
 * (read backwards) and suffix (read forwards) agree; the best score wins and ties go to the occurrence
 * nearest `hint`. Undefined when `exact` does not occur, or when it occurs several times and no
 * occurrence shares any context (guessing would misplace human work; the caller keeps it as orphaned).
 */
export function anchorQuote(text: string, quote: TextQuote, hint = 0): Span | undefined {
  const { exact, prefix, suffix } = quote;
  if (exact === '') return anchorEmpty(text, quote, hint);
  const candidates = occurrences(text, exact, hint);
  if (candidates.length === 0) return undefined;
  let best = -1;
  let bestScore = -1;
  for (const pos of candidates) {
    const score = commonSuffixLength(text, pos, prefix) + commonPrefixLength(text, pos + exact.length, suffix);
    if (score > bestScore || (score === bestScore && Math.abs(pos - hint) < Math.abs(best - hint))) {
      best = pos;
      bestScore = score;
    }
  }
  const hasContext = prefix.length + suffix.length > 0;
  if (candidates.length > 1 && hasContext && bestScore === 0) return undefined;
  return { start: best, end: best + exact.length };
}

/** An empty span is found by its context alone. */
function anchorEmpty(text: string, quote: TextQuote, hint: number): Span | undefined {
  const joined = quote.prefix + quote.suffix;
  if (joined === '') return undefined;
  const at = occurrences(text, joined, hint).sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint))[0];
  return at === undefined ? undefined : { start: at + quote.prefix.length, end: at + quote.prefix.length };
}

/** Start offsets of `needle` in `text`; when there are too many, the ones nearest `hint`. */
function occurrences(text: string, needle: string, hint: number): number[] {
  const all: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) all.push(i);
  if (all.length <= MAX_CANDIDATES) return all;
  return all.sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint)).slice(0, MAX_CANDIDATES);
}

/** How many characters before `end` in `text` equal the end of `prefix`. */
function commonSuffixLength(text: string, end: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && end - n - 1 >= 0 && text[end - n - 1] === prefix[prefix.length - n - 1]) n++;
  return n;
}

/** How many characters from `start` in `text` equal the start of `suffix`. */
function commonPrefixLength(text: string, start: number, suffix: string): number {
  let n = 0;
  while (n < suffix.length && start + n < text.length && text[start + n] === suffix[n]) n++;
  return n;
}

/**
 * A function that moves spans of `oldText` into `newText`. Spans wholly inside the unchanged head or
 * tail of the text move by arithmetic; the others are found again by quote.
 */
export function createReanchorer(oldText: string, newText: string, context = QUOTE_CONTEXT): (span: Span) => Span | undefined {
  if (oldText === newText) return span => ({ start: span.start, end: span.end });
  const limit = Math.min(oldText.length, newText.length);
  let head = 0;
  while (head < limit && oldText.charCodeAt(head) === newText.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < limit - head && oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)) tail++;
  const delta = newText.length - oldText.length;
  const tailStart = oldText.length - tail;
  return span => {
    // A span wholly inside the unchanged head or tail keeps its text exactly; the others are searched.
    if (span.end <= head) return { start: span.start, end: span.end };
    if (span.start >= tailStart) return { start: span.start + delta, end: span.end + delta };
    const hint = span.start > head ? span.start + delta : span.start;
    return anchorQuote(newText, quoteAt(oldText, span, context), hint);
  };
}

export interface ReanchorResult<T> {
  /** Items found again, with their new offsets (and `text`, when they carry one, refreshed). */
  anchored: T[];
  /** Items whose quote was not found: keep them and show them, never drop them. */
  orphaned: T[];
}

/** Re-anchors every item of `oldText` in `newText`. */
export function reanchor<T extends Span & { text?: string }>(oldText: string, newText: string, items: readonly T[]): ReanchorResult<T> {
  const move = createReanchorer(oldText, newText);
  const anchored: T[] = [];
  const orphaned: T[] = [];
  for (const item of items) {
    const span = item.end <= oldText.length && item.start <= item.end ? move(item) : undefined;
    if (!span) { orphaned.push(item); continue; }
    const moved = { ...item, start: span.start, end: span.end };
    if (typeof item.text === 'string') moved.text = newText.slice(span.start, span.end);
    anchored.push(moved);
  }
  return { anchored, orphaned };
}

/**
 * Re-anchors items when the old text is gone (a sidecar outlived its page): each item is found by its
 * own `text`, nearest to where the shift of the previous item found says it should be, since an edit
 * moves everything after it by the same amount.
 */
export function reanchorByText<T extends Span & { text: string }>(newText: string, items: readonly T[]): ReanchorResult<T> {
  const anchored: T[] = [];
  const orphaned: T[] = [];
  let shift = 0;
  for (const item of [...items].sort((a, b) => a.start - b.start)) {
    const same = newText.slice(item.start + shift, item.end + shift) === item.text;
    const span = same ? { start: item.start + shift, end: item.end + shift } : anchorQuote(newText, { exact: item.text, prefix: '', suffix: '' }, item.start + shift);
    if (!span || item.text === '') { orphaned.push(item); continue; }
    shift = span.start - item.start;
    anchored.push({ ...item, start: span.start, end: span.end });
  }
  return { anchored, orphaned };
}
