import * as vscode from 'vscode';
import { messageOf } from '../../core/errors';
import { CancelledError } from '../analysisClient';

/** Registers a command with an error boundary: log with context, show a short message; cancellation is not an error. */
export function registerCommand(id: string, log: vscode.LogOutputChannel, run: (...args: any[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await run(...args);
    } catch (e) {
      if (e instanceof CancelledError || e instanceof vscode.CancellationError) return undefined;
      log.error(`${id}: ${e instanceof Error && e.stack ? e.stack : messageOf(e)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Biaozhu: {0}', messageOf(e)));
      return undefined;
    }
  });
}
