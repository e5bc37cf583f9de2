import type { Span } from './types';

/** A replacement of `[start, end)` in the old text by `text`: the shape of one VS Code content change. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface TrackResult<T> {
  kept: T[];
  /** Spans the edit destroyed: a boundary crossed, or the whole span deleted. */
  dropped: T[];
}

/**
 * Moves spans through one edit. The rules:
 * - an edit wholly before a span shifts it; one wholly after leaves it; an insertion exactly at a span's
 *   start or end lands outside the span;
 * - an edit strictly inside a span (it touches neither boundary from outside) resizes the span, and the
 *   caller refreshes the span's text;
 * - an edit that crosses a boundary, or removes the whole span, drops it.
 */
export function trackEdit<T extends Span>(spans: readonly T[], edit: TextEdit): TrackResult<T> {
  const delta = edit.text.length - (edit.end - edit.start);
  const kept: T[] = [];
  const dropped: T[] = [];
  for (const s of spans) {
    if (edit.end <= s.start) {
      kept.push(delta === 0 ? s : { ...s, start: s.start + delta, end: s.end + delta });
    } else if (edit.start >= s.end) {
      kept.push(s);
    } else if (edit.start >= s.start && edit.end <= s.end && !(edit.start === s.start && edit.end === s.end)) {
      const end = s.end + delta;
      if (end > s.start) kept.push({ ...s, end });
      else dropped.push(s);
    } else {
      dropped.push(s);
    }
  }
  return { kept, dropped };
}

/** Applies edits given in the order they happened (each in the coordinates left by the previous). */
export function trackEdits<T extends Span>(spans: readonly T[], edits: readonly TextEdit[]): TrackResult<T> {
  let kept = [...spans];
  const dropped: T[] = [];
  for (const e of edits) {
    const r = trackEdit(kept, e);
    kept = r.kept;
    dropped.push(...r.dropped);
  }
  return { kept, dropped };
}

/** Applies one edit to a string: the reference the tracker is tested against. */
export function applyTextEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}
