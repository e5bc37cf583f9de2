/**
 * The side panel: renders the host's snapshot and sends the user's decisions back. The host owns the data;
 * this file owns only view state (tab, filter, sort, open groups, scroll), kept with getState/setState.
 */
import type { Annotation, LabelDef, Status } from '../core/types';
import type { HostToPanel, Snapshot } from '../protocol/messages';
import { loadViewState, onHostMessage, post, saveViewState } from './api';
import type { Actions, Ctx, ItemSpec } from './context';
import { h, swatch } from './dom';
import { createLabelEditor } from './labelEditor';
import { renderArticles, renderEntities, renderNumbers, renderOrphans, type ViewResult } from './lists';
import {
  type NumberSortKey, type TabId, TABS, parseFilter, pendingIds, pruneSelection, restoreViewState, selectionOf, toggleKey, toggleSelection,
} from './model';
import { closeRelabelMenu, openRelabelMenu } from './relabelMenu';
import { type StringKey, translate } from './strings';

const PAGE = 300;

let snap: Snapshot = { labels: [], articles: [], annotations: [], orphans: [], busy: false, strings: {} };
let view = restoreViewState(loadViewState());
let selected = new Set<string>();
const limits = new Map<string, number>();
/** The row that holds the roving tabindex, per tab. */
const activeKey = new Map<TabId, string>();
let items = new Map<string, ItemSpec>();
let visible: Annotation[] = [];

const t = (key: StringKey, ...args: Array<string | number>) => translate(snap.strings, key, ...args);
const locale = document.documentElement.lang || navigator.language || 'en';
const save = () => saveViewState(view);

// --- Skeleton: built once so inputs keep their text, caret and IME composition across snapshots ---------

const docName = h('span', { class: 'bz-doc-name' });
const counts = h('span', { class: 'bz-counts bz-dim' });
const busy = h('div', { class: 'bz-busy', role: 'status', 'aria-live': 'polite' });
const analyzeBtn = h('button', { type: 'button', class: 'bz-button' });
const exportBtn = h('button', { type: 'button', class: 'bz-button bz-secondary' });
analyzeBtn.dataset.focusKey = 'analyze';
exportBtn.dataset.focusKey = 'export';
analyzeBtn.addEventListener('click', () => post({ type: 'analyze' }));
exportBtn.addEventListener('click', () => post({ type: 'export' }));
const header = h('header', { class: 'bz-header' },
  h('div', { class: 'bz-doc' }, docName, counts), h('div', { class: 'bz-header-actions' }, analyzeBtn, exportBtn));

const tagHeading = h('span', { class: 'bz-tag-heading', id: 'bz-tag-heading' });
const tagButtons = h('div', { class: 'bz-tag-buttons' });
const tagHint = h('span', { class: 'bz-dim bz-tag-hint' });
const tagbar = h('section', { class: 'bz-tagbar', 'aria-labelledby': 'bz-tag-heading' }, tagHeading, tagButtons, tagHint);

const tabButtons = new Map<TabId, HTMLButtonElement>();
const tablist = h('div', { role: 'tablist', class: 'bz-tabs' });
for (const tab of TABS) {
  const b = h('button', { type: 'button', role: 'tab', id: `bz-tab-${tab}`, 'aria-controls': 'bz-tabpanel', class: 'bz-tab' });
  b.addEventListener('click', () => selectTab(tab, false));
  tabButtons.set(tab, b);
  tablist.append(b);
}
tablist.addEventListener('keydown', e => {
  const shown = TABS.filter(x => !tabButtons.get(x)!.hidden);
  const i = shown.indexOf(view.tab);
  const to = e.key === 'ArrowRight' ? shown[(i + 1) % shown.length] : e.key === 'ArrowLeft' ? shown[(i - 1 + shown.length) % shown.length]
    : e.key === 'Home' ? shown[0] : e.key === 'End' ? shown[shown.length - 1] : undefined;
  if (!to) return;
  e.preventDefault();
  selectTab(to, true);
});

