/** The user lexicon: forced words win over automatic spans; rejected text+label pairs are never suggested. */
import type { LexiconEntry } from '../types';
import type { TagSpan } from './decode';

export function rejectedSet(lexicon: readonly LexiconEntry[]): Set<string> {
  return new Set(lexicon.filter(e => e.reject).map(e => key(e.word, e.label)));
}

export function key(word: string, label: string): string {
  return `${label}\u0000${word}`;
}

/**
 * Every occurrence of every forced word, longest first, replacing the automatic spans it overlaps — except
 * where an automatic span strictly contains it: a learned 国务院 must not cut the 国务院办公厅 the recogniser
 * found (measured on dev.bio halves, splitting longer names cost more than learning gained). A wrong long
 * span the user rejected is removed before this runs, so it does not shield the word.
 */
export function applyForced(text: string, spans: TagSpan[], lexicon: readonly LexiconEntry[]): TagSpan[] {
  const forced = lexicon.filter(e => !e.reject && e.word.length > 0).sort((a, b) => b.word.length - a.word.length);
  if (forced.length === 0) return spans;
  const taken = new Uint8Array(text.length);
  // Automatic spans are flat, so each character has at most one owner.
  const owner = new Int32Array(text.length).fill(-1);
  spans.forEach((s, k) => owner.fill(k, s.start, s.end));
  const containing = (start: number, end: number) => {
    const k = owner[start];
    return k >= 0 && owner[end - 1] === k && spans[k].end - spans[k].start > end - start;
  };
  const mine: TagSpan[] = [];
  for (const e of forced) {
    for (let i = text.indexOf(e.word); i >= 0; i = text.indexOf(e.word, i + 1)) {
      const end = i + e.word.length;
      if (taken.subarray(i, end).some(c => c === 1) || containing(i, end)) continue;
      taken.fill(1, i, end);
      mine.push({ start: i, end, label: e.label });
    }
  }
  const kept = spans.filter(s => !taken.subarray(s.start, s.end).some(c => c === 1));
  return [...kept, ...mine].sort((a, b) => a.start - b.start);
}
