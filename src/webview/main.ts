/**
 * The side panel: renders the host's snapshot and sends the user's decisions back. The host owns the data;
 * this file owns only view state (tab, filter, sort, open groups, scroll), kept with getState/setState.
 */
import type { LabelDef } from '../core/types';
import type { HostToPanel, PageRef, PanelToHost, Snapshot, WorkspaceStats } from '../protocol/messages';
import { loadViewState, onHostMessage, post, saveViewState } from './api';
import type { Actions, Ctx, ItemSpec } from './context';
import { h, swatch } from './dom';
import { createGuideline } from './guideline';
import { createLabelEditor } from './labelEditor';
import { attachListNavigation } from './listNav';
import { renderArticles, renderEntities, renderNumbers, renderOrphans, renderRelations, type ViewResult } from './lists';
import { type TabId, TABS, parseFilter, pruneSelection, restoreViewState, toggleKey, toggleSelection } from './model';
import { closeRelabelMenu, openRelabelMenu } from './relabelMenu';
import { type StringKey, translate } from './strings';
import { renderStats } from './statsView';
import { renderToolbar } from './toolbar';

const PAGE = 300;

let snap: Snapshot = { labels: [], articles: [], annotations: [], orphans: [], relations: [], history: {}, busy: false, strings: {} };
let view = restoreViewState(loadViewState());
let selected = new Set<string>();
const limits = new Map<string, number>();
/** The row that holds the roving tabindex, per tab. */
const activeKey = new Map<TabId, string>();
let items = new Map<string, ItemSpec>();
let visible: ViewResult['visible'] = [];
let workspace: WorkspaceStats | 'loading' | undefined;

const t = (key: StringKey, ...args: Array<string | number>) => translate(snap.strings, key, ...args);
const locale = document.documentElement.lang || navigator.language || 'en';
const intFormat = new Intl.NumberFormat(locale);
const int = (n: number) => intFormat.format(n);
const save = () => saveViewState(view);
type PageMessage = Extract<PanelToHost, { page: PageRef }>;
type Omitted<T> = T extends unknown ? Omit<T, 'page'> : never;
/** Sends a message about the page shown, named by URI and version so the host can refuse it for another page. */
const postForPage = (message: Omitted<PageMessage>) => {
  const d = snap.document;
  if (d) post({ ...message, page: { uri: d.uri, version: d.version } } as PageMessage);
};

// --- Skeleton: built once so inputs keep their text, caret and IME composition across snapshots ---------

const docName = h('span', { class: 'bz-doc-name' });
const counts = h('span', { class: 'bz-counts bz-dim' });
const busy = h('div', { class: 'bz-busy', role: 'status', 'aria-live': 'polite' });
const analyzeBtn = h('button', { type: 'button', class: 'bz-button' });
const exportBtn = h('button', { type: 'button', class: 'bz-button bz-secondary' });
const undoBtn = h('button', { type: 'button', class: 'bz-icon bz-history' }, '↶');
const redoBtn = h('button', { type: 'button', class: 'bz-icon bz-history' }, '↷');
undoBtn.dataset.focusKey = 'undo';
redoBtn.dataset.focusKey = 'redo';
undoBtn.addEventListener('click', () => postForPage({ type: 'undo' }));
redoBtn.addEventListener('click', () => postForPage({ type: 'redo' }));
analyzeBtn.dataset.focusKey = 'analyze';
exportBtn.dataset.focusKey = 'export';
analyzeBtn.addEventListener('click', () => postForPage({ type: 'analyze' }));
exportBtn.addEventListener('click', () => postForPage({ type: 'export' }));
const header = h('header', { class: 'bz-header' },
  h('div', { class: 'bz-doc' }, docName, counts), h('div', { class: 'bz-header-actions' }, undoBtn, redoBtn, analyzeBtn, exportBtn));

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
/** The label of the focused row, when it stands for annotations (entities, numbers, orphans, stats). */
const focusedLabel = (): string | undefined => {
  const key = (document.activeElement as HTMLElement | null)?.dataset?.focusKey;
  const id = key ? items.get(key)?.ids[0] : undefined;
  return id === undefined ? undefined : (snap.annotations.find(a => a.id === id) ?? snap.orphans.find(a => a.id === id))?.label;
};
const guideline = createGuideline({
  focusedLabel, t: (key, ...args) => t(key, ...args),
  open: label => post({ type: 'openGuidelines', label }),
  onToggle: open => { view = { ...view, guidelineOpen: open }; save(); },
}, view.guidelineOpen);
document.body.append(header, busy, tagbar, noDoc, main, guideline.element, labelEditor.element);
// The focused row's label decides the guideline shown (focus leaving the list falls back to the editor's cursor).
document.addEventListener('focusin', () => guideline.refresh());

