/**
 * The registry of open pages and their lifecycle: a page object (`OpenPage`) is made when a document opens
 * (or on first use), gets the document's edits, and is closed with it; renames move its sidecar. Each page
 * owns its own state; the store only routes VS Code's document events to it and answers "which page is this".
 */
import * as vscode from 'vscode';
import type { Analysis, AnalyzeOptions } from '../core/types';
import type { AnalysisClient } from './analysisClient';
import type { Config } from './config';
import { OpenPage, type PageView } from './page/openPage';
import { hasSidecar, sidecarUriFor } from './sidecar';
import { Disposable } from './util/disposable';
import { baseName, exists, openDocument } from './util/uris';
import { messageOf } from '../core/errors';

export type { PageView } from './page/openPage';

export class AnnotationStore extends Disposable {
  private readonly pages = new Map<string, OpenPage>();
  /** Pages being created (their sidecar loading), so two callers share one page. */
  private readonly creating = new Map<string, Promise<OpenPage>>();
  /** Open flows (create, then the first analysis), per page. */
  private readonly pending = new Map<string, Set<Promise<unknown>>>();
  /** The final save of a closed page, which a reopened page loads after. */
  private readonly closing = new Map<string, Promise<void>>();
  /** Analyses made elsewhere for a page's next automatic analysis (see `offer`). */
  private readonly offered = new Map<string, { text: string; analysis: Analysis }>();
  /** The open flow of each document seen, so a second `open` waits for the first instead of racing it. */
  private readonly opened = new WeakMap<vscode.TextDocument, Promise<void>>();
  private readonly changes = this._register(new vscode.EventEmitter<PageView>());
  /** Fires after any change to a page's annotations, articles, orphans or activity, and when it closes. */
  readonly onDidChange = this.changes.event;
  private readonly saves = this._register(new vscode.EventEmitter<PageView>());
  /** Fires after a page's sidecar was written. */
  readonly onDidSave = this.saves.event;
  private readonly services;

  constructor(config: Config, client: AnalysisClient, log: vscode.LogOutputChannel, analysisOptions: () => Promise<Partial<AnalyzeOptions>>) {
    super();
    this.services = {
      config, client, log, analysisOptions,
      sidecarUri: (page: vscode.Uri) => this.sidecarUri(page),
      changed: (page: OpenPage) => this.changes.fire(page),
      saved: (page: OpenPage) => this.saves.fire(page),
    };
    this._register(vscode.workspace.onDidOpenTextDocument(doc => void this.open(doc)));
    this._register(vscode.workspace.onDidChangeTextDocument(e => { if (e.contentChanges.length > 0) this.pages.get(e.document.uri.toString())?.onEdit(e); }));
    this._register(vscode.workspace.onDidSaveTextDocument(doc => void this.flush(doc.uri)));
    this._register(vscode.workspace.onDidCloseTextDocument(doc => this.onClose(doc)));
    this._register(vscode.workspace.onDidRenameFiles(e => void this.onRename(e)));
    this._register(vscode.workspace.onDidDeleteFiles(e => this.onDelete(e)));
    this._register(config.onDidChange(changed => {
      if (changed.has('analyzers')) for (const p of this.pages.values()) if (p.analysedOnce) p.scheduleReanalysis(0);
    }));
    for (const doc of vscode.workspace.textDocuments) void this.open(doc);
  }

  /** The open page of `uri`: read it freely, change it only through its methods. */
  get(uri: vscode.Uri): OpenPage | undefined {
    return this.pages.get(uri.toString());
  }

  /** The pages open now, for watchers that map a sidecar back to its page. */
  documents(): vscode.Uri[] {
    return [...this.pages.values()].map(p => p.uri);
  }

  sidecarUri(uri: vscode.Uri): vscode.Uri {
    return sidecarUriFor(uri, this.services.config.value.sidecar.location);
  }

  /** Plain-text pages on disk or untitled are annotated when they open; other documents on request. */
  private wantsOnOpen(doc: vscode.TextDocument): boolean {
    return doc.languageId === 'plaintext' && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled')
      && !doc.uri.path.includes('/.biaozhu/'); // Biaozhu's own files (the learned lexicon) are not pages
  }

  /** Remembers `work` as in flight for `uri` until it settles (whenIdle waits for it). */
  private hold<T>(uri: vscode.Uri, work: Promise<T>): Promise<T> {
    const key = uri.toString();
    const set = this.pending.get(key) ?? new Set();
    this.pending.set(key, set);
    set.add(work);
    const done = () => {
      set.delete(work);
      if (set.size === 0 && this.pending.get(key) === set) this.pending.delete(key);
    };
    work.then(done, done);
    return work;
  }

  /**
   * Starts annotating `doc` as on open (load its sidecar, or analyse it). A second call returns the first
   * call's work: a caller that opened the document itself then finds it analysed, and starts no analysis
   * that would cancel the one running.
   */
  open(doc: vscode.TextDocument): Promise<void> {
    let flow = this.opened.get(doc);
    if (!flow) {
      flow = this.hold(doc.uri, this.onOpen(doc)).catch(e => this.services.log.error(`opening ${doc.uri.toString()}: ${messageOf(e)}`));
      this.opened.set(doc, flow);
    }
    return flow;
  }

