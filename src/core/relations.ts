import { uniqueId } from './merge';
import type { Annotation, LabelId, Relation, RelationDef, Source, Status } from './types';

/**
 * Relations between annotations as pure functions on a relation list: each returns a new list and leaves
 * its input alone. A relation names its ends by annotation id, so it needs no offset tracking of its own;
 * it only has to go when one of its ends goes (`pruneRelations`).
 */

/**
 * The default relation set for news. 任职 also allows a place as target: news names a county or city for
 * its government (`某县县长`), and the annotator tags that name as a place.
 */
export const BUILTIN_RELATIONS: readonly RelationDef[] = [
  { id: '任职', name: '任职 (holds a post at)', color: '#c92a2a', from: ['PER'], to: ['ORG', 'LOC'] },
  { id: '位于', name: '位于 (is located in)', color: '#2f9e44', from: ['ORG', 'LOC'], to: ['LOC'] },
  { id: '隶属', name: '隶属 (is part of)', color: '#1971c2', from: ['ORG'], to: ['ORG'] },
  { id: '数量', name: '数量 (counts)', color: '#e8590c', from: ['NUMBER'] },
];

/** A relation type from settings, or undefined when it is not one (no id, bad colour, non-string labels). */
export function asRelationDef(raw: unknown): RelationDef | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.id !== 'string' || r.id.trim() === '') return undefined;
  const labels = (v: unknown) => (Array.isArray(v) && v.every(x => typeof x === 'string') && v.length > 0 ? [...v] as LabelId[] : undefined);
  const def: RelationDef = { id: r.id.trim(), name: typeof r.name === 'string' && r.name !== '' ? r.name : r.id.trim(), color: typeof r.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(r.color) ? r.color : '#868e96' };
  const from = labels(r.from);
  const to = labels(r.to);
  if (from) def.from = from;
  if (to) def.to = to;
  return def;
}

const fits = (allowed: readonly LabelId[] | undefined, label: LabelId) => !allowed || allowed.length === 0 || allowed.includes(label);

/** The relation types that may link an annotation labelled `from` to one labelled `to`. */
export function allowedRelations(defs: readonly RelationDef[], from: LabelId, to: LabelId): RelationDef[] {
  return defs.filter(d => fits(d.from, from) && fits(d.to, to));
}

/** Why `from` cannot be linked to `to` with `label`, or undefined when it can. */
export function linkProblem(relations: readonly Relation[], from: Annotation, to: Annotation, label: string): string | undefined {
  if (from.id === to.id) return 'an annotation cannot be linked to itself';
  if (label.trim() === '') return 'a relation needs a label';
  if (relations.some(r => r.from === from.id && r.to === to.id && r.label === label)) return 'these annotations are already linked with this label';
  return undefined;
}

/** Adds a relation `from` → `to`; throws when `linkProblem` says it cannot be made. */
export function addRelation(
  relations: readonly Relation[], from: Annotation, to: Annotation, label: string,
  source: Source = 'manual', status: Status = 'accepted',
): { relations: Relation[]; added: Relation } {
  const problem = linkProblem(relations, from, to, label);
  if (problem) throw new Error(problem);
  const id = uniqueId(`rel-${from.id}-${to.id}`, new Set(relations.map(r => r.id)));
  const added: Relation = { id, from: from.id, to: to.id, label, source, status };
  return { relations: [...relations, added], added };
}

export function removeRelations(relations: readonly Relation[], ids: ReadonlySet<string>): Relation[] {
  return relations.filter(r => !ids.has(r.id));
}

/** Accepting or rejecting a suggested relation, like a span. */
export function setRelationStatus(relations: readonly Relation[], ids: ReadonlySet<string>, status: Status): Relation[] {
  return relations.map(r => (ids.has(r.id) && r.status !== status ? { ...r, status } : r));
}

export function relabelRelations(relations: readonly Relation[], ids: ReadonlySet<string>, label: string): Relation[] {
  return relations.map(r => (ids.has(r.id) ? { ...r, label, status: 'accepted' } : r));
}

/** Relations touching annotation `id` (as source or target). */
export function relationsOf(relations: readonly Relation[], id: string): Relation[] {
  return relations.filter(r => r.from === id || r.to === id);
}

/** Keeps the relations whose two ends are among `annotations`; the others are `dropped`. */
export function pruneRelations(relations: readonly Relation[], annotations: readonly Annotation[]): { kept: Relation[]; dropped: Relation[] } {
  if (relations.length === 0) return { kept: [], dropped: [] };
  // Only the ids relations name are looked for: no set of every annotation's id (154 K on a 5 MB page,
  // tens of milliseconds and as much garbage in the editor's host on every save and analysis).
  const named = new Set<string>();
  for (const r of relations) named.add(r.from).add(r.to);
  const ids = new Set<string>();
  for (const a of annotations) if (named.has(a.id)) ids.add(a.id);
  const kept: Relation[] = [];
  const dropped: Relation[] = [];
  for (const r of relations) (ids.has(r.from) && ids.has(r.to) ? kept : dropped).push(r);
  return { kept, dropped };
}

/** A relation a person made or decided on: never replaced by fresh suggestions. */
const isUserRelation = (r: Relation) => r.source === 'manual' || r.status !== 'suggested';

/**
 * Merges freshly suggested relations into the existing ones, the way `mergeAnalysis` does for spans:
 * user relations stay; earlier suggestions are replaced by the fresh ones; a fresh suggestion that repeats
 * an existing relation (same ends and label, whatever its status, so a rejection keeps suppressing it) is
 * dropped; every relation whose ends are not both in `annotations` goes.
 */
export function mergeRelationSuggestions(existing: readonly Relation[], fresh: readonly Relation[], annotations: readonly Annotation[]): Relation[] {
  const kept = existing.filter(isUserRelation);
  const key = (r: Relation) => `${r.from}\u0000${r.to}\u0000${r.label}`;
  const seen = new Set(kept.map(key));
  const ids = new Set(kept.map(r => r.id));
  const added: Relation[] = [];
  for (const f of fresh) {
    if (seen.has(key(f))) continue;
    seen.add(key(f));
    added.push({ ...f, id: uniqueId(f.id, ids) });
  }
  return pruneRelations([...kept, ...added], annotations).kept;
}
