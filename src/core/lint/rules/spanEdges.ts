import type { Annotation, Span } from '../../types';
import type { RawFinding, Rule } from '../types';

/** Whitespace or punctuation; `%` and its kin end a NUMBER span (`70%`), so they are not counted. */
const EDGE = /[\s\p{P}]/u;
const UNIT_MARKS = new Set(['%', '‰', '‱']);
const isEdge = (c: string) => EDGE.test(c) && !UNIT_MARKS.has(c);

/** A WORK may keep its title marks (entity conventions: `《…》` with the marks is accepted). */
const titleMarked = (a: Annotation) => a.label === 'WORK' && a.text.startsWith('《') && a.text.endsWith('》');

/** The span without leading and trailing whitespace and punctuation, or undefined when it is clean (or nothing would be left). */
export function trimmedSpan(a: Annotation): Span | undefined {
  if (titleMarked(a)) return undefined;
  const chars = [...a.text];
  let head = 0;
  let tail = chars.length;
  while (head < tail && isEdge(chars[head])) head++;
  while (tail > head && isEdge(chars[tail - 1])) tail--;
  if (head === 0 && tail === chars.length) return undefined;
  if (head === tail) return undefined;
  const startUnits = chars.slice(0, head).join('').length;
  const endUnits = chars.slice(tail).join('').length;
  return { start: a.start + startUnits, end: a.end - endUnits };
}

export const spanEdges: Rule = {
  id: 'span-edges',
  defaultSeverity: 'warning',
  description: 'A span starts or ends with whitespace or punctuation.',
  check(pages) {
    const out: RawFinding[] = [];
    for (const page of pages) {
      for (const a of page.doc.annotations) {
        if (a.status === 'rejected') continue;
        const trimmed = trimmedSpan(a);
        if (trimmed) {
          const inner = a.text.slice(trimmed.start - a.start, a.text.length - (a.end - trimmed.end));
          out.push({ page, annotation: a, message: `span "${a.text}" has whitespace or punctuation at its edge; trimmed: "${inner}"`, data: { trimmed } });
        }
      }
    }
    return out;
  },
};
