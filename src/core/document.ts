import { createHash } from 'crypto';
import { BUILTIN_LABELS } from './labels';
import type { Annotation, AnnotationDocument, Article, ColumnBreak, LabelDef, Relation } from './types';

export const DOCUMENT_FORMAT = 'biaozhu/annotations';
export const DOCUMENT_VERSION = 1;

/**
 * The last text hashed, with its hash. A page's text is hashed by several readers in a row (its sidecar,
 * then lint's document, its line index and its stale-sidecar rule: three more passes over a 5 MB page on
 * every lint refresh); the same string is hashed once. A different string of equal length is compared,
 * which costs far less than hashing it.
 */
let lastHashed: { text: string; hash: string } | undefined;

export function sha256(text: string): string {
  if (lastHashed?.text === text) return lastHashed.hash;
  const hash = createHash('sha256').update(text, 'utf8').digest('hex');
  lastHashed = { text, hash };
  return hash;
}

/**
 * sha256(text), hashed `slice` units at a time with `pause()` awaited between slices (a 5 MB page takes the
 * editor's host tens of milliseconds in one go). A surrogate pair is never cut: the halves alone would each be
 * encoded as U+FFFD.
 */
export async function sha256Sliced(text: string, pause: () => Promise<void>, slice = 1 << 20): Promise<string> {
  if (lastHashed?.text === text) return lastHashed.hash;
  const hash = createHash('sha256');
  for (let at = 0; at < text.length;) {
    let end = Math.min(text.length, at + slice);
    if (end < text.length && isHigh(text.charCodeAt(end - 1)) && isLow(text.charCodeAt(end))) end += end - 1 > at ? -1 : 1;
    hash.update(text.slice(at, end), 'utf8');
    at = end;
    if (at < text.length) await pause();
  }
  const digest = hash.digest('hex');
  lastHashed = { text, hash: digest };
  return digest;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

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
  hash = sha256(text),
): AnnotationDocument {
  const doc: AnnotationDocument = {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    document: { path, sha256: hash, length: text.length, offsetUnit: 'utf16', ...(pageLabels.length ? { labels: [...pageLabels] } : {}) },
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
