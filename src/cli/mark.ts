import { dirname, resolve } from 'path';
import { serializeDocument } from '../core/documentJson';
import { markReview } from '../core/team/review';
import { PAGE_STATUSES, type PageStatus } from '../core/team/types';
import { writeFileAtomic } from '../node/atomicWrite';
import { gitUserName } from '../node/gitUser';
import { CliContext, UsageError, parseArgs } from './args';
import { loadSidecars } from './sidecarFiles';

export const usage = 'biaozhu mark in-progress|done|reviewed PAGE|DIR... [--by NAME]';

/** Marks pages' review status in their sidecars (who: --by, else git's user.name; when: now). */
export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const { positional, options } = parseArgs(argv, { by: 'string' });
  const [statusArg, ...inputs] = positional;
  const status = statusArg?.replace(/-/g, ' ') as PageStatus | undefined;
  if (!status || !PAGE_STATUSES.includes(status)) throw new UsageError(`expected a status (in-progress, done or reviewed), not '${statusArg ?? ''}'\nusage: ${usage}`);
  if (inputs.length === 0) throw new UsageError(`missing PAGE or DIR\nusage: ${usage}`);
  let failed = 0;
  const pages = loadSidecars(inputs, m => { failed++; ctx.stderr(`biaozhu: ${m}\n`); });
  const now = new Date();
  for (const p of pages) {
    const by = (options.by as string | undefined) ?? await gitUserName(dirname(resolve(p.sidecar)));
    writeFileAtomic(p.sidecar, serializeDocument({ ...p.doc, review: markReview(p.doc.review, status, by, now) }));
    ctx.stdout(`${p.page}: ${status}${by ? ` (${by})` : ''}\n`);
  }
  return failed ? 1 : 0;
}
