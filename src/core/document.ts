import { createHash } from 'crypto';
import { BUILTIN_LABELS } from './labels';
import type { Annotation, AnnotationDocument, Article, ColumnBreak, LabelDef } from './types';

export const DOCUMENT_FORMAT = 'biaozhu/annotations';
export const DOCUMENT_VERSION = 1;

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Builds the export-contract document for `text` (read from `path`) with the given annotations. */
export function toDocument(
  path: string,
  text: string,
  analysis: { articles: readonly Article[]; columnBreaks: readonly ColumnBreak[]; annotations: readonly Annotation[] },
  labels: readonly LabelDef[] = BUILTIN_LABELS,
): AnnotationDocument {
  return {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    document: { path, sha256: sha256(text), length: text.length, offsetUnit: 'utf16' },
    labels: labels.map(l => ({ id: l.id, name: l.name, color: l.color })),
    articles: analysis.articles.map(a => ({
      id: a.id, start: a.start, end: a.end, title: a.title, titleLines: [...a.titleLines],
      byline: a.byline ?? '', dateline: a.dateline ?? '',
    })),
    columnBreaks: analysis.columnBreaks.map(c => ({ start: c.start, end: c.end })),
    annotations: analysis.annotations.map(a => ({ ...a })),
  };
}
