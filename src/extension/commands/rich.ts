/** Relations, span adjustment, annotation undo/redo and article/page labels from the editor (issue 13). */
import * as vscode from 'vscode';
import * as act from '../../core/actions';
import { messageOf } from '../../core/errors';
import { annotationAt, stepEdge } from '../../core/annotationOps';
import type { Description, PageState } from '../../core/pageChange';
import { allowedRelations } from '../../core/relations';
import { STATUSES, type Annotation, type Span, type Status } from '../../core/types';
import { RichCommands } from '../commandIds';
import type { Config } from '../config';
import { toRange, toSpan } from '../ranges';
import type { OpenPage } from '../page/openPage';
import type { AnnotationStore } from '../store';
import { registerCommand } from './register';

/** How many annotations the Link quick pick offers, nearest first. */
const NEARBY = 40;

/** A core description in the user's language: its message is the l10n key. */
export function localise(d: Description): string {
  return vscode.l10n.t(d.message, ...d.args);
}

export function registerRichCommands(store: AnnotationStore, config: Config, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const active = async (): Promise<{ editor: vscode.TextEditor; state: OpenPage } | undefined> => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a text page first.'));
      return undefined;
    }
    return { editor, state: await store.track(editor.document) };
  };
  const atCursor = (editor: vscode.TextEditor, state: OpenPage, selection = editor.selection): Annotation => {
    const a = annotationAt(state.annotations, editor.document.offsetAt(selection.active));
    if (!a) throw new Error(vscode.l10n.t('There is no annotation at the cursor.'));
    return a;
  };
  const run = (state: OpenPage, action: (page: PageState) => act.ActionResult) => {
    try {
      return state.act(action);
    } catch (e) {
      // A refused action (a repeated link, an empty span) changes nothing; say why.
      void vscode.window.showWarningMessage(vscode.l10n.t('Biaozhu: {0}', messageOf(e)));
      return undefined;
    }
  };

  const edge = (side: 'start' | 'end', delta: 1 | -1) => async () => {
    const t = await active();
    if (!t) return;
    const a = atCursor(t.editor, t.state);
    const span = stepEdge(a, side, delta, t.editor.document.getText());
    if (!span) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The annotation cannot be made shorter or longer there.'));
      return;
    }
    run(t.state, page => act.adjust(page, a.id, span, t.editor.document.getText()));
  };

  /** The page named by `uri` (the panel names it: focus may be in the panel), else the active editor's. */
  const named = async (arg?: { uri?: unknown }): Promise<{ editor?: vscode.TextEditor; state: OpenPage } | undefined> => {
    if (typeof arg?.uri !== 'string') return active();
    const uri = arg.uri;
    const state = store.get(vscode.Uri.parse(uri));
    return state && { state, editor: vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === uri) };
  };

  const history = (direction: 'undo' | 'redo') => async (arg?: { uri?: unknown }) => {
    const t = await named(arg);
    if (!t) return;
    const change = t.state.step(direction);
    const message = !change
      ? (direction === 'undo' ? vscode.l10n.t('Biaozhu: nothing to undo') : vscode.l10n.t('Biaozhu: nothing to redo'))
      : direction === 'undo' ? vscode.l10n.t('Biaozhu: undid {0}', localise(change.description)) : vscode.l10n.t('Biaozhu: redid {0}', localise(change.description));
    vscode.window.setStatusBarMessage(message, 5000);
    return change ? localise(change.description) : undefined;
  };

  const pickLabels = async (current: readonly string[] | undefined, placeHolder: string): Promise<string[] | undefined> => {
    const known = [...new Set([...config.value.articleLabels, ...(current ?? [])])];
    const chosen = await vscode.window.showQuickPick(known.map(l => ({ label: l, picked: current?.includes(l) ?? false })), { canPickMany: true, placeHolder });
    return chosen?.map(c => c.label);
  };

  return [
    registerCommand(RichCommands.linkAnnotation, log, async (arg?: { to?: unknown; label?: unknown }) => {
      const t = await active();
      if (!t) return;
      const { editor, state } = t;
      const from = atCursor(editor, state);
      // The target: named by id, or under a second cursor, or picked among the nearest annotations.
      let to = typeof arg?.to === 'string' ? state.annotations.find(a => a.id === arg.to) : undefined;
      if (!to && editor.selections.length > 1) {
        to = editor.selections.slice(1).map(s => annotationAt(state.annotations, editor.document.offsetAt(s.active))).find(a => a && a.id !== from.id);
      }
      if (!to) {
        const near = state.annotations.filter(a => a.id !== from.id && a.status !== 'rejected')
          .map(a => ({ a, d: Math.max(0, a.start - from.end, from.start - a.end) }))
          .sort((x, y) => x.d - y.d || x.a.start - y.a.start).slice(0, NEARBY);
        if (near.length === 0) throw new Error(vscode.l10n.t('There is no other annotation to link to.'));
        const picked = await vscode.window.showQuickPick(near.map(({ a }) => ({
          label: a.text, description: String(a.label), detail: lineOf(editor.document, a), a,
        })), { placeHolder: vscode.l10n.t('Link 「{0}」 to…', from.text) });
        to = picked?.a;
      }
      if (!to) return;
      const target = to;
      let label = typeof arg?.label === 'string' ? arg.label : undefined;
      if (!label) {
        const fitting = allowedRelations(config.value.relations, from.label, target.label);
        const offered = fitting.length ? fitting : config.value.relations;
        const picked = await vscode.window.showQuickPick(offered.map(d => ({ label: d.id, description: d.name === d.id ? '' : d.name })),
          { placeHolder: fitting.length ? vscode.l10n.t('Relation from 「{0}」 to 「{1}」', from.text, target.text) : vscode.l10n.t('No relation type allows {0} → {1}; pick one anyway', from.label, target.label) });
        label = picked?.label;
      }
      if (!label) return;
      const relationLabel = label;
      return run(state, page => act.link(page, from.id, target.id, relationLabel))?.change.relations.added[0]?.id;
    }),
    registerCommand(RichCommands.adjustToSelection, log, async () => {
      const t = await active();
      if (!t) return;
      const { editor, state } = t;
      if (editor.selection.isEmpty) throw new Error(vscode.l10n.t('Select the corrected extent first.'));
      const span: Span = toSpan(editor.document, editor.selection);
      // The annotation the selection most overlaps (the shortest on a tie): the one being corrected.
      const over = (a: Annotation) => Math.min(a.end, span.end) - Math.max(a.start, span.start);
      const a = state.annotations.filter(x => x.status !== 'rejected' && over(x) > 0)
        .sort((x, y) => over(y) - over(x) || (x.end - x.start) - (y.end - y.start))[0];
      if (!a) throw new Error(vscode.l10n.t('The selection does not overlap an annotation.'));
      run(state, page => act.adjust(page, a.id, span, editor.document.getText()));
    }),
    registerCommand(RichCommands.growStart, log, edge('start', 1)),
    registerCommand(RichCommands.shrinkStart, log, edge('start', -1)),
    registerCommand(RichCommands.growEnd, log, edge('end', 1)),
    registerCommand(RichCommands.shrinkEnd, log, edge('end', -1)),
    registerCommand(RichCommands.undoAnnotation, log, history('undo')),
    registerCommand(RichCommands.redoAnnotation, log, history('redo')),
    registerCommand(RichCommands.setArticleLabels, log, async (arg?: { uri?: unknown; articleId?: unknown; labels?: unknown }) => {
      const t = await named(arg);
      if (!t) return;
      const { editor, state } = t;
      const offset = editor ? editor.document.offsetAt(editor.selection.active) : -1;
      const article = typeof arg?.articleId === 'string' ? state.articles.find(a => a.id === arg.articleId) : state.articles.find(a => offset >= a.start && offset <= a.end);
      if (!article) throw new Error(vscode.l10n.t('The cursor is not in an article.'));
      const labels = Array.isArray(arg?.labels) ? arg.labels.filter((l): l is string => typeof l === 'string') : await pickLabels(article.labels, vscode.l10n.t('Labels of article 「{0}」', article.title));
      if (labels) run(state, page => act.labelArticle(page, article.id, labels));
    }),
    registerCommand(RichCommands.setPageLabels, log, async (arg?: { labels?: unknown }) => {
      const t = await active();
      if (!t) return;
      const labels = Array.isArray(arg?.labels) ? arg.labels.filter((l): l is string => typeof l === 'string') : await pickLabels(t.state.pageLabels, vscode.l10n.t('Labels of this page'));
      if (labels) run(t.state, page => act.labelPage(page, labels));
    }),
    registerCommand(RichCommands.removeRelations, log, (arg?: { uri?: unknown; ids?: unknown }) => {
      if (typeof arg?.uri !== 'string' || !Array.isArray(arg.ids)) return;
      const ids = new Set(arg.ids.filter((i): i is string => typeof i === 'string'));
      store.get(vscode.Uri.parse(arg.uri))?.act(page => act.unlink(page, ids));
    }),
    registerCommand(RichCommands.revealAnnotation, log, (arg?: { uri?: unknown; id?: unknown }) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || typeof arg?.uri !== 'string' || editor.document.uri.toString() !== arg.uri) return;
      const a = store.get(editor.document.uri)?.annotations.find(x => x.id === arg.id);
      if (!a) return;
      const range = toRange(editor.document, a);
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
  ];
}

/** The line an annotation is on, trimmed, for the quick pick's detail. */
function lineOf(doc: vscode.TextDocument, a: Annotation): string {
  const line = doc.lineAt(doc.positionAt(a.start).line).text.trim();
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}
