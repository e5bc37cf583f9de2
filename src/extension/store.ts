/**
 * The annotation store: the host owns each document's annotations, articles, column breaks and orphans.
 * It loads the sidecar when a page opens, merges automatic analyses without touching user work, moves
 * offsets through every edit, re-anchors after outside changes, and saves (debounced, atomic, serialised).
 */
import { readFileSync, statSync } from 'fs';
import * as vscode from 'vscode';
import { reattachOrphans } from '../core/anchor';
import { sha256 } from '../core/document';
import { isUserWork, mergeAnalysis } from '../core/merge';
import { afterOutsideChange, afterReopen, withoutContext, type OutsideChangeReport } from '../core/outsideChange';
import { trackEdit } from '../core/tracking';
import type { AnalyzeOptions, Annotation, Article, ColumnBreak } from '../core/types';
import { AnalysisClient, CancelledError, type ProgressSink } from './analysisClient';
import type { Config } from './config';
import { toTextEdit } from './ranges';
import { hasSidecar, loadSidecar, sidecarBytes, sidecarUriFor, SidecarWriter } from './sidecar';

const SAVE_DELAY_MS = 400;
const REANALYSE_DELAY_MS = 1200;
/** Large pages are saved and re-analysed less often: each costs the host hundreds of milliseconds there. */
const LARGE_SAVE_DELAY_MS = 3000;
const LARGE_REANALYSE_DELAY_MS = 10_000;
/** Above this size the progress is a cancellable notification rather than the status bar spinner. */
const LARGE_DOCUMENT_CHARS = 500_000;

export interface DocState {
  readonly uri: vscode.Uri;
  /** The text the offsets refer to: the document's text as last seen. */
  text: string;
  annotations: Annotation[];
  articles: Article[];
  columnBreaks: ColumnBreak[];
  /** Items that could not be re-anchored after an outside change: kept and shown, never dropped. */
  orphans: Annotation[];
  analysing: boolean;
  loading: boolean;
  analysedOnce: boolean;
  /** Why the sidecar must not be written (a corrupt sidecar the user has not agreed to replace). */
  saveBlocked?: string;
  sizeApproved?: boolean;
  cts?: vscode.CancellationTokenSource;
  saveTimer?: ReturnType<typeof setTimeout>;
  reanalyseTimer?: ReturnType<typeof setTimeout>;
  /** The last content this store wrote, to tell its own writes from outside changes. */
  lastWritten?: Buffer;
  writeErrorShown?: boolean;
}

const stripBlocks = (articles: readonly Article[]): Article[] => articles.map(({ blocks: _blocks, ...a }) => a);

export class AnnotationStore implements vscode.Disposable {
  private readonly states = new Map<string, DocState>();
  private readonly opening = new Map<string, Promise<DocState>>();
  /** Operations running per document (open, analyse), so whenIdle never sees a gap between their steps. */
  private readonly inFlight = new Map<string, number>();
  private readonly seen = new WeakSet<vscode.TextDocument>();
  private readonly emitter = new vscode.EventEmitter<DocState>();
  /** Fires after any change to a document's annotations, articles, orphans or busy state. */
  readonly onDidChange = this.emitter.event;
  private readonly writer = new SidecarWriter();
  /** The last save queued per page (building its text, then writing it). */
  private readonly saves = new Map<string, Promise<void>>();
  private readonly disposables: vscode.Disposable[] = [];
  // >>> corpus hook (issue 7, src/extension/corpus): learned lexicon in, saved annotations out.
  /** Extra options for every analysis (the learned workspace lexicon); set by the corpus module. */
  extraOptions: () => Partial<AnalyzeOptions> = () => ({});
  private readonly savedEmitter = new vscode.EventEmitter<DocState>();
  /** Fires after a document's sidecar was written. */
  readonly onDidSave = this.savedEmitter.event;
  // <<< corpus hook

  constructor(private readonly config: Config, private readonly client: AnalysisClient, private readonly log: vscode.LogOutputChannel) {
    this.disposables.push(
      this.emitter,
      vscode.workspace.onDidOpenTextDocument(doc => void this.open(doc)),
      vscode.workspace.onDidChangeTextDocument(e => this.onEdit(e)),
      vscode.workspace.onDidSaveTextDocument(doc => void this.flush(doc.uri)),
      vscode.workspace.onDidCloseTextDocument(doc => this.onClose(doc)),
      vscode.workspace.onDidRenameFiles(e => void this.onRename(e)),
      vscode.workspace.onDidDeleteFiles(e => this.onDelete(e)),
      config.onDidChange(changed => {
        if (changed.has('analyzers')) for (const s of this.states.values()) if (s.analysedOnce) this.scheduleReanalysis(s, 0);
      }),
    );
    for (const doc of vscode.workspace.textDocuments) void this.open(doc);
  }

