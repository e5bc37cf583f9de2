import * as assert from 'assert';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { analyze } from '../../src/core/analyze';
import { toDocument } from '../../src/core/document';
import type { Annotation, AnnotationDocument } from '../../src/core/types';
import { FormatError, detectFormat, formatById, formats, type FormatPlugin } from '../../src/formats';
import { contractErrors, repoRoot } from '../helpers/schema';

/** What each format carries of an annotation, and which annotations it can carry at all. */
const carried: Record<string, { fields: Array<keyof Annotation>; keeps?: (a: Annotation, all: readonly Annotation[]) => boolean; project?: (a: Annotation) => Partial<Annotation> }> = {
  json: { fields: ['id', 'start', 'end', 'text', 'label', 'source', 'status', 'value', 'unit', 'approx', 'kind'] },
  brat: { fields: ['id', 'start', 'end', 'text', 'label', 'source', 'status', 'value', 'unit', 'approx', 'kind'] },
  w3c: { fields: ['id', 'start', 'end', 'text', 'label', 'source', 'status', 'value', 'unit', 'approx', 'kind'] },
  labelstudio: {
    fields: ['id', 'start', 'end', 'text', 'label', 'source', 'status'],
    keeps: a => a.status !== 'rejected',
    // Label Studio knows predictions (suggested) and annotations (accepted) only.
    project: a => ({ status: a.status === 'suggested' && a.source === 'auto' ? 'suggested' : 'accepted' }),
  },
  doccano: { fields: ['start', 'end', 'text', 'label'] },
  spacy: { fields: ['start', 'end', 'text', 'label'] },
  conll: { fields: ['start', 'end', 'text', 'label'], keeps: (a, all) => !all.some(b => b !== a && b.start < a.end && a.start < b.end && (b.start < a.start || (b.start === a.start && b.end > a.end))) },
};

function pick(a: Annotation, plugin: FormatPlugin): Record<string, unknown> {
  const spec = carried[plugin.id];
  const full = { ...a, ...(spec.project?.(a) ?? {}) } as Record<string, unknown>;
  return Object.fromEntries(spec.fields.filter(f => full[f] !== undefined).map(f => [f, full[f]]));
}

function roundTrip(plugin: FormatPlugin, doc: AnnotationDocument, text: string, scheme?: 'bio' | 'bioes') {
  const files = plugin.export(doc, text, { scheme });
  const main = files.find(f => f.suffix === '')!;
  return { files, result: plugin.import(main.content, text, { status: 'keep' }) };
}

function expected(plugin: FormatPlugin, annotations: readonly Annotation[]) {
  const keeps = carried[plugin.id].keeps ?? (() => true);
  return annotations.filter(a => keeps(a, annotations)).map(a => pick(a, plugin)).sort(byPlace);
}

const byPlace = (x: Record<string, unknown>, y: Record<string, unknown>) =>
  (x.start as number) - (y.start as number) || (x.end as number) - (y.end as number) || String(x.label).localeCompare(String(y.label));

function ann(text: string, exact: string, label: string, extra: Partial<Annotation> = {}, from = 0): Annotation {
  const start = text.indexOf(exact, from);
  assert.ok(start >= 0, `${exact} not in text`);
  return { id: `${label.toLowerCase()}-${start}-${start + exact.length}`, start, end: start + exact.length, text: exact, label, source: 'auto', status: 'suggested', ...extra };
}

/** A hand-made page covering the hard cases: surrogate pairs, CRLF, adjacent spans, number fields, every status. */
const page = '𠀀报记者张三报道\r\n😀北京市海淀区有3000多人参加，花费约58万元。\r\n\r\n《江河》月报　已出版8期！\r\n';
const handAnnotations: Annotation[] = [
  ann(page, '张三', 'PER', { source: 'manual', status: 'accepted' }),
  ann(page, '北京市', 'LOC'),
  ann(page, '海淀区', 'LOC', { status: 'rejected' }),
  ann(page, '3000多人', 'NUMBER', { value: 3000, unit: '人', approx: '>', kind: 'cardinal' }),
  ann(page, '约58万元', 'NUMBER', { value: 580000, unit: '元', approx: '~', kind: 'money', source: 'manual', status: 'suggested' }),
  ann(page, '《江河》', 'WORK', { source: 'manual', status: 'accepted' }),
  ann(page, '8期', 'NUMBER', { value: 8, unit: '期', kind: 'cardinal', status: 'accepted' }),
  ann(page, '😀北京', 'EMOJI PLACE', { id: 'custom-1' }),
];
const handDoc = toDocument('page.txt', page, { articles: [], columnBreaks: [], annotations: handAnnotations });

