/**
 * Trains the entity tagger and writes models/ner.bin.gz.
 *
 *   node scripts/train-ner.mjs            # train on ner-msra/dev.bio, write the model
 *   node scripts/train-ner.mjs --cv 5     # k-fold cross-validation on dev.bio only (for tuning), no write
 *   node scripts/train-ner.mjs --holdout 1 --out /tmp/m   # model without fold 1, plus that fold as heldout.txt
 * Options: --epochs 10, --min-count 2, --prune 0.001; SHOW_ERRORS=1 lists cross-validation errors.
 *
 * Also writes models/ner-chars.bin.gz, per-character statistics of nodejieba's own POS dictionary
 * (jieba.dict.utf8: which characters begin or end person, place and organisation words).
 *
 * Source: `ner-msra/dev.bio` from the shared benchmark folder (`../shared/bench`, or $BIAOZHU_BENCH_DIR).
 * Never test.bio: that split only measures. Model: a first-order averaged perceptron over BIO tags with
 * the character, jieba word/tag and lexicon features of src/core/entities/features.ts; features seen fewer
 * than --min-count times are dropped, weights are quantised to int16.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'fs';
import { join } from 'path';
import { gzipSync } from 'zlib';
import { tokens } from '../src/core/jieba';
import { charStatsFromDictionary, extractFeatures, FEATURES_PER_CHAR } from '../src/core/entities/features';
import { N_TAGS, TAGS, spansOf, viterbi } from '../src/core/entities/decode';
import { serializeModel, MODEL_FILE, STATS_FILE } from '../src/core/entities/model';

const root = join(__dirname, '..');
const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : dflt; };
const epochs = opt('--epochs', 10);
const minCount = opt('--min-count', 2);
/** Features whose largest |weight| is below this are dropped from the shipped model (smaller, faster table). */
const prune = opt('--prune', 0.001);
/** Keeps at most this many features (largest summed |weight| first): bounds the shipped file and its load time. */
const maxFeatures = opt('--max-features', 700_000);
const outIdx = args.indexOf('--out');
const outDir = outIdx >= 0 ? args[outIdx + 1] : join(root, 'models');

interface Sentence { text: string; gold: Uint8Array; feats: Int32Array }

function benchDir(): string {
  return process.env.BIAOZHU_BENCH_DIR ?? join(root, '..', 'shared', 'bench');
}

/** The training inputs; dev.bio tunes (epochs, calibration), test.bio is never read here. */
export const TRAIN_FILES = ['train.bio', 'train-extra.bio'];

function benchFile(name: string): string {
  if (/test\.bio$/.test(name)) { console.error('train-ner: refusing test.bio: that split only measures'); process.exit(1); }
  const file = join(benchDir(), 'ner-msra', name);
  if (!existsSync(file)) {
    console.error(`train-ner: ${file} is missing. Put the shared benchmark data in ../shared/bench or set BIAOZHU_BENCH_DIR (see its README: ner-msra/${name}).`);
    process.exit(1);
  }
  return file;
}

const dictPath = join(root, 'node_modules', 'nodejieba', 'submodules', 'cppjieba', 'dict', 'jieba.dict.utf8');
const stats = charStatsFromDictionary(readFileSync(dictPath, 'utf8'));

interface Raw { chars: string[]; tags: number[] }

function readBio(file: string): Raw[] {
  const out: Raw[] = [];
  let chars: string[] = [], tags: number[] = [];
  const flush = () => { if (chars.length) out.push({ chars, tags }); chars = []; tags = []; };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^(\S+)\s+(\S+)$/.exec(line.trim());
    if (!m) { flush(); continue; }
    chars.push(m[1]);
    const t = (TAGS as readonly string[]).indexOf(m[2].replace(/^M-/, 'I-').replace(/^E-/, 'I-').replace(/^S-/, 'B-'));
    tags.push(t < 0 ? 0 : t);
  }
  flush();
  return out;
}

function featurize(r: Raw): Sentence {
  const text = r.chars.join('');
  return { text, gold: Uint8Array.from(r.tags), feats: extractFeatures(text, tokens(text), stats) };
}

/** Averaged perceptron with lazy averaging (w_avg = w − u / c). */
class Perceptron {
  index = new Map<number, number>();
  w = new Float64Array(1 << 20);
  u = new Float64Array(1 << 20);
  trans = new Float64Array(N_TAGS * N_TAGS);
  transU = new Float64Array(N_TAGS * N_TAGS);
  start = new Float64Array(N_TAGS);
  startU = new Float64Array(N_TAGS);
  c = 1;

