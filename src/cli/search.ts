import { QueryError, parseQuery, searchCorpus } from '../core/corpus/search';
import { CliContext, UsageError, parseArgs } from './args';
import { loadCorpus } from './corpusFiles';

export const usage = 'biaozhu search "LABEL TEXT|/REGEX/" DIR|FILE... [--rejected] [--context N]';

/** Offsets of the line breaks of `text`, found once per page. */
export function lineBreaks(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) out.push(i);
  return out;
}

/**
 * `path:line:column` (1-based, clickable in editors and terminals) when the text is known, else
 * `path@start-end`. A binary search in the page's line breaks: slicing and splitting the text before each
 * hit made search quadratic in the page's size.
 */
export function where(path: string, breaks: readonly number[] | undefined, start: number, end: number): string {
  if (breaks === undefined) return `${path}@${start}-${end}`;
  let lo = 0, hi = breaks.length; // count of breaks before `start`
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breaks[mid] < start) lo = mid + 1;
    else hi = mid;
  }
  return `${path}:${lo + 1}:${start - (lo ? breaks[lo - 1] : -1)}`;
}

const oneLine = (s: string) => s.replace(/\r?\n/g, '⏎');

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const { positional, options } = parseArgs(argv, { rejected: 'boolean', context: 'string' });
  if (positional.length < 2) throw new UsageError(`give a QUERY and at least one DIR or FILE\nusage: ${usage}`);
  const context = options.context === undefined ? 12 : Number(options.context);
  if (!Number.isInteger(context) || context < 0) throw new UsageError(`--context must be a whole number, not '${options.context}'`);
  let query;
  try {
    query = { ...parseQuery(positional[0]), includeRejected: options.rejected === true };
  } catch (e) {
    if (e instanceof QueryError) throw new UsageError(`bad query '${positional[0]}': ${e.message}`);
    throw e;
  }
  const { pages, failed } = loadCorpus(positional.slice(1), ctx);
  if (pages.length === 0) return 1; // every input failed, and said why: no empty result
  const texts = new Map(pages.map(p => [p.path, p.text]));
  const breaks = new Map<string, number[] | undefined>();
  const breaksOf = (path: string) => {
    if (!breaks.has(path)) { const t = texts.get(path); breaks.set(path, t === undefined ? undefined : lineBreaks(t)); }
    return breaks.get(path);
  };
  const hits = searchCorpus(pages, query, context);
  ctx.stdout(hits.map(h => {
    const a = h.annotation;
    const status = a.status === 'accepted' && a.source === 'auto' ? '' : ` (${a.source === 'manual' ? 'manual' : a.status})`;
    return `${where(h.path, breaksOf(h.path), a.start, a.end)}: ${a.label} ${a.text}${status}  ${oneLine(h.before)}【${a.text}】${oneLine(h.after)}`;
  }).join('\n') + (hits.length ? '\n' : ''));
  ctx.stderr(`${hits.length} match${hits.length === 1 ? '' : 'es'} in ${new Set(hits.map(h => h.path)).size} of ${pages.length} pages\n`);
  return failed ? 1 : 0;
}
