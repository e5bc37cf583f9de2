import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import fc from 'fast-check';
import { analyze } from '../../src/core/analyze';
import { toDocument } from '../../src/core/document';
import type { Analysis, Annotation } from '../../src/core/types';
import { FormatError, formats } from '../../src/formats';
import { repoRoot } from '../helpers/schema';

const ANALYZE_RUNS = 150; // per generator
const IMPORT_RUNS = 150; // per format
const LONG = 200_000;

/** Every way `analysis` breaks the contract for `text`; empty when it holds. */
function violations(text: string, r: Analysis): string[] {
  const out: string[] = [];
  const inRange = (s: { start: number; end: number }) => Number.isSafeInteger(s.start) && Number.isSafeInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= text.length;
  let prev: Annotation | undefined;
  for (const a of r.annotations) {
    if (!inRange(a) || a.start === a.end) out.push(`annotation ${a.id} [${a.start},${a.end}) out of range or empty`);
    else if (text.slice(a.start, a.end) !== a.text) out.push(`annotation ${a.id} text ${JSON.stringify(a.text)} is not its slice`);
    if (prev && a.start < prev.end) out.push(`annotation ${a.id} overlaps or precedes ${prev.id}`);
    if (a.label === 'NUMBER' && !Number.isFinite(a.value)) out.push(`annotation ${a.id} has a non-finite value ${a.value}`);
    prev = a;
  }
  if (new Set(r.annotations.map(a => a.id)).size !== r.annotations.length) out.push('annotation ids are not unique');
  for (const x of [...r.articles, ...r.columnBreaks]) if (!inRange(x)) out.push(`article or column break [${x.start},${x.end}) out of range`);
  return out;
}

function check(text: string): void {
  const found = violations(text, analyze(text));
  assert.deepStrictEqual(found, [], `input ${JSON.stringify(text.length > 200 ? text.slice(0, 200) + '…' : text)}`);
}

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map(c => String.fromCharCode(c)); // includes lone surrogates and NUL
const mixedPiece = fc.constantFrom(
  '北京市', '张三', '新华社', '记者', '三千', '两万余', '百分之五', '第3', '〇', '零', '１２３', '3.5', '万', '亿', '元', '%', '年', '月', '日',
  'བོད་', 'مرحبا', 'Привет', 'abc', '😀', '𠀀', '\uD800', '\uDC00', '\u0000', '\r\n', '\n', '\n\n', ' ', '\t', '《', '》', '——', '（', '）', '·', '图为',
);
const generators: Array<[string, fc.Arbitrary<string>]> = [
  ['random UTF-16 (lone surrogates, NUL)', fc.string({ unit: codeUnit, maxLength: 120 })],
  ['random Unicode graphemes', fc.string({ unit: 'grapheme', maxLength: 80 })],
  ['mixed scripts and number words', fc.array(mixedPiece, { maxLength: 60 }).map(p => p.join(''))],
  ['only punctuation', fc.array(fc.constantFrom('，', '。', '、', '！', '？', '；', '：', '“', '”', '…', '—', '.', ',', '!', '(', ')', '\n'), { maxLength: 200 }).map(p => p.join(''))],
];

describe('fuzz: analyze()', () => {
  before(function () {
    this.timeout(30_000);
    analyze('北京'); // loads the dictionaries once
  });

  for (const [name, arb] of generators) {
    it(`keeps the annotation contract on ${name} (${ANALYZE_RUNS} runs)`, function () {
      this.timeout(60_000);
      fc.assert(fc.property(arb, check), { numRuns: ANALYZE_RUNS });
    });
  }

  const long: Array<[string, () => string]> = [
    ['Chinese prose', () => '北京市人民政府新华社记者张三报道三千多人参加'.repeat(LONG / 20).slice(0, LONG)],
    ['Chinese numerals', () => '一'.repeat(LONG)],
    ['punctuation', () => '，。！？、'.repeat(LONG / 5)],
    ['Latin letters', () => 'a'.repeat(LONG)],
    ['mixed scripts', () => '３００万元བོད་སྐད་مرحبا😀'.repeat(LONG / 20).slice(0, LONG)],
    ['lone surrogates and NUL', () => '\uD800a\u0000\uDC00'.repeat(LONG / 4)],
  ];
  for (const [name, make] of long) {
    it(`survives a ${LONG / 1000}k-character line of ${name}`, function () {
      this.timeout(60_000);
      check(make());
    });
  }

  // Found by this fuzz: a run of 310+ digits, or "1e400", was a NUMBER with value Infinity, which JSON writes
  // as null, so its sidecar failed validation on the next open.
  it('a 200k-digit line, or "1e400", gives no NUMBER with a non-finite value', () => {
    check('1'.repeat(LONG));
    check('1e400');
  });
});

