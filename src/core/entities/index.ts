/**
 * Named entities (PER, LOC, ORG, WORK) with UTF-16 offsets into exactly the text given, flat and
 * non-overlapping. Pipeline: jieba words and tags → averaged-perceptron BIO tagger (models/ner.bin.gz) →
 * context rules → titles in 《》 → rejected lexicon entries removed → document-level propagation →
 * forced lexicon entries. See docs/ner.md.
 */
import type { EntityMention, LexiconEntry } from '../types';
import type { TagSpan } from './decode';
import { warmUp as warmUpJieba } from '../jieba';
import { loadCharStats, loadModel } from './model';
import { applyForced, key, rejectedSet } from './lexicon';
import { propagate } from './propagate';
import { contextRules, titles } from './rules';
import { chunkBounds, tagChunk } from './tagger';

export interface EntityOptions {
  lexicon?: readonly LexiconEntry[];
  /** Titles in 《》 as WORK (default true). Off, the names inside titles are reported instead. */
  works?: boolean;
}

/** PER/LOC/ORG/WORK mentions in `text`, sorted, flat, non-overlapping. */
export function findEntities(text: string, options: EntityOptions = {}): EntityMention[] {
  const lexicon = options.lexicon ?? [];
  const bounds = new Uint8Array(text.length + 1);
  let spans: TagSpan[] = [];
  for (const [start, end] of chunkBounds(text)) {
    const chunk = tagChunk(text, start, end);
    for (const t of chunk.tokens) { bounds[t.start] |= 1; bounds[t.end] |= 2; }
    for (const s of contextRules(text, chunk.tokens, chunk.spans)) spans.push(s);
  }
  if (options.works !== false) spans = withTitles(text.length, spans, titles(text));
  const rejected = rejectedSet(lexicon);
  const isRejected = (s: TagSpan) => rejected.has(key(text.slice(s.start, s.end), s.label));
  if (rejected.size) spans = spans.filter(s => !isRejected(s));
  spans = propagate(text, spans, bounds, isRejected);
  spans = applyForced(text, spans, lexicon);
  return spans.map(s => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end), label: s.label }));
}

/** Titles replace whatever the tagger found inside or across them. */
function withTitles(length: number, spans: TagSpan[], works: TagSpan[]): TagSpan[] {
  if (works.length === 0) return spans;
  const inTitle = new Uint8Array(length);
  for (const w of works) inTitle.fill(1, w.start, w.end);
  const kept = spans.filter(s => !inTitle.subarray(s.start, s.end).includes(1));
  return [...kept, ...works].sort((a, b) => a.start - b.start);
}

/** Loads jieba's dictionaries and the tagger model now, off the caller's critical path; returns milliseconds. */
export function warmUp(): number {
  const started = Date.now();
  warmUpJieba();
  loadModel();
  loadCharStats();
  return Date.now() - started;
}
