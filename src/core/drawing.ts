/**
 * What the editor draws beyond one decoration per annotation, computed without VS Code: which spans
 * enclose another (drawn as an outline so the inner span's fill stays legible) and the relation hints
 * shown after each relation's source.
 */
import type { Annotation, Relation } from './types';

/**
 * Ids of the drawn spans that contain another drawn span (equal extents do not count). Rejected items are
 * not drawn and enclose nothing. Linear for a page in offset order (the store keeps it so; otherwise it is
 * sorted first): automatic suggestions are flat, so only a few items ever overlap the ones after them.
 */
export function enclosingIds(annotations: readonly Annotation[]): Set<string> {
  let drawn = annotations.filter(a => a.status !== 'rejected');
  if (drawn.some((a, i) => i > 0 && drawn[i - 1].start > a.start)) drawn = drawn.sort((a, b) => a.start - b.start);
  const outer = new Set<string>();
  const length = (s: Annotation) => s.end - s.start;
  for (let i = 0; i < drawn.length; i++) {
    const a = drawn[i];
    for (let j = i + 1; j < drawn.length && drawn[j].start < a.end; j++) {
      const b = drawn[j];
      // b starts within a: a encloses b, or (same start) b encloses a.
      if (b.end <= a.end && length(b) < length(a)) outer.add(a.id);
      else if (b.start === a.start && length(a) < length(b)) outer.add(b.id);
    }
  }
  return outer;
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