describe('fuzz: importers', () => {
  const text = '张三在北京市，有3000多人。\r\n𠀀新华社报道。';
  const at = (s: string) => text.indexOf(s);
  const annotations: Annotation[] = [
    { id: 'p', start: at('张三'), end: at('张三') + 2, text: '张三', label: 'PER', source: 'auto', status: 'suggested' },
    { id: 'l', start: at('北京市'), end: at('北京市') + 3, text: '北京市', label: 'LOC', source: 'manual', status: 'accepted' },
    { id: 'n', start: at('3000'), end: at('3000') + 6, text: '3000多人', label: 'NUMBER', source: 'auto', status: 'suggested', value: 3000, kind: 'cardinal', approx: '>', unit: '人' },
  ];
  const doc = toDocument('page.txt', text, { articles: [], columnBreaks: [], annotations });
  const poison = fc.constantFrom<unknown>(
    1e308, -1, 2 ** 53 + 1, 0.5, '1e999', 'NaN', '', '__proto__', null, true, [], {}, [[[]]], 'x'.repeat(10_000),
    { __proto__: null, polluted: 1 }, { constructor: { prototype: { polluted: 1 } } },
  );

  /** Replaces the value at a random path of a JSON tree with `value`. */
  function replaceAt(tree: unknown, pick: number, value: unknown): unknown {
    const paths: Array<Array<string | number>> = [[]];
    const walk = (v: unknown, path: Array<string | number>) => {
      if (typeof v !== 'object' || v === null) return;
      for (const [k, x] of Object.entries(v)) { const p = [...path, Array.isArray(v) ? Number(k) : k]; paths.push(p); walk(x, p); }
    };
    walk(tree, []);
    const path = paths[pick % paths.length];
    if (path.length === 0) return value;
    const copy = JSON.parse(JSON.stringify(tree));
    let parent = copy;
    for (const k of path.slice(0, -1)) parent = parent[k];
    parent[path[path.length - 1]] = value;
    return copy;
  }

  /** The export with one value swapped, or for line formats one number or token replaced, plus injected prototype keys. */
  function damaged(content: string, pick: number, value: unknown, inject: boolean): string {
    const lines = content.split('\n');
    const jsonLines = lines.map(l => { try { return JSON.parse(l); } catch { return undefined; } });
    let out: string;
    try {
      out = JSON.stringify(replaceAt(JSON.parse(content), pick, value));
    } catch {
      if (lines.length > 1 && jsonLines.every((j, i) => j !== undefined || lines[i].trim() === '')) {
        const i = pick % lines.length; // JSON lines (doccano)
        out = lines.map((l, n) => (n === i && jsonLines[n] !== undefined ? JSON.stringify(replaceAt(jsonLines[n], pick >> 4, value)) : l)).join('\n');
      } else {
        const tokens = content.split(/(\s+)/);
        const i = (pick % Math.max(1, tokens.length >> 1)) * 2; // brat, CoNLL: swap one token
        tokens[i] = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
        out = tokens.join('');
      }
    }
    return inject ? out.replace(/\{/, '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},') : out;
  }

  for (const plugin of formats) {
    it(`${plugin.id}: wrong types, huge numbers and prototype keys give a result or a FormatError (${IMPORT_RUNS} runs)`, () => {
      const good = plugin.export(doc, text)[0].content;
      fc.assert(fc.property(fc.nat(), poison, fc.boolean(), (pick, value, inject) => {
        const input = damaged(good, pick, value, inject);
        try {
          const r = plugin.import(input, text);
          for (const a of r.annotations) {
            assert.strictEqual(text.slice(a.start, a.end), a.text);
            assert.ok(!Object.prototype.hasOwnProperty.call(a, '__proto__') && Object.getPrototypeOf(a) === Object.prototype);
          }
        } catch (e) {
          if (!(e instanceof FormatError)) throw new Error(`${plugin.id} threw ${String(e)} on ${JSON.stringify(input.slice(0, 300))}`);
        }
        assert.strictEqual(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype stays clean');
      }), { numRuns: IMPORT_RUNS });
    });
  }
});

describe('fuzz: command line inputs', () => {
  const cli = join(repoRoot, 'dist', 'cli.js');
  const tmp = mkdtempSync(join(tmpdir(), 'biaozhu-fuzz-cli-'));
  const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  const file = (name: string, content: string | Buffer) => { const p = join(tmp, name); writeFileSync(p, content); return p; };
  const page = () => file('page.txt', '张三在北京市。');

  // [what, arguments, exit code, message on stderr]
  const cases: Array<[string, () => string[], number, RegExp]> = [
    ['a missing file', () => ['analyze', join(tmp, 'missing.txt')], 1, /missing\.txt: no such file/],
    ['a missing file among good ones (the good one is still written)', () => ['analyze', page(), join(tmp, 'gone.txt'), '-o', join(tmp, 'out')], 1, /gone\.txt: no such file/],
    ['a file given as the output folder of several pages', () => ['analyze', page(), file('other.txt', '李四在上海。'), '-o', file('out-is-a-file.json', '{}')], 1, /out-is-a-file\.json: not usable as the output folder/],
    ['a binary file', () => ['analyze', file('photo.txt', Buffer.from([0xff, 0xd8, 0xff, 0, 0x10, 0x4a]))], 1, /photo\.txt: looks binary/],
    ['a sidecar that is not JSON', () => ['export', '--format', 'brat', file('broken.json', '{\n  "format": "biaozhu/annotations",\n  "version": 1,\n'), '--text', page()], 1, /broken\.json:4:1: .*ends too early/],
    ['a sidecar of the wrong shape', () => ['export', '--format', 'brat', file('shape.json', '{"format":"biaozhu/annotations","version":1,"document":[]}'), '--text', page()], 1, /shape\.json:1:56: .*document: expected an object/],
    ['an import file with a huge offset (the item is skipped, with why)', () => ['import', '--format', 'doccano', file('huge.jsonl', '{"text":"张三在北京市。","label":[[0,1e400,"PER"]]}\n'), '--text', page()], 0, /huge\.jsonl: skipped record 1 .*not code points inside the text/],
    ['an import file that is not JSON lines', () => ['import', '--format', 'doccano', file('cut.jsonl', '{"text":"张三在北'), '--text', page()], 1, /cut\.jsonl/],
    ['a usage mistake', () => ['analyze', '--no-such-option'], 2, /unknown option/],
  ];
  for (const [what, args, code, message] of cases) {
    it(`exits ${code} and names the problem for ${what}`, () => {
      const r = run(...args());
      assert.strictEqual(r.status, code, r.stderr);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    });
  }

  it('analyses an empty file as an empty document (exit 0)', () => {
    const r = run('analyze', file('empty.txt', ''));
    assert.strictEqual(r.status, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.deepStrictEqual([doc.document.length, doc.annotations], [0, []]);
  });

  it('writes the good page when another one fails', () => {
    run('analyze', page(), join(tmp, 'gone.txt'), '-o', join(tmp, 'out2'));
    assert.strictEqual(JSON.parse(readFileSync(join(tmp, 'out2', 'page.json'), 'utf8')).document.length, 7);
  });

  it('exits 1 naming an unreadable file', function () {
    // chmod 000 does not stop root from reading, so as root the command runs as the unprivileged user 65534.
    const dir = join(tmp, 'locked');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(tmp, 0o755);
    const p = join(dir, 'secret.txt');
    writeFileSync(p, '张三');
    chmodSync(p, 0o000);
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = spawnSync(process.execPath, [cli, 'analyze', p], { encoding: 'utf8', ...asUser });
    if (r.error) {
      console.log(`      (skipped: cannot run the command without read permission: ${r.error.message})`);
      this.skip();
    }
    assert.strictEqual(r.status, 1, r.stderr);
    assert.match(r.stderr, /secret\.txt: permission denied/);
  });
});
