/**
 * `analyze DIR… -o OUTDIR`: every page on a pool of worker threads, each output written atomically as it
 * finishes at the page's relative path under OUTDIR. Resumable: OUTDIR/.biaozhu-analyze-run.json records the
 * analyser version, the lexicon, `--relations` and since when outputs of that configuration have been written; a page
 * whose output holds the same text's sha256 and was written since then is kept. `--force` re-does all.
 */
import { messageOf } from '../core/errors';
import { readFileSync } from 'fs';
import { join } from 'path';
import { ANALYZER_VERSION } from '../core/analyze';
import { loadModel } from '../core/entities/model';
import type { LexiconEntry } from '../core/types';
import { removeStaleTempsUnder, writeFileAtomic } from '../node/atomicWrite';
import { InputError } from '../node/readText';
import type { FileTask, PageResult, PoolData } from '../node/pageWorker';
import { runPool } from '../node/workerPool';
import type { CliContext } from './args';
import { BatchReport, type ProgressMode } from './batchReport';
import { outputFor, type PageInput } from './pages';

export interface BatchOptions {
  jobs: number;
  force: boolean;
  progress: ProgressMode;
  lexicon?: { entries: readonly LexiconEntry[]; sha256: string };
  relations?: boolean;
}

interface RunRecord {
  analyzer: number;
  lexicon: string | null;
  /** Written only when relations were suggested, so records of plain runs keep their form. */
  relations?: true;
  /** Outputs written at or after this time (ms since the epoch) belong to this configuration. */
  since: number;
}

/** Hidden, so no command ever reads it as a page or an annotations file. */
export const RUN_RECORD = '.biaozhu-analyze-run.json';

/** The pool's worker script, bundled beside the command line (dist/pageWorker.js). */
export const workerScript = (): string => join(__dirname, 'pageWorker.js');

/** When outputs already in `outDir` may be kept: undefined when none may (new configuration, or `--force`). */
function reuseSince(outDir: string, config: Omit<RunRecord, 'since'>, force: boolean): number | undefined {
  const file = join(outDir, RUN_RECORD);
  let old: RunRecord | undefined;
  try { old = JSON.parse(readFileSync(file, 'utf8')) as RunRecord; } catch { /* first run here */ }
  if (!force && old && old.analyzer === config.analyzer && old.lexicon === config.lexicon && old.relations === config.relations && typeof old.since === 'number') return old.since;
  try {
    writeFileAtomic(file, JSON.stringify({ ...config, since: Date.now() }, null, 2) + '\n');
  } catch (e) {
    throw new InputError(`-o ${outDir}: not usable as the output folder (${messageOf(e)})`);
  }
  return undefined;
}

export async function analyzeBatch(pages: readonly PageInput[], outDir: string, opts: BatchOptions, ctx: CliContext): Promise<number> {
  const since = reuseSince(outDir, { analyzer: ANALYZER_VERSION, lexicon: opts.lexicon?.sha256 ?? null, relations: opts.relations ? true : undefined }, opts.force);
  removeStaleTempsUnder(outDir); // left by a run killed mid-write
  const report = new BatchReport(pages.length, opts.progress, s => ctx.stderr(s));
  function* tasks(): Generator<FileTask> {
    for (const p of pages) yield { kind: 'file', path: p.path, out: outputFor(outDir, p.rel), reuseSince: since };
  }
  const data: PoolData = { lexicon: opts.lexicon?.entries, relations: opts.relations, model: loadModel() };
  await runPool<FileTask, PageResult>(workerScript(), data, Math.min(opts.jobs, pages.length), tasks(), (task, r) => {
    if (r instanceof Error) report.failed(task.path, `${task.path}: ${r.message}`);
    else if (!r.ok) report.failed(task.path, r.message);
    else report.page(task.path, task.out, r, r.skipped);
  });
  ctx.stderr(report.summary(process.resourceUsage().maxRSS * 1024));
  return report.failures.length ? 1 : 0;
}
