// Builds every bundle with esbuild: one build per runtime. `--production` minifies; `--watch` rebuilds.
import * as esbuild from 'esbuild';
import { existsSync } from 'fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning' };
const node = { ...common, platform: 'node', format: 'cjs', target: 'node18', external: ['vscode', 'nodejieba'] };

const builds = [
  { ...node, entryPoints: { extension: 'src/extension/extension.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { worker: 'src/node/analysisWorker.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { cli: 'src/cli.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { quality: 'bench/quality.ts', speed: 'bench/speed.ts', anchoring: 'bench/anchoring.ts' }, outdir: 'dist/bench' },
  { ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: { webview: 'src/webview/main.ts' }, outdir: 'dist' },
].filter(b => Object.values(b.entryPoints).every(existsSync));

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map(b => esbuild.build(b)));
}
