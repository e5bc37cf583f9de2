import { spawnSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { sha256 } from '../core/document';
import { parseDocument, serializeDocument } from '../core/documentJson';
import { conflictSummary } from '../core/team/conflicts';
import { mergeSidecars } from '../core/team/mergeSidecars';
import type { Sidecar } from '../core/team/types';
import { writeFileAtomic } from '../node/atomicWrite';
import { CliContext, UsageError } from './args';
import { SIDECAR_SUFFIX } from './corpusFiles';

export const usage = 'biaozhu merge-driver %O %A %B %P   (a git merge driver: see README, "Working as a team")';

const git = (args: string[]) => spawnSync('git', args, { encoding: 'utf8', maxBuffer: 1 << 30 });

/** A sidecar from one of git's temporary files: undefined for an empty base (the file was added on both branches). */
function read(path: string, role: string): { doc?: Sidecar; problem?: string } {
  const text = readFileSync(path, 'utf8');
  if (role === 'base' && text.trim() === '') return {};
  const parsed = parseDocument(text);
  return parsed.ok ? { doc: parsed.doc as Sidecar } : { problem: `${role}: ${parsed.problem.message}${parsed.problem.line ? ` (line ${parsed.problem.line})` : ''}` };
}

/**
 * Page texts by sha256, looked up lazily: the working tree's copy, then the page at the commits taking
 * part in the merge, rebase or cherry-pick, then the page's recent history on every branch (a rebase
 * picks commits that no special ref names). Each candidate is accepted only if its hash matches.
 */
function pageTexts(sidecarPath: string): (sha: string) => string | undefined {
  const page = sidecarPath.endsWith(SIDECAR_SUFFIX) ? sidecarPath.slice(0, -SIDECAR_SUFFIX.length) : sidecarPath;
  const paths = [...new Set([page, page.replace(/(^|\/)\.biaozhu\//, '$1')])];
  const found = new Map<string, string>();
  const tried = new Set<string>();
  const consider = (text: string | undefined) => { if (text !== undefined) found.set(sha256(text), text); };
  const sources: Array<() => void> = [
    () => paths.forEach(p => { if (existsSync(p)) consider(readFileSync(p, 'utf8')); }),
    () => ['HEAD', 'MERGE_HEAD', 'REBASE_HEAD', 'CHERRY_PICK_HEAD', 'REVERT_HEAD'].forEach(ref => paths.forEach(p => show(`${ref}:${p}`))),
    () => paths.forEach(p => {
      const commits = git(['rev-list', '--all', '--max-count=200', '--', p]);
      if (commits.status === 0) commits.stdout.split('\n').filter(Boolean).forEach(c => show(`${c}:${p}`));
    }),
  ];
  function show(spec: string) {
    if (tried.has(spec)) return;
    tried.add(spec);
    const r = git(['show', spec]);
    if (r.status === 0) consider(r.stdout);
  }
  return sha => {
    for (const source of sources) {
      if (found.has(sha)) break;
      source();
    }
    return found.get(sha);
  };
}

/**
 * git's contract: merge %O (base) and %B (theirs) into %A (ours) in place; exit 0 when clean, 1 when
 * conflicts are left (git then marks the file unmerged). A side that is not a Biaozhu document (say, a
 * hand-edited file with conflict markers) falls back to git's own line merge, so nothing is lost.
 */
export async function run(argv: string[], ctx: CliContext): Promise<number> {
  if (argv.length < 3 || argv.length > 4) throw new UsageError(`expected %O %A %B [%P]\nusage: ${usage}`);
  const [basePath, oursPath, theirsPath, name = oursPath] = argv;
  const base = read(basePath, 'base');
  const ours = read(oursPath, 'ours');
  const theirs = read(theirsPath, 'theirs');
  const problem = base.problem ?? ours.problem ?? theirs.problem;
  if (problem || !ours.doc || !theirs.doc) {
    ctx.stderr(`biaozhu merge-driver: ${name}: ${problem}; falling back to a line merge\n`);
    const r = spawnSync('git', ['merge-file', '-L', 'ours', '-L', 'base', '-L', 'theirs', oursPath, basePath, theirsPath], { encoding: 'utf8' });
    return r.status === 0 ? 0 : 1;
  }
  const { doc, conflicts } = mergeSidecars(base.doc, ours.doc, theirs.doc, pageTexts(name));
  writeFileAtomic(oursPath, serializeDocument({ ...doc }));
  if (!doc.conflicts?.length) return 0;
  for (const c of conflicts) ctx.stderr(`biaozhu merge-driver: ${name}: conflict on ${c.list} ${c.id}: ${conflictSummary(c)}\n`);
  const older = doc.conflicts.length - conflicts.length;
  if (older) ctx.stderr(`biaozhu merge-driver: ${name}: ${older} earlier conflict${older === 1 ? '' : 's'} still unresolved\n`);
  ctx.stderr(`biaozhu merge-driver: ${name}: resolve with "Biaozhu: Resolve Annotation Conflicts" or "biaozhu resolve", then git add\n`);
  return 1;
}
