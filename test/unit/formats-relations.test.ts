import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { toDocument } from '../../src/core/document';
import { parseDocument, serializeDocument } from '../../src/core/documentJson';
import type { Annotation, AnnotationDocument, Relation } from '../../src/core/types';
import { formats, formatById } from '../../src/formats';
import { contractErrors, repoRoot } from '../helpers/schema';

// An invented page: nested spans (a court containing its district), a crossing pair, relations, labels.
const text = '𠀀东湖区人民法院院长王大明说，蓝湾公司董事长李小华出资58万元。\r\n';
const at = (s: string, from = 0) => text.indexOf(s, from);
function ann(exact: string, label: string, extra: Partial<Annotation> = {}): Annotation {
  const start = at(exact);
  return { id: `${label.toLowerCase()}-${start}`, start, end: start + exact.length, text: exact, label, source: 'manual', status: 'accepted', ...extra };
}
const annotations = [
  ann('东湖区人民法院', 'ORG'), ann('东湖区', 'LOC'), ann('王大明', 'PER'),
  ann('蓝湾公司', 'ORG', { source: 'auto', status: 'suggested' }), ann('李小华', 'PER', { source: 'auto', status: 'suggested' }),
  ann('58万元', 'NUMBER', { value: 580000, unit: '元', kind: 'money' }),
  // Crosses 蓝湾公司: 公司董事长 is nonsense as an entity, but overlaps must survive formats that carry them.
  ann('公司董事长', 'WORK', { status: 'rejected' }),
].sort((a, b) => a.start - b.start || a.end - b.end);
const id = (s: string) => annotations.find(a => a.text === s)!.id;
const rel = (from: string, to: string, label: string, extra: Partial<Relation> = {}): Relation =>
  ({ id: `rel-${id(from)}-${id(to)}`, from: id(from), to: id(to), label, source: 'manual', status: 'accepted', ...extra });
const relations = [
  rel('王大明', '东湖区人民法院', '任职'), rel('东湖区人民法院', '东湖区', '位于'),
  rel('李小华', '蓝湾公司', '任职', { source: 'auto', status: 'suggested' }),
  // From a decided annotation to a suggestion: Label Studio keeps them in different lists and cannot link them.
  rel('58万元', '李小华', '数量'),
];
const articles = [{ id: 'article-1', start: 0, end: text.length, title: '新闻', titleLines: ['新闻'], labels: ['社会'] }];
const doc = toDocument('page.txt', text, { articles, columnBreaks: [], annotations, relations }, undefined, ['要闻', '法治']);

/** A relation by the texts and label of its ends, which survive any id a format gives. */
function described(list: readonly Annotation[], rs: readonly Relation[] | undefined): string[] {
  const t = (i: string) => { const a = list.find(x => x.id === i)!; return `${a.text}/${a.label}`; };
  return (rs ?? []).map(r => `${t(r.from)} -${r.label}-> ${t(r.to)}`).sort();
}
const decided = (i: string) => annotations.find(a => a.id === i)!.status === 'accepted';
const spans = (list: readonly Annotation[]) => list.map(a => `${a.start}-${a.end} ${a.label}`).sort();

describe('export contract: relations, page and article labels', () => {
  it('is valid against the schema and the parser, and serialises to a fixed point', () => {
    assert.deepStrictEqual(contractErrors(doc, text), []);
    const json = serializeDocument(doc as AnnotationDocument & Record<string, unknown>);
    const parsed = parseDocument(json);
    assert.ok(parsed.ok);
    assert.deepStrictEqual(parsed.doc.relations, relations);
    assert.deepStrictEqual(parsed.doc.document.labels, ['要闻', '法治']);
    assert.deepStrictEqual(parsed.doc.articles[0].labels, ['社会']);
    assert.strictEqual(serializeDocument(parsed.doc as AnnotationDocument & Record<string, unknown>), json);
  });

  it('writes none of the new fields for a document without them (older output unchanged)', () => {
    const plain = toDocument('page.txt', text, { articles: articles.map(({ labels: _, ...a }) => a), columnBreaks: [], annotations });
    assert.deepStrictEqual(Object.keys(plain), ['format', 'version', 'document', 'labels', 'articles', 'columnBreaks', 'annotations']);
    assert.deepStrictEqual(Object.keys(plain.document), ['path', 'sha256', 'length', 'offsetUnit']);
    assert.strictEqual('labels' in plain.articles[0], false);
  });

  const broken: Array<[string, (d: Record<string, unknown>) => void, RegExp]> = [
    ['a relation to a missing annotation', d => { (d.relations as Relation[])[0].to = 'nope'; }, /^relations\[0\]\.to: no annotation has the id "nope"/],
    ['a duplicate relation id', d => { (d.relations as Relation[])[1].id = (d.relations as Relation[])[0].id; }, /^relations\[1\]\.id: duplicate id/],
    ['a relation without a label', d => { delete (d.relations as Partial<Relation>[])[0].label; }, /^relations\[0\]: missing "label"/],
    ['relations that are not an array', d => { d.relations = {}; }, /^relations: "relations" must be an array/],
    ['page labels that are not strings', d => { (d.document as Record<string, unknown>).labels = [1]; }, /^document\.labels: expected an array of strings/],
    ['article labels that are not strings', d => { (d.articles as Array<Record<string, unknown>>)[0].labels = '社会'; }, /^articles\[0\]\.labels: expected an array of strings/],
  ];
  for (const [name, damage, message] of broken) {
    it(`reports ${name}, and the schema refuses it too`, () => {
      const d = JSON.parse(JSON.stringify(doc));
      damage(d);
      const r = parseDocument(JSON.stringify(d));
      assert.ok(!r.ok);
      assert.match(r.problem.message, message);
      // The schema cannot check that an end exists or ids are unique; it checks the shapes.
      if (!/missing annotation|duplicate/.test(name)) assert.notDeepStrictEqual(contractErrors(d), []);
    });
  }

  it('a relation may name an orphan (it may be found again)', () => {
    const d = JSON.parse(JSON.stringify(doc));
    d.orphans = [{ ...annotations[0], id: 'old', start: 900, end: 907 }];
    d.relations.push({ id: 'r-old', from: id('王大明'), to: 'old', label: '任职', source: 'manual', status: 'accepted' });
    assert.ok(parseDocument(JSON.stringify(d)).ok);
  });
});

