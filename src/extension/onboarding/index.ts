/** Issue 17's guided start: the walkthrough's progress keys, the sample page, word wrap for pages, the platform notice. */
import * as vscode from 'vscode';
import type { AnnotationStore } from '../store';
import { warnIfSegmenterMissing } from './platform';
import { WalkthroughProgress } from './progress';
import { registerSamplePage } from './samplePage';
import { PageWordWrap } from './wordWrap';

export function registerOnboarding(extensionPath: string, store: AnnotationStore, log: vscode.LogOutputChannel): vscode.Disposable[] {
  warnIfSegmenterMissing(extensionPath);
  return [new WalkthroughProgress(store), new PageWordWrap(store), registerSamplePage(extensionPath, log)];
}
