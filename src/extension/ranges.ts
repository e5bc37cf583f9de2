/** The one adapter between core offsets (UTF-16 code units) and vscode positions and ranges. */
import * as vscode from 'vscode';
import type { Span } from '../core/types';
import type { TextEdit } from '../core/tracking';

export function toRange(doc: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end));
}

export function toSpan(doc: vscode.TextDocument, range: vscode.Range): Span {
  return { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
}

/** A content change as a core edit, in the coordinates of the text before it. */
export function toTextEdit(change: vscode.TextDocumentContentChangeEvent): TextEdit {
  return { start: change.rangeOffset, end: change.rangeOffset + change.rangeLength, text: change.text };
}

/** The whole line at `offset`, empty-width, for whole-line decorations. */
export function lineRangeAt(doc: vscode.TextDocument, offset: number): vscode.Range {
  const line = doc.positionAt(offset).line;
  return new vscode.Range(line, 0, line, 0);
}
