/** "Analyze Folder" and "Search Annotations…": the workspace as a corpus. */
import * as vscode from 'vscode';
import { parseQuery, QueryError, searchCorpus } from '../../core/corpus/search';
import { registerCommand } from '../commands/register';
import type { AnnotationStore } from '../store';
import { exists } from '../util/uris';
import { CorpusCommands } from './ids';
import { findPages, loadPages } from './workspacePages';

export function registerFolderCommands(store: AnnotationStore, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    /**
     * Pre-annotates every .txt page under the folder through the store (its merge keeps user work, its
     * writer saves the sidecar). Returns how many pages were analysed.
     */
    registerCommand(CorpusCommands.analyzeFolder, log, async (folder?: vscode.Uri) => {
      if (!(folder instanceof vscode.Uri)) {
        const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri, openLabel: vscode.l10n.t('Analyze') });
        folder = picked?.[0];
      }
      if (!folder) return 0;
      const pages = await findPages(folder);
      if (pages.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('There are no .txt pages in {0}.', vscode.workspace.asRelativePath(folder)));
        return 0;
      }
      const done = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Biaozhu: analyzing the folder'), cancellable: true }, async (progress, token) => {
        let n = 0;
        for (const uri of pages) {
          if (token.isCancellationRequested) break;
          progress.report({ message: vscode.l10n.t('{0} ({1} of {2})', vscode.workspace.asRelativePath(uri), n + 1, pages.length), increment: 100 / pages.length });
          const fresh = !(await exists(store.sidecarUri(uri)));
          const doc = await vscode.workspace.openTextDocument(uri);
          // Opening a fresh page analyses it already (autoAnalyze); a page with a sidecar gets a merge of a new analysis.
          await store.open(doc);
          if (!fresh || !store.get(uri)?.analysedOnce) await store.analyse(doc, { interactive: false });
          await store.whenIdle(uri);
          await store.flush(uri);
          n++;
        }
        return n;
      });
      void vscode.window.showInformationMessage(vscode.l10n.t('Biaozhu analyzed {0} of {1} pages.', done, pages.length));
      return done;
    }),
    /**
     * `{ query }` (e.g. `ORG 合作社`) returns the hits without asking; otherwise asks for a query and
     * opens the chosen hit at its span.
     */
    registerCommand(CorpusCommands.searchAnnotations, log, async (arg?: { query?: unknown }) => {
      const query = typeof arg?.query === 'string' ? arg.query
        : await vscode.window.showInputBox({ prompt: vscode.l10n.t('Label and text, e.g. "ORG 合作社", "PER", "* /^王/"'), placeHolder: 'ORG 合作社' });
      if (!query) return [];
      let parsed;
      try {
        parsed = parseQuery(query);
      } catch (e) {
        if (e instanceof QueryError) {
          void vscode.window.showWarningMessage(e.message);
          return [];
        }
        throw e;
      }
      const pages = await loadPages(store);
      const uriOf = new Map(pages.map(p => [p.path, p.uri] as const));
      const hits = searchCorpus(pages, parsed).map(h => ({ ...h, uri: uriOf.get(h.path)! }));
      if (typeof arg?.query === 'string') return hits.map(h => ({ uri: h.uri, start: h.annotation.start, end: h.annotation.end, label: h.annotation.label, text: h.annotation.text }));
      const chosen = await vscode.window.showQuickPick(hits.map(h => ({
        label: `${String(h.annotation.label)}  ${h.annotation.text}`,
        description: h.path,
        detail: `${h.before}【${h.annotation.text}】${h.after}`.replace(/\s+/g, ' '),
        hit: h,
      })), { placeHolder: vscode.l10n.t('{0} annotations found', hits.length), matchOnDescription: true, matchOnDetail: true });
      if (!chosen) return [];
      const doc = await vscode.workspace.openTextDocument(chosen.hit.uri);
      const range = new vscode.Range(doc.positionAt(chosen.hit.annotation.start), doc.positionAt(chosen.hit.annotation.end));
      await vscode.window.showTextDocument(doc, { selection: range, preview: false });
      return [];
    }),
  ];
}
