/** One part of the quality report: a printed table plus the figures written to bench/results/quality.json. */
export interface BenchSection {
  title: string;
  headers: string[];
  rows: Array<Array<string | number>>;
  data: unknown;
}

export function formatTable(section: BenchSection): string {
  const cells = [section.headers, ...section.rows.map(r => r.map(c => (typeof c === 'number' ? fmt(c) : c)))];
  const widths = section.headers.map((_, i) => Math.max(...cells.map(r => width(String(r[i] ?? '')))));
  const line = (r: Array<string | number>) => '| ' + r.map((c, i) => pad(String(c ?? ''), widths[i])).join(' | ') + ' |';
  return [`### ${section.title}`, '', line(cells[0]), '|' + widths.map(w => '-'.repeat(w + 2)).join('|') + '|', ...cells.slice(1).map(line)].join('\n');
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(3);
}

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}
