/**
 * Inter-annotator agreement on one text: annotator A is the reference, B the candidate.
 * Rejected items are not annotations (the annotator said "no"); everything else counts, including
 * suggestions left standing. Spans match exactly (same start, end and label).
 *
 * Cohen's kappa is computed on characters: every code point of the text that is not whitespace gets
 * the label of the annotation covering it, or `O`. Chinese has no word delimiters, so characters are
 * the natural token (the MSRA benchmark is character-level too). Without the text, every UTF-16 unit
 * of the document's length is a token.
 */
import type { Annotation } from '../types';
import { compareText } from './page';

export interface LabelScore {
  label: string;
  /** Items in A (reference) and in B, and exact matches. */
  reference: number;
  candidate: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
}

export type DisagreementKind = 'label' | 'overlap' | 'onlyA' | 'onlyB';

/**
 * A group of A and B items that do not match exactly and overlap one another (transitively):
 * `label` = one item each with the same span, `overlap` = different spans, `onlyA`/`onlyB` = one side only.
 */
export interface Disagreement {
  id: string;
  kind: DisagreementKind;
  start: number;
  end: number;
  a: Annotation[];
  b: Annotation[];
}

export interface AgreementReport {
  perLabel: LabelScore[];
  /** Micro-averaged over all labels. */
  overall: LabelScore;
  kappa: number;
  /** Tokens compared for kappa and how many got the same label. */
  tokens: number;
  agreedTokens: number;
  /** Items both made identically, taken once (A's copy). */
  agreed: Annotation[];
  disagreements: Disagreement[];
}

const WHITESPACE = /^\s$/u;

const counted = (items: readonly Annotation[]) =>
  items.filter(a => a.status !== 'rejected').sort((x, y) => x.start - y.start || x.end - y.end || compareText(x.label, y.label));

/** `page` is the text (preferred) or just its length. */
export function compareAnnotations(aAll: readonly Annotation[], bAll: readonly Annotation[], page: string | number): AgreementReport {
  const a = counted(aAll);
  const b = counted(bAll);
  const bByKey = new Map<string, Annotation[]>();
  for (const x of b) {
    const list = bByKey.get(spanKey(x)) ?? [];
    list.push(x);
    bByKey.set(spanKey(x), list);
  }
  const agreed: Annotation[] = [];
  const matchedB = new Set<Annotation>();
  const unmatchedA: Annotation[] = [];
  for (const x of a) {
    const twin = bByKey.get(spanKey(x))?.find(y => !matchedB.has(y));
    if (twin) { matchedB.add(twin); agreed.push(x); } else unmatchedA.push(x);
  }
  const unmatchedB = b.filter(y => !matchedB.has(y));

  const labels = [...new Set([...a, ...b].map(x => x.label))].sort(compareText);
  const perLabel = labels.map(l => score(l, a.filter(x => x.label === l).length, b.filter(x => x.label === l).length, agreed.filter(x => x.label === l).length));
  const overall = score('*', a.length, b.length, agreed.length);
  const k = kappa(a, b, page);
  return { perLabel, overall, ...k, agreed, disagreements: groupDisagreements(unmatchedA, unmatchedB) };
}

function score(label: string, reference: number, candidate: number, matched: number): LabelScore {
  // Nothing on either side is perfect agreement; otherwise an empty side scores 0.
  const precision = candidate ? matched / candidate : reference ? 0 : 1;
  const recall = reference ? matched / reference : candidate ? 0 : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { label, reference, candidate, matched, precision, recall, f1 };
}

