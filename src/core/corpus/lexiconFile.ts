/**
 * The workspace lexicon: what the annotator taught Biaozhu, in a plain, git-friendly text file that
 * extends jieba's user-dictionary format (`word freq tag`) with a label column:
 *
 *     # comment
 *     扎西顿珠 3 nr PER          ← tagged PER three times (net): suggested as PER wherever it occurs
 *     格桑农牧合作社 1 nt ORG
 *     中心 2 x !ORG              ← `!` = rejected twice as ORG: never suggested as ORG again
 *
 * `freq` is the net number of times the user confirmed (or, with `!`, rejected) the word with that label;
 * `tag` is the jieba part of speech (nr/ns/nt/nz from the label, `x` for rejections). The first three
 * columns of the lines without `!` are a valid jieba user dictionary. One entry per word and label;
 * the file is written sorted by word then label, so each change is one line in a diff.
 */
import type { Annotation, LabelId, LexiconEntry } from '../types';
import { compareText } from './page';

export interface LexiconItem {
  word: string;
  label: LabelId;
  /** Net evidence: how many more times the user confirmed (or rejected, see `reject`) than the opposite. */
  freq: number;
  /** jieba part-of-speech tag, kept as written so hand edits survive. */
  tag: string;
  reject: boolean;
}

/** Kept sorted by word then label (see `sortLexicon`). */
export type Lexicon = readonly LexiconItem[];

export interface LexiconProblem {
  line: number;
  message: string;
}

/** Where the extension and the command line keep the lexicon, relative to the workspace root. */
export const LEXICON_PATH = '.biaozhu/lexicon.txt';

/** Labels never learned: a number's text is not a reusable name. */
const NOT_LEARNED = new Set<string>(['NUMBER']);
/** A forced word shorter than this would tag every occurrence of a single character. */
const MIN_FORCED_LENGTH = 2;

const JIEBA_TAG: Record<string, string> = { PER: 'nr', LOC: 'ns', ORG: 'nt', WORK: 'nz' };
const LABEL_ID = /^[A-Za-z][\w-]*$/;
const TAG = /^[A-Za-z]+$/;

export function jiebaTag(label: LabelId, reject: boolean): string {
  return reject ? 'x' : JIEBA_TAG[label] ?? 'n';
}

/** Parses a lexicon file. Never throws: a bad line is skipped and reported with its 1-based number. */
export function parseLexicon(source: string): { lexicon: LexiconItem[]; problems: LexiconProblem[] } {
  const items: LexiconItem[] = [];
  const problems: LexiconProblem[] = [];
  const seen = new Map<string, number>();
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const problem = (message: string) => problems.push({ line: i + 1, message });
    const fields = line.split(/\s+/);
    if (fields.length !== 4) return problem(`expected "word freq tag LABEL" (or "!LABEL" for a rejection), found ${fields.length} field(s)`);
    const [word, freqText, tag, labelField] = fields;
    const reject = labelField.startsWith('!');
    const label = reject ? labelField.slice(1) : labelField;
    if (!/^\d+$/.test(freqText) || Number(freqText) < 1) return problem(`frequency "${freqText}" is not a positive whole number`);
    if (!TAG.test(tag)) return problem(`part-of-speech tag "${tag}" is not letters only`);
    if (!LABEL_ID.test(label)) return problem(`label "${labelField}" is not a label id like PER or !ORG`);
    const k = itemKey(word, label);
    const first = seen.get(k);
    if (first !== undefined) return problem(`"${word}" with label ${label} is already on line ${first}; this line is ignored`);
    seen.set(k, i + 1);
    items.push({ word, label, freq: Number(freqText), tag, reject });
  });
  return { lexicon: sortLexicon(items), problems };
}

/** The file text: a short header, then one entry per line, sorted. */
export function serializeLexicon(lexicon: Lexicon): string {
  const header = [
    '# Biaozhu workspace lexicon: word freq jieba-tag LABEL (LABEL prefixed with ! = rejected, never suggested).',
    '# Learned from accepted, manual and rejected annotations; edit freely, one entry per line.',
  ];
  return [...header, ...sortLexicon(lexicon).map(e => `${e.word} ${e.freq} ${e.tag} ${e.reject ? '!' : ''}${e.label}`)].join('\n') + '\n';
}

export function sortLexicon(items: Lexicon): LexiconItem[] {
  return [...items].sort((a, b) => compareText(a.word, b.word) || compareText(a.label, b.label));
}

export type Votes = Map<string, { word: string; label: LabelId; net: number }>;

const confirmed = (a: Annotation) => a.status !== 'rejected' && (a.source === 'manual' || a.status === 'accepted');