  private async onOpen(doc: vscode.TextDocument): Promise<void> {
    if (!this.wantsOnOpen(doc) && !(hasSidecar(doc.uri) && await exists(this.sidecarUri(doc.uri)))) return;
    const page = await this.track(doc);
    if (page.wantsFirstAnalysis && this.services.config.value.autoAnalyze && this.wantsOnOpen(doc)) await page.analyse(doc, false, this.takeOffer(doc.uri));
  }

  /**
   * An analysis made elsewhere (Analyze Folder's worker pool) of `text`, for the page's next automatic
   * analysis; the page uses it only if its text is still exactly `text`.
   */
  offer(uri: vscode.Uri, text: string, analysis: Analysis): void {
    this.offered.set(uri.toString(), { text, analysis });
  }

  /** Drops an offered analysis that was not used. */
  withdrawOffer(uri: vscode.Uri): void {
    this.offered.delete(uri.toString());
  }

  private takeOffer(uri: vscode.Uri): { text: string; analysis: Analysis } | undefined {
    const made = this.offered.get(uri.toString());
    this.offered.delete(uri.toString());
    return made;
  }

  /** The page of `doc`, created (and its sidecar loaded) on first use. */
  track(doc: vscode.TextDocument): Promise<OpenPage> {
    const key = doc.uri.toString();
    const known = this.pages.get(key);
    if (known) return Promise.resolve(known);
    let pending = this.creating.get(key);
    if (!pending) {
      pending = this.create(doc).finally(() => this.creating.delete(key));
      this.creating.set(key, pending);
    }
    return pending;
  }

  private async create(doc: vscode.TextDocument): Promise<OpenPage> {
    const key = doc.uri.toString();
    const page = new OpenPage(doc.uri, doc.getText(), this.services);
    this.pages.set(key, page);
    // A closed incarnation of this page may still be writing its sidecar: load after that.
    await page.load(doc, this.closing.get(key) ?? Promise.resolve());
    return page;
  }

  /** Runs an automatic analysis of `doc` (asked for by the user when `interactive`), or uses one offered. */
  async analyse(doc: vscode.TextDocument, opts: { interactive: boolean }): Promise<void> {
    const page = await this.track(doc);
    await page.analyse(doc, opts.interactive, this.takeOffer(doc.uri));
  }

  /** Writes a pending save of `uri` now. */
  async flush(uri: vscode.Uri): Promise<void> {
    await this.get(uri)?.flush();
  }

  /** Drops the page of `doc` and loads it again from its sidecar. */
  async reload(doc: vscode.TextDocument): Promise<void> {
    this.close(doc.uri, false);
    await this.track(doc);
  }

  /** Closes the page of `uri`; its pending save (when `save`) is written before any reopen loads. */
  private close(uri: vscode.Uri, save: boolean): void {
    const page = this.get(uri);
    if (!page) return;
    this.pages.delete(uri.toString());
    if (save) {
      const key = uri.toString();
      const last = page.close();
      this.closing.set(key, last);
      void last.then(() => { if (this.closing.get(key) === last) this.closing.delete(key); });
    } else {
      page.dispose();
    }
    this.changes.fire(page);
  }

  private onClose(doc: vscode.TextDocument): void {
    this.opened.delete(doc);
    this.close(doc.uri, true);
  }

  private async onRename(e: vscode.FileRenameEvent): Promise<void> {
    for (const { oldUri, newUri } of e.files) {
      if (!hasSidecar(oldUri)) continue;
      await this.flush(oldUri);
      this.close(oldUri, false);
      const from = this.sidecarUri(oldUri);
      const to = this.sidecarUri(newUri);
      if (!(await exists(from))) continue;
      try {
        if (await exists(to)) throw new Error(vscode.l10n.t('{0} already exists', to.fsPath));
        await vscode.workspace.fs.rename(from, to);
        const doc = openDocument(newUri);
        if (doc) await this.reload(doc);
      } catch (err) {
        void vscode.window.showWarningMessage(vscode.l10n.t('{0} was renamed but its annotations stay in {1}: {2}', baseName(oldUri), from.fsPath, messageOf(err)));
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

  /** Nothing in flight for `uri`: no open flow or final save, and its page (if any) is idle. */
  isIdle(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return !this.pending.has(key) && !this.creating.has(key) && !this.closing.has(key) && (this.get(uri)?.idle ?? true);
  }

  /** Resolves once nothing is in flight for `uri` (waits on the page's events, no polling). */
  async whenIdle(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    while (!this.isIdle(uri)) {
      const flows = [...(this.pending.get(key) ?? []), this.creating.get(key), this.closing.get(key)].filter(p => p !== undefined);
      if (flows.length > 0) await Promise.allSettled(flows);
      else await this.get(uri)?.whenIdle();
    }
  }

  /** Resolves once the page is loaded and no analysis runs (saves may still be pending). */
  async whenSettled(uri: vscode.Uri): Promise<void> {
    await this.creating.get(uri.toString())?.catch(() => undefined);
    await this.get(uri)?.whenSettled();
  }

  override dispose(): void {
    for (const page of this.pages.values()) void page.close();
    this.pages.clear();
    super.dispose();
  }
}
