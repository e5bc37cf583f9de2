import type { Annotation } from '../types';

/** One page of a corpus as the corpus tools see it: where it is, its annotations, and its text when known. */
export interface CorpusPage {
  path: string;
  annotations: readonly Annotation[];
  /** The page text, for search context; absent when the page could not be read or no longer matches. */
  text?: string;
}

/** Code-unit order: the same on every machine (unlike localeCompare), so outputs and files are stable. */
export function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
