import { parseDocument, serializeDocument } from '../core/documentJson';
import { sha256 } from '../core/document';
import type { AnnotationDocument } from '../core/types';
import { ImportCollector, extensionOf, tryJson, isObj } from './common';
import { FormatError, type ExportedFile, type FormatPlugin, type ImportResult } from './types';

/** Biaozhu JSON, the export contract: lossless. */
export const json: FormatPlugin = {
  id: 'json',
  name: 'Biaozhu JSON',
  extensions: ['.json'],

  export(doc: AnnotationDocument): ExportedFile[] {
    return [{ suffix: '', content: serializeDocument(doc as AnnotationDocument & Record<string, unknown>) }];
  },

  import(content, text, options = {}): ImportResult {
    const parsed = parseDocument(content);
    if (!parsed.ok) {
      const where = parsed.problem.line ? ` (line ${parsed.problem.line}, column ${parsed.problem.column})` : '';
      throw new FormatError(parsed.problem.kind, `Biaozhu JSON: ${parsed.problem.message}${where}`);
    }
    const doc = parsed.doc;
    const same = doc.document.sha256 === sha256(text) && doc.document.length === text.length;
    const collect = new ImportCollector(text, options);
    for (const a of doc.annotations) {
      // The sidecar's saved context (prefix/suffix) is what lets an item be found in another version of the text.
      const { prefix, suffix, ...rest } = a;
      const c = { ...rest, ref: a.id };
      if (same) collect.addSpan(c, a.id);
      else collect.addQuoted(c, { exact: a.text, prefix, suffix }, a.id);
    }
    for (const r of doc.relations ?? []) collect.addRelation(r, r.id);
    for (const l of doc.document.labels ?? []) collect.addPageLabel(l);
    const result = collect.result();
    // Articles and column breaks refer to the file's own text: kept only when the text is the same.
    return same ? { ...result, labels: doc.labels, articles: doc.articles, columnBreaks: doc.columnBreaks } : { ...result, labels: doc.labels };
  },

  detect(content, fileName) {
    const raw = tryJson(content);
    if (isObj(raw) && raw.format === 'biaozhu/annotations') return 1;
    return extensionOf(fileName) === '.json' && isObj(raw) && 'annotations' in raw ? 0.3 : 0;
  },

  losses: () => [],
};
