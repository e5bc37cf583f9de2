import { conflictSummary } from '../../team/conflicts';
import type { RawFinding, Rule } from '../types';

/** Items the merge driver could not merge (both branches changed them differently). */
export const mergeConflict: Rule = {
  id: 'merge-conflict',
  defaultSeverity: 'error',
  description: 'The merge driver left conflicting versions of an item to resolve (mine, theirs or both).',
  check(pages) {
    const out: RawFinding[] = [];
    for (const page of pages) {
      for (const c of page.doc.conflicts ?? []) {
        const ours = page.doc.annotations.find(a => a.id === c.id);
        out.push({ page, annotation: c.list === 'annotations' ? ours : undefined, data: { conflict: c.id }, message: `merge conflict on ${c.list === 'annotations' ? 'annotation' : 'relation'} ${c.id}: ${conflictSummary(c)}` });
      }
    }
    return out;
  },
};