/** What each format keeps of the richer model. */
const keeps: Record<string, { nested: boolean; relations: 'all' | 'same-list' | 'none'; pageLabels: boolean; rejected: boolean; status: boolean }> = {
  json: { nested: true, relations: 'all', pageLabels: true, rejected: true, status: true },
  brat: { nested: true, relations: 'all', pageLabels: false, rejected: true, status: true },
  w3c: { nested: true, relations: 'all', pageLabels: true, rejected: true, status: true },
  labelstudio: { nested: true, relations: 'same-list', pageLabels: true, rejected: false, status: false },
  doccano: { nested: true, relations: 'all', pageLabels: true, rejected: true, status: false },
  spacy: { nested: true, relations: 'none', pageLabels: true, rejected: true, status: false },
  conll: { nested: false, relations: 'none', pageLabels: false, rejected: true, status: false },
};

describe('formats: relations, nested spans and page labels round trip where the format can carry them', () => {
  for (const f of formats) {
    const k = keeps[f.id];
    it(`${f.id}: ${[k.nested && 'nested spans', k.relations !== 'none' && 'relations', k.pageLabels && 'page labels'].filter(Boolean).join(', ') || 'flat spans only'}`, () => {
      const main = f.export(doc, text).find(x => x.suffix === '')!;
      const back = f.import(main.content, text, { status: 'keep' });
      const want = annotations.filter(a => k.rejected || a.status !== 'rejected');
      if (k.nested) assert.deepStrictEqual(spans(back.annotations), spans(want));
      else assert.ok(back.annotations.length < want.length, 'a flat format cannot keep nested spans');
      const wantRelations = k.relations === 'none' ? []
        : k.relations === 'all' ? relations
        // Label Studio: relations only within the decided annotations or within the predictions.
        : relations.filter(r => decided(r.from) === decided(r.to));
      assert.deepStrictEqual(described(back.annotations, back.relations), described(annotations, wantRelations));
      if (k.status && k.relations !== 'none') {
        assert.deepStrictEqual((back.relations ?? []).map(r => `${r.label} ${r.source}/${r.status}`).sort(), wantRelations.map(r => `${r.label} ${r.source}/${r.status}`).sort());
      }
      assert.deepStrictEqual(back.pageLabels, k.pageLabels ? ['要闻', '法治'] : undefined);
    });

    it(`${f.id}: the export states what it leaves out`, () => {
      const losses = f.losses(doc);
      if (k.relations === 'none') assert.ok(losses.some(l => /4 relations/.test(l)), losses.join('; '));
      if (!k.pageLabels) assert.ok(losses.includes('the page labels'), losses.join('; '));
      if (f.id !== 'json') assert.ok(losses.includes('the article labels'), losses.join('; '));
      if (f.id === 'spacy') assert.ok(losses.some(l => /^\d+ overlapping annotations/.test(l)));
      if (f.id === 'json') assert.deepStrictEqual(losses, []);
      if (f.id === 'labelstudio') assert.ok(losses.includes('1 relation not between two suggestions or two decided annotations'), losses.join('; '));
      const plain = toDocument('page.txt', text, { articles: [], columnBreaks: [], annotations: annotations.slice(0, 1) });
      assert.deepStrictEqual(f.losses(plain), []);
    });
  }

  it('Biaozhu JSON keeps article labels when the text is the same', () => {
    const back = formatById('json')!.import(formatById('json')!.export(doc, text)[0].content, text, { status: 'keep' });
    assert.deepStrictEqual(back.articles?.[0].labels, ['社会']);
    assert.deepStrictEqual(back.relations, relations);
  });

  it('a relation whose end was not imported is skipped with the reason', () => {
    const ann = '\n' + ['T1\tPER 10 13\t王大明', 'T2\tORG 1 8\tX', 'R1\t任职 Arg1:T1 Arg2:T2', 'R2\t任职 Arg1:T1 Arg2:T9'].join('\n') + '\n';
    const r = formatById('brat')!.import(ann, text);
    assert.deepStrictEqual(described(r.annotations, r.relations), []);
    assert.deepStrictEqual(r.skipped.map(s => s.reason).filter(x => /relation/.test(x)), [
      'relation 任职: its end "T2" is not an imported span',
      'relation 任职: its end "T9" is not an imported span',
    ]);
  });

  it('reads relations and classes as other tools write them (doccano relation records, Label Studio relation results)', () => {
    const t = '王大明任东湖区人民法院院长';
    const d = JSON.stringify({ text: t, entities: [{ id: 7, label: 'PER', start_offset: 0, end_offset: 3 }, { id: 9, label: 'ORG', start_offset: 4, end_offset: 11 }], relations: [{ id: 1, from_id: 7, to_id: 9, type: '任职' }], cats: ['法治'] });
    const rd = formatById('doccano')!.import(d, t);
    assert.deepStrictEqual([described(rd.annotations, rd.relations), rd.pageLabels], [['王大明/PER -任职-> 东湖区人民法院/ORG'], ['法治']]);
    const ls = JSON.stringify([{ data: { text: t }, annotations: [{ result: [
      { id: 'a', from_name: 'label', to_name: 'text', type: 'labels', value: { start: 0, end: 3, text: '王大明', labels: ['PER'] } },
      { from_id: 'a', to_id: 'b', type: 'relation', direction: 'right', labels: ['任职'] },
      { id: 'b', from_name: 'label', to_name: 'text', type: 'labels', value: { start: 4, end: 11, text: '东湖区人民法院', labels: ['ORG'] } },
      { id: 'c', from_name: 'class', to_name: 'text', type: 'choices', value: { choices: ['法治'] } },
    ] }] }]);
    const rl = formatById('labelstudio')!.import(ls, t);
    assert.deepStrictEqual([described(rl.annotations, rl.relations), rl.pageLabels, rl.relations![0].status], [['王大明/PER -任职-> 东湖区人民法院/ORG'], ['法治'], 'suggested']);
  });
});

