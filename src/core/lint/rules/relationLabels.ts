import { BUILTIN_RELATIONS } from '../../relations';
import type { Annotation } from '../../types';
import type { RawFinding, Rule } from '../types';

/**
 * A relation whose ends break its type's allowed labels, names a missing annotation, or has a type
 * outside the configured relation set. Types come from `lint.json` (same shape as `biaozhu.relations`),
 * else the built-in set; a label outside the set is reported only when `lint.json` lists the types.
 */
export const relationLabels: Rule = {
  id: 'relation-labels',
  defaultSeverity: 'error',
  description: "A relation's ends carry labels its type does not allow (or are missing).",
  check(pages, config) {
    const out: RawFinding[] = [];
    const types = new Map((config.relations ?? BUILTIN_RELATIONS).map(t => [t.id, t]));
    for (const page of pages) {
      const byId = new Map<string, Annotation>(page.doc.annotations.map(a => [a.id, a]));
      for (const r of page.doc.relations ?? []) {
        const from = byId.get(r.from);
        const to = byId.get(r.to);
        const at = from ?? to;
        const data = { relation: r.id };
        if (!from || !to) {
          out.push({ page, annotation: at, data, message: `relation ${r.label} (${r.id}) points at a missing annotation ${!from ? r.from : r.to}` });
          continue;
        }
        const type = types.get(r.label);
        if (!type && !config.relations) continue;
        if (!type) {
          out.push({ page, annotation: from, data, message: `relation ${r.label} (${r.id}) is not in the relation set (${[...types.keys()].join(', ') || 'empty'})` });
          continue;
        }
        if (type.from?.length && !type.from.includes(from.label)) {
          out.push({ page, annotation: from, data, message: `relation ${r.label} may start at ${type.from.join('/')}, not at ${from.label} "${from.text}"` });
        }
        if (type.to?.length && !type.to.includes(to.label)) {
          out.push({ page, annotation: to, data, message: `relation ${r.label} may end at ${type.to.join('/')}, not at ${to.label} "${to.text}"` });
        }
      }
    }
    return out;
  },
};
