import { promises as fs } from 'fs';
import * as vscode from 'vscode';
import { parseLintConfig, DEFAULT_CONFIG } from '../../core/lint/config';
import type { LintConfig } from '../../core/lint/types';

/** `.biaozhu/NAME` in the page's workspace folder (or the first folder), when there is one. */
export function workspaceFile(page: vscode.Uri | undefined, name: string): vscode.Uri | undefined {
  const folder = (page && vscode.workspace.getWorkspaceFolder(page)) ?? vscode.workspace.workspaceFolders?.[0];
  return folder && vscode.Uri.joinPath(folder.uri, '.biaozhu', name);
}

/** The page's `.biaozhu/lint.json`, defaults when missing; a broken one is logged and ignored (defaults apply). */
export async function readLintConfig(page: vscode.Uri | undefined, log: vscode.LogOutputChannel): Promise<LintConfig> {
  const uri = workspaceFile(page, 'lint.json');
  if (!uri) return DEFAULT_CONFIG;
  let text: string;
  try { text = await fs.readFile(uri.fsPath, 'utf8'); } catch { return DEFAULT_CONFIG; }
  const parsed = parseLintConfig(text);
  if (parsed.ok) return parsed.config;
  log.warn(`${uri.fsPath}: ${parsed.message}; using the default lint rules`);
  return DEFAULT_CONFIG;
}
