import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import { toDocument } from '../../src/core/document';
import { parseDocument, serializeDocument, type DocumentProblem } from '../../src/core/documentJson';
import type { Annotation, AnnotationDocument } from '../../src/core/types';
import { repoRoot } from '../helpers/schema';

const PROPERTY_RUNS = 300;
const MUTATION_RUNS = 1500;

const TEXT = '北京市有3000多人。\r\n𠀀新华社记者张三报道。';
const ANNOTATIONS: Annotation[] = [
  { id: 'loc-0-3', start: 0, end: 3, text: '北京市', label: 'LOC', source: 'auto', status: 'suggested' },
  { id: 'number-4-10', start: 4, end: 10, text: '3000多人', label: 'NUMBER', source: 'auto', status: 'accepted', value: 3000, unit: '人', approx: '>', kind: 'cardinal' },
  { id: 'org-14-17', start: 14, end: 17, text: TEXT.slice(14, 17), label: 'ORG', source: 'manual', status: 'rejected' },
];
const base = () => toDocument('page.txt', TEXT, { articles: [{ id: 'a1', start: 0, end: TEXT.length, title: '北京', titleLines: ['北京'] }], columnBreaks: [{ start: 11, end: 13 }], annotations: ANNOTATIONS });
const serialized = serializeDocument(base() as AnnotationDocument & Record<string, unknown>);
const lines = serialized.split('\n');
/** 1-based line of the first line containing `needle` in the serialized base document. */
const lineOf = (needle: string) => lines.findIndex(l => l.includes(needle)) + 1;

function problemOf(json: string): DocumentProblem {
  const r = parseDocument(json);
  assert.ok(!r.ok, 'expected a problem');
  return r.problem;
}

/** Every own key of every object in `v`, at any depth. */
function allKeys(v: unknown, out = new Set<string>()): Set<string> {
  if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) { out.add(k); allKeys(x, out); }
  return out;
}

