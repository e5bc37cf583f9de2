/** The bar above a list: select all visible, bulk accept / reject / relabel / remove, accept all visible, number sort. */
import type { Status } from '../core/types';
import type { Ctx } from './context';
import { h } from './dom';
import { type EntitySortKey, type NumberSortKey, type ViewState, pendingIds, selectionOf } from './model';

function bulkButton(text: string, key: string, disabled: boolean, run: () => void, title?: string): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'bz-button bz-secondary', title }, text);
  b.dataset.focusKey = key;
  b.disabled = disabled;
  b.addEventListener('click', run);
  return b;
}

/** Bulk actions apply to the selected rows that are visible now, never to rows the filter hides. */
export function renderToolbar(toolbar: HTMLElement, ctx: Ctx, visible: ReadonlyArray<{ id: string; status: Status }>, onSort: (sort: ViewState['numberSort']) => void,
  onEntitySort: (sort: EntitySortKey) => void): void {
  const { view, selected, act } = ctx;
  toolbar.setAttribute('aria-label', ctx.t('bulk.toolbar'));
  const parts: HTMLElement[] = [];
  if (view.tab !== 'articles' && view.tab !== 'stats') {
    const ids = visible.map(a => a.id);
    const picked = ids.filter(id => selected.has(id));
    const state = selectionOf(selected, ids);
    const all = h('input', { type: 'checkbox', id: 'bz-select-all', disabled: !ids.length });
    all.checked = state === 'all' && ids.length > 0;
    all.indeterminate = state === 'some';
    all.dataset.focusKey = 'selectAll';
    all.addEventListener('change', () => act.toggleSelect(ids));
    parts.push(h('span', { class: 'bz-check-wrap' }, all, h('label', { for: 'bz-select-all' }, ctx.t('bulk.selectAll'))),
      h('span', { class: 'bz-dim', 'aria-live': 'polite' }, picked.length ? ctx.t('bulk.selected', ctx.int(picked.length)) : ''));
    const none = !picked.length;
    const setStatus = (status: Status) => () => act.setStatus(picked, status);
    if (view.tab !== 'orphans') {
      parts.push(
        bulkButton(ctx.t('action.accept'), 'bulk:accept', none, setStatus('accepted')),
        bulkButton(ctx.t('action.reject'), 'bulk:reject', none, setStatus('rejected')),
      );
      // Relations are relabelled by linking again: the panel offers their review only.
      if (view.tab !== 'relations') parts.push(bulkButton(ctx.t('action.relabel'), 'bulk:relabel', none, () => act.relabel(picked, 'bulk:relabel')));
    }
    parts.push(bulkButton(ctx.t('action.remove'), 'bulk:remove', none, () => act.remove(picked)));
    if (view.tab !== 'orphans') {
      const pending = pendingIds(visible);
      parts.push(bulkButton(ctx.t('bulk.acceptVisible'), 'bulk:acceptVisible', !pending.length,
        () => act.setStatus(pending, 'accepted'), ctx.t('bulk.acceptVisible.hint', ctx.int(pending.length))));
    }
  }
  if (view.tab === 'numbers') parts.push(sortControls(ctx, onSort));
  if (view.tab === 'entities') parts.push(entitySortControl(ctx, onEntitySort));
  toolbar.replaceChildren(...parts);
  toolbar.hidden = !parts.length;
}

function sortControls(ctx: Ctx, onSort: (sort: ViewState['numberSort']) => void): HTMLElement {
  const { key, dir } = ctx.view.numberSort;
  const select = h('select', { id: 'bz-sort' });
  select.dataset.focusKey = 'sort';
  for (const k of ['position', 'value', 'text'] as const) select.append(h('option', { value: k }, ctx.t(`sort.${k}`)));
  select.value = key;
  select.addEventListener('change', () => onSort({ key: select.value as NumberSortKey, dir }));
  const desc = dir === 'desc';
  const label = ctx.t(desc ? 'sort.descending' : 'sort.ascending');
  const toggle = h('button', { type: 'button', class: 'bz-icon bz-dir', 'aria-label': label, title: label }, desc ? '↓' : '↑');
  toggle.dataset.focusKey = 'sortDir';
  toggle.addEventListener('click', () => onSort({ key, dir: desc ? 'asc' : 'desc' }));
  return h('span', { class: 'bz-sort' }, h('label', { for: 'bz-sort' }, ctx.t('sort.label')), select, toggle);
}

/** Entities: most mentions first, or least sure first so doubtful suggestions are reviewed before sure ones. */
function entitySortControl(ctx: Ctx, onSort: (sort: EntitySortKey) => void): HTMLElement {
  const select = h('select', { id: 'bz-entity-sort' });
  select.dataset.focusKey = 'entitySort';
  for (const k of ['mentions', 'confidence'] as const) select.append(h('option', { value: k }, ctx.t(`sort.${k}`)));
  select.value = ctx.view.entitySort;
  select.addEventListener('change', () => onSort(select.value === 'confidence' ? 'confidence' : 'mentions'));
  return h('span', { class: 'bz-sort' }, h('label', { for: 'bz-entity-sort' }, ctx.t('sort.label')), select);
}
