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
  const chains = divisionChains(g, text, from, to);
  if (chains.length === 0) return spans;
  const starts = new Set<number>(), ends = new Set<number>();
  for (const t of toks) { starts.add(t.start); ends.add(t.end); }
  let out = spans;
  for (const chain of chains) {
    const cs = chain[0].start, ce = chain[chain.length - 1].end;
    if (!starts.has(cs) || !ends.has(ce)) continue;
    const over = out.filter(s => s.end > cs && s.start < ce);
    // A lone name has nothing to check it against: the tagger decides (小城镇, 郊区, 新农村 name divisions
    // somewhere but are mostly common nouns; adding lone names cost F1 on dev.bio).
    if (chain.length === 1) continue;
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
