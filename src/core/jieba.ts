import { existsSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { modelsDir } from './entities/model';
import { TagTable } from './tagTable';

/**
 * The only module that touches nodejieba. The native addon and its ~14 MB of dictionaries (plus the
 * part-of-speech table) load lazily on first use (1–2 s), never at import time; hosts call `warmUp()` to
 * pay that cost off the activation path. The table comes from dist/tagTable.bin, written by the build
 * beside the bundles; where that file is missing or was built from other dictionaries (unit tests run
 * unbundled), it is built from the dictionaries.
 */

export interface TaggedWord {
  word: string;
  tag: string;
}

interface NodeJieba {
  load(dicts?: { idfDict?: string }): unknown;
  tag(text: string): TaggedWord[];
  cut(text: string, hmm?: boolean): string[];
  DEFAULT_DICT: string;
  DEFAULT_USER_DICT: string;
}

let jieba: NodeJieba | undefined;
let pos: TagTable | undefined;
let loadMs = 0;

function instance(): NodeJieba {
  if (!jieba) {
    const started = Date.now();
    // A plain require keeps nodejieba external to every esbuild bundle and out of the import graph.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const lib = require('nodejieba') as NodeJieba;
    // load() also reads a keyword-extraction idf table (6 MB, ~250 ms) that Biaozhu never uses; a one-line
    // stand-in (models/jieba-idf.utf8) leaves cut and tag exactly as they are.
    const idf = join(modelsDir(), 'jieba-idf.utf8');
    lib.load(existsSync(idf) ? { idfDict: idf } : undefined);
    pos = loadTagTable([lib.DEFAULT_DICT, lib.DEFAULT_USER_DICT]).table;
    jieba = lib;
    loadMs = Date.now() - started;
  }
  return jieba;
}

/** Where the build writes the table: beside the bundles (this module is bundled into dist/*.js and dist/bench/*.js). */
const tagTableFiles = (): string[] => [join(__dirname, 'tagTable.bin'), join(__dirname, '..', 'tagTable.bin')];

/** The stored table if one matches these dictionaries, else one built from them. */
export function loadTagTable(dictionaries: readonly string[]): { table: TagTable; stored: boolean } {
  const file = tagTableFiles().find(existsSync);
  const stored = file ? TagTable.decode(readFileSync(file), TagTable.keyOf(dictionaries.map(d => statSync(d).size))) : undefined;
  return { table: stored ?? TagTable.fromDictionaries(dictionaries.map(d => readFileSync(d, 'utf8'))), stored: !!stored };
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

/** How far a word jieba altered may be searched for before it is given up. */
const MAX_SKIP = 8;

/**
 * The words and tags nodejieba.tag gives for `text` (offsets shifted by `offset`), recovered by walking
 * the text: jieba returns words, not offsets. Words jieba altered (e.g. a lone surrogate) are searched for
 * a few characters forward; characters skipped are left untokenised rather than misplaced.
 */
export function tokens(text: string, offset = 0): Token[] {
  return tokensWithIds(text, offset).tokens;
}

/**
 * tokens(), with each word's id in the dictionary (-1 for a word jieba found in none, e.g. by its HMM):
 * a key for per-word caches that needs no string hashing. Ids are below dictionarySize().
 */
export function tokensWithIds(text: string, offset = 0): { tokens: Token[]; ids: Int32Array } {
  const out: Token[] = [];
  const words = instance().cut(text, true);
  const table = pos!;
  const ids = new Int32Array(words.length);
  let at = 0;
  for (const word of words) {
    if (!word) continue;
    let start = at;
    while (start - at <= MAX_SKIP && start < text.length && !text.startsWith(word, start)) start++;
    if (start - at > MAX_SKIP || start >= text.length) continue;
    const id = table.id(word);
    ids[out.length] = id;
    out.push({ start: start + offset, end: start + word.length + offset, word, tag: table.tagOf(word, id) });
    at = start + word.length;
  }
  return { tokens: out, ids };
}

/** How many word ids tokensWithIds can give (loads the dictionaries). */
export function dictionarySize(): number {
  instance();
  return pos!.size;
}
