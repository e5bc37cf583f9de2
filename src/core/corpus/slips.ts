/**
 * Whether a manual tag is an obvious slip that must not be learned without confirmation: a span whose
 * start or end falls inside a word jieba's dictionary knows (`部的“辛` cuts 干部 and 辛苦). Learned as is,
 * such a span would be suggested on every page; a real name that jieba splits differently is confirmed
 * by the user once (src/extension/corpus/lexiconService.ts, which runs this in the analysis worker). Tags
 * that keep word boundaries, and suggestions the user accepted, are learned at once.
 */
import { tokensWithIds } from '../jieba';
import type { Span } from '../types';

/** Text on each side of the span that jieba sees: enough for the words around each boundary. */
const WINDOW = 12;

/**
 * The part of `text` the check needs for `span` (the span and `WINDOW` characters each side), with the span's
 * offsets in it: what the editor sends its analysis worker instead of the whole page.
 */
export function slipContext(text: string, span: Span): Span & { text: string } {
  const from = Math.max(0, span.start - WINDOW);
  return { text: text.slice(from, Math.min(text.length, span.end + WINDOW)), start: span.start - from, end: span.end - from };
}

/** The dictionary word (two or more characters) that a boundary of `span` cuts, or undefined. */
export function cutWord(text: string, span: Span): string | undefined {
  if (span.end <= span.start) return undefined;
  const context = slipContext(text, span);
  const from = span.start - context.start;
  const { tokens, ids } = tokensWithIds(context.text, from);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (ids[i] < 0 || t.end - t.start < 2) continue;
    const cuts = (b: number) => t.start < b && b < t.end;
    if (cuts(span.start) || cuts(span.end)) return t.word;
  }
  return undefined;
}
