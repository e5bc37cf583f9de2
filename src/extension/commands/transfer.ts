/** Export Annotations… and Import Annotations…, through the formats registry (Biaozhu JSON by default). */
import { promises as fs } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { importItems } from '../../core/actions';
import { toDocument } from '../../core/document';
import { pruneRelations } from '../../core/relations';
import type { Status } from '../../core/types';
import { detectFormat, formatById, formats, FormatError, outputPath, type FormatPlugin } from '../../formats';
import { writeFileAtomic } from '../../node/atomicWrite';
import { Commands } from '../commandIds';
import type { Config } from '../config';
import { relativePath } from '../sidecar';
import type { PageView } from '../page/openPage';
import type { AnnotationStore } from '../store';
import { baseName } from '../util/uris';
import { registerCommand } from './register';

interface ExportArgs { uri?: vscode.Uri; target?: vscode.Uri; format?: string }
interface ImportArgs { source?: vscode.Uri; format?: string; status?: Status }

export function registerTransferCommands(store: AnnotationStore, config: Config, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const pageDocument = async (uri: unknown): Promise<vscode.TextDocument | undefined> => {
    if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc) void vscode.window.showInformationMessage(vscode.l10n.t('Open a text page first.'));
    return doc;
  };

  return [
    registerCommand(Commands.exportAnnotations, log, async (arg?: ExportArgs) => {
      const doc = await pageDocument(arg?.uri);
      if (!doc) return;
      const state = await store.track(doc);
      await store.whenSettled(doc.uri);
      const plugin = arg?.format ? formatById(arg.format) : arg?.target ? formatById('json') : await pickFormat(vscode.l10n.t('Export annotations as…'));
      if (!plugin) {
        if (arg?.format) throw new Error(vscode.l10n.t('Unknown export format "{0}". Known: {1}', arg.format, formats.map(f => f.id).join(', ')));
        return;
      }
      let target = arg?.target;
      if (!target) {
        const name = `${baseName(doc.uri).replace(/\.[^.]*$/, '')}${plugin.extensions[0] ?? '.json'}`;
        const folder = defaultFolder(config.value.export.defaultFolder, doc.uri);
        target = await vscode.window.showSaveDialog({
          defaultUri: folder ? vscode.Uri.joinPath(folder, name) : doc.uri.with({ path: path.posix.join(path.posix.dirname(doc.uri.path), name) }),
          filters: { [plugin.name]: plugin.extensions.map(e => e.replace(/^\./, '')) },
          title: vscode.l10n.t('Export Annotations'),
        });
        if (!target) return;
      }
      const { losses } = writePageExport(doc, state, plugin, target, config);
      const orphans = state.orphans.length > 0 ? vscode.l10n.t(' ({0} orphaned annotations are not exported)', state.orphans.length) : '';
      const lost = losses.length > 0 ? ` ${vscode.l10n.t('Not carried by {0}: {1}.', plugin.name, losses.join(', '))}` : '';
      void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} annotations to {1}{2}.', state.annotations.length, target.fsPath, orphans) + lost);
      return target;
    }),
    registerCommand(Commands.importAnnotations, log, async (arg?: ImportArgs) => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open the text page to import into first.'));
        return;
      }
      let source = arg?.source;
      if (!source) {
        const picked = await vscode.window.showOpenDialog({ canSelectMany: false, title: vscode.l10n.t('Import Annotations'), filters: { [vscode.l10n.t('Annotations')]: [...new Set(formats.flatMap(f => f.extensions.map(e => e.replace(/^\./, ''))))] } });
        source = picked?.[0];
        if (!source) return;
      }
      const content = await fs.readFile(source.fsPath, 'utf8');
      const plugin = arg?.format ? formatById(arg.format) : detectFormat(content, baseName(source)) ?? await pickFormat(vscode.l10n.t('Which format is {0}?', baseName(source)));
      if (!plugin) {
        if (arg?.format) throw new Error(vscode.l10n.t('Unknown import format "{0}". Known: {1}', arg.format, formats.map(f => f.id).join(', ')));
        return;
      }
      let status = arg?.status;
      if (!status && !arg?.source) {
        const suggested = { label: vscode.l10n.t('As suggestions to review'), status: 'suggested' as const };
        const accepted = { label: vscode.l10n.t('As accepted annotations'), status: 'accepted' as const };
        status = (await vscode.window.showQuickPick([suggested, accepted], { placeHolder: vscode.l10n.t('Import the annotations…') }))?.status;
        if (!status) return;
      }
      const state = await store.track(doc);
      const text = doc.getText();
      let result;
      try {
        result = plugin.import(content, text, { status: status ?? 'suggested', labels: config.value.labels });
      } catch (e) {
        if (e instanceof FormatError) throw new Error(vscode.l10n.t('Cannot import {0}: {1}', baseName(source), e.message));
        throw e;
      }
      const imported = result;
      const merged = state.act(page => importItems(page, imported.annotations, imported.relations, baseName(source), imported.pageLabels));
      if (result.articles && result.columnBreaks) state.setStructure(result.articles, result.columnBreaks);
      const parts = [vscode.l10n.t('Imported {0} annotations from {1} ({2}).', merged.added, baseName(source), plugin.name)];
      if (merged.conflicts > 0) parts.push(vscode.l10n.t('{0} overlapped existing work and were left out.', merged.conflicts));
      if (result.skipped.length > 0) parts.push(vscode.l10n.t('{0} items skipped: {1}', result.skipped.length, result.skipped.slice(0, 3).map(s => `${s.item} (${s.reason})`).join('; ')));
      if (result.unknownLabels.length > 0) parts.push(vscode.l10n.t('Labels not defined in settings: {0}.', result.unknownLabels.join(', ')));
      for (const s of result.skipped) log.info(`import ${source.fsPath}: skipped ${s.item}: ${s.reason}`);
      void vscode.window.showInformationMessage(parts.join(' '));
      return { added: merged.added, conflicts: merged.conflicts, skipped: result.skipped.length };
    }),
  ];
}