  constructor(public allowedKeys?: Set<number>) {}

  row(key: number, create: boolean): number {
    let r = this.index.get(key);
    if (r === undefined && create && (!this.allowedKeys || this.allowedKeys.has(key))) {
      r = this.index.size;
      this.index.set(key, r);
      if ((r + 1) * N_TAGS > this.w.length) {
        const w = new Float64Array(this.w.length * 2); w.set(this.w); this.w = w;
        const u = new Float64Array(this.u.length * 2); u.set(this.u); this.u = u;
      }
    }
    return r ?? -1;
  }

  emit(s: Sentence, averaged: boolean): Float64Array {
    const n = s.text.length, T = N_TAGS, F = FEATURES_PER_CHAR;
    const e = new Float64Array(n * T);
    for (let i = 0; i < n; i++) {
      for (let k = i * F; k < (i + 1) * F; k++) {
        const r = this.row(s.feats[k], false);
        if (r < 0) continue;
        for (let t = 0; t < T; t++) e[i * T + t] += averaged ? this.w[r * T + t] - this.u[r * T + t] / this.c : this.w[r * T + t];
      }
    }
    return e;
  }

  predict(s: Sentence, averaged = false): Uint8Array {
    const avg = (w: Float64Array, u: Float64Array) => (averaged ? w.map((x, i) => x - u[i] / this.c) : w);
    return viterbi(this.emit(s, averaged), s.text.length, avg(this.trans, this.transU), avg(this.start, this.startU), new Uint8Array(s.text.length));
  }

  update(s: Sentence, guess: Uint8Array): void {
    const T = N_TAGS, F = FEATURES_PER_CHAR, n = s.text.length;
    const bump = (w: Float64Array, u: Float64Array, i: number, d: number) => { w[i] += d; u[i] += this.c * d; };
    for (let i = 0; i < n; i++) {
      const g = s.gold[i], p = guess[i];
      const gPrev = i > 0 ? s.gold[i - 1] : -1, pPrev = i > 0 ? guess[i - 1] : -1;
      if (g !== p) {
        for (let k = i * F; k < (i + 1) * F; k++) {
          const r = this.row(s.feats[k], true);
          if (r < 0) continue;
          bump(this.w, this.u, r * T + g, 1);
          bump(this.w, this.u, r * T + p, -1);
        }
      }
      if (g !== p || gPrev !== pPrev) {
        if (i === 0) { bump(this.start, this.startU, g, 1); bump(this.start, this.startU, p, -1); }
        else { bump(this.trans, this.transU, gPrev * T + g, 1); bump(this.trans, this.transU, pPrev * T + p, -1); }
      }
    }
    this.c++;
  }

  train(data: Sentence[], dev?: Sentence[]): void {
    let bestDev = -1;
    let seed = 12345;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const order = data.map((_, i) => i);
    for (let ep = 0; ep < epochs; ep++) {
      for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
      let wrong = 0;
      for (const i of order) {
        const s = data[i];
        const guess = this.predict(s);
        if (guess.some((t, k) => t !== s.gold[k])) { wrong++; this.update(s, guess); }
      }
      const devF = dev ? f1(this, dev).f : NaN;
      process.stderr.write(`epoch ${ep + 1}: ${wrong} sentences wrong${dev ? ` dev F1 ${devF.toFixed(4)}` : ''} (${new Date().toISOString()})\n`);
      if (dev && devF > bestDev) { bestDev = devF; writeModel(this, `epoch ${ep + 1}`); }
    }
  }

  export(): { keys: Uint32Array; weights: Float64Array; trans: Float64Array; start: Float64Array } {
    const T = N_TAGS, keys: number[] = [], rows: number[] = [], mass: number[] = [];
    for (const [key, r] of this.index) {
      let nz = false, sum = 0;
      for (let t = 0; t < T; t++) {
        const a = Math.abs(this.w[r * T + t] - this.u[r * T + t] / this.c);
        if (a >= prune) nz = true;
        sum += a;
      }
      if (nz) { keys.push(key); rows.push(r); mass.push(sum); }
    }
    let order = keys.map((_, i) => i);
    if (order.length > maxFeatures) order = order.sort((a, b) => mass[b] - mass[a] || keys[a] - keys[b]).slice(0, maxFeatures).sort((a, b) => a - b);
    const weights = new Float64Array(order.length * T);
    order.forEach((k, i) => { const r = rows[k]; for (let t = 0; t < T; t++) weights[i * T + t] = this.w[r * T + t] - this.u[r * T + t] / this.c; });
    const avg = (w: Float64Array, u: Float64Array) => w.map((x, i) => x - u[i] / this.c);
    return { keys: Uint32Array.from(order.map(k => keys[k])), weights, trans: avg(this.trans, this.transU), start: avg(this.start, this.startU) };
  }
}

