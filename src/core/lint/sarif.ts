import type { Finding, Rule, Severity } from './types';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * A SARIF 2.1.0 log of the findings, for code-review tools. Paths are given as written (relative paths
 * resolve against the working directory, `%SRCROOT%`); regions use 1-based lines and UTF-16 columns, the
 * SARIF default, which is also how the offsets of the export contract count.
 */
export function toSarif(findings: readonly Finding[], rules: readonly Rule[], tool: { name: string; version?: string; informationUri?: string }): object {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const uri = (p: string) => p.split(/[\\/]/).map(encodeURIComponent).join('/');
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: tool.name, ...(tool.version ? { version: tool.version } : {}), ...(tool.informationUri ? { informationUri: tool.informationUri } : {}),
          rules: rules.map(r => ({ id: r.id, shortDescription: { text: r.description }, defaultConfiguration: { level: LEVEL[r.defaultSeverity] } })),
        },
      },
      columnKind: 'utf16CodeUnits',
      results: findings.map(f => ({
        ruleId: f.rule,
        ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: uri(f.path), uriBaseId: '%SRCROOT%' },
            ...(f.range ? { region: { startLine: f.range.line, startColumn: f.range.column, endLine: f.range.endLine, endColumn: f.range.endColumn, charOffset: f.range.start, charLength: f.range.end - f.range.start } } : {}),
          },
        }],
        ...(f.annotationId ? { partialFingerprints: { annotationId: f.annotationId } } : {}),
      })),
    }],
  };
}
