/**
 * Reads one bare numeral: Arabic (thousands separators, decimals, exponents), Chinese (十百千万亿, 零,
 * 两, financial forms, 点 decimals, the spoken abbreviation 两千四百五 = 2450), and mixes of both
 * (1.52万, 5万4千6百). No sign, unit or approximation word outside the numeral is read here.
 */
import type { Approx } from '../types';
import { C, CLASS, VALUE, TWO_COLLOQUIAL, isArabic, isFullWidthDigit, isInlineSpace, isDot, isDecimalPointHan, isAsciiLetter } from './chars';

export interface Numeral {
  start: number;
  end: number;
  value: number;
  /** From 余/多/几 inside the numeral (十多万, 二十几) or a range of neighbours (三四十). */
  approx?: Approx;
  arabic: boolean;
  /** Chinese numeral characters read. */
  han: number;
  /** Contains 十百千万亿 or a decimal point: a Chinese numeral that can stand without a measure word. */
  structured: boolean;
  /** Every Chinese character read is an ambiguous financial form (陆, 伍, 拾 …). */
  ambiguous: boolean;
  /** Length of a digit-by-digit Chinese run (二〇二〇), 0 otherwise. */
  run: number;
  /** Integer digits of a plain Arabic integer (no multiplier), 0 otherwise. */
  plainDigits: number;
  /** Ends in a multiplier or an Arabic 0, so 余/多/来 may follow (300余, 十多). */
  round: boolean;
  /** Starts with a bare 百/千/万 (百三, 千余). */
  bareLead: boolean;
  /** Has a digit (Arabic, Chinese or 几), not only multipliers (百万). */
  digits: boolean;
}

const enum P { None, Han, Arabic, Few, Zero }
const enum T { Start, Unit, Zero, Digit, Arabic, Filler, Decimal }

const YU = 0x4f59; // 余
const DUO = 0x591a; // 多
const JI = 0x51e0; // 几
const JI_T = 0x5e7e; // 幾
const QIAN = 0x5343; // 千
const ZHAO = 0x5146; // 兆
/** After 千, these make a kilo- unit (千米, 千克), not a thousand. */
const KILO = new Set(['米', '克', '瓦', '卡', '伏', '焦', '字', '比', '帕', '赫']);

function code(t: string, i: number): number {
  return i < t.length ? t.charCodeAt(i) : 0;
}

function skipSpaces(t: string, i: number): number {
  while (i < t.length && isInlineSpace(t.charCodeAt(i))) i++;
  return i;
}

function isRange(a: number, b: number): boolean {
  return b === a + 1 || (a === 3 && b === 5);
}

/** An Arabic number at `i`: value and end, or undefined. `version` marks 1.2.3-like tokens (never a number). */
export function readArabic(t: string, i: number): { end: number; value: number; intDigits: number; version?: boolean } | undefined {
  let p = i;
  let s = '';
  const digit = (k: number) => isArabic(code(t, k));
  const ascii = (k: number) => String.fromCharCode(VALUE[code(t, k)] + 48);
  let intDigits = 0;
  if (isDot(code(t, p))) {
    if (!digit(p + 1) || digit(p - 1)) return undefined;
  } else {
    while (digit(p)) { s += ascii(p); p++; intDigits++; }
    if (intDigits === 0) return undefined;
    // Thousands separators: 1,050,000 and, between full-width digits only, ４，５６５.
    if (intDigits <= 3) {
      for (;;) {
        const sep = code(t, p);
        const ok = sep === 0x2c || (sep === 0xff0c && isFullWidthDigit(code(t, p - 1)) && isFullWidthDigit(code(t, p + 1)));
        if (!ok || !digit(p + 1) || !digit(p + 2) || !digit(p + 3) || digit(p + 4)) break;
        s += ascii(p + 1) + ascii(p + 2) + ascii(p + 3);
        intDigits += 3;
        p += 4;
      }
    }
  }
  if ((isDot(code(t, p)) || (isMiddleDot(code(t, p)) && middleDotIsDecimal(t, p, s))) && digit(p + 1)) {
    s += '.';
    p++;
    while (digit(p)) { s += ascii(p); p++; }
    if (isDot(code(t, p)) && digit(p + 1)) return { end: p, value: NaN, intDigits, version: true };
  }
  let value = Number(s);
  // Exponents: 2e5, 12.32e+14, 2^-1, 1.1^+23.
  const e = code(t, p);
  if (e === 0x65 || e === 0x45 || e === 0x5e) {
    let q = p + 1;
    let neg = false;
    while (code(t, q) === 0x2b || isMinus(code(t, q))) { if (isMinus(code(t, q))) neg = !neg; q++; if (e !== 0x5e) break; }
    let x = '';
    while (digit(q)) { x += ascii(q); q++; }
    if (e === 0x5e && isDot(code(t, q)) && digit(q + 1)) { x += '.'; q++; while (digit(q)) { x += ascii(q); q++; } }
    if (x && !isAsciiLetter(code(t, q))) {
      const ex = Number(x) * (neg ? -1 : 1);
      value = e === 0x5e ? Math.pow(value, ex) : Number(`${s}e${ex}`);
      p = q;
    }
  }
  return { end: p, value, intDigits };
}

