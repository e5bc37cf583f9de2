/** The pages of the workspace as the corpus tools see them: each .txt page with its saved (or live) annotations. */
import { promises as fs } from 'fs';
import * as vscode from 'vscode';
import type { CorpusPage } from '../../core/corpus/page';
import { parseDocument } from '../../core/documentJson';
import type { PageReview, Sidecar } from '../../core/team/types';
import { loadSidecar } from '../sidecar';
import type { AnnotationStore } from '../store';

export interface WorkspacePage extends CorpusPage {
  uri: vscode.Uri;
  /** The review mark from the sidecar (Mark Page Done/Reviewed), if any. */
  review?: PageReview;
  /** A page not open in the editor: its sidecar as loaded (contract, orphans, team keys), if it has one. */
  sidecar?: Sidecar;
}

const EXCLUDE = '{**/node_modules/**,**/.git/**,**/.biaozhu/**}';

/** The .txt pages under `folder` (default: the whole workspace), sorted by path. */
export async function findPages(folder?: vscode.Uri): Promise<vscode.Uri[]> {
  const include = folder ? new vscode.RelativePattern(folder, '**/*.txt') : '**/*.txt';
  const found = await vscode.workspace.findFiles(include, EXCLUDE);
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Every page of the workspace with its annotations: those of an open page come from the store (they may
 * be newer than the sidecar), the others from the sidecar.
 */
export async function loadPages(store: AnnotationStore): Promise<WorkspacePage[]> {
  const pages: WorkspacePage[] = [];
  for (const uri of await findPages()) {
    const path = vscode.workspace.asRelativePath(uri, false);
    const live = store.get(uri);
    if (live) {
      pages.push({ uri, path, annotations: live.annotations, text: live.text, review: live.team.review });
      continue;
    }
    const saved = await loadSidecar(store.sidecarUri(uri));
    if (saved.kind !== 'ok') {
      pages.push({ uri, path, annotations: [] });
      continue;
    }
    let text: string | undefined;
    try {
      text = (await fs.readFile(uri.fsPath, 'utf8')).replace(/^\uFEFF/, '');
    } catch {
      text = undefined;
    }
    const { doc, orphans, team } = saved.content;
    pages.push({ uri, path, annotations: doc.annotations, text, review: team.review, sidecar: { ...doc, orphans, ...team } });
  }
  return pages;
}

/** The annotations of an annotation file (a sidecar or an export in the JSON contract), with its text length. */
export async function readAnnotationFile(uri: vscode.Uri) {
  const parsed = parseDocument(Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8'));
  if (!parsed.ok) throw new Error(vscode.l10n.t('{0} is not a Biaozhu annotations file: {1}', vscode.workspace.asRelativePath(uri), parsed.problem.message));
  return parsed.doc;
}
