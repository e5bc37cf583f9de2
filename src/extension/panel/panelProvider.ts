/**
 * The side panel host: a webview view in Biaozhu's activity-bar container. Locked down (CSP with a nonce,
 * resources only from media/ and dist/), it follows the active editor, sends a full snapshot after the
 * panel's `ready` and on every change (throttled), and validates every message before acting on it.
 */
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { relabel, removeIds, setStatus, tagSpan } from '../../core/annotationOps';
import { folderStats, top } from '../../core/corpus/stats';
import type { HostToPanel, PanelToHost, Snapshot } from '../../protocol/messages';
import { Commands, CorpusCommands } from '../commandIds';
import { loadPages } from '../corpus/workspacePages';
import type { Config } from '../config';
import { toRange } from '../ranges';
import { baseName, type AnnotationStore } from '../store';
import { panelStrings } from './strings';
import { checkPanelMessage } from './validate';

const SNAPSHOT_THROTTLE_MS = 100;

export class PanelProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view?: vscode.WebviewView;
  private ready = false;
  private editor?: vscode.TextEditor;
  private timer?: ReturnType<typeof setTimeout>;
  private strings?: Record<string, string>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly extensionUri: vscode.Uri, private readonly store: AnnotationStore, private readonly config: Config, private readonly log: vscode.LogOutputChannel) {
    this.editor = vscode.window.activeTextEditor;
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(e => {
        // Focus moving to the panel or an output view leaves the last text editor in charge.
        if (e && (e.document.uri.scheme === 'file' || e.document.uri.scheme === 'untitled')) {
          this.editor = e;
          this.scheduleSnapshot(0);
        }
      }),
      vscode.window.onDidChangeTextEditorSelection(e => {
        if (e.textEditor !== this.editor || !this.ready) return;
        const doc = e.textEditor.document;
        void this.post({ type: 'selection', start: doc.offsetAt(e.selections[0].start), end: doc.offsetAt(e.selections[0].end) });
      }),
      store.onDidChange(state => { if (state.uri.toString() === this.editor?.document.uri.toString()) this.scheduleSnapshot(); }),
      config.onDidChange(changed => { if (changed.has('labels')) this.scheduleSnapshot(); }),
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.ready = false;
    const roots = [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist')];
    view.webview.options = { enableScripts: true, localResourceRoots: roots };
    view.webview.html = this.html(view.webview);
    view.webview.onDidReceiveMessage(raw => void this.receive(raw), undefined, this.disposables);
    view.onDidChangeVisibility(() => { if (view.visible) this.scheduleSnapshot(0); }, undefined, this.disposables);
    view.onDidDispose(() => { this.view = undefined; this.ready = false; }, undefined, this.disposables);
  }

  private html(webview: vscode.Webview): string {
    const nonce = randomBytes(16).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'panel.css'));
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
      `img-src ${webview.cspSource}`,
      `font-src ${webview.cspSource}`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>Biaozhu</title>
</head>
<body>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  }

  private scheduleSnapshot(delay = SNAPSHOT_THROTTLE_MS): void {
    if (!this.view || !this.ready) return;
    if (this.timer && delay > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.post({ type: 'snapshot', snapshot: this.snapshot() });
    }, delay);
  }

  private snapshot(): Snapshot {
    this.strings ??= panelStrings();
    const labels = this.config.value.labels;
    const editor = this.liveEditor();
    const state = editor && this.store.get(editor.document.uri);
    if (!editor || !state) return { labels, articles: [], annotations: [], orphans: [], busy: false, strings: this.strings };
    const doc = editor.document;
    return {
      document: {
        uri: doc.uri.toString(),
        name: baseName(doc.uri),
        version: doc.version,
        length: state.text.length,
        selection: { start: doc.offsetAt(editor.selection.start), end: doc.offsetAt(editor.selection.end) },
      },
      labels,
      articles: state.articles,
      annotations: state.annotations,
      orphans: state.orphans,
      busy: state.analysing || state.loading,
      strings: this.strings,
    };
  }

  /** The editor the panel follows, if its document is still open. */
  private liveEditor(): vscode.TextEditor | undefined {
    const e = this.editor;
    if (e && !e.document.isClosed) return e;
    return vscode.window.activeTextEditor;
  }

  private post(message: HostToPanel): Thenable<boolean> | undefined {
    return this.view?.webview.postMessage(message);
  }

  private async receive(raw: unknown): Promise<void> {
    const editor = this.liveEditor();
    const state = editor && this.store.get(editor.document.uri);
    const checked = checkPanelMessage(raw, {
      labels: new Set(this.config.value.labels.map(l => String(l.id))),
      ids: new Set([...(state?.annotations ?? []), ...(state?.orphans ?? [])].map(a => a.id)),
      length: state?.text.length,
    });
    if (!checked.ok) {
      this.log.warn(`panel message refused: ${checked.reason}`);
      return;
    }
    try {
      await this.handle(checked.message, editor);
    } catch (e) {
      this.log.error(`panel ${checked.message.type}: ${(e as Error).message}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Biaozhu: {0}', (e as Error).message));
    }
  }

  private async handle(message: PanelToHost, editor: vscode.TextEditor | undefined): Promise<void> {
    const uri = editor?.document.uri;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.scheduleSnapshot(0);
        return;
      case 'reveal': {
        if (!editor) return;
        const range = toRange(editor.document, message);
        const shown = await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
        shown.selection = new vscode.Selection(range.start, range.end);
        shown.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        return;
      }
      case 'setStatus':
        if (uri) this.store.update(uri, list => setStatus(list, new Set(message.ids), message.status));
        return;
      case 'relabel':
        if (uri) this.store.update(uri, list => relabel(list, new Set(message.ids), message.label));
        return;
      case 'remove':
        if (uri) {
          const ids = new Set(message.ids);
          this.store.update(uri, list => removeIds(list, ids));
          this.store.removeOrphans(uri, ids);
        }
        return;
      case 'reattach':
        if (editor) await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: true });
        await vscode.commands.executeCommand(Commands.reattachOrphan, { id: message.id });
        return;
      case 'tagSelection': {
        if (!editor || !uri) return;
        const spans = editor.selections.filter(s => !s.isEmpty).map(s => ({ start: editor.document.offsetAt(s.start), end: editor.document.offsetAt(s.end) }));
        if (spans.length === 0) {
          void vscode.window.showInformationMessage(vscode.l10n.t('Select the text to tag first.'));
          return;
        }
        this.store.update(uri, list => spans.reduce((acc, s) => tagSpan(acc, s, editor.document.getText(toRange(editor.document, s)), message.label).annotations, list));
        return;
      }
      case 'addLabel':
        await this.config.addLabel(message.label);
        return;
      case 'analyze':
        await vscode.commands.executeCommand(Commands.analyzeDocument, uri);
        return;
      case 'export':
        await vscode.commands.executeCommand(Commands.exportAnnotations, uri ? { uri } : undefined);
        return;
      case 'workspaceStats': {
        const pages = await loadPages(this.store);
        const f = folderStats(pages);
        void this.post({ type: 'workspaceStats', stats: { pages: f.pages, review: f.review, labels: f.labels, all: f.all, topNames: top(f.entities, 10, 'names'), topNumbers: top(f.entities, 10, 'numbers') } });
        return;
      }
      case 'exportStats':
        await vscode.commands.executeCommand(CorpusCommands.exportStatistics);
        return;
      default: {
        const unhandled: never = message;
        throw new Error(`unhandled panel message ${JSON.stringify(unhandled)}`);
      }
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
