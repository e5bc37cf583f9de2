import { existsSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { nativeAddon, type NativeAddon } from './native';
import { TagTable } from './tagTable';

/**
 * The only module that touches the word segmenter: cppjieba through Biaozhu's own small binding
 * (native/jieba.cc, built by `npm install`), with nodejieba's dictionaries. It loads lazily on first use
 * (about 1.2 s: half of nodejieba's load(), which builds its dictionary trie twice), never at import time;
 * hosts call `warmUp()` to pay that cost off the activation path. Threads of one process share the loaded
 * dictionaries. Part-of-speech tags come from dist/tagTable.bin, written by the build beside the bundles;
 * where that file is missing or was built from other dictionaries (unit tests run unbundled), the table
 * is built from the dictionaries.
 */

export interface TaggedWord {
  word: string;
  tag: string;
}

/** nodejieba's package: its dictionaries, and its own tag() as the reference the segmenter is checked and timed against. */
interface NodeJieba {
  load(dicts?: { idfDict?: string }): unknown;
  tag(text: string): TaggedWord[];
  DEFAULT_DICT: string;
  DEFAULT_HMM_DICT: string;
  DEFAULT_USER_DICT: string;
}

// A plain require keeps nodejieba external to every esbuild bundle; its index.js loads no native code.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodejieba = (): NodeJieba => require('nodejieba') as NodeJieba;

let segmenter: NativeAddon | undefined;
let pos: TagTable | undefined;
let loadMs = 0;
let started: { addon: NativeAddon; dicts: [string, string, string]; at: number } | undefined;

/**
 * Starts building jieba's dictionaries on a native thread and returns at once, so the caller can load
 * other things meanwhile; the first use waits for the rest.
 */
export function startLoading(): void {
  if (started) return;
  const lib = nodejieba();
  const dicts: [string, string, string] = [lib.DEFAULT_DICT, lib.DEFAULT_HMM_DICT, lib.DEFAULT_USER_DICT];
  // cppjieba aborts the whole process on a missing dictionary: check first, fail with a message.
  const missing = dicts.find(d => !existsSync(d));
  if (missing) throw new Error(`Biaozhu: jieba dictionary missing: ${missing}`);
  const at = Date.now();
  const addon = nativeAddon();
  addon.startLoad(...dicts);
  started = { addon, dicts, at };
}

function instance(): NativeAddon {
  if (!segmenter) {
    startLoading();
    const { addon, dicts, at } = started!;
    pos = loadTagTable([dicts[0], dicts[2]]).table;
    addon.load(...dicts);
    segmenter = addon;
    loadMs = Date.now() - at;
  }
  return segmenter;
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
  if (segmenter) return 0;
  instance();
  return loadMs;
}

export function isLoaded(): boolean {
  return segmenter !== undefined;
}

let reference: NodeJieba | undefined;

/**
 * nodejieba's own `tag` (words with part-of-speech tags: nr person, ns place, nt organisation, x other…),
 * the reference `tokens` is tested against and the throughput benchmark divides by. Loads nodejieba's
 * addon on first use (its full 3 s load); nothing in the analysis calls it.
 */
export function referenceTag(text: string): TaggedWord[] {
  if (!reference) {
    reference = nodejieba();
    reference.load();
  }
  return reference.tag(text);
}

/** A run of text as jieba saw it: each word with its UTF-16 offsets into the text it came from. */
export interface Token {
  start: number;
  end: number;
  word: string;
  tag: string;
}

/**
 * The words and tags nodejieba.tag gives for `text` (offsets shifted by `offset`). The segmenter gives
 * each word's UTF-16 offsets, so every character of the text is in exactly one word, astral characters
 * and lone surrogates included.
 */
export function tokens(text: string, offset = 0): Token[] {
  return tokensWithIds(text, offset).tokens;
}

/**
 * tokens(), with each word's id in the dictionary (-1 for a word jieba found in none, e.g. by its HMM):
 * a key for per-word caches that needs no string hashing. Ids are below dictionarySize().
 */
export function tokensWithIds(text: string, offset = 0): { tokens: Token[]; ids: Int32Array } {
  const bounds = instance().cut(text);
  const table = pos!;
  const n = bounds.length >> 1;
  const out: Token[] = new Array(n);
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const start = bounds[2 * i], end = bounds[2 * i + 1];
    const word = text.slice(start, end);
    const id = table.id(word);
    ids[i] = id;
    out[i] = { start: start + offset, end: end + offset, word, tag: table.tagOf(word, id) };
  }
  return { tokens: out, ids };
}

/** How many word ids tokensWithIds can give (loads the dictionaries). */
export function dictionarySize(): number {
  instance();
  return pos!.size;
}
