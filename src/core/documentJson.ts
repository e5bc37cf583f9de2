import { DOCUMENT_FORMAT, DOCUMENT_VERSION } from './document';
import { conflictsProblem } from './team/conflicts';
import { reviewProblem } from './team/review';
import { STATUSES, type Annotation, type AnnotationDocument } from './types';

/**
 * Text form of the export contract, shared by the sidecar and the JSON export. Pretty-printed with one
 * annotation, article and column break per line, so a git diff shows one changed line per changed item.
 * `serializeDocument(parseDocument(x).doc)` is a fixed point: serialising again gives the same text.
 */
export function serializeDocument(doc: AnnotationDocument & Record<string, unknown>): string {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(doc)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length === 0) lines.push(`  ${JSON.stringify(key)}: []`);
      else lines.push(`  ${JSON.stringify(key)}: [\n${value.map(v => `    ${JSON.stringify(v) ?? 'null'}`).join(',\n')}\n  ]`);
    } else {
      lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
    }
  }
  return `{\n${lines.join(',\n')}\n}\n`;
}

/** Where and why a document failed to parse; `line`/`column` are 1-based (columns in UTF-16 units). */
export interface DocumentProblem {
  /** 'syntax': not JSON at all; 'shape': JSON, but not a valid Biaozhu document. */
  kind: 'syntax' | 'shape';
  message: string;
  line?: number;
  column?: number;
}

export type ParseResult = { ok: true; doc: AnnotationDocument } | { ok: false; problem: DocumentProblem };

/** Keys that could reach a prototype if a later consumer merged the object naively: removed at every level. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Parses and validates a Biaozhu JSON document (a leading BOM is ignored). Never throws; removes
 * `__proto__`, `constructor` and `prototype` keys at every depth; reports the first problem with the
 * line and column of the offending value.
 */
export function parseDocument(json: string): ParseResult {
  const text = json.charCodeAt(0) === 0xfeff ? json.slice(1) : json;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, problem: syntaxProblem(text, e as Error) };
  }
  scrub(raw);
  const found = findProblem(raw);
  if (!found) return { ok: true, doc: raw as AnnotationDocument };
  const where = scanJson(text, found.path).foundAt;
  return { ok: false, problem: { kind: 'shape', message: `${pathText(found.path)}${found.message}`, ...position(text, where) } };
}

/** The first contract violation as a message, or undefined. Kept in step with schema/biaozhu-annotations.schema.json. */
export function validate(raw: unknown): string | undefined {
  const found = findProblem(raw);
  return found && `${pathText(found.path)}${found.message}`;
}

/** Annotations whose text no longer matches `text` at their offsets. */
export function misanchored(text: string, annotations: readonly Annotation[]): Annotation[] {
  return annotations.filter(a => a.end > text.length || text.slice(a.start, a.end) !== a.text);
}

// ---------------------------------------------------------------------------------------------------
// Syntax errors: V8's messages carry a position only sometimes ("Unexpected end of JSON input" has none),
// so a small scanner finds the offset itself. It runs only after JSON.parse failed, or to locate a value.

type PathKey = string | number;

function syntaxProblem(text: string, e: Error): DocumentProblem {
  if (text.trim() === '') return { kind: 'syntax', message: 'not valid JSON: the file is empty', line: 1, column: 1 };
  const scan = scanJson(text);
  if (scan.errorAt === undefined) return { kind: 'syntax', message: `not valid JSON: ${e.message}` };
  return { kind: 'syntax', message: `not valid JSON: ${scan.reason}`, ...position(text, scan.errorAt) };
}

