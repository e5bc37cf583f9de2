/** Finding sidecars, their pages and the workspace's `.biaozhu/` folder, for `lint`, `stats` and `review`. */
import { existsSync, statSync } from 'fs';
import { dirname, join, resolve, sep } from 'path';
import type { Sidecar } from '../core/team/types';
import { InputError, readTextFile } from '../node/readText';
import { SIDECAR_SUFFIX } from './corpusFiles';
import { walkFiles } from './pages';
import { readDocument } from './export';

/**
 * The page a sidecar annotates: beside it (`PAGE.txt.biaozhu.json`), or, for sidecars kept under the
 * workspace's `.biaozhu/` folder, the same relative path from the folder holding `.biaozhu/`.
 */
export function pageOfSidecar(file: string): string {
  const page = file.endsWith(SIDECAR_SUFFIX) ? file.slice(0, -SIDECAR_SUFFIX.length) : file;
  if (existsSync(page)) return page;
  const parts = page.split(/[\\/]/);
  const at = parts.lastIndexOf('.biaozhu');
  if (at === -1) return page;
  const mirrored = [...parts.slice(0, at), ...parts.slice(at + 1)].join(sep);
  return existsSync(mirrored) ? mirrored : page;
}

/** The sidecar of a page: beside it, else under `.biaozhu/` of the nearest folder above that has one. */
export function sidecarOfPage(page: string): string | undefined {
  const beside = page + SIDECAR_SUFFIX;
  if (existsSync(beside)) return beside;
  const abs = resolve(page);
  for (let dir = dirname(abs); ; dir = dirname(dir)) {
    const mirrored = join(dir, '.biaozhu', abs.slice(dir.length + 1) + SIDECAR_SUFFIX);
    if (existsSync(mirrored)) return mirrored;
    if (dirname(dir) === dir) return undefined;
  }
}

/** `.biaozhu/NAME` in the nearest folder at or above `from` that has it. */
export function findWorkspaceFile(from: string, name: string): string | undefined {
  let dir = resolve(from);
  try { if (!statSync(dir).isDirectory()) dir = dirname(dir); } catch { dir = dirname(dir); }
  for (;;) {
    const candidate = join(dir, '.biaozhu', name);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
    dir = dirname(dir);
  }
}

export interface SidecarPage {
  page: string;
  sidecar: string;
  doc: Sidecar;
  /** The page text on disk, undefined when the page is missing or unreadable. */
  text?: string;
}

/**
 * Every sidecar under the inputs: folders are walked for `*.biaozhu.json`; a page named explicitly
 * stands for its sidecar; any other file named explicitly is read as an annotations file. A file that
 * fails to load is reported through `fail` and skipped.
 */
export function loadSidecars(inputs: readonly string[], fail: (message: string) => void): SidecarPage[] {
  const files: string[] = [];
  for (const p of inputs) {
    let isDir = false;
    try { isDir = statSync(p).isDirectory(); } catch { /* reported when read */ }
    if (isDir) files.push(...[...walkFiles(p, true)].filter(f => f.endsWith(SIDECAR_SUFFIX)));
    else if (p.endsWith('.json')) files.push(p);
    else {
      const s = sidecarOfPage(p);
      if (s) files.push(s);
      else fail(`${p}: no annotations file (${p}${SIDECAR_SUFFIX}) found`);
    }
  }
  const out: SidecarPage[] = [];
  for (const sidecar of [...new Set(files)]) {
    try {
      const doc = readDocument(sidecar) as Sidecar;
      const page = pageOfSidecar(sidecar);
      let text: string | undefined;
      try { text = page !== sidecar && existsSync(page) ? readTextFile(page) : undefined; } catch { text = undefined; }
      out.push({ page: page === sidecar ? doc.document.path : page, sidecar, doc, text });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      fail(e.message);
    }
  }
  return out;
}
