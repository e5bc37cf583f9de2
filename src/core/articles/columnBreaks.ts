import type { ColumnBreak } from '../types';
import { ClassifiedLine, isIndented } from './classify';

/** Characters that cannot open a sentence: a line starting with one continues the line before. */
const NON_STARTERS = new Set([...'，。、；：？！）》」』”’…%％的了们'].map(c => c.charCodeAt(0)));

/**
 * Paragraphs cut in two by the layout: a body line that stops mid-sentence, blank line(s), then its
 * continuation. Returns the cuts and, for each, the index of the continuation line (which is body text
 * whatever it looks like on its own).
 */
export function findColumnBreaks(text: string, lines: readonly ClassifiedLine[]): { breaks: ColumnBreak[]; continuations: Set<number> } {
  const breaks: ColumnBreak[] = [];
  const continuations = new Set<number>();
  let prev = -1;
  /** Whether the paragraph running at `prev` opened with indentation: then an indented line is a new paragraph. */
  let paragraphIndented = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.kind === 'furniture') {
      prev = -1;
      continue;
    }
    if (prev >= 0 && line.blankBefore && isCut(text, lines[prev], line, paragraphIndented)) {
      breaks.push({ start: lines[prev].end, end: line.start });
      continuations.add(i);
    } else {
      paragraphIndented = isIndented(text, line);
    }
    prev = i;
  }
  return { breaks, continuations };
}

function isCut(text: string, a: ClassifiedLine, b: ClassifiedLine, paragraphIndented: boolean): boolean {
  if (a.final || a.colon || a.creditStart !== undefined || (a.kind !== 'paragraph' && a.kind !== 'headline')) return false;
  if (b.datelineEnd !== undefined || (b.kind !== 'paragraph' && b.kind !== 'headline')) return false;
  if (NON_STARTERS.has(text.charCodeAt(b.textStart))) return true;
  if (paragraphIndented && isIndented(text, b)) return false;
  // A headline-like line followed by body text is a title or sub-head, and a body line followed by a
  // headline-like one ends its article without a full stop.
  return a.kind === 'paragraph' && b.kind === 'paragraph';
}
