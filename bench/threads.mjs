// `node bench/threads.mjs`: does this machine run two worker threads as fast as one? The same work per
// thread (an arithmetic loop; random reads over a 16 MB Int16Array, the size of the tagger's weight table;
// short-lived objects and strings, as an analysis makes per word; raw nodejieba.tag over the NER test
// text, which needs the bench data), at 1 and 2 threads, three rounds each, for the noise. Equal times
// mean two threads give 2× the throughput; what `analyze --jobs 2` gets is read against them (docs/scale.md).
// Prints; writes nothing.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const nerTest = join(process.env.BIAOZHU_BENCH_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'bench'), 'ner-msra', 'test.bio');

const TABLE = 8 << 20; // 8 M int16 = 16 MB

function arithmetic(n) {
  let x = 0;
  for (let i = 0; i < n; i++) x = (x * 1103515245 + 12345) | 0;
  return x;
}

function randomReads(n) {
  const t = new Int16Array(TABLE);
  for (let i = 0; i < t.length; i++) t[i] = i;
  let h = 1, s = 0;
  for (let i = 0; i < n; i++) {
    h = (h * 1103515245 + 12345) | 0;
    s += t[(h >>> 8) & (TABLE - 1)];
  }
  return s;
}

/** Per step a token-like object with a sliced string, kept for a while in a ring, as tokens live for a chunk. */
function allocation(n) {
  const text = '据新华社北京电，国务院新闻办公室今天举行发布会，介绍有关情况。'.repeat(50);
  const ring = new Array(4096);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const start = i % (text.length - 20);
    ring[i & 4095] = { start, end: start + 4, word: text.slice(start, start + 4) + (i & 7), tag: 'n' };
    kept += ring[(i * 7) & 4095]?.end ?? 0;
  }
  return kept;
}

/** nodejieba.tag, n times over the NER test text (one character per line of the BIO file), loaded untimed. */
function jiebaTag(n, { jieba, text }) {
  let words = 0;
  for (let i = 0; i < n; i++) words += jieba.tag(text).length;
  return words;
}

function loadJieba() {
  const jieba = require('nodejieba');
  jieba.load();
  return { jieba, text: readFileSync(nerTest, 'utf8').split('\n').map(l => l.split(/\s/)[0] || '\n').join('') };
}

const KINDS = { arithmetic, randomReads, allocation, jiebaTag };
const PREPARE = { jiebaTag: loadJieba };

if (!isMainThread) {
  const ready = PREPARE[workerData.kind]?.();
  const started = Date.now();
  KINDS[workerData.kind](workerData.n, ready);
  parentPort.postMessage(Date.now() - started);
} else {
  const self = fileURLToPath(import.meta.url);
  if (!existsSync(nerTest)) {
    console.error(`bench/threads.mjs: ${nerTest} not found: put the team's bench data in ../shared/bench beside the repository, or set BIAOZHU_BENCH_DIR to the folder holding ner-msra/`);
    process.exit(1);
  }
  const kinds = [['arithmetic', 1e9], ['randomReads', 3e8], ['allocation', 1e8], ['jiebaTag', 20]];
  for (const [kind, n] of kinds) {
    for (let round = 1; round <= 3; round++) {
      const wall = {};
      for (const threads of [1, 2]) {
        // The time each thread spends on its own work (loading excluded): the slowest of the threads.
        const times = await Promise.all(Array.from({ length: threads }, () => new Promise((resolve, reject) =>
          new Worker(self, { workerData: { kind, n } }).on('message', resolve).on('error', reject))));
        wall[threads] = Math.max(...times);
      }
      console.log(`${kind}, round ${round}: 1 thread ${wall[1]} ms, 2 threads ${wall[2]} ms (same work each) → ${(2 * wall[1] / wall[2]).toFixed(2)}× throughput`);
    }
  }
}
