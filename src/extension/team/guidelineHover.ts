import * as vscode from 'vscode';
import { annotationAt } from '../../core/annotationOps';
import { toRange } from '../ranges';
import type { AnnotationStore } from '../store';
import type { Guidelines } from './guidelines';
import { TeamCommands } from './ids';

const EXAMPLES_SHOWN = 3;

/**
 * The guideline beside the work: hovering an annotation shows its label's definition and a few examples
 * from `.biaozhu/guidelines.md`, with a link that opens the file at the label's section. Nothing is
 * shown when the workspace has no guidelines or no section for the label.
 */
export class GuidelineHover implements vscode.HoverProvider {
  constructor(private readonly store: AnnotationStore, private readonly guidelines: Guidelines) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const state = this.store.get(doc.uri);
    const a = state && annotationAt(state.annotations, doc.offsetAt(position));
    if (!a) return undefined;
    const section = await this.guidelines.forLabel(doc.uri, a.label);
    if (!section || (!section.definition && section.examples.length === 0)) return undefined;
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: [TeamCommands.openGuidelines] };
    md.appendMarkdown('**');
    md.appendText(vscode.l10n.t('Guideline: {0}', section.title));
    md.appendMarkdown('**\n\n');
    if (section.definition) md.appendText(section.definition);
    for (const e of section.examples.slice(0, EXAMPLES_SHOWN)) {
      md.appendMarkdown('\n- ');
      md.appendText(e);
    }
    const title = vscode.l10n.t('Open Guidelines');
    md.appendMarkdown(`\n\n[${title}](command:${TeamCommands.openGuidelines}?${encodeURIComponent(JSON.stringify([a.label]))} "${title}")`);
    return new vscode.Hover(md, toRange(doc, a));
  }
}
