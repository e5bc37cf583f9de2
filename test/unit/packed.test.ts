import * as assert from 'assert';
import fc from 'fast-check';
import { analyze } from '../../src/core/analyze';
import { toDocument } from '../../src/core/document';
import { serializeDocument } from '../../src/core/documentJson';
import { packAnnotations, transferables, unpackAnnotations } from '../../src/core/packed';
import { serializeDocumentChunks } from '../../src/core/serializeChunks';
import type { Annotation, AnnotationDocument } from '../../src/core/types';

const TEXT = '北京市有3000多人。\r\n𠀀新华社记者张三报道，约五成。';
const CASES: Array<{ name: string; annotations: Annotation[] }> = [
  { name: 'nothing', annotations: [] },
  { name: 'derived ids and texts', annotations: [
    { id: 'loc-0-3', start: 0, end: 3, text: '北京市', label: 'LOC', source: 'auto', status: 'suggested' },
    { id: 'number-4-10', start: 4, end: 10, text: '3000多人', label: 'NUMBER', source: 'auto', status: 'suggested', value: 3000, unit: '人', approx: '>', kind: 'cardinal' },
  ] },
  { name: 'own ids, stale text, custom label, zero and negative values', annotations: [
    { id: 'mine.2', start: 14, end: 17, text: 'not the slice', label: 'ORG', source: 'manual', status: 'rejected' },
    { id: 'x', start: 20, end: 22, text: TEXT.slice(20, 22), label: 'EVENT', source: 'manual', status: 'accepted' },
    { id: 'number-24-26', start: 24, end: 26, text: TEXT.slice(24, 26), label: 'NUMBER', source: 'auto', status: 'accepted', value: 0, kind: 'rate' },
    { id: 'number-26-27', start: 26, end: 27, text: TEXT.slice(26, 27), label: 'NUMBER', source: 'auto', status: 'accepted', value: -0.5, approx: '~', kind: 'percent' },
  ] },
];

/** JSON text, so key order counts: the sidecar must not churn because objects came back reordered. */
const asJson = (annotations: readonly Annotation[]) => annotations.map(a => JSON.stringify(a));

describe('packed annotations', () => {
  for (const { name, annotations } of CASES) {
    it(`round-trips ${name} with the same keys in the same order`, () => {
      assert.deepStrictEqual(asJson(unpackAnnotations(TEXT, packAnnotations(TEXT, annotations))), asJson(annotations));
    });
  }

  it('round-trips a real analysis, and any slice of it', () => {
    const text = '新华社北京3月5日电 国务院总理在人民大会堂作政府工作报告，全年增长约5.2%，新增就业1200多万人。\n'.repeat(20);
    const { annotations } = analyze(text, {});
    assert.ok(annotations.length > 40, 'the sample should produce annotations');
    const packed = packAnnotations(text, annotations);
    assert.deepStrictEqual(asJson(unpackAnnotations(text, packed)), asJson(annotations));
    assert.deepStrictEqual(asJson(unpackAnnotations(text, packed, 10, 25)), asJson(annotations.slice(10, 25)));
  });

  it('stores only a handful of strings for a page of derived annotations', () => {
    const text = '北京市'.repeat(1000);
    const annotations: Annotation[] = Array.from({ length: 1000 }, (_, i) => ({ id: `loc-${i * 3}-${i * 3 + 3}`, start: i * 3, end: i * 3 + 3, text: '北京市', label: 'LOC', source: 'auto', status: 'suggested' }));
    const packed = packAnnotations(text, annotations);
    assert.deepStrictEqual(packed.strings, ['LOC', 'auto', 'suggested']);
    // ints, values and confidences: three buffers moved, not copied.
    assert.strictEqual(transferables(packed).length, 3);
  });
});

describe('chunked document serialisation', () => {
  const doc = (n: number, orphans: Annotation[] | undefined) => ({
    ...toDocument('p.txt', TEXT.repeat(n + 1), {
      articles: n ? [{ id: 'a1', start: 0, end: 3, title: '北京', titleLines: ['北京'] }] : [],
      columnBreaks: n > 1 ? [{ start: 11, end: 13 }] : [],
      annotations: Array.from({ length: n }, (_, i) => ({ id: `loc-${i}`, start: i, end: i + 1, text: 'x', label: 'LOC', source: 'auto' as const, status: 'suggested' as const })),
    }),
    ...(orphans ? { orphans } : {}),
  }) as AnnotationDocument & Record<string, unknown>;

  for (const [n, perChunk, orphans] of [[0, 3, undefined], [1, 1, []], [7, 3, CASES[1].annotations], [1201, 500, []]] as const) {
    it(`gives serializeDocument's exact text for ${n} annotations in chunks of ${perChunk}${orphans ? ` with ${orphans.length} orphans` : ''}`, () => {
      const d = doc(n, orphans && [...orphans]);
      assert.strictEqual([...serializeDocumentChunks(d, perChunk)].join(''), serializeDocument(d));
    });
  }

  it('gives the same text as serializeDocument for any chunk size', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 50 }), (n, perChunk) => {
      const d = doc(n, []);
      return [...serializeDocumentChunks(d, perChunk)].join('') === serializeDocument(d);
    }), { numRuns: 200 });
  });
});
