import type { Article, ColumnBreak } from '../types';
import { classifyLines } from './classify';
import { findColumnBreaks } from './columnBreaks';
import { segmentArticles } from './segment';

/**
 * Articles and column breaks of a newspaper page, in one linear pass over its lines. Offsets are UTF-16
 * code units into `text` (CRLF and lone CR both end a line).
 */
export function findArticles(text: string): { articles: Article[]; columnBreaks: ColumnBreak[] } {
  const lines = classifyLines(text);
  const { breaks, continuations } = findColumnBreaks(text, lines);
  const items = [];
  let top = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.kind === 'furniture') continue;
    // A masthead (the paper's name over the date line) is furniture too, not the first title's kicker.
    if (top && line.kind === 'headline' && lines[i + 1]?.kind === 'furniture') continue;
    top = false;
    // Both halves of a cut paragraph are body text, whatever they look like on their own.
    const joined = continuations.has(i) || continuations.has(i + 1);
    items.push({ line, kind: joined ? 'paragraph' as const : line.kind });
  }
  return { articles: segmentArticles(text, items), columnBreaks: breaks };
}

/** Articles without their internal blocks: what the editor keeps, saves and sends (blocks are for the benchmark). */
export function stripBlocks(articles: readonly Article[]): Article[] {
  return articles.map(({ blocks: _blocks, ...a }) => a);
}
