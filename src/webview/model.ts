/**
 * The panel's view model: filtering, grouping, sorting and selection over a host snapshot. DOM-free so
 * plain mocha tests it; the DOM layer only renders what these functions return.
 */
import { isStatus, type Annotation, type Article, type LabelDef, type Relation, type Status } from '../core/types';

const SOURCES = ['auto', 'manual'] as const;

/** A parsed filter: `ORG 合作社` keeps ORG annotations whose text contains 合作社; `is:accepted` filters status or source. */
export interface Filter {
  /** Label ids (any of). */
  labels: string[];
  /** Statuses (any of). */
  statuses: Status[];
  /** Sources (any of). */
  sources: Array<'auto' | 'manual'>;
  /** Lower-cased terms, all of which must occur. */
  terms: string[];
  /** Confidence bounds (`conf<0.5`, `conf>=0.9`), all of which must hold; an item without a confidence fails them. */
  confidence: ConfidenceBound[];
}

export type ConfidenceOp = '<' | '<=' | '>' | '>=' | '=';
export interface ConfidenceBound { op: ConfidenceOp; value: number }

const CONFIDENCE_TOKEN = /^conf(<=|>=|<|>|=)(\d*\.?\d+)$/i;

/** `conf<0.5` → a bound; anything else (including a value outside [0, 1]) → undefined, so it stays a text term. */
export function parseConfidenceBound(token: string): ConfidenceBound | undefined {
  const m = CONFIDENCE_TOKEN.exec(token);
  const value = m ? Number(m[2]) : NaN;
  return m && value >= 0 && value <= 1 ? { op: m[1] as ConfidenceOp, value } : undefined;
}

function meetsBound(c: number, b: ConfidenceBound): boolean {
  switch (b.op) {
    case '<': return c < b.value;
    case '<=': return c <= b.value;
    case '>': return c > b.value;
    case '>=': return c >= b.value;
    default: return c === b.value;
  }
}

function meetsConfidence(a: Annotation, bounds: readonly ConfidenceBound[]): boolean {
  return bounds.every(b => a.confidence !== undefined && meetsBound(a.confidence, b));
}

/**
 * Splits on whitespace; a token equal to a label id (any case) is a label, `is:x` a status or source,
 * `conf<0.5` (also <=, >, >=, =) a confidence bound, anything else text.
 */
export function parseFilter(text: string, labelIds: readonly string[]): Filter {
  const filter: Filter = { labels: [], statuses: [], sources: [], terms: [], confidence: [] };
  const byUpper = new Map(labelIds.map(id => [id.toUpperCase(), id]));
  for (const token of text.split(/\s+/).filter(Boolean)) {
    const label = byUpper.get(token.toUpperCase());
    const is = /^is:(.+)$/i.exec(token)?.[1]?.toLowerCase();
    const bound = parseConfidenceBound(token);
    if (label !== undefined) filter.labels.push(label);
    else if (bound) filter.confidence.push(bound);
    else if (isStatus(is)) filter.statuses.push(is);
    else if (is && (SOURCES as readonly string[]).includes(is)) filter.sources.push(is as 'auto' | 'manual');
    else filter.terms.push(token.toLowerCase());
  }
  return filter;
}

export function isEmptyFilter(f: Filter): boolean {
  return !f.labels.length && !f.statuses.length && !f.sources.length && !f.terms.length && !f.confidence.length;
}

function hasTerms(haystack: readonly (string | undefined)[], terms: readonly string[]): boolean {
  const lower = haystack.filter((s): s is string => !!s).map(s => s.toLowerCase());
  return terms.every(t => lower.some(s => s.includes(t)));
}

export function matchesAnnotation(a: Annotation, f: Filter): boolean {
  return (!f.labels.length || f.labels.includes(a.label))
    && (!f.statuses.length || f.statuses.includes(a.status))
    && (!f.sources.length || f.sources.includes(a.source))
    && meetsConfidence(a, f.confidence)
    && hasTerms([a.text, a.unit], f.terms);
}

/** Articles match on their headline lines, byline, dateline and article labels; label and status tokens do not apply to them. */
export function matchesArticle(a: Article, f: Filter): boolean {
  return hasTerms([a.title, ...a.titleLines, a.byline, a.dateline, ...(a.labels ?? [])], f.terms);
}

export const NUMBER_LABEL = 'NUMBER';

