/**
 * The number recogniser: one left-to-right pass that stops only at characters that can begin a numeral,
 * reads the numeral, then what is around it (sign, 第, approximation words, unit, date fields, fractions,
 * percent forms) and decides whether a Chinese numeral is really a number here.
 */
import type { Approx, NumberKind, NumberMention, Span } from '../types';
import { C, CLASS, VALUE, isArabic, isAsciiLetter, isHan, isInlineSpace, isMinus } from './chars';
import { APPROX_AFTER, APPROX_BEFORE, NOT_NUMBERS, UNIT_STARTS, Unit, kindOf, unitAt } from './lexicon';
import { Numeral, readArabic, readNumeral } from './numeral';

type Part = Span & { value: number };

interface Found {
  start: number;
  end: number;
  value: number;
  unit?: string;
  approx?: Approx;
  kind: NumberKind;
  numerals: Part[];
}

const START = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) if (CLASS[c] & (C.Arabic | C.Digit | C.Small | C.Big)) START[c] = 1;
for (const ch of '几幾半对對.．') START[ch.charCodeAt(0)] = 1;

/** Characters that can follow a lone Chinese digit in a number (units, 分之, 余, 点 …); any other Han character rules it out. */
const FOLLOW = new Uint8Array(65536);
for (const ch of UNIT_STARTS + '余多来几幾点點分又打个個半/／%％‰百千万萬亿億兆十拾佰仟') FOLLOW[ch.charCodeAt(0)] = 1;
for (let c = 0; c < 65536; c++) if (CLASS[c] & (C.Arabic | C.Digit)) FOLLOW[c] = 1;

/** 第一, 是五, 前三: characters that let a lone digit stand before any word. */
const CONTEXT_BEFORE = new Uint8Array(65536);
for (const ch of '第是前') CONTEXT_BEFORE[ch.charCodeAt(0)] = 1;

/** Last characters of the approximation words that may stand before a number. */
const APPROX_LAST = new Uint8Array(65536);
for (const a of APPROX_BEFORE) APPROX_LAST[a.word.charCodeAt(a.word.length - 1)] = 1;

/** Exclusion words indexed by each numeral character they contain, with its offset in the word. */
const EXCLUDED = new Map<string, Array<{ word: string; at: number }>>();
for (const word of NOT_NUMBERS) {
  for (let k = 0; k < word.length; k++) {
    if (!(CLASS[word.charCodeAt(k)] & (C.Digit | C.Small | C.Big)) && !'半几'.includes(word[k])) continue;
    const list = EXCLUDED.get(word[k]) ?? [];
    list.push({ word, at: k });
    EXCLUDED.set(word[k], list);
  }
}

const TIME_OF_DAY = ['上午', '下午', '中午', '晚上', '凌晨', '早上', '傍晚', '夜里', '夜间', '清晨', '早晨', '晚', '早', '夜'];
const NOT_AFTER_CHENG = '员立为功果本都绩交长熟就型品效形语群批套片堆份';
const NOT_AFTER_ZHE = '合算旧叠腾射服磨返扣价损现线痕';
/** 多 starting an adjective (多样, 多边, 多彩) rather than meaning "more than". */
const DUO_WORDS = '样边方媒彩层重数少么达';
const NOT_AFTER_DUO = '元样种次项个名家位边方媒彩层重数少么达年月';
const NOT_AFTER_DOZEN = '开听量算造击破电扫工扮球响通进赢出入下好牢折卡分包印针的车架仗拼捞假黑压消磨扰动断倒垮招交基赌成掉死伤败胜退跑了着过起来去到得在上中一';
const POINTS = ['个百分点', '個百分點', '百分点', '百分點'];
const CONGRESS_NEXT = ['以来', '精神', '报告', '代表', '召开', '开幕', '闭幕', '期间', '胜利', '提出', '强调', '作出', '部署', '上', '和', '的'];

function code(t: string, i: number): number {
  return i >= 0 && i < t.length ? t.charCodeAt(i) : 0;
}

function skipSpaces(t: string, i: number): number {
  while (i < t.length && isInlineSpace(t.charCodeAt(i))) i++;
  return i;
}

/** End of `word` at `at`, letting inline spaces sit between its characters; -1 when absent. */
function wordAt(t: string, at: number, word: string): number {
  let p = at;
  for (let k = 0; k < word.length; k++) {
    if (k > 0) p = skipSpaces(t, p);
    if (t[p] !== word[k]) return -1;
    p++;
  }
  return p;
}

