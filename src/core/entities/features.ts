/**
 * Feature extraction for the entity tagger, shared by inference and the training script
 * (scripts/train-ner.ts), so both see exactly the same features. Every feature is a 32-bit hash of a
 * template id and small integers (character codes, jieba word hashes and tags): no strings are built per
 * character, which keeps tagging cheap next to jieba itself.
 */
import type { Token } from '../jieba';
import {
  COMPOUND_SURNAMES, DIVISION_SUFFIXES, DIVISION_WORDS, ORG_SUFFIXES, ORG_WORDS, PLACE_ABBREVIATIONS,
  ROLE_WORDS, SPEECH_VERBS, SURNAMES, TIBETAN_SYLLABLES,
} from './lexicons';

/** Bump when templates change: a model file records the version it was trained with. */
export const FEATURE_VERSION = 3;
export const FEATURES_PER_CHAR = 26;

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

interface WordInfo { hash: number; flags: number }
/** Hash and lexicon flags per distinct word: news text repeats its words, so this is mostly a cache hit. */
const words = new Map<string, WordInfo>();

function wordInfo(word: string): WordInfo {
  let info = words.get(word);
  if (info) return info;
  let flags = 0;
  if (ROLE.has(word)) flags |= OwnFlag.Role;
  if (SPEECH.has(word)) flags |= OwnFlag.Speech;
  if (word.length >= 2 && (DIV_WORDS.has(word) || endsWithAny(word, DIV_WORDS))) flags |= WordFlag.DivisionWord;
  if (word.length >= 2 && (ORG_WORD_SET.has(word) || endsWithAny(word, ORG_WORD_SET))) flags |= WordFlag.OrgWord;
  if (COMPOUND.has(word.slice(0, 2))) flags |= WordFlag.CompoundSurname;
  info = { hash: strHash(word) | 0, flags };
  if (words.size > 200_000) words.clear();
  words.set(word, info);
  return info;
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
  for (let i = 0; i < n; i++) {
    const c0 = text.charCodeAt(i);
    const p1 = i > 0 ? text.charCodeAt(i - 1) : 2;
    const p2 = i > 1 ? text.charCodeAt(i - 2) : 2;
    const n1 = i + 1 < n ? text.charCodeAt(i + 1) : 3;
    const n2 = i + 2 < n ? text.charCodeAt(i + 2) : 3;
    const k0 = cls[c0], kp = cls[p1], kn = cls[n1];
    const wp = v.wpos[i], tg = v.tag[i];
    const o = i * F;
    const s0 = stats[c0], sp = stats[p1], sn = stats[n1];
    f[o] = mix(1, c0, 0);
    f[o + 1] = mix(2, p1, 0);
    f[o + 2] = mix(3, n1, 0);
    f[o + 3] = mix(6, p1, c0);
    f[o + 4] = mix(7, c0, n1);
    f[o + 5] = mix(8, p2, p1);
    f[o + 6] = mix(9, n1, n2);
    f[o + 7] = mix(11, wp, tg);
    f[o + 8] = mix(12, (wp << 16) | tg, c0);
    f[o + 9] = mix(13, v.word[i], wp);
    f[o + 10] = mix(14, v.prevWord[i], wp);
    f[o + 11] = mix(15, v.nextWord[i], wp);
    f[o + 12] = mix(16, (v.prevTag[i] << 16) | tg, wp);
    f[o + 13] = mix(17, (v.nextTag[i] << 16) | tg, wp);
    f[o + 14] = mix(18, (v.len[i] << 16) | tg, wp);
    f[o + 15] = mix(19, k0, wp);
    f[o + 16] = mix(20, (kp << 16) | (k0 << 8) | kn, 0);
    f[o + 17] = mix(21, v.last[i], (wp << 16) | tg);
    f[o + 18] = mix(22, v.flags[i], (wp << 16) | tg);
    f[o + 19] = mix(24, v.prevWord[i], c0);
    f[o + 20] = mix(31, s0, wp);
    f[o + 21] = mix(32, sp, s0);
    f[o + 22] = mix(33, s0, sn);
    f[o + 23] = mix(28, v.word[i], c0);
    f[o + 24] = mix(29, v.last[i], c0);
    f[o + 25] = mix(34, s0, (wp << 16) | tg);
  }
  return f;
}
