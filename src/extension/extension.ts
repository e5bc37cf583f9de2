/** Composition root: builds the services, wires them together, and hands every disposable to VS Code. */
import * as path from 'path';
import * as vscode from 'vscode';
import { BUILTIN_LABELS } from '../core/labels';
import { ActiveContext } from './activeContext';
import { AnalysisClient } from './analysisClient';
import { createApi, type BiaozhuApi } from './api';
import { PANEL_VIEW_ID } from './commandIds';
import { registerAnnotateCommands } from './commands/annotate';
import { registerDocumentCommands } from './commands/document';
import { registerExportPages } from './commands/exportPages';
import { registerTransferCommands } from './commands/transfer';
import { registerCorpus } from './corpus';
import { Config } from './config';
import { Decorations } from './decorations';
import { AnnotationHover } from './hover';
import { registerOnboarding } from './onboarding';
import { PanelProvider } from './panel/panelProvider';
import { SidecarWatcher } from './sidecarWatcher';
import { StatusBar } from './statusBar';
import { AnnotationStore } from './store';
import { ArticleLenses, JoinBrokenParagraph } from './structure';

export type { BiaozhuApi } from './api';

const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];

export function activate(context: vscode.ExtensionContext): BiaozhuApi {
  const log = vscode.window.createOutputChannel('Biaozhu', { log: true });
  const config = new Config();
  const client = new AnalysisClient(path.join(context.extensionPath, 'dist', 'worker.js'), log);
  const store = new AnnotationStore(config, client, log);
  const decorations = new Decorations(store, config, BUILTIN_LABELS);
  const lenses = new ArticleLenses(store);
  const panel = new PanelProvider(context.extensionUri, store, config, log);

  context.subscriptions.push(
    log, config, client, store, decorations, lenses, panel,
    new StatusBar(store),
    new ActiveContext(store),
    new SidecarWatcher(store, log),
    vscode.languages.registerHoverProvider(SELECTOR, new AnnotationHover(store, config)),
    vscode.languages.registerCodeLensProvider(SELECTOR, lenses),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new JoinBrokenParagraph(store), { providedCodeActionKinds: JoinBrokenParagraph.kinds }),
    vscode.window.registerWebviewViewProvider(PANEL_VIEW_ID, panel, { webviewOptions: { retainContextWhenHidden: false } }),
    ...registerAnnotateCommands(store, config, log),
    ...registerDocumentCommands(store, decorations, log),
    ...registerTransferCommands(store, config, log),
    registerExportPages(store, config, log),
    ...registerCorpus(store, config, log),
    ...registerOnboarding(context.extensionPath, store, log),
  );
  return createApi(store, decorations);
}

export function deactivate(): void {}