function anyWordAt(t: string, at: number, words: string[]): number {
  for (const w of words) { const e = wordAt(t, at, w); if (e >= 0) return e; }
  return -1;
}

function isWordChar(c: number): boolean {
  return isHan(c) || isArabic(c) || isAsciiLetter(c);
}

function part(n: Numeral): Part {
  return { start: n.start, end: n.end, value: n.value };
}

/** A numeral that may carry its own sign (负三, -3), for the parts of fractions. */
function readSigned(t: string, at: number): { n: Numeral; sign: number; start: number } | undefined {
  const c = code(t, at);
  const signed = c === 0x8d1f || c === 0x8ca0 || isMinus(c);
  const n = readNumeral(t, signed ? at + 1 : at);
  return n ? { n, sign: signed ? -1 : 1, start: at } : undefined;
}

interface Prefix {
  start: number;
  sign: number;
  /** Where the numeral starts, its sign included. */
  numeral: number;
  ordinal: boolean;
  currency?: string;
  approx?: Approx;
  approxWord?: string;
  /** 上万, 数十: a leading multiplier made a number by the word before it. */
  up: boolean;
}

const CURRENCY_SIGNS: Record<string, string> = { '￥': '元', '¥': '元', '$': '美元', '＄': '美元', '€': '欧元', '£': '英镑', '￡': '英镑' };

/** What stands before the numeral at `s`: sign, currency sign, 第, approximation word; never before `floor`. */
function prefixOf(t: string, s: number, floor: number): Prefix {
  let k = s;
  let sign = 1;
  const c1 = code(t, k - 1);
  if (k - 1 >= floor && (c1 === 0x8d1f || c1 === 0x8ca0) && !'胜正抱自担肩辜欺背身'.includes(t[k - 2] ?? '\0')) { sign = -1; k--; }
  else if (k - 1 >= floor && isMinus(c1) && !isWordChar(code(t, k - 2)) && !isMinus(code(t, k - 2))) { sign = -1; k--; }
  else if (k - 2 >= floor && t.startsWith('零下', k - 2)) { sign = -1; k -= 2; }
  const numeral = k;
  let currency: string | undefined;
  const cs = t[k - 1];
  if (k - 1 >= floor && cs && CURRENCY_SIGNS[cs]) {
    currency = CURRENCY_SIGNS[cs];
    k--;
    if (cs === '$' && k - 2 >= floor && /^(US|HK)$/.test(t.slice(k - 2, k))) { currency = t[k - 2] === 'H' ? '港元' : '美元'; k -= 2; }
  }
  let ordinal = false;
  if (k - 1 >= floor && t[k - 1] === '第' && sign === 1) { ordinal = true; k--; }
  let up = false;
  let approx: Approx | undefined;
  let approxWord: string | undefined;
  const lead = CLASS[code(t, s)] & (C.Small | C.Big);
  if (!ordinal && lead && k === s && k - 1 >= floor && '上数數'.includes(t[k - 1])) {
    up = true;
    approx = '>';
    approxWord = t[k - 1];
    k--;
  }
  if (!ordinal && !approx && k - 1 >= floor && APPROX_LAST[code(t, k - 1)]) {
    for (const a of APPROX_BEFORE) {
      const at = k - a.word.length;
      if (at < floor || !t.startsWith(a.word, at)) continue;
      if (a.notAfter && a.notAfter.includes(t[at - 1] ?? '\0')) continue;
      approx = a.approx;
      approxWord = a.word;
      k = at;
      break;
    }
  }
  return { start: k, sign, numeral, ordinal, currency, approx, approxWord, up };
}

function isExcluded(t: string, coreStart: number, start: number, end: number): boolean {
  const list = EXCLUDED.get(t[coreStart]);
  if (!list) return false;
  for (const { word, at } of list) {
    const p = coreStart - at;
    if (p >= 0 && start >= p && end <= p + word.length && t.startsWith(word, p)) return true;
  }
  return false;
}

/** After a finished quantity: 左右, 以上 … (and 许 after a clock time). */
function approxAfter(t: string, at: number, time: boolean): { end: number; approx: Approx } | undefined {
  for (const a of APPROX_AFTER) {
    if (!t.startsWith(a.word, at)) continue;
    if (a.notBefore && a.notBefore.includes(t[at + a.word.length] ?? '\0')) continue;
    return { end: at + a.word.length, approx: a.approx };
  }
  if (time && t[at] === '许') return { end: at + 1, approx: '~' };
  return undefined;
}

function isInt(n: Numeral | undefined, lo: number, hi: number): n is Numeral {
  return !!n && Number.isInteger(n.value) && n.value >= lo && n.value <= hi && !n.approx;
}

