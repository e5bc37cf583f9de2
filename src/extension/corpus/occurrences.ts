/**
 * Propagation of one decision to every identical mention in a page (pure: no vscode). A mention is an exact
 * match of the text; spans overlapping the user's own drawn work are never touched.
 */
import { isUserWork } from '../../core/merge';
import type { Annotation, LabelId, Span } from '../../core/types';

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
const drawnUserWork = (a: Annotation): boolean => a.status !== 'rejected' && isUserWork(a);

/** Non-overlapping occurrences of `word` in `text`, left to right. */
export function occurrences(text: string, word: string): Span[] {
  const spans: Span[] = [];
  if (word === '') return spans;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) spans.push({ start: at, end: at + word.length });
  return spans;
}

/** The occurrences "Tag All Occurrences" tags: not already the user's work, not overlapping it. */
export function untagged(annotations: readonly Annotation[], text: string, word: string): Span[] {
  const work = annotations.filter(drawnUserWork);
  return occurrences(text, word).filter(s => !work.some(w => overlaps(w, s)));
}

/** Ids of the pending suggestions with exactly this text and label (what "Reject All Identical" rejects). */
export function identicalSuggestions(annotations: readonly Annotation[], word: string, label: LabelId): Set<string> {
  return new Set(annotations.filter(a => a.status === 'suggested' && a.text === word && a.label === label).map(a => a.id));
}

/**
 * The one decision a change made, if it made exactly one: a manual tag or relabel (`tagged`), or a
 * suggestion rejected (`rejected`). Bulk changes (accept all, imports, analyses) return undefined.
 */
export function singleDecision(before: readonly Annotation[], after: readonly Annotation[]): { kind: 'tagged' | 'rejected'; item: Annotation } | undefined {
  const old = new Map(before.map(a => [a.id, a] as const));
  const changed = after.filter(a => {
    const o = old.get(a.id);
    return !o || o.label !== a.label || o.status !== a.status;
  });
  if (changed.length !== 1) return undefined;
  const item = changed[0];
  const o = old.get(item.id);
  if (item.status === 'rejected' && o?.status === 'suggested') return { kind: 'rejected', item };
  if (item.status === 'accepted' && (!o ? item.source === 'manual' : o.label !== item.label)) return { kind: 'tagged', item };
  return undefined;
}
