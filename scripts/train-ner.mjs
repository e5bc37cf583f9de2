// `npm run train:ner`: bundles scripts/train-ner.ts and scripts/calibrate-ner.ts (see their headers for
// sources and options), trains the tagger, then fits its confidence calibration on dev.bio.
//   node scripts/train-ner.mjs [--epochs 10] [--min-count 2] [--max-features 700000] [--out DIR]
//   node scripts/train-ner.mjs --calibrate-only     # refit models/ner-calibration.json only
import * as esbuild from 'esbuild';
import { spawnSync } from 'child_process';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join, dirname } from 'path';
import { fileURLToPath } from 'url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'biaozhu-train-'));
const args = process.argv.slice(2);
const outIdx = args.indexOf('--out');
// The trainer holds 1.85 M characters of features and its weight tables in memory.
const env = { ...process.env, NODE_PATH: join(root, 'node_modules'), NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=8000` };
if (outIdx >= 0) env.BIAOZHU_MODELS_DIR = args[outIdx + 1];

function run(name, argv) {
  const outfile = join(dir, `${name}.js`);
  esbuild.buildSync({
    entryPoints: [join(root, 'scripts', `${name}.ts`)], bundle: true, platform: 'node', format: 'cjs',
    target: 'node18', external: ['nodejieba'], outfile, logLevel: 'warning',
    define: { __dirname: JSON.stringify(join(root, 'scripts')) },
  });
  const r = spawnSync(process.execPath, [outfile, ...argv], { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!args.includes('--calibrate-only')) run('train-ner', args);
run('calibrate-ner', []);
