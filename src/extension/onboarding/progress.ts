/** Context keys that tick the walkthrough's review steps when the user really accepts or tags something. */
import * as vscode from 'vscode';
import type { AnnotationStore } from '../store';
import { reviewCounts, reviewProgress, type ReviewCounts } from './rules';

export const ACCEPTED_CONTEXT_KEY = 'biaozhu.walkthrough.accepted';
export const TAGGED_CONTEXT_KEY = 'biaozhu.walkthrough.tagged';

export class WalkthroughProgress implements vscode.Disposable {
  /** Counts per page once it has loaded: the baseline a later change is compared with. */
  private readonly seen = new Map<string, ReviewCounts>();
  private readonly done = new Set<string>();
  private readonly disposables: vscode.Disposable[];

  constructor(store: AnnotationStore) {
    this.disposables = [
      store.onDidChange(state => {
        // While a sidecar loads its items arrive at once: that is not the user's work. Once both steps are
        // done there is nothing left to count (a large page has tens of thousands of annotations).
        if (state.loading || this.done.size === 2) return;
        const key = state.uri.toString();
        const now = reviewCounts(state.annotations);
        const progress = reviewProgress(this.seen.get(key), now);
        this.seen.set(key, now);
        if (progress.accepted) this.mark(ACCEPTED_CONTEXT_KEY);
        if (progress.tagged) this.mark(TAGGED_CONTEXT_KEY);
      }),
      vscode.workspace.onDidCloseTextDocument(doc => this.seen.delete(doc.uri.toString())),
    ];
  }

  private mark(key: string): void {
    if (this.done.has(key)) return;
    this.done.add(key);
    void vscode.commands.executeCommand('setContext', key, true);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
