/** Commands on the whole document or the view: analyse, join column breaks, toggle highlights, show the panel. */
import * as vscode from 'vscode';
import { Commands, PANEL_VIEW_ID } from '../commandIds';
import type { Decorations } from '../decorations';
import type { AnnotationStore } from '../store';
import { joinEdit } from '../structure';
import { registerCommand } from './register';

export function registerDocumentCommands(store: AnnotationStore, decorations: Decorations, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    registerCommand(Commands.analyzeDocument, log, async (uri?: unknown) => {
      const doc = uri instanceof vscode.Uri
        ? await vscode.workspace.openTextDocument(uri)
        : vscode.window.activeTextEditor?.document;
      if (!doc) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a text page first.'));
        return;
      }
      await store.analyse(doc, { interactive: true });
    }),
    registerCommand(Commands.joinBrokenParagraphs, log, async () => {
      const editor = vscode.window.activeTextEditor;
      const state = editor && store.get(editor.document.uri);
      if (!editor || !state || state.columnBreaks.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No broken paragraphs found on this page.'));
        return;
      }
      const count = state.columnBreaks.length;
      if (await vscode.workspace.applyEdit(joinEdit(editor.document, state.columnBreaks))) {
        void vscode.window.setStatusBarMessage(vscode.l10n.t('Biaozhu: joined {0} broken paragraphs', count), 3000);
      }
    }),
    registerCommand(Commands.toggleHighlights, log, () => {
      const on = decorations.toggle();
      void vscode.window.setStatusBarMessage(on ? vscode.l10n.t('Biaozhu: highlights on') : vscode.l10n.t('Biaozhu: highlights off'), 2000);
      return on;
    }),
    registerCommand(Commands.showPanel, log, () => vscode.commands.executeCommand(`${PANEL_VIEW_ID}.focus`)),
  ];
}
