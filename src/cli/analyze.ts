import { readdirSync, statSync } from 'fs';
import { basename, join, sep } from 'path';
import { analyze } from '../core/analyze';
import { toDocument } from '../core/document';
import { parseLexicon, toLexiconEntries } from '../core/corpus/lexiconFile';
import type { AnnotationDocument, LexiconEntry } from '../core/types';
import { writeFileAtomic } from '../node/atomicWrite';
import { readTextFile } from '../node/readText';
import { CliContext, UsageError, parseArgs } from './args';

export const usage = 'biaozhu analyze FILE|DIR... [-o OUT.json|OUTDIR] [--lexicon LEXICON.txt]';

/** Expands directories to the `.txt` pages inside them (sorted), keeping files as given. */
export function expandInputs(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let isDir = false;
    try { isDir = statSync(p).isDirectory(); } catch { /* reported when read */ }
    if (isDir) {
      for (const name of readdirSync(p).sort()) if (name.toLowerCase().endsWith('.txt')) out.push(join(p, name));
    } else out.push(p);
  }
  return out;
}

export function analyzeFile(path: string, lexicon?: readonly LexiconEntry[]): AnnotationDocument {
  const text = readTextFile(path);
  // document.path is '/'-separated on every platform (as the extension writes it), so files move between machines.
  return toDocument(path.split(sep).join('/'), text, analyze(text, { lexicon }));
}

/** Reads a workspace lexicon (see docs/productivity.md); bad lines are reported and skipped. */
function readLexicon(path: string, ctx: CliContext): LexiconEntry[] {
  const { lexicon, problems } = parseLexicon(readTextFile(path));
  for (const p of problems) ctx.stderr(`biaozhu: ${path}:${p.line}: ${p.message}\n`);
  return toLexiconEntries(lexicon);
}

export function summary(doc: AnnotationDocument): string {
  const counts = new Map<string, number>();
  for (const a of doc.annotations) counts.set(a.label, (counts.get(a.label) ?? 0) + 1);
  const perLabel = [...counts].map(([l, n]) => `${l} ${n}`).join(', ') || 'no annotations';
  return `${doc.document.path}: ${doc.articles.length} articles, ${doc.columnBreaks.length} column breaks; ${perLabel}`;
}

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const { positional, options } = parseArgs(argv, { o: 'string', output: 'string', lexicon: 'string' });
  const out = (options.o ?? options.output) as string | undefined;
  if (positional.length === 0) throw new UsageError(`missing FILE\nusage: ${usage}`);
  const lexicon = typeof options.lexicon === 'string' ? readLexicon(options.lexicon, ctx) : undefined;
  const files = expandInputs(positional);
  if (files.length === 0) throw new UsageError('no .txt pages found in the given folders');
  const many = files.length > 1;
  let failed = 0;
  for (const file of files) {
    try {
      const doc = analyzeFile(file, lexicon);
      const json = JSON.stringify(doc, null, 2) + '\n';
      if (out === undefined) {
        ctx.stdout(json);
      } else {
        const target = many ? join(out, basename(file).replace(/\.[^.]*$/, '') + '.json') : out;
        writeFileAtomic(target, json);
        ctx.stderr(summary(doc) + ` -> ${target}\n`);
      }
    } catch (e) {
      failed++;
      ctx.stderr(`biaozhu: ${(e as Error).message}\n`);
    }
  }
  return failed ? 1 : 0;
}
