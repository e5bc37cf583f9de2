import { autoIdStart } from './autoId';
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

/**
 * Where each relation's ends were found last time (indices into the annotation list it was checked
 * against): a memo that changes no result, since every hint is verified (see also byStart). Lists of a page change little
 * between checks (typing shifts offsets, not order), so the ends are mostly found at or near their last
 * index and the pass over every annotation (154 K on a 5 MB page, about 100 ms of the editor's host on each
 * save) is left for the ends that moved far or are gone.
 */
const endHints = new WeakMap<Relation, { from: number; to: number }>();
const NEAR = 16;

/**
 * The index of an annotation with `id` at or within NEAR of `hint`, else -1. Without a hint, a suggestion's
 * id (`label-start-end`, autoId.ts) hints at its place: in a list in order of start (an analysis's) a
 * binary search finds it. Either way only the id decides.
 */
function near(annotations: readonly Annotation[], id: string, hint: number | undefined): number {
  hint ??= byStart(annotations, id);
  if (hint === undefined) return -1;
  for (let d = 0; d <= NEAR; d++) {
    if (annotations[hint + d]?.id === id) return hint + d;
    if (d > 0 && annotations[hint - d]?.id === id) return hint - d;
  }
  return -1;
}

/** Where an annotation starting where `id` says would be, if the list is in order of start. */
function byStart(annotations: readonly Annotation[], id: string): number | undefined {
  const start = autoIdStart(id);
  if (start === undefined) return undefined;
  let lo = 0, hi = annotations.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (annotations[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Keeps the relations whose two ends are among `annotations`; the others are `dropped`. */
export function pruneRelations(relations: readonly Relation[], annotations: readonly Annotation[]): { kept: Relation[]; dropped: Relation[] } {
  if (relations.length === 0) return { kept: [], dropped: [] };
  // at[2i], at[2i + 1]: where relation i's ends are (-1: not near their hint).
  const at = new Int32Array(relations.length * 2);
  const missing = new Set<string>();
  relations.forEach((r, i) => {
    const hint = endHints.get(r);
    at[2 * i] = near(annotations, r.from, hint?.from);
    at[2 * i + 1] = near(annotations, r.to, hint?.to);
    if (at[2 * i] < 0) missing.add(r.from);
    if (at[2 * i + 1] < 0) missing.add(r.to);
  });
  if (missing.size > 0) {
    // The ends not found near their hint: one pass, ending as soon as all are found.
    const found = new Map<string, number>();
    for (let i = 0; i < annotations.length && missing.size > 0; i++) {
      const id = annotations[i].id;
      if (missing.delete(id)) found.set(id, i);
    }
    relations.forEach((r, i) => {
      if (at[2 * i] < 0) at[2 * i] = found.get(r.from) ?? -1;
      if (at[2 * i + 1] < 0) at[2 * i + 1] = found.get(r.to) ?? -1;
    });
  }
  const kept: Relation[] = [];
  const dropped: Relation[] = [];
  relations.forEach((r, i) => {
    const from = at[2 * i], to = at[2 * i + 1];
    if (from < 0 || to < 0) return void dropped.push(r);
    kept.push(r);
    const hint = endHints.get(r);
    if (hint) { hint.from = from; hint.to = to; } else endHints.set(r, { from, to });
  });
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
