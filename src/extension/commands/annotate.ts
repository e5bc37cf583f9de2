/** Commands that change or walk annotations in the active editor. */
import * as vscode from 'vscode';
import * as act from '../../core/actions';
import { annotationAt, nextAnnotation, reattachOrphanAt } from '../../core/annotationOps';
import { isStatus, type Annotation, type Status } from '../../core/types';
import { Commands } from '../commandIds';
import type { Config } from '../config';
import { toRange, toSpan } from '../ranges';
import type { AnnotationStore } from '../store';
import type { OpenPage } from '../page/openPage';
import { pickLabel } from './labelPick';
import { registerCommand } from './register';

interface Target {
  editor: vscode.TextEditor;
  state: OpenPage;
}

export function registerAnnotateCommands(store: AnnotationStore, config: Config, log: vscode.LogOutputChannel): vscode.Disposable[] {
  /** The editor of `uri` when given (the side panel names its page), else the active one. */
  const target = async (uri?: unknown): Promise<Target | undefined> => {
    const editor = typeof uri === 'string'
      ? [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors].find(e => e?.document.uri.toString() === uri)
      : vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a text page first.'));
      return undefined;
    }
    return { editor, state: await store.track(editor.document) };
  };

  /** The annotations under each cursor; a message when there is none. */
  const atCursors = ({ editor, state }: Target): Annotation[] => {
    const found = new Map<string, Annotation>();
    for (const sel of editor.selections) {
      const a = annotationAt(state.annotations, editor.document.offsetAt(sel.active));
      if (a) found.set(a.id, a);
    }
    if (found.size === 0) void vscode.window.showInformationMessage(vscode.l10n.t('There is no annotation at the cursor.'));
    return [...found.values()];
  };

  /** The label named by `arg.label`, or by `arg.key` (keybindings 1–9), or picked by the user. */
  const labelOrPick = async (arg: { label?: unknown; key?: unknown } | undefined, placeHolder: string, current?: string): Promise<string | undefined> => {
    const labels = config.value.labels;
    if (arg && typeof arg.key === 'string') {
      const byKey = labels.find(l => l.key === arg.key);
      if (!byKey) throw new Error(vscode.l10n.t('No label uses key {0}; give one a key in the biaozhu.labels setting or the side panel.', arg.key));
      return String(byKey.id);
    }
    if (arg && typeof arg.label === 'string') {
      if (!labels.some(l => l.id === arg.label)) throw new Error(vscode.l10n.t('Unknown label "{0}".', arg.label));
      return arg.label;
    }
    return (await pickLabel(labels, placeHolder, current))?.id as string | undefined;
  };

  const changeStatus = (status: Status) => async () => {
    const t = await target();
    if (!t) return;
    const ids = new Set(atCursors(t).map(a => a.id));
    if (ids.size > 0) t.state.act(page => setStatusOf(page, ids, status));
  };

  const move = (direction: 1 | -1) => async () => {
    const t = await target();
    if (!t) return;
    const { editor, state } = t;
    const offset = editor.document.offsetAt(editor.selection.active);
    // From the selected annotation itself when the selection is one: nested items sharing a start are each visited.
    const current = state.annotations.find(x => x.status !== 'rejected' && x.start === editor.document.offsetAt(editor.selection.start) && x.end === editor.document.offsetAt(editor.selection.end));
    const a = nextAnnotation(state.annotations, offset, direction, current?.id);
    if (!a) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This page has no annotations.'));
      return;
    }
    const range = toRange(editor.document, a);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };

  return [
    registerCommand(Commands.tagSelection, log, async (arg?: { label?: unknown; key?: unknown; uri?: unknown }) => {
      const t = await target(arg?.uri);
      if (!t) return;
      const { editor } = t;
      const spans = editor.selections.filter(s => !s.isEmpty).map(s => toSpan(editor.document, s));
      if (spans.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Select the text to tag first.'));
        return;
      }
      const label = await labelOrPick(arg, vscode.l10n.t('Tag the selection as…'));
      if (!label) return;
      t.state.act(page => act.tag(page, spans, editor.document.getText(), label));
    }),
    registerCommand(Commands.acceptAtCursor, log, changeStatus('accepted')),
    registerCommand(Commands.rejectAtCursor, log, changeStatus('rejected')),
    registerCommand(Commands.removeAtCursor, log, async () => {
      const t = await target();
      if (!t) return;
      const ids = new Set(atCursors(t).map(a => a.id));
      if (ids.size > 0) t.state.act(page => act.remove(page, ids));
    }),
    // An orphan goes back where the user selected its new place (the Orphans tab, or picked from a list).
    registerCommand(Commands.reattachOrphan, log, async (arg?: { id?: unknown; uri?: unknown }) => {
      const t = await target(arg?.uri);
      if (!t) return;
      const { editor, state } = t;
      if (state.orphans.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('There are no orphaned annotations on this page.'));
        return;
      }
      if (editor.selection.isEmpty) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Select the new place of the orphaned annotation in the editor first.'));
        return;
      }
      const orphan = typeof arg?.id === 'string' ? state.orphans.find(o => o.id === arg.id)
        : (await vscode.window.showQuickPick(state.orphans.map(o => ({ label: o.text, description: `${o.label} · ${o.status}`, orphan: o })),
          { placeHolder: vscode.l10n.t('Re-attach which orphaned annotation to the selection?') }))?.orphan;
      if (!orphan) return;
      const span = toSpan(editor.document, editor.selection);
      state.remove(new Set([orphan.id]));
      state.update(list => reattachOrphanAt(list, orphan, span, editor.document.getText(editor.selection)));
    }),
    registerCommand(Commands.relabelAtCursor, log, async (arg?: { label?: unknown }) => {
      const t = await target();
      if (!t) return;
      const found = atCursors(t);
      if (found.length === 0) return;
      const label = await labelOrPick(arg, vscode.l10n.t('Relabel as…'), String(found[0].label));
      if (label) t.state.act(page => act.relabelItems(page, new Set(found.map(a => a.id)), label));
    }),
    registerCommand(Commands.acceptAll, log, async (arg?: { label?: unknown; inSelection?: unknown; minConfidence?: unknown }) => {
      const t = await target();
      if (!t) return;
      const { editor, state } = t;
      let label = typeof arg?.label === 'string' ? arg.label : undefined;
      let minConfidence = asProbability(arg?.minConfidence);
      const inSelection = arg?.inSelection === true || (arg === undefined && !editor.selection.isEmpty);
      if (arg === undefined && !inSelection) {
        const all = { label: vscode.l10n.t('All labels'), id: undefined as string | undefined, byConfidence: false };
        const sure = { label: vscode.l10n.t('Suggestions with confidence ≥ …'), detail: vscode.l10n.t('Accept every suggestion whose confidence is at least the number you enter'), id: undefined, byConfidence: true };
        const chosen = await vscode.window.showQuickPick([all, sure, ...config.value.labels.map(l => ({ label: String(l.id), description: l.name, id: String(l.id), byConfidence: false }))], { placeHolder: vscode.l10n.t('Accept the suggestions of…') });
        if (!chosen) return;
        label = chosen.id;
        if (chosen.byConfidence) {
          const typed = await vscode.window.showInputBox({
            prompt: vscode.l10n.t('Accept suggestions with confidence at least (0 to 1)'),
            value: '0.9',
            validateInput: v => (asProbability(v) === undefined ? vscode.l10n.t('Enter a number from 0 to 1, e.g. 0.9.') : undefined),
          });
          minConfidence = asProbability(typed);
          if (minConfidence === undefined) return;
        }
      }
      const within = inSelection ? editor.selections.filter(s => !s.isEmpty).map(s => toSpan(editor.document, s)) : undefined;
      const before = state.annotations.filter(a => a.status === 'suggested').length;
      state.act(page => act.acceptAll(page, { label, within, minConfidence }));
      const accepted = before - state.annotations.filter(a => a.status === 'suggested').length;
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Biaozhu: accepted {0} suggestions', accepted), 3000);
      return accepted;
    }),
    registerCommand(Commands.nextAnnotation, log, move(1)),
    registerCommand(Commands.previousAnnotation, log, move(-1)),
    // Internal, from hover links: the annotation is named by id, not by the cursor.
    // `relationIds` instead of `ids` accepts or rejects relations (the panel's Relations tab).
    registerCommand(Commands.setStatus, log, (arg?: { uri?: unknown; ids?: unknown; relationIds?: unknown; status?: unknown }) => {
      const relationIds = idsOf(arg?.relationIds);
      const ids = idsOf(arg?.ids);
      const status = arg?.status;
      if (typeof arg?.uri !== 'string' || !isStatus(status) || (!ids && !relationIds)) return;
      const page = store.get(vscode.Uri.parse(arg.uri));
      if (relationIds) page?.act(p => act.setRelationsStatus(p, relationIds, status));
      else if (ids) page?.act(p => setStatusOf(p, ids, status));
    }),
    registerCommand(Commands.relabel, log, async (arg?: { uri?: unknown; ids?: unknown; label?: unknown }) => {
      const ids = idsOf(arg?.ids);
      if (typeof arg?.uri !== 'string' || !ids) return;
      const uri = vscode.Uri.parse(arg.uri);
      const current = store.get(uri)?.annotations.find(a => ids.has(a.id));
      const label = await labelOrPick(arg, vscode.l10n.t('Relabel as…'), current ? String(current.label) : undefined);
      if (label) store.get(uri)?.act(page => act.relabelItems(page, ids, label));
    }),
    registerCommand(Commands.remove, log, (arg?: { uri?: unknown; ids?: unknown }) => {
      const ids = idsOf(arg?.ids);
      if (typeof arg?.uri !== 'string' || !ids) return;
      const page = store.get(vscode.Uri.parse(arg.uri));
      if (!page) return;
      // Annotations go through the undoable action (with their relations); orphans named here are dropped as well.
      if (page.annotations.some(a => ids.has(a.id))) page.act(p => act.remove(p, ids));
      const orphans = new Set(page.orphans.filter(o => ids.has(o.id)).map(o => o.id));
      if (orphans.size > 0) page.remove(orphans);
    }),
  ];
}

/** The action for a status: accept, reject, or back to suggested (from a hover link). */
function setStatusOf(page: act.ActionResult['state'], ids: ReadonlySet<string>, status: Status): act.ActionResult {
  return status === 'accepted' ? act.accept(page, ids) : status === 'rejected' ? act.reject(page, ids) : act.unreview(page, ids);
}

/** A number in [0, 1] typed or passed as an argument (`.9`, `0.9`, `1`); anything else undefined. */
function asProbability(raw: unknown): number | undefined {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*(?:\d+\.?\d*|\.\d+)\s*$/.test(raw) ? Number(raw) : NaN;
  return Number.isFinite(n) && n >= 0 && n <= 1 ? n : undefined;
}

function idsOf(raw: unknown): Set<string> | undefined {
  return Array.isArray(raw) && raw.every(i => typeof i === 'string') ? new Set(raw as string[]) : undefined;
}