const pad2 = (v: number) => String(v).padStart(2, '0');

/**
 * Date and clock fields from `first` on: 2020年12月1日, 12月1日, 1日, 9时30分, 20点. The value is the
 * fields present, concatenated, each after the first zero-padded to two digits (2020年12月1日 → 20201201,
 * 12月1日 → 1201, 9时30分 → 930); the unit names the last field (年/月/日/时/分/秒).
 */
function readDate(t: string, first: Numeral, field: 0 | 1 | 2 | 3, timeContext: boolean): Found | undefined {
  let digits = '';
  let unit = '';
  let end = first.end;
  const numerals: Part[] = [];
  let n: Numeral | undefined = first;
  let f = field;
  let approx: Approx | undefined;
  const take = (num: Numeral, u: string, stop: number) => {
    digits += digits ? pad2(num.value) : String(num.value);
    numerals.push(part(num));
    unit = u;
    end = stop;
  };
  if (f === 0) {
    take(first, '年', first.end + 1);
    f = 1;
    n = readNumeral(t, end);
  }
  if (f === 1 && n && isInt(n, 1, 12) && t[n.end] === '月') {
    take(n, '月', n.end + 1);
    f = 2;
    n = readNumeral(t, end);
  } else if (field === 1) return undefined;
  if (f === 2 && n && isInt(n, 1, 31) && (t[n.end] === '日' || t[n.end] === '号' || t[n.end] === '號')) {
    take(n, '日', n.end + 1);
    f = 3;
    n = readNumeral(t, end);
  } else if (field === 2) return undefined;
  if (f === 3 && n && isInt(n, 0, 24)) {
    const u = t[n.end];
    const isClock = u === '时' || u === '時' || ((u === '点' || u === '點') && (timeContext || field < 3 || clockFollows(t, n.end + 1)));
    if (isClock) {
      take(n, '时', n.end + 1);
      if (t[end] === '半') { digits += '30'; unit = '分'; end++; }
      else {
        const m = readNumeral(t, end);
        if (isInt(m, 0, 59) && t[m.end] === '分' && t[m.end + 1] !== '之') {
          take(m, '分', m.end + 1);
          const sec = readNumeral(t, end);
          if (isInt(sec, 0, 59) && t[sec.end] === '秒') take(sec, '秒', sec.end + 1);
        } else if (t[end] === '整' || t[end] === '钟' || t[end] === '鐘') end++;
      }
      const a = approxAfter(t, end, true);
      if (a) { approx = a.approx; end = a.end; }
    } else if (field === 3) return undefined;
  }
  if (!digits) return undefined;
  return { start: first.start, end, value: Number(digits), unit, approx, kind: 'date', numerals };
}

function clockFollows(t: string, at: number): boolean {
  if ('半整钟鐘'.includes(t[at] ?? '\0')) return true;
  const m = readNumeral(t, at);
  return isInt(m, 0, 59) && t[m.end] === '分' && t[m.end + 1] !== '之';
}

function precededByTimeOfDay(t: string, at: number, floor: number): boolean {
  return TIME_OF_DAY.some(w => at - w.length >= floor && t.startsWith(w, at - w.length));
}

/** 百分之X, 千分之X, 万分之X at `s`. */
function percentOf(t: string, s: number): Found | undefined {
  const base = t[s];
  const scale = '百佰'.includes(base) ? 1 : '千仟'.includes(base) ? 0.1 : '万萬'.includes(base) ? 0.01 : 0;
  if (!scale) return undefined;
  const after = wordAt(t, skipSpaces(t, s + 1), '分之');
  if (after < 0) return undefined;
  const r = readSigned(t, skipSpaces(t, after));
  if (!r) return undefined;
  let value = r.sign * r.n.value;
  let end = r.n.end;
  const k = skipSpaces(t, end);
  if ((t[k] === 'k' || t[k] === 'K' || t[k] === 'Ｋ') && !isAsciiLetter(code(t, k + 1))) { value *= 1000; end = k + 1; }
  return { start: s, end, value: value * scale, unit: '%', approx: r.n.approx, kind: 'percent', numerals: [{ start: r.start, end: r.n.end, value: r.sign * r.n.value }] };
}

