/** Physical lines of a page with their trimmed content span; offsets are UTF-16 code units. */
export interface Line {
  /** First code unit of the line. */
  start: number;
  /** Index of the line terminator (`\n`, `\r\n` or a lone `\r`), or the text length on the last line. */
  end: number;
  /** Index after the terminator. */
  next: number;
  /** Content without the surrounding whitespace (spaces, tabs, U+3000, NBSP, BOM); empty on a blank line. */
  textStart: number;
  textEnd: number;
}

/** Whitespace that pads newspaper lines: ASCII blanks, NBSP, the ideographic space used to indent, BOM. */
export function isPad(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0x3000 || c === 0xfeff ||
    (c >= 0x2000 && c <= 0x200b);
}

/** Splits `text` into lines in one pass. A lone `\r` (old Mac files) also ends a line. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const n = text.length;
  let start = 0;
  while (start <= n) {
    let end = start;
    while (end < n) {
      const c = text.charCodeAt(end);
      if (c === 0x0a || c === 0x0d) break;
      end++;
    }
    let next = end;
    if (end < n) next = text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? end + 2 : end + 1;
    let textStart = start;
    while (textStart < end && isPad(text.charCodeAt(textStart))) textStart++;
    let textEnd = end;
    while (textEnd > textStart && isPad(text.charCodeAt(textEnd - 1))) textEnd--;
    lines.push({ start, end, next, textStart, textEnd });
    if (end >= n) break;
    start = next;
  }
  return lines;
}
