import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { toDocument } from '../../src/core/document';
import { serializeDocument } from '../../src/core/documentJson';
import type { Annotation } from '../../src/core/types';
import { formats } from '../../src/formats';
import { contractErrors, repoRoot } from '../helpers/schema';

const cli = join(repoRoot, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

describe('biaozhu export / import (command line)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'biaozhu-formats-'));
  const text = '𠀀本报记者张三\r\n😀北京有3000多人。\r\n';
  const at = (s: string) => text.indexOf(s);
  const annotations: Annotation[] = [
    { id: 'per-1', start: at('张三'), end: at('张三') + 2, text: '张三', label: 'PER', source: 'manual', status: 'accepted' },
    { id: 'loc-1', start: at('北京'), end: at('北京') + 2, text: '北京', label: 'LOC', source: 'auto', status: 'suggested' },
    { id: 'num-1', start: at('3000多人'), end: at('3000多人') + 6, text: '3000多人', label: 'NUMBER', source: 'auto', status: 'suggested', value: 3000, unit: '人', approx: '>', kind: 'cardinal' },
  ];
  const page = join(tmp, 'page.txt');
  const annotationsFile = join(tmp, 'page.json');
  writeFileSync(page, text);
  // document.path relative to the annotations file, as a sidecar would have it.
  writeFileSync(annotationsFile, serializeDocument(toDocument('page.txt', text, { articles: [], columnBreaks: [], annotations }) as never));

  for (const f of formats) {
    it(`exports ${f.id} and imports it back (format detected) to a contract-valid document with the same spans`, () => {
      const out = join(tmp, `out-${f.id}${f.extensions[0]}`);
      const e = run('export', '--format', f.id, annotationsFile, '-o', out);
      assert.strictEqual(e.status, 0, e.stderr);
      const back = join(tmp, `back-${f.id}.json`);
      const i = run('import', out, '--text', page, '-o', back);
      assert.strictEqual(i.status, 0, i.stderr);
      assert.match(i.stderr, /3 imported, 0 skipped/);
      const doc = JSON.parse(readFileSync(back, 'utf8'));
      assert.deepStrictEqual(contractErrors(doc, text), []);
      assert.deepStrictEqual(doc.annotations.map((a: Annotation) => [a.start, a.end, a.label]), annotations.map(a => [a.start, a.end, a.label]));
      assert.ok(doc.annotations.every((a: Annotation) => a.status === 'suggested'), 'imported items arrive as suggestions');
    });
  }

  it('round-trips Biaozhu JSON losslessly, custom labels and articles included', () => {
    const custom = [...annotations, { id: 'job-1', start: at('记者'), end: at('记者') + 2, text: '记者', label: 'JOB', source: 'manual' as const, status: 'rejected' as const }];
    const labels = [{ id: 'PER', name: 'Person', color: '#d9480f' }, { id: 'JOB', name: 'Job title', color: '#123456' }];
    const original = toDocument(page, text, { articles: [{ id: 'a1', start: 0, end: text.length, title: '本报记者张三', titleLines: ['本报记者张三'] }], columnBreaks: [], annotations: custom }, labels);
    const source = join(tmp, 'custom.json');
    writeFileSync(source, serializeDocument(original as never));
    const out = join(tmp, 'copy.json');
    assert.strictEqual(run('export', '--format', 'json', source, '-o', out).status, 0);
    const r = run('import', out, '--text', page, '--status', 'keep');
    assert.strictEqual(r.status, 0, r.stderr);
    const back = JSON.parse(r.stdout);
    assert.deepStrictEqual(back.annotations, [...original.annotations].sort((a, b) => a.start - b.start));
    assert.deepStrictEqual(back.articles, original.articles);
    assert.deepStrictEqual(back.labels.find((l: { id: string }) => l.id === 'JOB'), labels[1]);
  });

  it('writes brat\'s .txt beside the .ann', () => {
    const r = run('export', '--format', 'brat', annotationsFile, '-o', join(tmp, 'b', 'page.ann'));
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(readFileSync(join(tmp, 'b', 'page.txt'), 'utf8'), text);
  });

  it('writes BIOES with --scheme bioes and keeps file statuses with --status keep', () => {
    const r = run('export', '--format', 'conll', '--scheme', 'bioes', annotationsFile);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /^三 E-PER$/m);
    const w3c = join(tmp, 'keep.jsonld');
    assert.strictEqual(run('export', '--format', 'w3c', annotationsFile, '-o', w3c).status, 0);
    const i = run('import', w3c, '--text', page, '--status', 'keep');
    assert.deepStrictEqual(JSON.parse(i.stdout).annotations, annotations);
  });

  it('re-anchors by quote when the page gained a line, and says so', () => {
    const changed = join(tmp, 'changed.txt');
    writeFileSync(changed, '新的一行\r\n' + text);
    const out = join(tmp, 'q.jsonld');
    assert.strictEqual(run('export', '--format', 'w3c', annotationsFile, '-o', out).status, 0);
    const i = run('import', out, '--text', changed);
    assert.strictEqual(i.status, 0, i.stderr);
    assert.match(i.stderr, /3 re-anchored by quote/);
  });

  const failures: Array<[string, () => string[], number, RegExp]> = [
    ['export without --format', () => ['export', annotationsFile], 2, /missing --format/],
    ['an unknown format', () => ['export', '--format', 'xml', annotationsFile], 2, /unknown format 'xml'/],
    ['a bad --scheme', () => ['export', '--format', 'conll', '--scheme', 'iob9', annotationsFile], 2, /--scheme/],
    ['import without --text', () => ['import', annotationsFile], 2, /missing --text/],
    ['a file of no known format', () => { const p = join(tmp, 'notes.txt'); writeFileSync(p, 'hello'); return ['import', p, '--text', page]; }, 1, /cannot tell which format/],
    ['annotations that are not JSON', () => { const p = join(tmp, 'broken.json'); writeFileSync(p, '{\n  "format": 1,\n}'); return ['export', '--format', 'brat', p]; }, 1, /broken\.json:\d+:\d+: not a Biaozhu annotations document/],
    ['a page that is not the annotated text', () => { const p = join(tmp, 'other.txt'); writeFileSync(p, '完全不同'); return ['export', '--format', 'brat', annotationsFile, '--text', p]; }, 1, /not the text these annotations were made on/],
    ['an import whose text cannot be matched', () => { const p = join(tmp, 'other.txt'); writeFileSync(p, '完全不同'); return ['import', join(tmp, 'out-doccano.jsonl'), '--text', p]; }, 1, /different text.*\[text-mismatch\]/],
  ];
  for (const [name, args, code, message] of failures) {
    it(`exits ${code} with a clear message on ${name}`, () => {
      const r = run(...args());
      assert.strictEqual(r.status, code, r.stderr);
      assert.match(r.stderr, message);
    });
  }

  it('prints every skipped item with its reason', () => {
    const ann = join(tmp, 'skips.ann');
    writeFileSync(ann, `T1\tPER ${1} ${3}\t本报\nT2\tLOC 5 6;7 8\tx y\nR1\tRel Arg1:T1 Arg2:T2\n`);
    const r = run('import', ann, '--text', page);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stderr, /skipped line 2 T2: discontinuous/);
    // Relations are imported now (issue 13); this one goes because its end T2 was skipped.
    assert.match(r.stderr, /skipped line 3 R1: relation Rel: its end "T2" is not an imported span/);
    assert.ok(!existsSync(join(tmp, 'skips.json')));
  });
});
