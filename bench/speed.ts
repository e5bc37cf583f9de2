/**
 * `npm run bench:speed`: throughput of the full `analyze()` against raw `nodejieba.tag` on the same text
 * in the same run (the seed page repeated to ~1 M characters, and the NER test text), load times, where
 * the time goes, and scaling from 10 K to 5 M characters. Medians of repeated runs; writes
 * bench/results/speed.json. Run with --expose-gc for clean memory figures.
 */
import { spawnSync } from 'child_process';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { analyze } from '../src/core/analyze';
import { findArticles } from '../src/core/articles';
import { findEntities, warmUp as warmUpEntities } from '../src/core/entities';
import { loadCharStats, loadModel } from '../src/core/entities/model';
import { loadGazetteer } from '../src/core/entities/gazetteer';
import { loadCalibration } from '../src/core/entities/calibration';
import { findNumbers } from '../src/core/numbers';
import { loadTagTable, referenceTag as tag, tokens, warmUp as warmUpJieba } from '../src/core/jieba';
import { TagTable } from '../src/core/tagTable';
import { benchDir, requireData, writeResult } from './data';
import { dataFiles as entityData, readBio } from './entities';
import { BenchSection, formatTable } from './section';

// The child this script starts for the worker's warm-up, measured in a process of its own.
if (process.env.BIAOZHU_BENCH_WARM_UP_ONLY) {
  console.log(JSON.stringify({ ms: warmUpEntities() }));
  process.exit(0);
}

const root = join(__dirname, '..', '..');
requireData(root, entityData);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodejiebaPaths = require('nodejieba') as { DEFAULT_DICT: string; DEFAULT_USER_DICT: string };
const gc = (globalThis as { gc?: () => void }).gc;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Median milliseconds of `runs` calls. */
function time(runs: number, fn: () => unknown): number {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(ms);
}

function repeatTo(text: string, chars: number): string {
  return text.repeat(Math.ceil(chars / text.length)).slice(0, chars);
}

function timed<T>(fn: () => T): [T, number] {
  const t = process.hrtime.bigint();
  const v = fn();
  return [v, Number(process.hrtime.bigint() - t) / 1e6];
}

const seedDir = join(root, 'seeds');
const seed = readdirSync(seedDir).filter(f => f.endsWith('.txt')).map(f => readFileSync(join(seedDir, f), 'utf8')).join('\n');
const nerFile = join(benchDir(root), 'ner-msra', 'test.bio');

// The analysis worker's warm-up as it runs (jieba's dictionaries building on a native thread while the
// model and gazetteer load), in a fresh process; then each part alone, one after the other, in this one.
const child = spawnSync(process.execPath, [__filename], { env: { ...process.env, BIAOZHU_BENCH_WARM_UP_ONLY: '1' }, encoding: 'utf8' });
if (child.status !== 0) throw new Error(`the warm-up child failed:\n${child.stderr}`);
const warmUpMs = (JSON.parse(child.stdout) as { ms: number }).ms;
const [, jiebaMs] = timed(() => warmUpJieba());
const [, modelMs] = timed(() => { loadModel(); loadCharStats(); loadCalibration(); });
const [, gazetteerMs] = timed(() => { loadGazetteer(); });
// The part-of-speech table alone, both ways (in the extension it comes from dist/tagTable.bin).
const dictionaries = [nodejiebaPaths.DEFAULT_DICT, nodejiebaPaths.DEFAULT_USER_DICT];
const tableBuiltMs = time(3, () => TagTable.fromDictionaries(dictionaries.map(d => readFileSync(d, 'utf8'))));
const tableStored = loadTagTable(dictionaries).stored;
const tableReadMs = tableStored ? time(3, () => loadTagTable(dictionaries)) : NaN;
const [, referenceMs] = timed(() => tag('字'));
const loads: BenchSection = {
  title: 'Load (first use, off the activation path)',
  headers: ['what', 'ms'],
  rows: [
    ['the worker\'s whole warm-up (jieba on its native thread meanwhile), fresh process', warmUpMs],
    [`jieba segmenter (native/) + dictionaries + tag table (${tableStored ? 'from dist/tagTable.bin' : 'built'})`, jiebaMs],
    ['entity model + character statistics + calibration', modelMs],
    ['division gazetteer', gazetteerMs],
    ['tag table built from the dictionaries (before issue 16)', tableBuiltMs],
    ['tag table read from dist/tagTable.bin', tableReadMs],
    ['nodejieba\'s own load() (only the reference below uses it)', referenceMs],
  ],
  data: { warmUpMs, jiebaMs, modelMs, gazetteerMs, tableBuiltMs, tableReadMs, referenceMs },
};
console.log(formatTable(loads) + '\n');

