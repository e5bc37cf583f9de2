/**
 * Which files are pages, and where a batch writes each page's output. One rule for every command:
 * a page is a `.txt` file; in folders, hidden folders (the `.biaozhu/` workspace folder among them) and
 * `node_modules` hold no pages, and sidecars (`PAGE.txt.biaozhu.json`) are annotations, never pages.
 */
import { ioReason } from '../core/errors';
import { readdirSync, statSync } from 'fs';
import { dirname, join, relative, resolve, sep } from 'path';
import { InputError } from '../node/readText';

export const isPageName = (name: string): boolean => /\.txt$/i.test(name);

/**
 * Files inside `dir`, recursively, in a stable sorted order, yielded one at a time so a folder is never
 * listed whole. Hidden files (temporaries of atomic writes, a batch's run record) are skipped, and so are
 * hidden folders and `node_modules`, except `.biaozhu` when `keepBiaozhu` (its sidecars are annotations for
 * the corpus tools; its `.txt` files are still no pages).
 */
export function* walkFiles(dir: string, keepBiaozhu = false): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    let st;
    try { st = statSync(p); } catch { continue; }
    if (st.isDirectory()) {
      if ((name.startsWith('.') && !(keepBiaozhu && name === '.biaozhu')) || name === 'node_modules') continue;
      yield* walkFiles(p, keepBiaozhu);
    } else if (!name.startsWith('.')) yield p;
  }
}

/** True for a `.txt` file found while walking `root` that is a page (not inside a `.biaozhu/` folder). */
export function isPageIn(root: string, file: string): boolean {
  return isPageName(file) && !relative(root, file).split(/[\\/]/).includes('.biaozhu');
}

export interface PageInput {
  /** The page's path as found (an input file as given, or the input folder joined with the path inside it). */
  path: string;
  /** Its path relative to the inputs' common folder, with `/` separators: names its output and its shard. */
  rel: string;
}

/** Whether `p` is an existing folder; a missing path is an error the user can act on (exit 1). */
export function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch (e) {
    throw new InputError(`${p}: ${ioReason(e, 'no such file or folder')}`);
  }
}

/**
 * Every page under the inputs, recursively, each once, with its path relative to the deepest folder that
 * holds every input (so two `page.txt` in different folders keep different names). An input that cannot be
 * read is kept as a page, so it is reported as a failed page while the others finish; when no input can be
 * read at all, the first one's problem is thrown (nothing to do, no empty summary).
 */
export function findPages(inputs: readonly string[]): PageInput[] {
  const folderOrMissing = (p: string): boolean | undefined => { try { return isFolder(p); } catch { return undefined; } };
  const found = inputs.map(p => ({ p, folder: folderOrMissing(p) }));
  if (found.every(r => r.folder === undefined)) isFolder(inputs[0]);
  const roots = found.map(r => ({ p: r.p, folder: r.folder === true }));
  const base = commonFolder(roots.map(r => resolve(r.folder ? r.p : dirname(r.p))));
  const seen = new Set<string>();
  const out: PageInput[] = [];
  const add = (path: string) => {
    const abs = resolve(path);
    if (seen.has(abs)) return;
    seen.add(abs);
    out.push({ path, rel: relative(base, abs).split(sep).join('/') });
  };
  for (const { p, folder } of roots) {
    if (!folder) { add(p); continue; }
    for (const f of walkFiles(p)) if (isPageIn(p, f)) add(f);
  }
  return out;
}

function commonFolder(dirs: readonly string[]): string {
  let common = dirs[0].split(sep);
  for (const d of dirs.slice(1)) {
    const parts = d.split(sep);
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.join(sep) || sep;
}

/** The output file for a page in an output folder: its relative path with `.txt` replaced by `.json`. */
export function outputFor(outDir: string, rel: string): string {
  return join(outDir, rel.replace(/\.txt$/i, '') + '.json');
}

/**
 * The `-o` rule: with a folder input or several inputs the output is a folder (created if missing); with one
 * file input it is a file unless it ends in `/` or names an existing folder.
 */
export function outputIsFolder(inputs: readonly string[], out: string): boolean {
  if (inputs.length > 1 || isFolder(inputs[0])) return true;
  if (/[\\/]$/.test(out)) return true;
  try { return statSync(out).isDirectory(); } catch { return false; }
}
