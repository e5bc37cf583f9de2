import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { tokens, tokensWithIds } from '../../src/core/jieba';
import { allowed, allowedStart, N_TAGS, viterbi } from '../../src/core/entities/decode';
import { extractFeatures, FEATURES_PER_CHAR, scoreEmissions } from '../../src/core/entities/features';
import { loadCharStats, loadModel, STRIDE } from '../../src/core/entities/model';
import { chunkBounds, tagChunk, tagChunks } from '../../src/core/entities/tagger';
import { addKey, mayHold, newKeyFilter } from '../../src/core/entities/keyFilter';
import { AnalysisStopped } from '../../src/core/stop';
import { nativeAddon } from '../../src/core/native';
import { repoRoot } from '../helpers/schema';

/** The emission scores as the model defines them: the weights of every feature extractFeatures gives, summed. */
function reference(text: string, base: number): Float32Array {
  const model = loadModel(), stats = loadCharStats();
  const F = FEATURES_PER_CHAR;
  const feats = extractFeatures(text, tokens(text, base), stats, undefined, base);
  const emit = new Float32Array(text.length * N_TAGS);
  for (let i = 0; i < text.length; i++) {
    for (let k = i * F; k < i * F + F; k++) {
      let slot = feats[k] & model.mask;
      while (model.keys[slot] !== feats[k] && model.keys[slot] !== 0) slot = (slot + 1) & model.mask;
      if (model.keys[slot] === 0) continue;
      for (let t = 0; t < N_TAGS; t++) emit[i * N_TAGS + t] += model.weights[slot * STRIDE + t];
    }
  }
  return emit;
}

/** Viterbi over every transition, disallowed ones at -Infinity: what the decoder's shortcut for I- tags must equal. */
function fullViterbi(emit: Float64Array, n: number, trans: ArrayLike<number>, start: ArrayLike<number>): number[] {
  const T = N_TAGS;
  const back: number[][] = [];
  let prev = Array.from({ length: T }, (_, t) => (allowedStart(t) ? emit[t] + start[t] : -Infinity));
  for (let i = 1; i < n; i++) {
    const cur: number[] = [], arg: number[] = [];
    for (let t = 0; t < T; t++) {
      let best = -Infinity, a = 0;
      for (let s = 0; s < T; s++) {
        const v = prev[s] + (allowed(s, t) ? trans[s * T + t] : -Infinity);
        if (s === 0 || v > best) { best = v; a = s; }
      }
      cur.push(best + emit[i * T + t]);
      arg.push(a);
    }
    back.push(arg);
    prev = cur;
  }
  let a = 0;
  for (let t = 1; t < T; t++) if (prev[t] > prev[a]) a = t;
  const out = [a];
  for (let i = n - 1; i > 0; i--) out.unshift(a = back[i - 1][a]);
  return out;
}