describe('sidecar JSON (documentJson)', () => {
  it('round-trips the base document', () => {
    const r = parseDocument(serialized);
    assert.ok(r.ok);
    assert.deepStrictEqual(r.doc, JSON.parse(serialized));
  });

  // [name, the broken text, kind, message, where: the problem is at the first occurrence of this text in the broken file (plus a shift)]
  const broken: Array<[string, () => string, DocumentProblem['kind'], RegExp, string, number?]> = [
    ['a truncated file', () => serialized.slice(0, serialized.indexOf('"number-4-10"') + 5), 'syntax', /ends too early/, '"numb', 5],
    ['an empty file', () => '  \n', 'syntax', /empty/, ' '],
    ['a trailing comma', () => serialized.replace(/\}\n {2}\],\n {2}"columnBreaks"/, '},\n  ],\n  "columnBreaks"'), 'syntax', /trailing comma before '\]'/, '],\n  "columnBreaks"'],
    ['single quotes', () => serialized.replace('"format"', "'format'"), 'syntax', /double quotes/, "'format'"],
    ['NaN', () => serialized.replace('"value":3000', '"value":NaN'), 'syntax', /expected a value, found "N"/, 'NaN'],
    ['Infinity', () => serialized.replace('"value":3000', '"value":Infinity'), 'syntax', /expected a value/, 'Infinity'],
    ['a raw line break inside a string', () => serialized.replace('"北京市"', '"北京\n市"'), 'syntax', /control character/, '\n市'],
    ['text after the document', () => serialized + '{}', 'syntax', /after the end/, '}\n{}', 2],
    ['a top-level array', () => '[]', 'shape', /top level must be a JSON object, found an array/, '[]'],
    ['another format', () => serialized.replace('biaozhu/annotations', 'label-studio'), 'shape', /^format: expected "biaozhu\/annotations", found "label-studio"/, '"label-studio"'],
    ['a newer version', () => serialized.replace('"version": 1', '"version": 2'), 'shape', /^version: version 2 is not supported/, '2'],
    ['a missing field', () => serialized.replace('"label":"LOC",', ''), 'shape', /^annotations\[0\]: missing "label"/, '{"id":"loc-0-3"'],
    ['an offset given as a string', () => serialized.replace('"start":4,', '"start":"4",'), 'shape', /^annotations\[1\]\.start: expected an offset .*found "4"/, '"4"'],
    ['a negative offset', () => serialized.replace('"start":14', '"start":-14'), 'shape', /^annotations\[2\]\.start: expected an offset/, ':-14', 1],
    ['a huge offset', () => serialized.replace('"end":17', '"end":1e400'), 'shape', /^annotations\[2\]\.end: expected an offset .*found a number too large to represent/, '1e400'],
    ['an unsafe integer offset', () => serialized.replace('"end":17', '"end":9007199254740993'), 'shape', /^annotations\[2\]\.end: expected an offset/, '9007199254740993'],
    ['a huge value', () => serialized.replace('"value":3000', '"value":1e999'), 'shape', /^annotations\[1\]\.value: expected a finite number, found a number too large/, '1e999'],
    ['a NaN-like string value', () => serialized.replace('"value":3000', '"value":"NaN"'), 'shape', /^annotations\[1\]\.value: expected a finite number, found "NaN"/, '"NaN"'],
    ['an unknown status', () => serialized.replace('"rejected"', '"maybe"'), 'shape', /^annotations\[2\]\.status: expected one of suggested, accepted, rejected, found "maybe"/, '"maybe"'],
    ['number fields on an entity', () => serialized.replace('"label":"LOC",', '"label":"LOC","kind":"date",'), 'shape', /^annotations\[0\]\.kind: "kind" is only allowed on NUMBER/, '"date"'],
    ['an end before its start', () => serialized.replace('"start":0,"end":3,', '"start":3,"end":2,'), 'shape', /^annotations\[0\]\.end: end 2 is before start 3/, '2,"text":"北京市"'],
    ['a span past the end of the text', () => serialized.replace('"end":17', '"end":500'), 'shape', /^annotations\[2\]\.end: end 500 is past the end of the text \(length \d+\)/, '500'],
    ['a duplicate annotation id', () => serialized.replace('"org-14-17"', '"loc-0-3"'), 'shape', /^annotations\[2\]\.id: duplicate id "loc-0-3" \(already used by annotations\[0\]\)/, '"loc-0-3","start":14'],
    ['an orphan reusing an annotation id', () => serialized.replace(/\n\}\n$/, ',\n  "orphans": [\n    ' + JSON.stringify({ ...ANNOTATIONS[0], start: 900, end: 903 }) + '\n  ]\n}\n'), 'shape', /^orphans\[0\]\.id: duplicate id "loc-0-3"/, '"loc-0-3","start":900'],
    ['a duplicate article id', () => serialized.replace(/("articles": \[\n)( {4}.*)\n/, '$1$2,\n$2\n'), 'shape', /^articles\[1\]\.id: duplicate id "a1"/, '"a1"', 0],
    ['a column break that is not a span', () => serialized.replace('{"start":11,"end":13}', '[11,13]'), 'shape', /^columnBreaks\[0\]: expected an object, found an array/, '[11,13]'],
    ['a bad label colour', () => serialized.replace('#d9480f', 'red'), 'shape', /^labels\[0\]\.color: expected a colour/, '"red"'],
    ['a bad sha256', () => serialized.replace(/"sha256":"[0-9a-f]+"/, '"sha256":"xyz"'), 'shape', /^document\.sha256: expected 64 lowercase hex digits, found "xyz"/, '"xyz"'],
    ['annotations that are not an array', () => serialized.replace(/"annotations": \[[^]*\n {2}\]/, '"annotations": {}'), 'shape', /^annotations: "annotations" must be an array, found an object/, '{}'],
  ];
  for (const [name, make, kind, message, where, shift = 0] of broken) {
    it(`reports ${name} with its line and column`, () => {
      const text = make();
      // The duplicate article is the second occurrence of its id.
      const offset = (name.includes('article') ? text.indexOf(where, text.indexOf(where) + 1) : text.indexOf(where)) + shift;
      const before = text.slice(0, offset).split('\n');
      const p = problemOf(text);
      assert.match(p.message, message);
      assert.deepStrictEqual([p.kind, p.line, p.column], [kind, before.length, before[before.length - 1].length + 1], p.message);
    });
  }

  // Hand-broken sidecars kept as files (also for the extension's tests); expected.json holds the reviewed problems.
  const fixtures = join(repoRoot, 'test', 'fixtures', 'reliability', 'sidecars');
  const expectedProblems = JSON.parse(readFileSync(join(fixtures, 'expected.json'), 'utf8')) as Record<string, DocumentProblem | { ok: true }>;
  for (const [name, expected] of Object.entries(expectedProblems)) {
    it(`reads the fixture ${name} as ${'ok' in expected ? 'valid' : `a ${expected.kind} problem at ${expected.line}:${expected.column}`}`, () => {
      const r = parseDocument(readFileSync(join(fixtures, name), 'utf8'));
      assert.deepStrictEqual(r.ok ? { ok: true } : r.problem, expected);
      if (r.ok) assert.deepStrictEqual([...allKeys(r.doc)].filter(k => /proto|constructor/.test(k)), []);
    });
  }

  it('reads a 2 MB string, and locates an error after it', () => {
    const big = '字'.repeat(2_000_000);
    const ok = parseDocument(serialized.replace('"北京市"', JSON.stringify(big)));
    assert.ok(ok.ok && ok.doc.annotations[0].text === big);
    const p = problemOf(serialized.replace('"北京市"', JSON.stringify(big)).replace('"maybe-not-there"', '').replace('"rejected"', '"nope"'));
    assert.deepStrictEqual([p.line, p.column], [lineOf('org-14-17'), lines[lineOf('org-14-17') - 1].indexOf('"rejected"') + 1]);
  });

  it('reads deep nesting in an unknown field without overflowing the stack, and reports it truncated', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const withDeep = serialized.replace(/\n\}\n$/, `,\n  "extra": ${deep}\n}\n`);
    assert.ok(parseDocument(withDeep).ok);
    const truncated = withDeep.slice(0, withDeep.length - 1000);
    const p = problemOf(truncated);
    assert.match(p.message, /ends too early/);
    assert.deepStrictEqual([p.line, p.column], [truncated.split('\n').length, truncated.length - truncated.lastIndexOf('\n')]);
  });

  it('ignores a byte order mark', () => {
    assert.ok(parseDocument('\uFEFF' + serialized).ok);
  });

  it('never lets __proto__, constructor or prototype keys reach an object or a prototype', () => {
    const evil = serialized
      .replace('{\n', '{\n  "__proto__": {"polluted": "top"},\n  "constructor": {"prototype": {"polluted": "ctor"}},\n')
      .replace('"path":', '"__proto__": {"polluted": "document"}, "path":')
      .replace('"id":"loc-0-3",', '"id":"loc-0-3","__proto__":{"polluted":"item","status":"accepted"},"prototype":{"polluted":1},');
    const r = parseDocument(evil);
    assert.ok(r.ok);
    const keys = allKeys(r.doc);
    for (const k of ['__proto__', 'constructor', 'prototype']) assert.ok(!keys.has(k), `no own key ${k}`);
    assert.strictEqual(Object.getPrototypeOf(r.doc), Object.prototype);
    assert.strictEqual(r.doc.annotations[0].status, 'suggested');
    assert.strictEqual(({} as Record<string, unknown>).polluted, undefined);
    assert.strictEqual(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
    // The same keys in a document that fails validation.
    assert.ok(!parseDocument(evil.replace('"format"', '"formt"')).ok);
    assert.strictEqual(({} as Record<string, unknown>).polluted, undefined);
  });

  // Random documents: strings with surrogates, line separators, quotes and control characters.
  const str = fc.string({ unit: fc.oneof(fc.constantFrom('北', '"', '\\', '\n', '\r', '\u2028', '\u0000', '😀', '\uD800', '}', ','), fc.integer({ min: 0, max: 0xffff }).map(c => String.fromCharCode(c))), maxLength: 12 });
  const annotation = fc.record({
    id: str.filter(s => s !== ''), start: fc.nat({ max: 50 }), len: fc.nat({ max: 50 }), text: str, label: fc.constantFrom('PER', 'LOC', 'NUMBER', 'custom标签'),
    source: fc.constantFrom('auto', 'manual'), status: fc.constantFrom('suggested', 'accepted', 'rejected'), value: fc.double({ noNaN: true, noDefaultInfinity: true }),
  }).map(({ len, value, ...a }): Annotation => ({ ...a, end: a.start + len, ...(a.label === 'NUMBER' ? { value, kind: 'cardinal' as const } : {}) }) as Annotation);
  const documents = fc.uniqueArray(annotation, { selector: a => a.id, maxLength: 20 })
    .map(annotations => toDocument('a/页.txt', 'x'.repeat(120), { articles: [], columnBreaks: [], annotations }));

  it(`serialises to a fixed point with one item per line (${PROPERTY_RUNS} random documents)`, () => {
    fc.assert(fc.property(documents, doc => {
      const once = serializeDocument(doc as AnnotationDocument & Record<string, unknown>);
      const parsed = parseDocument(once);
      assert.ok(parsed.ok, !parsed.ok ? parsed.problem.message : '');
      assert.strictEqual(serializeDocument(parsed.doc as AnnotationDocument & Record<string, unknown>), once);
      const itemLines = once.split('\n').filter(l => l.startsWith('    '));
      assert.deepStrictEqual(itemLines.map(l => JSON.parse(l.replace(/,$/, ''))), [...doc.labels, ...doc.annotations].map(x => JSON.parse(JSON.stringify(x))));
      // The command line's plain JSON.stringify output normalises to the same text.
      const plain = parseDocument(JSON.stringify(doc, null, 2));
      assert.ok(plain.ok && serializeDocument(plain.doc as AnnotationDocument & Record<string, unknown>) === once);
    }), { numRuns: PROPERTY_RUNS });
  });

  it(`never throws on a randomly damaged sidecar, and places every problem inside the file (${MUTATION_RUNS} runs)`, () => {
    const damage = fc.array(fc.record({ at: fc.nat(), kind: fc.constantFrom('delete', 'insert', 'truncate'), ch: fc.constantFrom('"', ',', '{', '}', '[', ']', ':', '1', '-', 'e', 'n', '\\', ' ', '\n', '北') }), { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(damage, ds => {
      let s = serialized;
      for (const d of ds) {
        const at = d.at % (s.length + 1);
        s = d.kind === 'truncate' ? s.slice(0, at) : d.kind === 'delete' ? s.slice(0, at) + s.slice(at + 1) : s.slice(0, at) + d.ch + s.slice(at);
      }
      const r = parseDocument(s);
      if (r.ok) return;
      const fileLines = s.split('\n');
      assert.ok(r.problem.line !== undefined && r.problem.line >= 1 && r.problem.line <= fileLines.length, `line of ${r.problem.message}`);
      assert.ok(r.problem.column! >= 1 && r.problem.column! <= fileLines[r.problem.line - 1].length + 1, `column of ${r.problem.message}`);
    }), { numRuns: MUTATION_RUNS });
  });
});
