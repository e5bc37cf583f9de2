/** The "Pages" tree: every .txt page of the workspace with its counts and review status; "Next Page with Suggestions". */
import * as vscode from 'vscode';
import { pageStats, type PageStats, type ReviewStatus } from '../../core/corpus/stats';
import { registerCommand } from '../commands/register';
import type { PageReview } from '../../core/team/types';
import type { AnnotationStore } from '../store';
import { Disposable } from '../util/disposable';
import { pageStatusName } from '../words';
import { CorpusCommands, PAGES_VIEW_ID } from './ids';
import { loadPages } from './workspacePages';

interface PageNode {
  uri: vscode.Uri;
  stats: PageStats;
  review?: PageReview;
}

/** Coalesces the store's per-edit changes: the counts need not follow every keystroke. */
const REFRESH_DELAY_MS = 1500;

const statusText = (s: ReviewStatus): string =>
  s === 'done' ? vscode.l10n.t('done') : s === 'in progress' ? vscode.l10n.t('in progress') : vscode.l10n.t('not started');
const statusIcon = (s: ReviewStatus) =>
  new vscode.ThemeIcon(s === 'done' ? 'pass-filled' : s === 'in progress' ? 'circle-large-outline' : 'circle-outline');

export class PagesView extends Disposable implements vscode.TreeDataProvider<PageNode> {
  private readonly emitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeTreeData = this.emitter.event;
  private timer?: ReturnType<typeof setTimeout>;
  constructor(private readonly store: AnnotationStore) {
    super();
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{txt,biaozhu.json}');
    const later = () => this.refreshSoon();
    this._registerEach(watcher, watcher.onDidCreate(later), watcher.onDidDelete(later), watcher.onDidChange(later), store.onDidChange(later));
    this._register({ dispose: () => clearTimeout(this.timer) });
  }

  refreshSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = undefined; this.emitter.fire(); }, REFRESH_DELAY_MS);
  }

  /** Every page with its statistics, in path order. */
  async pages(): Promise<PageNode[]> {
    const pages = await loadPages(this.store);
    return pages.map(p => ({ uri: p.uri, stats: pageStats(p), review: p.review }));
  }

  getChildren(node?: PageNode): Promise<PageNode[]> | PageNode[] {
    return node ? [] : this.pages();
  }

  getTreeItem({ uri, stats, review }: PageNode): vscode.TreeItem {
    const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.None);
    const drawn = stats.all.total - stats.all.rejected;
    item.description = vscode.l10n.t('{0} annotations, {1} pending · {2}', drawn, stats.pending, statusText(stats.review));
    const marked = review && (review.by ? vscode.l10n.t('marked {0} by {1}', pageStatusName(review.status), review.by) : vscode.l10n.t('marked {0}', pageStatusName(review.status)));
    if (marked) item.description += ` · ${marked}`;
    item.tooltip = [stats.path, ...stats.labels.map(l => `${l.label}: ${l.total - l.rejected}`), ...(marked ? [`${marked} (${review!.at})`] : [])].join('\n');
    item.iconPath = statusIcon(stats.review);
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri] };
    return item;
  }
}

export function registerPagesView(store: AnnotationStore, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const view = new PagesView(store);
  return [
    view,
    vscode.window.registerTreeDataProvider(PAGES_VIEW_ID, view),
    registerCommand(CorpusCommands.refreshPages, log, () => view.refreshSoon()),
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
