import { createMover, findByContext, type OrphanReason, type Placement, type TextQuote } from '../core/anchor';
import { BUILTIN_LABELS } from '../core/labels';
import { isStatus, type Annotation, type AnnotationDocument, type Approx, type LabelDef, type NumberKind, type Relation, type Source, type Span, type Status } from '../core/types';
import { FormatError, type ImportOptions, type ImportResult } from './types';
import { messageOf } from '../core/errors';

/**
 * Offsets in Unicode code points (brat, doccano, spaCy, W3C, Label Studio) against the core's UTF-16
 * code units. A character outside the BMP (𠀀, emoji) is one code point but two code units.
 */
export class CodePoints {
  private readonly toCp?: Uint32Array;
  private readonly toU16?: Uint32Array;

  constructor(readonly text: string) {
    if (!/[\uD800-\uDFFF]/.test(text)) return;
    this.toCp = new Uint32Array(text.length + 1);
    const toU16: number[] = [];
    let cp = 0;
    for (let i = 0; i < text.length; i++) {
      this.toCp[i] = cp;
      const pair = isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1));
      toU16.push(i);
      if (pair) { i++; this.toCp[i] = cp + 1; }
      cp++;
    }
    this.toCp[text.length] = cp;
    toU16.push(text.length);
    this.toU16 = Uint32Array.from(toU16);
  }

  /** Code-point length of the text. */
  get length(): number {
    return this.toU16 ? this.toU16.length - 1 : this.text.length;
  }

  /** Code-point offset of a UTF-16 offset (one on a character boundary). */
  fromUtf16(offset: number): number {
    return this.toCp ? this.toCp[offset] : offset;
  }

  /** UTF-16 offset of a code-point offset, or undefined past the end. */
  toUtf16(offset: number): number | undefined {
    if (!Number.isSafeInteger(offset) || offset < 0 || offset > this.length) return undefined;
    return this.toU16 ? this.toU16[offset] : offset;
  }
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** True when `offset` cuts a surrogate pair in two. */
export function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/** JSON.parse that never lets prototype keys through; a syntax error becomes a FormatError. */
export function parseJson(content: string, what: string): unknown {
  try {
    return JSON.parse(content.replace(/^\uFEFF/, ''), (key, value) => (key === '__proto__' || key === 'constructor' || key === 'prototype' ? undefined : value));
  } catch (e) {
    throw new FormatError('syntax', `${what}: not valid JSON (${messageOf(e)})`);
  }
}

/** JSON.parse for detection: undefined instead of an error. */
export function tryJson(content: string): unknown {
  try { return parseJson(content, ''); } catch { return undefined; }
}

export const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isOffset = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

export function extensionOf(fileName: string): string {
  const m = /\.[^./\\]+$/.exec(fileName);
  return m ? m[0].toLowerCase() : '';
}

/** Names other tools give the built-in labels (spaCy/OntoNotes, CoNLL, MSRA, doccano examples). */
const ALIASES: Record<string, string> = {
  PER: 'PER', PERSON: 'PER', PERS: 'PER', NR: 'PER',
  LOC: 'LOC', LOCATION: 'LOC', GPE: 'LOC', NS: 'LOC',
  ORG: 'ORG', ORGANIZATION: 'ORG', ORGANISATION: 'ORG', NT: 'ORG',
  WORK: 'WORK', WORK_OF_ART: 'WORK',
  NUMBER: 'NUMBER', NUM: 'NUMBER', CARDINAL: 'NUMBER',
};

const APPROX = new Set<string>(['>', '<', '~']);
const KINDS = new Set<string>(['cardinal', 'ordinal', 'money', 'date', 'rate', 'percent', 'duration']);
const SOURCES = new Set<string>(['auto', 'manual']);

/** Why an item of a file made on another version of the text was not placed (never a guess). */
export const WHY: Record<OrphanReason, string> = {
  changed: 'its own text was changed or deleted',
  ambiguous: 'its text and context occur at several places',
  'not-found': 'its text with its context is not in the page',
  'no-context': 'the file keeps no context around it, so a match elsewhere would be a guess',
};

/** What a format reader knows about one item before it is checked against the text. */
export interface Candidate extends Span {
  label: string;
  id?: string;
  source?: string;
  status?: string;
  value?: unknown;
  unit?: unknown;
  approx?: unknown;
  kind?: unknown;
  confidence?: unknown;
  /** How the file's relations name this item (its id in the file); needed only by formats with relations. */
  ref?: string;
}

/** A relation as a file states it: its ends by the `ref` of the items they are. */
export interface RelationCandidate {
  from: string;
  to: string;
  label: unknown;
  id?: unknown;
  source?: unknown;
  status?: unknown;
}

/**
 * Collects imported items against the target text: checks spans, maps labels, applies the status rule,
 * drops duplicates and re-anchors by quote when the file was made from a different text. Every item not
 * imported is recorded with its reason.
 */