function position(text: string, offset: number | undefined): { line?: number; column?: number } {
  if (offset === undefined) return {};
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

/**
 * Walks JSON text without recursion (any depth), returning the offset of the first syntax error with a
 * reason, and the offset of the value at `want` (a path like ['annotations', 3, 'start']) if present.
 */
function scanJson(s: string, want?: readonly PathKey[]): { errorAt?: number; reason?: string; foundAt?: number } {
  let i = 0;
  let foundAt: number | undefined;
  const stack: Array<{ arr: boolean; key: PathKey }> = [];
  const ws = () => { while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++; };
  const fail = (reason: string) => ({ errorAt: i, reason: i >= s.length ? 'the file ends too early (truncated?)' : reason, foundAt });
  const atWanted = () => want !== undefined && foundAt === undefined && stack.length === want.length && stack.every((f, k) => f.key === want[k]);

  /** Skips a string starting at s[i] === '"'; false at an error, with i pointing at it. */
  const skipString = (): boolean => {
    i++;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c === 0x22) { i++; return true; }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const n = s[i + 1];
        if (n === 'u') {
          HEX4.lastIndex = i + 2;
          if (!HEX4.test(s)) { i++; return false; }
          i += 6;
        } else if (n !== undefined && '"\\/bfnrt'.includes(n)) i += 2;
        else { i++; return false; }
      } else i++;
    }
    return false;
  };
  /** Reads `"key":` and returns the key, or an error reason. */
  const readKey = (): { key: string } | { reason: string } => {
    ws();
    if (s[i] !== '"') return { reason: `expected a property name in double quotes, found ${show(s[i])}` };
    const start = i;
    if (!skipString()) return { reason: 'bad string (unescaped control character or bad escape)' };
    const key = JSON.parse(s.slice(start, i)) as string;
    ws();
    if (s[i] !== ':') return { reason: `expected ':' after a property name, found ${show(s[i])}` };
    i++;
    return { key };
  };

  ws();
  for (;;) {
    // A value starts here.
    ws();
    if (atWanted()) foundAt = i;
    const c = s[i];
    if (c === '{' || c === '[') {
      i++;
      ws();
      if (s[i] === (c === '[' ? ']' : '}')) i++;
      else if (c === '[') { stack.push({ arr: true, key: 0 }); continue; }
      else {
        const k = readKey();
        if ('reason' in k) return fail(k.reason);
        stack.push({ arr: false, key: k.key });
        continue;
      }
    } else if (c === '"') {
      if (!skipString()) return fail('bad string (unescaped control character or bad escape)');
    } else if (c === 't' && s.startsWith('true', i)) i += 4;
    else if (c === 'f' && s.startsWith('false', i)) i += 5;
    else if (c === 'n' && s.startsWith('null', i)) i += 4;
    else {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(s);
      if (!m) return fail(c === "'" ? 'strings must use double quotes' : `expected a value, found ${show(c)}`);
      i += m[0].length;
    }
    // After a value: close containers, or move to the next element.
    for (;;) {
      ws();
      const top = stack[stack.length - 1];
      if (!top) return i < s.length ? fail('unexpected text after the end of the document') : { foundAt };
      const close = top.arr ? ']' : '}';
      if (s[i] === close) { i++; stack.pop(); continue; }
      if (s[i] !== ',') return fail(`expected ',' or '${close}', found ${show(s[i])}`);
      i++;
      ws();
      if (s[i] === close) return fail(`trailing comma before '${close}'`);
      if (top.arr) top.key = (top.key as number) + 1;
      else {
        const k = readKey();
        if ('reason' in k) return fail(k.reason);
        top.key = k.key;
      }
      break;
    }
  }
}

const show = (c: string | undefined) => (c === undefined ? 'the end of the file' : JSON.stringify(c));

/** Deletes prototype-reaching keys at every depth, iteratively (JSON nesting can be deeper than the call stack). */
function scrub(root: unknown): void {
  const todo: unknown[] = [root];
  while (todo.length) {
    const v = todo.pop();
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) { for (const x of v) todo.push(x); continue; }
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key)) delete (v as Record<string, unknown>)[key];
      else todo.push((v as Record<string, unknown>)[key]);
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Validation: the first violation with the path of the offending value.

interface Found { path: PathKey[]; message: string }

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isOffset = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const SOURCES = ['auto', 'manual'];
const APPROX = ['>', '<', '~'];
const KINDS = ['cardinal', 'ordinal', 'money', 'date', 'rate', 'percent', 'duration'];
const NUMBER_FIELDS = ['value', 'unit', 'approx', 'kind'];

