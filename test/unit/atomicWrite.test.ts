import * as assert from 'assert';
import { spawn } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { removeStaleTemps, writeFileAtomic, writeFileAtomicAsync } from '../../src/node/atomicWrite';
import { sameBytes } from '../../src/node/byteParts';
import { toDocument } from '../../src/core/document';
import { parseDocument, serializeDocument } from '../../src/core/documentJson';
import type { Annotation, AnnotationDocument } from '../../src/core/types';

/** Override with BIAOZHU_KILLS for a longer soak. */
const KILLS = Number(process.env.BIAOZHU_KILLS) || 200;
const CONTROL_KILLS = 20;
const LANES = 2;
const writerScript = join(__dirname, '..', 'fixtures', 'reliability', 'sidecarWriter.js');

/** Generation `v` of a ~0.6 MB sidecar; every item carries `v`, so a file mixing generations is detectable. */
function sidecar(v: number): string {
  const text = '生成名字'.repeat(5000);
  const annotations: Annotation[] = Array.from({ length: 5000 }, (_, i) => ({
    id: `g${v}-${i}`, start: i * 4, end: i * 4 + 4, text: '生成名字', label: 'PER', source: 'auto', status: 'suggested',
  }));
  return serializeDocument(toDocument(`page-${v}.txt`, text, { articles: [], columnBreaks: [], annotations }) as AnnotationDocument & Record<string, unknown>);
}

const GENERATIONS = 4;
let generations: string[] = [];

interface Outcome { torn: boolean; later: boolean; interrupted: boolean }

/**
 * Starts a writer at generation `first`, lets it write for a random 0–20 ms after that first complete
 * file, SIGKILLs it, and inspects the target; then removes the temporary the kill left, if any.
 */
function killOnce(target: string, mode: 'atomic' | 'plain', first: number, files: string[]): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writerScript, target, mode, String(first), ...files], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), Math.random() * 20));
    child.on('error', reject);
    child.on('exit', () => {
      const content = readFileSync(target, 'utf8');
      const parsed = parseDocument(content);
      const v = parsed.ok ? Number(/^page-(\d+)\.txt$/.exec(parsed.doc.document.path)?.[1]) : NaN;
      const torn = !parsed.ok || content !== generations[v];
      resolve({ torn, later: !torn && v !== first % GENERATIONS, interrupted: removeStaleTemps(target).length > 0 });
    });
  });
}

async function killMany(dir: string, mode: 'atomic' | 'plain', kills: number): Promise<Outcome[]> {
  if (generations.length === 0) generations = Array.from({ length: GENERATIONS }, (_, v) => sidecar(v));
  const files = generations.map((g, v) => { const f = join(dir, `generation-${v}.json`); writeFileSync(f, g); return f; });
  const outcomes: Outcome[] = [];
  await Promise.all(Array.from({ length: LANES }, async (_, lane) => {
    const target = join(dir, `lane${lane}.txt.biaozhu.json`);
    for (let k = lane; k < kills; k += LANES) outcomes.push(await killOnce(target, mode, k, files));
  }));
  return outcomes;
}

