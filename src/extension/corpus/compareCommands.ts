/** "Compare Annotations…" (agreement of two annotation files of one text, optional curated merge) and "Export Statistics (CSV)…". */
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { compareAnnotations, mergeAnnotations, type AgreementReport, type Choice } from '../../core/corpus/agreement';
import { countsCsv, entitiesCsv, folderStats, pageStats } from '../../core/corpus/stats';
import { sha256 } from '../../core/document';
import { serializeDocument } from '../../core/documentJson';
import type { AnnotationDocument } from '../../core/types';
import { writeFileAtomicAsync } from '../../node/atomicWrite';
import { registerCommand } from '../commands/register';
import type { AnnotationStore } from '../store';
import { CorpusCommands } from './ids';
import { loadPages, readAnnotationFile } from './workspacePages';

const JSON_FILTER = { [vscode.l10n.t('Biaozhu annotations')]: ['json'] };

const pct = (x: number) => (100 * x).toFixed(1);

/** The report as Markdown: per-label scores, kappa, and the disagreements. */
export function reportMarkdown(aName: string, bName: string, r: AgreementReport, text?: string): string {
  const row = (s: AgreementReport['overall']) => `| ${s.label === '*' ? vscode.l10n.t('all') : s.label} | ${s.reference} | ${s.candidate} | ${s.matched} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} |`;
  const show = (items: readonly { label: string; text: string }[]) => items.map(x => `${x.label} ${x.text}`).join(', ') || '—';
  return [
    `# ${vscode.l10n.t('Annotation agreement')}`,
    '',
    `- A (${vscode.l10n.t('reference')}): \`${aName}\``,
    `- B: \`${bName}\``,
    `- Cohen's kappa: **${r.kappa.toFixed(3)}** (${r.agreedTokens}/${r.tokens} ${vscode.l10n.t('characters agree')})`,
    '',
    `| ${vscode.l10n.t('label')} | A | B | ${vscode.l10n.t('matched')} | P % | R % | F1 % |`,
    '|---|---:|---:|---:|---:|---:|---:|',
    ...r.perLabel.map(row),
    row(r.overall),
    '',
    `## ${vscode.l10n.t('Disagreements ({0})', r.disagreements.length)}`,
    '',
    ...r.disagreements.map(d => `- \`${d.id}\` ${d.kind}${text ? ` «${text.slice(d.start, d.end)}»` : ''}: A = ${show(d.a)}; B = ${show(d.b)}`),
    '',
  ].join('\n');
}

async function pageText(doc: AnnotationDocument): Promise<string | undefined> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    try {
      const text = (await fs.readFile(path.join(folder.uri.fsPath, doc.document.path), 'utf8')).replace(/^\uFEFF/, '');
      if (sha256(text) === doc.document.sha256) return text;
    } catch { /* not in this folder */ }
  }
  return undefined;
}

