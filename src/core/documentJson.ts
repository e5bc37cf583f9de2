import { DOCUMENT_FORMAT, DOCUMENT_VERSION } from './document';
import type { Annotation, AnnotationDocument } from './types';

/**
 * Text form of the export contract, shared by the sidecar and the JSON export. Pretty-printed with one
 * annotation, article and column break per line, so a git diff shows one changed line per changed item.
 */
export function serializeDocument(doc: AnnotationDocument & Record<string, unknown>): string {
  const lines = Object.entries(doc).map(([key, value]) => {
    if (Array.isArray(value)) {
      if (value.length === 0) return `  ${JSON.stringify(key)}: []`;
      return `  ${JSON.stringify(key)}: [\n${value.map(v => `    ${JSON.stringify(v)}`).join(',\n')}\n  ]`;
    }
    return `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}

/** Where and why a document failed to parse; `line`/`column` are 1-based when known. */
export interface DocumentProblem {
  message: string;
  line?: number;
  column?: number;
}

export type ParseResult = { ok: true; doc: AnnotationDocument } | { ok: false; problem: DocumentProblem };

/**
 * Parses and validates a Biaozhu JSON document. Never throws; never lets `__proto__`-style keys reach
 * an object; reports the first problem with its position.
 */
export function parseDocument(json: string): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(json, (key, value) => (key === '__proto__' || key === 'constructor' || key === 'prototype' ? undefined : value));
  } catch (e) {
    return { ok: false, problem: syntaxProblem(json, e as Error) };
  }
  const problem = validate(raw);
  return problem ? { ok: false, problem: { message: problem } } : { ok: true, doc: raw as AnnotationDocument };
}

function syntaxProblem(json: string, e: Error): DocumentProblem {
  const m = /position (\d+)/.exec(e.message);
  if (!m) return { message: json.trim() === '' ? 'the file is empty' : e.message };
  const pos = Number(m[1]);
  const before = json.slice(0, pos).split('\n');
  return { message: e.message, line: before.length, column: before[before.length - 1].length + 1 };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isOffset = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const STATUSES = new Set(['suggested', 'accepted', 'rejected']);
const SOURCES = new Set(['auto', 'manual']);

/** The first contract violation, or undefined. Kept in step with schema/biaozhu-annotations.schema.json. */
export function validate(raw: unknown): string | undefined {
  if (!isObj(raw)) return 'the top level is not a JSON object';
  if (raw.format !== DOCUMENT_FORMAT) return `"format" is ${JSON.stringify(raw.format)}, expected "${DOCUMENT_FORMAT}"`;
  if (raw.version !== DOCUMENT_VERSION) return `"version" ${JSON.stringify(raw.version)} is not supported (expected ${DOCUMENT_VERSION})`;
  const d = raw.document;
  if (!isObj(d) || typeof d.path !== 'string' || typeof d.sha256 !== 'string' || !isOffset(d.length)) {
    return '"document" must have path, sha256 and length';
  }
  for (const key of ['labels', 'articles', 'columnBreaks', 'annotations']) {
    if (!Array.isArray(raw[key])) return `"${key}" must be an array`;
  }
  const anns = raw.annotations as unknown[];
  for (let i = 0; i < anns.length; i++) {
    const why = annotationProblem(anns[i]);
    if (why) return `annotations[${i}]: ${why}`;
  }
  for (const key of ['articles', 'columnBreaks']) {
    const items = raw[key] as unknown[];
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      if (!isObj(it) || !isOffset(it.start) || !isOffset(it.end) || it.end < it.start) return `${key}[${i}]: bad span`;
    }
  }
  return undefined;
}

function annotationProblem(a: unknown): string | undefined {
  if (!isObj(a)) return 'not an object';
  if (typeof a.id !== 'string' || a.id === '') return 'missing id';
  if (!isOffset(a.start) || !isOffset(a.end) || (a.end as number) < (a.start as number)) return 'bad span';
  if (typeof a.text !== 'string') return 'missing text';
  if (typeof a.label !== 'string' || a.label === '') return 'missing label';
  if (!SOURCES.has(a.source as string)) return `source ${JSON.stringify(a.source)} is not auto or manual`;
  if (!STATUSES.has(a.status as string)) return `status ${JSON.stringify(a.status)} is not suggested, accepted or rejected`;
  if (a.value !== undefined && (typeof a.value !== 'number' || !Number.isFinite(a.value))) return 'value is not a finite number';
  return undefined;
}

/** Annotations whose text no longer matches `text` at their offsets. */
export function misanchored(text: string, annotations: readonly Annotation[]): Annotation[] {
  return annotations.filter(a => a.end > text.length || text.slice(a.start, a.end) !== a.text);
}
