/**
 * Hover on an annotation: label, source, status, the normalised value of a number, and command links to
 * accept, reject or relabel it. Only those command ids are trusted; document text is appended as text.
 */
import * as vscode from 'vscode';
import { annotationAt, annotationsAt } from '../core/annotationOps';
import { relationsOf } from '../core/relations';
import { normalisedValue } from '../core/describe';
import type { Annotation } from '../core/types';
import { Commands, RichCommands } from './commandIds';
import type { Config } from './config';
import { approxWords, sourceName, statusName } from './words';
import { toRange } from './ranges';
import type { AnnotationStore } from './store';

const TRUSTED = { enabledCommands: [Commands.setStatus, Commands.relabel, RichCommands.removeRelations, RichCommands.revealAnnotation] };

/** A markdown link that runs `command` with `args` (the hover's commands are listed in TRUSTED). */
function link(title: string, command: string, args: unknown): string {
  return `[${title}](command:${command}?${encodeURIComponent(JSON.stringify(args))} "${title}")`;
}

/** 0.873 → "87%" in the UI language's digits. */
const confidencePercent = (c: number): string => new Intl.NumberFormat(vscode.env.language, { style: 'percent', maximumFractionDigits: 0 }).format(c);

export class AnnotationHover implements vscode.HoverProvider {
  constructor(private readonly store: AnnotationStore, private readonly config: Config) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const state = this.store.get(doc.uri);
    if (!state) return undefined;
    const offset = doc.offsetAt(position);
    const a = annotationAt(state.annotations, offset);
    if (!a) return undefined;
    const md = this.describe(doc.uri, a);
    // Nested spans: the hover is the innermost item's; the items around it are named.
    const around = annotationsAt(state.annotations, offset).filter(x => x.id !== a.id);
    if (around.length > 0) {
      md.appendMarkdown('\n\n');
      md.appendText(vscode.l10n.t('Inside: {0}', around.map(x => `「${x.text}」 (${x.label})`).join(', ')));
    }
    for (const r of relationsOf(state.relations, a.id)) {
      const other = state.annotations.find(x => x.id === (r.from === a.id ? r.to : r.from));
      if (!other) continue;
      md.appendMarkdown('\n\n');
      md.appendText(`${r.from === a.id ? '→' : '←'} ${r.label} 「${other.text}」 (${statusName(r.status)}) `);
      const status = (title: string, to: string) => link(title, Commands.setStatus, [{ uri: doc.uri.toString(), relationIds: [r.id], status: to }]);
      md.appendMarkdown([
        link(vscode.l10n.t('Go to'), RichCommands.revealAnnotation, [{ uri: doc.uri.toString(), id: other.id }]),
        ...(r.status === 'suggested' ? [status(vscode.l10n.t('Accept relation'), 'accepted'), status(vscode.l10n.t('Reject relation'), 'rejected')] : []),
        link(vscode.l10n.t('Remove relation'), RichCommands.removeRelations, [{ uri: doc.uri.toString(), ids: [r.id] }]),
      ].join(' · '));
    }
    return new vscode.Hover(md, toRange(doc, a));
  }

  describe(uri: vscode.Uri, a: Annotation): vscode.MarkdownString {
    const label = this.config.value.labels.find(l => l.id === a.label);
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = TRUSTED;
    md.appendMarkdown('**');
    md.appendText(label ? `${label.name} (${a.label})` : String(a.label));
    md.appendMarkdown('** · ');
    md.appendText(`${sourceName(a.source)} · ${statusName(a.status)}`);
    if (a.confidence !== undefined) md.appendText(` · ${vscode.l10n.t('Confidence: {0}', confidencePercent(a.confidence))}`);
    md.appendMarkdown('\n\n');
    md.appendText(`「${a.text}」`);
    const value = a.label === 'NUMBER' ? normalisedValue(a, approxWords()) : undefined;
    if (value !== undefined) {
      md.appendMarkdown('\n\n');
      md.appendText(`${a.text} → ${value}`);
    }
    md.appendMarkdown('\n\n');
    const target = { uri: uri.toString(), ids: [a.id] };
    const links = [
      a.status !== 'accepted' ? link(vscode.l10n.t('Accept'), Commands.setStatus, [{ ...target, status: 'accepted' }]) : undefined,
      link(vscode.l10n.t('Reject'), Commands.setStatus, [{ ...target, status: 'rejected' }]),
      link(vscode.l10n.t('Relabel…'), Commands.relabel, [target]),
    ].filter(Boolean);
    md.appendMarkdown(links.join(' · '));
    return md;
  }
}
