/**
 * Character classes of the number recogniser, as flat lookup tables over UTF-16 code units so the scan
 * never allocates. Full-width digits and signs are read exactly like their ASCII forms.
 */

export const enum C {
  Arabic = 1, // 0-9, ０-９
  Digit = 2, // 〇零一二两三…九 and financial 壹贰叁…
  Small = 4, // 十百千 (and 拾佰仟)
  Big = 8, // 万亿兆
  Ambiguous = 16, // financial forms that are also ordinary words (陆地, 队伍, 收拾): never a number alone
  Han = 32, // any CJK ideograph
}

export const CLASS = new Uint8Array(65536);
/** Value of a digit, or the multiplier of a unit character. */
export const VALUE = new Float64Array(65536);

function set(chars: string, cls: number, value: number): void {
  for (const ch of chars) {
    const c = ch.charCodeAt(0);
    CLASS[c] |= cls;
    VALUE[c] = value;
  }
}

for (let c = 0x3400; c <= 0x9fff; c++) CLASS[c] |= C.Han;
for (let c = 0xf900; c <= 0xfaff; c++) CLASS[c] |= C.Han;
for (let d = 0; d <= 9; d++) {
  set(String.fromCharCode(0x30 + d, 0xff10 + d), C.Arabic, d);
}
const DIGITS: Array<[string, number]> = [
  ['〇零', 0], ['一壹', 1], ['二贰貳两兩', 2], ['三叁參', 3], ['四', 4], ['五', 5], ['六', 6], ['七', 7], ['八', 8], ['九', 9],
];
for (const [chars, v] of DIGITS) set(chars, C.Digit, v);
set('肆', C.Digit | C.Ambiguous, 4);
set('伍', C.Digit | C.Ambiguous, 5);
set('陆陸', C.Digit | C.Ambiguous, 6);
set('柒', C.Digit | C.Ambiguous, 7);
set('捌', C.Digit | C.Ambiguous, 8);
set('玖', C.Digit | C.Ambiguous, 9);
set('倆俩', C.Digit | C.Ambiguous, 2);
set('十', C.Small, 10);
set('拾', C.Small | C.Ambiguous, 10);
set('百', C.Small, 100);
set('佰', C.Small | C.Ambiguous, 100);
set('千', C.Small, 1000);
set('仟', C.Small | C.Ambiguous, 1000);
set('万萬', C.Big, 1e4);
set('亿億', C.Big, 1e8);
set('兆', C.Big, 1e12);

/** 两 never follows a decimal point (一点二, not 一点两). */
export const TWO_COLLOQUIAL = new Set(['两', '兩', '倆', '俩']);

export function cls(code: number): number {
  return CLASS[code];
}

export function isArabic(code: number): boolean {
  return (CLASS[code] & C.Arabic) !== 0;
}

export function isFullWidthDigit(code: number): boolean {
  return code >= 0xff10 && code <= 0xff19;
}

export function isHan(code: number): boolean {
  return (CLASS[code] & C.Han) !== 0 || (code >= 0xd840 && code <= 0xd87f) || (code >= 0xdc00 && code <= 0xdfff); // surrogates: CJK Ext B+ (and, conservatively, any astral character)
}

export function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a);
}

/** Spaces that may sit inside a number written with spaces (never a line break). */
export function isInlineSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0;
}

export function isMinus(code: number): boolean {
  return code === 0x2d || code === 0xff0d || code === 0x2212;
}

export function isDot(code: number): boolean {
  return code === 0x2e || code === 0xff0e;
}

export function isDecimalPointHan(code: number): boolean {
  return code === 0x70b9 /* 点 */ || code === 0x9ede; /* 點 */
}
