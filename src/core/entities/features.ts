/**
 * Feature extraction for the entity tagger, shared by inference and the training script
 * (scripts/train-ner.ts), so both see exactly the same features. Every feature is a 32-bit hash of a
 * template id and small integers (character codes, jieba word hashes and tags): no strings are built per
 * character, which keeps tagging cheap next to jieba itself.
 */
import type { Token } from '../jieba';
import { N_TAGS } from './decode';
import { nativeAddon } from '../native';
import type { KeyFilter } from './keyFilter';
import {
  COMPOUND_SURNAMES, DIVISION_SUFFIXES, DIVISION_WORDS, ORG_SUFFIXES, ORG_WORDS, PLACE_ABBREVIATIONS,
  ROLE_WORDS, SPEECH_VERBS, SURNAMES, TIBETAN_SYLLABLES,
} from './lexicons';

/** Bump when templates change: a model file records the version it was trained with. */
export const FEATURE_VERSION = 4;
export const FEATURES_PER_CHAR = 31;

const enum Cls { Surname = 1, DivSuffix = 2, OrgSuffix = 4, Tibetan = 8, Digit = 16, Latin = 32, Punct = 64, PlaceAbbr = 128 }
const enum WordFlag { RoleBefore = 1, SpeechAfter = 2, DivisionWord = 4, OrgWord = 8, CompoundSurname = 16 }

let classes: Uint8Array | undefined;
function charClasses(): Uint8Array {
  if (classes) return classes;
  const c = new Uint8Array(65536);
  const mark = (chars: string, bit: number) => { for (let i = 0; i < chars.length; i++) c[chars.charCodeAt(i)] |= bit; };
  mark(SURNAMES, Cls.Surname);
  mark(DIVISION_SUFFIXES, Cls.DivSuffix);
  mark(ORG_SUFFIXES, Cls.OrgSuffix);
  mark(TIBETAN_SYLLABLES, Cls.Tibetan);
  mark('0123456789０１２３４５６７８９〇零一二三四五六七八九十百千万亿两', Cls.Digit);
  mark('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ', Cls.Latin);
  mark('，。、；：？！“”‘’（）《》〈〉【】—…·,.;:?!"\'()[]-　 \t\r\n', Cls.Punct);
  mark(PLACE_ABBREVIATIONS, Cls.PlaceAbbr);
  return (classes = c);
}

const ROLE = new Set(ROLE_WORDS);
const SPEECH = new Set(SPEECH_VERBS);
const DIV_WORDS = new Set(DIVISION_WORDS);
const ORG_WORD_SET = new Set(ORG_WORDS);
const COMPOUND = new Set(COMPOUND_SURNAMES);

const tagIds = new Map<string, number>();
function tagId(tag: string): number {
  let id = tagIds.get(tag);
  if (id === undefined) {
    id = strHash(tag) & 0xffff;
    tagIds.set(tag, id);
  }
  return id;
}

export function strHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function mix(t: number, a: number, b: number): number {
  let x = Math.imul(t + 0x9e3779b9, 0x85ebca6b) ^ a;
  x = Math.imul(x ^ (x >>> 15), 0xc2b2ae35) ^ b;
  x = Math.imul(x ^ (x >>> 13), 0x27d4eb2f);
  x ^= x >>> 16;
  // int32, never 0 (0 marks an empty slot): keeps every value a small integer in V8, no heap doubles.
  return x | 0 || 1;
}

function endsWithAny(word: string, set: Set<string>): boolean {
  for (let k = 2; k <= 5 && k <= word.length; k++) if (set.has(word.slice(word.length - k))) return true;
  return false;
}

const STAT_CLASSES = ['nr', 'ns', 'nt'] as const;

/**
 * Per-character lexical statistics from a part-of-speech dictionary (nodejieba's jieba.dict.utf8, lines
 * `word freq tag`): for person (nr*), place (ns) and organisation (nt) words, how often the character
 * begins or ends one, relative to all dictionary words containing it, in four levels (2 bits each).
 * Lets the tagger generalise to characters it never saw in training (e.g. 乡 ends places, 司 organisations).
 */
