import { QueryError, parseQuery, searchCorpus } from '../core/corpus/search';
import { CliContext, UsageError, parseArgs } from './args';
import { loadCorpus } from './corpusFiles';

export const usage = 'biaozhu search "LABEL TEXT|/REGEX/" DIR|FILE... [--rejected] [--context N]';

/** `path:line:column` (1-based, clickable in editors and terminals) when the text is known, else `path@start-end`. */
function where(path: string, text: string | undefined, start: number, end: number): string {
  if (text === undefined) return `${path}@${start}-${end}`;
  const before = text.slice(0, start);
  const line = before.split('\n').length;
  return `${path}:${line}:${start - before.lastIndexOf('\n')}`;
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
  const texts = new Map(pages.map(p => [p.path, p.text]));
  const hits = searchCorpus(pages, query, context);
  ctx.stdout(hits.map(h => {
    const a = h.annotation;
    const status = a.status === 'accepted' && a.source === 'auto' ? '' : ` (${a.source === 'manual' ? 'manual' : a.status})`;
    return `${where(h.path, texts.get(h.path), a.start, a.end)}: ${a.label} ${a.text}${status}  ${oneLine(h.before)}【${a.text}】${oneLine(h.after)}`;
  }).join('\n') + (hits.length ? '\n' : ''));
  ctx.stderr(`${hits.length} match${hits.length === 1 ? '' : 'es'} in ${new Set(hits.map(h => h.path)).size} of ${pages.length} pages\n`);
  return failed ? 1 : 0;
}
