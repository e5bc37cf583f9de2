/**
 * The side panel host: a webview view in Biaozhu's activity-bar container. Locked down (CSP with a nonce,
 * resources only from media/ and dist/), it follows the active editor, sends a full snapshot after the
 * panel's `ready` and on every change (throttled), and validates every message before acting on it.
 */
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { folderStats, top } from '../../core/corpus/stats';
import { messageOf } from '../../core/errors';
import type { GuidelineSection } from '../../core/team/guidelines';
import { countByReview, reviewGroup } from '../../core/team/reviewGroups';
import type { HostToPanel, PanelGuideline, PanelToHost, Snapshot } from '../../protocol/messages';
import { Commands, CorpusCommands } from '../commandIds';
import { localise } from '../commands/rich';
import { RichCommands } from '../commands/richIds';
import { loadPages } from '../corpus/workspacePages';
import type { Config } from '../config';
import { toRange } from '../ranges';
import type { Guidelines } from '../team/guidelines';
import { TeamCommands } from '../team/ids';
import type { AnnotationStore } from '../store';
import { Disposable } from '../util/disposable';
import { baseName } from '../util/uris';
import { panelStrings } from './strings';
import { checkPanelMessage } from './validate';

const SNAPSHOT_THROTTLE_MS = 100;
const GUIDELINE_EXAMPLES = 5;
const GUIDELINE_CHARS = 1000;

/** The label sections of the guidelines, by id, cut to what the panel shows. */
function panelGuidelines(sections: readonly GuidelineSection[] | undefined): Record<string, PanelGuideline> | undefined {
  if (!sections) return undefined;
  const out: Record<string, PanelGuideline> = {};
  const cut = (s: string) => (s.length > GUIDELINE_CHARS ? `${s.slice(0, GUIDELINE_CHARS)}…` : s);
  for (const s of sections) {
    if (s.kind !== 'label' || Object.prototype.hasOwnProperty.call(out, s.id)) continue;
    out[s.id] = { title: cut(s.title), definition: cut(s.definition), examples: s.examples.slice(0, GUIDELINE_EXAMPLES).map(cut) };
  }
  return out;
}

