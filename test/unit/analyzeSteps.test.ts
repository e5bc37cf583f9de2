import * as assert from 'assert';
import { analyze, analyzeWithoutEntities } from '../../src/core/analyze';
import { mergeAnalysis } from '../../src/core/merge';

/** Composed news text (no seed sentences): numbers, people, places and two articles. */
const text = [
  '新区科技博览会开幕',
  '本报讯 2024年5月8日，第十二届科技博览会在滨江会展中心开幕，来自30个国家的500多家企业参展，总金额达120亿元。',
  '',
  '储能电池明年量产',
  '华夏新能源有限公司发布新一代储能电池，能量密度提高近三成，市科技局局长陈国华出席。',
].join('\n');

describe('analysis in two steps: without entities first, the full result after', () => {
  const quick = analyzeWithoutEntities(text);
  const full = analyze(text);

  it('the first step has the full analysis structure and numbers, and no entity', () => {
    assert.deepStrictEqual(quick.articles, full.articles);
    assert.deepStrictEqual(quick.columnBreaks, full.columnBreaks);
    assert.ok(quick.annotations.length > 0);
    assert.ok(quick.annotations.every(a => a.label === 'NUMBER'));
    assert.deepStrictEqual(quick.annotations, analyze(text, { entities: false }).annotations);
    // Every number the full result keeps was already shown by the first step, unchanged.
    const shown = new Set(quick.annotations.map(a => JSON.stringify(a)));
    const numbers = full.annotations.filter(a => a.label === 'NUMBER');
    assert.ok(numbers.length > 0 && numbers.every(a => shown.has(JSON.stringify(a))));
    assert.ok(full.annotations.some(a => a.label !== 'NUMBER'));
  });

  it('a number accepted or rejected between the two steps stays as the user left it', () => {
    const [first, second] = quick.annotations;
    const afterUser = quick.annotations.map(a => a === first ? { ...a, status: 'accepted' as const } : a === second ? { ...a, status: 'rejected' as const } : a);
    const merged = mergeAnalysis(afterUser, full.annotations);
    assert.deepStrictEqual(merged.find(a => a.id === first.id), { ...first, status: 'accepted' });
    assert.deepStrictEqual(merged.find(a => a.id === second.id), { ...second, status: 'rejected' });
    assert.strictEqual(merged.filter(a => a.id === first.id).length, 1);
    // The entities arrive with the second step.
    assert.ok(merged.some(a => a.label !== 'NUMBER'));
  });
});
