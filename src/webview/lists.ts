/**
 * The list views (the statistics view is in ./statsView). Each returns its list element and the annotations it shows (for "select all visible" and
 * "accept all visible"), and registers every navigable row in `ctx.items` for the keyboard handler.
 */
import { normalisedValue } from '../core/describe';
import type { Annotation, Status } from '../core/types';
import type { Ctx, ItemSpec } from './context';
import { h, srOnly, swatch } from './dom';
import { enclosingSpans } from '../core/drawing';
import { articleRevealSpan, groupEntities, isEmptyFilter, listArticles, listNumbers, listRelations, matchesAnnotation, selectionOf } from './model';

export interface ViewResult {
  element: HTMLElement;
  /** The annotations (on the Relations tab, the relations) the list shows, for the bulk actions. */
  visible: ReadonlyArray<{ id: string; status: Status }>;
}

export function emptyNote(ctx: Ctx, total: number): HTMLElement {
  return h('p', { class: 'bz-empty' }, total === 0 || isEmptyFilter(ctx.filter) ? ctx.t('list.empty') : ctx.t('list.noMatch'));
}

/** A row: a focusable element holding a content line and, for trees, its children. */
export function item(ctx: Ctx, key: string, spec: ItemSpec, attrs: Record<string, string | number | boolean | undefined>, content: Node[]): HTMLLIElement {
  ctx.items.set(key, spec);
  const li = h('li', { class: 'bz-item', tabindex: -1, ...attrs });
  li.dataset.focusKey = key;
  const selectable = spec.actions !== 'none' && spec.ids.length > 0;
  const state = selectable ? selectionOf(ctx.selected, spec.ids) : 'none';
  if (selectable) li.setAttribute('aria-checked', state === 'all' ? 'true' : state === 'some' ? 'mixed' : 'false');
  const rowEl = h('div', { class: 'bz-row' });
  if (selectable) {
    const box = h('input', { type: 'checkbox', class: 'bz-check', tabindex: -1, 'aria-hidden': 'true' });
    box.checked = state === 'all';
    box.indeterminate = state === 'some';
    box.addEventListener('click', e => { e.stopPropagation(); ctx.act.toggleSelect(spec.ids); });
    rowEl.append(box);
  }
  if (spec.toggle) {
    rowEl.append(h('span', { class: `bz-twisty${spec.expanded ? ' bz-open' : ''}`, 'aria-hidden': 'true' }));
  }
  rowEl.append(h('span', { class: 'bz-main' }, ...content));
  if ((spec.actions !== 'none' && spec.ids.length) || spec.labelArticle) rowEl.append(rowActions(ctx, key, spec));
  li.append(rowEl);
  return li;
}

function actionButton(label: string, glyph: string, cls: string, run: () => void): HTMLButtonElement {
  const b = h('button', { type: 'button', class: `bz-icon ${cls}`, tabindex: -1, title: label, 'aria-label': label }, glyph);
  b.addEventListener('click', e => { e.stopPropagation(); run(); });
  return b;
}

function rowActions(ctx: Ctx, key: string, spec: ItemSpec): HTMLElement {
  const bar = h('span', { class: 'bz-actions' });
  if (spec.actions === 'all' || spec.actions === 'review') {
    bar.append(
      actionButton(ctx.t('action.accept'), '✓', 'bz-accept', () => ctx.act.setStatus(spec.ids, 'accepted')),
      actionButton(ctx.t('action.reject'), '✕', 'bz-reject', () => ctx.act.setStatus(spec.ids, 'rejected')),
    );
  }
  if (spec.actions === 'all') bar.append(actionButton(ctx.t('action.relabel'), '⇄', 'bz-relabel', () => ctx.act.relabel(spec.ids, key)));
  if (spec.reattach) bar.append(actionButton(ctx.t('action.reattach'), '⤓', 'bz-reattach', spec.reattach));
  if (spec.labelArticle) bar.append(actionButton(ctx.t('articles.setLabels'), '#', 'bz-article-label', spec.labelArticle));
  if (spec.actions !== 'none' && spec.ids.length) bar.append(actionButton(ctx.t('action.remove'), '⌫', 'bz-remove', () => ctx.act.remove(spec.ids)));
  return bar;
}