/** 半年, 半个月, 半小时, 半成, 半折, 半百. */
function half(t: string, s: number, floor: number): Found | undefined {
  if (s - 1 >= floor && '上下前后多大一过少近'.includes(t[s - 1] ?? '\0')) return undefined;
  const next = t[s + 1];
  if (next === '成') return { start: s, end: s + 2, value: 5, unit: '%', kind: 'percent', numerals: [{ start: s, end: s + 1, value: 0.5 }] };
  if (next === '折') return { start: s, end: s + 2, value: 50, unit: '%', kind: 'percent', numerals: [{ start: s, end: s + 1, value: 0.5 }] };
  if (next === '百' && !isHan(code(t, s + 2))) return { start: s, end: s + 2, value: 50, kind: 'cardinal', numerals: [{ start: s, end: s + 2, value: 50 }] };
  for (const u of ['个小时', '个钟头', '个星期', '个月', '小时', '年', '天', '分钟', '钟头']) {
    if (t.startsWith(u, s + 1)) return { start: s, end: s + 1 + u.length, value: 0.5, unit: u, kind: 'duration', numerals: [{ start: s, end: s + 1, value: 0.5 }] };
  }
  return undefined;
}

/** A candidate at `s`: the mention, or the index to resume scanning from. */
function recogniseAt(t: string, s: number, floor: number): Found | number {
  const c = t.charCodeAt(s);
  if (c === 0x534a /* 半 */) return half(t, s, floor) ?? s + 1;
  if (c === 0x5bf9 || c === 0x5c0d) {
    // 打对折: half price.
    return t[s - 1] === '打' && t[s + 1] === '折' ? { start: s, end: s + 2, value: 50, unit: '%', kind: 'percent', numerals: [] } : s + 1;
  }
  // Fast rejection of the common case: a lone digit inside a word (统一, 一些).
  if ((CLASS[c] & (C.Digit | C.Small | C.Big)) === C.Digit && isHan(code(t, s + 1)) && !FOLLOW[code(t, s + 1)] && !CONTEXT_BEFORE[code(t, s - 1)]) return s + 1;
  const pct = CLASS[c] & (C.Small | C.Big) ? percentOf(t, s) : undefined;
  if (pct) return withPrefix(t, pct, s, floor);
  if (CLASS[c] & C.Arabic) {
    const r = arabicSpecial(t, s);
    if (r !== undefined) return r;
  }
  const n = readNumeral(t, s);
  if (!n) return s + 1;
  if (n.arabic) {
    // Inside a code or model name (A2021…, G20, 5G, COVID-19): not a quantity.
    const b = code(t, s - 1);
    if (isAsciiLetter(b) || ((b === 0x2d || b === 0x5f) && isAsciiLetter(code(t, s - 2)))) return skipToken(t, s);
    if (isAsciiLetter(code(t, n.end)) && !(unitAt(t, n.end)?.cls === 'measure') && !isPercentK(t, n.end)) return skipToken(t, s);
  }
  const pre = prefixOf(t, s, floor);
  const found = quantity(t, n, pre, floor);
  if (!found) return n.han && !n.arabic ? Math.max(s + 1, n.end) : s + 1;
  if (!n.arabic && isExcluded(t, s, found.start, found.end) && !(found.kind === 'date' && precededByTimeOfDay(t, found.start, floor))) return Math.max(s + 1, n.end);
  return found;
}

function isPercentK(t: string, at: number): boolean {
  return (t[at] === 'k' || t[at] === 'K') && /^[个個]?百分[点點]/.test(t.slice(at + 1, at + 5));
}

function skipToken(t: string, s: number): number {
  let p = s;
  while (p < t.length && (isArabic(code(t, p)) || isAsciiLetter(code(t, p)) || '-_.'.includes(t[p]))) p++;
  return Math.max(p, s + 1);
}

const DATE_RE = /([0-9０-９]{4})([-/.／－．])([0-9０-９]{1,2})\2([0-9０-９]{1,2})(?![0-9０-９])/y;
const TIME_RE = /([0-9０-９]{1,2})[:：]([0-9０-９]{2})(?![0-9０-９:：])/y;

function digitsOf(s: string): number {
  let v = 0;
  for (const ch of s) v = v * 10 + VALUE[ch.charCodeAt(0)];
  return v;
}

