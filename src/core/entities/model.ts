/**
 * The compact tagger model (models/ner.bin.gz, built by scripts/train-ner.ts): an averaged-perceptron
 * weight table keyed by feature hash, loaded lazily once and looked up by open addressing.
 */
import { existsSync, readFileSync } from 'fs';
import { dirname, join } from 'path';
import { gunzipSync } from 'zlib';
import { N_TAGS } from './decode';
import { FEATURE_VERSION } from './features';
import { addKey, newKeyFilter, type KeyFilter } from './keyFilter';

export const MODEL_FILE = 'ner.bin.gz';
export const STATS_FILE = 'ner-chars.bin.gz';
const MAGIC = 0x314e5a42; // "BZN1"

/**
 * Open-addressing table: `keys[slot]` is a feature hash (0 = empty), `weights[slot * STRIDE + t]` its
 * int16 weight for tag t in units of `scale` (transitions and start scores are stored in the same units).
 * Keys sit apart from weights so lookups of absent features touch only the key array; `filter` turns
 * most of those away before even that (keyFilter.ts).
 */
export interface Model {
  keys: Int32Array;
  weights: Int16Array;
  scale: number;
  mask: number;
  filter: KeyFilter;
  trans: Float32Array;
  start: Float32Array;
  features: number;
}

/** Weight row width: N_TAGS (7) rounded up to 8 for aligned rows. */
export const STRIDE = 8;

let model: Model | undefined;

/**
 * Finds `models/` by walking up from this file: works from tsc output (out/src/core/entities) and
 * from the esbuild bundles in dist/. $BIAOZHU_MODELS_DIR overrides (used to evaluate experimental models).
 */
export function modelsDir(from = __dirname): string {
  if (process.env.BIAOZHU_MODELS_DIR) return process.env.BIAOZHU_MODELS_DIR;
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'models', MODEL_FILE))) return join(dir, 'models');
    if (dirname(dir) === dir) throw new Error(`Biaozhu: models/${MODEL_FILE} not found above ${from}`);
  }
}

/** Uses a model another thread loaded and posted (see loadModel) instead of loading one here. */
export function adoptModel(shared: Model): void {
  model ??= shared;
}

export function isModelLoaded(): boolean {
  return model !== undefined;
}

/**
 * The model, loaded on first use. Its tables are typed arrays over SharedArrayBuffer, so posting the model
 * to another thread (a pool's workerData, then adoptModel) shares them instead of copying 20 MB, and the
 * threads' lookups share the CPU cache.
 */
export function loadModel(): Model {
  return (model ??= parseModel(gunzipSync(readFileSync(join(modelsDir(), MODEL_FILE)))));
}

let stats: Uint16Array | undefined;

/** Per-character dictionary statistics the features use (see charStatsFromDictionary). */
export function loadCharStats(): Uint16Array {
  if (!stats) {
    const buf = gunzipSync(readFileSync(join(modelsDir(), STATS_FILE)));
    stats = new Uint16Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  }
  return stats;
}

export interface ModelData {
  trans: ArrayLike<number>;
  start: ArrayLike<number>;
  keys: ArrayLike<number>;
  /** N × N_TAGS weights, row per key. */
  weights: ArrayLike<number>;
}

/** Serialises a model: weights quantised to int16 with one scale. */
export function serializeModel(m: ModelData): Buffer {
  const n = m.keys.length, T = N_TAGS;
  let max = 1e-9;
  for (let i = 0; i < m.weights.length; i++) max = Math.max(max, Math.abs(m.weights[i]));
  const scale = max / 32767;
  const buf = Buffer.alloc(20 + 4 * (T * T + T) + 4 * n + 2 * n * T);
  let o = 0;
  o = buf.writeUInt32LE(MAGIC, o); o = buf.writeUInt32LE(FEATURE_VERSION, o); o = buf.writeUInt32LE(T, o);
  o = buf.writeUInt32LE(n, o); o = buf.writeFloatLE(scale, o);
  for (let i = 0; i < T * T; i++) o = buf.writeFloatLE(m.trans[i], o);
  for (let i = 0; i < T; i++) o = buf.writeFloatLE(m.start[i], o);
  for (let i = 0; i < n; i++) o = buf.writeUInt32LE(m.keys[i] >>> 0, o);
  for (let i = 0; i < n * T; i++) o = buf.writeInt16LE(Math.round(m.weights[i] / scale), o);
  return buf;
}

export function parseModel(buf: Buffer): Model {
  let o = 0;
  const u32 = () => { const v = buf.readUInt32LE(o); o += 4; return v; };
  const f32 = () => { const v = buf.readFloatLE(o); o += 4; return v; };
  if (u32() !== MAGIC) throw new Error('Biaozhu: not an entity model file');
  const version = u32();
  if (version !== FEATURE_VERSION) throw new Error(`Biaozhu: entity model has feature version ${version}, code expects ${FEATURE_VERSION}`);
  const T = u32();
  if (T !== N_TAGS) throw new Error('Biaozhu: entity model tag set mismatch');
  const n = u32();
  const scale = f32();
  const trans = new Float32Array(T * T);
  for (let i = 0; i < T * T; i++) trans[i] = f32();
  const start = new Float32Array(T);
  for (let i = 0; i < T; i++) start[i] = f32();
  let cap = 1;
  while (cap < n * 1.6) cap <<= 1;
  // On shared memory, so that threads of a pool can use one copy (loadModel / adoptModel).
  const keys = new Int32Array(new SharedArrayBuffer(cap * 4));
  const weights = new Int16Array(new SharedArrayBuffer(cap * STRIDE * 2));
  const filter = newKeyFilter(n);
  const wBase = o + 4 * n;
  for (let i = 0; i < n; i++) {
    const key = buf.readInt32LE(o + 4 * i);
    let slot = key & (cap - 1);
    while (keys[slot] !== 0) slot = (slot + 1) & (cap - 1);
    keys[slot] = key;
    addKey(filter, key);
    for (let t = 0; t < T; t++) weights[slot * STRIDE + t] = buf.readInt16LE(wBase + 2 * (i * T + t));
  }
  // Transitions and start scores in weight units, so emissions can stay integers until decoding.
  for (let i = 0; i < trans.length; i++) trans[i] /= scale;
  for (let i = 0; i < start.length; i++) start[i] /= scale;
  return { keys, weights, scale, mask: cap - 1, filter, trans, start, features: n };
}
