/**
 * `biaozhu analyze` at corpus scale, run as a user would (dist/cli.js in a child process): recursion and
 * mirrored output names, the one `-o` rule, resume after a kill, `--jsonl`, `--shard`, failures reported
 * while the rest finish; and the folder misbehaviours of `stats`/`search` fixed with them.
 */
import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, relative } from 'path';
import { contractErrors, repoRoot } from '../helpers/schema';

const cli = join(repoRoot, 'dist', 'cli.js');
const seedDir = join(repoRoot, 'seeds');
const seed = readdirSync(seedDir).filter(f => f.endsWith('.txt')).map(f => readFileSync(join(seedDir, f), 'utf8')).join('\n');
const paragraphs = seed.split(/\n\s*\n/).filter(p => p.trim().length > 20);

function run(args: string[], input?: string) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', input, maxBuffer: 1 << 28 });
}

/** A distinct page made of seed paragraphs, rotated by `i` so no two pages are the same text. */
function pageText(i: number, paras = 3): string {
  const out: string[] = [`第${i}版`];
  for (let k = 0; k < paras; k++) out.push(paragraphs[(i + k) % paragraphs.length]);
  return out.join('\n\n') + '\n';
}

function write(path: string, text: string | Buffer): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

/** Every file under `dir` (hidden ones included), relative, sorted. */
function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

const outputs = (dir: string) => files(dir).filter(f => f !== '.biaozhu-analyze-run.json');
const readJson = (p: string) => JSON.parse(readFileSync(p, 'utf8'));

