/**
 * Search across a corpus for annotations by label and text: `ORG 合作社` finds every ORG whose text
 * contains 合作社; `* /^扎西/` any label, by regular expression; `PER` alone every PER. Rejected items
 * are left out unless asked for.
 */
import type { Annotation } from '../types';
import type { CorpusPage } from './page';
import { messageOf } from '../errors';

export interface SearchQuery {
  /** Exact label id; undefined = any label. */
  label?: string;
  /** Case-insensitive substring of the annotation's text. */
  text?: string;
  regex?: RegExp;
  includeRejected?: boolean;
}

export interface SearchHit {
  path: string;
  annotation: Annotation;
  /** Up to `context` characters either side, when the page text is known. */
  before: string;
  after: string;
}

/** A query the user must fix. */
export class QueryError extends Error {}

/** Guards against catastrophic backtracking: short patterns, no nested quantifiers, short subjects. */
export const MAX_PATTERN_LENGTH = 200;
export const MAX_REGEX_SUBJECT = 500;
const LABEL_ONLY = /^(?:\*|[A-Z][A-Z0-9_-]*)$/;

/**
 * `LABEL TEXT`, `* TEXT`, `TEXT` or `LABEL` (an upper-case id alone is a label). TEXT written as
 * `/pattern/flags` (flags i, m, s, u) is a regular expression, else a substring.
 */
export function parseQuery(query: string): SearchQuery {
  const q = query.trim();
  if (q === '') throw new QueryError('the query is empty');
  const m = /^(\S+)\s+([\s\S]+)$/.exec(q);
  const [label, text] = m ? [m[1], m[2].trim()] : LABEL_ONLY.test(q) ? [q, undefined] : [undefined, q];
  const out: SearchQuery = label && label !== '*' ? { label } : {};
  if (text === undefined) return out;
  const rx = /^\/(.+)\/([a-z]*)$/s.exec(text);
  if (!rx) return { ...out, text };
  return { ...out, regex: safeRegex(rx[1], rx[2]) };
}

export function safeRegex(pattern: string, flags = ''): RegExp {
  if (pattern.length > MAX_PATTERN_LENGTH) throw new QueryError(`the pattern is longer than ${MAX_PATTERN_LENGTH} characters`);
  if (repeatsAmbiguousGroup(pattern)) throw new QueryError('a repeated group with repetition or alternatives inside, like (a+)+ or (a|ab)*, can take forever; simplify the pattern');
  if (/[^imsu]/.test(flags)) throw new QueryError(`unsupported regular-expression flags "${flags}" (use i, m, s, u)`);
  try {
    return new RegExp(pattern, flags);
  } catch (e) {
    throw new QueryError(`bad regular expression: ${messageOf(e)}`);
  }
}

/**
 * True when a group that itself contains repetition or alternatives (at any depth) is repeated with
 * + * or {…}: the shapes that make backtracking exponential. Escapes and character classes are skipped.
 */
export function repeatsAmbiguousGroup(pattern: string): boolean {
  const open: boolean[] = [];
  let risky = false; // of the group just closed
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') { i++; continue; }
    if (c === '[') {
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
      continue;
    }
    if (c === '(') {
      open.push(false);
      const prefix = /^\?(?::|=|!|<=|<!|<[^>]*>)/.exec(pattern.slice(i + 1)); // (?:…), lookarounds, named groups
      if (prefix) i += prefix[0].length;
      continue;
    }
    if (c === ')') {
      risky = open.pop() ?? false;
      if (/[+*{]/.test(pattern[i + 1] ?? '') && risky) return true;
      if (open.length && risky) open[open.length - 1] = true;
      continue;
    }
    if (open.length && /[+*{|?]/.test(c)) open[open.length - 1] = true;
  }
  return false;
}

export function matches(a: Annotation, q: SearchQuery): boolean {
  if (a.status === 'rejected' && !q.includeRejected) return false;
  if (q.label !== undefined && a.label !== q.label) return false;
  if (q.text !== undefined && !a.text.toLowerCase().includes(q.text.toLowerCase())) return false;
  if (q.regex && (a.text.length > MAX_REGEX_SUBJECT || !q.regex.test(a.text))) return false;
  return true;
}

/** Hits in page order, then by position. */
export function searchCorpus(pages: readonly CorpusPage[], query: SearchQuery, context = 16): SearchHit[] {
  const hits: SearchHit[] = [];
  for (const page of pages) {
    const found = page.annotations.filter(a => matches(a, query)).sort((x, y) => x.start - y.start || x.end - y.end);
    for (const a of found) {
      const known = page.text !== undefined && page.text.slice(a.start, a.end) === a.text;
      hits.push({
        path: page.path,
        annotation: a,
        before: known ? page.text!.slice(Math.max(0, a.start - context), a.start) : '',
        after: known ? page.text!.slice(a.end, a.end + context) : '',
      });
    }
  }
  return hits;
}