function pathText(path: readonly PathKey[]): string {
  if (path.length === 0) return '';
  return path.map((k, n) => (typeof k === 'number' ? `[${k}]` : n === 0 ? k : `.${k}`)).join('') + ': ';
}

const describe = (v: unknown) => (v === undefined ? 'nothing' : typeof v === 'number' && !Number.isFinite(v) ? 'a number too large to represent' : Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v === 'object' ? 'an object' : clip(JSON.stringify(v)));
const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** Checks one field; returns a problem message or undefined. */
type Check = (v: unknown) => string | undefined;
const offset: Check = v => (isOffset(v) ? undefined : `expected an offset (a whole number ≥ 0), found ${describe(v)}`);
const str: Check = v => (typeof v === 'string' ? undefined : `expected a string, found ${describe(v)}`);
const nonEmpty: Check = v => (typeof v === 'string' && v !== '' ? undefined : `expected a non-empty string, found ${describe(v)}`);
const oneOf = (values: string[]): Check => v => (values.includes(v as string) ? undefined : `expected one of ${values.join(', ')}, found ${describe(v)}`);
const optional = (check: Check): Check => v => (v === undefined ? undefined : check(v));
const pattern = (re: RegExp, what: string): Check => v => (typeof v === 'string' && re.test(v) ? undefined : `expected ${what}, found ${describe(v)}`);
const strings: Check = v => (Array.isArray(v) && v.every(x => typeof x === 'string') ? undefined : `expected an array of strings, found ${describe(v)}`);
const finite: Check = v => (typeof v === 'number' && Number.isFinite(v) ? undefined : `expected a finite number, found ${describe(v)}`);
const probability: Check = v => (typeof v === 'number' && v >= 0 && v <= 1 ? undefined : `expected a number from 0 to 1, found ${describe(v)}`);

function fields(item: unknown, at: PathKey[], checks: Record<string, Check>): Found | undefined {
  if (!isObj(item)) return { path: at, message: `expected an object, found ${describe(item)}` };
  for (const [key, check] of Object.entries(checks)) {
    const why = check(item[key]);
    if (why) return { path: key in item ? [...at, key] : at, message: key in item ? why : `missing "${key}"` };
  }
  return undefined;
}

function spanEnd(item: Record<string, unknown>, at: PathKey[], length: number | undefined): Found | undefined {
  if ((item.end as number) < (item.start as number)) return { path: [...at, 'end'], message: `end ${item.end} is before start ${item.start}` };
  if (length !== undefined && (item.end as number) > length) return { path: [...at, 'end'], message: `end ${item.end} is past the end of the text (length ${length})` };
  return undefined;
}

const ANNOTATION: Record<string, Check> = {
  id: nonEmpty, start: offset, end: offset, text: str, label: nonEmpty, source: oneOf(SOURCES), status: oneOf([...STATUSES]),
  value: optional(finite), unit: optional(str), approx: optional(oneOf(APPROX)), kind: optional(oneOf(KINDS)),
  confidence: optional(probability),
  prefix: optional(str), suffix: optional(str),
};

function annotationProblem(a: unknown, at: PathKey[], length: number | undefined): Found | undefined {
  const f = fields(a, at, ANNOTATION);
  if (f) return f;
  const item = a as Record<string, unknown>;
  if (item.label !== 'NUMBER') {
    const extra = NUMBER_FIELDS.find(k => item[k] !== undefined);
    if (extra) return { path: [...at, extra], message: `"${extra}" is only allowed on NUMBER annotations` };
  }
  return spanEnd(item, at, length);
}

