/** The object `activate()` returns: what integration tests (and other extensions) may ask of Biaozhu. */
import * as vscode from 'vscode';
import type { Annotation, Article } from '../core/types';
import type { Decorations } from './decorations';
import type { PanelProvider } from './panel/panelProvider';
import type { LexiconService } from './corpus/lexiconService';
import type { AnnotationStore } from './store';
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
}

export function createApi(store: AnnotationStore, decorations: Decorations, panel: PanelProvider, lexicon: LexiconService): BiaozhuApi {
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
  };
}
