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
import { readFileSync, writeFileSync, mkdirSync } from 'fs';
import { join } from 'path';
import { gzipSync } from 'zlib';
import { tokens } from '../src/core/jieba';
import { charStatsFromDictionary, extractFeatures, FEATURES_PER_CHAR } from '../src/core/entities/features';
import { N_TAGS, TAGS, spansOf, viterbi } from '../src/core/entities/decode';
import { serializeModel, MODEL_FILE, STATS_FILE } from '../src/core/entities/model';
import { benchDir, requireData } from '../bench/data';

const root = join(__dirname, '..');
const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : dflt; };
const epochs = opt('--epochs', 10);
const folds = opt('--cv', 0);
const minCount = opt('--min-count', 2);
/** Features whose largest |weight| is below this are dropped from the shipped model (smaller, faster table). */
const prune = opt('--prune', 0.001);
const foldsRun = opt('--folds-run', folds);
/** --holdout k (1-based, of 5 folds): train without fold k and write to --out, to tune rules on fold k. */
const holdout = opt('--holdout', 0);
const outIdx = args.indexOf('--out');
const outDir = outIdx >= 0 ? args[outIdx + 1] : join(root, 'models');

interface Sentence { text: string; gold: Uint8Array; feats: Int32Array }

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

  train(data: Sentence[]): void {
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
      process.stderr.write(`epoch ${ep + 1}: ${wrong} sentences wrong\n`);
    }
  }

  export(): { keys: Uint32Array; weights: Float64Array; trans: Float64Array; start: Float64Array } {
    const T = N_TAGS, keys: number[] = [], rows: number[] = [];
    for (const [key, r] of this.index) {
      let nz = false;
      for (let t = 0; t < T; t++) if (Math.abs(this.w[r * T + t] - this.u[r * T + t] / this.c) >= prune) nz = true;
      if (nz) { keys.push(key); rows.push(r); }
    }
    const weights = new Float64Array(rows.length * T);
    rows.forEach((r, i) => { for (let t = 0; t < T; t++) weights[i * T + t] = this.w[r * T + t] - this.u[r * T + t] / this.c; });
    const avg = (w: Float64Array, u: Float64Array) => w.map((x, i) => x - u[i] / this.c);
    return { keys: Uint32Array.from(keys), weights, trans: avg(this.trans, this.transU), start: avg(this.start, this.startU) };
  }
}

function frequentKeys(data: Sentence[]): Set<number> | undefined {
  if (minCount <= 1) return undefined;
  const counts = new Map<number, number>();
  for (const s of data) for (const k of s.feats) counts.set(k, (counts.get(k) ?? 0) + 1);
  return new Set([...counts].filter(([, c]) => c >= minCount).map(([k]) => k));
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

requireData(root, ['ner-msra/dev.bio']);
const raws = readBio(join(benchDir(root), 'ner-msra', 'dev.bio'));
const data = raws.map(featurize);
if (folds > 1) {
  const scores: number[] = [];
  for (let k = 0; k < foldsRun; k++) {
    const held = data.filter((_, i) => i % folds === k);
    const train = data.filter((_, i) => i % folds !== k);
    const m = new Perceptron(frequentKeys(train));
    m.train(train);
    const s = f1(m, held);
    scores.push(s.f);
    console.log(`fold ${k + 1}: P ${s.p.toFixed(3)} R ${s.r.toFixed(3)} F1 ${s.f.toFixed(3)} (${s.byLabel})`);
  }
  console.log(`mean F1 ${(scores.reduce((a, b) => a + b, 0) / scores.length).toFixed(3)}`);
} else {
  const train = data.filter((_, i) => holdout === 0 || i % 5 !== holdout - 1);
  if (holdout > 0) writeFileSync(join(outDir, 'heldout.txt'), data.filter((_, i) => i % 5 === holdout - 1).map(s => [...s.text].map((ch, i) => `${ch} ${TAGS[s.gold[i]]}`).join('\n')).join('\n\n') + '\n');
  const m = new Perceptron(frequentKeys(train));
  m.train(train);
  const buf = gzipSync(serializeModel(m.export()), { level: 9 });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, MODEL_FILE), buf);
  writeFileSync(join(outDir, STATS_FILE), gzipSync(Buffer.from(stats.buffer), { level: 9 }));
  console.log(`wrote ${join(outDir, MODEL_FILE)}: ${m.export().keys.length} features, ${buf.length} bytes`);
}
