import { countBySeverity } from '.';
import type { Finding } from './types';

/** `path:line:col: severity message [rule]`, one finding a line (the form editors and CI logs link), then a summary. */
export function toText(findings: readonly Finding[], pages: number): string {
  const lines = findings.map(f => `${f.path}${f.range ? `:${f.range.line}:${f.range.column}` : ''}: ${f.severity} ${f.message} [${f.rule}]`);
  const c = countBySeverity(findings);
  lines.push(`${pages} page${pages === 1 ? '' : 's'}: ${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}, ${c.info} info`);
  return lines.join('\n') + '\n';
}
