/** Resolving one merge conflict of an open page: the one way the quick pick and the conflicts view both use. */
import * as vscode from 'vscode';
import { resolveItems } from '../../core/actions';
import { resolveConflict, type Resolution } from '../../core/team/conflicts';
import type { ItemList, MergeConflict, Sidecar } from '../../core/team/types';
import type { AnnotationStore } from '../store';

/** The choice's name, as the quick pick, the view's inline actions and the undo message say it. */
export function resolutionName(choice: Resolution): string {
  return choice === 'ours' ? vscode.l10n.t('Mine') : choice === 'theirs' ? vscode.l10n.t('Theirs') : vscode.l10n.t('Both');
}

/**
 * Resolves the conflict on item `id` of `list` in the open page `uri` with `choice` (core `resolveConflict`):
 * the page's items change through an action, so Undo Annotation Action takes it back; the conflict entry
 * itself is the team key's and goes away. False when the page is not open or has no such conflict (any more).
 */
export function resolvePageConflict(store: AnnotationStore, uri: vscode.Uri, list: ItemList, id: string, choice: Resolution): boolean {
  const page = store.get(uri);
  const conflict = page?.team.conflicts?.find(c => c.list === list && c.id === id);
  if (!page || !conflict) return false;
  const doc = { annotations: page.annotations, relations: page.relations, orphans: page.orphans, ...page.team } as Sidecar;
  const next = resolveConflict(doc, list, id, choice);
  page.act(state => resolveItems(state, { annotations: next.annotations, relations: next.relations ?? [] }, id, resolutionName(choice)));
  page.updateTeam(team => ({ ...team, conflicts: next.conflicts }));
  return true;
}

/** One side of a conflict in a few words: `PER accepted 「多吉」`, or that it was deleted. */
export function conflictSide(item: MergeConflict['ours']): string {
  if (!item) return vscode.l10n.t('deleted');
  const x = item as { label: string; status?: string; text?: string };
  return [x.label, x.status, x.text !== undefined ? `「${x.text}」` : undefined].filter(Boolean).join(' ');
}
