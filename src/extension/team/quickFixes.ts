import * as vscode from 'vscode';
import { Commands } from '../commandIds';
import type { LintDiagnostics } from './diagnostics';
import { TeamCommands } from './ids';

/** A change the fix command applies to annotations by id: a new label, or a new span (text re-read from the page). */
export type AnnotationFix = { label: string } | { start: number; end: number };

/**
 * Quick fixes for lint findings whose fix is clear: trim a span to its inner text, relabel an item (or every
 * item with that text on the page) to the majority label, open the orphan list.
 */
export class LintQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly diagnostics: LintDiagnostics) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const offset = doc.offsetAt(range.start);
    const endOffset = doc.offsetAt(range.end);
    const diagnostic = (rule: string) => context.diagnostics.filter(d => d.code === rule);
    const fix = (title: string, ids: string[], change: AnnotationFix, diags: vscode.Diagnostic[], preferred = false) => {
      const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      a.command = { command: TeamCommands.fixAnnotation, title, arguments: [doc.uri, ids, change] };
      a.diagnostics = diags;
      a.isPreferred = preferred;
      actions.push(a);
    };
    for (const f of this.diagnostics.findingsFor(doc.uri)) {
      const r = f.range;
      const here = r ? r.start <= endOffset && offset <= r.end : range.start.line === 0;
      if (!here || !f.annotationId) {
        if (here && f.rule === 'unresolved-orphan' && !actions.some(a => a.command?.command === Commands.showPanel)) {
          const open = new vscode.CodeAction(vscode.l10n.t('Open the Orphan List'), vscode.CodeActionKind.QuickFix);
          open.command = { command: Commands.showPanel, title: open.title };
          open.diagnostics = diagnostic(f.rule);
          actions.push(open);
        }
        continue;
      }
      if (f.rule === 'span-edges' && f.data?.trimmed) {
        fix(vscode.l10n.t('Trim the Span'), [f.annotationId], f.data.trimmed as { start: number; end: number }, diagnostic(f.rule), true);
      }
      if (f.rule === 'inconsistent-label' && typeof f.data?.majority === 'string') {
        const label = f.data.majority;
        fix(vscode.l10n.t('Relabel as {0}', label), [f.annotationId], { label }, diagnostic(f.rule), true);
        const same = this.diagnostics.findingsFor(doc.uri).filter(g => g.rule === 'inconsistent-label' && g.data?.majority === label && g.annotationId && g.data?.text === f.data?.text);
        if (same.length > 1) fix(vscode.l10n.t('Relabel All {0} Like It on This Page as {1}', same.length, label), same.map(g => g.annotationId!), { label }, diagnostic(f.rule));
      }
    }
    return actions;
  }
}
