import type { Annotation, AnnotationDocument, Relation } from '../core/types';
import { CodePoints, ImportCollector, extensionOf, lossesOf, relationsOf, type Candidate, type RelationCandidate } from './common';
import type { ExportedFile, FormatPlugin, ImportResult } from './types';

/**
 * brat standoff: `.ann` beside the `.txt`. Offsets count Unicode code points of the `.txt` as written.
 * Each span is a T line; Biaozhu's fields ride in one AnnotatorNotes line per span as `key=value` words
 * (brat shows notes without any annotation.conf). On import, A lines named like those keys work too.
 * Relations are R lines (`R1\t任职 Arg1:T2 Arg2:T1`) with their own notes; overlapping T spans are plain brat.
 */
export const brat: FormatPlugin = {
  id: 'brat',
  name: 'brat standoff',
  extensions: ['.ann'],

  export(doc: AnnotationDocument, text: string): ExportedFile[] {
    const cp = new CodePoints(text);
    const lines: string[] = [];
    doc.annotations.forEach((a, i) => {
      const t = `T${i + 1}`;
      lines.push(`${t}\t${bratType(a.label)} ${cp.fromUtf16(a.start)} ${cp.fromUtf16(a.end)}\t${oneLine(a.text)}`);
      lines.push(`#${i + 1}\tAnnotatorNotes ${t}\t${noteOf(a)}`);
    });
    const t = new Map(doc.annotations.map((a, i) => [a.id, `T${i + 1}`]));
    relationsOf(doc).forEach((r, i) => {
      const n = doc.annotations.length + i + 1;
      lines.push(`R${i + 1}\t${bratType(r.label)} Arg1:${t.get(r.from)} Arg2:${t.get(r.to)}`);
      lines.push(`#${n}\tAnnotatorNotes R${i + 1}\t${noteOf(r)}`);
    });
    return [{ suffix: '', content: lines.length ? lines.join('\n') + '\n' : '' }, { suffix: '.txt', content: text }];
  },

  import(content, text, options = {}): ImportResult {
    const cp = new CodePoints(text);
    const collect = new ImportCollector(text, options);
    const spans = new Map<string, { c: Candidate; quote: string; line: number }>();
    const relations = new Map<string, { r: RelationCandidate; line: number }>();
    content.split(/\r?\n/).forEach((line, i) => {
      if (line.trim() === '') return;
      const where = `line ${i + 1}`;
      const fields = line.split('\t');
      const id = fields[0];
      if (/^T\d+$/.test(id)) {
        const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(fields[1] ?? '');
        if (!m || fields.length < 3) { collect.skip(`${where} ${id}`, 'malformed text-bound annotation'); return; }
        if (m[2].includes(';')) { collect.skip(`${where} ${id}`, `discontinuous span (${m[2]}) cannot be represented`); return; }
        const [s, e] = m[2].split(' ').map(Number);
        const start = cp.toUtf16(s);
        const end = cp.toUtf16(e);
        if (start === undefined || end === undefined) { collect.skip(`${where} ${id}`, `span ${s}-${e} (code points) runs past the end of the text (${cp.length})`); return; }
        spans.set(id, { c: { start, end, label: m[1], ref: id }, quote: fields.slice(2).join('\t'), line: i + 1 });
      } else if (/^R\d+$/.test(id)) {
        const m = /^(\S+) \S+:(T\d+) \S+:(T\d+)$/.exec(fields[1] ?? '');
        if (!m) { collect.skip(`${where} ${id}`, 'malformed relation (expected "Type Arg1:T1 Arg2:T2")'); return; }
        relations.set(id, { r: { label: m[1], from: m[2], to: m[3] }, line: i + 1 });
      } else if (/^#\d*$/.test(id)) {
        const m = /^(\S+) ([TR]\d+)$/.exec(fields[1] ?? '');
        const target = m && (spans.get(m[2])?.c ?? relations.get(m[2])?.r);
        if (!target) { collect.skip(`${where} ${id}`, 'note not attached to a text-bound annotation or relation'); return; }
        Object.assign(target, parseNote(fields.slice(2).join('\t')));
      } else if (/^[AM]\d+$/.test(id)) {
        const [name, targetId, value] = (fields[1] ?? '').split(' ');
        const target = spans.get(targetId);
        const key = name?.toLowerCase();
        if (!target || !NOTE_KEYS.has(key)) { collect.skip(`${where} ${id}`, `attribute ${name ?? ''} is not one Biaozhu keeps`); return; }
        Object.assign(target.c, parseNote(`${key}=${value ?? ''}`));
      } else {
        const kind = id.startsWith('E') ? 'event' : id.startsWith('N') ? 'normalisation' : id.startsWith('*') ? 'equivalence' : 'unknown line';
        collect.skip(`${where} ${id}`, `${kind} annotations are not imported`);
      }
    });
    for (const [id, { c, quote, line }] of spans) {
      // brat writes spans that cross line breaks with the breaks as spaces.
      const slice = text.slice(c.start, c.end);
      const exact = oneLine(slice) === oneLine(quote) ? slice : quote;
      collect.addQuoted(c, { exact }, `line ${line} ${id}`);
    }
    for (const [id, { r, line }] of relations) collect.addRelation(r, `line ${line} ${id}`);
    return collect.result();
  },

  detect(content, fileName) {
    const first = content.split(/\r?\n/).find(l => l.trim() !== '') ?? '';
    const looks = /^T\d+\t\S+ \d+ \d+(;\d+ \d+)*\t/.test(first);
    if (looks) return extensionOf(fileName) === '.ann' ? 1 : 0.8;
    return extensionOf(fileName) === '.ann' ? 0.6 : 0;
  },

  losses: doc => lossesOf(doc, { relations: true, pageLabels: false, articleLabels: false }),
};

const NOTE_KEYS = new Set(['id', 'status', 'source', 'value', 'unit', 'approx', 'kind', 'confidence']);

/** brat type names cannot hold spaces. */
function bratType(label: string): string {
  return label.replace(/\s+/g, '_');
}

function oneLine(s: string): string {
  return s.replace(/\r\n|[\r\n\t]/g, ' ');
}

/** `key=value` words; a value's spaces, `%` and `=` are percent-encoded. */
function noteOf(a: Annotation | Relation): string {
  const n = a as Partial<Annotation>;
  const pairs: Array<[string, unknown]> = [['id', a.id], ['status', a.status], ['source', a.source], ['value', n.value], ['unit', n.unit], ['approx', n.approx], ['kind', n.kind], ['confidence', n.confidence]];
  return pairs.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${String(v).replace(/[\s%=]/g, ch => encodeURIComponent(ch))}`).join(' ');
}

function parseNote(note: string): Partial<Candidate> & Partial<RelationCandidate> {
  const out: Record<string, unknown> = {};
  for (const word of note.trim().split(/\s+/)) {
    const m = /^([a-z]+)=(.*)$/i.exec(word);
    if (!m || !NOTE_KEYS.has(m[1].toLowerCase())) continue;
    let value: string;
    try { value = decodeURIComponent(m[2]); } catch { value = m[2]; }
    const key = m[1].toLowerCase();
    out[key] = key === 'value' || key === 'confidence' ? Number(value) : value;
  }
  return out as Partial<Candidate> & Partial<RelationCandidate>;
}
