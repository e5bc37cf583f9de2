/** Non-blank lines of a page with their trimmed content span; offsets are UTF-16 code units. */
export interface Line {
  /** First code unit of the line. */
  start: number;
  /** Index of the line terminator (`\n`, `\r\n` or a lone `\r`), or the text length on the last line. */
  end: number;
  /** Content without the surrounding whitespace (spaces, tabs, U+3000, NBSP, BOM); never empty. */
  textStart: number;
  textEnd: number;
  /** At least one blank (or whitespace-only) line separates this line from the previous non-blank one. */
  blankBefore: boolean;
}

/** Whitespace that pads newspaper lines: ASCII blanks, NBSP, the ideographic space used to indent, BOM. */
export function isPad(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0x3000 || c === 0xfeff ||
    (c >= 0x2000 && c <= 0x200b);
}

/**
 * The non-blank lines of `text` in one pass, each built by `make` (so callers allocate one object per line).
 * A lone `\r` (old Mac files) also ends a line.
 */
export function splitLines<T>(text: string, make: (line: Line) => T): T[] {
  const lines: T[] = [];
  const n = text.length;
  let start = 0;
  let blankBefore = false;
  let seen = false;
  for (;;) {
    let end = start;
    while (end < n) {
      const c = text.charCodeAt(end);
      if (c === 0x0a || c === 0x0d) break;
      end++;
    }
    let textStart = start;
    while (textStart < end && isPad(text.charCodeAt(textStart))) textStart++;
    if (textStart === end) {
      blankBefore = seen;
    } else {
      let textEnd = end;
      while (isPad(text.charCodeAt(textEnd - 1))) textEnd--;
      lines.push(make({ start, end, textStart, textEnd, blankBefore }));
      blankBefore = false;
      seen = true;
    }
    if (end >= n) break;
    start = text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? end + 2 : end + 1;
  }
  return lines;
}
