import type { AnnotationDocument } from '../core/types';
import { CodePoints, ImportCollector, extensionOf, isObj, lossesOf, overlapping, parseJson, tryJson } from './common';
import { FormatError, type ExportedFile, type FormatPlugin, type ImportResult } from './types';

/**
 * spaCy's offset training data, `[[text, {"entities": [[start, end, label], …]}], …]`, as read by
 * `Doc.char_span` / `offsets_to_biluo_tags`: Python string indices, so Unicode code points. spaCy
 * refuses overlapping entities, so an export with overlaps will not train as is (see docs/formats.md).
 * Page labels go to `cats` (`{"时政": 1.0}`), as spaCy's text classifier reads them; relations have no place.
 */
export const spacy: FormatPlugin = {
  id: 'spacy',
  name: 'spaCy offsets JSON',
  extensions: ['.json'],

  export(doc: AnnotationDocument, text: string): ExportedFile[] {
    const cp = new CodePoints(text);
    const entities = doc.annotations.map(a => [cp.fromUtf16(a.start), cp.fromUtf16(a.end), a.label]);
    const cats = doc.document.labels?.length ? { cats: Object.fromEntries(doc.document.labels.map(l => [l, 1.0])) } : {};
    return [{ suffix: '', content: JSON.stringify([[text, { entities, ...cats }]]) + '\n' }];
  },

  import(content, text, options = {}): ImportResult {
    const raw = parseJson(content, 'spaCy');
    const examples = (isExample(raw) ? [raw] : Array.isArray(raw) ? raw.filter(isExample) : []) as Array<[string, Record<string, unknown>]>;
    if (examples.length === 0) throw new FormatError('shape', 'spaCy: expected [[text, {"entities": [...]}], ...]');
    const chosen = examples.find(e => e[0] === text) ?? (examples.length === 1 ? examples[0] : undefined);
    if (!chosen) throw new FormatError('text-mismatch', `spaCy: none of the ${examples.length} examples has this text`);
    const [fileText, ann] = chosen;
    const cp = new CodePoints(fileText);
    const collect = new ImportCollector(text, options, fileText);
    const entities = Array.isArray(ann.entities) ? ann.entities : [];
    if (!Array.isArray(ann.entities)) collect.skip('example', 'no "entities" list');
    entities.forEach((ent: unknown, i: number) => {
      const name = `entities[${i}]`;
      if (!Array.isArray(ent) || typeof ent[2] !== 'string') { collect.skip(name, 'not a [start, end, label] triple'); return; }
      const start = cp.toUtf16(ent[0]);
      const end = cp.toUtf16(ent[1]);
      if (start === undefined || end === undefined) { collect.skip(name, `offsets ${String(ent[0])}-${String(ent[1])} are not code points inside the text (${cp.length})`); return; }
      collect.addSpan({ start, end, label: ent[2] }, name);
    });
    if (isObj(ann.cats)) for (const [c, v] of Object.entries(ann.cats)) if (typeof v === 'number' && v >= 0.5) collect.addPageLabel(c);
    return collect.result();
  },

  detect(content, fileName) {
    const raw = tryJson(content);
    if (isExample(raw) || (Array.isArray(raw) && isExample(raw[0]))) return 0.95;
    return extensionOf(fileName) === '.json' && Array.isArray(raw) ? 0.2 : 0;
  },

  losses: doc => {
    const n = overlapping(doc.annotations);
    return [...(n ? [`${n} overlapping annotations (written, but spaCy refuses overlapping entities when training)`] : []), ...lossesOf(doc, { relations: false, pageLabels: true, articleLabels: false })];
  },
};

function isExample(v: unknown): boolean {
  return Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && isObj(v[1]);
}
