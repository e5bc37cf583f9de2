/**
 * (Over 300 lines on purpose: the page's state and every transition of it stay in one class, so no other
 * file can change a page except through these methods. What it says to the user lives in dialogs.ts.)
 *
 * One open page: the only owner of its text, annotations, timers, analysis cancellation, save chain and
 * busy count. Others read it through `PageView` (getters only); every change goes through a method here,
 * which announces it, schedules the save and fires `onDidBecomeIdle` once nothing is left running.
 * Life: created by the store when a page opens → `load` (sidecar) → edits, analyses, saves → `close`
 * (a pending save is still written) → disposed.
 */
import { promises as fs } from 'fs';
import * as vscode from 'vscode';
import { analyzeWithoutEntities } from '../../core/analyze';
import { reattachOrphans } from '../../core/anchor';
import { afterOutsideChange, afterReopen, withoutContext } from '../../core/outsideChange';
import type { ActionResult } from '../../core/actions';
import { carryArticleLabels } from '../../core/articleLabels';
import { stripBlocks } from '../../core/articles';
import { sha256 } from '../../core/document';
import { emptyHistory, record, redo, trackHistory, undo, type History } from '../../core/history';
import { isUserWork, mergeAnalysis } from '../../core/merge';
import { mergeRelationSuggestions } from '../../core/relations';
import type { Change, Description, PageState } from '../../core/pageChange';
import { applyTextEdit, trackEdit } from '../../core/tracking';
import type { Analysis, AnalyzeOptions, Annotation, Article, ColumnBreak, Relation } from '../../core/types';
import { type AnalysisClient, CancelledError } from '../analysisClient';
import type { Config } from '../config';
import { toTextEdit } from '../ranges';
import { hasSidecar, loadSidecar, sidecarBytes, writeSidecar, type TeamKeys } from '../sidecar';
import { sameBytes, type ByteParts } from '../../node/byteParts';
import { Disposable, timeout } from '../util/disposable';
import { openDocument } from '../util/uris';
import * as dialogs from './dialogs';

const SAVE_DELAY_MS = 400;
const REANALYSE_DELAY_MS = 1200;
/** Pages up to this size get numbers and articles from the host while the worker loads (a seed page of
 * 5,400 characters: 33–68 ms on a 2-core machine at load average 35, a few ms idle; it grows with the text). */
const QUICK_RESULT_MAX_CHARS = 20_000;
/** Large pages are saved and re-analysed less often: each costs the host hundreds of milliseconds there. */
const LARGE_SAVE_DELAY_MS = 3000;
const LARGE_REANALYSE_DELAY_MS = 10_000;

/** What readers may see of a page. */
export interface PageView {
  readonly uri: vscode.Uri;
  /** The text the offsets refer to: the document's text as last seen. */
  readonly text: string;
  readonly annotations: readonly Annotation[];
  readonly articles: readonly Article[];
  readonly columnBreaks: readonly ColumnBreak[];
  /** Items that could not be re-anchored after an outside change: kept and shown, never dropped. */
  readonly orphans: readonly Annotation[];
  /** Links between annotations (or orphans), by id; those whose end is gone are left out when saving. */
  readonly relations: readonly Relation[];
  /** The page's labels (`document.labels`). */
  readonly pageLabels: readonly string[];
  /** The annotation work an action sees (annotations, relations, articles, page labels). */
  readonly pageState: PageState;
  /** The team's sidecar keys (review mark, merge conflicts), written back as loaded unless changed through `updateTeam`. */
  readonly team: TeamKeys;
  readonly loading: boolean;
  readonly analysing: boolean;
  readonly analysedOnce: boolean;
  /** Why the sidecar is not written (it is corrupt or unreadable and the user has not agreed to replace it). */
  readonly saveBlocked: string | undefined;
  /** Nothing in flight: no load, analysis, edit check, scheduled re-analysis or save. */
  readonly idle: boolean;
}

