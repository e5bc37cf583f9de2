import type { Annotation, AnnotationDocument, Span } from '../core/types';
import { ImportCollector, extensionOf, lossesOf } from './common';
import type { ExportOptions, ExportedFile, FormatPlugin, ImportResult } from './types';

/** A sentence ends after these (and after any closing quotes or brackets that follow them) and at line breaks. */
const TERMINATORS = new Set(['。', '！', '？', '!', '?']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', '》', '〉', '"', '\'', ')']);
const TAG = /^(?:O|([BIESM])[-_](.+))$/;

/**
 * Character-level CoNLL / BIO for Chinese: one character and its tag per line (`北 B-LOC`), a blank
 * line between sentences. Whitespace (spaces, U+3000, line breaks) is not written: a line break becomes
 * a sentence break. A character outside the BMP is one line. Export writes BIO or BIOES; import reads
 * BIO, IOB1, BIOES and BMES, and word-level files (one token per line) the same way.
 */
export const conll: FormatPlugin = {
  id: 'conll',
  name: 'CoNLL / BIO (character level)',
  extensions: ['.conll', '.bio', '.bmes'],

  export(doc: AnnotationDocument, text: string, options: ExportOptions = {}): ExportedFile[] {
    const bioes = options.scheme === 'bioes';
    const spans = flatten(doc.annotations);
    const lines: string[] = [];
    let j = 0;
    let pending = false;
    for (let i = 0; i < text.length;) {
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      while (j < spans.length && spans[j].end <= i) j++;
      const span = spans[j] && spans[j].start <= i ? spans[j] : undefined;
      if (/\s/.test(ch)) {
        if (ch === '\n' || ch === '\r') pending = true;
        i += ch.length;
        continue;
      }
      if (pending && !CLOSERS.has(ch) && !(span && span.start < i) && lines.length && lines[lines.length - 1] !== '') lines.push('');
      if (!CLOSERS.has(ch)) pending = false;
      lines.push(`${ch} ${span ? tagOf(span, i, bioes) : 'O'}`);
      if (TERMINATORS.has(ch)) pending = true;
      i += ch.length;
    }
    return [{ suffix: '', content: lines.length ? lines.join('\n') + '\n' : '' }];
  },

  import(content, text, options = {}): ImportResult {
    const { stream, toText } = withoutSpace(text);
    const tokens: string[] = [];
    const found: Array<{ start: number; end: number; label: string; line: number }> = [];
    const skipped: Array<{ item: string; reason: string }> = [];
    let fileStream = '';
    let open: { start: number; label: string; line: number } | undefined;
    const close = (end: number) => { if (open) found.push({ ...open, end }); open = undefined; };
    content.split(/\r?\n/).forEach((raw, n) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('-DOCSTART-')) { close(fileStream.length); return; }
      const parts = line.split(/\s+/);
      const token = parts[0];
      const tag = parts.length > 1 ? parts[parts.length - 1] : 'O';
      const m = TAG.exec(tag);
      const at = fileStream.length;
      fileStream += token;
      tokens.push(token);
      if (!m) { close(at); skipped.push({ item: `line ${n + 1}`, reason: `tag ${JSON.stringify(tag)} is not O, B-, I-, E-, S- or M-` }); return; }
      const [, mark, label] = m;
      if (!mark) { close(at); return; }
      const continues = open && open.label === label && (mark === 'I' || mark === 'M' || mark === 'E');
      if (!continues) { close(at); open = { start: at, label, line: n + 1 }; }
      if (mark === 'E' || mark === 'S') close(fileStream.length);
    });
    close(fileStream.length);
    const collect = new ImportCollector(stream, options, fileStream);
    for (const s of skipped) collect.skip(s.item, s.reason);
    for (const f of found) collect.addSpan({ start: f.start, end: f.end, label: f.label }, `line ${f.line}`);
    const result = collect.result();
    // Offsets so far count the text without whitespace: map them back onto the text.
    result.annotations = result.annotations.map((a): Annotation => {
      const start = toText[a.start];
      const end = toText[a.end - 1] + 1;
      return { ...a, start, end, text: text.slice(start, end), id: `${a.label.toLowerCase()}-${start}-${end}` };
    });
    return result;
  },

  detect(content, fileName) {
    const lines = content.split(/\r?\n/).filter(l => l.trim() !== '' && !l.startsWith('-DOCSTART-')).slice(0, 50);
    const tagged = lines.filter(l => { const p = l.trim().split(/\s+/); return p.length >= 2 && TAG.test(p[p.length - 1]); });
    const ext = extensionOf(fileName);
    if (lines.length && tagged.length === lines.length) return ['.conll', '.bio', '.bmes'].includes(ext) ? 1 : 0.85;
    return ['.conll', '.bio', '.bmes'].includes(ext) ? 0.6 : 0;
  },

  // Overlapping spans CoNLL cannot tag are counted by `conllLosses` in the export message itself.
  losses: doc => lossesOf(doc, { relations: false, pageLabels: false, articleLabels: false }),
};

/** The text without whitespace, and for each of its code units the offset in the text. */
function withoutSpace(text: string): { stream: string; toText: number[] } {
  let stream = '';
  const toText: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i])) continue;
    stream += text[i];
    toText.push(i);
  }
  return { stream, toText };
}

/** Non-overlapping spans in text order: on overlap the earlier (then longer) span wins, as CoNLL has one tag per character. */
function flatten(annotations: readonly Annotation[]): Array<Span & { label: string; first: number; last: number }> {
  const sorted = [...annotations].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Array<Span & { label: string; first: number; last: number }> = [];
  let end = 0;
  for (const a of sorted) {
    if (a.start < end) continue;
    const first = a.start + (a.text.length - a.text.trimStart().length);
    const trimmed = a.text.trimEnd();
    if (trimmed.trimStart() === '') continue;
    const lastCh = String.fromCodePoint(trimmed.codePointAt(trimmed.length - 1 - (/[\uDC00-\uDFFF]$/.test(trimmed) ? 1 : 0))!);
    out.push({ start: a.start, end: a.end, label: a.label.replace(/\s+/g, '_'), first, last: a.start + trimmed.length - lastCh.length });
    end = a.end;
  }
  return out;
}

function tagOf(span: { label: string; first: number; last: number }, i: number, bioes: boolean): string {
  if (!bioes) return `${i === span.first ? 'B' : 'I'}-${span.label}`;
  if (i === span.first) return `${i === span.last ? 'S' : 'B'}-${span.label}`;
  return `${i === span.last ? 'E' : 'I'}-${span.label}`;
}

/** Spans the export cannot carry (overlaps); for messages. */
export function conllLosses(annotations: readonly Annotation[]): Annotation[] {
  const kept = new Set(flatten(annotations).map(s => `${s.start}:${s.end}`));
  return annotations.filter(a => !kept.has(`${a.start}:${a.end}`));
}
