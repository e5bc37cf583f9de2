/**
 * The "Annotation Conflicts" tree: the merge conflicts (`conflicts[]` a merge left in the sidecar) of the
 * open pages, page → conflict (mine ↔ theirs, the fields that differ), with inline Take Mine / Take
 * Theirs / Keep Both. The view is shown while there are any (context key `biaozhu.hasConflicts`).
 */
import * as vscode from 'vscode';
import type { Resolution } from '../../core/team/conflicts';
import type { MergeConflict } from '../../core/team/types';
import type { Annotation, Relation } from '../../core/types';
import { registerCommand } from '../commands/register';
import { toRange } from '../ranges';
import type { AnnotationStore } from '../store';
import { Disposable } from '../util/disposable';
import { baseName } from '../util/uris';
import { CONFLICTS_CONTEXT, CONFLICTS_VIEW_ID, TeamCommands } from './ids';
import { conflictSide, resolutionName, resolvePageConflict } from './resolve';

export interface ConflictPageNode { kind: 'page'; uri: vscode.Uri; conflicts: readonly MergeConflict[] }
export interface ConflictNode { kind: 'conflict'; uri: vscode.Uri; conflict: MergeConflict }
export type ConflictsNode = ConflictPageNode | ConflictNode;

/** Coalesces a burst of store changes (every keystroke is one). */
const REFRESH_DELAY_MS = 200;

/** What differs, in words: the fields, or which side deleted the item. */
export function conflictDifference(c: MergeConflict): string {
  if (c.fields.length) return vscode.l10n.t('differs in {0}', c.fields.join(', '));
  return c.ours ? vscode.l10n.t('deleted on their branch') : vscode.l10n.t('deleted on my branch');
}

export class ConflictsView extends Disposable implements vscode.TreeDataProvider<ConflictsNode> {
  private readonly emitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeTreeData = this.emitter.event;
  private timer?: ReturnType<typeof setTimeout>;
  private had?: boolean;

  constructor(private readonly store: AnnotationStore) {
    super();
    this._register(store.onDidChange(() => this.refreshSoon()));
    this._register({ dispose: () => clearTimeout(this.timer) });
    void this.updateContext();
  }

