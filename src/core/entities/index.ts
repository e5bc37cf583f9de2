/**
 * Named entities (PER, LOC, ORG, WORK) with UTF-16 offsets into exactly the text given, flat and
 * non-overlapping. Pipeline: jieba words and tags → averaged-perceptron BIO tagger (models/ner.bin.gz) →
 * context and gazetteer rules → titles in 《》 → rejected lexicon entries removed → forced lexicon entries;
 * each mention carries a calibrated confidence (forward-backward span probability, calibration.ts). See docs/ner.md.
 */
import type { EntityMention, LexiconEntry } from '../types';
import type { TagSpan } from './decode';
import type { StopCheck } from '../stop';
import { startLoading as startLoadingJieba, warmUp as warmUpJieba } from '../jieba';
import { loadCharStats, loadModel } from './model';
import { applyForced, key, rejectedSet } from './lexicon';
import { contextRules, titles } from './rules';
import { tagChunks } from './tagger';
import { calibrate, loadCalibration, type Origin } from './calibration';
import { spanProbability } from './posterior';
import { gazetteerPlaces } from './divisions';
import { loadGazetteer } from './gazetteer';

export interface EntityOptions {
  lexicon?: readonly LexiconEntry[];
  /** Titles in 《》 as WORK (default true). Off, the names inside titles are reported instead. */
  works?: boolean;
  /** Context and gazetteer rules after the tagger (default true); off, the tagger alone (for measuring the rules). */
  rules?: boolean;
  /** Asked before each chunk: a caller that no longer wants the result stops the work (`AnalysisStopped`). */
  stop?: StopCheck;
}

/** PER/LOC/ORG/WORK mentions in `text`, sorted, flat, non-overlapping, each with its calibrated confidence. */
export function findEntities(text: string, options: EntityOptions = {}): EntityMention[] {
  const c = loadCalibration();
  return scoreEntities(text, options, c.temperature).map(s => ({
    start: s.start, end: s.end, text: text.slice(s.start, s.end), label: s.label, confidence: calibrate(c, s.origin, s.raw),
  }));
}

/** A span with where it came from and its uncalibrated probability under the tagger (0 when it has none). */
export interface ScoredSpan extends TagSpan {
  origin: Origin;
  raw: number;
}

/** The pipeline before calibration (scripts/calibrate-ner.ts fits the maps on this). */
export function scoreEntities(text: string, options: EntityOptions = {}, temperature = 1): ScoredSpan[] {
  const lexicon = options.lexicon ?? [];
  let spans: TagSpan[] = [];
  for (const chunk of tagChunks(text, temperature, options.stop)) {
    const { start, end } = chunk;
    const tagged = new Set(chunk.spans.map(s => `${s.start}:${s.end}:${s.label}`));
    const ruled = options.rules === false ? chunk.spans : gazetteerPlaces(text, chunk.tokens, contextRules(text, chunk.tokens, chunk.spans), start, end);
    for (const s of ruled) {
      const origin: Origin = tagged.has(`${s.start}:${s.end}:${s.label}`) ? 'tagger' : 'rule';
      spans.push({ start: s.start, end: s.end, label: s.label, origin, raw: spanProbability(chunk.posterior, s.start - start, s.end - start, s.label) } as ScoredSpan);
    }
  }
  if (options.works !== false) spans = withTitles(text.length, spans, titles(text).map(s => ({ ...s, origin: 'title', raw: 0 }) as ScoredSpan));
  const rejected = rejectedSet(lexicon);
  const isRejected = (s: TagSpan) => rejected.has(key(text.slice(s.start, s.end), s.label));
  if (rejected.size) spans = spans.filter(s => !isRejected(s));
  spans = withOrigin(applyForced(text, spans, lexicon), 'lexicon');
  return spans as ScoredSpan[];
}

/** Marks the spans a step added (lexicon entries): they carry no tagger probability. */
function withOrigin(spans: TagSpan[], origin: Origin): TagSpan[] {
  return spans.map(s => ('origin' in s ? s : { ...s, origin, raw: 0 }) as ScoredSpan);
}

/** Titles replace whatever the tagger found inside or across them. */
function withTitles(length: number, spans: TagSpan[], works: TagSpan[]): TagSpan[] {
  if (works.length === 0) return spans;
  const inTitle = new Uint8Array(length);
  for (const w of works) inTitle.fill(1, w.start, w.end);
  const kept = spans.filter(s => !inTitle.subarray(s.start, s.end).includes(1));
  return [...kept, ...works].sort((a, b) => a.start - b.start);
}

/**
 * Loads jieba's dictionaries and the tagger model now, off the caller's critical path; returns milliseconds.
 * jieba's dictionaries build on a native thread while the model, calibration and gazetteer load here.
 */
export function warmUp(): number {
  const started = Date.now();
  startLoadingJieba();
  loadModel();
  loadCharStats();
  loadCalibration();
  loadGazetteer();
  warmUpJieba();
  return Date.now() - started;
}
