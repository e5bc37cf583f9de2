/**
 * The learned workspace lexicon (`.biaozhu/lexicon.txt`, see src/core/corpus/lexiconFile.ts) in the editor:
 * every sidecar save relearns from what changed on that page since it was last learned, and every analysis
 * gets the lexicon's entries (extension.ts wires both). Hand edits of the file are picked up by a watcher.
 * A manual tag whose boundary cuts a dictionary word (`部的“辛` cuts 干部) is an obvious slip: it teaches
 * nothing until the user confirms it (`biaozhu.learnTag`, offered in a notification); see core/corpus/slips.ts.
 */
import { promises as fs } from 'fs';
import * as vscode from 'vscode';
import { LEXICON_PATH, parseLexicon, relearn, serializeLexicon, toLexiconEntries, type LexiconItem } from '../../core/corpus/lexiconFile';
import { messageOf } from '../../core/errors';
import type { AnalyzeOptions, Annotation, Span } from '../../core/types';
import { WriteQueue } from '../../node/writeQueue';
import type { PageView } from '../page/openPage';
import { Disposable } from '../util/disposable';

/** Which dictionary word each span's boundary cuts (run off the host: AnalysisClient.cutWords). */
export type CutWords = (text: string, spans: readonly Span[]) => Promise<Array<string | undefined>>;

/** A manual tag as the slip check sees it: the same id, label and text on the same page. */
const slipKey = (page: PageView, a: Annotation) => `${page.uri.toString()}\u0000${a.id}\u0000${a.label}\u0000${a.text}`;

export class LexiconService extends Disposable {
  private lexicon: LexiconItem[] = [];
  /** What was last learned from each page: its annotations when loaded or last saved. */
  private readonly learned = new WeakMap<PageView, readonly Annotation[]>();
  private readonly queue = new WriteQueue();
  private lastWritten?: string;
  /** The first read of the file: analyses wait for it, so none runs without the lexicon. */
  private readonly loaded: Promise<void>;

  private learning = Promise.resolve();
  /** Manual tags already checked for slips (so each is checked once). */
  private readonly checked = new Set<string>();
  /** Slips the user has not confirmed: they teach nothing, on learning and on unlearning alike. */
  private readonly unconfirmed = new Set<string>();

  constructor(private readonly log: vscode.LogOutputChannel, private readonly cutWords: CutWords) {
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

  /** A page's sidecar was written: learn what changed on it since it was last learned (one save after another). */
  learnFrom(page: PageView): Promise<void> {
    this.learning = this.learning.then(() => this.learnOnce(page));
    return this.learning;
  }

  /** Settles when every learnFrom so far has finished. */
  whenLearned(): Promise<void> {
    return this.learning;
  }

  private async learnOnce(page: PageView): Promise<void> {
    const before = this.learned.get(page) ?? [];
    const after = page.annotations;
    const text = page.text;
    this.learned.set(page, after);
    if (before === after) return;
    try {
      // The baseline too: a slip saved in an earlier session must not be unlearned when it was never learned.
      const slips = await this.newSlips(page, text, before, after);
      const teaches = (a: Annotation) => a.source !== 'manual' || !this.unconfirmed.has(slipKey(page, a));
      await this.replace(relearn(this.lexicon, before, after, teaches));
      for (const { item, word } of slips) this.offer(page, item, word);
    } catch (e) {
      this.log.error(`cannot learn from ${page.uri.fsPath}: ${messageOf(e)}`);
    }
  }

  /**
   * Manual tags not checked yet whose boundary cuts a word: held back from learning. Returned (to offer
   * confirmation) are those the user just made, not those loaded with the page.
   */
  private async newSlips(page: PageView, text: string, before: readonly Annotation[], after: readonly Annotation[]): Promise<Array<{ item: Annotation; word: string }>> {
    // Only manual tags can be slips: filter first, so a save of a page with tens of thousands of suggestions
    // builds no key for them.
    const manual = (list: readonly Annotation[]) => list.filter(a => a.source === 'manual' && a.status !== 'rejected');
    const loaded = new Set(manual(before).map(a => slipKey(page, a)));
    const fresh = new Map<string, Annotation>();
    for (const a of [...manual(before), ...manual(after)]) {
      const key = slipKey(page, a);
      // An item an edit has since moved is checked when it is saved again.
      if (!this.checked.has(key) && !fresh.has(key) && text.slice(a.start, a.end) === a.text) fresh.set(key, a);
    }
    if (fresh.size === 0) return [];
    const items = [...fresh.values()];
    const words = await this.cutWords(text, items);
    const slips: Array<{ item: Annotation; word: string }> = [];
    [...fresh.keys()].forEach((key, i) => {
      this.checked.add(key);
      if (words[i] === undefined) return;
      this.unconfirmed.add(key);
      if (!loaded.has(key)) slips.push({ item: items[i], word: words[i]! });
    });
    return slips;
  }

  private offer(page: PageView, item: Annotation, word: string): void {
    const learn = vscode.l10n.t('Learn It');
    void vscode.window.showInformationMessage(
      vscode.l10n.t('「{0}」 ({1}) cuts the word 「{2}」, so it is not suggested on other pages unless you confirm it.', item.text, String(item.label), word), learn,
    ).then(choice => { if (choice === learn) void this.confirm(page, item.id); });
  }

  /** The user confirms a held-back tag: it is learned now (and unlearned when it goes). False when there is nothing to confirm. */
  async confirm(page: PageView, id: string): Promise<boolean> {
    const item = page.annotations.find(a => a.id === id);
    if (!item || !this.unconfirmed.delete(slipKey(page, item))) return false;
    await this.replace(relearn(this.lexicon, [], [item]));
    return true;
  }

  /** Held-back slips of a page, for tests and the panel. */
  heldBack(page: PageView): Annotation[] {
    return page.annotations.filter(a => this.unconfirmed.has(slipKey(page, a)));
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
