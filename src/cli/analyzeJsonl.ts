/**
 * `analyze --jsonl`: the map step of a batch engine. Reads `{"path": …, "text": …}` lines on stdin and
 * writes one export document per line on stdout, in input order, analysed on the worker pool. A bad line
 * is reported on stderr (with its line number) and produces no output; the exit code is then 1.
 * Memory stays bounded: at most `WINDOW` documents wait for an earlier, slower one before being written.
 */
import { messageOf } from '../core/errors';
import { createInterface } from 'readline';
import type { PageResult, PoolData, RecordTask } from '../node/pageWorker';
import { runPool } from '../node/workerPool';
import type { CliContext } from './args';
import { workerScript } from './analyzeBatch';

const WINDOW_PER_JOB = 16;

interface Numbered extends RecordTask {
  line: number;
  seq: number;
}

export async function analyzeJsonl(input: NodeJS.ReadableStream, jobs: number, data: PoolData, ctx: CliContext): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const window = jobs * WINDOW_PER_JOB;
  const finished = new Map<number, string | undefined>(); // seq → JSON line (undefined: failed)
  let written = 0, issued = 0, failed = 0, lineNo = 0;
  let wake: (() => void) | undefined;

  const fail = (line: number, path: string | undefined, message: string) => {
    failed++;
    ctx.stderr(`biaozhu: stdin line ${line}${path ? ` (${path})` : ''}: ${message}\n`);
  };
  const flush = () => {
    while (finished.has(written)) {
      const json = finished.get(written);
      finished.delete(written++);
      if (json !== undefined) ctx.stdout(json + '\n');
    }
    wake?.();
  };

  /** The next valid record, waiting while the window of unwritten results is full. */
  async function* records(): AsyncGenerator<Numbered> {
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      lineNo++;
      if (next.value.trim() === '') continue;
      const record = parseRecord(next.value);
      if (typeof record === 'string') { fail(lineNo, undefined, record); continue; }
      while (issued - written >= window) await new Promise<void>(r => { wake = r; });
      wake = undefined;
      yield { kind: 'record', ...record, line: lineNo, seq: issued++ };
    }
  }

  await runPool<Numbered, PageResult>(workerScript(), data, jobs, records(), (task, r) => {
    const why = r instanceof Error ? r.message : r.ok ? undefined : r.message;
    if (why !== undefined) fail(task.line, task.path, why);
    finished.set(task.seq, why === undefined && !(r instanceof Error) && r.ok ? r.json : undefined);
    flush();
  });
  return failed ? 1 : 0;
}

function parseRecord(line: string): { path: string; text: string } | string {
  let v: unknown;
  try { v = JSON.parse(line); } catch (e) { return `not JSON: ${messageOf(e)}`; }
  const r = v as { path?: unknown; text?: unknown };
  if (typeof r !== 'object' || r === null || typeof r.path !== 'string' || typeof r.text !== 'string') {
    return 'expected an object {"path": "…", "text": "…"} with two strings';
  }
  return { path: r.path, text: r.text };
}