/** What a page needs from the extension; the store passes it in. */
export interface PageServices {
  readonly config: Config;
  readonly client: AnalysisClient;
  readonly log: vscode.LogOutputChannel;
  /** Extra options for every analysis (the learned workspace lexicon). */
  analysisOptions(): Promise<Partial<AnalyzeOptions>>;
  sidecarUri(page: vscode.Uri): vscode.Uri;
  /** Called after any change to the page's data or activity. */
  changed(page: OpenPage): void;
  /** Called after the page's sidecar was written. */
  saved(page: OpenPage): void;
}

type Data = Pick<PageView, 'annotations' | 'articles' | 'columnBreaks' | 'orphans' | 'relations' | 'pageLabels'>;

export class OpenPage extends Disposable implements PageView {
  private _text: string;
  private data: Data = { annotations: [], articles: [], columnBreaks: [], orphans: [], relations: [], pageLabels: [] };
  /** Undo/redo of annotation actions taken through `act` (text undo stays VS Code's). */
  private history: History = emptyHistory;
  private _team: TeamKeys = {};
  private _loading = true;
  private _analysing = false;
  private _analysedOnce = false;
  /** Why the sidecar must not be written (a corrupt sidecar the user has not agreed to replace). */
  private _saveBlocked?: string;
  private sizeApproved = false;
  private cts?: vscode.CancellationTokenSource;
  private saveTimer?: ReturnType<typeof timeout>;
  private reanalyseTimer?: ReturnType<typeof timeout>;
  /** Operations running (load, analysis, edit check, save), so idleness never shows a gap between their steps. */
  private busyCount = 0;
  /** The last save queued (building its text, then writing it): saves never overtake each other. */
  private saving: Promise<void> = Promise.resolve();
  /** Edits waiting behind an asynchronous reload-from-disk check, applied in order. */
  private edits?: Promise<void>;
  /** The last content written, to tell the page's own writes from outside changes. */
  private lastWritten?: ByteParts;
  private writeErrorShown = false;
  /** Closed or disposed: no more announcements, waiters released. */
  private stopped = false;
  private readonly activity = this._register(new vscode.EventEmitter<void>());
  private readonly becameIdle = this._register(new vscode.EventEmitter<void>());
  /** Fires each time the page becomes idle. */
  readonly onDidBecomeIdle = this.becameIdle.event;

  /** When the store took this page on (ms, performance clock): the first results are logged against it. */
  private readonly createdAt = performance.now();

  constructor(readonly uri: vscode.Uri, text: string, private readonly services: PageServices) {
    super();
    this._text = text;
  }

  get text(): string { return this._text; }
  get annotations(): readonly Annotation[] { return this.data.annotations; }
  get articles(): readonly Article[] { return this.data.articles; }
  get columnBreaks(): readonly ColumnBreak[] { return this.data.columnBreaks; }
  get orphans(): readonly Annotation[] { return this.data.orphans; }
  get relations(): readonly Relation[] { return this.data.relations; }
  get pageLabels(): readonly string[] { return this.data.pageLabels; }
  get pageState(): PageState {
    return { annotations: this.data.annotations, relations: this.data.relations, articles: this.data.articles, labels: this.data.pageLabels };
  }
  get team(): TeamKeys { return this._team; }
  get loading(): boolean { return this._loading; }
  get analysing(): boolean { return this._analysing; }
  get analysedOnce(): boolean { return this._analysedOnce; }
  get saveBlocked(): string | undefined { return this._saveBlocked; }
  get idle(): boolean {
    return this.stopped || (this.busyCount === 0 && !this._loading && !this._analysing && !this.saveTimer?.pending && !this.reanalyseTimer?.pending);
  }

  private get sidecar(): vscode.Uri {
    return this.services.sidecarUri(this.uri);
  }

  /** Resolves once `done()` holds (checked after each change of activity) or the page is disposed. */
  private until(done: () => boolean): Promise<void> {
    if (this.stopped || done()) return Promise.resolve();
    return new Promise(resolve => {
      const sub = this.activity.event(() => {
        if (!this.stopped && !done()) return;
        sub.dispose();
        resolve();
      });
    });
  }

  whenIdle(): Promise<void> {
    return this.until(() => this.idle);
  }

  /** Loaded and not analysing (saves may still be pending). */
  whenSettled(): Promise<void> {
    return this.until(() => !this._loading && !this._analysing);
  }