function isMiddleDot(c: number): boolean {
  return c === 0xb7 || c === 0x30fb || c === 0xff65;
}

/**
 * Older news typesetting writes decimals with a middle dot (41·4％, 1·2万); newer text also names events by
 * month·day (9·11, 5·12). Decimal when it cannot be a date, or when a multiplier, percent or single digit
 * and a word follow.
 */
function middleDotIsDecimal(t: string, at: number, left: string): boolean {
  let q = at + 1;
  while (isArabic(code(t, q))) q++;
  const right = q - at - 1;
  if (right === 0) return false;
  if (Number(left) > 12 || right >= 3) return true;
  const next = code(t, q);
  return (CLASS[next] & (C.Small | C.Big)) !== 0 || next === 0x25 || next === 0xff05 || next === 0x2030 || (right === 1 && (CLASS[next] & C.Han) !== 0);
}

function isMinus(c: number): boolean {
  return c === 0x2d || c === 0xff0d || c === 0x2212;
}

/** A numeral starting at `i`, or undefined. */
// Scratch arrays reused by every call: the scan is single-threaded and readNumeral is not re-entrant.
const parts: number[] = [];
const scales: number[] = [];
const run: number[] = [];

export function readNumeral(t: string, i: number): Numeral | undefined {
  const n = t.length;
  parts.length = 0;
  scales.length = 0;
  run.length = 0;
  let section = 0;
  let pending: number | null = null;
  let pendingKind = P.None;
  let beforePending = T.Start;
  let frac = 0;
  let last = T.Start;
  let lastSmall = Infinity;
  let lastUnit = 0;
  let approx: Approx | undefined;
  let arabic = false;
  let han = 0;
  let ambiguous = 0;
  let structured = false;
  let hasUnit = false;
  let decimal = false;
  let bareLead = false;
  let plainDigits = 0;
  let hadDigit = false;
  let runFirstEnd = i;
  let end = i;
  let p = i;
  /** 三四十, 二三百: two neighbouring digits before a multiplier are a range; false when they cannot be one. */
  const rangeBeforeMultiplier = (): boolean => {
    if (run.length < 2) return true;
    if (run.length > 2 || !isRange(run[0], run[1])) return false;
    pending = run[0];
    approx = '~';
    run.length = 0;
    return true;
  };

  while (p < n) {
    const q = p > i ? skipSpaces(t, p) : p;
    if (q >= n) break;
    const c = t.charCodeAt(q);
    const k = CLASS[c];
    if (q > p) {
      // Spaces join Chinese numerals (一百 五 十 二, 7 万5 千) but never two Arabic numbers or a lone digit pair.
      const nextUnitish = (k & (C.Small | C.Big)) !== 0 || isDecimalPointHan(c) || c === YU || c === DUO || c === JI || c === JI_T;
      const prevHan = last === T.Unit || last === T.Digit || last === T.Zero || last === T.Decimal || last === T.Filler;
      if (!(nextUnitish || (prevHan && (k & (C.Digit | C.Arabic)) !== 0 && last === T.Unit))) break;
    }
    if ((k & C.Arabic) || (q === i && isDot(c))) {
      if (pending !== null || decimal || run.length) break;
      if (last !== T.Start && last !== T.Unit && last !== T.Zero) break;
      const a = readArabic(t, q);
      if (!a || a.version) break;
      pending = a.value;
      hadDigit = true;
      pendingKind = P.Arabic;
      beforePending = last;
      arabic = true;
      if (last === T.Start) plainDigits = a.intDigits;
      if (!Number.isInteger(a.value)) decimal = true;
      p = end = a.end;
      last = T.Arabic;
      continue;
    }
    if (c === JI || c === JI_T) {
      if (pending !== null || run.length) break;
      const after = CLASS[code(t, skipSpaces(t, q + 1))];
      const unitNext = (after & (C.Small | C.Big)) !== 0;
      if (!unitNext && last !== T.Unit && last !== T.Zero) break;
      pending = unitNext && last === T.Start ? 1 : 0;
      hadDigit = true;
      pendingKind = P.Few;
      beforePending = last;
      approx = '>';
      han++;
      p = end = q + 1;
      last = T.Digit;
      continue;
    }
    if (k & C.Digit) {
      if (decimal) break;
      const v = VALUE[c];
      if (v === 0 && hasUnit && pending === null) {
        // 零 between units (一千零一) only marks the gap.
        han++;
        p = end = q + 1;
        last = T.Zero;
        continue;
      }
      if (pending !== null) {
        if (pendingKind !== P.Han && pendingKind !== P.Zero) break;
        if (hasUnit || q > p) break;
        run.push(v);
      } else {
        pending = v;
        hadDigit = true;
        pendingKind = v === 0 ? P.Zero : P.Han;
        beforePending = last;
        run.length = 0;
        run.push(v);
        runFirstEnd = q + 1;
      }
      han++;
      if (k & C.Ambiguous) ambiguous++;
      p = end = q + 1;
      last = T.Digit;
      continue;
    }
    if (k & C.Small) {
      if (c === QIAN && pending !== null && KILO.has(t[q + 1] ?? '')) break;
      if (decimal && pendingKind !== P.Arabic) break;
      if (!rangeBeforeMultiplier()) break;
      const u = VALUE[c];
      let mult: number;
      if (pending === null) {
        if (last === T.Start) { mult = 1; if (u > 10) bareLead = true; }
        else if (last === T.Zero) mult = 1;
        else break;
      } else if (pendingKind === P.Zero) {
        mult = 1; // 零十 = 10
      } else {
        mult = pending;
      }
      if (u >= lastSmall) break;
      section += mult * u;
      run.length = 0;
      pending = null;
      pendingKind = P.None;
      lastSmall = u;
      lastUnit = u;
      hasUnit = structured = true;
      han++;
      if (k & C.Ambiguous) ambiguous++;
      p = end = q + 1;
      last = T.Unit;
      continue;
    }
    if (k & C.Big) {
      if (c === ZHAO && !(CLASS[code(t, skipSpaces(t, q + 1))] & (C.Digit | C.Small))) break;
      if (!rangeBeforeMultiplier()) break;
      const u = VALUE[c];
      let lower = section + (pending ?? 0) + frac;
      if (pending === null && section === 0 && frac === 0 && parts.length === 0) {
        if (last !== T.Start) break;
        lower = 1;
        bareLead = true;
      }
      let scale = 1;
      while (parts.length && scales[scales.length - 1] <= u) {
        lower += parts.pop()!;
        scale = Math.max(scale, scales.pop()!);
      }
      if (lower === 0) break;
      parts.push(lower * u);
      scales.push(u * scale);
      run.length = 0;
      section = 0;
      pending = null;
      pendingKind = P.None;
      frac = 0;
      lastSmall = Infinity;
      lastUnit = u;
      hasUnit = structured = true;
      han++;
      p = end = q + 1;
      last = T.Unit;
      continue;
    }
    if (isDecimalPointHan(c)) {
      if (decimal || pendingKind === P.Arabic || (pending === null && section === 0 && parts.length === 0)) break;
      if (run.length > 1) break;
      let r = skipSpaces(t, q + 1);
      let digits = '';
      while (r < n && (CLASS[t.charCodeAt(r)] & C.Digit) && !TWO_COLLOQUIAL.has(t[r])) { digits += String(VALUE[t.charCodeAt(r)]); r++; }
      if (!digits) break;
      // 三点五十分, 九点一刻: a clock time, not a decimal.
      const after = t[skipSpaces(t, r)];
      if (after && ((CLASS[after.charCodeAt(0)] & C.Small) || '分刻半钟'.includes(after))) break;
      frac = Number('0.' + digits);
      decimal = structured = true;
      han += 1 + digits.length;
      p = end = r;
      last = T.Decimal;
      run.length = 0;
      continue;
    }
    if ((c === YU || c === DUO) && (pending !== null || section > 0)) {
      // 十余万, 一千多万: an approximation inside the numeral, only before a multiplier.
      const r = skipSpaces(t, q + 1);
      if (!(CLASS[code(t, r)] & C.Big)) break;
      approx = '>';
      p = q + 1;
      last = T.Filler;
      continue;
    }
    break;
  }
  if (end === i) return undefined;

  let value: number;
  let runLen = 0;
  if (run.length >= 2 && !hasUnit) {
    if (run.length === 2 && isRange(run[0], run[1])) {
      value = run[0];
      approx = '~';
    } else if (run.length === 2 && !'折成'.includes(t[skipSpaces(t, end)] ?? '\0')) {
      // Two unrelated digits (一一, 五四) are not one number: keep the first.
      end = runFirstEnd;
      value = run[0];
      han = 1;
    } else {
      value = Number(run.join(''));
      runLen = run.length;
    }
  } else {
    let tail = pending ?? 0;
    // 两千四百五 = 2450, 一万三 = 13000: a last digit straight after a multiplier scales down from it.
    if (pendingKind === P.Han && beforePending === T.Unit && lastUnit >= 100) tail = tail * lastUnit / 10;
    value = parts.reduce((a, b) => a + b, 0) + section + tail + frac;
  }
  if (!hasUnit && !arabic && pending === null && run.length === 0) return undefined;
  const round = last === T.Unit || (pendingKind === P.Arabic && Number.isInteger(pending) && (pending as number) % 10 === 0 && pending !== 0);
  return {
    start: i, end, value, approx, arabic, han, structured, ambiguous: han > 0 && ambiguous === han && !arabic,
    run: runLen, plainDigits: !hasUnit && arabic && !decimal ? plainDigits : 0, round, bareLead,
    digits: hadDigit,
  };
}