describe('entities: scoring fast path', () => {
  const seedDir = join(repoRoot, 'seeds');
  const seed = readdirSync(seedDir).filter(f => f.endsWith('.txt')).map(f => readFileSync(join(seedDir, f), 'utf8')).join('\n');
  const texts: Array<[string, string]> = [
    ['the seed page', seed],
    ['astral characters and CRLF', '𠀀𠀁\r\n本报记者王建国报道\r\n《人民日报》刊发评论\r\n'],
    ['lone surrogates jieba alters (characters outside every word)', '\ud800王建国说\udc00李明\ud83d表示，' + '\udc00\ud800'.repeat(12) + '张三'],
    ['one character', '中'],
  ];
  for (const [name, text] of texts) {
    it(`scoreEmissions gives exactly the summed weights of extractFeatures' features: ${name}`, () => {
      const stats = loadCharStats(), model = loadModel();
      for (const [start, end] of chunkBounds(text)) {
        const piece = text.slice(start, end);
        const want = reference(piece, start);
        const { tokens: toks, ids } = tokensWithIds(piece, start);
        // Twice each way: the second pass reads the per-word cache the first one filled.
        for (const withIds of [true, false, true, false]) {
          const got = scoreEmissions(piece, toks, withIds ? ids : undefined, stats, model, STRIDE, new Float32Array(piece.length * N_TAGS).fill(NaN), start);
          assert.deepStrictEqual(got, want);
        }
      }
    });
  }

  it('the native weight lookup refuses arrays that do not fit its sizes with an error instead of reading past them', () => {
    const model = loadModel();
    const { words, shift } = model.filter;
    const add = (features: Int32Array, chars: number, perChar: number, sums: Float32Array, at = 0, tags: number = N_TAGS, keys = model.keys) =>
      nativeAddon().addWeights(features, 0, chars, perChar, sums, at, tags, words, shift, keys, model.weights, STRIDE);
    const features = new Int32Array(40).fill(model.keys.find(k => k !== 0)!);
    const sums = new Float32Array(2 * N_TAGS);
    add(features, 2, 20, sums);
    assert.ok(sums.some(v => v !== 0), 'a key the model holds adds its weights');
    const refused = /addWeights: arrays and sizes do not match/;
    assert.throws(() => add(features, 3, 20, new Float32Array(3 * N_TAGS)), refused); // more features than given
    assert.throws(() => add(features, 2, 20, sums, 1), refused); // sums too short from `at`
    assert.throws(() => add(features, 2, 20, sums, 0, 9), refused); // more tags than a row holds
    assert.throws(() => add(features, 2, 20, sums, 0, N_TAGS, model.keys.subarray(1)), refused); // not a power of two
    assert.throws(() => nativeAddon().addWeights(features, 0, 2, 20, new Float64Array(14) as never, 0, N_TAGS, words, shift, model.keys, model.weights, STRIDE), /addWeights: bad arguments/);
  });

  it('viterbi equals the full search over all transitions, ties included', () => {
    let seedNo = 7;
    const rnd = () => (seedNo = (Math.imul(seedNo, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let r = 0; r < 3000; r++) {
      const n = 1 + Math.floor(rnd() * 30);
      const coarse = rnd() < 0.5; // small integers: many ties
      const value = () => (coarse ? Math.round((rnd() - 0.5) * 4) : (rnd() - 0.5) * 1000);
      const emit = Float64Array.from({ length: n * N_TAGS }, value);
      const trans = Float64Array.from({ length: N_TAGS * N_TAGS }, value);
      const start = Float64Array.from({ length: N_TAGS }, value);
      assert.deepStrictEqual([...viterbi(emit, n, trans, start, new Uint8Array(n))], fullViterbi(emit, n, trans, start), `case ${r}`);
    }
  });

  it('the key filter holds every model key and turns most absent keys away', () => {
    const model = loadModel();
    const { words, shift } = model.filter;
    let keys = 0;
    for (const key of model.keys) if (key !== 0) { keys++; assert.ok(mayHold(words, shift, key), `model key ${key}`); }
    assert.strictEqual(keys, model.features);
    // Random absent keys: a Bloom filter of about 8 bits per key with two bits lets roughly 1 in 20 through.
    let passed = 0, absent = 0, x = 12345;
    while (absent < 100_000) {
      x = (Math.imul(x, 1103515245) + 12345) | 0;
      let slot = x & model.mask;
      while (model.keys[slot] !== x && model.keys[slot] !== 0) slot = (slot + 1) & model.mask;
      if (x === 0 || model.keys[slot] === x) continue;
      absent++;
      if (mayHold(words, shift, x)) passed++;
    }
    assert.ok(passed / absent < 0.1, `${passed} of ${absent} absent keys passed`);
    const tiny = newKeyFilter(3);
    for (const key of [1, -7, 0x7fffffff]) addKey(tiny, key);
    for (const key of [1, -7, 0x7fffffff]) assert.ok(mayHold(tiny.words, tiny.shift, key));
  });

  it('tagChunks gives the chunks tagChunk gives one by one, and stops when asked', () => {
    const text = (seed + '\n').repeat(12);
    const bounds = chunkBounds(text);
    assert.ok(bounds.length > 8, 'more chunks than one group');
    const got = [...tagChunks(text)].map(c => ({ start: c.start, end: c.end, spans: c.spans, tokens: c.tokens }));
    const want = bounds.map(([s, e]) => tagChunk(text, s, e)).map(c => ({ start: c.start, end: c.end, spans: c.spans, tokens: c.tokens }));
    assert.deepStrictEqual(got, want);
    let asked = 0;
    assert.throws(() => { for (const c of tagChunks(text, 1, () => ++asked > 3)) void c; }, AnalysisStopped);
  });
});
