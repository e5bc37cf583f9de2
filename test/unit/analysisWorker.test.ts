import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { Worker } from 'worker_threads';
import { analyze } from '../../src/core/analyze';
import { AnalysisStopped } from '../../src/core/stop';
import type { AnalysisReply } from '../../src/node/analysisWorker';
import { repoRoot } from '../helpers/schema';

const seedDir = join(repoRoot, 'seeds');
const seed = readFileSync(join(seedDir, readdirSync(seedDir).filter(f => f.endsWith('.txt'))[0]), 'utf8');

describe('cooperative cancellation of an analysis (the host never terminates a thread inside nodejieba)', () => {
  it('analyze stops between entity chunks when its check says so, and finishes when it never does', () => {
    const page = seed.repeat(4);
    let asked = 0;
    assert.throws(() => analyze(page, {}, () => ++asked > 3), AnalysisStopped);
    assert.strictEqual(asked, 4, 'stopped at the first check that said yes');
    let checks = 0;
    const full = analyze(page, {}, () => { checks++; return false; });
    assert.ok(checks > 4, `asked between chunks (${checks} checks)`);
    assert.deepStrictEqual(full, analyze(page), 'a check that never fires changes nothing');
  });

  it('the worker answers a cancelled request with `cancelled` and then serves the next request', async function () {
    this.timeout(120_000);
    const cell = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(join(repoRoot, 'dist', 'worker.js'), { workerData: { cancel: cell.buffer } });
    const replies: AnalysisReply[] = [];
    const waitFor = (id: number) => new Promise<AnalysisReply>((resolve, reject) => {
      worker.on('error', reject);
      worker.on('message', (r: AnalysisReply) => {
        replies.push(r);
        if ('id' in r && r.id === id && r.type !== 'started') resolve(r);
      });
    });
    try {
      // Cancelled before the worker reaches its first check: it must stop, not finish.
      const big = seed.repeat(200);
      Atomics.store(cell, 0, 1);
      const first = waitFor(1);
      worker.postMessage({ id: 1, text: big, options: {} });
      assert.strictEqual((await first).type, 'cancelled');
      const second = waitFor(2);
      worker.postMessage({ id: 2, text: seed, options: {} });
      const done = await second;
      assert.strictEqual(done.type, 'done', `the worker lives on after a cancellation: ${JSON.stringify(done).slice(0, 200)}`);
      if (done.type === 'done') assert.ok(done.analysis.annotations.count > 0);
      const exit = new Promise<number>(resolve => worker.once('exit', resolve));
      worker.postMessage({ type: 'exit' });
      assert.strictEqual(await exit, 0, 'an exit request ends the worker cleanly, between requests');
    } finally {
      await worker.terminate();
    }
  });
});