  /** Announces a change of data or activity. */
  private announce(): void {
    if (this.stopped) return;
    this.services.changed(this);
    this.activity.fire();
    if (this.idle) this.becameIdle.fire();
  }

  private async busy<T>(run: () => Promise<T>): Promise<T> {
    this.busyCount++;
    try {
      return await run();
    } finally {
      this.busyCount--;
      if (this.busyCount === 0) this.announce();
    }
  }

  private set(patch: Partial<Data>, save = true): void {
    this.data = { ...this.data, ...patch };
    this.announce();
    if (save) this.scheduleSave();
  }

  /** Loads the sidecar, after `previous` (a save of this page's last incarnation) is on disk. */
  load(doc: vscode.TextDocument, previous: Promise<void>): Promise<void> {
    return this.busy(async () => {
      try {
        await previous.catch(() => undefined);
        if (hasSidecar(this.uri)) await this.loadSidecar(doc);
      } finally {
        this._loading = false;
      }
    });
  }

  private async loadSidecar(doc: vscode.TextDocument): Promise<void> {
    const sidecar = this.sidecar;
    const result = await loadSidecar(sidecar);
    this._text = doc.getText();
    if (result.kind === 'none') return;
    if (result.kind === 'unreadable') {
      this._saveBlocked = result.message;
      dialogs.showUnreadable(sidecar, result.message);
      return;
    }
    if (result.kind === 'corrupt') {
      this._saveBlocked = result.problem.message;
      void dialogs.askStartClean(this.services.log, sidecar, result.problem, result.backup).then(startClean => {
        if (!startClean || this.stopped) return;
        this._saveBlocked = undefined;
        this.scheduleSave();
        void this.analyse(doc, true);
      });
      return;
    }
    const { doc: saved, orphans, team } = result.content;
    this._team = team;
    // Relations and labels name annotations and articles by id, so they stay valid whichever way the items are found again.
    const links = { relations: saved.relations ?? [], pageLabels: saved.document.labels ?? [] };
    if (saved.document.sha256 === sha256(this._text) && saved.document.length === this._text.length) {
      // Context is saved, not kept in memory (it goes stale with every edit). Orphans of an earlier version
      // come home when their text and context are on the page again.
      const home = reattachOrphans(this._text, saved.annotations.map(withoutContext), orphans);
      this.data = { annotations: home.annotations, articles: saved.articles, columnBreaks: saved.columnBreaks, orphans: home.orphans, ...links };
      this._analysedOnce = true;
      if (home.reattached.length > 0) {
        dialogs.reportOutsideChange(this.services.log, this.uri, { moved: 0, reattached: home.reattached.length, orphaned: 0, reasons: {}, droppedSuggestions: 0 });
        this.scheduleSave();
      }
      return;
    }
    // The page changed while the sidecar was not watching (another program, git): each item is found again
    // by its saved quote and context, uniquely, or kept as an orphan (src/core/outsideChange.ts).
    const { items, report } = afterReopen(this._text, { annotations: saved.annotations, orphans });
    this.data = { ...items, ...links };
    dialogs.reportOutsideChange(this.services.log, this.uri, report);
    this.scheduleSave();
    if (this.services.config.value.autoAnalyze) this.scheduleReanalysis(0);
  }

  /** A page with neither annotations nor a blocked sidecar that was never analysed: analyse it on open. */
  get wantsFirstAnalysis(): boolean {
    return !this._analysedOnce && !this._saveBlocked && this.data.annotations.length === 0;
  }

  /**
   * Runs an automatic analysis in the worker and merges it without touching user work. `made` is an analysis
   * made elsewhere (Analyze Folder's pool) of `made.text`: used instead of the worker when it is this text.
   */
  analyse(doc: vscode.TextDocument, interactive: boolean, made?: { text: string; analysis: Analysis }): Promise<void> {
    return this.busy(() => this.runAnalysis(doc, interactive, made));
  }

