import { findArticles } from './articles';
import { findEntities } from './entities';
import { findNumbers } from './numbers';
import type { Analysis, AnalyzeOptions, Annotation, EntityMention, NumberMention } from './types';

/**
 * The single entry point of the analysis engine: articles, column breaks, entities and numbers of `text`,
 * with UTF-16 offsets into exactly that text. Annotations come back flat and non-overlapping.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const { articles, columnBreaks } = options.articles === false ? { articles: [], columnBreaks: [] } : findArticles(text);
  const entities = options.entities === false ? [] : findEntities(text, { lexicon: options.lexicon });
  const numbers = options.numbers === false ? [] : findNumbers(text);
  return { articles, columnBreaks, annotations: mergeMentions(entities, numbers) };
}

/** A deterministic id, so re-analysing unchanged text gives identical, diff-friendly output. */
export function autoId(label: string, start: number, end: number): string {
  return `${label.toLowerCase()}-${start}-${end}`;
}

/**
 * Flattens entity and number mentions into annotations. Where they overlap, the longer span wins
 * (an organisation name that contains a numeral stays whole); on equal length the entity wins.
 */
export function mergeMentions(entities: readonly EntityMention[], numbers: readonly NumberMention[]): Annotation[] {
  const all: Annotation[] = [
    ...entities.map((e): Annotation => ({
      id: autoId(e.label, e.start, e.end), start: e.start, end: e.end, text: e.text, label: e.label,
      source: 'auto', status: 'suggested',
    })),
    ...numbers.map((n): Annotation => ({
      id: autoId('NUMBER', n.start, n.end), start: n.start, end: n.end, text: n.text, label: 'NUMBER',
      source: 'auto', status: 'suggested', value: n.value,
      ...(n.unit !== undefined ? { unit: n.unit } : {}),
      ...(n.approx !== undefined ? { approx: n.approx } : {}),
      kind: n.kind,
    })),
  ];
  const byPriority = [...all].sort((a, b) => (b.end - b.start) - (a.end - a.start) || rank(a) - rank(b) || a.start - b.start);
  const kept: Annotation[] = [];
  // An occupancy mask keeps this linear: checking every kept span was quadratic on long pages.
  const taken = new Uint8Array(all.reduce((m, a) => Math.max(m, a.end), 0));
  for (const a of byPriority) {
    if (taken.subarray(a.start, a.end).includes(1)) continue;
    taken.fill(1, a.start, a.end);
    kept.push(a);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

function rank(a: Annotation): number {
  return a.label === 'NUMBER' ? 1 : 0;
}