export function labelChip(ctx: Ctx, id: string): HTMLElement {
  const def = ctx.label(id);
  return h('span', { class: 'bz-chip', title: def?.name ?? id }, swatch(def?.color), id);
}

function statusMark(ctx: Ctx, a: Pick<Annotation, 'status' | 'source'>): HTMLElement {
  const text = `${ctx.t(`status.${a.status}`)}, ${ctx.t(`source.${a.source}`)}`;
  return h('span', { class: `bz-status bz-status-${a.status}`, title: text }, srOnly(text));
}

function moreButton(ctx: Ctx, key: string, shown: number, total: number): HTMLElement | undefined {
  if (shown >= total) return undefined;
  const b = h('button', { type: 'button', class: 'bz-more' }, ctx.t('action.showMore', ctx.int(Math.min(total - shown, ctx.limit(key)))));
  b.dataset.focusKey = `more:${key}`;
  b.addEventListener('click', () => ctx.act.showMore(key));
  return h('li', { role: 'presentation', class: 'bz-more-row' }, h('span', { class: 'bz-dim' }, ctx.t('list.shown', ctx.int(shown), ctx.int(total))), b);
}

export function renderArticles(ctx: Ctx): ViewResult {
  const rows = listArticles(ctx.snap.articles, ctx.snap.annotations, ctx.filter);
  const list = h('ul', { role: 'listbox', class: 'bz-list', 'aria-label': ctx.t('articles.list') });
  const shown = rows.slice(0, ctx.limit('articles'));
  for (const { article, entities, numbers } of shown) {
    const title = article.title.trim() || ctx.t('articles.untitled');
    const others = article.titleLines.filter(l => l !== article.title);
    const labels = article.labels ?? [];
    list.append(item(ctx, `article:${article.id}`, {
      ids: [], reveal: articleRevealSpan(article), actions: 'none', labelArticle: () => ctx.act.setArticleLabels(article.id),
    }, { role: 'option' }, [
      h('span', { class: 'bz-title' }, title),
      ...others.map(l => h('span', { class: 'bz-subline' }, l)),
      article.byline ? h('span', { class: 'bz-subline bz-dim' }, article.byline) : undefined,
      h('span', { class: 'bz-subline bz-dim' }, ctx.t('articles.counts', ctx.int(entities), ctx.int(numbers))),
      labels.length ? h('span', { class: 'bz-subline bz-article-labels', title: ctx.t('articles.labels') },
        srOnly(`${ctx.t('articles.labels')}: `), ...labels.map(l => h('span', { class: 'bz-class' }, l))) : undefined,
    ].filter((n): n is HTMLElement => !!n)));
  }
  const more = moreButton(ctx, 'articles', shown.length, rows.length);
  if (more) list.append(more);
  return { element: rows.length ? list : emptyNote(ctx, ctx.snap.articles.length), visible: [] };
}