const filterInput = h('input', { type: 'search', id: 'bz-filter', class: 'bz-filter', autocomplete: 'off', spellcheck: 'false' });
filterInput.value = view.filter;
filterInput.addEventListener('input', () => {
  view = { ...view, filter: filterInput.value };
  save();
  render();
});
filterInput.addEventListener('keydown', e => {
  if (e.key === 'ArrowDown') { e.preventDefault(); focusList(); }
  else if (e.key === 'Escape' && filterInput.value) { e.preventDefault(); filterInput.value = ''; filterInput.dispatchEvent(new Event('input')); }
  else if (e.key === 'Escape' || e.key === 'Enter') { e.preventDefault(); focusList(); }
});
const filterLabel = h('label', { for: 'bz-filter', class: 'bz-sr' });

const toolbar = h('div', { role: 'toolbar', class: 'bz-toolbar' });
const panel = h('div', { role: 'tabpanel', id: 'bz-tabpanel', class: 'bz-panel', tabindex: -1 });
const keysHint = h('p', { class: 'bz-keys bz-dim' });
const labelEditor = createLabelEditor(
  label => post({ type: 'addLabel', label }),
  open => { view = { ...view, labelsOpen: open }; save(); },
);
labelEditor.element.open = view.labelsOpen;
const noDoc = h('p', { class: 'bz-empty bz-nodoc' });
const main = h('main', { class: 'bz-body' }, tablist, h('div', { class: 'bz-filter-row' }, filterLabel, filterInput), toolbar, panel, keysHint);
document.body.append(header, busy, tagbar, noDoc, main, labelEditor.element);

// --- Actions ------------------------------------------------------------------------------------------

const actions: Actions = {
  reveal: span => post({ type: 'reveal', start: span.start, end: span.end }),
  setStatus: (ids, status) => { if (ids.length) post({ type: 'setStatus', ids, status }); },
  remove: ids => { if (ids.length) post({ type: 'remove', ids }); },
  relabel: (ids, anchorKey) => {
    const anchor = findByKey(anchorKey) ?? panel;
    openRelabelMenu(anchor, snap.labels, t('relabel.menu'), label => post({ type: 'relabel', ids, label }), () => (findByKey(anchorKey) ?? panel).focus());
  },
  toggleSelect: ids => { selected = toggleSelection(selected, ids); render(); },
  setExpanded: (kind, key, on) => {
    view = { ...view, [kind]: toggleKey(view[kind], key, on) };
    save();
    render();
  },
  showMore: key => { limits.set(key, (limits.get(key) ?? PAGE) + PAGE); render(); },
};

function findByKey(key: string): HTMLElement | undefined {
  for (const el of document.querySelectorAll<HTMLElement>('[data-focus-key]')) if (el.dataset.focusKey === key) return el;
  return undefined;
}

function selectTab(tab: TabId, focusTab: boolean): void {
  if (tab !== view.tab) {
    view = { ...view, tab };
    selected = new Set();
    save();
    render();
  }
  if (focusTab) tabButtons.get(tab)!.focus();
}

function navItems(): HTMLElement[] {
  return [...panel.querySelectorAll<HTMLElement>('.bz-item')];
}

function focusList(): void {
  const all = navItems();
  (all.find(el => el.tabIndex === 0) ?? all[0] ?? panel).focus();
}

/** Roving tabindex: exactly one row of the list is in the Tab order, the last one focused. */
panel.addEventListener('focusin', e => {
  const el = (e.target as HTMLElement).closest<HTMLElement>('.bz-item');
  if (!el?.dataset.focusKey) return;
  activeKey.set(view.tab, el.dataset.focusKey);
  for (const other of navItems()) other.tabIndex = other === el ? 0 : -1;
});

panel.addEventListener('click', e => {
  const el = (e.target as HTMLElement).closest<HTMLElement>('.bz-item');
  const spec = el?.dataset.focusKey ? items.get(el.dataset.focusKey) : undefined;
  if (!el || !spec) return;
  el.focus();
  const onTwisty = (e.target as HTMLElement).classList.contains('bz-twisty');
  if (spec.toggle && (onTwisty || !spec.reveal)) spec.toggle();
  else if (spec.reveal) actions.reveal(spec.reveal);
  e.stopPropagation();
});

