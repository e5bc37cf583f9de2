import type { Article, ColumnBreak } from '../types';

/** Articles and column breaks of a newspaper page. (Placeholder until the segmenter lands.) */
export function findArticles(_text: string): { articles: Article[]; columnBreaks: ColumnBreak[] } {
  return { articles: [], columnBreaks: [] };
}
