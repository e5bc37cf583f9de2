// Rebuilds models/ner.bin.gz: bundles scripts/train-ner.ts (see its header for sources and options) and runs it.
//   node scripts/train-ner.mjs [--cv 5] [--epochs 12] [--min-count 1]
import * as esbuild from 'esbuild';
import { spawnSync } from 'child_process';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join, dirname } from 'path';
import { fileURLToPath } from 'url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(mkdtempSync(join(tmpdir(), 'biaozhu-train-')), 'train-ner.js');
await esbuild.build({
  entryPoints: [join(root, 'scripts', 'train-ner.ts')], bundle: true, platform: 'node', format: 'cjs',
  target: 'node18', external: ['nodejieba'], outfile, logLevel: 'warning',
  define: { __dirname: JSON.stringify(join(root, 'scripts')) },
});
const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, NODE_PATH: join(root, 'node_modules') } });
process.exit(run.status ?? 1);
