/**
 * What a page says to the user: the corrupt-sidecar and size dialogs, analysis progress, and the
 * warnings after re-anchoring or a failed write. Kept apart so the page object holds only state and flow.
 */
import type { OutsideChangeReport } from '../../core/outsideChange';
import * as vscode from 'vscode';
import { errorCode, messageOf } from '../../core/errors';
import type { DocumentProblem } from '../../core/documentJson';
import type { ProgressSink } from '../analysisClient';
import { baseName } from '../util/uris';

/** Above this size the progress is a cancellable notification rather than the status bar spinner. */
export const LARGE_DOCUMENT_CHARS = 500_000;

/** The sidecar is damaged: offers to start clean (true) or to open it at the problem. */
export async function askStartClean(log: vscode.LogOutputChannel, sidecar: vscode.Uri, problem: DocumentProblem, backup: vscode.Uri): Promise<boolean> {
  const where = problem.line ? `${sidecar.fsPath}:${problem.line}:${problem.column}` : sidecar.fsPath;
  const startClean = vscode.l10n.t('Start Clean');
  const open = vscode.l10n.t('Open Sidecar');
  log.warn(`corrupt sidecar ${where}: ${problem.message}; copy kept as ${backup.fsPath}`);
  const choice = await vscode.window.showErrorMessage(
    vscode.l10n.t('The annotations file {0} is damaged ({1}). It will not be overwritten; a copy was kept as {2}. Start with fresh annotations?', where, problem.message, baseName(backup)),
    startClean, open);
  if (choice === open) {
    const file = await vscode.workspace.openTextDocument(sidecar);
    const at = problem.line ? new vscode.Position(problem.line - 1, (problem.column ?? 1) - 1) : undefined;
    await vscode.window.showTextDocument(file, { selection: at && new vscode.Range(at, at) });
  }
  return choice === startClean;
}

export function showUnreadable(sidecar: vscode.Uri, message: string): void {
  void vscode.window.showErrorMessage(vscode.l10n.t('Cannot read the annotations in {0}: {1}', sidecar.fsPath, message));
}

/**
 * Whether a page above the `biaozhu.maxFileSizeMB` limit may be analysed. Asked for (`interactive`), a modal
 * question decides; on open, a notification offers it later through `approveLater`, so the page is not held busy.
 */
export async function sizeAllowed(uri: vscode.Uri, text: string, limitMB: number, interactive: boolean, approveLater: () => void): Promise<boolean> {
  const sizeMB = Buffer.byteLength(text, 'utf8') / (1024 * 1024);
  if (limitMB <= 0 || sizeMB <= limitMB) return true;
  const go = vscode.l10n.t('Analyze');
  const message = vscode.l10n.t('{0} is {1} MB, above the biaozhu.maxFileSizeMB limit of {2} MB. Analyze it anyway?', baseName(uri), sizeMB.toFixed(1), limitMB);
  if (!interactive) {
    void vscode.window.showWarningMessage(message, go).then(choice => { if (choice === go) approveLater(); });
    return false;
  }
  return (await vscode.window.showWarningMessage(message, { modal: true }, go)) === go;
}

export function warnBinary(uri: vscode.Uri): void {
  void vscode.window.showWarningMessage(vscode.l10n.t('{0} looks binary (it contains NUL bytes); Biaozhu does not analyze it.', baseName(uri)));
}

/** Runs `run` with progress shown: a cancellable notification on a large page, the status bar otherwise. */
export function withAnalysisProgress<T>(uri: vscode.Uri, chars: number, cts: vscode.CancellationTokenSource, run: (progress?: ProgressSink) => Promise<T>): Thenable<T> {
  if (chars <= LARGE_DOCUMENT_CHARS) {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Biaozhu: analyzing') }, () => run());
  }
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Biaozhu: analyzing {0}…', baseName(uri)), cancellable: true }, (p, token) => {
    const sub = token.onCancellationRequested(() => cts.cancel());
    let shown = 0;
    const report = (percent: number) => {
      if (percent <= shown) return;
      p.report({ increment: percent - shown, message: vscode.l10n.t('about {0}%', percent) });
      shown = percent;
    };
    return run(report).finally(() => sub.dispose());
  });
}

export function showAnalysisError(log: vscode.LogOutputChannel, uri: vscode.Uri, e: unknown): void {
  log.error(`analysis of ${uri.toString()} failed: ${messageOf(e)}`);
  void vscode.window.showErrorMessage(vscode.l10n.t('Biaozhu could not analyze {0}: {1}', baseName(uri), messageOf(e)));
}

/** One message per outside change (reload from disk, a page changed while closed), with counts; the reasons go to the log. */
export function reportOutsideChange(log: vscode.LogOutputChannel, uri: vscode.Uri, r: OutsideChangeReport): void {
  log.info(`${uri.fsPath} changed outside the editor: ${r.moved} moved, ${r.reattached} re-attached, ${r.orphaned} orphaned ${JSON.stringify(r.reasons)}, ${r.droppedSuggestions} unreviewed suggestions dropped`);
  if (r.moved + r.reattached + r.orphaned === 0) return;
  const message = vscode.l10n.t('{0} changed outside the editor: {1} annotations moved, {2} re-attached, {3} kept as orphans in the side panel.', baseName(uri), r.moved, r.reattached, r.orphaned);
  if (r.orphaned > 0) void vscode.window.showWarningMessage(message);
  else void vscode.window.showInformationMessage(message);
}

export function showWriteError(log: vscode.LogOutputChannel, page: vscode.Uri, target: vscode.Uri, e: unknown): void {
  log.error(`cannot write ${target.fsPath}: ${messageOf(e)}`);
  const code = errorCode(e);
  const why = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? vscode.l10n.t('the folder is read-only') : messageOf(e);
  void vscode.window.showErrorMessage(vscode.l10n.t('Cannot save the annotations of {0} to {1}: {2}. They are kept while the page is open; use Export Annotations… or set biaozhu.sidecar.location to "folder".', baseName(page), target.fsPath, why));
}
