import type { RawFinding, Rule } from '../types';

/** A label outside the label set: `lint.json`'s `labels` when given, else the page's own `labels` list. */
export const unknownLabel: Rule = {
  id: 'unknown-label',
  defaultSeverity: 'error',
  description: 'An annotation uses a label that is not in the label set.',
  check(pages, config) {
    const out: RawFinding[] = [];
    for (const page of pages) {
      const known = new Set(config.labels ?? page.doc.labels.map(l => l.id));
      for (const a of page.doc.annotations) {
        if (!known.has(a.label)) out.push({ page, annotation: a, message: `label ${a.label} is not in the label set (${[...known].join(', ') || 'empty'})` });
      }
    }
    return out;
  },
};