panel.addEventListener('keydown', e => {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const el = (e.target as HTMLElement).closest<HTMLElement>('.bz-item');
  const key = el?.dataset.focusKey;
  const spec = key ? items.get(key) : undefined;
  if (!el || !key || !spec || el !== e.target) return;
  const all = navItems();
  const i = all.indexOf(el);
  const move = (j: number) => all[Math.max(0, Math.min(all.length - 1, j))]?.focus();
  const page = Math.max(1, Math.floor(panel.clientHeight / Math.max(1, el.firstElementChild?.clientHeight ?? 24)) - 1);
  const next = () => move(i + 1);
  switch (e.key) {
    case 'ArrowDown': move(i + 1); break;
    case 'ArrowUp': i === 0 ? filterInput.focus() : move(i - 1); break;
    case 'Home': move(0); break;
    case 'End': move(all.length - 1); break;
    case 'PageDown': move(i + page); break;
    case 'PageUp': move(i - page); break;
    case 'ArrowRight':
      if (spec.expanded === false) spec.toggle?.();
      else if (spec.expanded) move(i + 1);
      break;
    case 'ArrowLeft':
      if (spec.expanded) spec.toggle?.();
      else if (spec.parentKey) findByKey(spec.parentKey)?.focus();
      break;
    case 'Enter':
      if (spec.reveal) actions.reveal(spec.reveal);
      else spec.toggle?.();
      break;
    case ' ':
      if (spec.actions !== 'none' && spec.ids.length) actions.toggleSelect(spec.ids);
      break;
    case 'a': case 'r':
      if (spec.actions !== 'all') return;
      actions.setStatus(spec.ids, e.key === 'a' ? 'accepted' : 'rejected');
      next();
      break;
    case 'l':
      if (spec.actions !== 'all') return;
      actions.relabel(spec.ids, key);
      break;
    case 'Delete': case 'Backspace':
      if (spec.actions === 'none' || !spec.ids.length) return;
      actions.remove(spec.ids);
      break;
    case '*':
      // Tree convention: expand every sibling group.
      if (!spec.toggle) return;
      for (const [k, s] of items) if (s.parentKey === spec.parentKey && s.expanded === false && k.startsWith('group:')) actions.setExpanded('collapsed', k, false);
      break;
    default: return;
  }
  e.preventDefault();
  e.stopPropagation();
});

let scrollFrame = 0;
panel.addEventListener('scroll', () => {
  cancelAnimationFrame(scrollFrame);
  scrollFrame = requestAnimationFrame(() => { view = { ...view, scroll: { ...view.scroll, [view.tab]: panel.scrollTop } }; save(); });
});

document.addEventListener('keydown', e => {
  const target = e.target as HTMLElement;
  const typing = target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
  if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
    e.preventDefault();
    focusFilter();
  } else if (e.key === 'Escape') {
    closeRelabelMenu();
  }
});

function focusFilter(): void {
  if (main.hidden) return;
  filterInput.focus();
  filterInput.select();
}

// --- Rendering ----------------------------------------------------------------------------------------

function render(): void {
  const focused = document.activeElement as HTMLElement | null;
  const focusKey = focused?.dataset.focusKey;
  const focusIndex = focused && focused.classList.contains('bz-item') ? navItems().indexOf(focused) : -1;
  const hasDoc = !!snap.document;
  if (view.tab === 'orphans' && !snap.orphans.length) view = { ...view, tab: 'entities' };

  renderHeader(hasDoc);
  renderTagbar(hasDoc);
  labelEditor.update(snap.labels, t);
  noDoc.hidden = hasDoc;
  noDoc.textContent = t('panel.noDocument');
  main.hidden = !hasDoc;

  filterLabel.textContent = t('filter.label');
  filterInput.placeholder = t('filter.placeholder');
  filterInput.setAttribute('aria-keyshortcuts', '/');
  const labelById = new Map<string, LabelDef>(snap.labels.map(l => [l.id, l]));
  items = new Map();
  const ctx: Ctx = {
    snap, view, filter: parseFilter(view.filter, snap.labels.map(l => l.id)), selected, t, locale, items, act: actions,
    label: id => labelById.get(id), limit: key => limits.get(key) ?? PAGE,
  };
  const result: ViewResult = hasDoc ? viewFor(view.tab)(ctx) : { element: h('div', {}), visible: [] };
  visible = result.visible;
  renderTabs(ctx);
  renderToolbar(ctx);
  panel.setAttribute('aria-labelledby', `bz-tab-${view.tab}`);
  panel.replaceChildren(result.element);
  keysHint.textContent = t(view.tab === 'articles' ? 'list.keysArticles' : view.tab === 'orphans' ? 'list.keysOrphans' : 'list.keys');

  // Roving tabindex and focus restoration by key (or, when the row vanished, by position).
  const rows = navItems();
  const wanted = activeKey.get(view.tab);
  const active = rows.find(r => r.dataset.focusKey === wanted) ?? rows[0];
  if (active) active.tabIndex = 0;
  if (focusKey) {
    const again = findByKey(focusKey) ?? (focusIndex >= 0 ? rows[Math.min(focusIndex, rows.length - 1)] : undefined);
    if (again && again !== document.activeElement) again.focus({ preventScroll: true });
  }
  panel.scrollTop = view.scroll[view.tab] ?? 0;
}

