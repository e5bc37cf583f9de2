import { anchorSaved, mapThroughDiff } from '../anchor';
import { byOffset, isUserWork } from '../merge';
import type { Annotation, LabelDef } from '../types';
import type { ItemList, MergeConflict, PageReview, Relation, Sidecar } from './types';

/**
 * Three-way merge of one page's sidecar, as `git merge` needs it (`biaozhu merge-driver`).
 *
 * Items are matched by id, then field by field: a field changed on one branch only takes that change, a
 * field changed the same way on both is kept, and different changes to one item (say its label) make a
 * conflict: the merged list keeps our version and `conflicts[]` holds both for the user to resolve.
 * Items added on both branches over the same span with the same label are one item, whatever their ids.
 *
 * When one branch edited the page text, the merged sidecar describes that text (its hash, articles and
 * column breaks) and the other branch's items are moved into it by `textOf` (which returns a text by its
 * sha256, when it can be found). An item that cannot be placed in that text is kept under `orphans`,
 * never dropped and never left at offsets that point into another text.
 */
export interface MergeResult {
  doc: Sidecar;
  /** The conflicts this merge made (the document's `conflicts` also keeps older unresolved ones). */
  conflicts: MergeConflict[];
}

type Item = { id: string } & object;

export function mergeSidecars(base: Sidecar | undefined, ours: Sidecar, theirs: Sidecar, textOf: (sha: string) => string | undefined = () => undefined): MergeResult {
  const baseSha = base?.document.sha256;
  const head = ours.document.sha256 === theirs.document.sha256 || theirs.document.sha256 === baseSha ? ours
    : ours.document.sha256 === baseSha ? theirs : ours;
  const headText = textOf(head.document.sha256);

  /** A side's annotations moved into the head text; `placed` is false when that could not be done. */
  const toHead = (doc: Sidecar): { annotations: Annotation[]; placed: boolean; lost: Annotation[] } => {
    if (doc.document.sha256 === head.document.sha256) return { annotations: doc.annotations, placed: true, lost: [] };
    if (headText === undefined) return { annotations: doc.annotations, placed: false, lost: [] };
    const old = textOf(doc.document.sha256);
    // Through the diff when the side's text is known, else by each item's saved quote and context.
    const moved = old !== undefined ? mapThroughDiff(old, headText, doc.annotations) : anchorSaved(headText, doc.annotations);
    // A merge has no editor to show orphans in: an item whose text occurs exactly once in the head text goes there.
    const annotations = [...moved.placed];
    const lost: Annotation[] = [];
    for (const { item } of moved.orphaned) {
      const at = headText.indexOf(item.text);
      if (item.text !== '' && at >= 0 && headText.indexOf(item.text, at + 1) < 0) annotations.push({ ...item, start: at, end: at + item.text.length });
      else lost.push(item);
    }
    return { annotations, placed: true, lost };
  };
  const o = toHead(ours);
  const t = toHead(theirs);
  const b = base ? toHead(base) : undefined;

  const conflicts: MergeConflict[] = [];
  const annotations = mergeItems('annotations', b?.annotations ?? [], o.annotations, t.annotations, conflicts, sameSpan) as Annotation[];
  const relations = ours.relations || theirs.relations
    ? mergeItems('relations', base?.relations ?? [], ours.relations ?? [], theirs.relations ?? [], conflicts) as Relation[]
    : undefined;

  // Items that cannot stand in the head text go to the orphans.
  const headItems = new Map((head === ours ? o : t).annotations.map(a => [a.id, a]));
  const fits = (a: Annotation) => headText !== undefined
    ? a.end <= headText.length && headText.slice(a.start, a.end) === a.text
    : o.placed && t.placed && (!b || b.placed) ? a.end <= head.document.length
      : headItems.get(a.id)?.start === a.start && headItems.get(a.id)?.end === a.end;
  const placed = annotations.filter(fits).sort(byOffset);
  const placedIds = new Set(placed.map(a => a.id));
  const orphans = [
    ...mergeItems('annotations', base?.orphans ?? [], ours.orphans ?? [], theirs.orphans ?? [], []) as Annotation[],
    ...annotations.filter(a => !fits(a)), ...o.lost, ...t.lost,
  ];
  const orphanList: Annotation[] = [];
  for (const a of orphans) if (!placedIds.has(a.id) && !orphanList.some(x => x.id === a.id)) orphanList.push(a);

  const older = [...(ours.conflicts ?? []), ...(theirs.conflicts ?? []).filter(c => !(ours.conflicts ?? []).some(x => x.list === c.list && x.id === c.id))]
    .filter(c => !conflicts.some(x => x.list === c.list && x.id === c.id));
  const allConflicts = [...older, ...conflicts];

  const theirsOnly = Object.fromEntries(Object.entries(theirs).filter(([k]) => !(k in ours)));
  const doc: Sidecar = {
    ...ours, ...theirsOnly,
    document: head.document, articles: head.articles, columnBreaks: head.columnBreaks,
    labels: mergeLabels(ours.labels, theirs.labels),
    annotations: placed,
  };
  if (orphanList.length || ours.orphans || theirs.orphans) doc.orphans = orphanList;
  if (relations) doc.relations = relations;
  const review = mergeReview(base?.review, ours.review, theirs.review);
  if (review) doc.review = review;
  else delete doc.review;
  if (allConflicts.length) doc.conflicts = allConflicts;
  else delete doc.conflicts;
  return { doc, conflicts };
}

