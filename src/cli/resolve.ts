import { serializeDocument } from '../core/documentJson';
import { conflictSummary, resolveConflict, type Resolution } from '../core/team/conflicts';
import { writeFileAtomic } from '../node/atomicWrite';
import { CliContext, UsageError, parseArgs } from './args';
import { loadSidecars } from './sidecarFiles';

export const usage = 'biaozhu resolve PAGE|SIDECAR... [--ours|--theirs|--both] [--id ID]   (lists the conflicts when no choice is given)';

/** Resolves the merge driver's conflicts from the command line: every conflict of the page, or the one with --id. */
export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const { positional, options } = parseArgs(argv, { ours: 'boolean', theirs: 'boolean', both: 'boolean', id: 'string' });
  const choices = (['ours', 'theirs', 'both'] as const).filter(c => options[c]);
  if (choices.length > 1) throw new UsageError('choose one of --ours, --theirs, --both');
  if (positional.length === 0) throw new UsageError(`missing PAGE or SIDECAR\nusage: ${usage}`);
  const choice: Resolution | undefined = choices[0];
  const id = options.id as string | undefined;
  let failed = 0;
  for (const p of loadSidecars(positional, m => { failed++; ctx.stderr(`biaozhu: ${m}\n`); })) {
    const conflicts = (p.doc.conflicts ?? []).filter(c => id === undefined || c.id === id);
    if (id !== undefined && conflicts.length === 0) { failed++; ctx.stderr(`biaozhu: ${p.sidecar}: no conflict on ${id}\n`); continue; }
    if (!choice) {
      for (const c of conflicts) ctx.stdout(`${p.sidecar}: ${c.list} ${c.id}: ${conflictSummary(c)}\n  ours:   ${JSON.stringify(c.ours)}\n  theirs: ${JSON.stringify(c.theirs)}\n`);
      continue;
    }
    let doc = p.doc;
    for (const c of conflicts) doc = resolveConflict(doc, c.list, c.id, choice);
    writeFileAtomic(p.sidecar, serializeDocument({ ...doc }));
    ctx.stdout(`${p.sidecar}: ${conflicts.length} conflict${conflicts.length === 1 ? '' : 's'} resolved (${choice}), ${doc.conflicts?.length ?? 0} left\n`);
  }
  return failed ? 1 : 0;
}
