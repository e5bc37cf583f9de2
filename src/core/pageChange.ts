import { byOffset } from './merge';
import type { Annotation, Article, Relation } from './types';

/**
 * What one page's annotation work consists of, and a change to it as data: the items removed and added
 * per list (an edited item is removed in its old form and added in its new one) plus the page labels
 * before and after. A change is exactly invertible (swap removed and added), which is what undo needs.
 */

export interface PageState {
  annotations: readonly Annotation[];
  relations: readonly Relation[];
  /** Articles carry their labels; nothing else about them changes by an annotation action. */
  articles: readonly Article[];
  /** Page labels (`document.labels`). */
  labels: readonly string[];
}

/** A message for people: `{0}`, `{1}` in `message` stand for `args`; the editor localises `message`. */
export interface Description {
  message: string;
  args: Array<string | number>;
}

export interface ListDelta<T> {
  removed: T[];
  added: T[];
}

export interface Change {
  description: Description;
  annotations: ListDelta<Annotation>;
  relations: ListDelta<Relation>;
  articles: ListDelta<Article>;
  labels?: { before: string[]; after: string[] };
}

/** The description with its arguments filled in (for logs and tests; the editor localises first). */
export function formatDescription(d: Description): string {
  return d.message.replace(/\{(\d+)\}/g, (m, n: string) => (Number(n) < d.args.length ? String(d.args[Number(n)]) : m));
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The one order each list is kept in, so undoing a change gives back an equal state. */
export function canonical(state: PageState): PageState {
  return {
    annotations: [...state.annotations].sort(byOffset),
    relations: [...state.relations].sort(byId),
    articles: [...state.articles].sort((a, b) => a.start - b.start || byId(a, b)),
    labels: [...state.labels],
  };
}

/** Items are compared by identity: the operations return an unchanged item as the same object. */
function delta<T extends { id: string }>(before: readonly T[], after: readonly T[]): ListDelta<T> {
  const old = new Map(before.map(x => [x.id, x]));
  const now = new Map(after.map(x => [x.id, x]));
  return {
    removed: before.filter(x => now.get(x.id) !== x),
    added: after.filter(x => old.get(x.id) !== x),
  };
}

const sameLabels = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function diffStates(before: PageState, after: PageState, description: Description): Change {
  const change: Change = {
    description,
    annotations: delta(before.annotations, after.annotations),
    relations: delta(before.relations, after.relations),
    articles: delta(before.articles, after.articles),
  };
  if (!sameLabels(before.labels, after.labels)) change.labels = { before: [...before.labels], after: [...after.labels] };
  return change;
}

export function isEmptyChange(c: Change): boolean {
  return !c.labels && [c.annotations, c.relations, c.articles].every(d => d.removed.length === 0 && d.added.length === 0);
}

export function invertChange(c: Change): Change {
  const swap = <T>(d: ListDelta<T>): ListDelta<T> => ({ removed: d.added, added: d.removed });
  const inverse: Change = { description: c.description, annotations: swap(c.annotations), relations: swap(c.relations), articles: swap(c.articles) };
  if (c.labels) inverse.labels = { before: c.labels.after, after: c.labels.before };
  return inverse;
}

function applyDelta<T extends { id: string }>(list: readonly T[], d: ListDelta<T>): T[] {
  const gone = new Set([...d.removed, ...d.added].map(x => x.id));
  return [...list.filter(x => !gone.has(x.id)), ...d.added];
}

/**
 * Applies `c` to `state`. Removal and addition go by id, so a change still applies after unrelated work
 * (another item edited, the page re-analysed with the same ids); an added item replaces one with its id.
 */
export function applyChange(state: PageState, c: Change): PageState {
  return canonical({
    annotations: applyDelta(state.annotations, c.annotations),
    relations: applyDelta(state.relations, c.relations),
    articles: applyDelta(state.articles, c.articles),
    labels: c.labels ? c.labels.after : state.labels,
  });
}
