import { readFileSync } from 'fs';
import { ioReason } from '../core/errors';
import { dirname, join } from 'path';
import { parseLintConfig, DEFAULT_CONFIG } from '../core/lint/config';
import { countBySeverity, lint, RULES } from '../core/lint';
import { toSarif } from '../core/lint/sarif';
import { toText } from '../core/lint/textReport';
import type { LintConfig } from '../core/lint/types';
import { InputError } from '../node/readText';
import { CliContext, UsageError, parseArgs } from './args';
import { findWorkspaceFile, loadSidecars } from './sidecarFiles';

export const usage = 'biaozhu lint [DIR|FILE...] [--format text|json|sarif] [--config .biaozhu/lint.json]';

const FORMATS = ['text', 'json', 'sarif'];

/** `.biaozhu/lint.json` given, or found at or above the first input; defaults when there is none. */
function loadConfig(given: string | undefined, from: string): LintConfig {
  const path = given ?? findWorkspaceFile(from, 'lint.json');
  if (!path) return DEFAULT_CONFIG;
  let text: string;
  try { text = readFileSync(path, 'utf8'); } catch (e) { throw new InputError(`${path}: ${ioReason(e)}`); }
  const parsed = parseLintConfig(text);
  if (!parsed.ok) throw new InputError(`${path}: ${parsed.message}`);
  return parsed.config;
}

/** Exit 1 when there is an error finding or an unreadable file, else 0; warnings never fail the run. */
export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const { positional, options } = parseArgs(argv, { format: 'string', f: 'string', config: 'string' });
  const format = (options.format ?? options.f ?? 'text') as string;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not '${format}'`);
  const inputs = positional.length ? positional : ['.'];
  const config = loadConfig(options.config as string | undefined, inputs[0]);
  let failed = 0;
  const pages = loadSidecars(inputs, m => { failed++; ctx.stderr(`biaozhu: ${m}\n`); });
  const findings = lint(pages.map(p => ({ path: p.page, sidecarPath: p.sidecar, doc: p.doc, text: p.text })), config);
  if (format === 'json') ctx.stdout(JSON.stringify({ pages: pages.length, counts: countBySeverity(findings), findings }, null, 2) + '\n');
  else if (format === 'sarif') ctx.stdout(JSON.stringify(toSarif(findings, RULES, { name: 'biaozhu', version: toolVersion(), informationUri: 'https://github.com/biaozhu/biaozhu' }), null, 2) + '\n');
  else ctx.stdout(toText(findings, pages.length));
  return failed || countBySeverity(findings).error ? 1 : 0;
}

/** Biaozhu's version from its package.json (the nearest one above this file: dist/ when bundled, out/src/cli/ in tests). */
function toolVersion(): string | undefined {
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'biaozhu') return pkg.version;
    } catch { /* not here: look further up */ }
  }
  return undefined;
}
