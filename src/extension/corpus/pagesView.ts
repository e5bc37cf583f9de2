/**
 * The "Pages" tree: every .txt page of the workspace under its review status (Not Started, In Progress,
 * Done, Reviewed, with counts), filtered by status on request; "Next Page with Suggestions".
 *
 * The status is the page's review mark (the sidecar's `review.status`, Mark Page …) when it has one, else
 * Not Started (`reviewGroup`): the mark is what a person said and it wins. How many automatic suggestions
 * are still to decide (`pageStats(...).pending`) is shown beside each page, not mixed into its status.
 */
import * as vscode from 'vscode';
import { pageStats, type PageStats } from '../../core/corpus/stats';
import { countByReview, groupByReview, REVIEW_GROUPS, reviewFilter, reviewGroup, type ReviewGroup } from '../../core/team/reviewGroups';
import type { PageReview } from '../../core/team/types';
import { registerCommand } from '../commands/register';
import type { AnnotationStore } from '../store';
import { Disposable } from '../util/disposable';
import { pageStatusName } from '../words';
import { CorpusCommands, PAGES_FILTERED_CONTEXT, PAGES_VIEW_ID } from './ids';
import { loadPages } from './workspacePages';

export interface PageNode {
  kind: 'page';
  uri: vscode.Uri;
  stats: PageStats;
  review?: PageReview;
}
export interface GroupNode {
  kind: 'group';
  status: ReviewGroup;
  pages: PageNode[];
}
export type PagesNode = GroupNode | PageNode;

/** Coalesces the store's per-edit changes: the counts need not follow every keystroke. */
const REFRESH_DELAY_MS = 1500;
const FILTER_KEY = 'biaozhu.pages.reviewFilter';

/** A review status's name in the view (title case, like a heading). */
export function reviewGroupName(s: ReviewGroup): string {
  switch (s) {
    case 'not started': return vscode.l10n.t('Not Started');
    case 'in progress': return vscode.l10n.t('In Progress');
    case 'done': return vscode.l10n.t('Done');
    case 'reviewed': return vscode.l10n.t('Reviewed');
  }
}
const GROUP_ICONS: Record<ReviewGroup, string> = { 'not started': 'circle-large-outline', 'in progress': 'clock', done: 'pass', reviewed: 'verified-filled' };

export class PagesView extends Disposable implements vscode.TreeDataProvider<PagesNode> {
  private readonly emitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeTreeData = this.emitter.event;
  private timer?: ReturnType<typeof setTimeout>;
  private tree?: vscode.TreeView<PagesNode>;
  /** The statuses shown; empty = all. */
  private shown: ReviewGroup[];

  constructor(private readonly store: AnnotationStore, private readonly state?: vscode.Memento) {
    super();
    this.shown = reviewFilter(state?.get(FILTER_KEY));
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{txt,biaozhu.json}');
    const later = () => this.refreshSoon();
    this._registerEach(watcher, watcher.onDidCreate(later), watcher.onDidDelete(later), watcher.onDidChange(later), store.onDidChange(later));
    this._register({ dispose: () => clearTimeout(this.timer) });
  }

  /** Shows the tree in its view (the view's title line says what is filtered). */
  attach(tree: vscode.TreeView<PagesNode>): void {
    this.tree = tree;
    void this.applyFilterState();
  }

  get filter(): readonly ReviewGroup[] { return this.shown; }

  async setFilter(statuses: readonly ReviewGroup[]): Promise<void> {
    // Every status picked is no filter at all.
    this.shown = statuses.length === REVIEW_GROUPS.length ? [] : reviewFilter(statuses);
    await this.state?.update(FILTER_KEY, this.shown.length ? this.shown : undefined);
    await this.applyFilterState();
    this.emitter.fire();
  }

  private async applyFilterState(total?: number, visible?: number): Promise<void> {
    await vscode.commands.executeCommand('setContext', PAGES_FILTERED_CONTEXT, this.shown.length > 0);
    if (!this.tree) return;
    const names = this.shown.map(reviewGroupName).join(', ');
    this.tree.description = this.shown.length ? names : undefined;
    this.tree.message = !this.shown.length ? undefined : total === undefined
      ? vscode.l10n.t('Showing pages that are {0}.', names)
      : vscode.l10n.t('Showing {0} of {1} pages: {2}.', visible ?? 0, total, names);
  }

  refreshSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = undefined; this.emitter.fire(); }, REFRESH_DELAY_MS);
  }

  /** Every page with its statistics, in path order (whatever the filter). */
  async pages(): Promise<PageNode[]> {
    const pages = await loadPages(this.store);
    return pages.map(p => ({ kind: 'page', uri: p.uri, stats: pageStats(p), review: p.review }));
  }

  /** The top level: one node per review status that has pages (those the filter keeps). */
  async groups(): Promise<GroupNode[]> {
    const pages = await this.pages();
    const groups = groupByReview(pages, p => p.review, new Set(this.shown)).map((g): GroupNode => ({ kind: 'group', ...g }));
    if (this.shown.length) void this.applyFilterState(pages.length, groups.reduce((n, g) => n + g.pages.length, 0));
    return groups;
  }

  getChildren(node?: PagesNode): Promise<PagesNode[]> | PagesNode[] {
    return !node ? this.groups() : node.kind === 'group' ? node.pages : [];
  }

  getTreeItem(node: PagesNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(reviewGroupName(node.status), vscode.TreeItemCollapsibleState.Expanded);
      item.id = `review:${node.status}`;
      item.description = String(node.pages.length);
      item.tooltip = vscode.l10n.t('{0}: {1} pages', reviewGroupName(node.status), node.pages.length);
      item.iconPath = new vscode.ThemeIcon(GROUP_ICONS[node.status]);
      item.contextValue = 'reviewGroup';
      return item;
    }
    const { uri, stats, review } = node;
    const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.None);
    item.id = uri.toString();
    const drawn = stats.all.total - stats.all.rejected;
    item.description = vscode.l10n.t('{0} annotations, {1} suggestions to decide', drawn, stats.pending);
    const marked = review && (review.by ? vscode.l10n.t('marked {0} by {1}', pageStatusName(review.status), review.by) : vscode.l10n.t('marked {0}', pageStatusName(review.status)));
    if (review?.by) item.description += ` · ${review.by}`;
    const status = marked ? `${marked} (${review!.at})` : vscode.l10n.t('not marked yet (Mark Page In Progress, Done or Reviewed)');
    item.tooltip = [stats.path, status, ...stats.labels.map(l => `${l.label}: ${l.total - l.rejected}`)].join('\n');
    item.iconPath = vscode.ThemeIcon.File;
    item.contextValue = `page.${reviewGroup(review).replace(' ', '-')}`;
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri] };
    return item;
  }
}

export function registerPagesView(view: PagesView, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const tree = vscode.window.createTreeView(PAGES_VIEW_ID, { treeDataProvider: view, showCollapseAll: true });
  view.attach(tree);
  return [
    view,
    tree,
    registerCommand(CorpusCommands.refreshPages, log, () => view.refreshSoon()),
    /**
     * Picks the review statuses to show (several at once); `statuses` as argument sets them without asking
     * (scripts, tests). Returns the statuses shown (empty = all).
     */
    registerCommand(CorpusCommands.filterPagesByReview, log, async (statuses?: ReviewGroup[]) => {
      if (!Array.isArray(statuses)) {
        const current = new Set(view.filter);
        const counts = countByReview(await view.pages(), p => p.review);
        const items = REVIEW_GROUPS.map(s => ({ label: reviewGroupName(s), description: vscode.l10n.t('{0} pages', counts[s]), picked: current.has(s), status: s }));
        const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: vscode.l10n.t('Filter Pages by Review Status'), placeHolder: vscode.l10n.t('Pick the statuses to show (none: every page)') });
        if (!picked) return view.filter;
        statuses = picked.map(p => p.status);
      }
      await view.setFilter(statuses);
      return view.filter;
    }),
    registerCommand(CorpusCommands.clearPagesFilter, log, async () => { await view.setFilter([]); return view.filter; }),
    /** Opens the next page (after the active one, wrapping) that still has automatic suggestions to review; returns its uri. */
    registerCommand(CorpusCommands.nextPageWithSuggestions, log, async () => {
      const pages = await view.pages();
      const current = vscode.window.activeTextEditor?.document.uri.toString();
      const at = pages.findIndex(p => p.uri.toString() === current);
      const order = [...pages.slice(at + 1), ...pages.slice(0, at + 1)];
      const next = order.find(p => p.stats.pending > 0 && p.uri.toString() !== current);
      if (!next) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No other page has suggestions left to review.'));
        return undefined;
      }
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(next.uri), { preview: false });
      return next.uri;
    }),
  ];
}