export class ImportCollector {
  readonly annotations: Annotation[] = [];
  readonly skipped: ImportResult['skipped'] = [];
  private readonly unknown = new Set<string>();
  private readonly known: Map<string, string>;
  private readonly seen = new Set<string>();
  private reanchored = 0;
  private mismatch = false;
  private readonly refs = new Map<string, Annotation>();
  private readonly relations: Array<{ r: RelationCandidate; item: string }> = [];
  private readonly pageLabels = new Set<string>();
  private readonly move?: (span: Span) => Placement;
  private readonly limit: number;

  /** `fileText`: the text the file's offsets refer to, when the file carries one. */
  constructor(readonly text: string, private readonly options: ImportOptions = {}, fileText?: string) {
    this.limit = fileText?.length ?? text.length;
    this.known = new Map((options.labels ?? BUILTIN_LABELS).map((l: LabelDef) => [l.id.toUpperCase(), l.id]));
    if (fileText !== undefined && fileText !== text) {
      this.mismatch = true;
      this.move = createMover(fileText, text);
    }
  }

  skip(item: string, reason: string): void {
    this.skipped.push({ item, reason });
  }

  /** Adds a relation between items added with `ref`s; resolved (or skipped, saying why) in `result`. */
  addRelation(r: RelationCandidate, item: string): void {
    this.relations.push({ r, item });
  }

  addPageLabel(label: unknown): void {
    if (typeof label === 'string' && label.trim() !== '') this.pageLabels.add(label.trim());
  }

  /** Adds an item whose offsets refer to the file's own text (the given text when the file has none). */
  addSpan(c: Candidate, item: string): void {
    if (!this.checkSpan(c, item, this.limit)) return;
    if (!this.move) { this.accept(c, c, item); return; }
    const placed = this.move(c);
    if (!placed.span) { this.skip(item, `the file was made from a different text and this span was not found again: ${WHY[placed.reason]}`); return; }
    this.reanchored++;
    this.accept(c, placed.span, item);
  }

  /** Adds an item whose offsets should hold `quote.exact` in the given text; when they do not, it is found by quote. */
  addQuoted(c: Candidate, quote: TextQuote, item: string): void {
    if (quote.exact === '') { this.skip(item, 'empty span'); return; }
    if (this.text.slice(c.start, c.end) === quote.exact && this.checkSpan(c, item, this.text.length)) {
      this.accept(c, c, item);
      return;
    }
    this.mismatch = true;
    const placed = findByContext(this.text, quote);
    if (!placed.span) {
      this.skip(item, `its text ${JSON.stringify(quote.exact)} is not at ${c.start}-${c.end} and was not found again by quote: ${WHY[placed.reason]}`);
      return;
    }
    this.reanchored++;
    this.accept(c, placed.span, item);
  }

  private checkSpan(c: Span, item: string, limit: number): boolean {
    if (!isOffset(c.start) || !isOffset(c.end)) { this.skip(item, 'its offsets are not whole numbers'); return false; }
    if (c.end <= c.start) { this.skip(item, `empty or reversed span ${c.start}-${c.end}`); return false; }
    if (c.end > limit) { this.skip(item, `span ${c.start}-${c.end} runs past the end of the text (${limit})`); return false; }
    return true;
  }

  private accept(c: Candidate, span: Span, item: string): void {
    if (splitsPair(this.text, span.start) || splitsPair(this.text, span.end)) {
      this.skip(item, `span ${span.start}-${span.end} cuts a character outside the BMP in two`);
      return;
    }
    const label = this.mapLabel(c.label);
    if (!label) { this.skip(item, 'it has no label'); return; }
    const key = `${span.start}:${span.end}:${label}`;
    if (this.seen.has(key)) { this.skip(item, `duplicate of an item already imported (${label} ${span.start}-${span.end})`); return; }
    this.seen.add(key);
    const status = this.statusOf(c.status);
    const source: Source = SOURCES.has(c.source as string) ? c.source as Source : 'auto';
    const a: Annotation = {
      id: typeof c.id === 'string' && c.id !== '' ? c.id : `${label.toLowerCase()}-${span.start}-${span.end}`,
      start: span.start, end: span.end, text: this.text.slice(span.start, span.end), label, source, status,
    };
    if (label === 'NUMBER') {
      if (typeof c.value === 'number' && Number.isFinite(c.value)) a.value = c.value;
      if (typeof c.unit === 'string' && c.unit !== '') a.unit = c.unit;
      if (APPROX.has(c.approx as string)) a.approx = c.approx as Approx;
      if (KINDS.has(c.kind as string)) a.kind = c.kind as NumberKind;
    }
    // Confidence belongs to automatic suggestions only (the export contract).
    if (source === 'auto' && typeof c.confidence === 'number' && c.confidence >= 0 && c.confidence <= 1) a.confidence = c.confidence;
    this.annotations.push(a);
    if (c.ref !== undefined && !this.refs.has(c.ref)) this.refs.set(c.ref, a);
  }

