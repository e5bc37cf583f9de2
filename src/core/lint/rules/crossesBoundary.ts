import type { RawFinding, Rule } from '../types';

/** A span holding a line break, or starting in one article and ending outside it. */
export const crossesBoundary: Rule = {
  id: 'crosses-boundary',
  defaultSeverity: 'error',
  description: 'A span crosses a line break or an article boundary.',
  check(pages) {
    const out: RawFinding[] = [];
    for (const page of pages) {
      // Every article start and end, sorted: one binary search per span instead of a scan of all articles.
      const bounds = page.doc.articles.flatMap(r => [{ at: r.start, r }, { at: r.end, r }]).sort((x, y) => x.at - y.at);
      for (const a of page.doc.annotations) {
        if (a.status === 'rejected') continue;
        if (/[\r\n]/.test(a.text)) {
          out.push({ page, annotation: a, message: `span "${a.text.replace(/\r?\n/g, '⏎')}" crosses a line break` });
          continue;
        }
        // An article's start or end strictly inside the span.
        const crossed = boundaryInside(bounds, a.start, a.end);
        if (crossed) out.push({ page, annotation: a, message: `span "${a.text}" crosses the boundary of article ${crossed.id} (${crossed.title})` });
      }
    }
    return out;
  },
};

/** The article of the first boundary strictly inside (start, end), if any; `bounds` sorted by offset. */
function boundaryInside<R>(bounds: ReadonlyArray<{ at: number; r: R }>, start: number, end: number): R | undefined {
  let lo = 0;
  let hi = bounds.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bounds[mid].at <= start) lo = mid + 1; else hi = mid;
  }
  return lo < bounds.length && bounds[lo].at < end ? bounds[lo].r : undefined;
}