  get(uri: vscode.Uri): DocState | undefined {
    return this.states.get(uri.toString());
  }

  sidecarUri(uri: vscode.Uri): vscode.Uri {
    return sidecarUriFor(uri, this.config.value.sidecar.location);
  }

  /** Plain-text pages on disk or untitled are annotated when they open; other documents on request. */
  private wantsOnOpen(doc: vscode.TextDocument): boolean {
    return doc.languageId === 'plaintext' && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled')
      && !doc.uri.path.includes('/.biaozhu/'); // corpus hook: Biaozhu's own files (the learned lexicon) are not pages
  }

  private async busy<T>(uri: vscode.Uri, run: () => Promise<T>): Promise<T> {
    const key = uri.toString();
    this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);
    try {
      return await run();
    } finally {
      const n = (this.inFlight.get(key) ?? 1) - 1;
      if (n > 0) this.inFlight.set(key, n);
      else this.inFlight.delete(key);
    }
  }

  /** Starts annotating `doc` as on open (load its sidecar, or analyse it); does nothing the second time. */
  open(doc: vscode.TextDocument): Promise<void> {
    if (this.seen.has(doc)) return Promise.resolve();
    this.seen.add(doc);
    return this.busy(doc.uri, () => this.onOpen(doc));
  }

  private async onOpen(doc: vscode.TextDocument): Promise<void> {
    if (!this.wantsOnOpen(doc) && !(hasSidecar(doc.uri) && await exists(this.sidecarUri(doc.uri)))) return;
    const state = await this.track(doc);
    if (!state.analysedOnce && !state.saveBlocked && state.annotations.length === 0 && this.config.value.autoAnalyze && this.wantsOnOpen(doc)) {
      await this.analyse(doc, { interactive: false });
    }
  }

  /** The state of `doc`, created (and its sidecar loaded) on first use. */
  track(doc: vscode.TextDocument): Promise<DocState> {
    const key = doc.uri.toString();
    const known = this.states.get(key);
    if (known) return Promise.resolve(known);
    let pending = this.opening.get(key);
    if (!pending) {
      pending = this.load(doc).finally(() => this.opening.delete(key));
      this.opening.set(key, pending);
    }
    return pending;
  }

  private async load(doc: vscode.TextDocument): Promise<DocState> {
    const state: DocState = {
      uri: doc.uri, text: doc.getText(), annotations: [], articles: [], columnBreaks: [], orphans: [],
      analysing: false, loading: true, analysedOnce: false,
    };
    this.states.set(doc.uri.toString(), state);
    try {
      if (hasSidecar(doc.uri)) await this.loadInto(state, doc);
    } finally {
      state.loading = false;
      this.emitter.fire(state);
    }
    return state;
  }

  private async loadInto(state: DocState, doc: vscode.TextDocument): Promise<void> {
    const sidecar = this.sidecarUri(doc.uri);
    await this.saves.get(doc.uri.toString())?.catch(() => undefined);
    await this.writer.settled(sidecar);
    const result = await loadSidecar(sidecar);
    state.text = doc.getText();
    if (result.kind === 'none') return;
    if (result.kind === 'unreadable') {
      state.saveBlocked = result.message;
      void vscode.window.showErrorMessage(vscode.l10n.t('Cannot read the annotations in {0}: {1}', sidecar.fsPath, result.message));
      return;
    }
    if (result.kind === 'corrupt') {
      state.saveBlocked = result.problem.message;
      void this.askStartClean(state, doc, sidecar, result.problem, result.backup);
      return;
    }
    const { doc: saved, orphans } = result.content;
    if (saved.document.sha256 === sha256(state.text) && saved.document.length === state.text.length) {
      state.annotations = saved.annotations.map(withoutContext);
      state.articles = saved.articles;
      state.columnBreaks = saved.columnBreaks;
      state.orphans = orphans;
      state.analysedOnce = true;
      state.lastWritten = undefined;
      // Orphans of an earlier version come home when their text and context are on the page again.
      const home = reattachOrphans(state.text, state.annotations, orphans);
      if (home.reattached.length > 0) {
        state.annotations = home.annotations;
        state.orphans = home.orphans;
        this.reportOutsideChange(doc.uri, { moved: 0, reattached: home.reattached.length, orphaned: 0, reasons: {}, droppedSuggestions: 0 });
        this.scheduleSave(state);
      }
      return;
    }
    // The page changed while the sidecar was not watching (another program, git): each item is found again
    // by its saved quote and context, uniquely, or kept as an orphan.
    const { items, report } = afterReopen(state.text, { annotations: saved.annotations, orphans });
    Object.assign(state, items);
    this.reportOutsideChange(doc.uri, report);
    this.scheduleSave(state);
    if (this.config.value.autoAnalyze) this.scheduleReanalysis(state, 0);
  }

  /** One message per outside change, with counts; the reasons go to the log. */
  private reportOutsideChange(uri: vscode.Uri, r: OutsideChangeReport): void {
    this.log.info(`${uri.fsPath} changed outside the editor: ${r.moved} moved, ${r.reattached} re-attached, ${r.orphaned} orphaned ${JSON.stringify(r.reasons)}, ${r.droppedSuggestions} unreviewed suggestions dropped`);
    if (r.moved + r.reattached + r.orphaned === 0) return;
    const message = vscode.l10n.t('{0} changed outside the editor: {1} annotations moved, {2} re-attached, {3} kept as orphans in the side panel.', baseName(uri), r.moved, r.reattached, r.orphaned);
    if (r.orphaned > 0) void vscode.window.showWarningMessage(message);
    else void vscode.window.showInformationMessage(message);
  }

  private async askStartClean(state: DocState, doc: vscode.TextDocument, sidecar: vscode.Uri, problem: { message: string; line?: number; column?: number }, backup: vscode.Uri): Promise<void> {
    const where = problem.line ? `${sidecar.fsPath}:${problem.line}:${problem.column}` : sidecar.fsPath;
    const startClean = vscode.l10n.t('Start Clean');
    const open = vscode.l10n.t('Open Sidecar');
    this.log.warn(`corrupt sidecar ${where}: ${problem.message}; copy kept as ${backup.fsPath}`);
    const choice = await vscode.window.showErrorMessage(
      vscode.l10n.t('The annotations file {0} is damaged ({1}). It will not be overwritten; a copy was kept as {2}. Start with fresh annotations?', where, problem.message, baseName(backup)),
      startClean, open);
    if (choice === open) {
      const file = await vscode.workspace.openTextDocument(sidecar);
      await vscode.window.showTextDocument(file, { selection: problem.line ? new vscode.Range(problem.line - 1, (problem.column ?? 1) - 1, problem.line - 1, (problem.column ?? 1) - 1) : undefined });
    } else if (choice === startClean && this.states.get(doc.uri.toString()) === state) {
      state.saveBlocked = undefined;
      this.scheduleSave(state);
      await this.analyse(doc, { interactive: true });
    }
  }

  /** Runs an automatic analysis of `doc` in the worker and merges it without touching user work. */
  analyse(doc: vscode.TextDocument, opts: { interactive: boolean }): Promise<void> {
    return this.busy(doc.uri, () => this.runAnalysis(doc, opts));
  }

  private async runAnalysis(doc: vscode.TextDocument, opts: { interactive: boolean }): Promise<void> {
    const state = await this.track(doc);
    const text = doc.getText();
    if (text.includes('\u0000')) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} looks binary (it contains NUL bytes); Biaozhu does not analyze it.', baseName(doc.uri)));
      return;
    }
    if (!(await this.sizeAllowed(state, doc, text, opts.interactive))) return;
    state.cts?.cancel();
    const cts = new vscode.CancellationTokenSource();
    state.cts = cts;
    state.analysing = true;
    this.emitter.fire(state);
    const version = doc.version;
    const { analyzers } = this.config.value;
    const run = (token: vscode.CancellationToken, progress?: ProgressSink) => this.client.run(text, { ...analyzers, ...this.extraOptions() }, token, progress);
    try {
      const analysis = text.length > LARGE_DOCUMENT_CHARS
        ? await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Biaozhu: analyzing {0}…', baseName(doc.uri)), cancellable: true }, (p, token) => {
          const sub = token.onCancellationRequested(() => cts.cancel());
          let shown = 0;
          const report = (percent: number) => {
            if (percent <= shown) return;
            p.report({ increment: percent - shown, message: vscode.l10n.t('about {0}%', percent) });
            shown = percent;
          };
          return run(cts.token, report).finally(() => sub.dispose());
        })
        : await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Biaozhu: analyzing') }, () => run(cts.token));
      if (state.cts !== cts || cts.token.isCancellationRequested || this.states.get(doc.uri.toString()) !== state) return;
      if (doc.version !== version || state.text !== text) {
        // Edited while the worker ran: these offsets are stale, so analyse the new text once the edits pause.
        this.scheduleReanalysis(state);
        return;
      }
      // Without user work the merge is the fresh list itself; skipping it saves a copy and sort of every item.
      state.annotations = state.annotations.some(isUserWork) ? mergeAnalysis(state.annotations, analysis.annotations) : analysis.annotations;
      state.articles = stripBlocks(analysis.articles);
      state.columnBreaks = analysis.columnBreaks;
      state.analysedOnce = true;
      // Announced while still analysing, so listeners can tell this replacement from a person's decision.
      this.emitter.fire(state);
      this.scheduleSave(state);
    } catch (e) {
      if (e instanceof CancelledError) return;
      this.log.error(`analysis of ${doc.uri.toString()} failed: ${(e as Error).message}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Biaozhu could not analyze {0}: {1}', baseName(doc.uri), (e as Error).message));
    } finally {
      if (state.cts === cts) {
        state.cts = undefined;
        state.analysing = false;
        this.emitter.fire(state);
      }
      cts.dispose();
    }
  }

  private async sizeAllowed(state: DocState, doc: vscode.TextDocument, text: string, interactive: boolean): Promise<boolean> {
    const limitMB = this.config.value.maxFileSizeMB;
    const sizeMB = Buffer.byteLength(text, 'utf8') / (1024 * 1024);
    if (limitMB <= 0 || sizeMB <= limitMB || state.sizeApproved) return true;
    const go = vscode.l10n.t('Analyze');
    const message = vscode.l10n.t('{0} is {1} MB, above the biaozhu.maxFileSizeMB limit of {2} MB. Analyze it anyway?', baseName(doc.uri), sizeMB.toFixed(1), limitMB);
    if (!interactive) {
      // Opened, not asked for: offer it without holding the document busy until someone answers.
      void vscode.window.showWarningMessage(message, go).then(choice => {
        if (choice !== go) return;
        state.sizeApproved = true;
        void this.analyse(doc, { interactive: true });
      });
      return false;
    }
    const choice = await vscode.window.showWarningMessage(message, { modal: true }, go);
    if (choice !== go) return false;
    state.sizeApproved = true;
    return true;
  }

  private scheduleReanalysis(state: DocState, delay = state.text.length > LARGE_DOCUMENT_CHARS ? LARGE_REANALYSE_DELAY_MS : REANALYSE_DELAY_MS): void {
    if (state.reanalyseTimer) clearTimeout(state.reanalyseTimer);
    state.reanalyseTimer = setTimeout(() => {
      state.reanalyseTimer = undefined;
      const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === state.uri.toString());
      if (doc && this.states.get(doc.uri.toString()) === state) void this.analyse(doc, { interactive: false });
    }, delay);
  }

  /** Moves every span through the edits of one change event (each change in the order given). */
  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    const state = this.get(e.document.uri);
    if (!state || e.contentChanges.length === 0) return;
    const oldText = state.text;
    const newText = e.document.getText();
    if (oldText === newText) return;
    const outside = this.isReloadFromDisk(e, newText);
    if (outside) {
      // Reloaded from disk (another program, git, revert): move each item through a diff of the two texts;
      // what lost its own text or context is an orphan, never a guess; orphans whose text is back come home.
      const { items, report } = afterOutsideChange(oldText, newText, state);
      Object.assign(state, items);
      this.reportOutsideChange(e.document.uri, report);
    } else {
      let { annotations, articles, columnBreaks } = state;
      for (const change of e.contentChanges) {
        const edit = toTextEdit(change);
        annotations = trackEdit(annotations, edit).kept;
        articles = trackEdit(articles, edit).kept;
        columnBreaks = trackEdit(columnBreaks, edit).kept;
      }
      // Only spans an edit landed inside changed their text; startsWith checks the rest without a copy each.
      state.annotations = annotations.map(a =>
        a.end - a.start === a.text.length && newText.startsWith(a.text, a.start) ? a : { ...a, text: newText.slice(a.start, a.end) });
      state.articles = articles;
      state.columnBreaks = columnBreaks;
    }
    state.text = newText;
    this.emitter.fire(state);
    this.scheduleSave(state);
    if (this.config.value.autoAnalyze && state.analysedOnce) this.scheduleReanalysis(state);
  }

  /**
   * A change that made the document equal to the page on disk, while it was clean and not by undo/redo:
   * VS Code reloaded it after another program changed the file (or it was reverted). Its dirty flag is
   * not yet updated when a first user edit arrives, so the flag alone cannot tell; the disk is read only
   * on that first change after a clean state.
   */
  private isReloadFromDisk(e: vscode.TextDocumentChangeEvent, newText: string): boolean {
    if (e.reason !== undefined || e.document.isDirty || e.document.uri.scheme !== 'file') return false;
    try {
      // Reading a large page takes hundreds of milliseconds; a size that differs settles it without reading.
      const size = statSync(e.document.uri.fsPath).size;
      const bytes = Buffer.byteLength(newText, 'utf8');
      if (size !== bytes && size !== bytes + 3 /* a UTF-8 BOM */) return false;
      return readFileSync(e.document.uri.fsPath, 'utf8').replace(/^\uFEFF/, '') === newText;
    } catch {
      return false;
    }
  }

  /** Replaces the annotations of `uri` with `f(annotations)`; false when the document is not annotated. */
  update(uri: vscode.Uri, f: (annotations: Annotation[]) => Annotation[]): boolean {
    const state = this.get(uri);
    if (!state) return false;
    state.annotations = f(state.annotations);
    this.emitter.fire(state);
    this.scheduleSave(state);
    return true;
  }

  /** Replaces the derived structure (from an import of the same text). */
  setStructure(uri: vscode.Uri, articles: Article[], columnBreaks: ColumnBreak[]): void {
    const state = this.get(uri);
    if (!state) return;
    state.articles = stripBlocks(articles);
    state.columnBreaks = columnBreaks;
    this.emitter.fire(state);
    this.scheduleSave(state);
  }

  removeOrphans(uri: vscode.Uri, ids: ReadonlySet<string>): void {
    const state = this.get(uri);
    if (!state) return;
    state.orphans = state.orphans.filter(o => !ids.has(o.id));
    this.emitter.fire(state);
    this.scheduleSave(state);
  }

  private scheduleSave(state: DocState): void {
    if (!hasSidecar(state.uri)) return;
    if (state.saveTimer) clearTimeout(state.saveTimer);
    state.saveTimer = setTimeout(() => {
      state.saveTimer = undefined;
      void this.save(state);
    }, state.text.length > LARGE_DOCUMENT_CHARS ? LARGE_SAVE_DELAY_MS : SAVE_DELAY_MS);
  }

  /** Writes a pending save now (the page was saved, or is closing). */
  async flush(uri: vscode.Uri): Promise<void> {
    const state = this.get(uri);
    if (!state || !hasSidecar(uri)) return;
    if (state.saveTimer) clearTimeout(state.saveTimer);
    state.saveTimer = undefined;
    await this.save(state);
  }

  /**
   * Saves one after another per page (across a close and reopen too): each builds its text over several
   * event-loop turns, so a later save must not overtake an earlier one.
   */
  private save(state: DocState): Promise<void> {
    const key = state.uri.toString();
    const next = (this.saves.get(key) ?? Promise.resolve()).catch(() => undefined).then(() => this.busy(state.uri, () => this.saveNow(state)));
    this.saves.set(key, next);
    void next.finally(() => { if (this.saves.get(key) === next) this.saves.delete(key); });
    return next;
  }

  private async saveNow(state: DocState): Promise<void> {
    if (state.saveBlocked || state.loading) return;
    const target = this.sidecarUri(state.uri);
    // A snapshot: edits during the build replace these arrays (never mutate them) and schedule another save.
    const content = await sidecarBytes(state.uri, state.text, { ...state, labels: this.config.value.labels });
    if (state.lastWritten?.equals(content)) return;
    try {
      state.lastWritten = content;
      await this.writer.write(target, content);
      state.writeErrorShown = false;
      this.savedEmitter.fire(state); // corpus hook
    } catch (e) {
      state.lastWritten = undefined;
      const err = e as NodeJS.ErrnoException;
      this.log.error(`cannot write ${target.fsPath}: ${err.message}`);
      if (!state.writeErrorShown) {
        state.writeErrorShown = true;
        const why = err.code === 'EACCES' || err.code === 'EPERM' || err.code === 'EROFS'
          ? vscode.l10n.t('the folder is read-only')
          : err.message;
        void vscode.window.showErrorMessage(vscode.l10n.t('Cannot save the annotations of {0} to {1}: {2}. They are kept while the page is open; use Export Annotations… or set biaozhu.sidecar.location to "folder".', baseName(state.uri), target.fsPath, why));
      }
    }
  }

  /** True when `content` is exactly what this store last wrote to the sidecar of `page`. */
  isOwnWrite(page: vscode.Uri, content: Buffer): boolean {
    return this.get(page)?.lastWritten?.equals(content) === true;
  }

  /** Writes the sidecar of `uri` now even if this store thinks it is current (it was changed or deleted outside). */
  async rewrite(uri: vscode.Uri): Promise<void> {
    const state = this.get(uri);
    if (!state) return;
    state.lastWritten = undefined;
    await this.flush(uri);
  }

  /** The annotated documents, for watchers that map a sidecar back to its page. */
  documents(): vscode.Uri[] {
    return [...this.states.values()].map(s => s.uri);
  }

  /** Drops the in-memory state of `uri` and loads it again from its sidecar. */
  async reload(doc: vscode.TextDocument): Promise<void> {
    this.forget(doc.uri);
    await this.track(doc);
  }

  private forget(uri: vscode.Uri): void {
    const state = this.get(uri);
    if (!state) return;
    state.cts?.cancel();
    if (state.saveTimer) clearTimeout(state.saveTimer);
    if (state.reanalyseTimer) clearTimeout(state.reanalyseTimer);
    this.states.delete(uri.toString());
    this.emitter.fire(state);
  }

  private onClose(doc: vscode.TextDocument): void {
    this.seen.delete(doc);
    const state = this.get(doc.uri);
    if (!state) return;
    const unsaved = state.saveTimer !== undefined;
    this.forget(doc.uri);
    // The write is queued before any reopen reads the sidecar (loads wait for queued writes).
    if (unsaved) void this.save(state);
  }

  private async onRename(e: vscode.FileRenameEvent): Promise<void> {
    for (const { oldUri, newUri } of e.files) {
      if (!hasSidecar(oldUri)) continue;
      await this.flush(oldUri);
      this.forget(oldUri);
      const from = this.sidecarUri(oldUri);
      const to = this.sidecarUri(newUri);
      if (!(await exists(from))) continue;
      try {
        if (await exists(to)) throw new Error(vscode.l10n.t('{0} already exists', to.fsPath));
        await vscode.workspace.fs.rename(from, to);
        const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === newUri.toString());
        if (doc) await this.reload(doc);
      } catch (err) {
        void vscode.window.showWarningMessage(vscode.l10n.t('{0} was renamed but its annotations stay in {1}: {2}', baseName(oldUri), from.fsPath, (err as Error).message));
      }
    }
  }

  private onDelete(e: vscode.FileDeleteEvent): void {
    for (const uri of e.files) {
      if (!hasSidecar(uri)) continue;
      const sidecar = this.sidecarUri(uri);
      void exists(sidecar).then(found => {
        if (found) void vscode.window.showInformationMessage(vscode.l10n.t('{0} was deleted; its annotations are kept in {1}.', baseName(uri), sidecar.fsPath));
      });
    }
  }

  /** Nothing in flight for `uri`: no load, analysis, scheduled re-analysis, or save. */
  isIdle(uri: vscode.Uri): boolean {
    const key = uri.toString();
    if (this.opening.has(key) || this.inFlight.has(key)) return false;
    const state = this.states.get(key);
    if (!state) return true;
    return !state.loading && !state.analysing && !state.saveTimer && !state.reanalyseTimer && !this.writer.pending(this.sidecarUri(uri));
  }

  /** Resolves once nothing is in flight for `uri` and `also()` holds (checked every 25 ms). */
  async whenIdle(uri: vscode.Uri, also: () => boolean = () => true): Promise<void> {
    while (!(this.isIdle(uri) && also())) await sleep(25);
  }

  /** Resolves once the document is loaded and no analysis runs (saves may still be pending). */
  async whenSettled(uri: vscode.Uri): Promise<void> {
    const settled = () => {
      const s = this.get(uri);
      return !this.opening.has(uri.toString()) && (!s || (!s.loading && !s.analysing));
    };
    while (!settled()) await sleep(25);
  }

  dispose(): void {
    for (const state of this.states.values()) {
      state.cts?.cancel();
      if (state.reanalyseTimer) clearTimeout(state.reanalyseTimer);
      if (state.saveTimer) {
        clearTimeout(state.saveTimer);
        void this.save(state);
      }
    }
    for (const d of this.disposables) d.dispose();
    this.savedEmitter.dispose(); // corpus hook
  }
}

const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