  private async runAnalysis(doc: vscode.TextDocument, interactive: boolean, made?: { text: string; analysis: Analysis }): Promise<void> {
    const text = doc.getText();
    if (text.includes('\u0000')) {
      dialogs.warnBinary(this.uri);
      return;
    }
    const { config, client } = this.services;
    if (!this.sizeApproved) {
      const allowed = await dialogs.sizeAllowed(this.uri, text, config.value.maxFileSizeMB, interactive, () => {
        this.sizeApproved = true;
        void this.analyse(doc, true);
      });
      if (!allowed || this.stopped) return;
      this.sizeApproved = true;
    }
    this.cts?.cancel();
    const cts = new vscode.CancellationTokenSource();
    this.cts = cts;
    this._analysing = true;
    this.announce();
    const version = doc.version;
    // A page's first results are logged (the cold-start figures); later analyses are logged by the client.
    const started = performance.now(), first = !this._analysedOnce;
    const took = (what: string) => {
      if (first) this.services.log.info(`${vscode.workspace.asRelativePath(this.uri)}: ${what} ${Math.round(performance.now() - started)} ms after the analysis was asked for, ${Math.round(performance.now() - this.createdAt)} ms after the page was taken on`);
    };
    try {
      const options = { ...config.value.analyzers, ...await this.services.analysisOptions() };
      if (made?.text === text) {
        if (this.stopped || this.cts !== cts || this._text !== text) return;
        this._analysedOnce = true;
        this.apply(made.analysis);
        return;
      }
      if (!client.ready && options.entities !== false && text.length <= QUICK_RESULT_MAX_CHARS) {
        // The worker is still loading jieba and the tagger (seconds): numbers, articles and column breaks
        // need neither, so they are shown now and the full result replaces them as suggestions.
        if (this.stopped || this.cts !== cts || this._text !== text) return;
        this.apply(analyzeWithoutEntities(text, options));
        took('numbers, articles and column breaks shown');
      }
      const analysis = await dialogs.withAnalysisProgress(this.uri, text.length, cts, progress => client.run(text, options, cts.token, progress));
      if (this.cts !== cts || cts.token.isCancellationRequested || this.stopped) return;
      if (doc.version !== version || this._text !== text) {
        // Edited while the worker ran: these offsets are stale, so analyse the new text once the edits pause.
        this.scheduleReanalysis();
        return;
      }
      this._analysedOnce = true;
      this.apply(analysis);
      took('the whole analysis shown');
    } catch (e) {
      if (!(e instanceof CancelledError)) dialogs.showAnalysisError(this.services.log, this.uri, e);
    } finally {
      if (this.cts === cts) {
        this.cts = undefined;
        this._analysing = false;
        this.announce();
      }
      cts.dispose();
    }
  }

  /** Puts an analysis of the current text in place: its suggestions replace the earlier ones, user work stays. */
  private apply(analysis: Analysis): void {
    // Without user work the merge is the fresh list itself; skipping it saves a copy and sort of every item.
    const annotations = this.data.annotations.some(isUserWork) ? mergeAnalysis(this.data.annotations, analysis.annotations) : analysis.annotations;
    // Suggested relations are replaced like suggested spans; the user's (made or reviewed) stay, and a
    // rejected one is never suggested again. A result without relations (the quick one) leaves them as they are.
    const relations = analysis.relations ? mergeRelationSuggestions(this.data.relations, analysis.relations, [...annotations, ...this.data.orphans]) : this.data.relations;
    // Announced while still analysing, so listeners can tell this replacement from a person's decision.
    this.set({ annotations, relations, articles: carryArticleLabels(this.data.articles, stripBlocks(analysis.articles)), columnBreaks: analysis.columnBreaks });
  }

  /** Analyses again after `delay` (the settings changed, or the text did). */
  scheduleReanalysis(delay = this._text.length > dialogs.LARGE_DOCUMENT_CHARS ? LARGE_REANALYSE_DELAY_MS : REANALYSE_DELAY_MS): void {
    this.reanalyseTimer?.dispose();
    this.reanalyseTimer = timeout(() => {
      const doc = openDocument(this.uri);
      if (doc && !this.stopped) void this.analyse(doc, false);
      else this.announce();
    }, delay);
  }