/** Arabic forms read as a whole: 2020-12-01, 14:30, version-like 1.2.3 (skipped). */
function arabicSpecial(t: string, s: number): Found | number | undefined {
  if (isArabic(code(t, s - 1))) return undefined;
  DATE_RE.lastIndex = s;
  let m = DATE_RE.exec(t);
  if (m) {
    const [y, mo, d] = [digitsOf(m[1]), digitsOf(m[3]), digitsOf(m[4])];
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
      const a = s + m[1].length + 1;
      const b = a + m[3].length + 1;
      return { start: s, end: s + m[0].length, value: y * 10000 + mo * 100 + d, unit: '日', kind: 'date',
        numerals: [{ start: s, end: s + 4, value: y }, { start: a, end: a + m[3].length, value: mo }, { start: b, end: b + m[4].length, value: d }] };
    }
  }
  TIME_RE.lastIndex = s;
  m = TIME_RE.exec(t);
  if (m) {
    const [h, mi] = [digitsOf(m[1]), digitsOf(m[2])];
    if (h <= 24 && mi <= 59) {
      const b = s + m[1].length + 1;
      return { start: s, end: s + m[0].length, value: h * 100 + mi, unit: '分', kind: 'date',
        numerals: [{ start: s, end: s + m[1].length, value: h }, { start: b, end: b + 2, value: mi }] };
    }
  }
  const a = readArabic(t, s);
  if (a?.version) return skipToken(t, s);
  return undefined;
}

/** Applies the prefix (sign, approximation word) found before a form read on its own. */
function withPrefix(t: string, f: Found, s: number, floor: number): Found {
  const pre = prefixOfPlain(t, s, floor);
  if (!pre) return f;
  return { start: pre.start, end: f.end, value: f.value, unit: f.unit, approx: f.approx ?? pre.approx, kind: f.kind, numerals: f.numerals };
}

function prefixOfPlain(t: string, s: number, floor: number): { start: number; approx: Approx } | undefined {
  if (s - 1 < floor || !APPROX_LAST[code(t, s - 1)]) return undefined;
  for (const a of APPROX_BEFORE) {
    const at = s - a.word.length;
    if (at < floor || !t.startsWith(a.word, at)) continue;
    if (a.notAfter && a.notAfter.includes(t[at - 1] ?? '\0')) continue;
    return { start: at, approx: a.approx };
  }
  return undefined;
}