const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
const sameSpan = (x: Item, y: Item) => {
  const a = x as Annotation;
  const b = y as Annotation;
  return a.start === b.start && a.end === b.end;
};

/**
 * Three-way merge of a list of items by id (and, with `matchSpan`, of items both branches added over the
 * same span). Conflicts are appended to `conflicts`; the merged list keeps our version of a conflicting item.
 */
function mergeItems(list: ItemList, base: readonly Item[], ours: readonly Item[], theirs: readonly Item[], conflicts: MergeConflict[], matchSpan?: (x: Item, y: Item) => boolean): Item[] {
  const B = new Map(base.map(i => [i.id, i]));
  const O = new Map(ours.map(i => [i.id, i]));
  const T = new Map(theirs.map(i => [i.id, i]));
  const out: Item[] = [];
  const conflict = (id: string, b: Item | undefined, o: Item | undefined, t: Item | undefined, fields: string[]) =>
    conflicts.push({ list, id, base: (b ?? null) as MergeConflict['base'], ours: (o ?? null) as MergeConflict['ours'], theirs: (t ?? null) as MergeConflict['theirs'], fields });

  for (const [id, o] of O) {
    const b = B.get(id);
    const t = T.get(id);
    if (t === undefined) {
      // Deleted by them (kept if we changed it: conflict), or added by us.
      if (b === undefined) out.push(o);
      else if (!same(b, o)) { out.push(o); conflict(id, b, o, undefined, []); }
      continue;
    }
    const { item, fields } = mergeFields(b, o, t);
    out.push(item);
    if (fields.length) conflict(id, b, o, t, fields);
  }
  for (const [id, t] of T) {
    if (O.has(id)) continue;
    const b = B.get(id);
    if (b !== undefined) {
      // Deleted by us: gone if they left it alone, a conflict if they changed it.
      if (!same(b, t)) conflict(id, b, undefined, t, []);
      continue;
    }
    const twin = matchSpan && out.find(x => !B.has(x.id) && !T.has(x.id) && matchSpan(x, t));
    if (twin) {
      // The same span tagged on both branches under two ids: a person's work beats a suggestion; two
      // people's different labels or statuses are a conflict; otherwise ours stands.
      const [mine, other] = [isUserWork(twin as Annotation), isUserWork(t as Annotation)];
      if (other && !mine) out[out.indexOf(twin)] = t;
      else if (mine === other) {
        const fields = diffFields(twin, t).filter(f => f === 'label' || f === 'status');
        if (fields.length) conflict(twin.id, undefined, twin, t, fields);
      }
      continue;
    }
    out.push(t);
  }
  return out;
}

function diffFields(x: object, y: object): string[] {
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  return [...keys].filter(k => !same((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]));
}

/** Field-wise three-way merge of one item; `fields` lists the fields both sides changed differently. */
function mergeFields(b: Item | undefined, o: Item, t: Item): { item: Item; fields: string[] } {
  const B = (b ?? {}) as Record<string, unknown>;
  const O = o as Record<string, unknown>;
  const T = t as Record<string, unknown>;
  const item: Record<string, unknown> = {};
  const fields: string[] = [];
  for (const k of new Set([...Object.keys(O), ...Object.keys(T)])) {
    const v = same(O[k], T[k]) || same(T[k], B[k]) ? O[k] : same(O[k], B[k]) ? T[k] : (fields.push(k), O[k]);
    if (v !== undefined) item[k] = v;
  }
  // A conflicting item stays exactly as we had it, so the list never holds a half-merged mixture.
  return fields.length ? { item: o, fields } : { item: item as Item, fields };
}

function mergeLabels(ours: readonly LabelDef[], theirs: readonly LabelDef[]): LabelDef[] {
  return [...ours, ...theirs.filter(t => !ours.some(o => o.id === t.id))];
}

/** The review changed on one branch wins; changed on both, the later mark wins (its history says what came before). */
function mergeReview(base: PageReview | undefined, ours: PageReview | undefined, theirs: PageReview | undefined): PageReview | undefined {
  if (same(ours, theirs) || same(theirs, base)) return ours;
  if (same(ours, base)) return theirs;
  if (!ours || !theirs) return ours ?? theirs;
  return Date.parse(theirs.at) > Date.parse(ours.at) ? theirs : ours;
}
