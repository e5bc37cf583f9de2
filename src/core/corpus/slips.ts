/**
 * Whether a manual tag is an obvious slip that must not be learned without confirmation: a span whose
 * start or end falls inside a word jieba's dictionary knows (`部的“辛` cuts 干部 and 辛苦). Learned as is,
 * such a span would be suggested on every page; a real name that jieba splits differently is confirmed
 * by the user once. Tags that keep word boundaries are learned at once, as before.
 */
import { tokensWithIds } from '../jieba';
import type { Span } from '../types';

/** Text on each side of the span that jieba sees: enough for the words around each boundary. */
const WINDOW = 12;

/** The dictionary word (two or more characters) that a boundary of `span` cuts, or undefined. */
export function cutWord(text: string, span: Span): string | undefined {
  if (span.end <= span.start) return undefined;
  const from = Math.max(0, span.start - WINDOW);
  const { tokens, ids } = tokensWithIds(text.slice(from, Math.min(text.length, span.end + WINDOW)), from);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (ids[i] < 0 || t.end - t.start < 2) continue;
    const cuts = (b: number) => t.start < b && b < t.end;
    if (cuts(span.start) || cuts(span.end)) return t.word;
  }
  return undefined;
}

/**
 * The learning decision for one item the user made by hand: 'learn' at once, or 'ask' (a slip: learn
 * only once the user confirms; until then it teaches nothing). Automatic suggestions the user accepted
 * or rejected keep the analyser's boundaries and are always 'learn'.
 */
export function learningDecision(text: string, item: Span & { source: string }): 'learn' | 'ask' {
  return item.source === 'manual' && cutWord(text, item) !== undefined ? 'ask' : 'learn';
}
