/**
 * CSV output (RFC 4180: CRLF line ends, a field quoted when it holds a comma, quote, CR or LF, quotes
 * doubled). Text cells that a spreadsheet would read as a formula (starting with = + - @, tab or CR)
 * get a leading apostrophe, so an annotated name like `=HYPERLINK(…)` stays text (OWASP CSV injection).
 * Numbers are written as numbers and never guarded.
 */
export type Cell = string | number | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(cell: Cell): string {
  if (cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map(r => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