/**
 * What a page's annotations teach, per word and label: +1 per confirmed mention (accepted, or manual and
 * not rejected), −1 per rejected automatic suggestion, nothing for unreviewed suggestions. A rejected
 * suggestion lying inside a longer confirmed mention of the same label (帮扎乡 inside 达孜区帮扎乡)
 * is a boundary correction, not a verdict on the word, and teaches nothing; the longer word, once learned,
 * covers it. `teaches` leaves out items awaiting confirmation (a manual slip, see slips.ts); it must give the
 * same answer for an item whenever it is asked, so that relearning takes back exactly what was taught.
 */
export function pageVotes(annotations: readonly Annotation[], teaches: (a: Annotation) => boolean = () => true): Votes {
  // Unreviewed suggestions (most of a page) teach nothing: skip them before the costlier word check.
  const kept = annotations.filter(a => (confirmed(a) || (a.status === 'rejected' && a.source === 'auto')) && learnable(a.text, a.label) && teaches(a));
  const sure = kept.filter(confirmed);
  const votes: Votes = new Map();
  for (const a of kept) {
    let v = confirmed(a) ? 1 : a.status === 'rejected' && a.source === 'auto' ? -1 : 0;
    if (v < 0 && sure.some(b => b.label === a.label && b.start <= a.start && a.end <= b.end && b.end - b.start > a.end - a.start)) v = 0;
    if (v === 0) continue;
    const k = itemKey(a.text, a.label);
    const e = votes.get(k) ?? { word: a.text, label: a.label, net: 0 };
    e.net += v;
    votes.set(k, e);
  }
  return votes;
}

/**
 * Adds a page's review work to the lexicon. Per word and label, the entry's signed frequency (negative
 * for a rejection) plus the page's votes decides: positive → a word to suggest, negative → a rejection,
 * zero → no entry (the user said both equally often: the word depends on context). So an item accepted
 * in one place and rejected in another resolves by majority over everything learned.
 */
export function learn(lexicon: Lexicon, annotations: readonly Annotation[]): LexiconItem[] {
  return applyVotes(lexicon, pageVotes(annotations));
}

/**
 * The page's review work changed from `before` (what was last learned from it) to `after`: take back
 * what `before` taught and add what `after` teaches. The editor calls this whenever it saves a page, so
 * the lexicon follows the review state exactly: accepting then rejecting leaves one rejection, undo
 * undoes what an action taught, and learning the same state twice changes nothing.
 */
export function relearn(lexicon: Lexicon, before: readonly Annotation[], after: readonly Annotation[], teaches?: (a: Annotation) => boolean): LexiconItem[] {
  const votes = pageVotes(after, teaches);
  for (const [k, v] of pageVotes(before, teaches)) {
    const e = votes.get(k) ?? { word: v.word, label: v.label, net: 0 };
    e.net -= v.net;
    votes.set(k, e);
  }
  return applyVotes(lexicon, votes);
}

function applyVotes(lexicon: Lexicon, votes: Votes): LexiconItem[] {
  const byKey = new Map(lexicon.map(e => [itemKey(e.word, e.label), e] as const));
  for (const [k, v] of votes) {
    if (v.net === 0) continue;
    const old = byKey.get(k);
    const net = (old ? (old.reject ? -old.freq : old.freq) : 0) + v.net;
    if (net === 0) { byKey.delete(k); continue; }
    const reject = net < 0;
    const tag = old && old.reject === reject ? old.tag : jiebaTag(v.label, reject);
    byKey.set(k, { word: v.word, label: v.label, freq: Math.abs(net), tag, reject });
  }
  return sortLexicon([...byKey.values()]);
}

/**
 * What `analyze(text, { lexicon })` takes. Every rejection is kept; a word confirmed with several labels
 * is suggested with the one confirmed most often (ties: the first label in sort order); one-character
 * words are kept in the file but never forced (they would tag every occurrence of the character).
 */
export function toLexiconEntries(lexicon: Lexicon): LexiconEntry[] {
  const sorted = sortLexicon(lexicon);
  const best = new Map<string, LexiconItem>();
  for (const e of sorted) {
    if (e.reject || e.word.length < MIN_FORCED_LENGTH) continue;
    const b = best.get(e.word);
    if (!b || e.freq > b.freq) best.set(e.word, e);
  }
  return sorted
    .filter(e => e.reject || best.get(e.word) === e)
    .map(e => (e.reject ? { word: e.word, label: e.label, reject: true } : { word: e.word, label: e.label }));
}

function learnable(word: string, label: LabelId): boolean {
  return word.length > 0 && !/\s/.test(word) && !NOT_LEARNED.has(label) && LABEL_ID.test(label);
}

function itemKey(word: string, label: string): string {
  return `${label}\u0000${word}`;
}
