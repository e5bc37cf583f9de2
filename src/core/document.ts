import { createHash } from 'crypto';
import { BUILTIN_LABELS } from './labels';
import type { Annotation, AnnotationDocument, Article, ColumnBreak, LabelDef, Relation } from './types';

export const DOCUMENT_FORMAT = 'biaozhu/annotations';
export const DOCUMENT_VERSION = 1;

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Builds the export-contract document for `text` (read from `path`) with the given annotations. The
 * fields added after version 1 first shipped (`relations`, `document.labels`, `articles[].labels`) are
 * written only when they hold something, so a document without them is byte-identical to before.
 */
export function toDocument(
  path: string,
  text: string,
  analysis: { articles: readonly Article[]; columnBreaks: readonly ColumnBreak[]; annotations: readonly Annotation[]; relations?: readonly Relation[] },
  labels: readonly LabelDef[] = BUILTIN_LABELS,
  pageLabels: readonly string[] = [],
): AnnotationDocument {
  const doc: AnnotationDocument = {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    document: { path, sha256: sha256(text), length: text.length, offsetUnit: 'utf16', ...(pageLabels.length ? { labels: [...pageLabels] } : {}) },
    labels: labels.map(l => ({ id: l.id, name: l.name, color: l.color })),
    articles: analysis.articles.map(a => ({
      id: a.id, start: a.start, end: a.end, title: a.title, titleLines: [...a.titleLines],
      byline: a.byline ?? '', dateline: a.dateline ?? '', ...(a.labels?.length ? { labels: [...a.labels] } : {}),
    })),
    columnBreaks: analysis.columnBreaks.map(c => ({ start: c.start, end: c.end })),
    annotations: analysis.annotations.map(a => ({ ...a })),
  };
  if (analysis.relations?.length) doc.relations = analysis.relations.map(r => ({ ...r }));
  return doc;
}