describe('interchange formats: round trips', () => {
  for (const plugin of formats) {
    describe(`${plugin.name} (${plugin.id})`, () => {
      it('gives back what the format carries of a page with surrogate pairs, CRLF, adjacent spans and number fields', () => {
        const annotations = plugin.id === 'conll' || plugin.id === 'brat'
          ? handAnnotations.map(a => a.label === 'EMOJI PLACE' ? { ...a, label: 'EMOJI_PLACE' } : a) // no spaces in their label names
          : handAnnotations;
        const doc = { ...handDoc, annotations };
        const { result } = roundTrip(plugin, doc, page);
        assert.deepStrictEqual(result.annotations.map(a => pick(a, plugin)).sort(byPlace), expected(plugin, annotations));
        assert.deepStrictEqual(result.skipped, []);
        assert.deepStrictEqual(contractErrors(toDocument('page.txt', page, { articles: [], columnBreaks: [], annotations: result.annotations }), page), []);
      });

      it('round-trips an empty document', () => {
        const doc = toDocument('empty.txt', '', { articles: [], columnBreaks: [], annotations: [] });
        const { result } = roundTrip(plugin, doc, '');
        assert.deepStrictEqual(result.annotations, []);
      });

      it('round-trips the seed page with the analyser\'s output and hand-made spans', () => {
        const seedDir = join(repoRoot, 'seeds');
        const text = readFileSync(join(seedDir, readdirSync(seedDir).filter(n => n.endsWith('.txt'))[0]), 'utf8');
        const analysis = analyze(text);
        // Hand-made spans every 97 characters, so the test does not depend on the analysers' progress.
        const hand: Annotation[] = [];
        for (let s = 3; s + 4 < text.length; s += 97) {
          const exact = text.slice(s, s + 4);
          if (/\s/.test(exact) || /[\uD800-\uDFFF]/.test(exact)) continue;
          if (analysis.annotations.some(a => a.start < s + 4 && s < a.end)) continue;
          hand.push({ id: `hand-${s}`, start: s, end: s + 4, text: exact, label: s % 2 ? 'ORG' : 'PER', source: 'manual', status: 'accepted' });
        }
        const annotations = [...analysis.annotations, ...hand].sort((a, b) => a.start - b.start);
        const doc = toDocument('seed.txt', text, { ...analysis, annotations });
        const { result } = roundTrip(plugin, doc, text);
        assert.deepStrictEqual(result.annotations.map(a => pick(a, plugin)).sort(byPlace), expected(plugin, annotations));
        if (plugin.id === 'json') {
          assert.deepStrictEqual(result.articles, doc.articles);
          assert.deepStrictEqual(result.columnBreaks, doc.columnBreaks);
        }
      });

      it('round-trips random pages with random non-overlapping spans', () => {
        const chars = fc.constantFrom('中', '国', '人', '𠀀', '😀', '。', '！', '1', 'a', ' ', '\r\n', '\n', '\u3000', '”');
        fc.assert(fc.property(fc.array(chars, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 12 }), fc.constantFrom<'bio' | 'bioes'>('bio', 'bioes'), (parts, cuts, scheme) => {
          const text = parts.join('');
          const bounds = [...new Set(cuts.map(c => c % (parts.length + 1)))].sort((a, b) => a - b);
          const offset = (k: number) => parts.slice(0, k).join('').length;
          const annotations: Annotation[] = [];
          for (let k = 0; k + 1 < bounds.length; k += 2) {
            const start = offset(bounds[k]);
            const end = offset(bounds[k + 1]);
            const exact = text.slice(start, end);
            if (exact.trim() !== exact || exact === '') continue; // CoNLL cannot carry edge whitespace; keep the set the same for all
            annotations.push({ id: `r-${start}-${end}`, start, end, text: exact, label: k % 4 ? 'LOC' : 'PER', source: 'manual', status: 'accepted' });
          }
          const doc = toDocument('r.txt', text, { articles: [], columnBreaks: [], annotations });
          const { result } = roundTrip(plugin, doc, text, scheme);
          assert.deepStrictEqual(result.annotations.map(a => pick(a, plugin)).sort(byPlace), expected(plugin, annotations));
        }), { numRuns: 150 });
      });
    });
  }
});