  /** The status an imported item gets: the file's own with `status: 'keep'`, else the one asked for. */
  private statusOf(raw: unknown): Status {
    return this.options.status === 'keep' ? (isStatus(raw) ? raw : 'suggested') : this.options.status ?? 'suggested';
  }

  /** Relations whose two ends were imported (ids final), each other one skipped with why. */
  private resolveRelations(): Relation[] {
    const out: Relation[] = [];
    const ids = new Set<string>();
    const seen = new Set<string>();
    for (const { r, item } of this.relations) {
      const label = typeof r.label === 'string' ? r.label.trim() : '';
      if (label === '') { this.skip(item, 'relation without a label'); continue; }
      const from = this.refs.get(r.from);
      const to = this.refs.get(r.to);
      const missing = !from ? r.from : !to ? r.to : undefined;
      if (missing !== undefined) { this.skip(item, `relation ${label}: its end ${JSON.stringify(missing)} is not an imported span`); continue; }
      if (from!.id === to!.id) { this.skip(item, `relation ${label} links a span to itself`); continue; }
      const key = `${from!.id}\u0000${to!.id}\u0000${label}`;
      if (seen.has(key)) { this.skip(item, `duplicate of a relation already imported (${label})`); continue; }
      seen.add(key);
      let id = typeof r.id === 'string' && r.id !== '' ? r.id : `rel-${from!.id}-${to!.id}`;
      for (let n = 2, base = id; ids.has(id); n++) id = `${base}-${n}`;
      ids.add(id);
      out.push({ id, from: from!.id, to: to!.id, label, source: SOURCES.has(r.source as string) ? r.source as Source : 'auto', status: this.statusOf(r.status) });
    }
    return out;
  }

  private mapLabel(raw: string): string | undefined {
    const trimmed = typeof raw === 'string' ? raw.trim() : '';
    if (trimmed === '') return undefined;
    const upper = trimmed.toUpperCase();
    const known = this.known.get(upper) ?? this.known.get(ALIASES[upper] ?? '');
    if (known) return known;
    this.unknown.add(trimmed);
    return trimmed;
  }

  /** The result; refuses the file when its text differs and nothing could be found again. */
  result(): ImportResult {
    if (this.mismatch && this.annotations.length === 0) {
      throw new FormatError('text-mismatch', 'the file was made from a different text and none of its items could be found again by quote'
        + (this.skipped.length ? ` (${this.skipped.length} skipped)` : ''));
    }
    const ids = new Set<string>();
    for (const a of this.annotations) {
      // Ids from the file may repeat across items (e.g. one per label of a Label Studio region).
      let id = a.id;
      for (let n = 2; ids.has(id); n++) id = `${a.id}-${n}`;
      a.id = id;
      ids.add(id);
    }
    this.annotations.sort((a, b) => a.start - b.start || a.end - b.end);
    const result: ImportResult = { annotations: this.annotations, skipped: this.skipped, unknownLabels: [...this.unknown], reanchored: this.reanchored };
    const relations = this.resolveRelations();
    if (relations.length) result.relations = relations;
    if (this.pageLabels.size) result.pageLabels = [...this.pageLabels];
    return result;
  }
}

/** The relations an export writes: those whose two ends are among the document's annotations (not orphans). */
export function relationsOf(doc: AnnotationDocument): Relation[] {
  const ids = new Set(doc.annotations.map(a => a.id));
  return (doc.relations ?? []).filter(r => ids.has(r.from) && ids.has(r.to));
}

/** What the export contract holds beyond flat spans; a format says which of these it carries. */
export interface Carries {
  relations: boolean;
  pageLabels: boolean;
  articleLabels: boolean;
}

/** The phrases for `FormatPlugin.losses`: what of `doc` a format that carries only `carries` leaves out. */
export function lossesOf(doc: AnnotationDocument, carries: Carries): string[] {
  const out: string[] = [];
  const relations = doc.relations?.length ?? 0;
  if (!carries.relations && relations) out.push(`${relations} relation${relations === 1 ? '' : 's'}`);
  if (!carries.pageLabels && doc.document.labels?.length) out.push('the page labels');
  if (!carries.articleLabels && doc.articles.some(a => a.labels?.length)) out.push('the article labels');
  return out;
}

/** How many annotations overlap another one (nested or crossing). */
export function overlapping(annotations: readonly Annotation[]): number {
  const sorted = [...annotations].sort((a, b) => a.start - b.start || b.end - a.end);
  const hit = new Set<Annotation>();
  let open: Annotation | undefined;
  for (const a of sorted) {
    if (open && a.start < open.end) { hit.add(a); hit.add(open); }
    if (!open || a.end > open.end) open = a;
  }
  return hit.size;
}
