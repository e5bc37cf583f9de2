// Extension figures for the benchmark issue, merged into bench/results/extension.json by the run that measured them.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../scripts/code-server.mjs';

const file = join(repoRoot, 'bench', 'results', 'extension.json');

export function recordBench(source, figures) {
  mkdirSync(join(repoRoot, 'bench', 'results'), { recursive: true });
  const all = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  all[source] = { ...figures, measuredAt: new Date().toISOString(), machine: `${process.platform}-${process.arch}` };
  writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
  console.log(`[bench] ${source}: ${JSON.stringify(figures)} → ${file}`);
}