  private refreshSoon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => { this.timer = undefined; void this.updateContext(); this.emitter.fire(); }, REFRESH_DELAY_MS);
  }

  /** Sets `biaozhu.hasConflicts` (the view's `when`); resolves once VS Code has it. */
  async updateContext(): Promise<void> {
    const has = this.pages().length > 0;
    if (has === this.had) return;
    this.had = has;
    await vscode.commands.executeCommand('setContext', CONFLICTS_CONTEXT, has);
  }

  /** The open pages with conflicts, in path order. */
  pages(): ConflictPageNode[] {
    return this.store.documents()
      .map(uri => ({ uri, conflicts: this.store.get(uri)?.team.conflicts ?? [] }))
      .filter(p => p.conflicts.length > 0)
      .sort((a, b) => (a.uri.path < b.uri.path ? -1 : a.uri.path > b.uri.path ? 1 : 0))
      .map(p => ({ kind: 'page', ...p }));
  }

  getChildren(node?: ConflictsNode): ConflictsNode[] {
    if (!node) return this.pages();
    return node.kind === 'page' ? node.conflicts.map(conflict => ({ kind: 'conflict', uri: node.uri, conflict })) : [];
  }

  getParent(node: ConflictsNode): ConflictsNode | undefined {
    return node.kind === 'conflict' ? this.pages().find(p => p.uri.toString() === node.uri.toString()) : undefined;
  }

  getTreeItem(node: ConflictsNode): vscode.TreeItem {
    if (node.kind === 'page') {
      const item = new vscode.TreeItem(node.uri, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `page:${node.uri.toString()}`;
      item.description = vscode.l10n.t('{0} conflicts', node.conflicts.length);
      item.iconPath = vscode.ThemeIcon.File;
      item.contextValue = 'conflictPage';
      return item;
    }
    const c = node.conflict;
    const either = (c.ours ?? c.theirs)!;
    const text = (either as Annotation).text;
    const item = new vscode.TreeItem(text !== undefined ? `「${text}」` : relationLabel(either as Relation), vscode.TreeItemCollapsibleState.None);
    item.id = `conflict:${node.uri.toString()}:${c.list}:${c.id}`;
    item.description = `${vscode.l10n.t('mine: {0}', conflictSide(c.ours))} ↔ ${vscode.l10n.t('theirs: {0}', conflictSide(c.theirs))}`;
    item.tooltip = this.tooltip(node);
    item.iconPath = new vscode.ThemeIcon('git-merge', new vscode.ThemeColor('list.warningForeground'));
    item.contextValue = 'conflict';
    item.accessibilityInformation = { label: vscode.l10n.t('Conflict on {0}: {1}; mine: {2}; theirs: {3}', c.id, conflictDifference(c), conflictSide(c.ours), conflictSide(c.theirs)) };
    item.command = { command: TeamCommands.revealConflict, title: vscode.l10n.t('Show in Editor'), arguments: [node] };
    return item;
  }

  private tooltip({ uri, conflict: c }: ConflictNode): vscode.MarkdownString {
    const md = new vscode.MarkdownString();
    md.appendText(`${baseName(uri)} · ${c.list === 'annotations' ? vscode.l10n.t('annotation {0}', c.id) : vscode.l10n.t('relation {0}', c.id)} · ${conflictDifference(c)}`);
    md.appendMarkdown('\n\n');
    md.appendText(vscode.l10n.t('mine: {0}', conflictSide(c.ours)));
    md.appendMarkdown('  \n');
    md.appendText(vscode.l10n.t('theirs: {0}', conflictSide(c.theirs)));
    return md;
  }
}

const relationLabel = (r: Relation) => `${r.from} →${r.label} ${r.to}`;

/** Where a conflict is in the page: the item as the page holds it, else either side's span, else a relation's source. */
function spanOf(store: AnnotationStore, uri: vscode.Uri, c: MergeConflict): { start: number; end: number } | undefined {
  const page = store.get(uri);
  if (!page) return undefined;
  if (c.list === 'annotations') {
    const held = page.annotations.find(a => a.id === c.id);
    return held ?? ((c.ours ?? c.theirs) as Annotation | null) ?? undefined;
  }
  const from = ((c.ours ?? c.theirs) as Relation | null)?.from;
  return page.annotations.find(a => a.id === from);
}

export function registerConflictsView(view: ConflictsView, store: AnnotationStore, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const tree = vscode.window.createTreeView(CONFLICTS_VIEW_ID, { treeDataProvider: view, showCollapseAll: true });
  const resolve = (choice: Resolution) => (node?: ConflictNode) => {
    if (node?.kind !== 'conflict') return false;
    const done = resolvePageConflict(store, node.uri, node.conflict.list, node.conflict.id, choice);
    if (done) vscode.window.setStatusBarMessage(vscode.l10n.t('Biaozhu: conflict on {0} resolved ({1})', node.conflict.id, resolutionName(choice)), 5000);
    return done;
  };
  return [
    view,
    tree,
    registerCommand(TeamCommands.takeMine, log, resolve('ours')),
    registerCommand(TeamCommands.takeTheirs, log, resolve('theirs')),
    registerCommand(TeamCommands.keepBoth, log, resolve('both')),
    registerCommand(TeamCommands.revealConflict, log, async (node?: ConflictNode) => {
      if (node?.kind !== 'conflict') return;
      const span = spanOf(store, node.uri, node.conflict);
      const editor = await vscode.window.showTextDocument(node.uri, { preview: false });
      if (!span || span.end > editor.document.getText().length) return;
      const range = toRange(editor.document, span);
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
  ];
}