export function charStatsFromDictionary(dictText: string): Uint16Array {
  const total = new Float64Array(65536);
  const hits = new Float64Array(65536 * 6);
  for (const line of dictText.split('\n')) {
    const [word, , tag] = line.trim().split(' ');
    if (!word || !tag) continue;
    const cls = STAT_CLASSES.findIndex(c => tag.startsWith(c));
    for (let i = 0; i < word.length; i++) total[word.charCodeAt(i)]++;
    if (cls < 0 || word.length < 2) continue;
    hits[word.charCodeAt(0) * 6 + cls * 2]++;
    hits[word.charCodeAt(word.length - 1) * 6 + cls * 2 + 1]++;
  }
  const out = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) {
    if (total[c] === 0) continue;
    let bits = 0;
    for (let k = 0; k < 6; k++) {
      const share = hits[c * 6 + k] / total[c];
      const level = share === 0 ? 0 : share < 0.1 ? 1 : share < 0.3 ? 2 : 3;
      bits |= level << (2 * k);
    }
    out[c] = bits;
  }
  return out;
}

const enum OwnFlag { Role = 32, Speech = 64 }

interface WordInfo {
  hash: number;
  flags: number;
  /** scoreEmissions' cache: the weight sums of the word's wordKeys features, N_TAGS per character, then the tag id they were summed for. */
  row: Float32Array | undefined;
}
/** Hash and lexicon flags per distinct word: news text repeats its words, so this is mostly a cache hit. */
const words = new Map<string, WordInfo>();

function wordInfo(word: string): WordInfo {
  let info = words.get(word);
  if (info) return info;
  info = newWordInfo(word);
  if (words.size > 200_000) words.clear();
  words.set(word, info);
  return info;
}

/** The same per dictionary word id (see tokensWithIds), found without hashing the word. */
let infoById: Array<WordInfo | undefined> = [];

function wordInfoOf(word: string, id: number): WordInfo {
  if (id < 0) return wordInfo(word);
  let info = id < infoById.length ? infoById[id] : undefined;
  if (info === undefined) {
    info = newWordInfo(word);
    while (infoById.length <= id) infoById.push(undefined);
    infoById[id] = info;
  }
  return info;
}

function newWordInfo(word: string): WordInfo {
  let flags = 0;
  if (ROLE.has(word)) flags |= OwnFlag.Role;
  if (SPEECH.has(word)) flags |= OwnFlag.Speech;
  if (word.length >= 2 && (DIV_WORDS.has(word) || endsWithAny(word, DIV_WORDS))) flags |= WordFlag.DivisionWord;
  if (word.length >= 2 && (ORG_WORD_SET.has(word) || endsWithAny(word, ORG_WORD_SET))) flags |= WordFlag.OrgWord;
  if (COMPOUND.has(word.slice(0, 2))) flags |= WordFlag.CompoundSurname;
  return { hash: strHash(word) | 0, flags, row: undefined };
}

/** Per-character view of jieba's words over `text` (tokens carry offsets relative to `text`). */
interface WordView {
  wpos: Uint8Array; // 0 begin, 1 middle, 2 end, 3 single, 4 outside any word
  tag: Uint16Array;
  prevTag: Uint16Array;
  nextTag: Uint16Array;
  word: Int32Array;
  prevWord: Int32Array;
  nextWord: Int32Array;
  len: Uint8Array;
  flags: Uint8Array;
  last: Uint16Array; // last character of the containing word
}

