import type { Annotation } from '../../types';
import type { LintPage, RawFinding, Rule } from '../types';

/** Labelled by a person and kept: suggestions are the machine's, rejections say "not an entity". */
const labelled = (a: Annotation) => a.status === 'accepted' || (a.source === 'manual' && a.status !== 'rejected');

type Counts = Map<string, number>;
const add = (m: Counts, label: string) => m.set(label, (m.get(label) ?? 0) + 1);
const show = (m: Counts) => [...m].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([l, n]) => `${l} ×${n}`).join(', ');

/** The label used strictly more often than any other, if there is one. */
export function majority(m: Counts): string | undefined {
  const sorted = [...m].sort((x, y) => y[1] - x[1]);
  return sorted.length && (sorted.length === 1 || sorted[0][1] > sorted[1][1]) ? sorted[0][0] : undefined;
}

/**
 * The same text labelled differently, on one page or across the pages linted together. Each item off
 * the majority label is reported with the counts (on its page and in the corpus); with no majority,
 * every item of that text is.
 */
export const inconsistentLabel: Rule = {
  id: 'inconsistent-label',
  defaultSeverity: 'warning',
  description: 'The same text is labelled differently on a page or across the corpus.',
  check(pages) {
    const corpus = new Map<string, Counts>();
    for (const p of pages) for (const a of p.doc.annotations) if (labelled(a) && a.text) add(corpus.get(a.text) ?? corpus.set(a.text, new Map()).get(a.text)!, a.label);
    const out: RawFinding[] = [];
    for (const page of pages) {
      const local = new Map<string, Counts>();
      for (const a of page.doc.annotations) if (labelled(a) && a.text) add(local.get(a.text) ?? local.set(a.text, new Map()).get(a.text)!, a.label);
      for (const a of page.doc.annotations) {
        const all = labelled(a) && a.text ? corpus.get(a.text) : undefined;
        if (!all || all.size < 2) continue;
        const best = majority(all);
        if (best === a.label) continue;
        const here = local.get(a.text)!;
        const message = `"${a.text}" is labelled ${a.label} here but differently elsewhere: this page ${show(here)}; corpus ${show(all)}`
          + (best ? `; most use ${best}` : '');
        out.push({ page, annotation: a, message, data: { text: a.text, majority: best, pageCounts: Object.fromEntries(here), corpusCounts: Object.fromEntries(all) } });
      }
    }
    return out;
  },
};
