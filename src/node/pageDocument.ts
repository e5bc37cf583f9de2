/** A page analysed into its export document, the document's file form, and the counts a batch reports. */
import { analyze } from '../core/analyze';
import { toDocument } from '../core/document';
import type { AnalyzeOptions, AnnotationDocument } from '../core/types';

export interface PageCounts {
  chars: number;
  articles: number;
  columnBreaks: number;
  /** Annotations per label, in first-seen order. */
  labels: Record<string, number>;
}

/**
 * What a page is analysed with: the workspace lexicon, whether to suggest relations (`--relations`), and
 * which analysers run (the editor's `biaozhu.analyzers`; all by default).
 */
export type PageAnalysisOptions = Pick<AnalyzeOptions, 'lexicon' | 'relations' | 'entities' | 'numbers' | 'articles'>;

export function analyzeToDocument(path: string, text: string, opts: PageAnalysisOptions = {}): AnnotationDocument {
  return toDocument(path, text, analyze(text, { ...opts, relations: opts.relations === true }));
}

export function countsOf(doc: AnnotationDocument): PageCounts {
  const labels: Record<string, number> = {};
  for (const a of doc.annotations) labels[a.label] = (labels[a.label] ?? 0) + 1;
  return { chars: doc.document.length, articles: doc.articles.length, columnBreaks: doc.columnBreaks.length, labels };
}

/** The pretty-printed file form of a document: the same bytes `analyze PAGE -o OUT.json` has always written. */
export const documentFile = (doc: AnnotationDocument): string => JSON.stringify(doc, null, 2) + '\n';