/**
 * Writes one page's export at `target` (the main file) and its companions beside it (brat: X.txt). A
 * companion that would land on the page itself is not written: the page is already there.
 * Returns the files written and what the format could not carry.
 */
export function writePageExport(doc: vscode.TextDocument, state: PageView, plugin: FormatPlugin, target: vscode.Uri, config: Config): { written: string[]; losses: string[] } {
  const text = doc.getText();
  // Orphans are not exported, so neither are relations that reach one.
  const relations = pruneRelations(state.relations, state.annotations).kept;
  // Named fields: a page's view is a class whose getters a spread would not copy.
  const exported = toDocument(relativePath(doc.uri), text, { articles: state.articles, columnBreaks: state.columnBreaks, annotations: state.annotations, relations }, config.value.labels, state.pageLabels);
  const files = plugin.export(exported, text);
  const written: string[] = [];
  for (const file of files) {
    const out = outputPath(target.fsPath, file.suffix);
    if (file.suffix !== '' && path.resolve(out) === path.resolve(doc.uri.fsPath)) continue;
    writeFileAtomic(out, file.content);
    written.push(out);
  }
  return { written, losses: plugin.losses(exported) };
}

/** Asks which format to use. */
export async function pickFormat(placeHolder: string): Promise<FormatPlugin | undefined> {
  const chosen = await vscode.window.showQuickPick(formats.map(f => ({ label: f.name, description: f.extensions.join(' '), plugin: f })), { placeHolder });
  return chosen?.plugin;
}

/** The configured export folder: absolute, or relative to the page's workspace folder. */
export function defaultFolder(setting: string, page: vscode.Uri): vscode.Uri | undefined {
  if (!setting) return undefined;
  if (path.isAbsolute(setting)) return vscode.Uri.file(setting);
  const folder = vscode.workspace.getWorkspaceFolder(page);
  return folder ? vscode.Uri.joinPath(folder.uri, setting) : undefined;
}