/** The numeral `n` with what follows it, or undefined when it is not a number here. */
function quantity(t: string, n: Numeral, pre: Prefix, floor: number): Found | undefined {
  const s = n.start;
  const sign = pre.sign;
  let approx: Approx | undefined = n.approx;
  const numerals: Part[] = [{ start: pre.numeral, end: n.end, value: sign * n.value }];
  const finish = (f: Omit<Found, 'start' | 'numerals'> & { numerals?: Part[] }): Found => {
    let end = f.end;
    // A date is a point in time: a word before it (约, 近, 超) is not its approximation.
    const dated = f.kind === 'date' && !!pre.approxWord;
    let a = dated ? f.approx : pre.approx ?? f.approx;
    const after = approxAfter(t, end, false);
    if (after) { end = after.end; a = a ?? after.approx; }
    let start = dated ? pre.numeral : pre.start;
    // 近三年来 = over the last three years, not nearly three.
    if (pre.approxWord === '近' && f.kind === 'duration' && t[end] === '来') { start += 1; a = f.approx; }
    return { start, end, value: f.value, unit: f.unit, approx: a, kind: f.kind, numerals: f.numerals ?? numerals };
  };

  // Fractions: 三分之一, 1/3, 三又三分之一, 1 3/5.
  const frac = fraction(t, n, sign, pre.numeral);
  if (frac) return finish({ end: frac.end, value: frac.value, kind: frac.kind, approx, numerals: frac.numerals });

  const bare = !n.arabic;
  if (n.ambiguous && n.han < 2) return undefined;
  // A lone 零 (零距离, 零下, 零增长) is a word, not zero.
  if (bare && n.han === 1 && n.value === 0) return undefined;
  if (n.bareLead && !n.digits && !pre.up && !(t[n.end] === '余' || t[n.end] === '多')) return undefined;

  let e = n.end;
  let value = sign * n.value;
  // 300余人, 十多家, 二十来岁.
  const fill = t[e];
  if ((n.round || (n.han > 0 && n.structured && n.value % 10 === 0)) && (fill === '余' || fill === '多' || fill === '来')) {
    const u = unitAt(t, e + 1);
    const open = !isHan(code(t, e + 1));
    if (u ? !(fill === '多' && DUO_WORDS.includes(t[e + 1])) : fill !== '来' && open) {
      approx = approx ?? (fill === '来' ? '~' : '>');
      e++;
    }
  }
  // 5k个百分点
  if (n.arabic && isPercentK(t, e)) { value *= 1000; e++; }

  let at = skipSpaces(t, e);
  const points = anyWordAt(t, at, POINTS);
  if (points >= 0) return finish({ end: points, value, unit: '百分点', approx, kind: 'percent' });
  if (at > e && n.arabic && !n.han) {
    const u = unitAt(t, at);
    if (!u || (u.word.length === 1 && isHan(code(t, at)) && u.cls !== 'special')) at = e;
  }
  // 两个半小时, 三个多月
  if ((t[at] === '个' || t[at] === '個') && (t[at + 1] === '半' || t[at + 1] === '多')) {
    const u = t[at + 2] === '月' ? '个月' : unitAt(t, at + 2)?.cls === 'duration' ? unitAt(t, at + 2)!.word : undefined;
    if (u) {
      const v = t[at + 1] === '半' ? value + 0.5 * Math.sign(value || 1) : value;
      return finish({ end: at + 2 + (u === '个月' ? 1 : u.length), value: v, unit: u.startsWith('个') ? u : '个' + u, approx: t[at + 1] === '多' ? approx ?? '>' : approx, kind: pre.ordinal ? 'ordinal' : 'duration' });
    }
  }
  // 一打 = 12: a dozen, unless 打 starts a verb (一打开, 一打听).
  if ((t[at] === '打') && at === e && !NOT_AFTER_DOZEN.includes(t[at + 1] ?? '\0') && !pre.ordinal) {
    const dozen = value * 12;
    return finish({ end: at + 1, value: dozen, unit: '个', approx, kind: 'cardinal', numerals: [{ start: pre.numeral, end: at + 1, value: dozen }] });
  }
  // 4分多钟, 3分半钟
  if (t[at] === '分' && (t[at + 1] === '多' || t[at + 1] === '半') && t[at + 2] === '钟' && !pre.ordinal) {
    const more = t[at + 1] === '多';
    return finish({ end: at + 3, value: more ? value : value + 0.5, unit: '分钟', approx: more ? approx ?? '>' : approx, kind: 'duration' });
  }
  const unit = unitAt(t, at);
  if (unit) {
    const r = withUnit(t, n, unit, at, value, approx, pre, floor);
    if (r === null) return undefined;
    if (r) {
      if (!(r.kind === 'date' && r.numerals)) r.numerals = numerals;
      return finish(r);
    }
  }
  // No unit.
  if (pre.currency) return finish({ end: e, value, unit: pre.currency, approx, kind: 'money' });
  if (pre.ordinal) return finish({ end: e, value, approx, kind: 'ordinal' });
  const congress = bare && n.structured && Number.isInteger(n.value) && n.value >= 8 && n.value <= 30 && t[e] === '大' && CONGRESS_NEXT.some(w => t.startsWith(w, e + 1) || !isHan(code(t, e + 1)));
  if (congress) return finish({ end: e + 1, value, unit: '大', kind: 'ordinal' });
  if (isEnumeration(t, pre.start, e, floor)) return undefined;
  if (bare && !acceptBare(t, n, pre, e)) return undefined;
  return finish({ end: e, value, approx, kind: 'cardinal' });
}

/** 一、 (1) 1. at a line start: list labels, not quantities. */
function isEnumeration(t: string, start: number, end: number, floor: number): boolean {
  const before = start > 0 ? t[start - 1] : '\n';
  const after = t[end] ?? '';
  if ((before === '(' || before === '（') && (after === ')' || after === '）')) return true;
  const lineStart = start === 0 || before === '\n' || before === '\r' || (isInlineSpace(code(t, start - 1)) && /(^|\n)[ \t　]*$/.test(t.slice(Math.max(floor, start - 8), start)));
  return lineStart && (after === '、' || after === '．' || (after === '.' && !isArabic(code(t, end + 1))));
}

/** A Chinese numeral with no unit is a number only with structure (十, 百, 点) or in a telling context. */
function acceptBare(t: string, n: Numeral, pre: Prefix, e: number): boolean {
  if (n.structured && (!n.bareLead || n.digits || pre.up)) return true;
  if (n.run >= 3) return false;
  const before = t[pre.start - 1] ?? '';
  const after = t[e] ?? '';
  const open = (ch: string) => !ch || !isWordChar(ch.charCodeAt(0));
  if (open(before) && open(after)) return true;
  // 排名前三, 前三的品牌
  if (before === '前' && n.han === 1 && (open(after) || '的名位强'.includes(after))) return true;
  // 答案是四不是五: a numeral named after 是.
  return before === '是' && n.han === 1 && (open(after) || '这那不而却还和或也'.includes(after));
}

