import type { Annotation, Approx } from './types';

/**
 * Words for approximate values, each a template with `{0}` for the number (so a language can put the
 * number where it belongs). The host passes localised templates; the core stays free of any UI library.
 */
export type ApproxWords = Record<Approx, string>;

export const ENGLISH_APPROX: ApproxWords = { '>': 'more than {0}', '<': 'nearly {0}', '~': 'about {0}' };

/** A number with thousands separators and at most six decimals, e.g. 15200 → "15,200". */
export function formatNumber(value: number, locale = 'en-US'): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(value);
}

/** The normalised value of a NUMBER annotation, e.g. "more than 15,200 学时"; undefined when it has none. */
export function normalisedValue(a: Pick<Annotation, 'value' | 'unit' | 'approx'>, words: ApproxWords = ENGLISH_APPROX, locale?: string): string | undefined {
  if (a.value === undefined || !Number.isFinite(a.value)) return undefined;
  const amount = a.unit ? `${formatNumber(a.value, locale)} ${a.unit}` : formatNumber(a.value, locale);
  return a.approx ? words[a.approx].replace('{0}', amount) : amount;
}

/** "1.52万余学时 → more than 15,200 学时": the text as written and what it means. */
export function describeNumber(a: Pick<Annotation, 'text' | 'value' | 'unit' | 'approx'>, words: ApproxWords = ENGLISH_APPROX, locale?: string): string | undefined {
  const value = normalisedValue(a, words, locale);
  return value === undefined ? undefined : `${a.text} → ${value}`;
}

export interface Counts {
  /** Annotations that are drawn: suggested or accepted. */
  total: number;
  /** Suggestions still waiting for a decision. */
  pending: number;
  accepted: number;
  rejected: number;
  /** Drawn annotations per label id. */
  byLabel: Record<string, number>;
}

export function countAnnotations(annotations: readonly Annotation[]): Counts {
  const counts: Counts = { total: 0, pending: 0, accepted: 0, rejected: 0, byLabel: Object.create(null) as Record<string, number> };
  for (const a of annotations) {
    if (a.status === 'rejected') { counts.rejected++; continue; }
    counts.total++;
    if (a.status === 'suggested') counts.pending++;
    else counts.accepted++;
    counts.byLabel[a.label] = (counts.byLabel[a.label] ?? 0) + 1;
  }
  return counts;
}

/** Drawn annotations inside `[start, end)`. */
export function annotationsWithin(annotations: readonly Annotation[], start: number, end: number): Annotation[] {
  return annotations.filter(a => a.status !== 'rejected' && a.start >= start && a.end <= end);
}
