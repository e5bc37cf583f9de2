import { applyChange, invertChange, isEmptyChange, type Change, type PageState } from './pageChange';
import { trackEdits, type TextEdit } from './tracking';
import type { Span } from './types';

/**
 * The undo/redo stack of one page's annotation work (text undo stays the editor's own). Immutable: every
 * function returns a new history. Changes hold items with offsets, so text edits move them too
 * (`trackHistory`).
 */
export interface History {
  undo: readonly Change[];
  redo: readonly Change[];
}

/** How many changes a page remembers; the oldest go first. */
export const HISTORY_LIMIT = 200;

export const emptyHistory: History = { undo: [], redo: [] };

/** Records a change just made: it becomes the next to undo, and the redo stack is cleared. */
export function record(h: History, change: Change, limit = HISTORY_LIMIT): History {
  if (isEmptyChange(change)) return h;
  return { undo: [...h.undo, change].slice(-limit), redo: [] };
}

export interface Step {
  history: History;
  state: PageState;
  /** The change undone or redone (its description says what). */
  change: Change;
}

export function undo(h: History, state: PageState): Step | undefined {
  const change = h.undo[h.undo.length - 1];
  if (!change) return undefined;
  return { history: { undo: h.undo.slice(0, -1), redo: [...h.redo, change] }, state: applyChange(state, invertChange(change)), change };
}

export function redo(h: History, state: PageState): Step | undefined {
  const change = h.redo[h.redo.length - 1];
  if (!change) return undefined;
  return { history: { undo: [...h.undo, change], redo: h.redo.slice(0, -1) }, state: applyChange(state, change), change };
}

/**
 * Moves every span the history holds through text edits (given in order) and refreshes their text from
 * `text`, the text after the edits. A change holding a span the edits destroyed can no longer be undone
 * faithfully: it is forgotten with every change older than it (newer ones stay); redo is forgotten from it on.
 */
export function trackHistory(h: History, edits: readonly TextEdit[], text: string): History {
  if (edits.length === 0) return h;
  const move = (c: Change): Change | undefined => {
    let lost = false;
    const spans = <T extends Span & { text?: string }>(list: readonly T[]): T[] => {
      const r = trackEdits(list, edits);
      if (r.dropped.length) lost = true;
      return r.kept.map(s => ('text' in s && typeof s.text === 'string' ? { ...s, text: text.slice(s.start, s.end) } : s));
    };
    const moved: Change = {
      ...c,
      annotations: { removed: spans(c.annotations.removed), added: spans(c.annotations.added) },
      articles: { removed: spans(c.articles.removed), added: spans(c.articles.added) },
    };
    return lost ? undefined : moved;
  };
  const undoList: Change[] = [];
  for (const c of h.undo) {
    const m = move(c);
    if (m) undoList.push(m); else undoList.length = 0;
  }
  const redoList: Change[] = [];
  for (const c of h.redo) {
    const m = move(c);
    if (m) redoList.push(m); else redoList.length = 0;
  }
  return { undo: undoList, redo: redoList };
}