function viewFor(tab: TabId): (ctx: Ctx) => ViewResult {
  switch (tab) {
    case 'articles': return renderArticles;
    case 'entities': return renderEntities;
    case 'numbers': return renderNumbers;
    case 'orphans': return renderOrphans;
  }
}

function renderHeader(hasDoc: boolean): void {
  const fmt = new Intl.NumberFormat(locale);
  let entities = 0, numbers = 0, pending = 0;
  for (const a of snap.annotations) {
    if (a.status === 'rejected') continue;
    if (a.label === 'NUMBER') numbers++;
    else entities++;
    if (a.status === 'suggested') pending++;
  }
  docName.textContent = snap.document?.name ?? t('panel.title');
  docName.title = snap.document?.uri ?? '';
  counts.textContent = hasDoc ? `${t('panel.articlesCount', fmt.format(snap.articles.length))} · ${t('panel.counts', fmt.format(entities), fmt.format(numbers), fmt.format(pending))}` : '';
  busy.textContent = snap.busy ? t('panel.busy') : '';
  busy.classList.toggle('bz-active', snap.busy);
  analyzeBtn.textContent = t('action.analyze');
  analyzeBtn.title = t('action.analyze.hint');
  analyzeBtn.disabled = !hasDoc || snap.busy;
  exportBtn.textContent = t('action.export');
  exportBtn.title = t('action.export.hint');
  exportBtn.disabled = !hasDoc;
}

function renderTagbar(hasDoc: boolean): void {
  tagHeading.textContent = t('tag.heading');
  tagbar.hidden = !hasDoc;
  tagButtons.replaceChildren(...snap.labels.map(l => {
    const b = h('button', { type: 'button', class: 'bz-tag', title: t('tag.button', l.name), 'aria-label': t('tag.button', l.name) },
      swatch(l.color), h('span', {}, l.name), l.key ? h('kbd', { 'aria-hidden': 'true' }, l.key) : '');
    b.dataset.focusKey = `tag:${l.id}`;
    b.addEventListener('click', () => post({ type: 'tagSelection', label: l.id }));
    return b;
  }));
  updateTagButtons();
}

/** Label buttons are enabled only while the editor has a non-empty selection. */
function updateTagButtons(): void {
  const sel = snap.document?.selection;
  const empty = !sel || sel.start === sel.end;
  for (const b of tagButtons.querySelectorAll('button')) b.disabled = empty;
  tagHint.textContent = empty && snap.document ? t('tag.hintEmpty') : '';
}

function renderTabs(ctx: Ctx): void {
  const fmt = new Intl.NumberFormat(locale);
  const entityCount = snap.annotations.filter(a => a.label !== 'NUMBER' && a.status !== 'rejected').length;
  const numberCount = snap.annotations.filter(a => a.label === 'NUMBER' && a.status !== 'rejected').length;
  const n: Record<TabId, number> = { articles: snap.articles.length, entities: entityCount, numbers: numberCount, orphans: snap.orphans.length };
  tablist.setAttribute('aria-label', ctx.t('tab.list'));
  for (const tab of TABS) {
    const b = tabButtons.get(tab)!;
    const on = tab === view.tab;
    b.replaceChildren(h('span', {}, ctx.t(`tab.${tab}`)), h('span', { class: 'bz-badge' }, fmt.format(n[tab])));
    b.setAttribute('aria-selected', String(on));
    b.tabIndex = on ? 0 : -1;
    b.hidden = tab === 'orphans' && !snap.orphans.length;
  }
}

