/** Composition root: builds the services, wires them together, and hands every disposable to VS Code. */
import * as os from 'os';
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
import { registerRichCommands } from './commands/rich';
import { registerTransferCommands } from './commands/transfer';
import { registerCorpus } from './corpus';
import { LexiconService } from './corpus/lexiconService';
import { PagesView } from './corpus/pagesView';
import { Config } from './config';
import { Decorations } from './decorations';
import { AnnotationHover } from './hover';
import { registerOnboarding } from './onboarding';
import { PanelProvider } from './panel/panelProvider';
import { SidecarWatcher } from './sidecarWatcher';
import { StatusBar } from './statusBar';
import { AnnotationStore } from './store';
import { ArticleLenses, JoinBrokenParagraph } from './structure';
import { registerTeamCommands } from './team/commands';
import { ConflictsView, registerConflictsView } from './team/conflictsView';
import { Guidelines } from './team/guidelines';
import { LintDiagnostics } from './team/diagnostics';
import { GuidelineHover } from './team/guidelineHover';
import { LintQuickFixes } from './team/quickFixes';
import { timeout } from './util/disposable';

export type { BiaozhuApi } from './api';

const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];
/**
 * The analyser starts loading as soon as activation has returned (a timer, never inside activate): its own
 * thread builds the dictionaries while VS Code goes on starting, and the host thread only spawns it. Every
 * millisecond waited here is one more before the first page's entities (it was 500 ms).
 */
const WARM_DELAY_MS = 0;

/** When this module was evaluated (ms since the host started), to report what activation cost. */
const loadedAt = performance.now();

export function activate(context: vscode.ExtensionContext): BiaozhuApi {
  const activatedAt = performance.now();
  const log = vscode.window.createOutputChannel('Biaozhu', { log: true });
  const config = new Config();
  const client = new AnalysisClient(path.join(context.extensionPath, 'dist', 'worker.js'), log);
  const lexicon = new LexiconService(log, (text, spans) => client.cutWords(text, spans));
  const store = new AnnotationStore(config, client, log, () => lexicon.analysisOptions());
  const decorations = new Decorations(store, config, BUILTIN_LABELS);
  const lenses = new ArticleLenses(store);
  const guidelines = new Guidelines();
  const panel = new PanelProvider(context.extensionUri, store, config, guidelines, log);
  const lint = new LintDiagnostics(store, config, log);
  const pages = new PagesView(store, context.workspaceState);
  const conflicts = new ConflictsView(store);

  context.subscriptions.push(
    log, config, client, lexicon, store, decorations, lenses, guidelines, panel,
    // The lexicon learns from what each page saves, against the state the page was loaded with.
    store.onDidChange(page => lexicon.noteChanged(page)),
    store.onDidSave(page => void lexicon.learnFrom(page)),
    new StatusBar(store),
    new ActiveContext(store),
    new SidecarWatcher(store, log),
    vscode.languages.registerHoverProvider(SELECTOR, new AnnotationHover(store, config)),
    vscode.languages.registerCodeLensProvider(SELECTOR, lenses),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new JoinBrokenParagraph(store), { providedCodeActionKinds: JoinBrokenParagraph.kinds }),
    vscode.window.registerWebviewViewProvider(PANEL_VIEW_ID, panel, { webviewOptions: { retainContextWhenHidden: false } }),
    ...registerAnnotateCommands(store, config, log),
    ...registerRichCommands(store, config, log),
    ...registerDocumentCommands(store, decorations, log),
    ...registerTransferCommands(store, config, log),
    registerExportPages(store, config, log),
    ...registerCorpus(store, lexicon, config, {
      // Analyze Folder: the command line's worker pool, one thread per core.
      script: path.join(context.extensionPath, 'dist', 'pageWorker.js'),
      jobs: Math.max(1, os.availableParallelism()),
      options: async () => ({ ...config.value.analyzers, ...await lexicon.analysisOptions() }),
    }, pages, log),
    lint,
    vscode.languages.registerHoverProvider(SELECTOR, new GuidelineHover(store, guidelines)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new LintQuickFixes(lint), { providedCodeActionKinds: LintQuickFixes.kinds }),
    ...registerTeamCommands(store, config, lint, guidelines, log),
    ...registerConflictsView(conflicts, store, log),
    timeout(() => { if (config.value.autoAnalyze) client.warm(); }, WARM_DELAY_MS),
    ...registerOnboarding(context.extensionPath, store, log),
  );
  log.info(`activated in ${Math.round(performance.now() - activatedAt)} ms (module evaluated ${Math.round(activatedAt - loadedAt)} ms before)`);
  return createApi(store, decorations, panel, lexicon, { pages, conflicts });
}

export function deactivate(): void {}