// Throughput: full analysis against raw tag on the same text.
const texts: Array<[string, string]> = [['seed ×N ≈ 1 M chars', repeatTo(seed, 1_000_000)]];
texts.push(['ner-msra test text', readBio(nerFile).text]);
const throughputRows: Array<Array<string | number>> = [];
const throughput: Record<string, unknown> = {};
for (const [name, text] of texts) {
  // Each text starts from a collected heap, so the last text's garbage (five analyses of 1 M characters)
  // is not collected during this one's runs.
  gc?.();
  analyze(text.slice(0, 20_000)); // JIT warm-up
  // Alternate the two so load from other processes falls on both alike.
  const tagRuns: number[] = [], fullRuns: number[] = [];
  for (let r = 0; r < 5; r++) {
    tagRuns.push(time(1, () => tag(text)));
    fullRuns.push(time(1, () => analyze(text)));
  }
  const tagMs = median(tagRuns), fullMs = median(fullRuns);
  const rate = (ms: number) => Math.round(text.length / (ms / 1000));
  throughputRows.push([name, text.length, rate(tagMs), rate(fullMs), rate(fullMs) / rate(tagMs)]);
  throughput[name] = { chars: text.length, tagMs, fullMs, tagCharsPerSec: rate(tagMs), fullCharsPerSec: rate(fullMs), ratio: tagMs / fullMs };
}
const throughputSection: BenchSection = {
  title: 'Throughput: full analyze() vs raw nodejieba.tag (target ratio ≥ 0.5)',
  headers: ['text', 'chars', 'tag chars/s', 'analyze chars/s', 'ratio'],
  rows: throughputRows, data: throughput,
};
console.log(formatTable(throughputSection) + '\n');

// Where the time goes, on the 1 M-character seed text.
const big = texts[0][1];
const phases: Array<[string, () => unknown]> = [
  ['nodejieba.tag', () => tag(big)],
  ['jieba words with offsets (cut + POS table)', () => tokens(big)],
  ['findEntities (incl. jieba)', () => findEntities(big)],
  ['findNumbers', () => findNumbers(big)],
  ['findArticles', () => findArticles(big)],
  ['analyze (all)', () => analyze(big)],
];
const phaseRows = phases.map(([name, fn]): [string, number] => [name, time(3, fn)]);
const phaseSection: BenchSection = {
  title: `Where the time goes (${big.length} chars, median ms)`,
  headers: ['phase', 'ms'],
  rows: phaseRows, data: Object.fromEntries(phaseRows),
};
console.log(formatTable(phaseSection) + '\n');

// Scaling: time and memory per page size.
const scaleRows: Array<Array<string | number>> = [];
const scaling: unknown[] = [];
for (const [label, chars, runs] of [['10 K', 10_000, 9], ['100 K', 100_000, 5], ['1 M', 1_000_000, 3], ['5 M', 5_000_000, 1]] as const) {
  const text = repeatTo(seed, chars);
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakRss = 0, peakHeap = 0;
  const ms = time(runs, () => {
    const a = analyze(text);
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed - heapBefore);
    return a;
  });
  const mb = (b: number) => Math.round(b / 1e5) / 10;
  scaleRows.push([label, chars, Math.round(ms), Math.round(chars / (ms / 1000)), mb(peakHeap), mb(peakRss)]);
  scaling.push({ label, chars, ms, charsPerSec: chars / (ms / 1000), heapMB: mb(peakHeap), rssMB: mb(peakRss) });
}
const scaleSection: BenchSection = {
  title: 'Scaling of analyze() (median ms; heap = growth held by the result, RSS = process peak)',
  headers: ['page', 'chars', 'ms', 'chars/s', 'heap MB', 'RSS MB'],
  rows: scaleRows, data: scaling,
};

console.log(formatTable(scaleSection) + '\n');
const sections = [loads, throughputSection, phaseSection, scaleSection];
writeResult(root, 'speed', { date: new Date().toISOString(), node: process.version, gcExposed: Boolean(gc), sections: sections.map(s => ({ title: s.title, headers: s.headers, rows: s.rows, data: s.data })) });