describe('atomic writes', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'biaozhu-atomic-'));
  const writers: Array<[string, (p: string, d: string) => unknown]> = [['writeFileAtomic', writeFileAtomic], ['writeFileAtomicAsync', writeFileAtomicAsync]];

  for (const [name, write] of writers) {
    it(`${name} creates missing folders, replaces the file and leaves no temporary behind`, async () => {
      const target = join(tmp, name, 'deep', 'page.txt.biaozhu.json');
      await write(target, 'old');
      await write(target, '新内容');
      assert.strictEqual(readFileSync(target, 'utf8'), '新内容');
      assert.deepStrictEqual(readdirSync(join(target, '..')), ['page.txt.biaozhu.json']);
    });

    it(`${name} fails without touching anything when the target cannot be replaced`, async () => {
      const target = join(tmp, `${name}-dir-target`);
      mkdirSync(join(target, 'inside'), { recursive: true });
      await assert.rejects(async () => write(target, 'x'), { message: `cannot write ${target}: is a folder`, code: 'EISDIR' });
      assert.deepStrictEqual(readdirSync(tmp).filter(n => n.includes(`${name}-dir-target`)), [`${name}-dir-target`]);
      assert.ok(existsSync(join(target, 'inside')));
    });
  }

  it('writeFileAtomicAsync writes a list of slices as the bytes they hold together (a huge sidecar is never joined)', async () => {
    const target = join(tmp, 'parts', 'big.txt.biaozhu.json');
    const text = '{"a": "新闻", "b": [' + '1,'.repeat(100_000) + '2]}\n';
    const whole = Buffer.from(text, 'utf8');
    // Cut inside multi-byte characters too, with an empty slice: the file is the bytes, not the cuts.
    const cuts = [0, 7, 8, 8, 9001, whole.length - 3, whole.length];
    const parts = cuts.slice(1).map((end, i) => whole.subarray(cuts[i], end));
    await writeFileAtomicAsync(target, parts);
    assert.ok(readFileSync(target).equals(whole));
    assert.deepStrictEqual(readdirSync(join(target, '..')), ['big.txt.biaozhu.json']);
  });

  it('sameBytes compares slices however each side is cut, and tells a one-byte difference or a length apart', () => {
    const bytes = Buffer.from('标注 annotation 标注', 'utf8');
    const cutAt = (b: Buffer, ...at: number[]) => [0, ...at, b.length].slice(1).map((end, i, a) => b.subarray(i === 0 ? 0 : a[i - 1], end));
    assert.ok(sameBytes([bytes], cutAt(bytes, 1, 4, 4, 12)));
    assert.ok(sameBytes(cutAt(bytes, 5), cutAt(bytes, 2, 9, 20)));
    assert.ok(sameBytes([], [Buffer.alloc(0)]));
    const other = Buffer.from(bytes);
    other[bytes.length - 1] ^= 1;
    assert.ok(!sameBytes(cutAt(bytes, 3), cutAt(other, 11)));
    assert.ok(!sameBytes([bytes], [bytes.subarray(0, bytes.length - 1)]));
  });

  it('removeStaleTemps deletes temporaries of dead writers only', () => {
    const dir = join(tmp, 'stale');
    mkdirSync(dir);
    const target = join(dir, 'p.json');
    const dead = `.p.json.999999999.a1.tmp`; // no process has this pid
    const mine = `.p.json.${process.pid}.b2.tmp`;
    for (const n of [dead, mine, 'p.json', '.other.json.999999999.a1.tmp']) writeFileSync(join(dir, n), '{');
    assert.deepStrictEqual(removeStaleTemps(target), [dead]);
    assert.deepStrictEqual(readdirSync(dir).sort(), ['.other.json.999999999.a1.tmp', mine, 'p.json'].sort());
  });

  it(`leaves the complete old or new sidecar when the writer is SIGKILLed at random moments (${KILLS} kills)`, async function () {
    this.timeout(600_000); // ~15 s on an idle two-core machine; much more when the machine is shared
    const dir = join(tmp, 'kills');
    mkdirSync(dir);
    const outcomes = await killMany(dir, 'atomic', KILLS);
    assert.strictEqual(outcomes.length, KILLS);
    assert.deepStrictEqual(outcomes.filter(o => o.torn), [], 'no torn sidecar');
    const interrupted = outcomes.filter(o => o.interrupted).length;
    const laterGenerations = outcomes.filter(o => o.later).length;
    // The kills must land both mid-write (a temporary left behind) and after further complete writes.
    assert.ok(interrupted > 0, 'some kills interrupted a write');
    assert.ok(laterGenerations > 0, 'some kills came after later generations were written');
    console.log(`      ${KILLS} kills: ${interrupted} interrupted a write, ${laterGenerations} found a later generation, 0 torn`);
    assert.deepStrictEqual(readdirSync(dir).filter(n => n.endsWith('.tmp')), [], 'removeStaleTemps cleaned what the kills left');
  });

  it(`the same kills tear a file written in place, so the check above can see tearing (${CONTROL_KILLS} kills)`, async function () {
    this.timeout(60_000);
    const dir = join(tmp, 'control');
    mkdirSync(dir);
    const torn = (await killMany(dir, 'plain', CONTROL_KILLS)).filter(o => o.torn).length;
    console.log(`      control: ${torn} of ${CONTROL_KILLS} in-place writes torn`);
    assert.ok(torn > 0);
  });
});
