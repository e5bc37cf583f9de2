/**
 * `npm run bench:scale`: the command line on a generated corpus of newspaper pages (default 10,000; sizes
 * drawn log-normally between 2 K and 20 K characters like real pages, median 5 K; text from the NER bench's
 * People's Daily training text, or the seed pages when that is missing), written under bench/out/ (ignored).
 * Measures `analyze DIR -o OUT --jobs 1` and `--jobs 2` (pages/s, characters/s, peak RSS, the speed-up),
 * peak RSS on a tenth of the corpus (it must not grow with the number of pages), a resumed run that finds
 * everything done, and `search` on a 20 MB page with its annotations (the corpus's pages end to end, their
 * outputs shifted into one sidecar). Writes bench/results/scale.json.
 * Options: --pages N (a smaller corpus for a quick look; the figures file is then left alone).
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { cpus, loadavg } from 'os';
import { join } from 'path';
import { autoId } from '../src/core/autoId';
import { toDocument } from '../src/core/document';
import type { Annotation, AnnotationDocument } from '../src/core/types';
import { benchDir } from './data';
import { readBio } from './entities';
import { BenchSection, formatTable } from './section';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const work = join(root, 'bench', 'out', 'scale');
const pagesArg = process.argv.indexOf('--pages');
const PAGES = pagesArg > 0 ? Number(process.argv[pagesArg + 1]) : 10_000;
const official = PAGES >= 10_000;

function fail(message: string): never {
  console.error(`bench:scale: ${message}`);
  process.exit(1);
}

/** Sentences to build pages from: the NER training text (People's Daily), else the seed pages. */
function sentences(): { from: string; list: string[] } {
  const bio = join(benchDir(root), 'ner-msra', 'train.bio');
  if (existsSync(bio)) return { from: 'ner-msra/train.bio', list: readBio(bio).text.split('\n').filter(s => s.length > 4) };
  const seeds = join(root, 'seeds');
  const texts = existsSync(seeds) ? readdirSync(seeds).filter(f => f.endsWith('.txt')).map(f => readFileSync(join(seeds, f), 'utf8')) : [];
  const list = texts.join('\n').split(/\n|(?<=。)/).filter(s => s.trim().length > 4);
  if (list.length < 20) fail(`no text to build pages from: neither ${bio} (set BIAOZHU_BENCH_DIR) nor seed pages in ${seeds}`);
  return { from: 'seeds/', list };
}

/** A seeded generator, so every run builds the same corpus. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Log-normal page length (median 5,000, as the seed page), kept within 2–20 K characters. */
function pageLength(rand: () => number): number {
  const normal = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  return Math.min(20_000, Math.max(2_000, Math.round(5_000 * Math.exp(0.55 * normal))));
}

/** Pages in dated folders (`YYYY/MM/DD/page-N.txt`): the layout of a newspaper archive. */
function buildCorpus(dir: string, count: number, list: readonly string[]): number {
  const rand = mulberry32(15);
  let at = 0, chars = 0;
  for (let i = 0; i < count; i++) {
    // Ten years of equal size (so one year is a tenth of the corpus), eight pages a day.
    const year = Math.floor((i * 10) / count), day = Math.floor((i - Math.ceil((year * count) / 10)) / 8);
    const folder = join(dir, String(2000 + year), String(1 + Math.floor(day / 30) % 12).padStart(2, '0'), String(1 + day % 30).padStart(2, '0'));
    const target = pageLength(rand);
    const parts: string[] = [list[at % list.length].slice(0, 24), ''];
    let length = 0, paragraph: string[] = [];
    while (length < target) {
      const s = list[at++ % list.length];
      paragraph.push(s);
      length += s.length;
      if (paragraph.length >= 3 + Math.floor(rand() * 4)) { parts.push(paragraph.join('')); paragraph = []; }
    }
    if (paragraph.length) parts.push(paragraph.join(''));
    const text = parts.join('\n') + '\n';
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `page-${i}.txt`), text);
    chars += text.length;
  }
  return chars;
}

interface Run { pages: number; chars: number; seconds: number; pagesPerSec: number; charsPerSec: number; peakRssMb: number; kept: number }

/** Runs the command line niced (other work shares this machine) and reads its closing summary. */
function analyze(input: string, out: string, jobs: number, force = true): Run {
  const args = ['-n', '10', process.execPath, cli, 'analyze', input, '-o', out, '--jobs', String(jobs), '--quiet', ...(force ? ['--force'] : [])];
  const started = process.hrtime.bigint();
  const r = spawnSync('nice', args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) fail(`analyze --jobs ${jobs} failed (exit ${r.status}):\n${r.stderr}`);
  const m = /(\d+) pages: (\d+) analysed, (\d+) unchanged[^\n]*\n\s+(\d+) characters[\s\S]*?peak memory (\d+) MB/.exec(r.stderr);
  if (!m) fail(`unexpected summary:\n${r.stderr}`);
  const [pages, , kept, chars, rss] = m.slice(1).map(Number);
  return { pages, chars, seconds, pagesPerSec: pages / seconds, charsPerSec: chars / seconds, peakRssMb: rss, kept };
}

