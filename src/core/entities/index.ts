import type { EntityMention, LexiconEntry } from '../types';

export interface EntityOptions {
  lexicon?: readonly LexiconEntry[];
}

/** PER/LOC/ORG/WORK mentions in `text`, sorted, flat, non-overlapping. (Placeholder until the recogniser lands.) */
export function findEntities(_text: string, _options: EntityOptions = {}): EntityMention[] {
  return [];
}
