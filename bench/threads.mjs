// `node bench/threads.mjs`: does this machine run two worker threads as fast as one? The same work per
// thread (an arithmetic loop; random reads over a 16 MB Int16Array, the size of the tagger's weight table),
// at 1 and 2 threads. Equal wall times mean two threads give 2× the throughput, so a shortfall of
// `analyze --jobs 2` (docs/scale.md) is not the cores or the cache as such. Prints; writes nothing.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';

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

if (!isMainThread) {
  const started = Date.now();
  (workerData.kind === 'arithmetic' ? arithmetic : randomReads)(workerData.n);
  parentPort.postMessage(Date.now() - started);
} else {
  const self = fileURLToPath(import.meta.url);
  for (const [kind, n] of [['arithmetic', 3e9], ['randomReads', 3e8]]) {
    const wall = {};
    for (const threads of [1, 2]) {
      const started = Date.now();
      await Promise.all(Array.from({ length: threads }, () => new Promise((resolve, reject) =>
        new Worker(self, { workerData: { kind, n } }).on('message', resolve).on('error', reject))));
      wall[threads] = Date.now() - started;
    }
    console.log(`${kind}: 1 thread ${wall[1]} ms, 2 threads ${wall[2]} ms (same work each) → ${(2 * wall[1] / wall[2]).toFixed(2)}× throughput`);
  }
}
