/** The statistical pass: jieba words and tags → features → averaged-perceptron scores → Viterbi BIO spans. */
import { tokensWithIds, type Token } from '../jieba';
import { stopIf, type StopCheck } from '../stop';
import { spansOf, viterbi, N_TAGS, type TagSpan } from './decode';
import { scoreEmissions } from './features';
import { loadCharStats, loadModel, STRIDE } from './model';
import { forwardBackward, type Posterior } from './posterior';

/** Texts are tagged in chunks of about this many UTF-16 units, cut after a line break or sentence end. */
const CHUNK = 4096;

export interface Chunk {
  start: number;
  end: number;
  tokens: Token[];
  spans: TagSpan[];
  /** Forward-backward tables over the chunk (offsets relative to `start`); reused by the next chunk. */
  posterior: Posterior;
}

type Words = ReturnType<typeof tokensWithIds>;

let emitBuf = new Float32Array(0);
let posteriorBuf: Posterior | undefined;

/**
 * The chunks of `text` (chunkBounds), tagged one after another. jieba cuts GROUP chunks before any of them
 * is scored: its dictionary and the model's tables then take turns in the CPU cache once per group
 * rather than once per chunk (about 15 % less time on a long text). `stop` is asked before each chunk.
 */
export function* tagChunks(text: string, temperature = 1, stop?: StopCheck): Generator<Chunk> {
  const bounds = chunkBounds(text);
  for (let g = 0; g < bounds.length; g += GROUP) {
    stopIf(stop);
    const group = bounds.slice(g, g + GROUP).map(([start, end]) => ({ start, end, words: tokensWithIds(text.slice(start, end), start) }));
    for (const { start, end, words } of group) {
      stopIf(stop);
      yield tagChunk(text, start, end, temperature, words);
    }
  }
}

const GROUP = 8;

/**
 * Tags one chunk of `text` (`start`..`end`); token and span offsets are into the whole text. `temperature`
 * divides the scores for the span probabilities (the calibration's). `words`: jieba's words of the chunk
 * if they are already cut.
 */
export function tagChunk(text: string, start: number, end: number, temperature = 1, words?: Words): Chunk {
  const model = loadModel();
  const stats = loadCharStats();
  const piece = text.slice(start, end);
  const n = piece.length;
  const { tokens: toks, ids } = words ?? tokensWithIds(piece, start);
  if (emitBuf.length < n * N_TAGS) emitBuf = new Float32Array(n * N_TAGS);
  const emit = scoreEmissions(piece, toks, ids, stats, model, STRIDE, emitBuf, start);
  const tags = viterbi(emit, n, model.trans, model.start, new Uint8Array(n));
  const spans = spansOf(tags, n).map(s => ({ start: s.start + start, end: s.end + start, label: s.label }));
  const posterior = (posteriorBuf = forwardBackward(emit, n, model.trans, model.start, model.scale / temperature, posteriorBuf));
  return { start, end, tokens: toks, spans, posterior };
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