describe('biaozhu analyze at corpus scale (command line)', function () {
  this.timeout(240_000);
  const tmp = mkdtempSync(join(tmpdir(), 'biaozhu-scale-'));

  it('recurses into folders and mirrors input paths, so two page.txt in different folders both survive', () => {
    const input = join(tmp, 'rec');
    write(join(input, '2019', 'page.txt'), pageText(1));
    write(join(input, '2020', '03', 'page.txt'), pageText(2));
    write(join(input, '.biaozhu', 'lexicon.txt'), '格桑旺久 3 nr PER\n');
    write(join(input, 'page.txt.biaozhu.json'), '{}');
    write(join(input, 'notes.md'), '不是页面');
    const out = join(tmp, 'rec-out');
    const r = run(['analyze', input, '-o', out, '--jobs', '2']);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(outputs(out), ['2019/page.json', '2020/03/page.json']);
    for (const [rel, i] of [['2019/page', 1], ['2020/03/page', 2]] as const) {
      const doc = readJson(join(out, rel + '.json'));
      assert.strictEqual(doc.document.path, join(input, rel + '.txt'));
      assert.deepStrictEqual(contractErrors(doc, pageText(i)), []);
    }
    assert.match(r.stderr, /2 pages: 2 analysed, 0 unchanged \(kept\), 0 failed/);
    assert.match(r.stderr, /annotations: .*LOC \d+/);
  });

  describe('one rule for -o', () => {
    const one = write(join(tmp, 'rule', 'one', 'only.txt'), pageText(3));
    const two = [write(join(tmp, 'rule', 'two', 'a.txt'), pageText(4)), write(join(tmp, 'rule', 'two', 'b.txt'), pageText(5))];

    it('a folder input, even with a single page, writes into a folder created if missing', () => {
      const out = join(tmp, 'rule', 'out-folder');
      const r = run(['analyze', dirname(one), '-o', out, '--jobs', '1']);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.deepStrictEqual(outputs(out), ['only.json']);
    });

    it('several inputs write into a folder, whatever its name', () => {
      const out = join(tmp, 'rule', 'x.json');
      const r = run(['analyze', ...two, '-o', out, '--jobs', '1']);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.ok(statSync(out).isDirectory());
      assert.deepStrictEqual(outputs(out), ['a.json', 'b.json']);
    });

    it('one file input writes a file, exactly the document printed without -o', () => {
      const out = join(tmp, 'rule', 'single.json');
      const r = run(['analyze', one, '-o', out]);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.strictEqual(readFileSync(out, 'utf8'), run(['analyze', one]).stdout);
      assert.strictEqual(readJson(out).document.path, one);
    });

    it('an output folder that is a file already: a clear error, exit 1', () => {
      const file = write(join(tmp, 'rule', 'taken.json'), '{}');
      const r = run(['analyze', ...two, '-o', file, '--jobs', '1']);
      assert.strictEqual(r.status, 1);
      assert.match(r.stderr, /-o .*taken\.json: not usable as the output folder/);
      assert.doesNotMatch(r.stderr, /\bat \S+ \(/); // no stack trace
      assert.strictEqual(readFileSync(file, 'utf8'), '{}');
    });

    it('one file input with -o ending in / or naming an existing folder writes into that folder', () => {
      const slash = join(tmp, 'rule', 'slash') + '/';
      assert.strictEqual(run(['analyze', one, '-o', slash, '--jobs', '1']).status, 0);
      assert.deepStrictEqual(outputs(slash), ['only.json']);
      const existing = join(tmp, 'rule', 'existing');
      mkdirSync(existing);
      assert.strictEqual(run(['analyze', one, '-o', existing, '--jobs', '1']).status, 0);
      assert.deepStrictEqual(outputs(existing), ['only.json']);
    });
  });

  it('reports bad pages with their reasons while every other page finishes, then exits 1', () => {
    const input = join(tmp, 'bad');
    for (let i = 0; i < 6; i++) write(join(input, `p${i}.txt`), pageText(10 + i));
    write(join(input, 'binary.txt'), Buffer.from([0x41, 0, 0x42]));
    write(join(input, 'latin1.txt'), Buffer.from([0xe9, 0x41]));
    const out = join(tmp, 'bad-out');
    const r = run(['analyze', input, '-o', out, '--jobs', '2']);
    assert.strictEqual(r.status, 1, r.stderr);
    assert.deepStrictEqual(outputs(out), [0, 1, 2, 3, 4, 5].map(i => `p${i}.json`));
    assert.match(r.stderr, /8 pages: 6 analysed, 0 unchanged \(kept\), 2 failed/);
    assert.match(r.stderr, /failed: .*binary\.txt: looks binary/);
    assert.match(r.stderr, /failed: .*latin1\.txt: is not valid UTF-8/);
  });

  it('resumes after a kill in the middle: no page missing, none written twice, no torn file', async () => {
    const input = join(tmp, 'resume');
    const total = 400;
    for (let i = 0; i < total; i++) write(join(input, `d${i % 7}`, `p${i}.txt`), pageText(i, 4));
    const out = join(tmp, 'resume-out');
    const expected = Array.from({ length: total }, (_, i) => `d${i % 7}/p${i}.json`).sort();

    // Kill the first run once a few pages are written (one line per page on stderr when not a terminal).
    await new Promise<void>(resolve => {
      const child = spawn(process.execPath, [cli, 'analyze', input, '-o', out, '--jobs', '2']);
      let written = 0;
      child.stderr.on('data', (d: Buffer) => {
        written += (d.toString().match(/ -> /g) ?? []).length;
        if (written >= 5) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    const before = outputs(out).filter(f => f.endsWith('.json'));
    assert.ok(before.length >= 5 && before.length < total, `the kill came mid-run (${before.length} of ${total} written)`);
    const stamps = new Map(before.map(f => { const s = statSync(join(out, f)); return [f, `${s.ino}:${s.mtimeMs}`]; }));
    for (const f of before) readJson(join(out, f)); // every file there is whole: parses

    const r = run(['analyze', input, '-o', out, '--jobs', '2']);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(outputs(out), expected); // none missing, no temporary left behind
    for (const [f, stamp] of stamps) {
      const s = statSync(join(out, f));
      assert.strictEqual(`${s.ino}:${s.mtimeMs}`, stamp, `${f} was written again`);
    }
    assert.match(r.stderr, new RegExp(`${total} pages: ${total - before.length} analysed, ${before.length} unchanged \\(kept\\), 0 failed`));
    for (const f of expected) assert.deepStrictEqual(contractErrors(readJson(join(out, f))), []);
  });

  it('re-does a page whose text changed, everything with --force, and everything after an analyser version change', () => {
    const input = join(tmp, 'redo');
    for (let i = 0; i < 3; i++) write(join(input, `p${i}.txt`), pageText(20 + i));
    const out = join(tmp, 'redo-out');
    assert.strictEqual(run(['analyze', input, '-o', out, '--jobs', '1']).status, 0);
    write(join(input, 'p1.txt'), pageText(30));
    let r = run(['analyze', input, '-o', out, '--jobs', '1']);
    assert.match(r.stderr, /3 pages: 1 analysed, 2 unchanged/);
    assert.deepStrictEqual(contractErrors(readJson(join(out, 'p1.json')), pageText(30)), []);
    r = run(['analyze', input, '-o', out, '--jobs', '1', '--force']);
    assert.match(r.stderr, /3 pages: 3 analysed, 0 unchanged/);
    const record = join(out, '.biaozhu-analyze-run.json');
    writeFileSync(record, JSON.stringify({ ...readJson(record), analyzer: 0 }));
    r = run(['analyze', input, '-o', out, '--jobs', '1', '--quiet']);
    assert.match(r.stderr, /3 pages: 3 analysed, 0 unchanged/);
    assert.doesNotMatch(r.stderr, / -> /); // --quiet: no per-page lines
  });

  it('re-does an output a power cut left empty or cut short (batch outputs are not flushed one by one)', () => {
    const input = join(tmp, 'cut');
    for (let i = 0; i < 3; i++) write(join(input, `p${i}.txt`), pageText(40 + i));
    const out = join(tmp, 'cut-out');
    assert.strictEqual(run(['analyze', input, '-o', out, '--jobs', '1']).status, 0);
    writeFileSync(join(out, 'p0.json'), '');
    const whole = readFileSync(join(out, 'p1.json'), 'utf8');
    writeFileSync(join(out, 'p1.json'), whole.slice(0, whole.length >> 1));
    const r = run(['analyze', input, '-o', out, '--jobs', '1']);
    assert.match(r.stderr, /3 pages: 2 analysed, 1 unchanged/);
    assert.strictEqual(readFileSync(join(out, 'p1.json'), 'utf8'), whole);
    assert.deepStrictEqual(contractErrors(readJson(join(out, 'p0.json')), pageText(40)), []);
  });

  it('--jsonl gives, line for line and in order, the documents of a plain run', () => {
    const input = join(tmp, 'jsonl');
    // Sizes vary so that with two workers later pages finish first: the output must still keep input order.
    const pages = [8, 1, 1, 5, 1, 2].map((n, i) => write(join(input, i % 2 ? 'b' : 'a', `page${i}.txt`), pageText(40 + i, n)));
    const out = join(tmp, 'jsonl-out');
    assert.strictEqual(run(['analyze', input, '-o', out, '--jobs', '2']).status, 0);
    const stdin = pages.map(p => JSON.stringify({ path: p, text: readFileSync(p, 'utf8') })).join('\n') + '\n';
    const r = run(['analyze', '--jsonl', '--jobs', '2'], stdin);
    assert.strictEqual(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n').filter(Boolean);
    assert.strictEqual(lines.length, pages.length);
    lines.forEach((line, i) => {
      const plain = readJson(join(out, relative(input, pages[i]).replace(/\.txt$/, '.json')));
      assert.deepStrictEqual(JSON.parse(line), plain);
    });
  });

  it('--jsonl reports a bad line by its number and still writes every good one', () => {
    const stdin = [JSON.stringify({ path: 'a.txt', text: pageText(50, 1) }), 'not json', JSON.stringify({ path: 'b.txt' }), JSON.stringify({ path: 'c.txt', text: pageText(51, 1) })].join('\n');
    const r = run(['analyze', '--jsonl', '--jobs', '1'], stdin);
    assert.strictEqual(r.status, 1);
    assert.match(r.stderr, /stdin line 2: not JSON/);
    assert.match(r.stderr, /stdin line 3: expected an object/);
    assert.deepStrictEqual(r.stdout.split('\n').filter(Boolean).map(l => JSON.parse(l).document.path), ['a.txt', 'c.txt']);
  });

  it('--shard 0/N … N-1/N together give the whole run, each page exactly once', () => {
    const input = join(tmp, 'shard');
    for (let i = 0; i < 12; i++) write(join(input, `s${i % 3}`, `page${i}.txt`), pageText(60 + i, 1));
    const whole = join(tmp, 'shard-whole');
    assert.strictEqual(run(['analyze', input, '-o', whole, '--jobs', '2']).status, 0);
    const seen: string[] = [];
    for (let k = 0; k < 3; k++) {
      const out = join(tmp, `shard-${k}`);
      const r = run(['analyze', input, '-o', out, '--shard', `${k}/3`, '--jobs', '1']);
      assert.strictEqual(r.status, 0, r.stderr);
      for (const f of outputs(out)) {
        seen.push(f);
        assert.deepStrictEqual(readJson(join(out, f)), readJson(join(whole, f)));
      }
    }
    assert.deepStrictEqual(seen.sort(), outputs(whole));
    assert.strictEqual(run(['analyze', input, '-o', whole, '--shard', '3/3']).status, 2);
  });

  describe('stats and search read only pages and annotations', () => {
    const ws = join(tmp, 'ws');
    write(join(ws, 'page.txt'), pageText(70));
    write(join(ws, '.biaozhu', 'lexicon.txt'), '雪域牧业合作社 0 nt ORG\n北京市人民政府 0 nt ORG\n');
    write(join(ws, '.biaozhu-analyze-run.json'), '{"analyzer": 1, "lexicon": null, "since": 0}\n'); // an analyze output folder's record


    it('never counts .biaozhu/lexicon.txt as a page, nor notes the run record of an output folder', () => {
      const s = run(['stats', ws]);
      assert.strictEqual(s.status, 0, s.stderr);
      assert.doesNotMatch(s.stderr, /skipped/);
      assert.doesNotMatch(s.stdout, /lexicon/);
      assert.match(s.stdout, /^1 page:/m);
      const q = run(['search', 'ORG', ws]);
      assert.doesNotMatch(q.stdout + q.stderr, /lexicon/);
      assert.match(q.stderr, /of 1 pages/);
    });

    for (const cmd of [['stats'], ['search', 'LOC']]) {
      it(`${cmd[0]} on a missing folder: the error, exit 1, and no empty summary`, () => {
        const r = run([...cmd, join(tmp, 'no-such-folder')]);
        assert.strictEqual(r.status, 1);
        assert.match(r.stderr, /no-such-folder: no such file/);
        assert.strictEqual(r.stdout, '');
        assert.doesNotMatch(r.stderr, /0 pages|0 matches/);
      });
    }

    it('analyze on a missing folder: the error, exit 1, nothing written', () => {
      const out = join(tmp, 'missing-out');
      const r = run(['analyze', join(tmp, 'no-such-folder'), '-o', out]);
      assert.strictEqual(r.status, 1);
      assert.match(r.stderr, /no-such-folder: no such file or folder/);
      assert.ok(!existsSync(out));
    });
  });
});
