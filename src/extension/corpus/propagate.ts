/** "Tag All Occurrences", "Reject All Identical", and the non-modal offer to propagate a single decision. */
import * as vscode from 'vscode';
import { reject as rejectIds, tag } from '../../core/actions';
import { annotationAt } from '../../core/annotationOps';
import type { Annotation } from '../../core/types';
import { CorpusCommands } from './ids';
import { registerCommand } from '../commands/register';
import { pickLabel } from '../commands/labelPick';
import type { Config } from '../config';
import type { PageView } from '../page/openPage';
import type { AnnotationStore } from '../store';
import { identicalSuggestions, singleDecision, untagged } from './occurrences';

export function registerPropagation(store: AnnotationStore, config: Config, log: vscode.LogOutputChannel): vscode.Disposable[] {
  /** The annotations and text each page had at its last change: a decision changes the first, never the second. */
  const seen = new WeakMap<PageView, { annotations: readonly Annotation[]; text: string }>();

  const offer = (state: PageView, before: readonly Annotation[]) => {
    const decision = singleDecision(before, state.annotations);
    if (!decision) return;
    const { item } = decision;
    if (decision.kind === 'tagged') {
      const n = untagged(state.annotations, state.text, item.text).length;
      if (n === 0) return;
      const apply = vscode.l10n.t('Apply to all {0} occurrences', n);
      void vscode.window.showInformationMessage(vscode.l10n.t('Tag every "{0}" in this page as {1}?', item.text, String(item.label)), apply).then(choice => {
        if (choice === apply) store.get(state.uri)?.act(page => tag(page, untagged(page.annotations, state.text, item.text), state.text, item.label));
      });
    } else {
      const n = identicalSuggestions(state.annotations, item.text, item.label).size;
      if (n === 0) return;
      const reject = vscode.l10n.t('Reject all {0} identical', n);
      void vscode.window.showInformationMessage(vscode.l10n.t('Reject every suggestion "{0}" ({1}) in this page?', item.text, String(item.label)), reject).then(choice => {
        if (choice === reject) store.get(state.uri)?.act(page => rejectIds(page, identicalSuggestions(page.annotations, item.text, item.label)));
      });
    }
  };

  const activeState = async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) throw new Error(vscode.l10n.t('Open a text page first.'));
    return { editor, state: await store.track(editor.document) };
  };

  return [
    store.onDidChange(state => {
      const before = seen.get(state);
      seen.set(state, { annotations: state.annotations, text: state.text });
      // Only interactive single decisions (not edits, loads, analyses or bulk actions) on the page in front.
      if (before && before.annotations !== state.annotations && before.text === state.text && !state.analysing && !state.loading
        && vscode.window.activeTextEditor?.document.uri.toString() === state.uri.toString()) offer(state, before.annotations);
    }),
    registerCommand(CorpusCommands.tagAllOccurrences, log, async (arg?: { label?: unknown }) => {
      const { editor, state } = await activeState();
      const doc = editor.document;
      const at = annotationAt(state.annotations, doc.offsetAt(editor.selection.active));
      const word = editor.selection.isEmpty ? at?.text : doc.getText(editor.selection);
      if (!word) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Select the text to tag first.'));
        return 0;
      }
      const label = typeof arg?.label === 'string' ? arg.label
        : !editor.selection.isEmpty || !at ? (await pickLabel(config.value.labels, vscode.l10n.t('Tag every "{0}" as…', word)))?.id as string | undefined
        : String(at.label);
      if (!label) return 0;
      const text = doc.getText();
      const spans = untagged(state.annotations, text, word);
      if (spans.length > 0) state.act(page => tag(page, spans, text, label));
      const added = spans.length;
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Biaozhu: tagged {0} occurrences', added), 3000);
      return added;
    }),
    registerCommand(CorpusCommands.rejectAllIdentical, log, async () => {
      const { editor, state } = await activeState();
      const at = annotationAt(state.annotations, editor.document.offsetAt(editor.selection.active));
      if (!at) {
        void vscode.window.showInformationMessage(vscode.l10n.t('There is no annotation at the cursor.'));
        return 0;
      }
      const ids = identicalSuggestions(state.annotations, at.text, at.label);
      if (at.status === 'suggested') ids.add(at.id);
      state.act(page => rejectIds(page, ids));
      return ids.size;
    }),
  ];
}
