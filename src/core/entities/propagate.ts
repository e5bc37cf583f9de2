/**
 * Document-level consistency: a person or organisation name found once is found wherever it recurs in the same text, on
 * jieba word boundaries (so 张明 is not found inside 张明远), with the label it got most often.
 */
import type { TagSpan } from './decode';

/** Place names are left out: short ones recur as parts of other words far more often than as places (tuned on dev.bio). */
const PROPAGATED = new Set(['PER', 'ORG']);

/** `bounds[i]` has bit 1 when a jieba word starts at i, bit 2 when one ends at i. */
export function propagate(text: string, spans: TagSpan[], bounds: Uint8Array, skip: (s: TagSpan) => boolean): TagSpan[] {
  const votes = new Map<string, Map<string, number>>();
  for (const s of spans) {
    if (s.end - s.start < 2 || !PROPAGATED.has(s.label) || skip(s)) continue;
    const name = text.slice(s.start, s.end);
    const v = votes.get(name) ?? new Map<string, number>();
    v.set(s.label, (v.get(s.label) ?? 0) + 1);
    votes.set(name, v);
  }
  if (votes.size === 0) return spans;
  const byFirst = new Map<string, string[]>();
  for (const name of votes.keys()) {
    const list = byFirst.get(name[0]) ?? [];
    list.push(name);
    byFirst.set(name[0], list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  const isFirst = new Uint8Array(65536);
  for (const name of votes.keys()) isFirst[name.charCodeAt(0)] = 1;
  const labels = new Map<string, string>();
  const label = (name: string) => {
    let l = labels.get(name);
    if (l === undefined) labels.set(name, (l = [...votes.get(name)!].sort((a, b) => b[1] - a[1])[0][0]));
    return l;
  };

  const covered = new Uint8Array(text.length);
  for (const s of spans) covered.fill(1, s.start, s.end);
  const added: TagSpan[] = [];
  for (let i = 0; i < text.length; i++) {
    if (covered[i] || !(bounds[i] & 1) || !isFirst[text.charCodeAt(i)]) continue;
    const list = byFirst.get(text[i]);
    if (!list) continue;
    for (const name of list) {
      const end = i + name.length;
      if (!text.startsWith(name, i) || !(bounds[end] & 2) || anyCovered(covered, i, end)) continue;
      added.push({ start: i, end, label: label(name) });
      covered.fill(1, i, end);
      i = end - 1;
      break;
    }
  }
  return added.length ? [...spans, ...added].sort((a, b) => a.start - b.start) : spans;
}

function anyCovered(covered: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (covered[i] === 1) return true;
  return false;
}