/** Applies a unit; undefined = the unit does not apply (treat as none), null = not a number. */
function withUnit(t: string, n: Numeral, u: Unit, at: number, value: number, approx: Approx | undefined, pre: Prefix, floor: number):
  (Omit<Found, 'start' | 'numerals'> & { numerals?: Part[] }) | null | undefined {
  const bareDigit = !n.arabic && !n.structured;
  let end = at + u.word.length;
  const kindFor = (k: NumberKind): NumberKind => (pre.ordinal ? 'ordinal' : k);
  switch (u.cls) {
    case 'special':
      return special(t, n, u, at, value, approx, pre, floor);
    case 'measure': {
      if (u.strict && bareDigit) return undefined;
      if (bareDigit && n.run >= 3) return null;
      let v = value;
      // 三斤半, 一年半
      if (t[end] === '半' && !isHan(code(t, end + 1))) { v += 0.5; end++; }
      else if ((t[end] === '多' || t[end] === '余') && u.word.length > 1 && !NOT_AFTER_DUO.includes(t[end + 1] ?? '\0')) { approx = approx ?? '>'; end++; }
      const rate = perUnit(t, end);
      if (rate && !pre.ordinal) return { end: rate.end, value: v, unit: u.canonical + '/' + rate.unit, approx, kind: 'rate' };
      return { end, value: v, unit: u.canonical, approx, kind: kindFor(pre.currency ? 'money' : 'cardinal') };
    }
    case 'duration': {
      let v = value;
      if (t[end] === '半' && !'年天夜月'.includes(t[end + 1] ?? '~')) { v += 0.5; end++; }
      else if ((t[end] === '多' || t[end] === '余') && !NOT_AFTER_DUO.includes(t[end + 1] ?? '\0')) { approx = approx ?? '>'; end++; }
      return { end, value: v, unit: u.canonical, approx, kind: kindFor('duration') };
    }
    case 'money': {
      const rate = perUnit(t, end);
      return { end: rate ? rate.end : end, value, unit: rate ? u.canonical + '/' + rate.unit : u.canonical, approx, kind: 'money' };
    }
    default:
      if (bareDigit && n.run >= 3 && u.cls !== 'date') return null;
      return { end, value, unit: u.canonical, approx, kind: kindFor(kindOf(u.cls)) };
  }
}

/** 元/吨, 公里/小时: a second unit after a slash. */
function perUnit(t: string, at: number): { end: number; unit: string } | undefined {
  if (t[at] !== '/' && t[at] !== '／' && t[at] !== '每') return undefined;
  const u = unitAt(t, at + 1);
  if (!u || u.cls === 'percent' || u.cls === 'money') return undefined;
  const word = u.word === '时' ? '时' : u.canonical;
  return { end: at + 1 + u.word.length, unit: word };
}

function special(t: string, n: Numeral, u: Unit, at: number, value: number, approx: Approx | undefined, pre: Prefix, floor: number):
  (Omit<Found, 'start' | 'numerals'> & { numerals?: Part[] }) | null | undefined {
  const w = u.word;
  const end = at + w.length;
  const bareDigit = !n.arabic && !n.structured;
  const dateOk = !pre.ordinal && pre.sign === 1 && at === n.end;
  if (w === '年') {
    if (dateOk && (n.plainDigits === 4 || n.run === 4)) return readDate(t, n, 0, false);
    if (bareDigit && n.run >= 3) return null;
    let v = value;
    let e = end;
    if (t[e] === '半' && !isHan(code(t, e + 1))) { v += 0.5; e++; }
    else if ((t[e] === '多' || t[e] === '余') && !NOT_AFTER_DUO.includes(t[e + 1] ?? '\0')) { approx = approx ?? '>'; e++; }
    return { end: e, value: v, unit: '年', approx, kind: pre.ordinal ? 'ordinal' : 'duration' };
  }
  if (w === '月') {
    if (dateOk) return readDate(t, n, 1, false) ?? null;
    return pre.ordinal ? { end, value, unit: '月', kind: 'ordinal' } : null;
  }
  if (w === '日' || w === '号' || w === '號') {
    if (dateOk && w === '日') return readDate(t, n, 2, false) ?? { end, value, unit: '日', approx, kind: 'duration' };
    return { end, value, unit: '号', approx, kind: 'ordinal' };
  }
  if (w === '时' || w === '時' || w === '点' || w === '點') {
    const timeContext = precededByTimeOfDay(t, pre.start, floor);
    if (dateOk) {
      const d = readDate(t, n, 3, timeContext);
      if (d) return d;
    }
    if (w === '时' || w === '時') return null;
    // Not a clock time: 点 as a measure word (三点建议), which a bare digit cannot take (一点 = a bit).
    return bareDigit ? undefined : { end, value, unit: '点', approx, kind: pre.ordinal ? 'ordinal' : 'cardinal' };
  }
  if (w === '成') {
    if (NOT_AFTER_CHENG.includes(t[end] ?? '\0') || value > 10 || value <= 0) return undefined;
    let v = value * 10;
    let e = end;
    if (t[e] === '半') { v += 5; e++; }
    else if ((CLASS[code(t, e)] & C.Digit) && !(CLASS[code(t, e + 1)] & (C.Digit | C.Small | C.Big)) && !unitAt(t, e + 1)) { v += VALUE[code(t, e)]; e++; }
    return { end: e, value: v, unit: '%', approx, kind: 'percent' };
  }
  if (w === '折') {
    if (NOT_AFTER_ZHE.includes(t[end] ?? '\0') || value <= 0) return undefined;
    // 八折 = 80%, 75折 = 75%; 十折 is no discount.
    if (value >= 10 && n.structured && !n.arabic) return null;
    const v = value < 10 ? value * 10 : value;
    if (v >= 100) return null;
    return { end, value: v, unit: '%', approx, kind: 'percent' };
  }
  if (w === '‰') return { end, value: value / 10, unit: '%', approx, kind: 'percent' };
  // 个百分点, 百分点
  return { end, value, unit: '百分点', approx, kind: 'percent' };
}

