/**
 * What the editor and the panel show beyond one item per annotation, computed without VS Code: which spans
 * enclose another (the editor outlines them so the inner span's fill stays legible; the panel marks the inner
 * one `inside 「…」`) and the relation hints shown after each relation's source.
 */
import type { Annotation, Relation } from './types';

/** How far down the stack of open spans the nesting search looks: bounds the work on pathological overlaps. */
const NEST_DEPTH = 16;

/**
 * For each annotation inside another (both not rejected; the outer one strictly longer, covering it), the
 * innermost such outer annotation, by inner id. One sweep in start order with a stack of open spans.
 */
export function enclosingSpans(annotations: readonly Annotation[]): Map<string, Annotation> {
  const spans = annotations.filter(a => a.status !== 'rejected').sort((a, b) => a.start - b.start || b.end - a.end);
  const out = new Map<string, Annotation>();
  const open: Annotation[] = [];
  for (const a of spans) {
    while (open.length && open[open.length - 1].end <= a.start) open.pop();
    for (let i = open.length - 1; i >= Math.max(0, open.length - NEST_DEPTH); i--) {
      const o = open[i];
      if (o.end >= a.end && (o.start < a.start || o.end > a.end)) {
        out.set(a.id, o);
        break;
      }
    }
    open.push(a);
  }
  return out;
}

/** Ids of the drawn spans that enclose another drawn span (the editor outlines them; equal extents do not count). */
export function enclosingIds(annotations: readonly Annotation[]): Set<string> {
  return new Set([...enclosingSpans(annotations).values()].map(o => o.id));
}

/** One hint after a relation's source: where it goes (the source's end) and what it says. */
export interface RelationHint {
  /** The source annotation, after whose end the hint is drawn. */
  source: Annotation;
  /** `→任职「某公司」` for each relation from this source, in relation order, joined by spaces. */
  text: string;
  /** Every relation shown is only a suggestion (drawn fainter). */
  suggested: boolean;
}

/** Longest target text quoted in a hint before it is cut with an ellipsis. */
const TARGET_CHARS = 8;

/** The hints for `relations` whose both ends are drawn annotations; rejected relations are not shown. */
export function relationHints(relations: readonly Relation[], annotations: readonly Annotation[]): RelationHint[] {
  const byId = new Map(annotations.filter(a => a.status !== 'rejected').map(a => [a.id, a] as const));
  const bySource = new Map<string, { source: Annotation; parts: string[]; suggested: boolean }>();
  for (const r of relations) {
    if (r.status === 'rejected') continue;
    const from = byId.get(r.from);
    const to = byId.get(r.to);
    if (!from || !to) continue;
    const target = [...to.text].length > TARGET_CHARS ? `${[...to.text].slice(0, TARGET_CHARS - 1).join('')}…` : to.text;
    const hint = bySource.get(from.id) ?? { source: from, parts: [], suggested: true };
    hint.parts.push(`→${r.label}「${target}」`);
    hint.suggested &&= r.status === 'suggested';
    bySource.set(from.id, hint);
  }
  return [...bySource.values()].map(h => ({ source: h.source, text: h.parts.join(' '), suggested: h.suggested }));
}