describe('biaozhu export / import / analyze --relations (command line)', () => {
  const cli = join(repoRoot, 'dist', 'cli.js');
  const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  const tmp = mkdtempSync(join(tmpdir(), 'biaozhu-relations-'));
  const page = join(tmp, 'page.txt');
  const file = join(tmp, 'page.json');
  writeFileSync(page, text);
  writeFileSync(file, serializeDocument({ ...doc, document: { ...doc.document, path: 'page.txt' } } as AnnotationDocument & Record<string, unknown>));

  for (const f of ['brat', 'conll', 'spacy']) {
    it(`export ${f} says what it leaves out; import brings back relations and labels where carried`, () => {
      const out = join(tmp, `out-${f}${formatById(f)!.extensions[0]}`);
      const e = run('export', '--format', f, file, '-o', out);
      assert.strictEqual(e.status, 0, e.stderr);
      if (f !== 'brat') assert.match(e.stderr, /not carried by .*4 relations.*see docs\/formats\.md/);
      else assert.match(e.stderr, /not carried by brat standoff: the page labels, the article labels; see docs\/formats\.md/);
      const back = join(tmp, `back-${f}.json`);
      const i = run('import', out, '--text', page, '--status', 'keep', '-o', back);
      assert.strictEqual(i.status, 0, i.stderr);
      const d = JSON.parse(readFileSync(back, 'utf8'));
      assert.deepStrictEqual(contractErrors(d, text), []);
      assert.strictEqual((d.relations ?? []).length, f === 'brat' ? 4 : 0);
      if (f === 'brat') assert.match(i.stderr, /4 relations/);
    });
  }

  it('analyze --relations writes suggested 任职 relations; without the flag there are none', () => {
    const p = join(tmp, 'news.txt');
    writeFileSync(p, '蓝湾科技有限公司总经理钱小燕介绍了情况。\n');
    const withRel = JSON.parse(run('analyze', p, '--relations').stdout);
    assert.deepStrictEqual(contractErrors(withRel), []);
    assert.deepStrictEqual(withRel.relations.map((r: Relation) => [r.label, r.source, r.status]), [['任职', 'auto', 'suggested']]);
    assert.strictEqual('relations' in JSON.parse(run('analyze', p).stdout), false);
  });
});
