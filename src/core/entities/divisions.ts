/**
 * Places from the national gazetteer (gazetteer.ts). Convention (docs/ner.md): a chain of divisions is
 * suggested one span per level (X县 | X乡 | X村, as People's Daily / MSRA annotate), and only when each
 * name sits under the one before it according to the codes; a chain followed by an organisation name
 * is part of that organisation (X县X镇人民政府 is one ORG).
 */
import type { Token } from '../jieba';
import type { TagSpan } from './decode';
import { divisionChains, loadGazetteer, type NameMatch } from './gazetteer';

/** Tags jieba gives proper names (place, person, other proper noun) or unknown words. */
const PROPER_TAG = /^(ns|nr|nrt|nrfg|nz|nt|x|eng)$/;

/** Gazetteer places in text[from, to) (a tagger chunk with its tokens), added to or replacing `spans`. */
export function gazetteerPlaces(text: string, toks: readonly Token[], spans: TagSpan[], from: number, to: number): TagSpan[] {
  const g = loadGazetteer();
  if (!g) return spans;
  const chains = divisionChains(g, text, from, to);
  if (chains.length === 0) return spans;
  const starts = new Map<number, Token>();
  const ends = new Set<number>();
  for (const t of toks) { starts.set(t.start, t); ends.add(t.end); }
  let out = spans;
  for (const chain of chains) {
    const cs = chain[0].start, ce = chain[chain.length - 1].end;
    if (!starts.has(cs) || !ends.has(ce)) continue;
    const over = out.filter(s => s.end > cs && s.start < ce);
    if (chain.length === 1) {
      if (over.length || !isBareName(text, chain[0], toks)) continue;
      out = withSpans(out, [], [{ start: cs, end: ce, label: 'LOC' }]);
      continue;
    }
    if (over.some(s => s.start < cs)) continue;
    const beyond = over.find(s => s.end > ce);
    if (beyond) {
      // X县 + X镇人民政府 → one organisation from the chain's first name.
      if (beyond.label === 'ORG' && chain.some(m => m.start === beyond.start)) out = withSpans(out, over, [{ start: cs, end: beyond.end, label: 'ORG' }]);
      continue;
    }
    out = withSpans(out, over, chain.map(m => ({ start: m.start, end: m.end, label: 'LOC' })));
  }
  return out;
}

/** Tags of words that do not begin or make up a place name: conjunctions, prepositions, particles, adverbs, pronouns, adjectives, numerals, verbs. */
const NOT_IN_NAME = /^(c|p|u[a-z]*|d|r[a-z]*|a|ad|m|q|v|vn)$/;

/**
 * A lone name (no chain to check it) is suggested only for a county or higher division or a township
 * ending in 乡/镇/街道, at least 3 characters, not read by jieba as one common word or with a function
 * word or adjective inside (小城镇, 和农村, 郊区 are names of some division somewhere, but mostly not here).
 * Lone village names are never suggested: too many are ordinary words.
 */
function isBareName(text: string, m: NameMatch, toks: readonly Token[]): boolean {
  if (m.end - m.start < 3) return false;
  const high = m.divisions.some(d => d.level === 'P' || d.level === 'C' || d.level === 'A');
  const township = m.divisions.some(d => d.level === 'S') && /(乡|镇|街道)$/.test(text.slice(m.start, m.end));
  if (!high && !township) return false;
  const inside = toks.filter(t => t.start < m.end && t.end > m.start);
  if (inside.length === 1 && !PROPER_TAG.test(inside[0].tag)) return false;
  return !inside.some(t => NOT_IN_NAME.test(t.tag));
}

function withSpans(spans: TagSpan[], removed: readonly TagSpan[], added: readonly TagSpan[]): TagSpan[] {
  const gone = new Set(removed);
  return [...spans.filter(s => !gone.has(s)), ...added].sort((a, b) => a.start - b.start);
}
