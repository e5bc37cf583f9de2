/**
 * Offset tracking: how annotation spans move through text edits. For one edit
 * `[e.start, e.end) -> e.text` (delta = e.text.length - (e.end - e.start)).
 * For a span `[s, t)` exactly one rule applies, checked in this order:
 * 1. `e.end <= s` (wholly before, including an insertion exactly at `s`): the span shifts by delta;
 *    its text is unchanged.
 * 2. `e.start >= t` (wholly after, including an insertion exactly at `t`): the span is unchanged.
 *    So typing next to a name never extends it.
 * 3. `s <= e.start && e.end <= t` and not `e.start === s && e.end === t` (inside, touching at most one
 *    boundary from within): the span becomes `[s, t + delta)`, which is never empty; the caller refreshes
 *    the span's `text` from the new text.
 * 4. Otherwise the edit overlaps the span and starts before `s`, ends after `t`, or replaces exactly
 *    `[s, t)`: it crosses a boundary or removes the whole span, and the span is dropped.
 * Undo (the inverse edit `[e.start, e.start + e.text.length) -> removed text`) restores every span of
 * rules 1–3 exactly, except one case: a pure deletion that trimmed a span's first or last characters
 * (rule 3 with `e.text === ''` and `e.start === s` or `e.end === t`). Its undo is an insertion at the
 * trimmed span's boundary, which rule 1 or 2 keeps outside, so the span stays trimmed (still valid: its
 * text equals its slice). A stateless tracker cannot tell that re-insertion from typing next to a name;
 * restoring it needs the caller's undo history.
 */

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

/** Moves spans through one edit by the rule at the top of this file. */
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
      kept.push({ ...s, end: s.end + delta });
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