export function renderEntities(ctx: Ctx): ViewResult {
  const groups = groupEntities(ctx.snap.annotations, ctx.snap.labels, ctx.filter, ctx.view.entitySort);
  const outer = outerSpans(ctx.snap.annotations);
  const tree = h('ul', { role: 'tree', class: 'bz-list bz-tree', 'aria-label': ctx.t('entities.tree'), 'aria-multiselectable': 'true' });
  const visible: Annotation[] = [];
  for (const g of groups) {
    const open = !ctx.view.collapsed.includes(g.key);
    const ids = g.names.flatMap(n => n.mentions.map(m => m.id));
    if (open) for (const n of g.names) visible.push(...n.mentions);
    const def = ctx.label(g.label);
    const head = item(ctx, g.key, {
      ids: open ? ids : [], expanded: open, toggle: () => ctx.act.setExpanded('collapsed', g.key, open), actions: 'none',
    }, { role: 'treeitem', 'aria-level': 1, 'aria-expanded': String(open), class: 'bz-item bz-group' }, [
      swatch(def?.color),
      h('span', { class: 'bz-title' }, def ? `${def.name} (${g.label})` : g.label),
      h('span', { class: 'bz-count' }, ctx.t('entities.groupCounts', ctx.int(g.mentions), ctx.int(g.names.length))),
    ]);
    if (open) {
      const names = h('ul', { role: 'group' });
      const shown = g.names.slice(0, ctx.limit(g.key));
      for (const n of shown) {
        const expanded = ctx.view.expanded.includes(n.key);
        const nameEl = item(ctx, n.key, {
          ids: n.mentions.map(m => m.id), reveal: { start: n.mentions[0].start, end: n.mentions[0].end },
          expanded, toggle: () => ctx.act.setExpanded('expanded', n.key, !expanded), parentKey: g.key, actions: 'all',
        }, { role: 'treeitem', 'aria-level': 2, 'aria-expanded': String(expanded), class: `bz-item${n.rejected ? ' bz-rejected' : ''}` }, [
          h('span', { class: 'bz-text' }, n.text),
          h('span', { class: 'bz-count', title: ctx.t('entities.mentions', n.mentions.length) }, ctx.t('entities.mentions', ctx.int(n.mentions.length))),
          confidenceChip(ctx, n.confidence, 'confidence.lowest'),
          insideChip(ctx, n.mentions.map(m => outer.get(m.id)).find(o => o)),
          n.pending ? h('span', { class: 'bz-pending', title: ctx.t('status.suggested') }, ctx.int(n.pending)) : h('span', {}),
        ]);
        if (expanded) {
          const mentions = h('ul', { role: 'group' });
          for (const m of n.mentions) mentions.append(mentionRow(ctx, m, n.key, 3, false, 'all', outer.get(m.id)));
          nameEl.append(mentions);
        }
        names.append(nameEl);
      }
      const more = moreButton(ctx, g.key, shown.length, g.names.length);
      if (more) names.append(more);
      head.append(names);
    }
    tree.append(head);
  }
  return { element: groups.length ? tree : emptyNote(ctx, ctx.snap.annotations.length), visible };
}

/** The confidence as a percentage (`87%`), titled; empty when there is none (rules, numbers, user work). */
function confidenceChip(ctx: Ctx, confidence: number | undefined, title: 'confidence.title' | 'confidence.lowest'): HTMLElement {
  if (confidence === undefined) return h('span', {});
  const shown = ctx.t('confidence.percent', ctx.int(Math.round(confidence * 100)));
  return h('span', { class: 'bz-conf bz-dim', title: ctx.t(title, shown) }, shown);
}

/** Nesting per snapshot: the filter re-renders on every keystroke, the annotations change only with a snapshot. */
const nesting = new WeakMap<readonly Annotation[], Map<string, Annotation>>();
function outerSpans(annotations: readonly Annotation[]): Map<string, Annotation> {
  let found = nesting.get(annotations);
  if (!found) nesting.set(annotations, (found = enclosingSpans(annotations)));
  return found;
}

/** `inside 「东湖区人民法院」` for a span nested in another (titled with the outer span's label); empty otherwise. */
function insideChip(ctx: Ctx, outer: Annotation | undefined): HTMLElement {
  if (!outer) return h('span', {});
  return h('span', { class: 'bz-inside', title: ctx.t('nesting.insideTitle', outer.text, outer.label) }, ctx.t('nesting.inside', outer.text));
}

/**
 * One annotation as a row; `showText` for flat lists, otherwise its position (the name row shows the text);
 * `outer`: the span it is nested in.
 */
