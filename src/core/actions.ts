import { adjustSpan, mergeImport, relabel, removeIds, setStatus, suggestionIds, tagSpan } from './annotationOps';
import { setArticleLabels } from './articleLabels';
import { canonical, diffStates, type Change, type Description, type PageState } from './pageChange';
import { addRelation, pruneRelations, relabelRelations, removeRelations, setRelationStatus } from './relations';
import type { Annotation, LabelId, Relation, Span, Status } from './types';

/**
 * Every annotation action a person takes on a page, as a pure step from one state to the next plus the
 * invertible change between them (for the undo history) with a description of what was done. Relations
 * whose ends an action removed go with them, inside the same change, so undo brings them back too.
 */

export interface ActionResult {
  state: PageState;
  change: Change;
}

/** Every description an action gives: the editor translates them (l10n bundles), so they are listed here once. */
export const ACTION_MESSAGES = [
  'Accept all: {0} suggestions',
  'Accept {0} annotations',
  'Accept {0} relations',
  'Accept 「{0}」 ({1})',
  'Adjust 「{0}」 to 「{1}」',
  'Import {0} annotations',
  'Import {0} annotations from {1}',
  'Link 「{0}」 {1} 「{2}」',
  'Reject {0} annotations',
  'Reject {0} relations',
  'Reject 「{0}」 ({1})',
  'Relabel {0} annotations as {1}',
  'Relabel {0} relations as {1}',
  'Relabel 「{0}」 ({1}) as {2}',
  'Remove {0} annotations',
  'Remove {0} annotations and {1} relations',
  'Remove {0} relations',
  'Remove 「{0}」 ({1})',
  'Remove 「{0}」 ({1}) and its {2} relations',
  'Reset {0} annotations to suggested',
  'Reset {0} relations',
  'Reset 「{0}」 ({1}) to suggested',
  'Resolve conflict on {0}: {1}',
  'Set labels of article 「{0}」: {1}',
  'Set page labels: {0}',
  'Tag {0} spans as {1}',
  'Tag 「{0}」 as {1}',
] as const;
type ActionMessage = typeof ACTION_MESSAGES[number];

const say = (message: ActionMessage, ...args: Array<string | number>): Description => ({ message, args });

function finish(before: PageState, after: PageState, description: Description): ActionResult {
  const state = canonical({ ...after, relations: pruneRelations(after.relations, after.annotations).kept });
  return { state, change: diffStates(before, state, description) };
}

const picked = (state: PageState, ids: ReadonlySet<string>) => state.annotations.filter(a => ids.has(a.id));

/** "「张三」 (PER)" for one item, a count for several. */
function which(items: readonly Annotation[], one: ActionMessage, many: ActionMessage, ...rest: Array<string | number>): Description {
  return items.length === 1 ? say(one, items[0].text, items[0].label, ...rest) : say(many, items.length, ...rest);
}

/** Tags each span of the page `text` as `label` (see `tagSpan`: nested spans allowed, suggestions replaced). */
export function tag(state: PageState, spans: readonly Span[], text: string, label: LabelId): ActionResult {
  const annotations = spans.reduce<Annotation[]>((acc, s) => tagSpan(acc, s, text.slice(s.start, s.end), label).annotations, [...state.annotations]);
  const description = spans.length === 1
    ? say('Tag 「{0}」 as {1}', text.slice(spans[0].start, spans[0].end), label)
    : say('Tag {0} spans as {1}', spans.length, label);
  return finish(state, { ...state, annotations }, description);
}

export function accept(state: PageState, ids: ReadonlySet<string>): ActionResult {
  return finish(state, { ...state, annotations: setStatus(state.annotations, ids, 'accepted') },
    which(picked(state, ids), 'Accept 「{0}」 ({1})', 'Accept {0} annotations'));
}

export function reject(state: PageState, ids: ReadonlySet<string>): ActionResult {
  return finish(state, { ...state, annotations: setStatus(state.annotations, ids, 'rejected') },
    which(picked(state, ids), 'Reject 「{0}」 ({1})', 'Reject {0} annotations'));
}

/** Puts decided items back to suggested (a hover's "undo my decision" link). */
export function unreview(state: PageState, ids: ReadonlySet<string>): ActionResult {
  return finish(state, { ...state, annotations: setStatus(state.annotations, ids, 'suggested') },
    which(picked(state, ids), 'Reset 「{0}」 ({1}) to suggested', 'Reset {0} annotations to suggested'));
}

/** Accepts every suggestion, or those of one label, inside `within`, or sure enough (Accept All and its variants). */
export function acceptAll(state: PageState, filter: Parameters<typeof suggestionIds>[1] = {}): ActionResult {
  const ids = suggestionIds(state.annotations, filter);
  return finish(state, { ...state, annotations: setStatus(state.annotations, ids, 'accepted') }, say('Accept all: {0} suggestions', ids.size));
}

export function relabelItems(state: PageState, ids: ReadonlySet<string>, label: LabelId): ActionResult {
  return finish(state, { ...state, annotations: relabel(state.annotations, ids, label) },
    which(picked(state, ids), 'Relabel 「{0}」 ({1}) as {2}', 'Relabel {0} annotations as {1}', label));
}

