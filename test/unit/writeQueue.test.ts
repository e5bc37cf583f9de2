import * as assert from 'assert';
import { mkdtempSync, readFileSync, readdirSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { WriteQueue } from '../../src/node/writeQueue';

/** A writer under the test's control: records every call and finishes each when told to. */
class FakeDisk {
  readonly calls: Array<{ path: string; content: string; finish(error?: Error): void }> = [];
  readonly files = new Map<string, string>();
  inFlight = 0;
  maxInFlightPerPath = 0;
  private perPath = new Map<string, number>();

  write = (path: string, content: string) => new Promise<void>((resolve, reject) => {
    const n = (this.perPath.get(path) ?? 0) + 1;
    this.perPath.set(path, n);
    this.maxInFlightPerPath = Math.max(this.maxInFlightPerPath, n);
    this.calls.push({
      path, content,
      finish: (error?: Error) => {
        this.perPath.set(path, this.perPath.get(path)! - 1);
        if (error) reject(error);
        else { this.files.set(path, content); resolve(); }
      },
    });
  });

  /** Finishes calls in order until none is pending, letting the queue start the next one in between. */
  async finishAll(error?: (content: string) => Error | undefined): Promise<void> {
    for (let i = 0; ; i++) {
      await tick();
      if (i >= this.calls.length) return;
      this.calls[i].finish(error?.(this.calls[i].content));
    }
  }
}

const tick = () => new Promise(r => setImmediate(r));
const settled = (p: Promise<void>) => p.then(() => 'ok', (e: Error) => e.message);

describe('WriteQueue', () => {
  it('coalesces a synchronous burst into one write of the last content', async () => {
    const disk = new FakeDisk();
    const q = new WriteQueue(disk.write);
    const writes = Array.from({ length: 100 }, (_, i) => q.write('/a.json', `v${i}`));
    await disk.finishAll();
    assert.deepStrictEqual(await Promise.all(writes.map(settled)), writes.map(() => 'ok'));
    assert.deepStrictEqual(disk.calls.map(c => c.content), ['v99']);
  });

  it('never runs two writes of one path at once; a later write waits and the last content wins', async () => {
    const disk = new FakeDisk();
    const q = new WriteQueue(disk.write);
    const first = q.write('/a.json', 'one');
    await tick();
    const later = ['two', 'three', 'four'].map(c => q.write('/a.json', c));
    await tick();
    assert.strictEqual(disk.calls.length, 1, 'the second write waits for the first');
    await disk.finishAll();
    await Promise.all([first, ...later]);
    assert.deepStrictEqual(disk.calls.map(c => c.content), ['one', 'four']);
    assert.strictEqual(disk.maxInFlightPerPath, 1);
    assert.strictEqual(disk.files.get('/a.json'), 'four');
  });

  it('writes different paths concurrently', async () => {
    const disk = new FakeDisk();
    const q = new WriteQueue(disk.write);
    const ab = [q.write('/a.json', 'a'), q.write('/b.json', 'b')];
    await tick();
    assert.deepStrictEqual(disk.calls.map(c => c.path).sort(), ['/a.json', '/b.json']);
    await disk.finishAll();
    await Promise.all(ab);
  });

  it('treats two spellings of one path as the same file', async () => {
    const disk = new FakeDisk();
    const q = new WriteQueue(disk.write);
    const both = [q.write('/x/../a.json', '1'), q.write('/a.json', '2')];
    await disk.finishAll();
    await Promise.all(both);
    assert.deepStrictEqual(disk.calls.map(c => [c.path, c.content]), [['/a.json', '2']]);
  });

  it('rejects the writes a failed write carried, and carries on with the next one', async () => {
    const disk = new FakeDisk();
    const q = new WriteQueue(disk.write);
    const failing = settled(q.write('/a.json', 'bad'));
    await tick();
    const next = settled(q.write('/a.json', 'good'));
    await disk.finishAll(c => (c === 'bad' ? new Error('EACCES: read-only folder') : undefined));
    assert.deepStrictEqual([await failing, await next], ['EACCES: read-only folder', 'ok']);
    assert.strictEqual(disk.files.get('/a.json'), 'good');
  });

  it('flush waits for queued and running writes, of one path or of all, and never rejects', async () => {
    const disk = new FakeDisk();
    const q = new WriteQueue(disk.write);
    const a = settled(q.write('/a.json', 'a1'));
    const b = settled(q.write('/b.json', 'b1'));
    let flushedA = false;
    let flushedAll = false;
    const fa = q.flush('/a.json').then(() => { flushedA = true; });
    const fall = q.flush().then(() => { flushedAll = true; });
    await tick();
    disk.calls.find(c => c.path === '/a.json')!.finish(new Error('disk full'));
    await fa;
    assert.deepStrictEqual([flushedA, flushedAll], [true, false]);
    disk.calls.find(c => c.path === '/b.json')!.finish();
    await fall;
    assert.deepStrictEqual([await a, await b], ['disk full', 'ok']);
    await q.flush(); // idle: resolves at once
  });

  it('keeps the last content on disk through a burst of 1000 real atomic writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'biaozhu-queue-'));
    const target = join(dir, 'page.txt.biaozhu.json');
    const q = new WriteQueue();
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 1000; i++) {
      writes.push(q.write(target, JSON.stringify({ generation: i })));
      if (i % 100 === 0) await tick(); // bursts separated by moments of idleness
    }
    await Promise.all(writes);
    await q.flush();
    assert.deepStrictEqual(JSON.parse(readFileSync(target, 'utf8')), { generation: 999 });
    assert.deepStrictEqual(readdirSync(dir), ['page.txt.biaozhu.json']);
  });
});