/** 三分之一, 1/3, 三又三分之一, 1 3/5: a fraction whose denominator is `n`. */
function fraction(t: string, n: Numeral, sign: number, start: number): { end: number; value: number; kind: NumberKind; numerals: Part[] } | undefined {
  let den = n;
  let whole = 0;
  const out = (end: number, value: number) => ({ end, value, kind: 'rate' as NumberKind, numerals: [{ start, end, value }] });
  // 三又三分之一
  const you = skipSpaces(t, n.end);
  if (t[you] === '又' && Number.isInteger(n.value)) {
    const d = readNumeral(t, skipSpaces(t, you + 1));
    if (d && wordAt(t, skipSpaces(t, d.end), '分之') >= 0) { whole = n.value; den = d; }
  }
  const fen = wordAt(t, skipSpaces(t, den.end), '分之');
  if (fen >= 0) {
    const num = readSigned(t, skipSpaces(t, fen));
    if (!num || den.value === 0) return undefined;
    return out(num.n.end, sign * (whole + (num.sign * num.n.value) / den.value));
  }
  if (!n.arabic || n.han || !Number.isInteger(n.value)) return undefined;
  // 1/3, 1 3/5
  const slash = (k: number) => t[k] === '/' || t[k] === '／';
  if (slash(n.end) && isArabic(code(t, n.end + 1))) {
    const d = readArabic(t, n.end + 1);
    if (!d || d.version || !Number.isInteger(d.value) || d.value === 0 || slash(d.end) || isAsciiLetter(code(t, d.end))) return undefined;
    return out(d.end, sign * (n.value / d.value));
  }
  if (t[n.end] === ' ' && isArabic(code(t, n.end + 1))) {
    const a = readArabic(t, n.end + 1);
    if (a && !a.version && Number.isInteger(a.value) && slash(a.end) && isArabic(code(t, a.end + 1))) {
      const d = readArabic(t, a.end + 1);
      if (d && Number.isInteger(d.value) && d.value !== 0 && !slash(d.end)) return out(d.end, sign * (n.value + a.value / d.value));
    }
  }
  return undefined;
}

/** Drops binary floating-point noise (165.33 × 10⁴ = 1653300.0000000002). */
function tidy(v: number): number {
  return Number.isInteger(v) ? v : Number(v.toPrecision(15));
}

/** Every numeric expression in `text`: sorted, non-overlapping, offsets in UTF-16 code units. */
export function scanNumbers(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  const n = text.length;
  let floor = 0;
  let i = 0;
  while (i < n) {
    if (!START[text.charCodeAt(i)]) { i++; continue; }
    const r = recogniseAt(text, i, floor);
    if (typeof r === 'number') { i = Math.max(r, i + 1); continue; }
    if (r.start < floor || r.end <= r.start) { i++; continue; }
    for (const p of r.numerals) p.value = tidy(p.value);
    const m: NumberMention = { start: r.start, end: r.end, text: text.slice(r.start, r.end), value: tidy(r.value), kind: r.kind, numerals: r.numerals };
    if (r.unit !== undefined) m.unit = r.unit;
    if (r.approx !== undefined) m.approx = r.approx;
    out.push(m);
    floor = i = r.end;
  }
  return out;
}