/** The `.json` files under `dir`, outside hidden folders. */
function* walkJson(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walkJson(p);
    else if (e.name.endsWith('.json')) yield p;
  }
}

function timedCli(args: string[]): { seconds: number; stdout: string; stderr: string } {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) fail(`biaozhu ${args.join(' ')} failed (exit ${r.status}):\n${r.stderr}`);
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, stdout: r.stdout, stderr: r.stderr };
}

if (!existsSync(cli)) fail(`${cli} is missing: run npm run build`);
const { from, list } = sentences();
rmSync(work, { recursive: true, force: true });
const corpus = join(work, 'corpus');
const corpusChars = buildCorpus(corpus, PAGES, list);
console.log(`corpus: ${PAGES} pages, ${corpusChars} characters from ${from}, in ${corpus}`);
const load = loadavg()[0];

const one = analyze(corpus, join(work, 'out-1'), 1);
const two = analyze(corpus, join(work, 'out-2'), 2);
const resumed = analyze(corpus, join(work, 'out-2'), 2, false);
const tenth = analyze(join(corpus, '2000'), join(work, 'out-tenth'), 2);
const speedup = two.charsPerSec / one.charsPerSec;

const rows = ([['--jobs 1', one], ['--jobs 2', two], ['--jobs 2, resumed (all kept)', resumed], [`--jobs 2, ${tenth.pages} pages`, tenth]] as const)
  .map(([name, r]) => [name, r.pages, r.chars, r.seconds, r.pagesPerSec, Math.round(r.charsPerSec), r.peakRssMb]);
const throughput: BenchSection = {
  title: `analyze DIR -o OUT (target: --jobs 2 ≥ 1.7× --jobs 1; measured ${speedup.toFixed(2)}×)`,
  headers: ['run', 'pages', 'chars', 'wall s', 'pages/s', 'chars/s', 'peak RSS MB'],
  rows,
  data: { one, two, resumed, tenth, speedup },
};
console.log('\n' + formatTable(throughput));

// search on a 20 MB page with its annotations (the part that was quadratic). The page is the corpus's pages
// laid end to end, and its sidecar their analysed outputs shifted to match: real annotations of exactly that
// text, without re-analysing 20 MB here (analysis throughput is measured above).
const big = join(work, 'big');
mkdirSync(big, { recursive: true });
const bigPage = join(big, 'page.txt');
const built = Date.now();
const outputs = join(work, 'out-2');
const parts: string[] = [];
const annotations: Annotation[] = [];
let length = 0, bytes = 0;
for (let round = 0; bytes < 20 * 2 ** 20; round++) {
  for (const f of walkJson(outputs)) {
    const doc = JSON.parse(readFileSync(f, 'utf8')) as AnnotationDocument;
    const page = readFileSync(doc.document.path, 'utf8');
    for (const a of doc.annotations) annotations.push({ ...a, id: autoId(a.label, a.start + length, a.end + length), start: a.start + length, end: a.end + length });
    parts.push(page);
    length += page.length;
    bytes += Buffer.byteLength(page);
    if (bytes >= 20 * 2 ** 20) break;
  }
  if (round > 10_000) fail('no outputs to build the 20 MB page from');
}
const text = parts.join('');
writeFileSync(bigPage, text);
writeFileSync(bigPage + '.biaozhu.json', JSON.stringify(toDocument(bigPage, text, { articles: [], columnBreaks: [], annotations })) + '\n');
const buildSeconds = (Date.now() - built) / 1000;
const searched = timedCli(['search', 'LOC 北京', big]);
const hits = Number(/^(\d+) match/m.exec(searched.stderr)?.[1] ?? 0);
const search: BenchSection = {
  title: 'search on a 20 MB page with its annotations (target: a few seconds)',
  headers: ['what', 'MB', 'chars', 'annotations', 'matches', 'seconds'],
  rows: [["search 'LOC 北京' DIR", bytes / 2 ** 20, text.length, annotations.length, hits, searched.seconds]],
  data: { bytes, chars: text.length, annotations: annotations.length, buildSeconds, searchSeconds: searched.seconds, hits },
};
console.log('\n' + formatTable(search));

const machine = { cores: cpus().length, loadAverageAtStart: load, loadAverageAtEnd: loadavg()[0] };
console.log(`\nmachine: ${machine.cores} cores, load average ${load.toFixed(1)} at start, ${machine.loadAverageAtEnd.toFixed(1)} at end (runs niced)`);
if (official) {
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', 'scale.json'), JSON.stringify(
    { date: new Date().toISOString(), node: process.version, machine, corpus: { pages: PAGES, chars: corpusChars, from }, sections: [throughput, search] }, null, 2) + '\n');
  console.log('written bench/results/scale.json');
} else console.log(`--pages ${PAGES}: a quick look; bench/results/scale.json left alone`);