  /**
   * Moves every span through the edits of one change event. The first change after a clean state may be
   * VS Code reloading the file from disk, which needs a look at the disk; edits that arrive meanwhile wait.
   */
  onEdit(e: vscode.TextDocumentChangeEvent): void {
    const changes = e.contentChanges;
    const mayBeReload = e.reason === undefined && !e.document.isDirty && e.document.uri.scheme === 'file';
    if (!this.edits && !mayBeReload) {
      this.applyEdit(changes, e.document.getText(), false);
      return;
    }
    // A queued edit keeps only its changes, never a copy of the whole text: a burst of keystrokes queued
    // behind a disk check would otherwise hold one full copy each (gigabytes on a 5 MB page). Its text is
    // rebuilt from the held text when its turn comes; only a possible reload keeps the text to compare.
    const reloadText = mayBeReload ? e.document.getText() : undefined;
    const previousEdits = this.edits ?? Promise.resolve();
    const next = this.busy(async () => {
      await previousEdits;
      this.applyEdit(changes, reloadText, reloadText !== undefined && await isOnDisk(e.document.uri, reloadText));
    });
    this.edits = next;
    void next.finally(() => { if (this.edits === next) this.edits = undefined; });
  }

  private applyEdit(changes: readonly vscode.TextDocumentContentChangeEvent[], text: string | undefined, fromDisk: boolean): void {
    if (this.stopped) return;
    const oldText = this._text;
    const newText = text ?? changes.reduce((t, c) => applyTextEdit(t, toTextEdit(c)), oldText);
    if (oldText === newText) return;
    if (fromDisk) {
      // Reloaded from disk (another program, git, revert): move each item through a diff of the two texts;
      // what lost its own text or context is an orphan, never a guess; orphans whose text is back come home.
      const { items, report } = afterOutsideChange(oldText, newText, { ...this.data, annotations: [...this.data.annotations], articles: [...this.data.articles], columnBreaks: [...this.data.columnBreaks], orphans: [...this.data.orphans] });
      this._text = newText;
      // Re-anchoring is not an edit the history's spans can follow.
      this.history = emptyHistory;
      this.set(items);
      dialogs.reportOutsideChange(this.services.log, this.uri, report);
    } else {
      let { annotations, articles, columnBreaks } = this.data;
      const edits = changes.map(toTextEdit);
      this.history = trackHistory(this.history, edits, newText);
      for (const edit of edits) {
        annotations = trackEdit(annotations, edit).kept;
        articles = trackEdit(articles, edit).kept;
        columnBreaks = trackEdit(columnBreaks, edit).kept;
      }
      this._text = newText;
      // Only spans an edit landed inside changed their text; startsWith checks the rest without a copy each.
      this.set({
        annotations: annotations.map(a => a.end - a.start === a.text.length && newText.startsWith(a.text, a.start) ? a : { ...a, text: newText.slice(a.start, a.end) }),
        articles,
        columnBreaks,
      });
    }
    if (this.services.config.value.autoAnalyze && this._analysedOnce) this.scheduleReanalysis();
  }

  /** Replaces the annotations with `f(annotations)`. */
  update(f: (annotations: readonly Annotation[]) => readonly Annotation[]): void {
    this.set({ annotations: f(this.data.annotations) });
  }

  /**
   * Runs an annotation action on the page's work and records it for undo. The action may throw (a refused
   * link, an empty span): nothing changes then.
   */
  act<R extends ActionResult>(action: (page: PageState) => R): R {
    const result = action(this.pageState);
    this.setPage(result.state);
    this.history = record(this.history, result.change);
    return result;
  }

  /** Undoes (`undo`) or redoes the last annotation action; the change, or undefined when there is none. */
  step(direction: 'undo' | 'redo'): Change | undefined {
    const done = (direction === 'undo' ? undo : redo)(this.history, this.pageState);
    if (!done) return undefined;
    this.history = done.history;
    this.setPage(done.state);
    return done.change;
  }

  /** What undo and redo would take back or bring again (the panel's buttons say it); absent when nothing. */
  get nextSteps(): { undo?: Description; redo?: Description } {
    return { undo: this.history.undo[this.history.undo.length - 1]?.description, redo: this.history.redo[this.history.redo.length - 1]?.description };
  }

  private setPage(page: PageState): void {
    this.set({ annotations: [...page.annotations], relations: [...page.relations], articles: [...page.articles], pageLabels: [...page.labels] });
  }

