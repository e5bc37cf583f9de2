import { availableParallelism } from 'os';
import { sha256 } from '../core/document';
import { parseLexicon, toLexiconEntries } from '../core/corpus/lexiconFile';
import { loadModel } from '../core/entities/model';
import { inShard, parseShard } from '../core/corpus/shard';
import type { AnnotationDocument, LexiconEntry } from '../core/types';
import { writeFileAtomic } from '../node/atomicWrite';
import { analyzeToDocument, countsOf, documentFile } from '../node/pageDocument';
import { readTextFile } from '../node/readText';
import { CliContext, UsageError, parseArgs } from './args';
import { messageOf } from '../core/errors';
import { analyzeBatch } from './analyzeBatch';
import { analyzeJsonl } from './analyzeJsonl';
import { pageLine } from './batchReport';
import { findPages, outputIsFolder } from './pages';

export const usage = 'biaozhu analyze FILE|DIR... [-o OUT.json|OUTDIR] [--jobs N] [--force] [--quiet] [--shard K/N] [--lexicon LEXICON.txt] [--relations]\n' +
  '  biaozhu analyze --jsonl [--jobs N] [--lexicon LEXICON.txt] [--relations] < pages.jsonl > documents.jsonl';

/** `relations`: also suggest the relations the text states plainly (written as `relations[]`). */
export function analyzeFile(path: string, lexicon?: readonly LexiconEntry[], relations = false): AnnotationDocument {
  return analyzeToDocument(path, readTextFile(path), { lexicon, relations });
}

/** Reads a workspace lexicon (see docs/productivity.md); bad lines are reported and skipped. */
function readLexicon(path: string, ctx: CliContext): { entries: LexiconEntry[]; sha256: string } {
  const text = readTextFile(path);
  const { lexicon, problems } = parseLexicon(text);
  for (const p of problems) ctx.stderr(`biaozhu: ${path}:${p.line}: ${p.message}\n`);
  return { entries: toLexiconEntries(lexicon), sha256: sha256(text) };
}

export function summary(doc: AnnotationDocument): string {
  return pageLine(doc.document.path, countsOf(doc));
}

function jobsOption(value: string | boolean | undefined): number {
  if (value === undefined) return availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs must be a whole number of at least 1, not '${value}'`);
  return n;
}

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const { positional, options } = parseArgs(argv, {
    o: 'string', output: 'string', lexicon: 'string', jobs: 'string', force: 'boolean', quiet: 'boolean', shard: 'string', jsonl: 'boolean', relations: 'boolean',
  });
  const out = (options.o ?? options.output) as string | undefined;
  const jobs = jobsOption(options.jobs);
  if (options.jsonl) {
    if (positional.length || out !== undefined || options.shard !== undefined) {
      throw new UsageError('--jsonl reads pages on stdin and writes to stdout: give no FILE, -o or --shard (the engine splits the records)');
    }
  } else if (positional.length === 0) throw new UsageError(`missing FILE\nusage: ${usage}`);
  const lexicon = typeof options.lexicon === 'string' ? readLexicon(options.lexicon, ctx) : undefined;
  const relations = options.relations === true;
  if (options.jsonl) return analyzeJsonl(process.stdin, jobs, { lexicon: lexicon?.entries, relations, model: loadModel() }, ctx);

  let pages = findPages(positional);
  if (pages.length === 0) throw new UsageError('no .txt pages found in the given folders');
  if (typeof options.shard === 'string') {
    const shard = parseShard(options.shard);
    if (typeof shard === 'string') throw new UsageError(shard);
    pages = pages.filter(p => inShard(p.rel, shard));
  }
  if (out !== undefined && outputIsFolder(positional, out)) {
    const progress = options.quiet ? 'quiet' : process.stderr.isTTY ? 'tty' : 'lines';
    return analyzeBatch(pages, out, { jobs, force: options.force === true, progress, lexicon, relations }, ctx);
  }
  let failed = 0;
  for (const { path } of pages) {
    try {
      const doc = analyzeFile(path, lexicon?.entries, relations);
      if (out === undefined) {
        ctx.stdout(documentFile(doc));
      } else {
        writeFileAtomic(out, documentFile(doc));
        ctx.stderr(summary(doc) + ` -> ${out}\n`);
      }
    } catch (e) {
      failed++;
      ctx.stderr(`biaozhu: ${messageOf(e)}\n`);
    }
  }
  return failed ? 1 : 0;
}
