/** The pure parts of corpus-scale analysis: shards, page discovery and the -o rule, search positions, progress. */
import * as assert from 'assert';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { inShard, parseShard, pathHash } from '../../src/core/corpus/shard';
import { BatchReport } from '../../src/cli/batchReport';
import { findPages, outputFor, outputIsFolder, walkFiles } from '../../src/cli/pages';
import { lineBreaks, where } from '../../src/cli/search';
import { InputError } from '../../src/node/readText';

describe('shards', () => {
  it('parses K/N and refuses what is not one', () => {
    assert.deepStrictEqual(parseShard('2/5'), { index: 2, count: 5 });
    for (const bad of ['5/5', '1/0', '-1/3', 'a/b', '1', '1/2/3']) assert.strictEqual(typeof parseShard(bad), 'string', bad);
  });

  it('puts every path in exactly one of N shards, the same one every time', () => {
    fc.assert(fc.property(fc.string(), fc.integer({ min: 1, max: 64 }), (rel, count) => {
      const owners = Array.from({ length: count }, (_, index) => index).filter(index => inShard(rel, { index, count }));
      assert.strictEqual(owners.length, 1);
      assert.strictEqual(pathHash(rel), pathHash(String(rel)));
    }));
  });

  it('spreads real-looking paths evenly', () => {
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[pathHash(`${2000 + (i % 20)}/${i % 12}/page-${i}.txt`) % 4]++;
    for (const c of counts) assert.ok(c > 800 && c < 1200, String(counts));
  });
});

describe('page discovery and the -o rule', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'biaozhu-pages-'));
  const put = (rel: string) => { mkdirSync(join(tmp, rel, '..'), { recursive: true }); writeFileSync(join(tmp, rel), '一'); return join(tmp, rel); };
  put('c/x/page.txt'); put('c/y/page.txt'); put('c/.biaozhu/lexicon.txt'); put('c/.hidden/h.txt');
  put('c/node_modules/m.txt'); put('c/x/page.txt.biaozhu.json'); put('c/readme.md'); put('d/page.txt');
  put('c/.biaozhu-analyze-run.json'); put('c/x/.page.json.123.abc.tmp'); put('c/.biaozhu/x/page.txt.biaozhu.json');

  it('walks past hidden files and folders; keeps .biaozhu/ only for the corpus tools\' sidecars', () => {
    const rel = (keep: boolean) => [...walkFiles(join(tmp, 'c'), keep)].map(f => f.slice(join(tmp, 'c').length + 1).split('\\').join('/'));
    assert.deepStrictEqual(rel(false), ['readme.md', 'x/page.txt', 'x/page.txt.biaozhu.json', 'y/page.txt']);
    assert.deepStrictEqual(rel(true), ['.biaozhu/lexicon.txt', '.biaozhu/x/page.txt.biaozhu.json', 'readme.md', 'x/page.txt', 'x/page.txt.biaozhu.json', 'y/page.txt']);
  });

  it('walks folders recursively, pages only, relative to the inputs\' common folder', () => {
    assert.deepStrictEqual(findPages([join(tmp, 'c')]).map(p => p.rel), ['x/page.txt', 'y/page.txt']);
    assert.deepStrictEqual(findPages([join(tmp, 'c', 'x'), join(tmp, 'd')]).map(p => p.rel), ['c/x/page.txt', 'd/page.txt']);
    assert.deepStrictEqual(findPages([join(tmp, 'c'), join(tmp, 'c', 'x', 'page.txt')]).length, 2, 'a page named twice counts once');
    assert.strictEqual(outputFor('out', 'x/page.txt'), join('out', 'x', 'page.json'));
  });

  it('a missing input is an error naming it', () => {
    assert.throws(() => findPages([join(tmp, 'nope')]), (e: Error) => e instanceof InputError && /nope: no such file or folder/.test(e.message));
  });

  it('-o is a folder for a folder input or several inputs, else a file unless it ends in / or is a folder', () => {
    const page = join(tmp, 'd', 'page.txt');
    assert.strictEqual(outputIsFolder([join(tmp, 'd')], 'out.json'), true);
    assert.strictEqual(outputIsFolder([page, page], 'out.json'), true);
    assert.strictEqual(outputIsFolder([page], 'out.json'), false);
    assert.strictEqual(outputIsFolder([page], 'out/'), true);
    assert.strictEqual(outputIsFolder([page], join(tmp, 'c')), true);
  });
});

describe('search positions', () => {
  it('line and column by binary search agree with counting the text before each hit', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('a', '\n', '字', '\r')).map(cs => cs.join('')), fc.nat(), (text, n) => {
      const start = text.length ? n % text.length : 0;
      const before = text.slice(0, start);
      const slow = `p:${before.split('\n').length}:${start - before.lastIndexOf('\n')}`;
      assert.strictEqual(where('p', lineBreaks(text), start, start), slow);
    }));
    assert.strictEqual(where('p', undefined, 3, 5), 'p@3-5');
  });
});

describe('batch progress and summary', () => {
  const counts = { chars: 1000, articles: 1, columnBreaks: 0, labels: { LOC: 2, NUMBER: 3 } };

  it('on a terminal: done/total, pages/s and ETA on one rewritten line; the summary adds up', () => {
    let t = 0;
    const out: string[] = [];
    const report = new BatchReport(4, 'tty', s => out.push(s), () => t);
    t = 1000; report.page('a.txt', 'a.json', counts, false);
    t = 2000; report.page('b.txt', 'b.json', counts, true);
    assert.strictEqual(report.progressText(), '2/4 pages, 1.0 pages/s, ETA 0:02');
    t = 3000; report.failed('c.txt', 'c.txt: looks binary');
    assert.ok(out.some(s => s.startsWith('\r\x1b[K1/4 pages')));
    assert.ok(out.every(s => !s.includes(' -> ')));
    const summary = report.summary(50 * 2 ** 20);
    assert.match(summary, /^3 pages: 1 analysed, 1 unchanged \(kept\), 1 failed$/m);
    assert.match(summary, /2000 characters; annotations: LOC 4, NUMBER 6/);
    assert.match(summary, /3\.0 s wall time, 1\.0 pages\/s, 667 characters\/s, peak memory 50 MB/);
    assert.match(summary, /failed: c\.txt: looks binary/);
  });

  it('not on a terminal: one line per page; quiet: none', () => {
    const lines: string[] = [];
    new BatchReport(1, 'lines', s => lines.push(s)).page('a.txt', 'a.json', counts, false);
    assert.deepStrictEqual(lines, ['a.txt: 1 articles, 0 column breaks; LOC 2, NUMBER 3 -> a.json\n']);
    const quiet: string[] = [];
    new BatchReport(1, 'quiet', s => quiet.push(s)).page('a.txt', 'a.json', counts, false);
    assert.deepStrictEqual(quiet, []);
  });
});
