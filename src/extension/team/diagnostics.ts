import * as vscode from 'vscode';
import { toDocument } from '../../core/document';
import { lint, type Finding, type LintPage } from '../../core/lint';
import type { Sidecar } from '../../core/team/types';
import type { Config } from '../config';
import { relativePath } from '../sidecar';
import type { AnnotationStore, PageView } from '../store';
import { LINT_SOURCE } from './ids';
import { readLintConfig } from './workspaceFiles';
import { LARGE_DOCUMENT_CHARS } from '../page/dialogs';

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information,
};
const DEBOUNCE_MS = 500;

/** A diagnostic with the finding it came from, for the quick fixes. */
export class LintDiagnostic extends vscode.Diagnostic {
  constructor(range: vscode.Range, readonly finding: Finding) {
    super(range, finding.message, SEVERITY[finding.severity]);
    this.source = LINT_SOURCE;
    this.code = finding.rule;
  }
}

/** The store's view of a page as the sidecar it writes (contract + orphans + team keys), for lint. */
export function pageForLint(state: PageView, config: Config): LintPage {
  const doc: Sidecar = {
    ...toDocument(relativePath(state.uri), state.text, state, config.value.labels),
    orphans: [...state.orphans], ...state.team,
  };
  return { path: state.uri.fsPath, doc, text: state.text };
}

/**
 * Lint findings of the open pages in the Problems panel, refreshed (debounced) whenever the store
 * changes. Open pages are linted together, so "labelled differently" counts across them; the whole
 * workspace is linted on request (`lintWorkspace`), with its findings for pages not open kept until the next run.
 */
export class LintDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(LINT_SOURCE);
  private timer?: ReturnType<typeof setTimeout>;
  /** The last findings per page uri, for the quick fixes. */
  private readonly findings = new Map<string, Finding[]>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: AnnotationStore, private readonly config: Config, private readonly log: vscode.LogOutputChannel) {
    this.subscription = store.onDidChange(() => this.schedule());
  }

  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = undefined; void this.refresh(); }, DEBOUNCE_MS);
  }

  /** Lints the open pages now (also what the integration tests wait on). */
  async refresh(): Promise<void> {
    // A page above the large-page size is linted by Lint Annotations in Workspace, not on every change: its
    // tens of thousands of items would stall the extension host each time (issue 16).
    const states = this.store.documents().map(u => this.store.get(u))
      .filter((s): s is NonNullable<typeof s> => !!s && !s.loading && s.text.length <= LARGE_DOCUMENT_CHARS);
    const settings = await readLintConfig(states[0]?.uri, this.log);
    const pages = states.map(s => pageForLint(s, this.config));
    const findings = lint(pages, settings);
    for (const state of states) {
      const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === state.uri.toString());
      if (!doc) continue;
      this.findings.set(state.uri.toString(), findings.filter(f => f.path === state.uri.fsPath));
      this.collection.set(state.uri, findings.filter(f => f.path === state.uri.fsPath).map(f => this.toDiagnostic(doc, f)));
    }
  }

  findingsFor(uri: vscode.Uri): readonly Finding[] {
    return this.findings.get(uri.toString()) ?? [];
  }

  /**
   * Shows the findings of a whole-workspace run in place of everything shown before (a page fixed since
   * then loses its entries); returns how many pages have any.
   */
  showAll(findings: readonly Finding[]): number {
    this.collection.clear();
    const byPath = new Map<string, Finding[]>();
    for (const f of findings) {
      const list = byPath.get(f.path);
      if (list) list.push(f); else byPath.set(f.path, [f]);
    }
    for (const [p, list] of byPath) {
      const uri = vscode.Uri.file(p);
      this.collection.set(uri, list.map(f => new LintDiagnostic(f.range ? new vscode.Range(f.range.line - 1, f.range.column - 1, f.range.endLine - 1, f.range.endColumn - 1) : new vscode.Range(0, 0, 0, 0), f)));
    }
    return byPath.size;
  }

  private toDiagnostic(doc: vscode.TextDocument, f: Finding): LintDiagnostic {
    const range = f.range ? new vscode.Range(doc.positionAt(f.range.start), doc.positionAt(f.range.end)) : new vscode.Range(0, 0, 0, 0);
    return new LintDiagnostic(range, f);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.subscription.dispose();
    this.collection.dispose();
  }
}
