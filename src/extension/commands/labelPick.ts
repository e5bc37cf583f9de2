import * as vscode from 'vscode';
import type { LabelDef } from '../../core/types';

/** Quick pick of labels (key shown); undefined when dismissed. */
export async function pickLabel(labels: readonly LabelDef[], placeHolder: string, current?: string): Promise<LabelDef | undefined> {
  const items = labels.map(l => ({
    label: String(l.id),
    description: l.name + (l.key ? ` · ${l.key}` : ''),
    picked: l.id === current,
    def: l,
  }));
  const chosen = await vscode.window.showQuickPick(items, { placeHolder });
  return chosen?.def;
}
