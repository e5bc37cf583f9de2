import { findArticles } from './articles';
import { autoId } from './autoId';
import { findEntities } from './entities';
import { findNumbers } from './numbers';
import { suggestRelations } from './relationSuggest';
import { stopIf, type StopCheck } from './stop';
import type { Analysis, AnalyzeOptions, Annotation, EntityMention, NumberMention } from './types';

/**
 * Version of the analysers' output: bump it whenever the same text would now get different articles or
 * annotations, so `biaozhu analyze` re-does outputs written by an older version instead of keeping them.
 */
export const ANALYZER_VERSION = 1;

/**
 * The single entry point of the analysis engine: articles, column breaks, entities and numbers of `text`,
 * with UTF-16 offsets into exactly that text. Annotations come back flat and non-overlapping.
 * `stop` is asked between steps and between entity chunks; when it says yes, `AnalysisStopped` is thrown.
 */
export function analyze(text: string, options: AnalyzeOptions = {}, stop?: StopCheck): Analysis {
  const { articles, columnBreaks } = options.articles === false ? { articles: [], columnBreaks: [] } : findArticles(text);
  stopIf(stop);
  const entities = options.entities === false ? [] : findEntities(text, { lexicon: options.lexicon, stop });
  stopIf(stop);
  const numbers = options.numbers === false ? [] : findNumbers(text);
  const annotations = mergeMentions(entities, numbers);
  return options.relations ? { articles, columnBreaks, annotations, relations: suggestRelations(text, annotations) } : { articles, columnBreaks, annotations };
}

/**
 * What `analyze` finds without jieba or the tagger (articles, column breaks, numbers): milliseconds on a
 * page of news, so it can be shown while the entity tagger is still loading. The full analysis replaces
 * it; where an entity overlaps a number there, the longer span wins as in `mergeMentions`.
 */
export function analyzeWithoutEntities(text: string, options: AnalyzeOptions = {}): Analysis {
  return analyze(text, { ...options, entities: false });
}

/**
 * Flattens entity and number mentions into annotations. Where they overlap, the longer span wins
 * (an organisation name that contains a numeral stays whole); on equal length the entity wins.
 */
export function mergeMentions(entities: readonly EntityMention[], numbers: readonly NumberMention[]): Annotation[] {
  const all: Annotation[] = [];
  let length = 0;
  for (const e of entities) {
    const a: Annotation = { id: autoId(e.label, e.start, e.end), start: e.start, end: e.end, text: e.text, label: e.label, source: 'auto', status: 'suggested' };
    if (e.confidence !== undefined) a.confidence = e.confidence;
    all.push(a);
    if (e.end > length) length = e.end;
  }
  for (const n of numbers) {
    const a: Annotation = {
      id: autoId('NUMBER', n.start, n.end), start: n.start, end: n.end, text: n.text, label: 'NUMBER',
      source: 'auto', status: 'suggested', value: n.value,
    };
    if (n.unit !== undefined) a.unit = n.unit;
    if (n.approx !== undefined) a.approx = n.approx;
    a.kind = n.kind;
    all.push(a);
    if (n.end > length) length = n.end;
  }
  const byPriority = all.slice().sort((a, b) => (b.end - b.start) - (a.end - a.start) || rank(a) - rank(b) || a.start - b.start);
  const kept: Annotation[] = [];
  // An occupancy mask keeps this linear: checking every kept span was quadratic on long pages.
  const taken = new Uint8Array(length);
  for (const a of byPriority) {
    if (isTaken(taken, a.start, a.end)) continue;
    taken.fill(1, a.start, a.end);
    kept.push(a);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

function isTaken(taken: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (taken[i]) return true;
  return false;
}

function rank(a: Annotation): number {
  return a.label === 'NUMBER' ? 1 : 0;
}
