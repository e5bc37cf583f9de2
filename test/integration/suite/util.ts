// Helpers shared by the integration suites: the extension's test API, the workspace, waiting on real state.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { BiaozhuApi } from '../../../src/extension/api';

export { exists } from '../../../src/extension/util/uris';

export const EXTENSION_ID = 'biaozhu.biaozhu';
/** What `activate()` returns: the extension's own declaration, so the suites cannot drift from it. */
export type { BiaozhuApi };

/** A figure for bench/results/extension.json; the runner picks these lines out of the host's log. */
export function benchFigure(name: string, value: number): void {
  console.log(`BIAOZHU-BENCH ${JSON.stringify({ [name]: Math.round(value * 10) / 10 })}`);
}

export async function getApi(): Promise<BiaozhuApi> {
  const ext = vscode.extensions.getExtension<BiaozhuApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  const api = await ext.activate();
  assert.ok(api && typeof api === 'object', 'activate() returned no API object');
  return api;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder (a temp copy of seeds/ and the fixtures)');
  return folder.uri;
}

/** The seed page: the one `.txt` at the workspace root whose name starts with digits (as copied from seeds/). */
export async function seedUri(): Promise<vscode.Uri> {
  const entries = await vscode.workspace.fs.readDirectory(workspaceRoot());
  const name = entries.map(([n]) => n).filter(n => /^\d.*\.txt$/.test(n)).sort()[0];
  assert.ok(name, 'no seed page in the workspace');
  return vscode.Uri.joinPath(workspaceRoot(), name);
}

/** A private copy of a workspace file, so a suite that edits or saves never disturbs another. */
export async function copyOf(source: vscode.Uri, name: string): Promise<vscode.Uri> {
  const target = vscode.Uri.joinPath(workspaceRoot(), 'scratch', name);
  await vscode.workspace.fs.copy(source, target, { overwrite: true });
  return target;
}

export async function writeFile(name: string, text: string): Promise<vscode.Uri> {
  const target = vscode.Uri.joinPath(workspaceRoot(), 'scratch', name);
  await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
  return target;
}

/** Opens, shows and analyses a page; resolves once the extension is idle for it. */
export async function openAnalysed(api: BiaozhuApi, uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  await vscode.commands.executeCommand('biaozhu.analyzeDocument', uri);
  await api.whenIdle(uri);
  return editor;
}

/** Polls until `check` returns a truthy value (for state that settles through events), else fails with `what`. */
export async function eventually<T>(what: string, check: () => T | Promise<T>, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v as NonNullable<T>;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise(r => setTimeout(r, 50));
  }
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function rangeText(doc: vscode.TextDocument, r: vscode.Range): string {
  return doc.getText(r);
}

export async function readJson(uri: vscode.Uri): Promise<unknown> {
  return JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8'));
}
