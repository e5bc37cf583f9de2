/** The object `activate()` returns: what integration tests (and other extensions) may ask of Biaozhu. */
import * as vscode from 'vscode';
import type { Annotation, Article } from '../core/types';
import type { Decorations } from './decorations';
import type { AnnotationStore } from './store';

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
}

export function createApi(store: AnnotationStore, decorations: Decorations): BiaozhuApi {
  const copy = <T>(items: readonly T[] | undefined): T[] => (items ?? []).map(i => ({ ...i }));
  return {
    async whenIdle(uri) {
      // A document opened just now may not have reached the store yet: start tracking it if it is open.
      const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
      if (doc) void store.open(doc);
      await store.whenIdle(uri, () => decorations.isIdle(uri));
    },
    annotations: uri => copy(store.get(uri)?.annotations),
    articles: uri => copy(store.get(uri)?.articles),
    orphans: uri => copy(store.get(uri)?.orphans),
    decorations: editor => decorations.rangesOf(editor),
    sidecarUri: uri => store.sidecarUri(uri),
  };
}
