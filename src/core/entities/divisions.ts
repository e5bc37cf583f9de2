/**
 * Places from the national gazetteer (gazetteer.ts). Convention (docs/ner.md): a chain of two or more divisions is
 * suggested one span per level (X县 | X乡 | X村, as People's Daily / MSRA annotate), and only when each
 * name sits under the one before it according to the codes; a chain followed by an organisation name
 * is part of that organisation (X县X镇人民政府 is one ORG).
 */
import type { Token } from '../jieba';
import type { TagSpan } from './decode';
import { divisionChains, loadGazetteer } from './gazetteer';

/** Gazetteer places in text[from, to) (a tagger chunk with its tokens), added to or replacing `spans`. */
export function gazetteerPlaces(text: string, toks: readonly Token[], spans: TagSpan[], from: number, to: number): TagSpan[] {
  const g = loadGazetteer();
  if (!g) return spans;
  // A lone name has nothing to check it against: the tagger decides (小城镇, 郊区, 新农村 name divisions
  // somewhere but are mostly common nouns; adding lone names cost F1 on dev.bio).
  const chains = divisionChains(g, text, from, to).filter(chain => chain.length > 1);
  if (chains.length === 0) return spans;
  // Word boundaries in [from, to]: bit 1 a word starts there, bit 2 one ends there.
  const bounds = new Uint8Array(to - from + 1);
  for (const t of toks) { bounds[t.start - from] |= 1; bounds[t.end - from] |= 2; }
  let out = spans;
  for (const chain of chains) {
    const cs = chain[0].start, ce = chain[chain.length - 1].end;
    if (!(bounds[cs - from] & 1) || !(bounds[ce - from] & 2)) continue;
    const over = out.filter(s => s.end > cs && s.start < ce);
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

function withSpans(spans: TagSpan[], removed: readonly TagSpan[], added: readonly TagSpan[]): TagSpan[] {
  const gone = new Set(removed);
  return [...spans.filter(s => !gone.has(s)), ...added].sort((a, b) => a.start - b.start);
}
