/**
 * Export Annotations of Pages…: several pages at once (explorer multi-select, folders, or chosen in a
 * dialog) into one folder, one file per page in the chosen format.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { exportNames } from '../../core/corpus/exportNames';
import { formatById, formats } from '../../formats';
import { Commands } from '../commandIds';
import type { Config } from '../config';
import { findPages } from '../corpus/workspacePages';
import type { AnnotationStore } from '../store';
import { registerCommand } from './register';
import { defaultFolder, pickFormat, writePageExport } from './transfer';

/** Arguments for scripted use (tests, other extensions); the explorer passes (clicked, selected) instead. */
interface ExportPagesArgs { uris?: vscode.Uri[]; target?: vscode.Uri; format?: string }

export function registerExportPages(store: AnnotationStore, config: Config, log: vscode.LogOutputChannel): vscode.Disposable {
  return registerCommand(Commands.exportPages, log, async (clicked?: unknown, selected?: unknown) => {
    const args: ExportPagesArgs = clicked instanceof vscode.Uri
      ? { uris: Array.isArray(selected) && selected.some(u => u instanceof vscode.Uri) ? selected.filter((u): u is vscode.Uri => u instanceof vscode.Uri) : [clicked] }
      : (clicked as ExportPagesArgs | undefined) ?? {};
    let roots = args.uris;
    if (!roots?.length) {
      roots = await vscode.window.showOpenDialog({
        canSelectFiles: true, canSelectFolders: true, canSelectMany: true,
        defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri, title: vscode.l10n.t('Pages or folders to export'), openLabel: vscode.l10n.t('Select'),
      });
      if (!roots?.length) return [];
    }
    const pages = await expandPages(roots);
    if (pages.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There are no .txt pages in the selection.'));
      return [];
    }
    const plugin = args.format ? formatById(args.format) : await pickFormat(vscode.l10n.t('Export {0} pages as…', pages.length));
    if (!plugin) {
      if (args.format) throw new Error(vscode.l10n.t('Unknown export format "{0}". Known: {1}', args.format, formats.map(f => f.id).join(', ')));
      return [];
    }
    let target = args.target;
    if (!target) {
      const start = defaultFolder(config.value.export.defaultFolder, pages[0]) ?? vscode.Uri.file(path.dirname(pages[0].fsPath));
      target = (await vscode.window.showOpenDialog({ canSelectFiles: false, canSelectFolders: true, defaultUri: start, title: vscode.l10n.t('Export {0} pages as {1} into…', pages.length, plugin.name), openLabel: vscode.l10n.t('Export Here') }))?.[0];
      if (!target) return [];
    }
    const names = exportNames(pages.map(p => p.path), plugin.extensions[0] ?? '.json');
    const written: string[] = [];
    /** Pages with what the format could not carry (relations, overlaps, labels). */
    const lossy: string[] = [];
    const skipped: string[] = [];
    let annotations = 0;
    let done = 0;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Biaozhu: exporting annotations'), cancellable: true }, async (progress, token) => {
      for (const [i, uri] of pages.entries()) {
        if (token.isCancellationRequested) break;
        const name = vscode.workspace.asRelativePath(uri);
        progress.report({ message: vscode.l10n.t('{0} ({1} of {2})', name, i + 1, pages.length), increment: 100 / pages.length });
        const doc = await vscode.workspace.openTextDocument(uri);
        await store.open(doc);
        await store.whenIdle(uri);
        let state = await store.track(doc);
        if (state.saveBlocked) {
          skipped.push(`${name}: ${state.saveBlocked}`);
          continue;
        }
        // A page never analysed is pre-annotated first, as Analyze Folder would, so the export carries suggestions.
        if (!state.analysedOnce && state.annotations.length === 0) {
          await store.analyse(doc, { interactive: false });
          await store.whenSettled(uri);
          state = await store.track(doc);
        }
        const out = vscode.Uri.joinPath(target!, names[i]);
        await fs.mkdir(path.dirname(out.fsPath), { recursive: true });
        const result = writePageExport(doc, state, plugin, out, config);
        written.push(...result.written);
        if (result.losses.length > 0) lossy.push(`${name}: ${result.losses.join(', ')}`);
        annotations += state.annotations.length;
        done++;
      }
    });
    const parts = [vscode.l10n.t('Exported {0} annotations of {1} of {2} pages as {3} to {4}.', annotations, done, pages.length, plugin.name, target.fsPath)];
    if (lossy.length > 0) {
      parts.push(vscode.l10n.t('Not carried by {0}: {1}.', plugin.name, lossy.slice(0, 3).join('; ') + (lossy.length > 3 ? '; …' : '')));
      for (const l of lossy) log.info(`export pages: not carried by ${plugin.name}: ${l}`);
    }
    if (skipped.length > 0) {
      parts.push(vscode.l10n.t('Skipped {0}: {1}', skipped.length, skipped.join('; ')));
      for (const s of skipped) log.warn(`export pages: skipped ${s}`);
    }
    void (skipped.length > 0 ? vscode.window.showWarningMessage(parts.join(' ')) : vscode.window.showInformationMessage(parts.join(' ')));
    return written;
  });
}

/** The .txt pages named or contained (recursively) in `roots`, each once, in path order. */
async function expandPages(roots: readonly vscode.Uri[]): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  for (const root of roots) {
    const stat = await vscode.workspace.fs.stat(root);
    const uris = stat.type & vscode.FileType.Directory ? await findPages(root) : root.path.endsWith('.txt') ? [root] : [];
    for (const u of uris) found.set(u.toString(), u);
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