function wordView(text: string, toks: readonly Token[], base: number): WordView {
  const n = text.length;
  const v: WordView = {
    wpos: new Uint8Array(n).fill(4), tag: new Uint16Array(n), prevTag: new Uint16Array(n), nextTag: new Uint16Array(n),
    word: new Int32Array(n), prevWord: new Int32Array(n), nextWord: new Int32Array(n), len: new Uint8Array(n),
    flags: new Uint8Array(n), last: new Uint16Array(n),
  };
  const hashes = new Int32Array(toks.length);
  const own = new Uint8Array(toks.length);
  const tags = new Uint16Array(toks.length);
  for (let w = 0; w < toks.length; w++) {
    const info = wordInfo(toks[w].word);
    hashes[w] = info.hash;
    own[w] = info.flags;
    tags[w] = tagId(toks[w].tag);
  }
  for (let w = 0; w < toks.length; w++) {
    const t = toks[w];
    const next = w + 1 < toks.length ? toks[w + 1] : undefined;
    let flags = own[w] & (WordFlag.DivisionWord | WordFlag.OrgWord | WordFlag.CompoundSurname);
    if (w > 0 && own[w - 1] & OwnFlag.Role) flags |= WordFlag.RoleBefore;
    if (next && own[w + 1] & OwnFlag.Speech) flags |= WordFlag.SpeechAfter;
    const ts = t.start - base, te = t.end - base;
    const len = te - ts;
    const last = text.charCodeAt(te - 1);
    for (let i = ts; i < te; i++) {
      v.wpos[i] = len === 1 ? 3 : i === ts ? 0 : i === te - 1 ? 2 : 1;
      v.tag[i] = tags[w];
      v.prevTag[i] = w > 0 ? tags[w - 1] : 0;
      v.nextTag[i] = next ? tags[w + 1] : 0;
      v.word[i] = hashes[w];
      v.prevWord[i] = w > 0 ? hashes[w - 1] : 0;
      v.nextWord[i] = next ? hashes[w + 1] : 0;
      v.len[i] = len > 6 ? 6 : len;
      v.flags[i] = flags;
      v.last[i] = last;
    }
  }
  return v;
}

/**
 * Writes FEATURES_PER_CHAR feature hashes for each character of `text` into `out` (length ≥ n × F)
 * and returns it. Token offsets are relative to `base` (where `text` starts in the whole document).
 */
export function extractFeatures(text: string, toks: readonly Token[], stats: Uint16Array, out?: Int32Array, base = 0): Int32Array {
  const n = text.length;
  const F = FEATURES_PER_CHAR;
  const f = out && out.length >= n * F ? out : new Int32Array(n * F);
  const cls = charClasses();
  const v = wordView(text, toks, base);
  const part = new Int32Array(CONTEXT_FEATURES);
  for (let i = 0; i < n; i++) {
    const c0 = text.charCodeAt(i);
    const p1 = i > 0 ? text.charCodeAt(i - 1) : 2;
    const p2 = i > 1 ? text.charCodeAt(i - 2) : 2;
    const n1 = i + 1 < n ? text.charCodeAt(i + 1) : 3;
    const n2 = i + 2 < n ? text.charCodeAt(i + 2) : 3;
    const wp = v.wpos[i], tg = v.tag[i];
    const o = i * F;
    wordKeys(part, 0, c0, wp, tg, v.word[i], v.len[i], v.last[i], cls[c0], stats[c0]);
    for (let q = 0; q < WORD_FEATURES; q++) f[o + WORD_SLOTS[q]] = part[q];
    contextKeys(part, 0, c0, p1, p2, n1, n2, cls, stats, wp, tg, v.prevTag[i], v.nextTag[i], v.prevWord[i], v.nextWord[i], v.flags[i], v.word[i]);
    for (let q = 0; q < CONTEXT_FEATURES; q++) f[o + CONTEXT_SLOTS[q]] = part[q];
  }
  return f;
}

/**
 * The 26 templates fall in two groups. wordKeys: those fixed by the word a character is in and its
 * offset in that word (the character, its class and statistics, the word's hash, tag, length and last
 * character); the inference path sums their weights once per distinct word. contextKeys: those of the
 * neighbouring characters and words. Each writes its group at f[o…]; *_SLOTS are the group's positions
 * in a character's FEATURES_PER_CHAR.
 */
const WORD_SLOTS = [0, 7, 8, 9, 14, 15, 17, 20, 23, 24, 25];
const CONTEXT_SLOTS = [1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 16, 18, 19, 21, 22, 26, 27, 28, 29, 30];
const WORD_FEATURES = WORD_SLOTS.length;
const CONTEXT_FEATURES = CONTEXT_SLOTS.length;

function wordKeys(f: Int32Array, o: number, c0: number, wp: number, tg: number, word: number, len: number, last: number, k0: number, s0: number): void {
  f[o] = mix(1, c0, 0);
  f[o + 1] = mix(11, wp, tg);
  f[o + 2] = mix(12, (wp << 16) | tg, c0);
  f[o + 3] = mix(13, word, wp);
  f[o + 4] = mix(18, (len << 16) | tg, wp);
  f[o + 5] = mix(19, k0, wp);
  f[o + 6] = mix(21, last, (wp << 16) | tg);
  f[o + 7] = mix(31, s0, wp);
  f[o + 8] = mix(28, word, c0);
  f[o + 9] = mix(29, last, c0);
  f[o + 10] = mix(34, s0, (wp << 16) | tg);
}

