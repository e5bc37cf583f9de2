import type { NumberMention } from '../types';
import { scanNumbers } from './scan';

/**
 * Every numeric expression in `text`, sorted and non-overlapping, with UTF-16 offsets into exactly `text`.
 *
 * Conventions of `value`:
 * - cardinal: the number itself, multipliers applied (1.52万余学时 → 15200, approx '>', unit 学时).
 * - money: the amount in the unit named (58万元 → 580000 元; 1.2亿美元 → 120000000 美元); ￥/$ signs give 元/美元.
 * - percent: in percent (30%, 百分之三十, 三成 → 30, unit '%'; 千分之五 → 0.5 '%'; 八折 → 80 '%');
 *   percentage points keep their own unit (3个百分点 → 3, unit 百分点).
 * - rate: fractions as their quotient (三分之一 → 0.333…), and per-unit quantities (5元/斤 → 5, unit 元/斤).
 * - date: the fields present concatenated, each after the first as two digits; unit = the last field
 *   (2020年 → 2020 年; 2020年12月1日 → 20201201 日; 12月1日 → 1201 日; 9时30分 → 930 分).
 * - duration: the count in its unit (3个月 → 3 个月; 一年半 → 1.5 年); ages (岁) are durations.
 * - ordinal: the position (第九批 → 9 批; 三年级 → 3 年级; 十九大 → 19 大).
 * Ranges of neighbouring digits (三四十人) take the lower bound with approx '~'.
 * A Chinese numeral without a unit counts only with structure (十, 百, 点…) or in a telling context, so
 * 一线, 统一, 进一步, 零距离, 五谷, 十分 are not numbers.
 * A numeral too large for a double (over ~1e308) is not reported: its value could not be written as JSON.
 */
export function findNumbers(text: string): NumberMention[] {
  return scanNumbers(text).filter(m => Number.isFinite(m.value));
}
