/**
 * The sidecar file: `PAGE.txt` → `PAGE.txt.biaozhu.json` beside it (or under `.biaozhu/` at the workspace
 * root, mirroring paths). Its content is the export contract plus an `orphans` array, one item per line so
 * it diffs well. Writes are atomic and serialised per file; a corrupt sidecar is set aside, never overwritten.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { withContext } from '../core/anchor';
import { sha256Sliced, toDocument } from '../core/document';
import { pruneRelations } from '../core/relations';
import { parseDocument, type DocumentProblem } from '../core/documentJson';
import { serializeDocumentChunks } from '../core/serializeChunks';
import type { Sidecar } from '../core/team/types';
import type { Annotation, AnnotationDocument, Article, ColumnBreak, LabelDef, Relation } from '../core/types';
import { errorCode, messageOf } from '../core/errors';
import { writeFileAtomicAsync } from '../node/atomicWrite';
import type { ByteParts } from '../node/byteParts';
import { nextTurn } from './util/turn';

export const SIDECAR_SUFFIX = '.biaozhu.json';

export function sidecarUriFor(page: vscode.Uri, location: 'beside' | 'folder'): vscode.Uri {
  const folder = location === 'folder' ? vscode.workspace.getWorkspaceFolder(page) : undefined;
  if (!folder) return page.with({ path: page.path + SIDECAR_SUFFIX });
  const rel = path.posix.relative(folder.uri.path, page.path);
  return vscode.Uri.joinPath(folder.uri, '.biaozhu', rel + SIDECAR_SUFFIX);
}

/** Sidecars exist only for pages on disk. */
export function hasSidecar(page: vscode.Uri): boolean {
  return page.scheme === 'file';
}

/**
 * The team's sidecar keys (review mark, merge conflicts): carried through every rewrite, changed only through
 * `OpenPage.updateTeam`. Relations are the page's own work (`OpenPage.relations`), not a team key.
 */
export type TeamKeys = Pick<Sidecar, 'review' | 'conflicts'>;

export interface SidecarContent {
  doc: AnnotationDocument;
  orphans: Annotation[];
  team: TeamKeys;
}

export type LoadResult =
  | { kind: 'none' }
  | { kind: 'ok'; content: SidecarContent }
  | { kind: 'corrupt'; problem: DocumentProblem; backup: vscode.Uri }
  | { kind: 'unreadable'; message: string };

export async function loadSidecar(uri: vscode.Uri): Promise<LoadResult> {
  let json: string;
  try {
    json = await fs.readFile(uri.fsPath, 'utf8');
  } catch (e) {
    return errorCode(e) === 'ENOENT' ? { kind: 'none' } : { kind: 'unreadable', message: messageOf(e) };
  }
  const parsed = parseDocument(json);
  if (!parsed.ok) {
    const backup = uri.with({ path: `${uri.path}.bak-${timestamp()}` });
    await fs.copyFile(uri.fsPath, backup.fsPath);
    return { kind: 'corrupt', problem: parsed.problem, backup };
  }
  // parseDocument checked the orphans' shape along with the annotations.
  const orphans = (parsed.doc as AnnotationDocument & { orphans?: Annotation[] }).orphans ?? [];
  const { review, conflicts } = parsed.doc as Sidecar;
  return { kind: 'ok', content: { doc: parsed.doc, orphans, team: { review, conflicts } } };
}

function timestamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

export interface SidecarData {
  annotations: readonly Annotation[];
  articles: readonly Article[];
  columnBreaks: readonly ColumnBreak[];
  orphans: readonly Annotation[];
  labels: readonly LabelDef[];
  relations: readonly Relation[];
  pageLabels: readonly string[];
  team?: TeamKeys;
}

/** Items serialised (and encoded) per event-loop turn by `sidecarBytes` (about 10 ms of work). */
const ITEMS_PER_TURN = 1000;

/**
 * The sidecar text for `page` with `text`: the export contract (each annotation with its context) plus the
 * orphans. Built a slice at a time
 * with the event loop free between slices: on a page with tens of thousands of annotations the whole text
 * takes the host hundreds of milliseconds. The lists in `data`
 * are only read, never copied, so the caller passes arrays it will replace rather than mutate.
 */
export async function sidecarBytes(page: vscode.Uri, text: string, data: SidecarData): Promise<ByteParts> {
  // toDocument copies each annotation; the copies serialise exactly like the originals, so skip that work.
  // A relation whose end is gone (deleted, or dropped by an edit) is left out: the contract requires both ends.
  const relations = pruneRelations(data.relations, [...data.annotations, ...data.orphans]).kept;
  const hash = await sha256Sliced(text, nextTurn);
  const doc = { ...data.team, ...toDocument(relativePath(page), text, { ...data, relations, annotations: [] }, data.labels, data.pageLabels, hash), annotations: data.annotations, orphans: data.orphans };
  // Each slice is encoded as it is made: joining a 10 M-character string and encoding it afterwards
  // stalled the host for 80–150 ms on a 5 MB page.
  const parts: Buffer[] = [];
  // Each annotation is saved with its context (prefix/suffix), so it can be found again if the page changes while closed.
  const addContext = (key: string, item: unknown) => (key === 'annotations' ? withContext(text, item as Annotation) : item);
  for (const part of serializeDocumentChunks(doc, ITEMS_PER_TURN, addContext)) {
    parts.push(Buffer.from(part, 'utf8'));
    await nextTurn();
  }
  return parts; // never joined: see node/byteParts.ts
}

/** The page path as stored in exports: relative to its workspace folder, or its file name. */
export function relativePath(page: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(page);
  return folder ? path.posix.relative(folder.uri.path, page.path) : path.posix.basename(page.path);
}

/** Writes a sidecar atomically (each page serialises its own saves, so one write per file runs at a time). */
export function writeSidecar(uri: vscode.Uri, content: ByteParts): Promise<void> {
  return writeFileAtomicAsync(uri.fsPath, content);
}
