/**
 * A sidecar changed or deleted on disk while its page is open (git checkout, a colleague's copy, a hand
 * edit): the user decides. Changed → reload it, or keep the open annotations (and write them back).
 * Deleted → the open annotations are written again, so nothing is lost.
 */
import { promises as fs } from 'fs';
import * as vscode from 'vscode';
import { SIDECAR_SUFFIX } from './sidecar';
import type { AnnotationStore } from './store';
import { Disposable } from './util/disposable';
import { baseName, openDocument } from './util/uris';

export class SidecarWatcher extends Disposable {
  private readonly asking = new Set<string>();

  constructor(private readonly store: AnnotationStore, private readonly log: vscode.LogOutputChannel) {
    super();
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`));
    this._registerEach(
      watcher.onDidChange(uri => void this.changed(uri)),
      watcher.onDidCreate(uri => void this.changed(uri)),
      watcher.onDidDelete(uri => void this.deleted(uri)),
    );
  }

  private pageOf(sidecar: vscode.Uri): vscode.Uri | undefined {
    return this.store.documents().find(page => this.store.sidecarUri(page).toString() === sidecar.toString());
  }

  private async changed(sidecar: vscode.Uri): Promise<void> {
    const page = this.pageOf(sidecar);
    if (!page || this.asking.has(page.toString()) || !this.store.isIdle(page)) return;
    let content: Buffer;
    try {
      content = await fs.readFile(sidecar.fsPath);
    } catch {
      return;
    }
    if (this.store.get(page)?.isOwnWrite(content)) return;
    this.log.info(`${sidecar.fsPath} changed on disk`);
    this.asking.add(page.toString());
    try {
      const reload = vscode.l10n.t('Reload');
      const keep = vscode.l10n.t('Keep Mine');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('The annotations of {0} changed on disk ({1}). Reload them, or keep the ones open here and write them back?', baseName(page), sidecar.fsPath),
        reload, keep);
      const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === page.toString());
      if (choice === reload && doc) await this.store.reload(doc);
      else if (choice === keep) await this.store.get(page)?.rewrite();
    } finally {
      this.asking.delete(page.toString());
    }
  }

  private async deleted(sidecar: vscode.Uri): Promise<void> {
    const page = this.pageOf(sidecar);
    if (!page) return;
    const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === page.toString());
    if (!doc) return;
    await this.store.get(page)?.rewrite();
    void vscode.window.showInformationMessage(vscode.l10n.t('The annotations file of {0} was deleted while the page was open; it was written again from the open annotations.', baseName(page)));
  }
}
