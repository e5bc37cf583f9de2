import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { repoRoot } from '../helpers/schema';

/** The panel shows document text; these APIs would turn such text into markup or code. */
const SINKS: Array<[string, RegExp]> = [
  ['innerHTML / outerHTML', /\.(inner|outer)HTML\b/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['document.write', /document\.write/],
  ['eval / new Function', /\beval\s*\(|new\s+Function\s*\(/],
  ['string timers', /set(Timeout|Interval)\(\s*['"`]/],
  ['inline style attribute', /setAttribute\(\s*['"]style['"]|\.style\.cssText|\.style\s*=/],
  ['inline event handler attribute', /setAttribute\(\s*['"]on/i],
  ['remote loads', /\bfetch\s*\(|XMLHttpRequest|new\s+WebSocket|importScripts/],
];

describe('panel security', () => {
  const dir = join(repoRoot, 'src', 'webview');
  const files = readdirSync(dir).filter(f => f.endsWith('.ts'));

  it('has panel sources to check', () => {
    assert.ok(files.includes('main.ts'));
  });

  for (const [what, re] of SINKS) {
    it(`never uses ${what}`, () => {
      const hits = files.flatMap(f => readFileSync(join(dir, f), 'utf8').split('\n')
        .map((line, i) => [line, i] as const).filter(([line]) => re.test(line)).map(([, i]) => `${f}:${i + 1}`));
      assert.deepStrictEqual(hits, []);
    });
  }

  it('the sink patterns catch the unsafe forms', () => {
    const samples = ['el.innerHTML = x', 'el.insertAdjacentHTML("a", x)', 'eval(x)', "setTimeout('x()')", "el.setAttribute('style', s)", "b.setAttribute('onclick', s)", 'fetch(url)'];
    assert.deepStrictEqual(samples.map(s => SINKS.some(([, re]) => re.test(s))), samples.map(() => true));
  });
});
