/**
 * nodejieba's part-of-speech lookup, redone in JavaScript: `cut` with HMM gives exactly the words `tag`
 * gives, and returning strings instead of {word, tag} objects from the addon is much cheaper. A word's tag
 * is its dictionary tag, else cppjieba's rule for unknown words (PosTagger::SpecialRule). The table is
 * one string of all words plus an open-addressing index: a few MB instead of a Map of 350 K entries.
 *
 * Building it from the 14 MB of dictionaries costs hundreds of milliseconds at every first use, so the
 * build (scripts/build.mjs) writes it once into dist/tagTable.bin (`encode`), and `decode` only takes
 * views of that file. This module imports nothing, so the build script can run it as it is.
 */
export class TagTable {
  private constructor(
    private readonly words: string,
    private readonly starts: Int32Array,
    private readonly tagIds: Uint8Array,
    private readonly index: Int32Array,
    private readonly tagNames: string[],
  ) {}

  static fromDictionaries(texts: string[]): TagTable {
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
    return new TagTable(list.join(''), starts, tagIds, index, tagNames);
  }

  /**
   * The table as bytes: a header of 32-bit little-endian integers (magic, version, `key`, word count,
   * characters, index slots, tag-names length), then the index, the word starts, the words in UTF-16LE,
   * the tag ids, and the tag names joined by newlines in UTF-16LE; each part padded to 4 bytes.
   * `key` is what the reader checks before trusting the file (the dictionaries' byte sizes, see jieba.ts).
   */
  encode(key: number): Uint8Array {
    const names = this.tagNames.join('\n');
    const parts = [
      new Uint8Array(this.index.buffer, this.index.byteOffset, this.index.byteLength),
      new Uint8Array(this.starts.buffer, this.starts.byteOffset, this.starts.byteLength),
      utf16(this.words),
      this.tagIds,
      utf16(names),
    ];
    const header = new Int32Array([MAGIC, VERSION, key | 0, this.tagIds.length, this.words.length, this.index.length, names.length]);
    const out = new Uint8Array(header.byteLength + parts.reduce((n, p) => n + pad4(p.byteLength), 0));
    out.set(new Uint8Array(header.buffer), 0);
    let at = header.byteLength;
    for (const p of parts) {
      out.set(p, at);
      at += pad4(p.byteLength);
    }
    return out;
  }

  /** The table `encode(key)` wrote, or undefined when the bytes are not such a table or `key` differs. */
  static decode(bytes: Uint8Array, key: number): TagTable | undefined {
    if (bytes.byteLength < HEADER_INTS * 4) return undefined;
    // A copy aligned to 4 bytes, so the typed arrays below can be views of it.
    const buf = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
    const h = new Int32Array(buf.buffer, buf.byteOffset, HEADER_INTS);
    const [magic, version, stored, count, chars, slots, namesLength] = h;
    if (magic !== MAGIC || version !== VERSION || stored !== (key | 0)) return undefined;
    const sizes = [slots * 4, (count + 1) * 4, chars * 2, count, namesLength * 2];
    if (HEADER_INTS * 4 + sizes.reduce((n, s) => n + pad4(s), 0) !== buf.byteLength) return undefined;
    let at = buf.byteOffset + HEADER_INTS * 4;
    const take = (size: number): number => { const from = at; at += pad4(size); return from; };
    const index = new Int32Array(buf.buffer, take(sizes[0]), slots);
    const starts = new Int32Array(buf.buffer, take(sizes[1]), count + 1);
    const words = fromUtf16(buf.buffer, take(sizes[2]), chars);
    const tagIds = new Uint8Array(buf.buffer, take(sizes[3]), count);
    const names = fromUtf16(buf.buffer, take(sizes[4]), namesLength);
    return new TagTable(words, starts, tagIds, index, names.split('\n'));
  }

  /** The `key` for dictionaries of these byte sizes: a changed dictionary makes a stored table stale. */
  static keyOf(byteSizes: readonly number[]): number {
    return byteSizes.reduce((k, n) => (Math.imul(k, 31) + n) | 0, 17);
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

const MAGIC = 0x5454_5a42; // "BZTT"
const VERSION = 1;
const HEADER_INTS = 7;

const pad4 = (n: number): number => (n + 3) & ~3;

function utf16(s: string): Uint8Array {
  const units = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) units[i] = s.charCodeAt(i);
  return new Uint8Array(units.buffer);
}

function fromUtf16(buffer: ArrayBufferLike, byteOffset: number, length: number): string {
  return new TextDecoder('utf-16le').decode(new Uint8Array(buffer, byteOffset, length * 2));
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
