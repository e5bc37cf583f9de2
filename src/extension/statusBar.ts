/** The status bar item: counts and pending suggestions of the active document; a click opens the panel. */
import * as vscode from 'vscode';
import { countAnnotations } from '../core/describe';
import { Commands } from './commandIds';
import type { AnnotationStore } from './store';
import { Disposable } from './util/disposable';

const UPDATE_DELAY_MS = 150;

export class StatusBar extends Disposable {
  private readonly item = vscode.window.createStatusBarItem('biaozhu.status', vscode.StatusBarAlignment.Right, 100);
  constructor(private readonly store: AnnotationStore) {
    super();
    this.item.name = vscode.l10n.t('Biaozhu annotations');
    this.item.command = Commands.showPanel;
    this._registerEach(
      this.item,
      store.onDidChange(state => { if (state.uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.schedule(); }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      { dispose: () => clearTimeout(this.timer) },
    );
    this.update();
  }

  private timer?: ReturnType<typeof setTimeout>;

  /** Changes come with every keystroke; counting a large page's annotations once per pause is enough. */
  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => { this.timer = undefined; this.update(); }, UPDATE_DELAY_MS);
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    const state = editor && this.store.get(editor.document.uri);
    if (!state) {
      this.item.hide();
      return;
    }
    const counts = countAnnotations(state.annotations);
    const spinner = state.analysing ? '$(sync~spin) ' : '';
    this.item.text = `${spinner}$(tag) ${counts.total}` + (counts.pending > 0 ? ` · $(circle-outline) ${counts.pending}` : '');
    const perLabel = Object.entries(counts.byLabel).map(([label, n]) => `${label} ${n}`).join(' · ');
    this.item.tooltip = [
      vscode.l10n.t('Biaozhu: {0} annotations, {1} suggestions to review, {2} accepted', counts.total, counts.pending, counts.accepted),
      perLabel,
      state.orphans.length > 0 ? vscode.l10n.t('{0} orphaned annotations', state.orphans.length) : '',
      vscode.l10n.t('Click to open the side panel'),
    ].filter(Boolean).join('\n');
    this.item.show();
  }
}