function bulkButton(text: string, key: string, disabled: boolean, run: () => void, title?: string): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'bz-button bz-secondary', title });
  b.textContent = text;
  b.dataset.focusKey = key;
  b.disabled = disabled;
  b.addEventListener('click', run);
  return b;
}

function renderToolbar(ctx: Ctx): void {
  toolbar.setAttribute('aria-label', ctx.t('bulk.toolbar'));
  const parts: HTMLElement[] = [];
  if (view.tab !== 'articles') {
    const ids = visible.map(a => a.id);
    const picked = ids.filter(id => selected.has(id));
    const state = selectionOf(selected, ids);
    const all = h('input', { type: 'checkbox', id: 'bz-select-all', disabled: !ids.length });
    all.checked = state === 'all' && ids.length > 0;
    all.indeterminate = state === 'some';
    all.dataset.focusKey = 'selectAll';
    all.addEventListener('change', () => actions.toggleSelect(ids));
    parts.push(h('span', { class: 'bz-check-wrap' }, all, h('label', { for: 'bz-select-all' }, ctx.t('bulk.selectAll'))),
      h('span', { class: 'bz-dim', 'aria-live': 'polite' }, picked.length ? ctx.t('bulk.selected', picked.length) : ''));
    const none = !picked.length;
    const statusAction = (status: Status) => () => { actions.setStatus(picked, status); };
    if (view.tab !== 'orphans') {
      parts.push(
        bulkButton(ctx.t('action.accept'), 'bulk:accept', none, statusAction('accepted')),
        bulkButton(ctx.t('action.reject'), 'bulk:reject', none, statusAction('rejected')),
        bulkButton(ctx.t('action.relabel'), 'bulk:relabel', none, () => actions.relabel(picked, 'bulk:relabel')),
      );
    }
    parts.push(bulkButton(ctx.t('action.remove'), 'bulk:remove', none, () => actions.remove(picked)));
    if (view.tab !== 'orphans') {
      const pending = pendingIds(visible);
      parts.push(bulkButton(ctx.t('bulk.acceptVisible'), 'bulk:acceptVisible', !pending.length,
        () => actions.setStatus(pending, 'accepted'), ctx.t('bulk.acceptVisible.hint', pending.length)));
    }
  }
  if (view.tab === 'numbers') parts.push(sortControls(ctx));
  toolbar.replaceChildren(...parts);
  toolbar.hidden = !parts.length;
}

function sortControls(ctx: Ctx): HTMLElement {
  const select = h('select', { id: 'bz-sort' });
  select.dataset.focusKey = 'sort';
  for (const key of ['position', 'value', 'text'] as const) select.append(h('option', { value: key }, ctx.t(`sort.${key}`)));
  select.value = view.numberSort.key;
  select.addEventListener('change', () => {
    view = { ...view, numberSort: { ...view.numberSort, key: select.value as NumberSortKey } };
    save();
    render();
  });
  const desc = view.numberSort.dir === 'desc';
  const dir = h('button', { type: 'button', class: 'bz-icon bz-dir', 'aria-label': ctx.t(desc ? 'sort.descending' : 'sort.ascending'), title: ctx.t(desc ? 'sort.descending' : 'sort.ascending') }, desc ? '↓' : '↑');
  dir.dataset.focusKey = 'sortDir';
  dir.addEventListener('click', () => {
    view = { ...view, numberSort: { ...view.numberSort, dir: desc ? 'asc' : 'desc' } };
    save();
    render();
  });
  return h('span', { class: 'bz-sort' }, h('label', { for: 'bz-sort' }, ctx.t('sort.label')), select, dir);
}

// --- Host messages ------------------------------------------------------------------------------------

onHostMessage((m: HostToPanel) => {
  switch (m.type) {
    case 'snapshot': {
      if (m.snapshot.document?.uri !== snap.document?.uri) {
        limits.clear();
        activeKey.clear();
        selected = new Set();
      }
      snap = m.snapshot;
      selected = pruneSelection(selected, [...snap.annotations, ...snap.orphans]);
      render();
      break;
    }
    case 'selection':
      if (snap.document) {
        snap = { ...snap, document: { ...snap.document, selection: { start: m.start, end: m.end } } };
        updateTagButtons();
      }
      break;
    case 'focusFilter':
      focusFilter();
      break;
  }
});

render();
post({ type: 'ready' });
