/**
 * The learned workspace lexicon (`.biaozhu/lexicon.txt`, see src/core/corpus/lexiconFile.ts) in the editor:
 * every sidecar save relearns from what changed on that page since it was last learned, and every analysis
 * gets the lexicon's entries. Hand edits of the file are picked up by a watcher.
 */
import { readFileSync } from 'fs';
import * as vscode from 'vscode';
import { LEXICON_PATH, parseLexicon, relearn, serializeLexicon, toLexiconEntries, type LexiconItem } from '../../core/corpus/lexiconFile';
import type { Annotation } from '../../core/types';
import { WriteQueue } from '../../node/writeQueue';
import type { AnnotationStore, DocState } from '../store';

export class LexiconService implements vscode.Disposable {
  private lexicon: LexiconItem[] = [];
  /** What was last learned from each page state: its annotations when loaded or last saved. */
  private readonly learned = new WeakMap<DocState, readonly Annotation[]>();
  private readonly queue = new WriteQueue();
  private lastWritten?: string;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly store: AnnotationStore, private readonly log: vscode.LogOutputChannel) {
    this.reload();
    store.extraOptions = () => ({ lexicon: toLexiconEntries(this.lexicon) });
    this.disposables.push(
      store.onDidChange(state => { if (!state.loading && !this.learned.has(state)) this.learned.set(state, state.annotations); }),
      store.onDidSave(state => void this.learnFrom(state)),
    );
    const root = this.root();
    if (root) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, LEXICON_PATH));
      const changed = () => this.reload();
      this.disposables.push(watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed));
    }
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

  private async learnFrom(state: DocState): Promise<void> {
    const before = this.learned.get(state) ?? [];
    const after = state.annotations;
    this.learned.set(state, after);
    if (before === after) return;
    try {
      await this.replace(relearn(this.lexicon, before, after));
    } catch (e) {
      this.log.error(`cannot write the lexicon: ${(e as Error).message}`);
    }
  }

  private reload(): void {
    const file = this.fileUri();
    if (!file) return;
    let source: string;
    try {
      source = readFileSync(file.fsPath, 'utf8');
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

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