describe('interchange formats: offsets', () => {
  const text = '𠀀张三在😀北京';
  const doc = toDocument('t.txt', text, { articles: [], columnBreaks: [], annotations: [ann(text, '张三', 'PER'), ann(text, '北京', 'LOC')] });
  const cases: Array<[string, RegExp]> = [
    ['brat', /^T1\tPER 1 3\t张三\n#1\tAnnotatorNotes T1\t[^\n]*\nT2\tLOC 5 7\t北京\n/],
    ['doccano', /"label":\[\[1,3,"PER"\],\[5,7,"LOC"\]\]/],
    ['spacy', /"entities":\[\[1,3,"PER"\],\[5,7,"LOC"\]\]/],
    ['labelstudio', /"start": 1,\s+"end": 3,/],
    ['w3c', /"start": 5,\s+"end": 7/],
    ['conll', /^𠀀 O\n张 B-PER\n三 I-PER\n在 O\n😀 O\n北 B-LOC\n京 I-LOC\n$/],
  ];
  for (const [id, pattern] of cases) {
    it(`${id} counts a character outside the BMP as one`, () => {
      assert.match(formatById(id)!.export(doc, text)[0].content, pattern);
    });
  }

  it('conll writes BIOES with S- for single characters and E- for last ones', () => {
    const t = '张三在京';
    const d = toDocument('t.txt', t, { articles: [], columnBreaks: [], annotations: [ann(t, '张三', 'PER'), ann(t, '京', 'LOC')] });
    assert.strictEqual(formatById('conll')!.export(d, t, { scheme: 'bioes' })[0].content, '张 B-PER\n三 E-PER\n在 O\n京 S-LOC\n');
  });

  it('conll breaks sentences after 。！？ and closing quotes and at line breaks, never inside a span', () => {
    const t = '他说：“好。”然后\n走了！《一。二》';
    const d = toDocument('t.txt', t, { articles: [], columnBreaks: [], annotations: [ann(t, '《一。二》', 'WORK')] });
    const sentences = formatById('conll')!.export(d, t)[0].content.trim().split('\n\n').map(s => s.split('\n').map(l => l[0]).join(''));
    assert.deepStrictEqual(sentences, ['他说：“好。”', '然后', '走了！', '《一。二》']);
  });

  it('brat writes the text beside the .ann', () => {
    const files = formatById('brat')!.export(doc, text);
    assert.deepStrictEqual(files.map(f => f.suffix), ['', '.txt']);
    assert.strictEqual(files[1].content, text);
  });
});

describe('interchange formats: import behaviour', () => {
  const text = '张三在北京工作。';

  it('imports items as suggestions unless told otherwise', () => {
    const content = JSON.stringify({ text, label: [[0, 2, 'PER']] });
    const plugin = formatById('doccano')!;
    assert.strictEqual(plugin.import(content, text).annotations[0].status, 'suggested');
    assert.strictEqual(plugin.import(content, text, { status: 'accepted' }).annotations[0].status, 'accepted');
    const ls = formatById('labelstudio')!.export({ ...toDocument('t', text, { articles: [], columnBreaks: [], annotations: [ann(text, '张三', 'PER', { status: 'accepted', source: 'manual' })] }) }, text)[0].content;
    assert.strictEqual(formatById('labelstudio')!.import(ls, text).annotations[0].status, 'suggested');
  });

  it('maps other tools\' label names and reports the unknown ones', () => {
    const content = JSON.stringify({ text, label: [[0, 2, 'PERSON'], [3, 5, 'GPE'], [5, 7, 'JOB']] });
    const r = formatById('doccano')!.import(content, text);
    assert.deepStrictEqual(r.annotations.map(a => a.label), ['PER', 'LOC', 'JOB']);
    assert.deepStrictEqual(r.unknownLabels, ['JOB']);
  });

  it('re-anchors through a diff when the file was made from a slightly different text', () => {
    const older = '张三在北京工作，李四在上海工作。';
    const content = JSON.stringify([[older, { entities: [[0, 2, 'PER'], [3, 5, 'LOC'], [8, 10, 'PER']] }]]);
    const newer = '昨天，张三在北京工作，李四在上海工作。';
    const r = formatById('spacy')!.import(content, newer);
    assert.deepStrictEqual(r.annotations.map(a => [a.text, a.start]), [['张三', 3], ['北京', 6], ['李四', 11]]);
    assert.strictEqual(r.reanchored, 3);
  });

  it('skips, with the reason, an item whose words are on the page but whose context changed on both sides (never a guess)', () => {
    const content = JSON.stringify([['张三在北京工作', { entities: [[0, 2, 'PER'], [3, 5, 'LOC']] }]]);
    assert.throws(() => formatById('spacy')!.import(content, '昨天，' + text), (e: unknown) => e instanceof FormatError && e.reason === 'text-mismatch');
    const r = formatById('spacy')!.import(JSON.stringify([['张三在北京工作', { entities: [[0, 2, 'PER'], [3, 5, 'LOC']] }]]), '张三在北京工作，' + text);
    assert.deepStrictEqual(r.annotations.map(a => [a.text, a.start]), [['张三', 0], ['北京', 3]]);
    const other = JSON.stringify({ format: 'biaozhu/annotations', version: 1, document: { path: 'p.txt', sha256: '0'.repeat(64), length: 7, offsetUnit: 'utf16' }, labels: [], articles: [], columnBreaks: [],
      annotations: [{ id: 'a', start: 0, end: 2, text: '张三', label: 'PER', source: 'manual', status: 'accepted' }, { id: 'b', start: 3, end: 5, text: '北京', label: 'LOC', source: 'manual', status: 'accepted', prefix: '张三在', suffix: '工作' }] });
    const j = formatById('json')!.import(other, '今天张三在北京工作');
    assert.deepStrictEqual(j.annotations.map(a => [a.id, a.start]), [['b', 5]]);
    assert.match(j.skipped[0].reason, /keeps no context/);
  });

  it('refuses a file whose text does not match and cannot be re-anchored', () => {
    const content = JSON.stringify({ text: '完全不同的文字', label: [[0, 2, 'PER']] });
    assert.throws(() => formatById('doccano')!.import(content, text), (e: unknown) => e instanceof FormatError && e.reason === 'text-mismatch');
  });

  it('skips what it cannot represent, with the reason', () => {
    const ann = 'T1\tPER 0 2\t张三\nT2\tLOC 3 4;4 5\t北 京\nR1\tWorksIn Arg1:T1 Arg2:T2\nT3\tLOC 3 5\t上海\nT4\tORG 7 99\tx\n';
    const r = formatById('brat')!.import(ann, text);
    assert.deepStrictEqual(r.annotations.map(a => a.text), ['张三']);
    // Relations are resolved once every span is read: R1 goes because its end T2 could not be imported.
    assert.deepStrictEqual(r.skipped.map(s => s.item), ['line 2 T2', 'line 5 T4', 'line 4 T3', 'line 3 R1']);
    assert.match(r.skipped[0].reason, /discontinuous/);
    assert.match(r.skipped[1].reason, /past the end/);
    assert.match(r.skipped[2].reason, /not found again/);
    assert.strictEqual(r.skipped[3].reason, 'relation WorksIn: its end "T2" is not an imported span');
  });

  it('reads brat attributes and notes for status and number fields', () => {
    const t = '有3000多人';
    const ann = 'T1\tNUMBER 1 7\t3000多人\nA1\tStatus T1 accepted\n#1\tAnnotatorNotes T1\tvalue=3000 unit=人 approx=> kind=cardinal free text\n';
    const [a] = formatById('brat')!.import(ann, t, { status: 'keep' }).annotations;
    assert.deepStrictEqual({ status: a.status, value: a.value, unit: a.unit, approx: a.approx, kind: a.kind }, { status: 'accepted', value: 3000, unit: '人', approx: '>', kind: 'cardinal' });
  });

  it('reads CoNLL in BIO, BIOES and BMES, and reports unknown tags', () => {
    const t = '张三在北京';
    for (const content of ['张 B-PER\n三 I-PER\n在 O\n北 B-LOC\n京 I-LOC\n', '张 B-PER\n三 E-PER\n在 O\n北 B-LOC\n京 E-LOC\n', '张 B-PER\n三 E-PER\n在 O\n北 B_LOC\n京 M_LOC\n']) {
      assert.deepStrictEqual(formatById('conll')!.import(content, t).annotations.map(a => [a.text, a.label]), [['张三', 'PER'], ['北京', 'LOC']]);
    }
    const r = formatById('conll')!.import('张 B-PER\n三 X\n', '张三');
    assert.match(r.skipped[0].reason, /not O, B-/);
  });

  it('never crashes on bad input: a typed error or skipped items', () => {
    const bad: Array<[string, string]> = [
      ['json', '{"format": "biaozhu/annotations"'], ['doccano', '{"text": 1}'], ['labelstudio', '[{"data": 5}]'],
      ['spacy', '{"__proto__": {"polluted": true}}'], ['w3c', '"just a string"'], ['doccano', '{"text": "张三", "label": [[0, 1e300, "PER"], [-1, 1, "PER"], ["a", 1, "PER"], [0, 1, {"__proto__": 1}]]}'],
      ['labelstudio', '[{"data": {"text": "张三"}, "annotations": [{"result": [{"type": "labels", "value": {"start": 0, "end": 2, "text": "张三", "labels": [null]}}, 7]}]}]'],
    ];
    for (const [id, content] of bad) {
      try {
        const r = formatById(id)!.import(content, '张三');
        assert.ok(r.skipped.length > 0 || r.annotations.length === 0, `${id}: ${content}`);
      } catch (e) {
        assert.ok(e instanceof FormatError, `${id} threw ${String(e)}`);
      }
      assert.strictEqual(({} as Record<string, unknown>).polluted, undefined);
    }
  });
});

describe('interchange formats: detection', () => {
  const text = '张三';
  const doc = toDocument('t.txt', text, { articles: [], columnBreaks: [], annotations: [ann(text, '张三', 'PER')] });
  for (const plugin of formats) {
    it(`recognises its own ${plugin.id} export by content alone`, () => {
      const content = plugin.export(doc, text)[0].content;
      assert.strictEqual(detectFormat(content, 'unnamed')?.id, plugin.id);
      assert.strictEqual(detectFormat(content, `x${plugin.extensions[0]}`)?.id, plugin.id);
    });
  }
  it('gives up on something that is no format', () => {
    assert.strictEqual(detectFormat('hello world', 'notes.txt'), undefined);
  });
});

describe('interchange formats: fuzzed input', () => {
  const text = '𠀀张三在😀北京，有3000多人。\r\n';
  const doc = toDocument('t.txt', text, { articles: [], columnBreaks: [], annotations: [ann(text, '张三', 'PER'), ann(text, '3000多人', 'NUMBER', { value: 3000, kind: 'cardinal' })] });
  for (const plugin of formats) {
    it(`${plugin.id}: a truncated or corrupted export gives a result or a FormatError, never a crash`, () => {
      const good = plugin.export(doc, text)[0].content;
      fc.assert(fc.property(fc.nat(), fc.nat(), fc.constantFrom('', '"', '}', ']', '\t', '\n', '-1', '1e999', '__proto__', 'null', '𠀀'), (cut, at, junk) => {
        const broken = good.slice(0, cut % (good.length + 1)) + junk + good.slice(at % (good.length + 1));
        try {
          const r = plugin.import(broken, text);
          for (const a of r.annotations) assert.strictEqual(text.slice(a.start, a.end), a.text);
        } catch (e) {
          if (!(e instanceof FormatError)) throw e;
        }
      }), { numRuns: 300 });
    });
  }

  it('any JSON value, in any format, gives a result or a FormatError', () => {
    const shaped = fc.letrec(tie => ({
      value: fc.oneof({ depthSize: 'small' }, fc.constantFrom<unknown>(0, 2, -1, 1e300, 'PER', '张三', 'labels', 'Annotation', 'TextQuoteSelector', null, true), tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 4 }),
      object: fc.dictionary(fc.constantFrom('text', 'label', 'labels', 'entities', 'data', 'annotations', 'predictions', 'result', 'value', 'start', 'end', 'type', 'items', 'first', 'body', 'target', 'selector', 'exact', 'format', 'start_offset', 'end_offset'), tie('value'), { maxKeys: 5 }),
    })).value;
    fc.assert(fc.property(shaped, value => {
      for (const plugin of formats) {
        try {
          const r = plugin.import(JSON.stringify(value) ?? 'null', text);
          for (const a of r.annotations) assert.strictEqual(text.slice(a.start, a.end), a.text);
        } catch (e) {
          if (!(e instanceof FormatError)) throw new Error(`${plugin.id} crashed on ${JSON.stringify(value)}: ${String(e)}`);
        }
      }
    }), { numRuns: 500 });
  });
});