export function registerCompareCommands(store: AnnotationStore, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const pick = async (title: string) =>
    (await vscode.window.showOpenDialog({ title, canSelectMany: false, filters: JSON_FILTER, defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri }))?.[0];

  return [
    /**
     * `{ a, b }` compares without asking and returns the report; `merged` (a target) with `takeB` (ids of
     * disagreements to take from B, the rest from A) writes the curated file without asking.
     */
    registerCommand(CorpusCommands.compareAnnotations, log, async (arg?: { a?: unknown; b?: unknown; merged?: unknown; takeB?: unknown }) => {
      const scripted = arg?.a instanceof vscode.Uri && arg?.b instanceof vscode.Uri;
      const aUri = arg?.a instanceof vscode.Uri ? arg.a : await pick(vscode.l10n.t('Annotations A (the reference)'));
      if (!aUri) return undefined;
      const bUri = arg?.b instanceof vscode.Uri ? arg.b : await pick(vscode.l10n.t('Annotations B (to compare with A)'));
      if (!bUri) return undefined;
      const [a, b] = [await readAnnotationFile(aUri), await readAnnotationFile(bUri)];
      if (a.document.sha256 !== b.document.sha256) throw new Error(vscode.l10n.t('The two files annotate different texts ({0} and {1}).', a.document.path, b.document.path));
      const text = await pageText(a);
      const report = compareAnnotations(a.annotations, b.annotations, text ?? a.document.length);

      const writeMerged = async (target: vscode.Uri, choices: Record<string, Choice>) => {
        const merged = mergeAnnotations(report, choices, 'a');
        await writeFileAtomicAsync(target.fsPath, serializeDocument({ ...a, annotations: merged.annotations }));
      };
      const choicesOf = (takeB: readonly string[]) => Object.fromEntries(report.disagreements.map(d => [d.id, takeB.includes(d.id) ? 'b' : 'a'] as const));

      if (scripted) {
        if (arg?.merged instanceof vscode.Uri) await writeMerged(arg.merged, choicesOf(Array.isArray(arg.takeB) ? arg.takeB.map(String) : []));
        return report;
      }
      const md = reportMarkdown(vscode.workspace.asRelativePath(aUri), vscode.workspace.asRelativePath(bUri), report, text);
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: md });
      await vscode.window.showTextDocument(doc, { preview: false });
      if (report.disagreements.length === 0) return report;
      const curate = vscode.l10n.t('Write Merged File…');
      if (await vscode.window.showInformationMessage(vscode.l10n.t('{0} disagreements. Pick one version per item into a merged file?', report.disagreements.length), curate) !== curate) return report;
      const takeB = await vscode.window.showQuickPick(report.disagreements.map(d => ({
        label: text ? text.slice(d.start, d.end) : d.id,
        description: `A: ${d.a.map(x => x.label).join(', ') || '—'}  B: ${d.b.map(x => x.label).join(', ') || '—'}`,
        id: d.id,
      })), { canPickMany: true, placeHolder: vscode.l10n.t('Tick the items to take from B; the others keep A\'s version') });
      if (!takeB) return report;
      const target = await vscode.window.showSaveDialog({ defaultUri: aUri.with({ path: aUri.path.replace(/(\.biaozhu)?\.json$/, '.merged.json') }), filters: JSON_FILTER });
      if (target) await writeMerged(target, choicesOf(takeB.map(t => t.id)));
      return report;
    }),
    /** `{ target, kind: 'counts' | 'entities' }` writes without asking; returns the target. */
    registerCommand(CorpusCommands.exportStatistics, log, async (arg?: { target?: unknown; kind?: unknown }) => {
      let kind = arg?.kind === 'entities' || arg?.kind === 'counts' ? arg.kind : undefined;
      if (!kind) {
        const counts = { label: vscode.l10n.t('Counts per page and label'), csv: 'counts' as const };
        const entities = { label: vscode.l10n.t('Distinct entities with frequencies'), csv: 'entities' as const };
        kind = (await vscode.window.showQuickPick([counts, entities]))?.csv;
        if (!kind) return undefined;
      }
      const target = arg?.target instanceof vscode.Uri ? arg.target
        : await vscode.window.showSaveDialog({ defaultUri: vscode.workspace.workspaceFolders?.[0] && vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, `biaozhu-${kind}.csv`), filters: { CSV: ['csv'] } });
      if (!target) return undefined;
      const pages = await loadPages(store);
      const stats = pages.map(pageStats);
      const folder = folderStats(pages);
      await writeFileAtomicAsync(target.fsPath, kind === 'counts' ? countsCsv(stats, folder) : entitiesCsv(stats, folder));
      if (!(arg?.target instanceof vscode.Uri)) void vscode.window.showInformationMessage(vscode.l10n.t('Statistics of {0} pages written to {1}.', pages.length, vscode.workspace.asRelativePath(target)));
      return target;
    }),
  ];
}
