/**
 * The universal package (for platforms without a build of their own) carries no word segmenter (a native addon): say so once,
 * clearly, instead of letting every analysis fail with a module-loading error.
 */
import { existsSync } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { SEGMENTER_ADDON } from '../../core/native';

const RELEASES = 'https://github.com/biaozhu/biaozhu/releases';

export function nativeAddonPath(extensionPath: string): string {
  return path.join(extensionPath, SEGMENTER_ADDON);
}

export function warnIfSegmenterMissing(extensionPath: string): void {
  if (existsSync(nativeAddonPath(extensionPath))) return;
  const open = vscode.l10n.t('Open Releases');
  void vscode.window.showWarningMessage(
    vscode.l10n.t('Biaozhu has no word segmenter for {0} in this package, so pages cannot be analysed; existing annotations can still be reviewed and exported. Install the build for your platform.', `${process.platform}-${process.arch}`),
    open,
  ).then(choice => {
    if (choice === open) void vscode.env.openExternal(vscode.Uri.parse(RELEASES));
  });
}
