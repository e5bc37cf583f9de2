/** Keeps the `biaozhu.active` context key true while the active editor's document is annotated (for `when` clauses). */
import * as vscode from 'vscode';
import { ACTIVE_CONTEXT_KEY } from './commandIds';
import type { AnnotationStore } from './store';
import { Disposable } from './util/disposable';

export class ActiveContext extends Disposable {
  private value?: boolean;
  constructor(private readonly store: AnnotationStore) {
    super();
    this._registerEach(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      store.onDidChange(() => this.update()),
    );
    this.update();
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    const active = !!editor && this.store.get(editor.document.uri) !== undefined;
    if (active === this.value) return;
    this.value = active;
    void vscode.commands.executeCommand('setContext', ACTIVE_CONTEXT_KEY, active);
  }
}
