/**
 * Hover on an annotation: label, source, status, the normalised value of a number, and command links to
 * accept, reject or relabel it. Only those command ids are trusted; document text is appended as text.
 */
import * as vscode from 'vscode';
import { annotationAt } from '../core/annotationOps';
import { normalisedValue } from '../core/describe';
import type { Annotation } from '../core/types';
import { Commands } from './commandIds';
import type { Config } from './config';
import { approxWords, sourceName, statusName } from './words';
import { toRange } from './ranges';
import type { AnnotationStore } from './store';

const TRUSTED = { enabledCommands: [Commands.setStatus, Commands.relabel] };

/** 0.873 → "87%" in the UI language's digits. */
const confidencePercent = (c: number): string => new Intl.NumberFormat(vscode.env.language, { style: 'percent', maximumFractionDigits: 0 }).format(c);

export class AnnotationHover implements vscode.HoverProvider {
  constructor(private readonly store: AnnotationStore, private readonly config: Config) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const state = this.store.get(doc.uri);
    if (!state) return undefined;
    const a = annotationAt(state.annotations, doc.offsetAt(position));
    if (!a) return undefined;
    return new vscode.Hover(this.describe(doc.uri, a), toRange(doc, a));
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
    const link = (title: string, command: string, args: unknown) =>
      `[${title}](command:${command}?${encodeURIComponent(JSON.stringify(args))} "${title}")`;
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