export interface NameGroup {
  /** Stable key for view state: label and text. */
  key: string;
  label: string;
  text: string;
  /** In document order. */
  mentions: Annotation[];
  /** Suggested mentions, the ones still waiting for a decision. */
  pending: number;
  /** Every mention rejected: the name is no longer drawn. */
  rejected: boolean;
  /** The lowest confidence among its mentions that carry one (the one to doubt); undefined when none does. */
  confidence?: number;
}

/** `mentions`: most mentions first; `confidence`: least sure first, names without a confidence last. */
export type EntitySortKey = 'mentions' | 'confidence';

function lowestConfidence(mentions: readonly Annotation[]): number | undefined {
  let low: number | undefined;
  for (const m of mentions) if (m.confidence !== undefined && (low === undefined || m.confidence < low)) low = m.confidence;
  return low;
}

export interface LabelGroup {
  key: string;
  label: string;
  mentions: number;
  names: NameGroup[];
}

export const nameKey = (label: string, text: string): string => `name:${label}:${text}`;
export const groupKey = (label: string): string => `group:${label}`;

/**
 * Entities (every label but NUMBER) grouped by label in the order of `labels` (unknown labels after, by id),
 * then by distinct text: most mentions first, ties by first position.
 */
export function groupEntities(annotations: readonly Annotation[], labels: readonly LabelDef[], f: Filter, sort: EntitySortKey = 'mentions'): LabelGroup[] {
  const byLabel = new Map<string, Map<string, Annotation[]>>();
  for (const a of annotations) {
    if (a.label === NUMBER_LABEL || !matchesAnnotation(a, f)) continue;
    let names = byLabel.get(a.label);
    if (!names) byLabel.set(a.label, (names = new Map()));
    const list = names.get(a.text);
    if (list) list.push(a);
    else names.set(a.text, [a]);
  }
  const order = new Map(labels.map((l, i) => [l.id as string, i]));
  const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  return [...byLabel.entries()]
    .sort(([x], [y]) => rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0))
    .map(([label, names]) => {
      const groups = [...names.entries()].map(([text, mentions]): NameGroup => {
        mentions.sort(byPosition);
        const group: NameGroup = {
          key: nameKey(label, text), label, text, mentions,
          pending: mentions.filter(m => m.status === 'suggested').length,
          rejected: mentions.every(m => m.status === 'rejected'),
        };
        const confidence = lowestConfidence(mentions);
        if (confidence !== undefined) group.confidence = confidence;
        return group;
      });
      const byMentions = (x: NameGroup, y: NameGroup) => y.mentions.length - x.mentions.length || x.mentions[0].start - y.mentions[0].start;
      const byConfidence = (x: NameGroup, y: NameGroup) => (x.confidence ?? 2) - (y.confidence ?? 2) || byMentions(x, y);
      groups.sort(sort === 'confidence' ? byConfidence : byMentions);
      return { key: groupKey(label), label, mentions: groups.reduce((n, g) => n + g.mentions.length, 0), names: groups };
    });
}

export type NumberSortKey = 'position' | 'value' | 'text';
export type SortDirection = 'asc' | 'desc';

function byPosition(a: Annotation, b: Annotation): number {
  return a.start - b.start || a.end - b.end;
}

/** NUMBER annotations that match the filter, sorted; numbers without a value sort last whatever the direction. */
export function listNumbers(annotations: readonly Annotation[], f: Filter, key: NumberSortKey, dir: SortDirection): Annotation[] {
  const sign = dir === 'asc' ? 1 : -1;
  const compare = (a: Annotation, b: Annotation): number => {
    if (key === 'value') {
      const av = finite(a.value), bv = finite(b.value);
      if (av === undefined || bv === undefined) return (av === undefined ? 1 : 0) - (bv === undefined ? 1 : 0) || byPosition(a, b);
      return sign * (av - bv) || byPosition(a, b);
    }
    if (key === 'text') return sign * a.text.localeCompare(b.text, 'zh-Hans-CN') || byPosition(a, b);
    return sign * byPosition(a, b);
  };
  return annotations.filter(a => a.label === NUMBER_LABEL && matchesAnnotation(a, f)).sort(compare);
}

const finite = (v: number | undefined): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export interface ArticleRow {
  article: Article;
  entities: number;
  numbers: number;
}