/** Removes annotations and, with them, every relation that touches them. */
export function remove(state: PageState, ids: ReadonlySet<string>): ActionResult {
  const gone = pruneRelations(state.relations, removeIds(state.annotations, ids)).dropped.length;
  const items = picked(state, ids);
  const description = items.length === 1
    ? say(gone ? 'Remove 「{0}」 ({1}) and its {2} relations' : 'Remove 「{0}」 ({1})', items[0].text, items[0].label, gone)
    : say(gone ? 'Remove {0} annotations and {1} relations' : 'Remove {0} annotations', items.length, gone);
  return finish(state, { ...state, annotations: removeIds(state.annotations, ids) }, description);
}

/** Moves annotation `id` to `span` of the page `text`; id, label, status and relations stay. */
export function adjust(state: PageState, id: string, span: Span, text: string): ActionResult {
  const old = state.annotations.find(a => a.id === id);
  const annotations = adjustSpan(state.annotations, id, span, text);
  return finish(state, { ...state, annotations }, say('Adjust 「{0}」 to 「{1}」', old?.text ?? id, text.slice(span.start, span.end)));
}

export function link(state: PageState, fromId: string, toId: string, label: string): ActionResult {
  const from = state.annotations.find(a => a.id === fromId);
  const to = state.annotations.find(a => a.id === toId);
  if (!from || !to) throw new Error(`no annotation ${from ? toId : fromId}`);
  const { relations } = addRelation(state.relations, from, to, label);
  return finish(state, { ...state, relations }, say('Link 「{0}」 {1} 「{2}」', from.text, label, to.text));
}

export function unlink(state: PageState, ids: ReadonlySet<string>): ActionResult {
  return finish(state, { ...state, relations: removeRelations(state.relations, ids) }, say('Remove {0} relations', countIn(state.relations, ids)));
}

export function setRelationsStatus(state: PageState, ids: ReadonlySet<string>, status: Status): ActionResult {
  const message = status === 'accepted' ? 'Accept {0} relations' : status === 'rejected' ? 'Reject {0} relations' : 'Reset {0} relations';
  return finish(state, { ...state, relations: setRelationStatus(state.relations, ids, status) }, say(message, countIn(state.relations, ids)));
}

export function relabelRelationItems(state: PageState, ids: ReadonlySet<string>, label: string): ActionResult {
  return finish(state, { ...state, relations: relabelRelations(state.relations, ids, label) }, say('Relabel {0} relations as {1}', countIn(state.relations, ids), label));
}

const countIn = (relations: readonly Relation[], ids: ReadonlySet<string>) => relations.filter(r => ids.has(r.id)).length;

/**
 * Merges imported annotations (see `mergeImport`: `conflicts` counts the spans left out) and the imported
 * relations between them; a relation whose ends were not both imported, or that is already there, is left
 * out and counted in `relationsLeftOut`. The file's page labels join the page's.
 */
export function importItems(
  state: PageState, annotations: readonly Annotation[], relations: readonly Relation[] = [], source = '', pageLabels: readonly string[] = [],
): ActionResult & { added: number; conflicts: number; relationsLeftOut: number } {
  const merged = mergeImport(state.annotations, annotations);
  let list = [...state.relations];
  let relationsLeftOut = 0;
  const byId = new Map(merged.annotations.map(a => [a.id, a]));
  for (const r of relations) {
    const from = byId.get(merged.ids.get(r.from) ?? '');
    const to = byId.get(merged.ids.get(r.to) ?? '');
    try {
      if (!from || !to) throw new Error('an end was not imported');
      const added = addRelation(list, from, to, r.label, r.source, r.status);
      list = added.relations;
    } catch {
      relationsLeftOut++;
    }
  }
  const labels = pageLabels.length ? [...new Set([...state.labels, ...pageLabels])] : state.labels;
  const result = finish(state, { ...state, annotations: merged.annotations, relations: list, labels },
    say(source ? 'Import {0} annotations from {1}' : 'Import {0} annotations', merged.added, source));
  return { ...result, added: merged.added, conflicts: merged.conflicts, relationsLeftOut };
}

export function labelArticle(state: PageState, articleId: string, labels: readonly string[]): ActionResult {
  const article = state.articles.find(a => a.id === articleId);
  return finish(state, { ...state, articles: setArticleLabels(state.articles, articleId, labels) },
    say('Set labels of article 「{0}」: {1}', article?.title ?? articleId, labels.join(', ')));
}

export function labelPage(state: PageState, labels: readonly string[]): ActionResult {
  return finish(state, { ...state, labels: [...new Set(labels)] }, say('Set page labels: {0}', labels.join(', ')));
}

/** Takes one side of a merge conflict (`biaozhu merge-driver`): the page's items become those of the resolution. */
export function resolveItems(state: PageState, resolved: Pick<PageState, 'annotations' | 'relations'>, itemId: string, choice: string): ActionResult {
  return finish(state, { ...state, annotations: resolved.annotations, relations: resolved.relations }, say('Resolve conflict on {0}: {1}', itemId, choice));
}
