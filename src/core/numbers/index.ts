import type { NumberMention } from '../types';

/** Every numeric expression in `text`, sorted, non-overlapping. (Placeholder until the recogniser lands.) */
export function findNumbers(_text: string): NumberMention[] {
  return [];
}