  /** Replaces the derived structure (from an import of the same text). */
  setStructure(articles: readonly Article[], columnBreaks: readonly ColumnBreak[]): void {
    this.set({ articles: stripBlocks(articles), columnBreaks });
  }

  /** Changes the team keys (a review mark, a resolved conflict); they are saved with the page. */
  updateTeam(f: (team: TeamKeys) => TeamKeys): void {
    this._team = f(this._team);
    this.set({});
  }

  /** Removes annotations and orphans by id. */
  remove(ids: ReadonlySet<string>): void {
    this.set({ annotations: this.data.annotations.filter(a => !ids.has(a.id)), orphans: this.data.orphans.filter(o => !ids.has(o.id)) });
  }

  private scheduleSave(): void {
    if (!hasSidecar(this.uri) || this.stopped) return;
    this.saveTimer?.dispose();
    this.saveTimer = timeout(() => void this.save(), this._text.length > dialogs.LARGE_DOCUMENT_CHARS ? LARGE_SAVE_DELAY_MS : SAVE_DELAY_MS);
  }

  /** Writes a pending save now (the page was saved, or is closing). */
  flush(): Promise<void> {
    if (!hasSidecar(this.uri)) return Promise.resolve();
    this.saveTimer?.dispose();
    return this.save();
  }

  /** Writes the sidecar now even if it looks current (it was changed or deleted outside). */
  rewrite(): Promise<void> {
    this.lastWritten = undefined;
    return this.flush();
  }

  /** True when `content` is exactly what this page last wrote to its sidecar. */
  isOwnWrite(content: Buffer): boolean {
    return this.lastWritten !== undefined && sameBytes(this.lastWritten, [content]);
  }

  /** Each save builds its text over several event-loop turns, so a later one waits for the one before. */
  private save(): Promise<void> {
    const previous = this.saving;
    const next = this.busy(async () => {
      await previous;
      await this.saveNow();
    });
    this.saving = next.catch(() => undefined);
    return next;
  }

  private async saveNow(): Promise<void> {
    if (this._saveBlocked || this._loading) return;
    const target = this.sidecar;
    // A snapshot: changes during the build replace these arrays (never mutate them) and schedule another save.
    const content = await sidecarBytes(this.uri, this._text, { ...this.data, team: this._team, labels: this.services.config.value.labels });
    if (this.lastWritten && sameBytes(this.lastWritten, content)) return;
    try {
      this.lastWritten = content;
      await writeSidecar(target, content);
      this.writeErrorShown = false;
      this.services.saved(this);
    } catch (e) {
      this.lastWritten = undefined;
      if (!this.writeErrorShown) dialogs.showWriteError(this.services.log, this.uri, target, e);
      else this.services.log.error(`cannot write ${target.fsPath}: ${String(e)}`);
      this.writeErrorShown = true;
    }
  }

  /**
   * Stops the page: analysis cancelled, timers cleared; a save that was still pending is written.
   * Resolves once the last save is on disk (a reopened page loads after it).
   */
  close(): Promise<void> {
    const unsaved = this.saveTimer?.pending === true;
    this.cts?.cancel();
    this.reanalyseTimer?.dispose();
    this.saveTimer?.dispose();
    const last = unsaved ? this.save() : this.saving;
    this.dispose();
    return last.catch(() => undefined);
  }

  override dispose(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.cts?.cancel();
    this.reanalyseTimer?.dispose();
    this.saveTimer?.dispose();
    this.activity.fire();
    super.dispose();
  }
}

/**
 * The document now equals the file on disk: VS Code reloaded it after another program changed the file
 * (or it was reverted). Its dirty flag is not yet updated when a first user edit arrives, so the flag
 * alone cannot tell. A size that differs settles it without reading (a large page takes long to read).
 */
async function isOnDisk(uri: vscode.Uri, text: string): Promise<boolean> {
  try {
    const size = (await fs.stat(uri.fsPath)).size;
    const bytes = Buffer.byteLength(text, 'utf8');
    if (size !== bytes && size !== bytes + 3 /* a UTF-8 BOM */) return false;
    return (await fs.readFile(uri.fsPath, 'utf8')).replace(/^\uFEFF/, '') === text;
  } catch {
    return false;
  }
}
