/**
 * Where the benchmark data lives (../shared/bench beside the repository, or BIAOZHU_BENCH_DIR), the check that
 * every file a run needs is there before anything is measured, and the atomic write of a result: a run
 * without its data stops with exit 1 and never replaces a committed result with an incomplete one.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';

export function benchDir(root: string): string {
  return resolve(process.env.BIAOZHU_BENCH_DIR ?? join(root, '..', 'shared', 'bench'));
}

/** Exits 1, naming the folder and each missing file, unless every one of `files` (relative to benchDir) exists. */
export function requireData(root: string, files: readonly string[]): void {
  const dir = benchDir(root);
  const missing = files.filter(f => !existsSync(join(dir, f)));
  if (!missing.length) return;
  console.error([
    `Benchmark data missing under ${dir}:`,
    ...missing.map(f => `  ${f}`),
    'Put the benchmark data folder (ner-msra/, recognizers-text/) at ../shared/bench beside this repository,',
    'or point BIAOZHU_BENCH_DIR at it. Nothing was measured; bench/results/ is unchanged.',
  ].join('\n'));
  process.exit(1);
}

/** Writes bench/results/NAME.json through a temporary file and a rename (never a half-written result). */
export function writeResult(root: string, name: string, value: unknown): void {
  const dir = join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  console.log(`written bench/results/${name}.json`);
}
