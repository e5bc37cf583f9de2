import type { RawFinding, Rule } from '../types';

/** Annotations the page's text no longer holds (kept under `orphans` until someone removes or re-tags them). */
export const unresolvedOrphan: Rule = {
  id: 'unresolved-orphan',
  defaultSeverity: 'warning',
  description: 'An annotation could not be re-anchored after the text changed and is still unresolved.',
  check(pages) {
    const out: RawFinding[] = [];
    for (const page of pages) {
      for (const o of page.doc.orphans ?? []) {
        out.push({ page, data: { orphan: o.id }, message: `orphaned ${o.label} "${o.text}" (${o.id}) no longer matches the text: re-tag or remove it` });
      }
    }
    return out;
  },
};
