/**
 * Page structure in the editor: each article's title as a CodeLens with its counts, and a quick fix
 * "Join Broken Paragraph" on each column break.
 */
import * as vscode from 'vscode';
import { countAnnotations } from '../core/describe';
import type { Annotation, ColumnBreak, Span } from '../core/types';
import { Commands } from './commandIds';
import { lineRangeAt, toRange } from './ranges';
import type { AnnotationStore } from './store';

export class ArticleLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;
  private readonly subscription: vscode.Disposable;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly store: AnnotationStore) {
    this.subscription = store.onDidChange(() => {
      if (this.timer) return;
      this.timer = setTimeout(() => { this.timer = undefined; this.emitter.fire(); }, 250);
    });
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const state = this.store.get(doc.uri);
    if (!state) return [];
    const within = annotationsPerArticle(state.articles, state.annotations);
    return state.articles.map((article, i) => {
      const counts = countAnnotations(within[i]);
      const entities = counts.total - (counts.byLabel.NUMBER ?? 0);
      const title = article.title.trim() || vscode.l10n.t('(untitled)');
      return new vscode.CodeLens(lineRangeAt(doc, article.start), {
        title: vscode.l10n.t('Article {0}: {1} · {2} entities · {3} numbers · {4} to review', i + 1, title, entities, counts.byLabel.NUMBER ?? 0, counts.pending),
        command: Commands.showPanel,
        tooltip: vscode.l10n.t('Show the article in the Biaozhu side panel'),
      });
    });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

/**
 * `annotationsWithin` for every article at once: one pass with a binary search per annotation, where a
 * filter per article took tens of seconds on a page with thousands of articles and tens of thousands of
 * annotations (CodeLenses are asked for again after every change). Articles do not overlap.
 */
function annotationsPerArticle(articles: readonly Span[], annotations: readonly Annotation[]): Annotation[][] {
  const order = articles.map((_, i) => i).sort((a, b) => articles[a].start - articles[b].start);
  const out: Annotation[][] = articles.map(() => []);
  for (const a of annotations) {
    if (a.status === 'rejected') continue;
    let lo = 0, hi = order.length - 1, found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (articles[order[mid]].start <= a.start) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    if (found >= 0 && a.end <= articles[order[found]].end) out[order[found]].push(a);
  }
  return out;
}

export class JoinBrokenParagraph implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly store: AnnotationStore) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const state = this.store.get(doc.uri);
    if (!state) return [];
    const actions: vscode.CodeAction[] = [];
    for (const cut of state.columnBreaks) {
      const cutRange = toRange(doc, cut);
      const line = doc.lineAt(cutRange.start.line).range;
      if (!range.intersection(line.union(cutRange))) continue;
      const fix = new vscode.CodeAction(vscode.l10n.t('Join Broken Paragraph'), vscode.CodeActionKind.QuickFix);
      fix.edit = joinEdit(doc, [cut]);
      fix.isPreferred = true;
      actions.push(fix);
      if (state.columnBreaks.length > 1) {
        const all = new vscode.CodeAction(vscode.l10n.t('Join All Broken Paragraphs'), vscode.CodeActionKind.QuickFix);
        all.command = { command: Commands.joinBrokenParagraphs, title: all.title };
        actions.push(all);
      }
    }
    return actions;
  }
}

/** Removes the line breaks of each cut, so the two halves of the paragraph become one line again. */
export function joinEdit(doc: vscode.TextDocument, cuts: readonly ColumnBreak[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const cut of cuts) edit.delete(doc.uri, toRange(doc, cut));
  return edit;
}