export class PanelProvider extends Disposable implements vscode.WebviewViewProvider {
  private view?: vscode.WebviewView;
  private ready = false;
  private editor?: vscode.TextEditor;
  private timer?: ReturnType<typeof setTimeout>;
  private strings?: Record<string, string>;
  constructor(private readonly extensionUri: vscode.Uri, private readonly store: AnnotationStore, private readonly config: Config, private readonly guidelines: Guidelines, private readonly log: vscode.LogOutputChannel) {
    super();
    this.editor = vscode.window.activeTextEditor;
    this._register({ dispose: () => clearTimeout(this.timer) });
    this._registerEach(
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
      guidelines.onDidChange(() => this.scheduleSnapshot()),
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.ready = false;
    const roots = [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist')];
    view.webview.options = { enableScripts: true, localResourceRoots: roots };
    view.webview.html = this.html(view.webview);
    this._registerEach(
      view.webview.onDidReceiveMessage(raw => void this.receive(raw)),
      view.onDidChangeVisibility(() => { if (view.visible) this.scheduleSnapshot(0); }),
      view.onDidDispose(() => { this.view = undefined; this.ready = false; }),
    );
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

  /** What the panel would be sent now (the integration tests read it). */
  snapshot(): Snapshot {
    this.strings ??= panelStrings();
    const labels = this.config.value.labels;
    const editor = this.liveEditor();
    const state = editor && this.store.get(editor.document.uri);
    if (!editor || !state) return { labels, articles: [], annotations: [], orphans: [], relations: [], history: {}, busy: false, strings: this.strings };
    const doc = editor.document;
    const next = state.nextSteps;
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
      relations: state.relations,
      history: { undo: next.undo && localise(next.undo), redo: next.redo && localise(next.redo) },
      busy: state.analysing || state.loading,
      review: reviewGroup(state.team.review),
      guidelines: panelGuidelines(this.guidelines.peek(doc.uri)),
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

  /**
   * Checks a panel message against the page the panel follows and acts on it; false when refused. A message
   * naming another page (the editor changed since the panel's last snapshot) never reaches any page.
   */
  async receive(raw: unknown): Promise<boolean> {
    const editor = this.liveEditor();
    const page = editor && this.store.get(editor.document.uri);
    const checked = checkPanelMessage(raw, {
      labels: new Set(this.config.value.labels.map(l => String(l.id))),
      page: editor && page ? { uri: page.uri.toString(), version: editor.document.version } : undefined,
      ids: new Set([...(page?.annotations ?? []), ...(page?.orphans ?? [])].map(a => a.id)),
      relationIds: new Set(page?.relations.map(r => r.id)),
      articleIds: new Set(page?.articles.map(a => a.id)),
      length: page?.text.length ?? 0,
      guidelineLabels: new Set(Object.keys(panelGuidelines(this.guidelines.peek(editor?.document.uri)) ?? {})),
    });
    if (!checked.ok) {
      this.log.warn(`panel message refused: ${checked.reason}`);
      return false;
    }
    try {
      await this.handle(checked.message, editor);
    } catch (e) {
      this.log.error(`panel ${checked.message.type}: ${messageOf(e)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Biaozhu: {0}', messageOf(e)));
    }
    return true;
  }

  /** Runs a checked message; a document-scoped one through the same command as the palette and hovers. */
  private async handle(message: PanelToHost, editor: vscode.TextEditor | undefined): Promise<void> {
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
        await vscode.commands.executeCommand(Commands.setStatus, { uri: message.page.uri, ids: message.ids, status: message.status });
        return;
      case 'relabel':
        await vscode.commands.executeCommand(Commands.relabel, { uri: message.page.uri, ids: message.ids, label: message.label });
        return;
      case 'remove':
        await vscode.commands.executeCommand(Commands.remove, { uri: message.page.uri, ids: message.ids });
        return;
      case 'reattach':
        await vscode.commands.executeCommand(Commands.reattachOrphan, { uri: message.page.uri, id: message.id });
        return;
      case 'tagSelection':
        await vscode.commands.executeCommand(Commands.tagSelection, { uri: message.page.uri, label: message.label });
        return;
      case 'setRelationStatus':
        await vscode.commands.executeCommand(Commands.setStatus, { uri: message.page.uri, relationIds: message.ids, status: message.status });
        return;
      case 'removeRelations':
        await vscode.commands.executeCommand(RichCommands.removeRelations, { uri: message.page.uri, ids: message.ids });
        return;
      case 'undo':
        await vscode.commands.executeCommand(RichCommands.undoAnnotation, { uri: message.page.uri });
        return;
      case 'redo':
        await vscode.commands.executeCommand(RichCommands.redoAnnotation, { uri: message.page.uri });
        return;
      case 'setArticleLabels':
        await vscode.commands.executeCommand(RichCommands.setArticleLabels, { uri: message.page.uri, articleId: message.articleId });
        return;
      case 'addLabel':
        await this.config.addLabel(message.label);
        return;
      case 'openGuidelines':
        await vscode.commands.executeCommand(TeamCommands.openGuidelines, message.label);
        return;
      case 'analyze':
        await vscode.commands.executeCommand(Commands.analyzeDocument, vscode.Uri.parse(message.page.uri));
        return;
      case 'export':
        await vscode.commands.executeCommand(Commands.exportAnnotations, { uri: vscode.Uri.parse(message.page.uri) });
        return;
      case 'workspaceStats': {
        const pages = await loadPages(this.store);
        const f = folderStats(pages);
        const review = countByReview(pages, p => p.review);
        void this.post({ type: 'workspaceStats', stats: { pages: f.pages, review, labels: f.labels, all: f.all, topNames: top(f.entities, 10, 'names'), topNumbers: top(f.entities, 10, 'numbers') } });
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
}
