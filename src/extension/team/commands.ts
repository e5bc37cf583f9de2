import * as path from 'path';
import * as vscode from 'vscode';
import { adjust, relabelItems } from '../../core/actions';
import { annotationAt } from '../../core/annotationOps';
import { lint, type LintPage } from '../../core/lint';
import { conflictSummary, type Resolution } from '../../core/team/conflicts';
import { guidelineFor } from '../../core/team/guidelines';
import { markReview } from '../../core/team/review';
import type { PageStatus } from '../../core/team/types';
import { gitUserName } from '../../node/gitUser';
import type { Config } from '../config';
import { loadPages } from '../corpus/workspacePages';
import type { AnnotationStore } from '../store';
import { pageStatusName } from '../words';
import { pageForLint, type LintDiagnostics } from './diagnostics';
import { TeamCommands } from './ids';
import type { Guidelines } from './guidelines';
import type { AnnotationFix } from './quickFixes';
import { conflictSide, resolutionName, resolvePageConflict } from './resolve';
import { readLintConfig, workspaceFile } from './workspaceFiles';

const activePage = (store: AnnotationStore) => {
  const editor = vscode.window.activeTextEditor;
  return editor && store.get(editor.document.uri) ? editor : undefined;
};

export function registerTeamCommands(store: AnnotationStore, config: Config, diagnostics: LintDiagnostics, guidelines: Guidelines, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const mark = (status: PageStatus) => async () => {
    const editor = activePage(store);
    if (!editor) return void vscode.window.showInformationMessage(vscode.l10n.t('Open an annotated page first.'));
    const uri = editor.document.uri;
    const by = uri.scheme === 'file' ? await gitUserName(path.dirname(uri.fsPath)) : undefined;
    const page = store.get(uri);
    if (!page) return; // closed while git answered
    page.updateTeam(team => ({ ...team, review: markReview(team.review, status, by, new Date()) }));
    const pending = page.annotations.filter(a => a.status === 'suggested').length;
    if (status !== 'in progress' && pending > 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Marked {0}, but {1} suggestions still await review.', pageStatusName(status), pending));
    }
  };

  const fixAnnotation = (uri: vscode.Uri, ids: string[], change: AnnotationFix) => {
    const state = store.get(uri);
    if (!state) return;
    const set = new Set(ids);
    // Through the page's actions, so a quick fix is undone like any other annotation action.
    state.act(page => 'label' in change
      ? relabelItems(page, set, change.label)
      : adjust(page, ids[0], change, state.text));
  };

  /** Each conflict in turn: mine, theirs or both (Escape stops; the rest stay for later). `args.choice` answers them all (scripts, tests). */
  const resolveConflicts = async (args?: { choice?: Resolution }) => {
    const editor = activePage(store);
    const state = editor && store.get(editor.document.uri);
    if (!state || !state.team.conflicts?.length) return void vscode.window.showInformationMessage(vscode.l10n.t('This page has no annotation conflicts.'));
    const items: Array<vscode.QuickPickItem & { choice: Resolution }> = (['ours', 'theirs', 'both'] as const).map(choice => ({ label: resolutionName(choice), choice }));
    for (const c of [...state.team.conflicts]) {
      items[0].description = conflictSide(c.ours);
      items[1].description = conflictSide(c.theirs);
      const picked = args?.choice ? items.find(i => i.choice === args.choice) : await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Resolve Annotation Conflict: {0} ({1})', c.id, conflictSummary(c)), ignoreFocusOut: true });
      if (!picked) return;
      resolvePageConflict(store, state.uri, c.list, c.id, picked.choice);
    }
  };

  /**
   * Lints every page of the workspace in one pass: open pages as the editor holds them, the others from
   * their sidecars (found as the editor finds them, `biaozhu.sidecar.location` included).
   */
  const lintWorkspace = async () => {
    const settings = await readLintConfig(vscode.workspace.workspaceFolders?.[0]?.uri, log);
    const pages = (await loadPages(store)).flatMap((p): LintPage[] => {
      const live = store.get(p.uri);
      if (live) return [pageForLint(live, config)];
      return p.sidecar ? [{ path: p.uri.fsPath, sidecarPath: store.sidecarUri(p.uri).fsPath, doc: p.sidecar, text: p.text }] : [];
    });
    const findings = lint(pages, settings);
    const shown = diagnostics.showAll(findings);
    await diagnostics.refresh(); // open pages again, with ranges from their documents and their quick fixes
    void vscode.window.showInformationMessage(vscode.l10n.t('Linted {0} pages: {1} findings on {2} pages.', pages.length, findings.length, shown));
    void vscode.commands.executeCommand('workbench.actions.view.problems');
  };

  /** Opens `.biaozhu/guidelines.md` at the section of the label at the cursor (or one picked). */
  const openGuidelines = async (labelArg?: string) => {
    const editor = vscode.window.activeTextEditor;
    const uri = workspaceFile(editor?.document.uri, 'guidelines.md');
    if (!uri) return void vscode.window.showInformationMessage(vscode.l10n.t('Open a workspace folder first.'));
    // The parse the hover and the panel share (re-read when the file changed).
    const sections = await guidelines.sections(editor?.document.uri);
    if (!sections) return void vscode.window.showInformationMessage(vscode.l10n.t('No guidelines yet: create {0} with a section per label.', '.biaozhu/guidelines.md'));
    const state = editor && store.get(editor.document.uri);
    const atCursor = state && annotationAt(state.annotations, editor!.document.offsetAt(editor!.selection.active));
    const label = typeof labelArg === 'string' ? labelArg : atCursor?.label
      ?? (await vscode.window.showQuickPick(config.value.labels.map(l => ({ label: l.id, description: l.name })), { title: vscode.l10n.t('Open Guidelines for Label') }))?.label;
    const section = label ? guidelineFor(sections, 'label', label) : undefined;
    const line = section?.line ?? 0;
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(line, 0, line, 0) });
  };

  return [
    vscode.commands.registerCommand(TeamCommands.markPageInProgress, mark('in progress')),
    vscode.commands.registerCommand(TeamCommands.markPageDone, mark('done')),
    vscode.commands.registerCommand(TeamCommands.markPageReviewed, mark('reviewed')),
    vscode.commands.registerCommand(TeamCommands.fixAnnotation, fixAnnotation),
    vscode.commands.registerCommand(TeamCommands.resolveConflicts, resolveConflicts),
    vscode.commands.registerCommand(TeamCommands.lintWorkspace, lintWorkspace),
    vscode.commands.registerCommand(TeamCommands.openGuidelines, openGuidelines),
  ];
}
