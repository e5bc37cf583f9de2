import * as assert from 'assert';
import { countAnnotations, describeNumber, formatNumber, normalisedValue } from '../../src/core/describe';
import type { Annotation } from '../../src/core/types';

describe('describeNumber', () => {
  const cases: Array<[string, Pick<Annotation, 'text' | 'value' | 'unit' | 'approx'>, string | undefined]> = [
    ['more than, with a unit', { text: '1.52万余学时', value: 15200, unit: '学时', approx: '>' }, '1.52万余学时 → more than 15,200 学时'],
    ['nearly', { text: '近百人', value: 100, unit: '人', approx: '<' }, '近百人 → nearly 100 人'],
    ['about', { text: '约3.5亿元', value: 350000000, unit: '元', approx: '~' }, '约3.5亿元 → about 350,000,000 元'],
    ['exact, without a unit', { text: '两千', value: 2000 }, '两千 → 2,000'],
    ['decimals kept', { text: '0.25', value: 0.25 }, '0.25 → 0.25'],
    ['no value', { text: '若干' }, undefined],
  ];
  for (const [name, a, expected] of cases) {
    it(name, () => assert.strictEqual(describeNumber(a), expected));
  }

  it('uses the given words, number placed by the template', () => {
    assert.strictEqual(normalisedValue({ value: 58, unit: '万元', approx: '>' }, { '>': '{0}以上', '<': '近{0}', '~': '约{0}' }), '58 万元以上');
  });

  it('formats large numbers with separators', () => {
    assert.strictEqual(formatNumber(1234567.5), '1,234,567.5');
  });
});

describe('countAnnotations', () => {
  it('counts drawn items by label and pending suggestions, and rejected ones apart', () => {
    const mk = (label: string, status: Annotation['status']): Annotation => ({ id: label + status, start: 0, end: 1, text: 'x', label, source: 'auto', status });
    const c = countAnnotations([mk('PER', 'suggested'), mk('PER', 'accepted'), mk('LOC', 'rejected'), mk('NUMBER', 'suggested')]);
    assert.deepStrictEqual({ ...c, byLabel: { ...c.byLabel } }, { total: 3, pending: 2, accepted: 1, rejected: 1, byLabel: { PER: 2, NUMBER: 1 } });
  });
});
