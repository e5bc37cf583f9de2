/**
 * The workspace's annotation guidelines (`.biaozhu/guidelines.md`), parsed once per version of the file:
 * the hover and the side panel read them from here. A file watcher (and saves in the editor) tell the
 * panel to show the new text; each read also checks the file's modification time, so a change the
 * watcher has not reported yet is never answered from the old parse.
 */
import { promises as fs } from 'fs';
import * as vscode from 'vscode';
import { guidelineFor, parseGuidelines, type GuidelineSection } from '../../core/team/guidelines';
import { Disposable } from '../util/disposable';
import { workspaceFile } from './workspaceFiles';

const FILE = 'guidelines.md';

interface Parsed { stamp: string; sections: GuidelineSection[] }

export class Guidelines extends Disposable {
  /** The last parse per guidelines file, with the size and modification time it was read at. */
  private readonly cache = new Map<string, Parsed>();
  private readonly emitter = this._register(new vscode.EventEmitter<void>());
  /** The guidelines changed on disk, or were read for the first time. */
  readonly onDidChange = this.emitter.event;

  constructor() {
    super();
    const watcher = vscode.workspace.createFileSystemWatcher(`**/.biaozhu/${FILE}`);
    const changed = () => this.emitter.fire();
    this._registerEach(watcher, watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete(changed),
      vscode.workspace.onDidSaveTextDocument(d => { if (d.uri.path.endsWith(`/.biaozhu/${FILE}`)) changed(); }));
  }

  /** The guideline sections for `page`'s workspace folder; undefined when there is no guidelines file. */
  async sections(page: vscode.Uri | undefined): Promise<GuidelineSection[] | undefined> {
    const file = workspaceFile(page, FILE);
    if (!file) return undefined;
    const key = file.toString();
    try {
      const stat = await fs.stat(file.fsPath);
      const stamp = `${stat.size}:${stat.mtimeMs}`;
      const known = this.cache.get(key);
      if (known?.stamp === stamp) return known.sections;
      const sections = parseGuidelines(await fs.readFile(file.fsPath, 'utf8'));
      this.cache.set(key, { stamp, sections });
      this.emitter.fire(); // a new parse: the panel shows it
      return sections;
    } catch {
      const had = this.cache.delete(key);
      if (had) this.emitter.fire();
      return undefined;
    }
  }

  /** The last parse, without waiting (a read starts, and `onDidChange` fires when it finds something new). */
  peek(page: vscode.Uri | undefined): GuidelineSection[] | undefined {
    const file = workspaceFile(page, FILE);
    if (!file) return undefined;
    void this.sections(page);
    return this.cache.get(file.toString())?.sections;
  }

  async forLabel(page: vscode.Uri, label: string): Promise<GuidelineSection | undefined> {
    const sections = await this.sections(page);
    return sections && guidelineFor(sections, 'label', label);
  }
}