/** Articles that match the filter, with their drawn (not rejected) entity and number counts. */
export function listArticles(articles: readonly Article[], annotations: readonly Annotation[], f: Filter): ArticleRow[] {
  const drawn = annotations.filter(a => a.status !== 'rejected').sort(byPosition);
  const starts = drawn.map(a => a.start);
  return articles.filter(a => matchesArticle(a, f)).map(article => {
    let entities = 0, numbers = 0;
    for (let i = lowerBound(starts, article.start); i < drawn.length && drawn[i].start < article.end; i++) {
      if (drawn[i].end > article.end) continue;
      if (drawn[i].label === NUMBER_LABEL) numbers++;
      else entities++;
    }
    return { article, entities, numbers };
  });
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The span to reveal for an article: its title block when known, else its first character. */
export function articleRevealSpan(a: Article): { start: number; end: number } {
  const title = a.blocks?.find(b => b.kind === 'title');
  return title ? { start: title.start, end: title.end } : { start: a.start, end: a.start };
}

// --- Relations and nesting -------------------------------------------------------------------------------

export interface RelationRow {
  relation: Relation;
  /** Its ends; undefined when the snapshot does not hold one (an end that became an orphan). */
  from?: Annotation;
  to?: Annotation;
}

/**
 * A relation matches on its label, its ends' texts (terms), its status and source (`is:`), and an annotation
 * label token when either end carries it (`PER` keeps the relations of persons). Confidence bounds do not
 * apply: relations carry none, so a bound hides them all, as it hides numbers without one.
 */
export function matchesRelation(row: RelationRow, f: Filter): boolean {
  const { relation: r, from, to } = row;
  return (!f.labels.length || f.labels.some(l => l === from?.label || l === to?.label))
    && (!f.statuses.length || f.statuses.includes(r.status))
    && (!f.sources.length || f.sources.includes(r.source))
    && !f.confidence.length
    && hasTerms([r.label, from?.text, to?.text], f.terms);
}

/** The page's relations with their ends, filtered, in the order of their source in the text (then target). */
export function listRelations(relations: readonly Relation[], annotations: readonly Annotation[], f: Filter): RelationRow[] {
  const byId = new Map(annotations.map(a => [a.id, a]));
  const pos = (a: Annotation | undefined) => a?.start ?? Number.MAX_SAFE_INTEGER;
  return relations.map((relation): RelationRow => ({ relation, from: byId.get(relation.from), to: byId.get(relation.to) }))
    .filter(row => matchesRelation(row, f))
    .sort((x, y) => pos(x.from) - pos(y.from) || pos(x.to) - pos(y.to) || (x.relation.id < y.relation.id ? -1 : 1));
}

// --- Selection -------------------------------------------------------------------------------------------

export type Tri = 'none' | 'some' | 'all';

/** Whether none, some or all of `ids` are selected. */
export function selectionOf(selected: ReadonlySet<string>, ids: readonly string[]): Tri {
  const n = ids.filter(id => selected.has(id)).length;
  return n === 0 ? 'none' : n === ids.length ? 'all' : 'some';
}

/** Selects all of `ids` unless all already are, in which case it deselects them (a checkbox click). */
export function toggleSelection(selected: ReadonlySet<string>, ids: readonly string[]): Set<string> {
  const next = new Set(selected);
  const on = selectionOf(selected, ids) !== 'all';
  for (const id of ids) {
    if (on) next.add(id);
    else next.delete(id);
  }
  return next;
}

/** Drops ids the snapshot no longer has, so a bulk action never names a vanished annotation or relation. */
export function pruneSelection(selected: ReadonlySet<string>, existing: Iterable<{ id: string }>): Set<string> {
  const next = new Set<string>();
  for (const a of existing) if (selected.has(a.id)) next.add(a.id);
  return next;
}

/** Ids of the suggestions among `annotations` (or relations): what "accept all visible" accepts. */
export function pendingIds(annotations: Iterable<{ id: string; status: Status }>): string[] {
  const ids: string[] = [];
  for (const a of annotations) if (a.status === 'suggested') ids.push(a.id);
  return ids;
}

// --- Labels ----------------------------------------------------------------------------------------------

const COLOR = /^#[0-9a-fA-F]{6}$/;
export const isColor = (s: unknown): s is string => typeof s === 'string' && COLOR.test(s);

export type LabelProblem = 'id' | 'duplicate' | 'name' | 'key';

/** Checks a label the user wants to add; returns the first problem or the cleaned label. */
export function validateNewLabel(draft: { id: string; name: string; color: string; key: string }, labels: readonly LabelDef[]):
  { ok: true; label: LabelDef } | { ok: false; problem: LabelProblem; other?: string } {
  const id = draft.id.trim();
  const name = draft.name.trim();
  if (!/^[A-Za-z][A-Za-z0-9_-]{0,31}$/.test(id)) return { ok: false, problem: 'id' };
  if (labels.some(l => l.id.toUpperCase() === id.toUpperCase())) return { ok: false, problem: 'duplicate' };
  if (!name || name.length > 64) return { ok: false, problem: 'name' };
  const key = /^[1-9]$/.test(draft.key) ? draft.key : undefined;
  const clash = key && labels.find(l => l.key === key);
  if (clash) return { ok: false, problem: 'key', other: clash.name };
  const color = isColor(draft.color) ? draft.color.toLowerCase() : '#808080';
  return { ok: true, label: key ? { id, name, color, key } : { id, name, color } };
}

// --- View state ------------------------------------------------------------------------------------------

export type TabId = 'articles' | 'entities' | 'numbers' | 'relations' | 'stats' | 'orphans';
export const TABS: readonly TabId[] = ['articles', 'entities', 'numbers', 'relations', 'stats', 'orphans'];

/** What the panel remembers across reloads (webview getState/setState); never document data. */
export interface ViewState {
  tab: TabId;
  filter: string;
  numberSort: { key: NumberSortKey; dir: SortDirection };
  entitySort: EntitySortKey;
  /** Collapsed label groups in the Entities tree. */
  collapsed: string[];
  /** Expanded distinct names in the Entities tree. */
  expanded: string[];
  scroll: Partial<Record<TabId, number>>;
  labelsOpen: boolean;
  /** The guideline section is open (it is, until the user closes it). */
  guidelineOpen: boolean;
}

export const DEFAULT_VIEW_STATE: ViewState = {
  tab: 'entities', filter: '', numberSort: { key: 'position', dir: 'asc' }, entitySort: 'mentions', collapsed: [], expanded: [], scroll: {}, labelsOpen: false, guidelineOpen: true,
};

const MAX_KEYS = 2000;

/** Reads a stored state defensively: anything malformed falls back to the default for that field. */
export function restoreViewState(raw: unknown): ViewState {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const d = DEFAULT_VIEW_STATE;
  const sort = (r.numberSort && typeof r.numberSort === 'object' ? r.numberSort : {}) as Record<string, unknown>;
  const keys = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string').slice(0, MAX_KEYS) : []);
  const scroll: Partial<Record<TabId, number>> = {};
  if (r.scroll && typeof r.scroll === 'object') {
    for (const tab of TABS) {
      const v = (r.scroll as Record<string, unknown>)[tab];
      if (typeof v === 'number' && Number.isFinite(v) && v >= 0) scroll[tab] = v;
    }
  }
  return {
    tab: TABS.includes(r.tab as TabId) ? (r.tab as TabId) : d.tab,
    filter: typeof r.filter === 'string' ? r.filter.slice(0, 500) : d.filter,
    numberSort: {
      key: ['position', 'value', 'text'].includes(sort.key as string) ? (sort.key as NumberSortKey) : d.numberSort.key,
      dir: sort.dir === 'desc' ? 'desc' : 'asc',
    },
    entitySort: r.entitySort === 'confidence' ? 'confidence' : 'mentions',
    collapsed: keys(r.collapsed),
    expanded: keys(r.expanded),
    scroll,
    labelsOpen: r.labelsOpen === true,
    guidelineOpen: r.guidelineOpen !== false,
  };
}

/** Adds or removes `key` from a key list (collapsed groups, expanded names). */
export function toggleKey(list: readonly string[], key: string, on: boolean): string[] {
  const rest = list.filter(k => k !== key);
  return on ? [...rest, key].slice(-MAX_KEYS) : rest;
}

/** The innermost annotation (not rejected, if any is) under `offset`: the one the editor's cursor is on. */
export function annotationUnder(annotations: readonly Annotation[], offset: number): Annotation | undefined {
  let best: Annotation | undefined;
  for (const a of annotations) {
    if (a.start > offset || offset >= a.end) continue;
    const better = !best || (best.status === 'rejected' && a.status !== 'rejected')
      || ((best.status === 'rejected') === (a.status === 'rejected') && a.end - a.start < best.end - best.start);
    if (better) best = a;
  }
  return best;
}
