import type { RawFinding, Rule } from '../types';

/** A span holding a line break, or starting in one article and ending outside it. */
export const crossesBoundary: Rule = {
  id: 'crosses-boundary',
  defaultSeverity: 'error',
  description: 'A span crosses a line break or an article boundary.',
  check(pages) {
    const out: RawFinding[] = [];
    for (const page of pages) {
      for (const a of page.doc.annotations) {
        if (a.status === 'rejected') continue;
        if (/[\r\n]/.test(a.text)) {
          out.push({ page, annotation: a, message: `span "${a.text.replace(/\r?\n/g, '⏎')}" crosses a line break` });
          continue;
        }
        // An article's start or end strictly inside the span.
        const inside = (offset: number) => a.start < offset && offset < a.end;
        const crossed = page.doc.articles.find(r => inside(r.start) || inside(r.end));
        if (crossed) out.push({ page, annotation: a, message: `span "${a.text}" crosses the boundary of article ${crossed.id} (${crossed.title})` });
      }
    }
    return out;
  },
};