// --- Actions ------------------------------------------------------------------------------------------

const actions: Actions = {
  reveal: span => postForPage({ type: 'reveal', start: span.start, end: span.end }),
  // Selection is cleared on a tab change, so on the Relations tab every id acted on is a relation's.
  setStatus: (ids, status) => { if (ids.length) postForPage({ type: view.tab === 'relations' ? 'setRelationStatus' : 'setStatus', ids, status }); },
  remove: ids => { if (ids.length) postForPage({ type: view.tab === 'relations' ? 'removeRelations' : 'remove', ids }); },
  setArticleLabels: articleId => postForPage({ type: 'setArticleLabels', articleId }),
  reattach: id => postForPage({ type: 'reattach', id }),
  relabel: (ids, anchorKey) => {
    const anchor = findByKey(anchorKey) ?? panel;
    openRelabelMenu(anchor, snap.labels, t('relabel.menu'), label => postForPage({ type: 'relabel', ids, label }), () => (findByKey(anchorKey) ?? panel).focus());
  },
  toggleSelect: ids => { selected = toggleSelection(selected, ids); render(); },
  setExpanded: (kind, key, on) => {
    view = { ...view, [kind]: toggleKey(view[kind], key, on) };
    save();
    render();
  },
  showMore: key => { limits.set(key, (limits.get(key) ?? PAGE) + PAGE); render(); },
  countWorkspace: () => { workspace = 'loading'; render(); post({ type: 'workspaceStats' }); },
  exportStats: () => post({ type: 'exportStats' }),
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

const nav = attachListNavigation(panel, {
  items: () => items, actions, above: filterInput, findByKey,
  onActive: key => activeKey.set(view.tab, key),
});
const navItems = nav.rows;
const focusList = nav.focus;

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
    label: id => labelById.get(id), limit: key => limits.get(key) ?? PAGE, int, workspace,
  };
  const result: ViewResult = hasDoc ? viewFor(view.tab)(ctx) : { element: h('div', {}), visible: [] };
  visible = result.visible;
  renderTabs(ctx);
  renderToolbar(toolbar, ctx, visible, numberSort => { view = { ...view, numberSort }; save(); render(); },
    entitySort => { view = { ...view, entitySort }; save(); render(); });
  panel.setAttribute('aria-labelledby', `bz-tab-${view.tab}`);
  panel.replaceChildren(result.element);
  keysHint.textContent = t(KEYS_HINT[view.tab]);

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
  guideline.update(snap);
}

const KEYS_HINT: Record<TabId, StringKey> = {
  articles: 'list.keysArticles', entities: 'list.keys', numbers: 'list.keys', relations: 'list.keysRelations', stats: 'list.keysStats', orphans: 'list.keysOrphans',
};

function viewFor(tab: TabId): (ctx: Ctx) => ViewResult {
  switch (tab) {
    case 'articles': return renderArticles;
    case 'entities': return renderEntities;
    case 'numbers': return renderNumbers;
    case 'relations': return renderRelations;
    case 'stats': return renderStats;
    case 'orphans': return renderOrphans;
  }
}

