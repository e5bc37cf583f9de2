/**
 * `biaozhu.wordWrap`: newspaper pages hold one paragraph per line, so the extension wraps the editors of
 * pages under annotation with VS Code's own per-editor toggle (the same as Alt+Z), leaving every other
 * plain-text file and the user's `editor.wordWrap` untouched. The toggle lives as long as the page's model:
 * it is forgotten when the document closes.
 */
import * as vscode from 'vscode';
import type { AnnotationStore } from '../store';
import { asWrapSetting, wrapToggleNeeded } from './rules';

export class PageWordWrap implements vscode.Disposable {
  private readonly toggled = new Set<string>();
  private readonly disposables: vscode.Disposable[];
  private queue = Promise.resolve();

  constructor(private readonly store: AnnotationStore) {
    this.disposables = [
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      store.onDidChange(state => {
        if (state.uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.update();
      }),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration('biaozhu.wordWrap') || e.affectsConfiguration('editor.wordWrap')) this.update();
      }),
      vscode.workspace.onDidCloseTextDocument(doc => this.toggled.delete(doc.uri.toString())),
    ];
    this.update();
  }

  /** Serialised: the toggle acts on the active editor, so two updates must not interleave. */
  private update(): void {
    this.queue = this.queue.then(() => this.apply()).catch(() => undefined);
  }

  private async apply(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || this.store.get(editor.document.uri) === undefined) return;
    const doc = editor.document;
    const key = doc.uri.toString();
    const setting = asWrapSetting(vscode.workspace.getConfiguration('biaozhu', doc).get('wordWrap'));
    const base = vscode.workspace.getConfiguration('editor', doc).get<string>('wordWrap');
    if (!wrapToggleNeeded(setting, base, this.toggled.has(key))) return;
    await vscode.commands.executeCommand('editor.action.toggleWordWrap');
    if (this.toggled.has(key)) this.toggled.delete(key);
    else this.toggled.add(key);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
