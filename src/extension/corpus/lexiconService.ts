/**
 * The learned workspace lexicon (`.biaozhu/lexicon.txt`, see src/core/corpus/lexiconFile.ts) in the editor:
 * every sidecar save relearns from what changed on that page since it was last learned, and every analysis
 * gets the lexicon's entries (extension.ts wires both). Hand edits of the file are picked up by a watcher.
 */
import { promises as fs } from 'fs';
import * as vscode from 'vscode';
import { LEXICON_PATH, parseLexicon, relearn, serializeLexicon, toLexiconEntries, type LexiconItem } from '../../core/corpus/lexiconFile';
import { messageOf } from '../../core/errors';
import type { AnalyzeOptions, Annotation } from '../../core/types';
import { WriteQueue } from '../../node/writeQueue';
import type { PageView } from '../page/openPage';
import { Disposable } from '../util/disposable';

export class LexiconService extends Disposable {
  private lexicon: LexiconItem[] = [];
  /** What was last learned from each page: its annotations when loaded or last saved. */
  private readonly learned = new WeakMap<PageView, readonly Annotation[]>();
  private readonly queue = new WriteQueue();
  private lastWritten?: string;
  /** The first read of the file: analyses wait for it, so none runs without the lexicon. */
  private readonly loaded: Promise<void>;

  constructor(private readonly log: vscode.LogOutputChannel) {
    super();
    this.loaded = this.reload();
    const root = this.root();
    if (root) {
      const watcher = this._register(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, LEXICON_PATH)));
      const changed = () => void this.reload();
      this._register(watcher.onDidChange(changed));
      this._register(watcher.onDidCreate(changed));
      this._register(watcher.onDidDelete(changed));
    }
  }

  /** The lexicon's entries as options for an analysis. */
  async analysisOptions(): Promise<Partial<AnalyzeOptions>> {
    await this.loaded;
    return { lexicon: toLexiconEntries(this.lexicon) };
  }

  /** A page changed: the first loaded state of a page is the baseline its later saves are learned against. */
  noteChanged(page: PageView): void {
    if (!page.loading && !this.learned.has(page)) this.learned.set(page, page.annotations);
  }

  /** The lexicon file of the first workspace folder; undefined without a folder. */
  fileUri(): vscode.Uri | undefined {
    const root = this.root();
    return root && vscode.Uri.joinPath(root, LEXICON_PATH);
  }

  items(): readonly LexiconItem[] {
    return this.lexicon;
  }

  /** Writes `items` as the lexicon (and resolves once it is on disk). */
  async replace(items: LexiconItem[]): Promise<void> {
    this.lexicon = items;
    const file = this.fileUri();
    if (!file) return;
    const content = serializeLexicon(items);
    if (content === this.lastWritten) return;
    this.lastWritten = content;
    await this.queue.write(file.fsPath, content);
  }

  /** A page's sidecar was written: learn what changed on it since it was last learned. */
  async learnFrom(page: PageView): Promise<void> {
    const before = this.learned.get(page) ?? [];
    const after = page.annotations;
    this.learned.set(page, after);
    if (before === after) return;
    try {
      await this.replace(relearn(this.lexicon, before, after));
    } catch (e) {
      this.log.error(`cannot write the lexicon: ${messageOf(e)}`);
    }
  }

  private async reload(): Promise<void> {
    const file = this.fileUri();
    if (!file) return;
    let source: string;
    try {
      source = await fs.readFile(file.fsPath, 'utf8');
    } catch {
      this.lexicon = [];
      return;
    }
    if (source === this.lastWritten) return;
    const { lexicon, problems } = parseLexicon(source);
    for (const p of problems) this.log.warn(`${file.fsPath}:${p.line}: ${p.message}`);
    this.lexicon = lexicon;
  }

  private root(): vscode.Uri | undefined {
    return vscode.workspace.workspaceFolders?.[0]?.uri;
  }
}
