/** Issue 7 in the editor: learning, propagation, corpus tools. One call from the composition root. */
import * as vscode from 'vscode';
import type { Config } from '../config';
import type { AnnotationStore } from '../store';
import { registerCompareCommands } from './compareCommands';
import { registerFolderCommands, type FolderPool } from './folderCommands';
import { registerLexiconCommands } from './lexiconCommands';
import type { LexiconService } from './lexiconService';
import { registerPagesView, type PagesView } from './pagesView';
import { registerPropagation } from './propagate';

export function registerCorpus(store: AnnotationStore, lexicon: LexiconService, config: Config, pool: FolderPool, pages: PagesView, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    ...registerLexiconCommands(store, lexicon, log),
    ...registerPropagation(store, config, log),
    ...registerFolderCommands(store, pool, log),
    ...registerPagesView(pages, log),
    ...registerCompareCommands(store, log),
  ];
}
