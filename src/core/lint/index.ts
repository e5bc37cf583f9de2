import { sha256 } from '../document';
import { RULES } from './rules';
import { lineColumn, lineStarts } from './text';
import type { Finding, LintConfig, LintPage, RawFinding, Severity } from './types';

export { RULES } from './rules';
export type { Finding, LintConfig, LintPage, Rule, Severity } from './types';

/**
 * Runs every rule that is on over the pages (corpus rules see all of them at once) and returns the
 * findings in page order, then position. A finding's range is given only when the sidecar matches the
 * page text now on disk, since otherwise its offsets point into an older text.
 */
export function lint(pages: readonly LintPage[], config: LintConfig): Finding[] {
  const raw: Array<{ rule: string; severity: Severity; f: RawFinding }> = [];
  for (const rule of RULES) {
    const level = config.rules[rule.id] ?? rule.defaultSeverity;
    if (level === 'off') continue;
    for (const f of rule.check(pages, config)) raw.push({ rule: rule.id, severity: level, f });
  }
  const starts = new Map<LintPage, number[] | null>();
  const startsOf = (p: LintPage) => {
    if (!starts.has(p)) starts.set(p, p.text !== undefined && sha256(p.text) === p.doc.document.sha256 ? lineStarts(p.text) : null);
    return starts.get(p)!;
  };
  const findings = raw.map(({ rule, severity, f }): Finding => {
    const a = f.annotation;
    const ls = a ? startsOf(f.page) : null;
    const from = ls && a ? lineColumn(ls, a.start) : undefined;
    const to = ls && a ? lineColumn(ls, a.end) : undefined;
    return {
      rule, severity, message: f.message, path: f.page.path,
      ...(f.page.sidecarPath ? { sidecarPath: f.page.sidecarPath } : {}),
      ...(a ? { annotationId: a.id } : {}),
      ...(a && from && to ? { range: { start: a.start, end: a.end, line: from.line, column: from.column, endLine: to.line, endColumn: to.column } } : {}),
      ...(f.data ? { data: f.data } : {}),
    };
  });
  const order = new Map(pages.map((p, i) => [p.path, i]));
  return findings
    .map((f, i) => ({ f, i }))
    .sort((x, y) => (order.get(x.f.path)! - order.get(y.f.path)!) || ((x.f.range?.start ?? -1) - (y.f.range?.start ?? -1)) || x.i - y.i)
    .map(x => x.f);
}

/** Counts per severity, for summaries and exit codes. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}
