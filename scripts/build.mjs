// Builds every bundle with esbuild: one build per runtime. `--production` minifies; `--watch` rebuilds.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { createRequire } from 'module';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning' };
const node = { ...common, platform: 'node', format: 'cjs', target: 'node18', external: ['vscode', 'nodejieba'] };

const builds = [
  { ...node, entryPoints: { extension: 'src/extension/extension.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { worker: 'src/node/analysisWorker.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { cli: 'src/cli.ts', pageWorker: 'src/node/pageWorker.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { quality: 'bench/quality.ts', speed: 'bench/speed.ts', scale: 'bench/scale.ts', anchoring: 'bench/anchoring.ts' }, outdir: 'dist/bench' },
  { ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: { webview: 'src/webview/main.ts' }, outdir: 'dist' },
].filter(b => Object.values(b.entryPoints).every(existsSync));

/**
 * jieba's part-of-speech table, built once here into dist/tagTable.bin instead of at every first use
 * (src/core/tagTable.ts; src/core/jieba.ts reads it and checks it matches the dictionaries).
 */
async function writeTagTable() {
  const started = Date.now();
  const bundled = await esbuild.build({ entryPoints: ['src/core/tagTable.ts'], bundle: true, format: 'esm', platform: 'neutral', write: false });
  const { TagTable } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);
  const jieba = createRequire(import.meta.url)('nodejieba');
  const dictionaries = [jieba.DEFAULT_DICT, jieba.DEFAULT_USER_DICT];
  const table = TagTable.fromDictionaries(dictionaries.map(d => readFileSync(d, 'utf8')));
  mkdirSync('dist', { recursive: true });
  const bytes = table.encode(TagTable.keyOf(dictionaries.map(d => statSync(d).size)));
  writeFileSync('dist/tagTable.bin', bytes);
  if (!watch) console.log(`dist/tagTable.bin: ${table.size} words, ${(bytes.byteLength / 1048576).toFixed(1)} MB, ${Date.now() - started} ms`);
}

await writeTagTable();
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map(b => esbuild.build(b)));
}
