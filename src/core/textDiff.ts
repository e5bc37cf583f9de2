import { diffChars, diffLines, type ChangeObject } from 'diff';

/**
 * What two versions of a page share, as runs of identical text: `old[oldStart, oldStart + length)` equals
 * `new[newStart, newStart + length)`. Runs are in order in both texts and do not overlap.
 * Computed as: common head and tail (cut at line starts), a line diff of the middle, then a character diff
 * inside each hunk that both removes and adds lines. So a 5 MB page with a few edits costs two linear scans
 * plus diffs of the changed lines only.
 */
export interface EqualRun {
  oldStart: number;
  newStart: number;
  length: number;
}

/** Beyond these the diff gives up and treats the region as replaced (its spans become orphans, not guesses). */
const MAX_LINE_EDITS = 20000;
const MAX_CHAR_HUNK = 40000;
const MAX_CHAR_EDITS = 4000;

export function equalRuns(oldText: string, newText: string): EqualRun[] {
  const runs: EqualRun[] = [];
  const push = (oldStart: number, newStart: number, length: number) => {
    if (length <= 0) return;
    const last = runs[runs.length - 1];
    if (last && last.oldStart + last.length === oldStart && last.newStart + last.length === newStart) last.length += length;
    else runs.push({ oldStart, newStart, length });
  };
  const limit = Math.min(oldText.length, newText.length);
  let head = 0;
  while (head < limit && oldText.charCodeAt(head) === newText.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < limit - head && oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)) tail++;
  // Cut head and tail at line starts, so the line diff below sees whole lines.
  const headCut = head === oldText.length && head === newText.length ? head : oldText.lastIndexOf('\n', head - 1) + 1;
  let tailCut = tail;
  while (tailCut > 0 && oldText.charCodeAt(oldText.length - tailCut - 1) !== 0x0a) tailCut--;
  push(0, 0, headCut);
  const oldMid = oldText.slice(headCut, oldText.length - tailCut);
  const newMid = newText.slice(headCut, newText.length - tailCut);
  const lines = oldMid === '' || newMid === '' ? undefined : diffLines(oldMid, newMid, { maxEditLength: MAX_LINE_EDITS });
  if (lines) walkChanges(lines, headCut, headCut, push, true);
  else refineHunk(oldMid, newMid, headCut, headCut, push);
  push(oldText.length - tailCut, newText.length - tailCut, tailCut);
  return runs;
}

type Push = (oldStart: number, newStart: number, length: number) => void;

/** Turns a list of changes into runs; with `refine`, each hunk of removed+added text is diffed by characters. */
function walkChanges(changes: readonly ChangeObject<string>[], oldAt: number, newAt: number, push: Push, refine: boolean): void {
  let removed = '';
  let added = '';
  const flush = () => {
    if (refine && removed !== '' && added !== '') refineHunk(removed, added, oldAt, newAt, push);
    oldAt += removed.length;
    newAt += added.length;
    removed = added = '';
  };
  for (const c of changes) {
    if (c.removed) removed += c.value;
    else if (c.added) added += c.value;
    else {
      flush();
      push(oldAt, newAt, c.value.length);
      oldAt += c.value.length;
      newAt += c.value.length;
    }
  }
  flush();
}

/** Character diff of one replaced region, unless it is too big or too different to be worth it. */
function refineHunk(removed: string, added: string, oldAt: number, newAt: number, push: Push): void {
  if (removed === '' || added === '' || removed.length + added.length > MAX_CHAR_HUNK) return;
  const chars = diffChars(removed, added, { maxEditLength: MAX_CHAR_EDITS });
  if (chars) walkChanges(chars, oldAt, newAt, push, false);
}

/** Index of the run holding old offsets `[start, end)` whole, or -1 (an empty span may sit at a run's end). */
export function runHolding(runs: readonly EqualRun[], start: number, end: number): number {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = runs[mid];
    if (start < r.oldStart) hi = mid - 1;
    else if (start > r.oldStart + r.length || (start === r.oldStart + r.length && end > start)) lo = mid + 1;
    else return end <= r.oldStart + r.length ? mid : -1;
  }
  return -1;
}