function findProblem(raw: unknown): Found | undefined {
  if (!isObj(raw)) return { path: [], message: `the top level must be a JSON object, found ${describe(raw)}` };
  for (const key of ['format', 'version', 'document']) if (!(key in raw)) return { path: [], message: `missing "${key}"` };
  if (raw.format !== DOCUMENT_FORMAT) return { path: ['format'], message: `expected "${DOCUMENT_FORMAT}", found ${describe(raw.format)}` };
  if (raw.version !== DOCUMENT_VERSION) return { path: ['version'], message: `version ${describe(raw.version)} is not supported (expected ${DOCUMENT_VERSION})` };
  const docProblem = fields(raw.document, ['document'], {
    path: str, sha256: pattern(/^[0-9a-f]{64}$/, '64 lowercase hex digits'), length: offset, offsetUnit: oneOf(['utf16']), labels: optional(strings),
  });
  if (docProblem) return docProblem;
  const length = (raw.document as { length: number }).length;
  for (const key of ['labels', 'articles', 'columnBreaks', 'annotations']) {
    if (!Array.isArray(raw[key])) return { path: key in raw ? [key] : [], message: key in raw ? `"${key}" must be an array, found ${describe(raw[key])}` : `missing "${key}"` };
  }
  for (const key of ['orphans', 'relations']) {
    if (raw[key] !== undefined && !Array.isArray(raw[key])) return { path: [key], message: `"${key}" must be an array, found ${describe(raw[key])}` };
  }
  // Team keys (review status, merge conflicts): optional, checked by their own modules.
  for (const [key, problem] of [['review', reviewProblem], ['conflicts', conflictsProblem]] as const) {
    const why = raw[key] === undefined ? undefined : problem(raw[key]);
    if (why) return { path: [key], message: `"${key}": ${why}` };
  }

  const labelIds = new Map<string, string>();
  for (const [i, l] of (raw.labels as unknown[]).entries()) {
    const f = fields(l, ['labels', i], { id: nonEmpty, name: str, color: pattern(/^#[0-9a-fA-F]{6}$/, 'a colour like #1f77b4') });
    if (f) return f;
    const dup = duplicate(labelIds, (l as { id: string }).id, i, 'labels');
    if (dup) return dup;
  }
  const articleIds = new Map<string, string>();
  for (const [i, a] of (raw.articles as unknown[]).entries()) {
    const at = ['articles', i];
    const f = fields(a, at, { id: str, start: offset, end: offset, title: str, titleLines: strings, byline: optional(str), dateline: optional(str), labels: optional(strings) })
      ?? spanEnd(a as Record<string, unknown>, at, length) ?? duplicate(articleIds, (a as { id: string }).id, i, 'articles');
    if (f) return f;
  }
  for (const [i, c] of (raw.columnBreaks as unknown[]).entries()) {
    const f = fields(c, ['columnBreaks', i], { start: offset, end: offset }) ?? spanEnd(c as Record<string, unknown>, ['columnBreaks', i], length);
    if (f) return f;
  }
  // Orphans keep the offsets of an older text, so only their shape is checked; ids are unique across both lists.
  const ids = new Map<string, string>();
  for (const key of ['annotations', 'orphans'] as const) {
    for (const [i, a] of ((raw[key] ?? []) as unknown[]).entries()) {
      const f = annotationProblem(a, [key, i], key === 'annotations' ? length : undefined) ?? duplicate(ids, (a as { id: string }).id, i, key);
      if (f) return f;
    }
  }
  // A relation links two annotations (or orphans, which may be found again) by id.
  const relationIds = new Map<string, string>();
  for (const [i, r] of ((raw.relations ?? []) as unknown[]).entries()) {
    const at = ['relations', i];
    const f = fields(r, at, RELATION) ?? duplicate(relationIds, (r as { id: string }).id, i, 'relations');
    if (f) return f;
    for (const end of ['from', 'to'] as const) {
      const id = (r as Record<string, string>)[end];
      if (!ids.has(id)) return { path: [...at, end], message: `no annotation has the id ${describe(id)}` };
    }
  }
  return undefined;
}

const RELATION: Record<string, Check> = { id: nonEmpty, from: nonEmpty, to: nonEmpty, label: nonEmpty, source: oneOf(SOURCES), status: oneOf([...STATUSES]) };

function duplicate(seen: Map<string, string>, id: string, i: number, list: string): Found | undefined {
  const first = seen.get(id);
  if (first !== undefined) return { path: [list, i, 'id'], message: `duplicate id ${describe(id)} (already used by ${first})` };
  seen.set(id, `${list}[${i}]`);
  return undefined;
}