function frequentKeys(data: Sentence[]): Set<number> | undefined {
  if (minCount <= 1) return undefined;
  // Open addressing over typed arrays: a Map of every distinct key would pass V8's 2^24-entry limit.
  const cap = 1 << 26, mask = cap - 1;
  const slots = new Int32Array(cap), counts = new Uint8Array(cap);
  for (const s of data) for (const k of s.feats) {
    let i = k & mask;
    while (slots[i] !== k && slots[i] !== 0) i = (i + 1) & mask;
    slots[i] = k;
    if (counts[i] < 255) counts[i]++;
  }
  const out = new Set<number>();
  for (let i = 0; i < cap; i++) if (counts[i] >= minCount) out.add(slots[i]);
  return out;
}

function f1(model: Perceptron, data: Sentence[]): { p: number; r: number; f: number; byLabel: string } {
  const c: Record<string, [number, number, number]> = { PER: [0, 0, 0], LOC: [0, 0, 0], ORG: [0, 0, 0] };
  for (const s of data) {
    const key = (x: { start: number; end: number; label: string }) => `${x.start}:${x.end}:${x.label}`;
    const gold = new Set(spansOf(s.gold).map(key));
    for (const g of spansOf(s.gold)) c[g.label][1]++;
    const pred = spansOf(model.predict(s, true));
    for (const x of pred) { c[x.label][0]++; if (gold.has(key(x))) c[x.label][2]++; }
    if (process.env.SHOW_ERRORS) {
      const ps = new Set(pred.map(key));
      for (const x of pred) if (!gold.has(key(x))) console.log(`FP ${x.label} ${s.text.slice(x.start, x.end)}\t${s.text.slice(Math.max(0, x.start - 6), x.end + 6)}`);
      for (const x of spansOf(s.gold)) if (!ps.has(key(x))) console.log(`FN ${x.label} ${s.text.slice(x.start, x.end)}\t${s.text.slice(Math.max(0, x.start - 6), x.end + 6)}`);
    }
  }
  const prf = ([np, ng, tp]: number[]) => { const p = tp / (np || 1), r = tp / (ng || 1); return { p, r, f: (2 * p * r) / (p + r || 1) }; };
  const sum = Object.values(c).reduce((a, b) => a.map((x, i) => x + b[i]), [0, 0, 0]);
  const byLabel = Object.entries(c).map(([l, v]) => `${l} ${prf(v).f.toFixed(3)}`).join(' ');
  return { ...prf(sum), byLabel };
}

const epochDev = args.includes('--dev-each-epoch');
const t0 = Date.now();
const trainRaw = TRAIN_FILES.flatMap(f => readBio(benchFile(f)));
const devRaw = readBio(benchFile('dev.bio'));
const data = trainRaw.map(featurize);
const dev = devRaw.map(featurize);
const chars = data.reduce((a, s) => a + s.text.length, 0);
console.log(`training on ${TRAIN_FILES.join(' + ')}: ${data.length} sentences, ${chars} characters (featurised in ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
const m = new Perceptron(frequentKeys(data));
m.train(data, epochDev ? dev : undefined);
if (!epochDev) writeModel(m, `${epochs} epochs`);
console.log(`training took ${((Date.now() - t0) / 60000).toFixed(1)} min in all`);

/** Writes the averaged model (with --dev-each-epoch: the epoch best on dev.bio so far). */
function writeModel(model: Perceptron, what: string): void {
  const s = f1(model, dev);
  const exported = model.export();
  const buf = gzipSync(serializeModel(exported), { level: 9 });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, MODEL_FILE), buf);
  writeFileSync(join(outDir, STATS_FILE), gzipSync(Buffer.from(stats.buffer), { level: 9 }));
  console.log(`${what}: dev.bio (model alone) P ${s.p.toFixed(3)} R ${s.r.toFixed(3)} F1 ${s.f.toFixed(3)} (${s.byLabel}); wrote ${join(outDir, MODEL_FILE)}: ${exported.keys.length} features, ${buf.length} bytes, after ${((Date.now() - t0) / 60000).toFixed(1)} min`);
}