function renderHeader(hasDoc: boolean): void {
  let entities = 0, numbers = 0, pending = 0;
  for (const a of snap.annotations) {
    if (a.status === 'rejected') continue;
    if (a.label === 'NUMBER') numbers++;
    else entities++;
    if (a.status === 'suggested') pending++;
  }
  docName.textContent = snap.document?.name ?? t('panel.title');
  docName.title = snap.document?.uri ?? '';
  counts.textContent = hasDoc ? `${t('panel.articlesCount', int(snap.articles.length))} · ${t('panel.counts', int(entities), int(numbers), int(pending))}` : '';
  busy.textContent = snap.busy ? t('panel.busy') : '';
  busy.classList.toggle('bz-active', snap.busy);
  analyzeBtn.textContent = t('action.analyze');
  analyzeBtn.title = t('action.analyze.hint');
  analyzeBtn.disabled = !hasDoc || snap.busy;
  exportBtn.textContent = t('action.export');
  exportBtn.title = t('action.export.hint');
  exportBtn.disabled = !hasDoc;
  // The host says what the next undo and redo would do: the buttons say it, and are off when there is nothing.
  const { undo, redo } = snap.history;
  const history = [[undoBtn, undo, 'action.undo.hint', 'action.undo.none'], [redoBtn, redo, 'action.redo.hint', 'action.redo.none']] as const;
  for (const [button, next, hint, none] of history) {
    button.hidden = !hasDoc;
    button.disabled = !next;
    button.title = next ? t(hint, next) : t(none);
    button.setAttribute('aria-label', button.title);
  }
}

function renderTagbar(hasDoc: boolean): void {
  tagHeading.textContent = t('tag.heading');
  tagbar.hidden = !hasDoc;
  tagButtons.replaceChildren(...snap.labels.map(l => {
    const b = h('button', { type: 'button', class: 'bz-tag', title: t('tag.button', l.name), 'aria-label': t('tag.button', l.name) },
      swatch(l.color), h('span', {}, l.name), l.key ? h('kbd', { 'aria-hidden': 'true' }, l.key) : '');
    b.dataset.focusKey = `tag:${l.id}`;
    b.addEventListener('click', () => postForPage({ type: 'tagSelection', label: l.id }));
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
  const entityCount = snap.annotations.filter(a => a.label !== 'NUMBER' && a.status !== 'rejected').length;
  const numberCount = snap.annotations.filter(a => a.label === 'NUMBER' && a.status !== 'rejected').length;
  const n: Partial<Record<TabId, number>> = { articles: snap.articles.length, entities: entityCount, numbers: numberCount, relations: snap.relations.length, orphans: snap.orphans.length };
  tablist.setAttribute('aria-label', ctx.t('tab.list'));
  for (const tab of TABS) {
    const b = tabButtons.get(tab)!;
    const on = tab === view.tab;
    const count = n[tab];
    b.replaceChildren(h('span', {}, ctx.t(`tab.${tab}`)), count === undefined ? '' : h('span', { class: 'bz-badge' }, int(count)));
    b.setAttribute('aria-selected', String(on));
    b.tabIndex = on ? 0 : -1;
    b.hidden = tab === 'orphans' && !snap.orphans.length;
  }
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
      selected = pruneSelection(selected, [...snap.annotations, ...snap.orphans, ...snap.relations]);
      render();
      break;
    }
    case 'selection':
      if (snap.document) {
        snap = { ...snap, document: { ...snap.document, selection: { start: m.start, end: m.end } } };
        updateTagButtons();
        guideline.update(snap);
      }
      break;
    case 'focusFilter':
      focusFilter();
      break;
    case 'workspaceStats':
      workspace = m.stats;
      if (view.tab === 'stats') render();
      break;
  }
});

render();
post({ type: 'ready' });
