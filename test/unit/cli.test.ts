import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { contractErrors, repoRoot } from '../helpers/schema';

const cli = join(repoRoot, 'dist', 'cli.js');
const seedDir = join(repoRoot, 'seeds');

function run(...args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
}

describe('biaozhu analyze (command line)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'biaozhu-cli-'));

  it('writes a contract-valid document for the seed page and prints a summary', () => {
    const seed = join(seedDir, execFileSync('ls', [seedDir], { encoding: 'utf8' }).split('\n')[0]);
    const out = join(tmp, 'seed.json');
    const r = run('analyze', seed, '-o', out);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stderr, /articles/);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    assert.deepStrictEqual(contractErrors(doc, readFileSync(seed, 'utf8')), []);
    assert.strictEqual(doc.document.path, seed);
  });

  it('keeps CRLF and characters outside the BMP in its offsets', () => {
    const page = join(tmp, 'crlf.txt');
    const text = '𠀀标题\r\n\r\n北京市有3000多人。\r\n';
    writeFileSync(page, text);
    const r = run('analyze', page);
    assert.strictEqual(r.status, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.strictEqual(doc.document.length, text.length);
    assert.deepStrictEqual(contractErrors(doc, text), []);
  });

  it('analyses every page of a folder into an output folder', () => {
    const dir = join(tmp, 'pages');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.txt'), '一');
    writeFileSync(join(dir, 'b.txt'), '二');
    writeFileSync(join(dir, 'skip.md'), '三');
    const r = run('analyze', dir, '-o', join(tmp, 'outdir'));
    assert.strictEqual(r.status, 0, r.stderr);
    for (const n of ['a', 'b']) assert.strictEqual(JSON.parse(readFileSync(join(tmp, 'outdir', `${n}.json`), 'utf8')).document.length, 1);
  });

  it('uses a workspace lexicon: a forced word is tagged, a rejected one is not', () => {
    const page = join(tmp, 'lex.txt');
    writeFileSync(page, '昨天，格桑旺久来到雪域牧业合作社。');
    const lex = join(tmp, 'lexicon.txt');
    writeFileSync(lex, '格桑旺久 3 nr PER\n雪域牧业合作社 0 x !ORG\nthis line is broken\n');
    const r = run('analyze', page, '--lexicon', lex);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stderr, /lexicon\.txt:3:/);
    const anns = JSON.parse(r.stdout).annotations as Array<{ text: string; label: string }>;
    assert.ok(anns.some(a => a.text === '格桑旺久' && a.label === 'PER'), JSON.stringify(anns));
    assert.ok(!anns.some(a => a.text === '雪域牧业合作社' && a.label === 'ORG'), JSON.stringify(anns));
  });

  const failures: Array<[string, () => string[], number, RegExp]> = [
    ['a missing file', () => ['analyze', join(tmp, 'nope.txt')], 1, /no such file/],
    ['a directory with no pages', () => ['analyze', tmp + '/empty-' + (mkdirSync(join(tmp, 'empty-x'), { recursive: true }), 'x')], 2, /no \.txt pages/],
    ['a binary file', () => { const p = join(tmp, 'bin.txt'); writeFileSync(p, Buffer.from([0x41, 0, 0x42])); return ['analyze', p]; }, 1, /binary/],
    ['invalid UTF-8', () => { const p = join(tmp, 'latin1.txt'); writeFileSync(p, Buffer.from([0xe9, 0x41])); return ['analyze', p]; }, 1, /UTF-8/],
    ['an unknown command', () => ['frobnicate'], 2, /unknown command/],
    ['an unknown option', () => ['analyze', '--bogus', 'x'], 2, /unknown option/],
    ['no file', () => ['analyze'], 2, /missing FILE/],
  ];
  for (const [name, args, code, message] of failures) {
    it(`exits ${code} with a clear message on ${name}`, () => {
      const r = run(...args());
      assert.strictEqual(r.status, code, r.stderr);
      assert.match(r.stderr, message);
    });
  }
});
