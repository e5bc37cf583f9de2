import { countsCsv, entitiesCsv, folderStats, pageStats, top, type EntityCount, type LabelCounts } from '../core/corpus/stats';
import { progress, PROGRESS_STATUSES, type Progress } from '../core/team/review';
import { PAGE_STATUSES } from '../core/team/types';
import { writeFileAtomic } from '../node/atomicWrite';
import { CliContext, UsageError, parseArgs } from './args';
import { loadCorpus } from './corpusFiles';
import { outputPath } from '../formats';

export const usage = 'biaozhu stats DIR|FILE... [--top N] [--csv OUT.csv]';

const counts = (c: LabelCounts) => `${c.label} ${c.total} (${c.accepted} accepted, ${c.suggested} suggested, ${c.rejected} rejected; ${c.distinct} distinct)`;
const list = (es: EntityCount[]) => es.map(e => `${e.text} ${e.label} ×${e.count}`).join(', ') || '—';

/** Pages per review mark, then per person: `alice: 3 done, 1 in progress`. */
function progressLines(p: Progress): string[] {
  const lines = [`review marks: ${PROGRESS_STATUSES.map(s => `${p.byStatus[s]} ${s}`).join(', ')}`];
  for (const row of p.byPerson) lines.push(`  ${row.person}: ${PAGE_STATUSES.filter(s => row[s]).map(s => `${row[s]} ${s}`).join(', ')}`);
  return lines;
}

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const { positional, options } = parseArgs(argv, { csv: 'string', top: 'string' });
  if (positional.length === 0) throw new UsageError(`missing DIR or FILE\nusage: ${usage}`);
  const n = options.top === undefined ? 10 : Number(options.top);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--top must be a whole number, not '${options.top}'`);
  const csv = options.csv as string | undefined;
  const entities = csv === undefined ? undefined : outputPath(csv, '.entities.csv');
  if (csv !== undefined && entities === csv) throw new UsageError(`--csv ${csv}: give the file an extension such as .csv`);
  const { pages, failed } = loadCorpus(positional, ctx);
  if (pages.length === 0) {
    if (failed) return 1; // every input failed, and said why: no empty summary
    throw new UsageError('no pages or annotations found in the given folders');
  }

  const perPage = pages.map(pageStats);
  const folder = folderStats(pages);
  const out: string[] = [];
  for (const [i, p] of perPage.entries()) {
    const fresh = pages[i].origin === 'analysed' ? ' (no annotations file: analysed now)' : '';
    out.push(`${p.path}${fresh}: ${p.review}, ${p.all.total} annotation${p.all.total === 1 ? '' : 's'}, ${p.pending} pending`);
    for (const c of p.labels) out.push(`  ${counts(c)}`);
  }
  out.push(`${folder.pages} page${folder.pages === 1 ? '' : 's'}: ${folder.review.done} done, ${folder.review['in progress']} in progress, ${folder.review['not started']} not started`);
  for (const c of [...folder.labels, folder.all]) out.push(`  ${counts(c)}`);
  out.push(`  most frequent names: ${list(top(folder.entities, n, 'names'))}`);
  out.push(`  most frequent numbers: ${list(top(folder.entities, n, 'numbers'))}`);
  // Review marks (Mark Page Done/Reviewed, `biaozhu mark`): shown once any page has one.
  if (pages.some(p => p.review)) out.push(...progressLines(progress(pages)));
  ctx.stdout(out.join('\n') + '\n');

  if (csv !== undefined && entities !== undefined) {
    writeFileAtomic(csv, countsCsv(perPage, folder));
    writeFileAtomic(entities, entitiesCsv(perPage, folder));
    ctx.stderr(`-> ${csv}, ${entities}\n`);
  }
  return failed ? 1 : 0;
}
