/**
 * Number accuracy on the Chinese specs of Microsoft Recognizers-Text (recognizers-text/*.json). A case
 * passes when the recogniser yields exactly the expected spans (`Start`/`End` inclusive) with the expected
 * values (and currency units). Cases marked NotSupported/NotSupportedByDesign are excluded and counted.
 *
 * What is compared per file, following each spec's conventions:
 * - NumberModel: every bare numeral inside any mention (`numerals`: no 第, unit or approximation words).
 * - PercentModel: percent mentions (value in percent).
 * - OrdinalModel: ordinal mentions, from 第 to the end of the numeral (the measure word is not in the spec span).
 * - CurrencyModel: money mentions with their unit mapped to the spec's English names. Gold results without a
 *   value (a currency name alone, 人民币) are not numeric expressions: they are dropped and counted.
 * - DimensionModel, AgeModel (reported only): mentions with a unit, span and value.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { findNumbers } from '../src/core/numbers';
import type { NumberMention } from '../src/core/types';
import type { BenchSection } from './section';
import { benchDir } from './data';

interface SpecResult { Text: string; Start: number; End: number; Resolution?: { value?: string | null; unit?: string } | null }
interface SpecCase { Input: string; Results: SpecResult[]; NotSupported?: string; NotSupportedByDesign?: string; IgnoreResolution?: boolean }

/** A span with its value (and unit), as compared. */
interface Item { start: number; end: number; value: number | null; unit?: string }

const CURRENCY_NAMES: Record<string, string> = {
  元: 'Chinese yuan', 美元: 'United States dollar', 欧元: 'Euro', 日元: 'Japanese yen', 英镑: 'British pound', 港元: 'Hong Kong dollar',
  新台币: 'New Taiwan dollar', 澳元: 'Australian dollar', 加元: 'Canadian dollar', 瑞士法郎: 'Swiss franc', 奈拉: 'Nigerian naira',
  韩元: 'South Korean won', 卢布: 'Russian ruble', 比特币: 'Bitcoin', 新加坡元: 'Singapore dollar', 澳门元: 'Macanese pataca',
};
const AGE_UNITS: Record<string, string> = { 岁: 'Year', 周岁: 'Year', 虚岁: 'Year', 个月: 'Month', 周: 'Week', 天: 'Day', 星期: 'Week' };

export function recognizersDir(root: string): string {
  return join(benchDir(root), 'recognizers-text');
}

function gold(r: SpecResult, percent: boolean): Item {
  const raw = r.Resolution?.value;
  const value = raw === null || raw === undefined ? null : Number(percent ? raw.replace('%', '') : raw);
  return { start: r.Start, end: r.End + 1, value, ...(r.Resolution?.unit ? { unit: r.Resolution.unit } : {}) };
}

type Extract = (input: string, mentions: NumberMention[]) => Item[];

const numerals: Extract = (_, ms) => ms.flatMap(m => (m.numerals ?? []).map(p => ({ start: p.start, end: p.end, value: p.value })));
const percents: Extract = (_, ms) => ms.filter(m => m.kind === 'percent').map(m => ({ start: m.start, end: m.end, value: m.value }));
const ordinals: Extract = (_, ms) => ms.filter(m => m.kind === 'ordinal').map(m => ({ start: m.start, end: m.numerals?.[0]?.end ?? m.end, value: m.value }));
const money: Extract = (_, ms) => ms.filter(m => m.kind === 'money').map(m => ({ start: m.start, end: m.end, value: m.value, unit: CURRENCY_NAMES[m.unit ?? ''] ?? m.unit }));
const DIMENSION_UNITS = new Set(words('米 公里 千米 厘米 毫米 公分 分米 微米 km m cm mm 吨 公斤 千克 克 毫克 微克 斤 kg g mg 亩 公顷 平方米 平方公里 升 毫升 字节 千字节 兆字节 比特'));
const withUnit: Extract = (_, ms) => ms.filter(m => m.unit && DIMENSION_UNITS.has(m.unit)).map(m => ({ start: m.start, end: m.end, value: m.value }));
const ages: Extract = (_, ms) => ms.filter(m => m.unit && AGE_UNITS[m.unit]).map(m => ({ start: m.start, end: m.end, value: m.value, unit: AGE_UNITS[m.unit!] }));

const FILES: Array<{ file: string; extract: Extract; percent?: boolean; units?: boolean; main: boolean }> = [
  { file: 'Number-NumberModel.json', extract: numerals, main: true },
  { file: 'Number-PercentModel.json', extract: percents, percent: true, main: true },
  { file: 'Number-OrdinalModel.json', extract: ordinals, main: true },
  { file: 'NumberWithUnit-CurrencyModel.json', extract: money, units: true, main: true },
  { file: 'NumberWithUnit-DimensionModel.json', extract: withUnit, main: false },
  { file: 'NumberWithUnit-AgeModel.json', extract: ages, units: true, main: false },
];
/** Data this section needs, relative to benchDir (checked by requireData before a run). */
export const dataFiles = FILES.map(f => `recognizers-text/${f.file}`);

function words(s: string): string[] {
  return s.split(' ');
}

function close(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

function unitMatches(got: string | undefined, want: string | undefined): boolean {
  if (!want) return true;
  // The spec's bare `Dollar` ($20) accepts any dollar.
  return got === want || (want === 'Dollar' && /dollar$/i.test(got ?? ''));
}

function same(got: Item[], want: Item[], units: boolean, ignoreValue: boolean): boolean {
  if (got.length !== want.length) return false;
  const g = [...got].sort((a, b) => a.start - b.start);
  const w = [...want].sort((a, b) => a.start - b.start);
  return g.every((x, i) => x.start === w[i].start && x.end === w[i].end && (ignoreValue || close(x.value, w[i].value)) && (!units || unitMatches(x.unit, w[i].unit)));
}

export function evaluate(root: string): BenchSection[] {
  const dir = recognizersDir(root);
  const rows: Array<Array<string | number>> = [];
  const data: Record<string, unknown> = {};
  for (const spec of FILES) {
    const path = join(dir, spec.file);
    const cases = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as SpecCase[];
    let supported = 0;
    let passed = 0;
    let dropped = 0;
    const failures: unknown[] = [];
    for (const c of cases) {
      if (c.NotSupported !== undefined || c.NotSupportedByDesign !== undefined) continue;
      supported++;
      let want = c.Results.map(r => gold(r, !!spec.percent));
      if (spec.units) {
        const kept = want.filter(w => w.value !== null);
        dropped += want.length - kept.length;
        want = kept;
      }
      const mentions = findNumbers(c.Input);
      const got = spec.extract(c.Input, mentions);
      if (same(got, want, !!spec.units, !!c.IgnoreResolution)) passed++;
      else if (failures.length < 20) {
        const show = (xs: Item[]) => xs.map(x => `${c.Input.slice(x.start, x.end)}=${x.value}${x.unit ? ' ' + x.unit : ''}`);
        failures.push({ input: c.Input, expected: show(want), got: show(got) });
      }
    }
    const name = spec.file.replace(/\.json$/, '') + (spec.main ? '' : ' (report only)');
    rows.push([name, cases.length, supported, cases.length - supported, passed, supported ? passed / supported : 0]);
    data[spec.file] = { cases: cases.length, supported, passed, ...(dropped ? { valuelessGoldDropped: dropped } : {}), failures };
  }
  return [{
    title: 'Numbers (Recognizers-Text Chinese specs)',
    headers: ['file', 'cases', 'supported', 'excluded', 'passed', 'pass rate'],
    rows,
    data,
  }];
}
