/**
 * Page structure in the editor: each article's title as a CodeLens with its counts and one with its labels
 * (click to set them), and a quick fix "Join Broken Paragraph" on each column break.
 */
import * as vscode from 'vscode';
import { annotationsWithin, countAnnotations } from '../core/describe';
import type { Article, ColumnBreak } from '../core/types';
import { Commands } from './commandIds';
import { RichCommands } from './commands/richIds';
import { lineRangeAt, toRange } from './ranges';
import type { AnnotationStore } from './store';
import { Disposable } from './util/disposable';
import { inWindow, leftWindow, windowAround, type TextWindow } from './util/visibleWindow';

/** Above this many articles a page gets lenses only near what its editors show (a 5 MB page has 16 K articles). */
const ALL_LENSES_MAX = 300;

export class ArticleLenses extends Disposable implements vscode.CodeLensProvider {
  private readonly emitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.emitter.event;
  private timer?: ReturnType<typeof setTimeout>;
  /** The windows the lenses of a huge page were last given for, by document. */
  private readonly windows = new Map<string, TextWindow[]>();

  constructor(private readonly store: AnnotationStore) {
    super();
    this._register(store.onDidChange(() => this.refreshSoon()));
    this._register(vscode.window.onDidChangeTextEditorVisibleRanges(({ textEditor }) => {
      const windows = this.windows.get(textEditor.document.uri.toString());
      if (windows && !windows.some(w => !leftWindow(textEditor, w))) this.refreshSoon();
    }));
    this._register(vscode.workspace.onDidCloseTextDocument(doc => this.windows.delete(doc.uri.toString())));
    this._register({ dispose: () => clearTimeout(this.timer) });
  }

  private refreshSoon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => { this.timer = undefined; this.emitter.fire(); }, 250);
  }

  /**
   * Positions only: the counts are computed in `resolveCodeLens`, which VS Code calls for visible lenses only.
   * On a page with very many articles, only those near what an editor shows: sending every lens after each
   * change cost the extension host hundreds of milliseconds of reply serialisation (CPU profile, 5 MB page).
   */
  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const state = this.store.get(doc.uri);
    if (!state) return [];
    const key = doc.uri.toString();
    let articles = state.articles.map((article, i) => ({ article, i }));
    if (articles.length > ALL_LENSES_MAX) {
      const windows = vscode.window.visibleTextEditors.filter(e => e.document.uri.toString() === key).map(windowAround).filter(w => w !== undefined);
      this.windows.set(key, windows);
      articles = articles.filter(({ article }) => windows.some(w => inWindow(w, article.start, article.end)));
    } else {
      this.windows.delete(key);
    }
    return articles.flatMap(({ article, i }) => {
      const range = lineRangeAt(doc, article.start);
      const labels = article.labels ?? [];
      return [
        new ArticleLens(range, doc.uri, i, article),
        new vscode.CodeLens(range, {
          title: labels.length ? `$(tag) ${labels.join(' · ')}` : vscode.l10n.t('$(tag) Label Article…'),
          command: RichCommands.setArticleLabels,
          arguments: [{ articleId: article.id }],
          tooltip: vscode.l10n.t('Set the labels of this article (biaozhu.articleLabels)'),
        }),
      ];
    });
  }

  resolveCodeLens(lens: vscode.CodeLens): vscode.CodeLens {
    if (!(lens instanceof ArticleLens)) return lens;
    const state = this.store.get(lens.uri);
    const { article, index } = lens;
    const counts = countAnnotations(state ? annotationsWithin(state.annotations, article.start, article.end) : []);
    const entities = counts.total - (counts.byLabel.NUMBER ?? 0);
    const title = article.title.trim() || vscode.l10n.t('(untitled)');
    lens.command = {
      title: vscode.l10n.t('Article {0}: {1} · {2} entities · {3} numbers · {4} to review', index + 1, title, entities, counts.byLabel.NUMBER ?? 0, counts.pending),
      command: Commands.showPanel,
      tooltip: vscode.l10n.t('Show the article in the Biaozhu side panel'),
    };
    return lens;
  }
}

/** An article title's lens; its command (with the counts) is filled in when VS Code resolves it. */
class ArticleLens extends vscode.CodeLens {
  constructor(range: vscode.Range, readonly uri: vscode.Uri, readonly index: number, readonly article: Article) {
    super(range);
  }
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
