import { readFileSync } from 'fs';

/**
 * The only module that touches nodejieba. The native addon and its ~14 MB of dictionaries (plus the
 * part-of-speech table built from them) load lazily on first use (1–2 s), never at import time; hosts call
 * `warmUp()` to pay that cost off the activation path.
 */

export interface TaggedWord {
  word: string;
  tag: string;
}

interface NodeJieba {
  load(): unknown;
  tag(text: string): TaggedWord[];
  cut(text: string, hmm?: boolean): string[];
  DEFAULT_DICT: string;
  DEFAULT_USER_DICT: string;
}

let jieba: NodeJieba | undefined;
let pos: PosTable | undefined;
let loadMs = 0;

function instance(): NodeJieba {
  if (!jieba) {
    const started = Date.now();
    // A plain require keeps nodejieba external to every esbuild bundle and out of the import graph.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const lib = require('nodejieba') as NodeJieba;
    lib.load();
    pos = PosTable.fromDictionaries([readFileSync(lib.DEFAULT_DICT, 'utf8'), readFileSync(lib.DEFAULT_USER_DICT, 'utf8')]);
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

/**
 * nodejieba's part-of-speech lookup, redone in JavaScript: `cut` with HMM gives exactly the words `tag`
 * gives, and returning strings instead of {word, tag} objects from the addon is much cheaper. A word's tag
 * is its dictionary tag, else cppjieba's rule for unknown words (PosTagger::SpecialRule). The table is
 * one string of all words plus an open-addressing index: a few MB instead of a Map of 350 K entries.
 */
class PosTable {
  private constructor(
    private readonly words: string,
    private readonly starts: Int32Array,
    private readonly tagIds: Uint8Array,
    private readonly index: Int32Array,
    private readonly tagNames: string[],
  ) {}

  static fromDictionaries(texts: string[]): PosTable {
    // Lines are `word freq tag` (user dictionary: `word [freq] [tag]`). Duplicates need no check: lookups
    // find the first entry inserted, so the main dictionary wins.
    const list: string[] = [], tags: string[] = [];
    for (const text of texts) {
      for (let at = 0; at < text.length;) {
        let end = text.indexOf('\n', at);
        if (end < 0) end = text.length;
        const line = text.slice(at, end).trim();
        at = end + 1;
        const sp1 = line.indexOf(' ');
        const word = sp1 < 0 ? line : line.slice(0, sp1);
        if (!word) continue;
        const sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
        const second = sp1 < 0 ? '' : line.slice(sp1 + 1, sp2 < 0 ? undefined : sp2);
        list.push(word);
        tags.push(sp2 >= 0 ? line.slice(sp2 + 1) : second && !/^\d+$/.test(second) ? second : '');
      }
    }
    const tagNames: string[] = [];
    const tagIndex = new Map<string, number>();
    const tagIds = new Uint8Array(list.length);
    const starts = new Int32Array(list.length + 1);
    for (let i = 0; i < list.length; i++) {
      let id = tagIndex.get(tags[i]);
      if (id === undefined) { id = tagNames.length; tagNames.push(tags[i]); tagIndex.set(tags[i], id); }
      tagIds[i] = id;
      starts[i + 1] = starts[i] + list[i].length;
    }
    let cap = 1;
    while (cap < list.length * 2) cap <<= 1;
    const index = new Int32Array(cap).fill(-1);
    for (let i = 0; i < list.length; i++) {
      let slot = hash(list[i]) & (cap - 1);
      while (index[slot] >= 0) slot = (slot + 1) & (cap - 1);
      index[slot] = i;
    }
    return new PosTable(list.join(''), starts, tagIds, index, tagNames);
  }

  /** Number of dictionary entries: word ids are 0 … size - 1. */
  get size(): number {
    return this.tagIds.length;
  }

  /** The word's id (index of its first dictionary entry), or -1 if it is in no dictionary. */
  id(word: string): number {
    const mask = this.index.length - 1;
    for (let slot = hash(word) & mask; ; slot = (slot + 1) & mask) {
      const i = this.index[slot];
      if (i < 0) return -1;
      const start = this.starts[i];
      if (this.starts[i + 1] - start === word.length && this.words.startsWith(word, start)) return i;
    }
  }

  /** The tag of a word with this id (-1: not in a dictionary). */
  tagOf(word: string, id: number): string {
    return (id >= 0 && this.tagNames[this.tagIds[id]]) || specialRule(word);
  }
}

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** cppjieba's tag for a word not in the dictionary: x without ASCII, m if the ASCII seen is all digits, else eng. */
function specialRule(word: string): string {
  const runes = [...word];
  let m = 0, eng = 0;
  for (let i = 0; i < runes.length && eng < Math.floor(runes.length / 2); i++) {
    const c = runes[i].codePointAt(0)!;
    if (c < 0x80) {
      eng++;
      if (c >= 0x30 && c <= 0x39) m++;
    }
  }
  if (eng === 0) return 'x';
  return m === eng ? 'm' : 'eng';
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
