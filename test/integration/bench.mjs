// Extension figures for the benchmark issue, merged into test-output/extension.json (git-ignored) by the run that
// measured them; `npm run docs:update` copies them into the committed bench/results/extension.json.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../scripts/code-server.mjs';

/** Where tests put screenshots and figures: ignored by git, so a test run leaves the checkout clean. */
export const outputDir = join(repoRoot, 'test-output');
const file = join(outputDir, 'extension.json');

export function recordBench(source, figures) {
  mkdirSync(outputDir, { recursive: true });
  const all = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  all[source] = { ...figures, measuredAt: new Date().toISOString(), machine: `${process.platform}-${process.arch}` };
  writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
  console.log(`[bench] ${source}: ${JSON.stringify(figures)} → ${file}`);
}
