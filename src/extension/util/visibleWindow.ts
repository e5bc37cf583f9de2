/**
 * On a huge page, what the editor is given (decorations, CodeLenses) is limited to a window of text around
 * what is visible, redrawn when scrolling nears its edge: drawing all of it after every change stalls the
 * extension host (a 5 MB page has 154 K annotations and 16 K articles).
 */
import type * as vscode from 'vscode';

export interface TextWindow {
  start: number;
  end: number;
}

/** Characters given beyond each side of the visible part; scrolling within this margin needs no redraw. */
const MARGIN_CHARS = 30_000;

function visibleOffsets(editor: vscode.TextEditor): TextWindow {
  const doc = editor.document;
  return { start: doc.offsetAt(editor.visibleRanges[0].start), end: doc.offsetAt(editor.visibleRanges[editor.visibleRanges.length - 1].end) };
}

/** The window around what `editor` shows, or undefined when it shows nothing yet. */
export function windowAround(editor: vscode.TextEditor): TextWindow | undefined {
  if (editor.visibleRanges.length === 0) return undefined;
  const shown = visibleOffsets(editor);
  return { start: shown.start - MARGIN_CHARS, end: shown.end + MARGIN_CHARS };
}

/** `editor` now shows text near or beyond the edge of `window`. */
export function leftWindow(editor: vscode.TextEditor, window: TextWindow): boolean {
  if (editor.visibleRanges.length === 0) return false;
  const shown = visibleOffsets(editor);
  return shown.start < window.start + MARGIN_CHARS / 2 || shown.end > window.end - MARGIN_CHARS / 2;
}

export const inWindow = (window: TextWindow, start: number, end: number): boolean => end >= window.start && start <= window.end;
