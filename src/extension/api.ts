/** The object `activate()` returns: what integration tests (and other extensions) may ask of Biaozhu. */
import * as vscode from 'vscode';
import type { Annotation, Article } from '../core/types';
import type { Snapshot } from '../protocol/messages';
import type { PagesView } from './corpus/pagesView';
import type { Decorations } from './decorations';
import type { PanelProvider } from './panel/panelProvider';
import type { LexiconService } from './corpus/lexiconService';
import type { AnnotationStore } from './store';
import type { ConflictsView } from './team/conflictsView';
import { openDocument } from './util/uris';

export interface BiaozhuApi {
  /** Resolves once analysis, decoration and sidecar save for this document have settled. */
  whenIdle(uri: vscode.Uri): Promise<void>;
  /** All annotations, including rejected ones. */
  annotations(uri: vscode.Uri): Annotation[];
  articles(uri: vscode.Uri): Article[];
  orphans(uri: vscode.Uri): Annotation[];
  /** The ranges last passed to setDecorations in this editor, keyed by decoration name ('PER.suggested', 'article', 'columnBreak'…). */
  decorations(editor: vscode.TextEditor): Record<string, vscode.Range[]>;
  /** The sidecar path for a page. */
  sidecarUri(uri: vscode.Uri): vscode.Uri;
  /** How many decoration redraws ran, and the host milliseconds of the last ones (at most 100, oldest first). */
  drawStats(): { count: number; recent: number[] };
  /** Resolves once the workspace lexicon has learned from every save so far. */
  whenLearned(): Promise<void>;
  /** Hands `message` to the side panel's host as if the panel had sent it; false when the host refused it. */
  panelMessage(message: unknown): Promise<boolean>;
  /** The snapshot the side panel would be sent now. */
  panelSnapshot(): Snapshot;
  /** The Pages view's tree (review status groups, their pages) as VS Code would show it. */
  pagesTree(): Promise<TreeRow[]>;
  /** The Annotation Conflicts view's tree (pages, their conflicts); `node` is what its inline commands take. */
  conflictsTree(): Promise<TreeRow[]>;
}

/** A tree view's item as shown: label, description, tooltip text, context value, children; `node` is the provider's element. */
export interface TreeRow {
  label: string;
  description?: string;
  tooltip?: string;
  contextValue?: string;
  icon?: string;
  command?: string;
  node: unknown;
  children: TreeRow[];
}

async function treeRows<T>(provider: vscode.TreeDataProvider<T>, parent?: T): Promise<TreeRow[]> {
  const nodes = (await provider.getChildren(parent)) ?? [];
  const rows: TreeRow[] = [];
  for (const node of nodes) {
    const item = await provider.getTreeItem(node);
    const label = typeof item.label === 'string' ? item.label : item.label?.label ?? (item.resourceUri ? item.resourceUri.path.split('/').pop()! : '');
    const tooltip = typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value;
    const icon = item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined;
    const description = typeof item.description === 'string' ? item.description : undefined;
    const children = item.collapsibleState ? await treeRows(provider, node) : [];
    rows.push({ label, description, tooltip, contextValue: item.contextValue, icon, command: item.command?.command, node, children });
  }
  return rows;
}

export function createApi(store: AnnotationStore, decorations: Decorations, panel: PanelProvider, lexicon: LexiconService, views: { pages: PagesView; conflicts: ConflictsView }): BiaozhuApi {
  const copy = <T>(items: readonly T[] | undefined): T[] => (items ?? []).map(i => ({ ...i }));
  return {
    async whenIdle(uri) {
      // A document opened just now may not have reached the store yet: start tracking it if it is open.
      const doc = openDocument(uri);
      if (doc) void store.open(doc);
      // A redraw may schedule nothing new in the store, but a store change schedules a redraw: check both again.
      while (!(store.isIdle(uri) && decorations.isIdle(uri))) {
        await store.whenIdle(uri);
        await decorations.whenIdle(uri);
      }
    },
    annotations: uri => copy(store.get(uri)?.annotations),
    articles: uri => copy(store.get(uri)?.articles),
    orphans: uri => copy(store.get(uri)?.orphans),
    whenLearned: () => lexicon.whenLearned(),
    drawStats: () => decorations.drawStats(),
    decorations: editor => decorations.rangesOf(editor),
    sidecarUri: uri => store.sidecarUri(uri),
    panelMessage: message => panel.receive(message),
    panelSnapshot: () => panel.snapshot(),
    pagesTree: () => treeRows(views.pages),
    conflictsTree: () => treeRows(views.conflicts),
  };
}