function contextKeys(
  f: Int32Array, o: number, c0: number, p1: number, p2: number, n1: number, n2: number, cls: Uint8Array, stats: Uint16Array,
  wp: number, tg: number, prevTag: number, nextTag: number, prevWord: number, nextWord: number, flags: number, word: number,
): void {
  const s0 = stats[c0], sp = stats[p1], sn = stats[n1];
  f[o] = mix(2, p1, 0);
  f[o + 1] = mix(3, n1, 0);
  f[o + 2] = mix(6, p1, c0);
  f[o + 3] = mix(7, c0, n1);
  f[o + 4] = mix(8, p2, p1);
  f[o + 5] = mix(9, n1, n2);
  f[o + 6] = mix(14, prevWord, wp);
  f[o + 7] = mix(15, nextWord, wp);
  f[o + 8] = mix(16, (prevTag << 16) | tg, wp);
  f[o + 9] = mix(17, (nextTag << 16) | tg, wp);
  f[o + 10] = mix(20, (cls[p1] << 16) | (cls[c0] << 8) | cls[n1], 0);
  f[o + 11] = mix(22, flags, (wp << 16) | tg);
  f[o + 12] = mix(24, prevWord, c0);
  f[o + 13] = mix(32, sp, s0);
  f[o + 14] = mix(33, s0, sn);
  // Version 4, for the full training set: character trigrams and word bigrams (long organisation names).
  f[o + 15] = mix(40, (p1 << 16) | c0, n1);
  f[o + 16] = mix(41, (p2 << 16) | p1, c0);
  f[o + 17] = mix(42, (c0 << 16) | n1, n2);
  f[o + 18] = mix(43, (prevWord + Math.imul(wp, 0x9e3779b1)) | 0, word);
  f[o + 19] = mix(44, nextWord, c0);
}

/** What the inference path reads of a model (model.ts): `keys[slot]` a feature hash (0 empty), `weights[slot * stride + t]`, the key filter. */
export interface WeightTable {
  keys: Int32Array;
  weights: Int16Array;
  mask: number;
  filter: KeyFilter;
}

/** The weight table and statistics the cached word rows were summed from: rows are dropped when either changes. */
let rowsTable: WeightTable | undefined;
let rowsStats: Uint16Array | undefined;
const wordBuf = new Int32Array(WORD_FEATURES);

/** The word's row (see WordInfo), summed now if it is not cached for this tag. */
function wordRow(info: WordInfo, word: string, tg: number, table: WeightTable, stride: number, stats: Uint16Array, cls: Uint8Array): Float32Array {
  const cached = info.row;
  if (cached !== undefined && cached[cached.length - 1] === tg) return cached;
  const len = word.length;
  const row = new Float32Array(len * N_TAGS + 1);
  const last = word.charCodeAt(len - 1);
  for (let j = 0; j < len; j++) {
    const c0 = word.charCodeAt(j);
    const wp = len === 1 ? 3 : j === 0 ? 0 : j === len - 1 ? 2 : 1;
    wordKeys(wordBuf, 0, c0, wp, tg, info.hash, len > 6 ? 6 : len, last, cls[c0], stats[c0]);
    addWeights(table, stride, wordBuf, 0, 1, WORD_FEATURES, row, j * N_TAGS);
  }
  row[len * N_TAGS] = tg;
  info.row = row;
  return row;
}

/**
 * Adds to sums[at + i * N_TAGS …] the weights of character i's features keys[from + i * perChar …], for
 * `chars` characters: the model's table looked up behind its key filter, in native code (native/weights.cc),
 * where this loop, the largest part of the tagger's time, runs about 40 % faster than in JavaScript.
 */
function addWeights(table: WeightTable, stride: number, keys: Int32Array, from: number, chars: number, perChar: number, sums: Float32Array, at: number): void {
  nativeAddon().addWeights(keys, from, chars, perChar, sums, at, N_TAGS, table.filter.words, table.filter.shift, table.keys, table.weights, stride);
}

let ctxBuf = new Int32Array(0);