function mentionRow(ctx: Ctx, a: Annotation, parentKey: string | undefined, level: number | undefined, showText: boolean, actions: 'all' | 'remove' = 'all', outer?: Annotation): HTMLLIElement {
  const role = level ? 'treeitem' : 'option';
  const content: Node[] = [statusMark(ctx, a)];
  if (showText) content.push(h('span', { class: 'bz-text' }, a.text));
  if (a.label === 'NUMBER') {
    const words = { '>': ctx.t('approx.more', '{0}'), '<': ctx.t('approx.nearly', '{0}'), '~': ctx.t('approx.about', '{0}') };
    // Dates and years read wrong with thousands separators (2,023).
    const value = a.kind === 'date' ? normalisedValue(a, words, 'en-US-u-nu-latn')?.replace(/(\d),(?=\d)/g, '$1') : normalisedValue(a, words, ctx.locale);
    if (value !== undefined) content.push(h('span', { class: 'bz-value' }, `→ ${value}`));
  } else if (showText) {
    content.push(labelChip(ctx, a.label));
  }
  content.push(h('span', { class: 'bz-meta' },
    insideChip(ctx, outer),
    confidenceChip(ctx, a.confidence, 'confidence.title'),
    a.kind ? h('span', { class: 'bz-kind' }, ctx.t(`kind.${a.kind}`)) : '',
    h('span', { class: 'bz-pos bz-dim' }, ctx.t('entities.at', ctx.int(a.start)))));
  const reattach = actions === 'remove' ? () => ctx.act.reattach(a.id) : undefined;
  return item(ctx, `ann:${a.id}`, { ids: [a.id], reveal: actions === 'all' ? { start: a.start, end: a.end } : undefined, parentKey, actions, reattach },
    { role, 'aria-level': level, class: `bz-item${a.status === 'rejected' ? ' bz-rejected' : ''}` }, content);
}

export function renderNumbers(ctx: Ctx): ViewResult {
  const { key, dir } = ctx.view.numberSort;
  const rows = listNumbers(ctx.snap.annotations, ctx.filter, key, dir);
  const list = h('ul', { role: 'listbox', class: 'bz-list', 'aria-label': ctx.t('numbers.list'), 'aria-multiselectable': 'true' });
  const shown = rows.slice(0, ctx.limit('numbers'));
  for (const a of shown) list.append(mentionRow(ctx, a, undefined, undefined, true));
  const more = moreButton(ctx, 'numbers', shown.length, rows.length);
  if (more) list.append(more);
  return { element: rows.length ? list : emptyNote(ctx, ctx.snap.annotations.length), visible: rows };
}

export function renderOrphans(ctx: Ctx): ViewResult {
  const rows = ctx.snap.orphans.filter(a => matchesAnnotation(a, ctx.filter));
  const list = h('ul', { role: 'listbox', class: 'bz-list', 'aria-label': ctx.t('orphans.list'), 'aria-multiselectable': 'true' });
  const shown = rows.slice(0, ctx.limit('orphans'));
  for (const a of shown) list.append(mentionRow(ctx, a, undefined, undefined, true, 'remove'));
  const more = moreButton(ctx, 'orphans', shown.length, rows.length);
  if (more) list.append(more);
  const wrap = h('div', {}, h('p', { class: 'bz-note' }, ctx.t('orphans.hint')), rows.length ? list : emptyNote(ctx, ctx.snap.orphans.length));
  return { element: wrap, visible: rows };
}

/** Every relation of the page: source → label → target, with its status; Enter shows the source. */
export function renderRelations(ctx: Ctx): ViewResult {
  const rows = listRelations(ctx.snap.relations, ctx.snap.annotations, ctx.filter);
  const list = h('ul', { role: 'listbox', class: 'bz-list', 'aria-label': ctx.t('relations.list'), 'aria-multiselectable': 'true' });
  const shown = rows.slice(0, ctx.limit('relations'));
  const end = (a: Annotation | undefined) => (a
    ? [h('span', { class: 'bz-text' }, a.text), labelChip(ctx, a.label)]
    : [h('span', { class: 'bz-text bz-dim' }, ctx.t('relations.missingEnd'))]);
  for (const { relation: r, from, to } of shown) {
    list.append(item(ctx, `rel:${r.id}`, { ids: [r.id], reveal: from && { start: from.start, end: from.end }, actions: 'review' },
      { role: 'option', class: `bz-item bz-relation${r.status === 'rejected' ? ' bz-rejected' : ''}` }, [
        statusMark(ctx, r),
        ...end(from),
        h('span', { class: 'bz-rel-label' }, h('span', { 'aria-hidden': 'true' }, '→ '), r.label, h('span', { 'aria-hidden': 'true' }, ' →')),
        ...end(to),
      ]));
  }
  const more = moreButton(ctx, 'relations', shown.length, rows.length);
  if (more) list.append(more);
  return { element: rows.length ? list : emptyNote(ctx, ctx.snap.relations.length), visible: rows.map(row => row.relation) };
}
