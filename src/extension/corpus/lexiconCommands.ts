/**
 * "Show Learned Lexicon" (opens the file, creating it empty), "Clear Learned Lexicon" (asks first) and
 * "Learn Held-Back Tag…" (confirms a manual tag that cut a dictionary word, so it is learned after all).
 */
import * as vscode from 'vscode';
import { registerCommand } from '../commands/register';
import type { AnnotationStore } from '../store';
import { CorpusCommands } from './ids';
import type { LexiconService } from './lexiconService';

export function registerLexiconCommands(store: AnnotationStore, lexicon: LexiconService, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const file = () => {
    const uri = lexicon.fileUri();
    if (!uri) throw new Error(vscode.l10n.t('Open a folder first: the learned lexicon lives in the workspace.'));
    return uri;
  };
  return [
    registerCommand(CorpusCommands.showLexicon, log, async () => {
      const uri = file();
      try {
        await vscode.workspace.fs.stat(uri);
      } catch {
        await lexicon.replace([]);
      }
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    }),
    /** `{ confirmed: true }` skips the question (for scripts and tests). */
    registerCommand(CorpusCommands.clearLexicon, log, async (arg?: { confirmed?: unknown }) => {
      file();
      if (arg?.confirmed !== true) {
        const clear = vscode.l10n.t('Clear');
        const n = lexicon.items().length;
        const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Forget all {0} learned words and rejections?', n), { modal: true }, clear);
        if (choice !== clear) return false;
      }
      await lexicon.replace([]);
      return true;
    }),
    /** `{ id }` names the tag (the notification's button, scripts, tests); otherwise pick one of the page's held-back tags. */
    registerCommand(CorpusCommands.learnTag, log, async (arg?: { id?: unknown }) => {
      const doc = vscode.window.activeTextEditor?.document;
      const page = doc && store.get(doc.uri);
      if (!page) throw new Error(vscode.l10n.t('Open a text page first.'));
      let id = typeof arg?.id === 'string' ? arg.id : undefined;
      if (id === undefined) {
        const held = lexicon.heldBack(page);
        if (held.length === 0) {
          void vscode.window.showInformationMessage(vscode.l10n.t('No tag on this page is held back from learning.'));
          return false;
        }
        id = (await vscode.window.showQuickPick(held.map(a => ({ label: a.text, description: String(a.label), id: a.id })),
          { placeHolder: vscode.l10n.t('Learn which tag for other pages?') }))?.id;
        if (id === undefined) return false;
      }
      return lexicon.confirm(page, id);
    }),
  ];
}
