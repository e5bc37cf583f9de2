/** The reference point the recogniser is measured against: nodejieba's part-of-speech tags alone. */
import { tokens } from '../jieba';
import type { EntityMention } from '../types';

const LABEL_OF: Array<[RegExp, string]> = [[/^nr/, 'PER'], [/^ns$/, 'LOC'], [/^nt$/, 'ORG']];

/** Every jieba word tagged nr* → PER, ns → LOC, nt → ORG. */
export function jiebaPosEntities(text: string): EntityMention[] {
  const out: EntityMention[] = [];
  for (const t of tokens(text)) {
    const label = LABEL_OF.find(([re]) => re.test(t.tag))?.[1];
    if (label) out.push({ start: t.start, end: t.end, text: t.word, label });
  }
  return out;
}
