/**
 * Loading a corpus for `stats`, `search` and `compare`: sidecars (`PAGE.txt.biaozhu.json`), exported
 * Biaozhu JSON documents, and plain `.txt` pages that have neither (analysed on the fly).
 */
import { existsSync, statSync } from 'fs';
import { basename, dirname, isAbsolute, join } from 'path';
import { analyze } from '../core/analyze';
import { sha256 } from '../core/document';
import { parseDocument } from '../core/documentJson';
import type { CorpusPage } from '../core/corpus/page';
import type { PageReview, Sidecar } from '../core/team/types';
import type { AnnotationDocument } from '../core/types';
import { InputError, readTextFile } from '../node/readText';
import type { CliContext } from './args';
import { readDocument } from './export';
import { isPageIn, walkFiles } from './pages';

export const SIDECAR_SUFFIX = '.biaozhu.json';

export interface LoadedPage extends CorpusPage {
  /** The page's sha256 (from the document, or of the text read). */
  sha256: string;
  /** How it was obtained: an annotations file, or a page analysed now. */
  origin: 'annotations' | 'analysed';
  /** The page's review mark from its sidecar, if any. */
  review?: PageReview;
}

/** The page text for an annotations file, if a candidate file has exactly the text it was made on. */
export function pageTextFor(file: string, doc: AnnotationDocument): { path: string; text: string } | undefined {
  const p = doc.document.path;
  const candidates = [
    file.endsWith(SIDECAR_SUFFIX) ? file.slice(0, -SIDECAR_SUFFIX.length) : undefined,
    p,
    isAbsolute(p) ? undefined : join(dirname(file), p),
    join(dirname(file), basename(p)),
  ];
  for (const c of candidates) {
    if (!c || !existsSync(c)) continue;
    try {
      const text = readTextFile(c);
      if (sha256(text) === doc.document.sha256) return { path: c, text };
    } catch { /* not readable: try the next */ }
  }
  return undefined;
}

/**
 * One annotations file as a page, with its text when found. Its path is the page's (so positions point
 * into the text): the text found, else the sidecar's page, else the annotations file itself.
 */
export function loadAnnotations(file: string, doc = readDocument(file)): LoadedPage & { doc: AnnotationDocument } {
  const page = pageTextFor(file, doc);
  const path = page?.path ?? (file.endsWith(SIDECAR_SUFFIX) ? file.slice(0, -SIDECAR_SUFFIX.length) : file);
  const review = (doc as Sidecar).review;
  return { path, annotations: doc.annotations, text: page?.text, sha256: doc.document.sha256, origin: 'annotations', doc, ...(review ? { review } : {}) };
}

/**
 * Every page under the given files and folders. Annotations files come first (sidecars before exports);
 * a second annotations file for the same text is skipped with a note, and a `.txt` page with a sidecar
 * or with the same text as an annotations file is left to it, so no page counts twice. In folders,
 * `.json` files that are not Biaozhu documents are skipped with a note; named explicitly they are an
 * error. Failures are reported on stderr and counted.
 */
export function loadCorpus(inputs: readonly string[], ctx: CliContext): { pages: LoadedPage[]; failed: number } {
  const explicit = new Set<string>();
  const files: string[] = [];
  for (const p of inputs) {
    let isDir = false;
    try { isDir = statSync(p).isDirectory(); } catch { /* reported when read */ }
    // In folders: annotations files (sidecars also under `.biaozhu/`) and pages; never `.biaozhu/*.txt`.
    if (isDir) for (const f of walkFiles(p, true)) { if (/\.json$/i.test(f) || isPageIn(p, f)) files.push(f); }
    else { files.push(p); explicit.add(p); }
  }
  const rank = (f: string) => (f.endsWith(SIDECAR_SUFFIX) ? 0 : /\.json$/i.test(f) ? 1 : 2);
  const ordered = files.map((f, i) => ({ f, i })).sort((x, y) => rank(x.f) - rank(y.f) || x.i - y.i).map(x => x.f);

  // A page with a sidecar is represented by it, even when the page changed since (stale sidecar).
  const withSidecar = new Set(files.filter(f => f.endsWith(SIDECAR_SUFFIX)).map(f => f.slice(0, -SIDECAR_SUFFIX.length)));
  const pages: LoadedPage[] = [];
  const bySha = new Map<string, string>();
  let failed = 0;
  const note = (s: string) => ctx.stderr(`biaozhu: ${s}\n`);
  for (const file of ordered) {
    try {
      let page: LoadedPage;
      if (rank(file) < 2) {
        const doc = explicit.has(file) ? readDocument(file) : documentIn(file);
        if (!doc) { note(`${file}: skipped, not a Biaozhu annotations document`); continue; }
        page = loadAnnotations(file, doc);
      } else {
        if (withSidecar.has(file)) continue;
        const text = readTextFile(file);
        const sha = sha256(text);
        if (bySha.has(sha)) continue; // annotated already: its annotations file stands for it
        page = { path: file, annotations: analyze(text).annotations, text, sha256: sha, origin: 'analysed' };
      }
      const twin = bySha.get(page.sha256);
      if (twin !== undefined) { note(`${file}: skipped, annotates the same text as ${twin}`); continue; }
      bySha.set(page.sha256, file);
      pages.push(page);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      failed++;
      note(e.message);
    }
  }
  return { pages, failed };
}

/** The document in a file met while walking a folder, or undefined when it is something else. */
function documentIn(file: string): AnnotationDocument | undefined {
  try {
    const parsed = parseDocument(readTextFile(file));
    return parsed.ok ? parsed.doc : undefined;
  } catch {
    return undefined;
  }
}
