import type { AnnotationDocument } from '../core/types';
import { CodePoints, ImportCollector, extensionOf, isObj, lossesOf, parseJson, relationsOf, tryJson } from './common';
import { FormatError, type ExportedFile, type FormatPlugin, type ImportResult } from './types';

/**
 * doccano JSONL for sequence labelling: one record per line, `{"text": …, "label": [[start, end, "PER"], …]}`.
 * doccano's backend is Python, so offsets count Unicode code points. Import also reads the `labels`
 * spelling and the newer `entities` objects (`start_offset`, `end_offset`, `label`).
 * A document with relations is written as doccano's relation-extraction record: `entities` objects with
 * numeric ids and `relations` (`from_id`, `to_id`, `type`). Page labels go to `cats` (as in doccano's
 * intent-and-slot export); import reads `cats` and a `label` list of plain strings (text classification).
 */
export const doccano: FormatPlugin = {
  id: 'doccano',
  name: 'doccano JSONL',
  extensions: ['.jsonl'],

  export(doc: AnnotationDocument, text: string): ExportedFile[] {
    const cp = new CodePoints(text);
    const cats = doc.document.labels?.length ? { cats: [...doc.document.labels] } : {};
    const relations = relationsOf(doc);
    if (relations.length === 0) {
      const label = doc.annotations.map(a => [cp.fromUtf16(a.start), cp.fromUtf16(a.end), a.label]);
      return [{ suffix: '', content: JSON.stringify({ text, label, ...cats }) + '\n' }];
    }
    const num = new Map(doc.annotations.map((a, i) => [a.id, i + 1]));
    const entities = doc.annotations.map((a, i) => ({ id: i + 1, label: a.label, start_offset: cp.fromUtf16(a.start), end_offset: cp.fromUtf16(a.end) }));
    const links = relations.map((r, i) => ({ id: i + 1, from_id: num.get(r.from), to_id: num.get(r.to), type: r.label }));
    return [{ suffix: '', content: JSON.stringify({ text, entities, relations: links, ...cats }) + '\n' }];
  },

  import(content, text, options = {}): ImportResult {
    const records = readRecords(content);
    const record = records.find(r => r.text === text) ?? (records.length === 1 ? records[0] : undefined);
    if (!record) throw new FormatError('text-mismatch', `doccano: none of the ${records.length} records has this text`);
    const cp = new CodePoints(record.text);
    const collect = new ImportCollector(text, options, record.text);
    const rec = record.raw;
    const spans = (['label', 'labels', 'entities'] as const).filter(k => Array.isArray(rec[k]));
    if (spans.length === 0) collect.skip(`record ${record.line}`, 'no "label", "labels" or "entities" array');
    for (const key of spans) {
      (rec[key] as unknown[]).forEach((item, i) => {
        const name = `record ${record.line} ${key}[${i}]`;
        if (typeof item === 'string' && key === 'label') { collect.addPageLabel(item); return; }
        const triple = Array.isArray(item) ? item : isObj(item) ? [item.start_offset, item.end_offset, item.label] : [];
        const [s, e, l] = triple;
        if (typeof l !== 'string' && typeof l !== 'number') { collect.skip(name, 'not a [start, end, label] span'); return; }
        const start = cp.toUtf16(s as number);
        const end = cp.toUtf16(e as number);
        if (start === undefined || end === undefined) { collect.skip(name, `offsets ${String(s)}-${String(e)} are not code points inside the text (${cp.length})`); return; }
        const ref = key === 'entities' && isObj(item) && item.id !== undefined ? String(item.id) : undefined;
        collect.addSpan({ start, end, label: String(l), ref }, name);
      });
    }
    if (Array.isArray(rec.relations)) {
      rec.relations.forEach((r: unknown, i) => {
        const name = `record ${record.line} relations[${i}]`;
        if (!isObj(r)) { collect.skip(name, 'not a relation object'); return; }
        collect.addRelation({ from: String(r.from_id), to: String(r.to_id), label: r.type ?? r.label }, name);
      });
    }
    const cats = rec.cats;
    if (Array.isArray(cats)) for (const c of cats) collect.addPageLabel(c);
    else if (isObj(cats)) for (const [c, v] of Object.entries(cats)) if (v === true || (typeof v === 'number' && v >= 0.5)) collect.addPageLabel(c);
    return collect.result();
  },

  detect(content, fileName) {
    const first = content.split(/\r?\n/).find(l => l.trim() !== '') ?? '';
    const rec = tryJson(first) ?? tryJson(content);
    const fits = isObj(rec) && typeof rec.text === 'string' && (Array.isArray(rec.label) || Array.isArray(rec.labels) || Array.isArray(rec.entities));
    if (fits) return extensionOf(fileName) === '.jsonl' ? 1 : 0.8;
    return extensionOf(fileName) === '.jsonl' ? 0.6 : 0;
  },

  losses: doc => lossesOf(doc, { relations: true, pageLabels: true, articleLabels: false }),
};

interface DoccanoRecord {
  text: string;
  raw: Record<string, unknown>;
  line: number;
}

/** One record per line; a whole-file JSON object or array (pretty-printed exports) is read too. */
function readRecords(content: string): DoccanoRecord[] {
  const whole = tryJson(content);
  const items: Array<[unknown, number]> = whole !== undefined
    ? (Array.isArray(whole) ? whole : [whole]).map((r, i) => [r, i + 1])
    : content.split(/\r?\n/).map((l, i) => [l, i + 1] as [string, number]).filter(([l]) => (l as string).trim() !== '')
      .map(([l, n]) => [parseJson(l as string, `doccano line ${n}`), n]);
  const records = items.filter((x): x is [Record<string, unknown>, number] => isObj(x[0]) && typeof x[0].text === 'string')
    .map(([raw, line]) => ({ text: raw.text as string, raw, line }));
  if (records.length === 0) throw new FormatError('shape', 'doccano: no record with a "text" string');
  return records;
}
