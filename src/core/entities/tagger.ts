/** The statistical pass: jieba words and tags → features → averaged-perceptron scores → Viterbi BIO spans. */
import { tokens, type Token } from '../jieba';
import { spansOf, viterbi, N_TAGS, type TagSpan } from './decode';
import { extractFeatures, FEATURES_PER_CHAR } from './features';
import { loadCharStats, loadModel, STRIDE, type Model } from './model';

/** Texts are tagged in chunks of about this many UTF-16 units, cut after a line break or sentence end. */
const CHUNK = 4096;

export interface Chunk {
  start: number;
  end: number;
  tokens: Token[];
  spans: TagSpan[];
}

let featBuf = new Int32Array(0);
let emitBuf = new Float32Array(0);

/** Tags one chunk of `text` (`start`..`end`); token and span offsets are into the whole text. */
export function tagChunk(text: string, start: number, end: number): Chunk {
  const model = loadModel();
  const stats = loadCharStats();
  const piece = text.slice(start, end);
  const n = piece.length;
  const toks = tokens(piece, start);
  if (featBuf.length < n * FEATURES_PER_CHAR) featBuf = new Int32Array(n * FEATURES_PER_CHAR);
  if (emitBuf.length < n * N_TAGS) emitBuf = new Float32Array(n * N_TAGS);
  const feats = extractFeatures(piece, toks, stats, featBuf, start);
  const emit = scoreInto(model, feats, n);
  const tags = viterbi(emit, n, model.trans, model.start, new Uint8Array(n));
  const spans = spansOf(tags, n).map(s => ({ start: s.start + start, end: s.end + start, label: s.label }));
  return { start, end, tokens: toks, spans };
}

function scoreInto(model: Model, feats: Int32Array, n: number): Float32Array {
  const F = FEATURES_PER_CHAR;
  const emit = emitBuf;
  const { keys, weights, mask } = model;
  for (let i = 0; i < n; i++) {
    let e0 = 0, e1 = 0, e2 = 0, e3 = 0, e4 = 0, e5 = 0, e6 = 0;
    for (let k = i * F, last = k + F; k < last; k++) {
      const key = feats[k];
      let slot = key & mask;
      let found = keys[slot];
      while (found !== key && found !== 0) { slot = (slot + 1) & mask; found = keys[slot]; }
      if (found === 0) continue;
      const w = slot * STRIDE;
      e0 += weights[w]; e1 += weights[w + 1]; e2 += weights[w + 2]; e3 += weights[w + 3];
      e4 += weights[w + 4]; e5 += weights[w + 5]; e6 += weights[w + 6];
    }
    const e = i * N_TAGS;
    emit[e] = e0; emit[e + 1] = e1; emit[e + 2] = e2; emit[e + 3] = e3; emit[e + 4] = e4; emit[e + 5] = e5; emit[e + 6] = e6;
  }
  return emit;
}

/** Chunk boundaries: after a line break or sentence end near CHUNK units, never inside a surrogate pair. */
export function chunkBounds(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + CHUNK);
    if (end < text.length) {
      const cut = lastCut(text, start + (CHUNK >> 1), end);
      if (cut > start) end = cut;
      const c = text.charCodeAt(end - 1);
      if (c >= 0xd800 && c <= 0xdbff) end--;
    }
    out.push([start, end]);
    start = end;
  }
  return out;
}

function lastCut(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (text[i] === '\n') return i + 1;
  for (let i = to - 1; i >= from; i--) if ('。！？；'.includes(text[i])) return i + 1;
  return -1;
}