/**
 * Inference fast path: the emission scores `emit[i * N_TAGS + t]` of every character of `text`, exactly
 * the sums of the weights of the features extractFeatures gives (integer sums, so order does not
 * matter). A word's wordKeys sums come from its cache; only the context features are looked up per character.
 */
export function scoreEmissions(
  text: string, toks: readonly Token[], ids: Int32Array | undefined, stats: Uint16Array, table: WeightTable, stride: number, emit: Float32Array, base = 0,
): Float32Array {
  if (table !== rowsTable || stats !== rowsStats) { words.clear(); infoById = []; rowsTable = table; rowsStats = stats; }
  const n = text.length;
  const T = N_TAGS, C = CONTEXT_FEATURES;
  const cls = charClasses();
  if (ctxBuf.length < n * C) ctxBuf = new Int32Array(n * C);
  const ctx = ctxBuf;
  const m = toks.length;
  // Pass 1: each character's word sums into emit, its context keys into ctx.
  let prevHash = 0, prevTag = 0, prevOwn = 0;
  let info = m > 0 ? wordInfoOf(toks[0].word, ids ? ids[0] : -1) : undefined;
  let tg = m > 0 ? tagId(toks[0].tag) : 0;
  let at = 0;
  for (let w = 0; w <= m; w++) {
    const ts = w < m ? toks[w].start - base : n;
    for (; at < ts; at++) {
      // Outside every word (a character jieba altered): its word features are looked up here.
      const c0 = text.charCodeAt(at);
      wordKeys(wordBuf, 0, c0, 4, 0, 0, 0, 0, cls[c0], stats[c0]);
      emit.fill(0, at * T, at * T + T);
      addWeights(table, stride, wordBuf, 0, 1, WORD_FEATURES, emit, at * T);
      const p1 = at > 0 ? text.charCodeAt(at - 1) : 2, p2 = at > 1 ? text.charCodeAt(at - 2) : 2;
      const n1 = at + 1 < n ? text.charCodeAt(at + 1) : 3, n2 = at + 2 < n ? text.charCodeAt(at + 2) : 3;
      contextKeys(ctx, at * C, c0, p1, p2, n1, n2, cls, stats, 4, 0, 0, 0, 0, 0, 0, 0);
    }
    if (w === m) break;
    const own = info!.flags, hash = info!.hash;
    const nextInfo = w + 1 < m ? wordInfoOf(toks[w + 1].word, ids ? ids[w + 1] : -1) : undefined;
    const nextTg = nextInfo !== undefined ? tagId(toks[w + 1].tag) : 0;
    const nextHash = nextInfo !== undefined ? nextInfo.hash : 0;
    let flags = own & (WordFlag.DivisionWord | WordFlag.OrgWord | WordFlag.CompoundSurname);
    if (prevOwn & OwnFlag.Role) flags |= WordFlag.RoleBefore;
    if (nextInfo !== undefined && nextInfo.flags & OwnFlag.Speech) flags |= WordFlag.SpeechAfter;
    const te = toks[w].end - base, len = te - ts;
    const row = wordRow(info!, toks[w].word, tg, table, stride, stats, cls);
    for (let i = ts, r = 0; i < te; i++, r += T) {
      const e = i * T;
      emit[e] = row[r]; emit[e + 1] = row[r + 1]; emit[e + 2] = row[r + 2]; emit[e + 3] = row[r + 3];
      emit[e + 4] = row[r + 4]; emit[e + 5] = row[r + 5]; emit[e + 6] = row[r + 6];
      const wp = len === 1 ? 3 : i === ts ? 0 : i === te - 1 ? 2 : 1;
      const p1 = i > 0 ? text.charCodeAt(i - 1) : 2, p2 = i > 1 ? text.charCodeAt(i - 2) : 2;
      const n1 = i + 1 < n ? text.charCodeAt(i + 1) : 3, n2 = i + 2 < n ? text.charCodeAt(i + 2) : 3;
      contextKeys(ctx, i * C, text.charCodeAt(i), p1, p2, n1, n2, cls, stats, wp, tg, prevTag, nextTg, prevHash, nextHash, flags, hash);
    }
    at = te;
    prevHash = hash; prevTag = tg; prevOwn = own;
    info = nextInfo; tg = nextTg;
  }
  // Pass 2: the context features' weights, all characters in one call.
  addWeights(table, stride, ctx, 0, n, C, emit, 0);
  return emit;
}
