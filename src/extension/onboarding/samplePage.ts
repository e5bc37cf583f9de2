/**
 * *Open Sample Page*: copies the newspaper page shipped in the extension's `seeds/` into a folder the user
 * picks (or a new temporary folder) and opens it, so every step of the walkthrough can be tried at once.
 * An existing file of the same name is opened as it is, never overwritten (it may carry annotations).
 */
import { constants } from 'fs';
import { copyFile, mkdtemp, readdir } from 'fs/promises';
import { tmpdir } from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { errorCode } from '../../core/errors';
import { registerCommand } from '../commands/register';
import { samplePageName } from './rules';

export const OPEN_SAMPLE_PAGE = 'biaozhu.openSamplePage';

/** Arguments for scripted use (tests, links): skip the question and copy into `folder`, or a temporary one. */
interface Args {
  folder?: string;
  temporary?: boolean;
}

async function chooseFolder(args: Args | undefined): Promise<string | undefined> {
  if (args?.folder) return args.folder;
  if (args?.temporary) return mkdtemp(path.join(tmpdir(), 'biaozhu-sample-'));
  const pickFolder = { label: vscode.l10n.t('Choose a Folder…'), temporary: false };
  const temporary = { label: vscode.l10n.t('Use a Temporary Folder'), temporary: true };
  const picked = await vscode.window.showQuickPick([temporary, pickFolder], { placeHolder: vscode.l10n.t('Where should the sample page go?') });
  if (!picked) return undefined;
  if (picked.temporary) return mkdtemp(path.join(tmpdir(), 'biaozhu-sample-'));
  const chosen = await vscode.window.showOpenDialog({
    canSelectFiles: false, canSelectFolders: true, canSelectMany: false, openLabel: vscode.l10n.t('Copy the Sample Here'),
  });
  return chosen?.[0]?.fsPath;
}

export function registerSamplePage(extensionPath: string, log: vscode.LogOutputChannel): vscode.Disposable {
  return registerCommand(OPEN_SAMPLE_PAGE, log, async (args?: Args) => {
    const seeds = path.join(extensionPath, 'seeds');
    const name = samplePageName(await readdir(seeds).catch(() => []));
    if (!name) throw new Error(vscode.l10n.t('The sample page is missing from {0}.', seeds));
    const folder = await chooseFolder(args);
    if (!folder) return undefined;
    const target = path.join(folder, name);
    try {
      await copyFile(path.join(seeds, name), target, constants.COPYFILE_EXCL);
    } catch (e) {
      if (errorCode(e) !== 'EEXIST') throw e;
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} already exists: opening it as it is.', target));
    }
    const uri = vscode.Uri.file(target);
    await vscode.window.showTextDocument(uri, { preview: false });
    return uri;
  });
}
