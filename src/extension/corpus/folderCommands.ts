/** "Analyze Folder" and "Search Annotations…": the workspace as a corpus. */
import { promises as fs } from 'fs';
import * as vscode from 'vscode';
import { messageOf } from '../../core/errors';
import type { Analysis, AnnotationDocument } from '../../core/types';
import type { PageAnalysisOptions } from '../../node/pageDocument';
import type { PageResult, RecordTask } from '../../node/pageWorker';
import { runPool } from '../../node/workerPool';
import { parseQuery, QueryError, searchCorpus } from '../../core/corpus/search';
import { registerCommand } from '../commands/register';
import type { AnnotationStore } from '../store';
import { exists } from '../util/uris';
import { CorpusCommands } from './ids';
import { findPages, loadPages } from './workspacePages';

/** The worker pool Analyze Folder uses: the command line's page worker, how many threads, and the options. */
export interface FolderPool {
  script: string;
  jobs: number;
  options(): Promise<PageAnalysisOptions>;
}

/** The analysis a page worker's document holds, as the store merges it (relations only when they were asked for). */
function analysisOf(doc: AnnotationDocument, relations: boolean): Analysis {
  return { articles: doc.articles, columnBreaks: doc.columnBreaks, annotations: doc.annotations, ...(relations ? { relations: doc.relations ?? [] } : {}) };
}

export function registerFolderCommands(store: AnnotationStore, pool: FolderPool, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    /**
     * Pre-annotates every .txt page under the folder. The pages are analysed on a pool of worker threads
     * (the command line's, one per core); each result is handed to the store, whose merge keeps user work
     * and whose writer saves the sidecar, one page at a time. A page whose text changed in between (open and
     * edited) is analysed again by the store. Returns how many pages were analysed (with `{ report: true }`,
     * for scripts and tests: also how many of them the pool analysed, and on how many threads).
     */
    registerCommand(CorpusCommands.analyzeFolder, log, async (folder?: vscode.Uri, how?: { report?: unknown }) => {
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
      const options = await pool.options();
      let pooled = 0;
      const done = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Biaozhu: analyzing the folder'), cancellable: true }, async (progress, token) => {
        let n = 0;
        async function* tasks(): AsyncGenerator<RecordTask & { uri: vscode.Uri }> {
          for (const uri of pages) {
            if (token.isCancellationRequested) return;
            let text: string;
            try {
              text = await fs.readFile(uri.fsPath, 'utf8');
            } catch (e) {
              log.warn(`Analyze Folder: ${uri.fsPath}: ${messageOf(e)}`);
              continue;
            }
            yield { kind: 'record', path: uri.fsPath, text, uri };
          }
        }
        await runPool<RecordTask & { uri: vscode.Uri }, PageResult>(pool.script, options, pool.jobs, tasks(), async (task, result) => {
          const { uri } = task;
          if (result instanceof Error || !result.ok) log.warn(`Analyze Folder: ${result.message}; the page is analysed in the editor's worker instead`);
          else if (result.json) {
            store.offer(uri, task.text, analysisOf(JSON.parse(result.json) as AnnotationDocument, options.relations === true));
            pooled++;
          }
          try {
            const fresh = !(await exists(store.sidecarUri(uri)));
            const doc = await vscode.workspace.openTextDocument(uri);
            // Opening a fresh page analyses it already (autoAnalyze); a page with a sidecar gets a merge of a new analysis.
            await store.open(doc);
            if (!fresh || !store.get(uri)?.analysedOnce) await store.analyse(doc, { interactive: false });
            await store.whenIdle(uri);
            await store.flush(uri);
            n++;
            progress.report({ message: vscode.l10n.t('{0} ({1} of {2})', vscode.workspace.asRelativePath(uri), n, pages.length), increment: 100 / pages.length });
          } finally {
            store.withdrawOffer(uri);
          }
        });
        return n;
      });
      log.info(`Analyze Folder: ${done} of ${pages.length} pages, ${pooled} analysed on ${pool.jobs} pool threads`);
      void vscode.window.showInformationMessage(vscode.l10n.t('Biaozhu analyzed {0} of {1} pages.', done, pages.length));
      return how?.report === true ? { analysed: done, pooled, jobs: pool.jobs } : done;
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
