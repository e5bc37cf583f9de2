/** "Show Learned Lexicon" (opens the file, creating it empty) and "Clear Learned Lexicon" (asks first). */
import * as vscode from 'vscode';
import { registerCommand } from '../commands/register';
import { CorpusCommands } from './ids';
import type { LexiconService } from './lexiconService';

export function registerLexiconCommands(lexicon: LexiconService, log: vscode.LogOutputChannel): vscode.Disposable[] {
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
  ];
}
