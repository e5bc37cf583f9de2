/**
 * The Statistics view: counts per label and status, review status (the page's mark, else not started; the
 * suggestions still to decide beside it) and the most frequent names and
 * numbers of this page (under the filter), and the same for every page of the workspace on request.
 */
import { pageStats, top, type EntityCount, type LabelCounts } from '../core/corpus/stats';
import type { Annotation } from '../core/types';
import type { Ctx } from './context';
import { h } from './dom';
import { emptyNote, item, labelChip, type ViewResult } from './lists';
import { matchesAnnotation } from './model';

const TOP = 10;

export function renderStats(ctx: Ctx): ViewResult {
  const shown = ctx.snap.annotations.filter(a => matchesAnnotation(a, ctx.filter));
  const page = pageStats({ path: '', annotations: shown });
  const pageSection = h('section', { class: 'bz-stats', 'aria-labelledby': 'bz-stats-page' },
    h('h3', { id: 'bz-stats-page' }, ctx.t('stats.page')));
  if (shown.length === 0) {
    pageSection.append(emptyNote(ctx, ctx.snap.annotations.length));
  } else {
    pageSection.append(
      countsTable(ctx, page.labels, page.all),
      h('p', { class: 'bz-dim' }, ctx.t('stats.review', ctx.t(`stats.review.${ctx.snap.review ?? 'not started'}`), ctx.int(page.pending))),
      topList(ctx, 'names', ctx.t('stats.topNames'), top(page.entities, TOP, 'names'), shown),
      topList(ctx, 'numbers', ctx.t('stats.topNumbers'), top(page.entities, TOP, 'numbers'), shown),
    );
  }
  return { element: h('div', {}, pageSection, workspaceSection(ctx)), visible: [] };
}

function countsTable(ctx: Ctx, labels: readonly LabelCounts[], all: LabelCounts): HTMLElement {
  const head = h('tr', {}, ...(['stats.label', 'stats.suggested', 'stats.accepted', 'stats.rejected', 'stats.distinct'] as const)
    .map((k, i) => h('th', { scope: 'col', class: i ? 'bz-num' : '' }, ctx.t(k))));
  const row = (c: LabelCounts, name: Node[]) => h('tr', {},
    h('th', { scope: 'row' }, ...name),
    ...[c.suggested, c.accepted, c.rejected, c.distinct].map(n => h('td', { class: 'bz-num' }, ctx.int(n))));
  // Scrolls sideways in a narrow side bar rather than squeezing the numbers.
  return h('div', { class: 'bz-table-wrap' }, h('table', { class: 'bz-table' },
    h('thead', {}, head),
    h('tbody', {}, ...labels.map(c => row(c, [h('span', { title: ctx.label(c.label)?.name ?? c.label }, c.label)]))),
    h('tfoot', {}, row(all, [h('span', {}, ctx.t('stats.all'))]))));
}

/**
 * The most frequent names or numbers as a list. With the page's annotations each row is navigable and
 * Enter shows the first mention; workspace rows (no annotations here) are plain text.
 */
function topList(ctx: Ctx, kind: string, title: string, rows: readonly EntityCount[], mentions?: readonly Annotation[]): HTMLElement {
  const id = `bz-stats-${kind}-${mentions ? 'page' : 'ws'}`;
  const list = h('ul', { role: mentions ? 'listbox' : 'list', class: 'bz-list', 'aria-labelledby': id });
  for (const e of rows) {
    const content = [h('span', { class: 'bz-text' }, e.text), labelChip(ctx, e.label), h('span', { class: 'bz-count' }, ctx.t('entities.mentions', ctx.int(e.count)))];
    const first = mentions?.find(a => a.label === e.label && a.text === e.text && a.status !== 'rejected');
    if (first) list.append(item(ctx, `top:${kind}:${e.label}:${e.text}`, { ids: [], reveal: { start: first.start, end: first.end }, actions: 'none' }, { role: 'option' }, content));
    else list.append(h('li', { class: 'bz-plain' }, h('span', { class: 'bz-row' }, h('span', { class: 'bz-main' }, ...content))));
  }
  return h('div', {}, h('h4', { id }, title), rows.length ? list : h('p', { class: 'bz-empty' }, ctx.t('list.empty')));
}

function workspaceSection(ctx: Ctx): HTMLElement {
  const ws = ctx.workspace;
  const count = h('button', { type: 'button', class: 'bz-button bz-secondary', disabled: ws === 'loading' },
    ctx.t(ws === 'loading' ? 'stats.counting' : ws ? 'stats.recount' : 'stats.count'));
  count.dataset.focusKey = 'stats:count';
  count.addEventListener('click', () => ctx.act.countWorkspace());
  const csv = h('button', { type: 'button', class: 'bz-button bz-secondary' }, ctx.t('stats.exportCsv'));
  csv.dataset.focusKey = 'stats:csv';
  csv.addEventListener('click', () => ctx.act.exportStats());
  const section = h('section', { class: 'bz-stats', 'aria-labelledby': 'bz-stats-ws', 'aria-busy': String(ws === 'loading') },
    h('h3', { id: 'bz-stats-ws' }, ctx.t('stats.workspace')), h('div', { class: 'bz-stats-actions' }, count, csv));
  if (ws && ws !== 'loading') {
    section.append(
      h('p', { class: 'bz-dim' }, ctx.t('stats.pages', ctx.int(ws.pages), ctx.int(ws.review['not started']), ctx.int(ws.review['in progress']), ctx.int(ws.review.done), ctx.int(ws.review.reviewed))),
      countsTable(ctx, ws.labels, ws.all),
      topList(ctx, 'names', ctx.t('stats.topNames'), ws.topNames),
      topList(ctx, 'numbers', ctx.t('stats.topNumbers'), ws.topNumbers),
    );
  }
  return section;
}
