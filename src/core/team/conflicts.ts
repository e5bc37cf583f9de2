import { byOffset, uniqueId } from '../merge';
import type { Annotation } from '../types';
import type { ItemList, MergeConflict, Relation, Sidecar } from './types';

export type Resolution = 'ours' | 'theirs' | 'both';

type Item = Annotation | Relation;

/**
 * The sidecar after resolving the conflict on item `id` of `list`: `ours` keeps the version already in
 * the list, `theirs` puts the other branch's in its place (or removes the item when they deleted it),
 * `both` keeps ours and adds theirs under a fresh id. The conflict entry goes away; anything else stays.
 */
export function resolveConflict(doc: Sidecar, list: ItemList, id: string, choice: Resolution): Sidecar {
  const conflict = doc.conflicts?.find(c => c.list === list && c.id === id);
  if (!conflict) throw new Error(`no conflict on ${list} item ${id}`);
  const items = ((list === 'annotations' ? doc.annotations : doc.relations) ?? []) as Item[];
  let next: Item[] = items;
  if (choice === 'theirs') {
    next = items.filter(i => i.id !== id);
    if (conflict.theirs) next.push(conflict.theirs);
  } else if (choice === 'both' && conflict.theirs) {
    if (!items.some(i => i.id === id)) next = [...items, conflict.theirs];
    else {
      const taken = new Set([...doc.annotations, ...(doc.orphans ?? []), ...(doc.relations ?? [])].map(i => i.id));
      next = [...items, { ...conflict.theirs, id: uniqueId(id, taken) }];
    }
  }
  const conflicts = doc.conflicts!.filter(c => c !== conflict);
  const out: Sidecar = { ...doc, [list]: list === 'annotations' ? (next as Annotation[]).sort(byOffset) : next };
  if (conflicts.length) out.conflicts = conflicts;
  else delete out.conflicts;
  return out;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What is wrong with a sidecar's `conflicts` value, or undefined (for documentJson's validation). */
export function conflictsProblem(v: unknown): string | undefined {
  if (!Array.isArray(v)) return 'expected an array';
  for (const [i, c] of v.entries()) {
    if (!isObj(c)) return `[${i}]: expected an object`;
    if (c.list !== 'annotations' && c.list !== 'relations') return `[${i}].list: expected annotations or relations, found ${JSON.stringify(c.list)}`;
    if (typeof c.id !== 'string' || c.id === '') return `[${i}].id: expected a non-empty string`;
    for (const side of ['base', 'ours', 'theirs']) if (c[side] !== null && !isObj(c[side])) return `[${i}].${side}: expected an object or null`;
    if (!Array.isArray(c.fields) || !c.fields.every(f => typeof f === 'string')) return `[${i}].fields: expected an array of strings`;
  }
  return undefined;
}

/** What differs in a conflict, for messages: `different label, status`, or who deleted it. */
export function conflictSummary(c: MergeConflict): string {
  return c.fields.length ? `different ${c.fields.join(', ')}` : c.ours ? 'changed here, deleted on the other branch' : 'deleted here, changed on the other branch';
}
