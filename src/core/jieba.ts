/**
 * The only module that touches nodejieba. The native addon and its ~14 MB of dictionaries load lazily on
 * first use (about a second), never at import time; hosts call `warmUp()` to pay that cost off the
 * activation path.
 */

export interface TaggedWord {
  word: string;
  tag: string;
}

interface NodeJieba {
  load(): unknown;
  tag(text: string): TaggedWord[];
  cut(text: string): string[];
}

let jieba: NodeJieba | undefined;
let loadMs = 0;

function instance(): NodeJieba {
  if (!jieba) {
    const started = Date.now();
    // A plain require keeps nodejieba external to every esbuild bundle and out of the import graph.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const lib = require('nodejieba') as NodeJieba;
    lib.load();
    jieba = lib;
    loadMs = Date.now() - started;
  }
  return jieba;
}

/** Loads the addon and its dictionaries now; returns the milliseconds the load took (0 if already loaded). */
export function warmUp(): number {
  if (jieba) return 0;
  instance();
  return loadMs;
}

export function isLoaded(): boolean {
  return jieba !== undefined;
}

/** Words with their part-of-speech tags (nr person, ns place, nt organisation, x other…). */
export function tag(text: string): TaggedWord[] {
  return instance().tag(text);
}

export function cut(text: string): string[] {
  return instance().cut(text);
}

/** A run of text as jieba saw it: each word with its UTF-16 offsets into the text it came from. */
export interface Token {
  start: number;
  end: number;
  word: string;
  tag: string;
}

/**
 * Tags `text` and recovers each word's offsets by walking the text (jieba returns words, not offsets).
 * Words jieba altered (e.g. a lone surrogate) are searched for forward; the characters skipped are
 * left untokenised rather than misplaced.
 */
const MAX_SKIP = 8;

export function tokens(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  let at = 0;
  for (const { word, tag: t } of tag(text)) {
    if (!word) continue;
    let start = at;
    while (start - at <= MAX_SKIP && start < text.length && !text.startsWith(word, start)) start++;
    if (start - at > MAX_SKIP || start >= text.length) continue;
    out.push({ start: start + offset, end: start + word.length + offset, word, tag: t });
    at = start + word.length;
  }
  return out;
}