/** Cohen's kappa over per-character labels: (p_o − p_e) / (1 − p_e); 1 when both labelled every token the same single way. */
export function kappa(a: readonly Annotation[], b: readonly Annotation[], page: string | number): { kappa: number; tokens: number; agreedTokens: number } {
  const length = typeof page === 'string' ? page.length : page;
  const la = labelling(a, length);
  const lb = labelling(b, length);
  const countA = new Map<string, number>();
  const countB = new Map<string, number>();
  let tokens = 0;
  let agreedTokens = 0;
  const text = typeof page === 'string' ? page : undefined;
  for (let i = 0, step = 1; i < length; i += step) {
    const cp = text?.codePointAt(i);
    step = cp !== undefined && cp > 0xffff ? 2 : 1;
    if (cp !== undefined && WHITESPACE.test(String.fromCodePoint(cp))) continue;
    const x = la[i] ?? 'O';
    const y = lb[i] ?? 'O';
    tokens++;
    if (x === y) agreedTokens++;
    countA.set(x, (countA.get(x) ?? 0) + 1);
    countB.set(y, (countB.get(y) ?? 0) + 1);
  }
  if (tokens === 0) return { kappa: 1, tokens, agreedTokens };
  const po = agreedTokens / tokens;
  let pe = 0;
  for (const [label, n] of countA) pe += (n / tokens) * ((countB.get(label) ?? 0) / tokens);
  return { kappa: pe === 1 ? 1 : (po - pe) / (1 - pe), tokens, agreedTokens };
}

/** Label per UTF-16 index; on overlap the earlier (then longer) item wins, as in the CoNLL export. */
function labelling(items: readonly Annotation[], length: number): (string | undefined)[] {
  const out: (string | undefined)[] = new Array(length);
  const ordered = [...items].sort((x, y) => x.start - y.start || y.end - x.end);
  for (const x of ordered) for (let i = x.start; i < Math.min(x.end, length); i++) out[i] ??= x.label;
  return out;
}

function groupDisagreements(a: readonly Annotation[], b: readonly Annotation[]): Disagreement[] {
  const items = [...a.map(x => ({ x, side: 'a' as const })), ...b.map(x => ({ x, side: 'b' as const }))]
    .sort((p, q) => p.x.start - q.x.start || p.x.end - q.x.end);
  const groups: Disagreement[] = [];
  let current: Disagreement | undefined;
  for (const { x, side } of items) {
    const group = (): Disagreement => ({ id: '', kind: 'onlyA', start: x.start, end: x.end, a: [], b: [] });
    if (x.start === x.end) { // an empty span overlaps nothing: alone, without closing the open group
      const alone = group();
      alone[side].push(x);
      groups.push(alone);
      continue;
    }
    // Sorted by start, so an item joins the open group exactly when it starts before the group ends.
    if (!current || x.start >= current.end) groups.push((current = group()));
    current.end = Math.max(current.end, x.end);
    current[side].push(x);
  }
  groups.sort((p, q) => p.start - q.start || p.end - q.end);
  const ids = new Set<string>();
  for (const g of groups) {
    g.id = `d-${g.start}-${g.end}`;
    for (let n = 2; ids.has(g.id); n++) g.id = `d-${g.start}-${g.end}-${n}`; // only empty spans can collide
    ids.add(g.id);
    g.kind = g.a.length && g.b.length
      ? g.a.length === 1 && g.b.length === 1 && g.a[0].start === g.b[0].start && g.a[0].end === g.b[0].end ? 'label' : 'overlap'
      : g.a.length ? 'onlyA' : 'onlyB';
  }
  return groups;
}

export type Choice = 'a' | 'b' | 'none';

/**
 * The curated set: every agreed item plus, per disagreement, the side the curator chose (`none` drops
 * both). A disagreement without a choice takes `fallback` and is listed in `undecided`. Ids stay unique.
 */
export function mergeAnnotations(
  report: Pick<AgreementReport, 'agreed' | 'disagreements'>,
  choices: Readonly<Record<string, Choice>>,
  fallback: Choice = 'a',
): { annotations: Annotation[]; undecided: string[] } {
  const out: Annotation[] = report.agreed.map(x => ({ ...x }));
  const undecided: string[] = [];
  for (const d of report.disagreements) {
    const choice = Object.prototype.hasOwnProperty.call(choices, d.id) ? choices[d.id] : (undecided.push(d.id), fallback);
    if (choice !== 'none') out.push(...d[choice].map(x => ({ ...x })));
  }
  const ids = new Set<string>();
  for (const x of out.sort((p, q) => p.start - q.start || p.end - q.end)) {
    let id = x.id;
    for (let n = 2; ids.has(id); n++) id = `${x.id}-${n}`;
    ids.add(id);
    x.id = id;
  }
  return { annotations: out, undecided };
}

function spanKey(x: Annotation): string {
  return `${x.start}:${x.end}:${x.label}`;
}
