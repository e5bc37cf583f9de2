/**
 * Entity accuracy on the composed newspaper pages of bench/gold/ner (`⟦text|LABEL⟧` marks, see its
 * README): P/R/F1 per label over all pages, exact spans; a predicted title counts with or without its 《》.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { findEntities } from '../src/core/entities';
import type { EntityMention } from '../src/core/types';
import type { BenchSection } from './section';

const LABELS = ['PER', 'LOC', 'ORG', 'WORK'];
const MARK = /⟦([^|⟧]+)\|([A-Z]+)⟧/g;

/** The page text without marks and its gold entities (UTF-16 offsets). */
export function parseMarked(marked: string): { text: string; gold: EntityMention[] } {
  const gold: EntityMention[] = [];
  let text = '', last = 0;
  for (const m of marked.matchAll(MARK)) {
    text += marked.slice(last, m.index);
    gold.push({ start: text.length, end: text.length + m[1].length, text: m[1], label: m[2] });
    text += m[1];
    last = m.index! + m[0].length;
  }
  return { text: text + marked.slice(last), gold };
}

/** A title predicted with its 《》 is compared without them. */
function unbracketed(text: string, e: EntityMention): EntityMention {
  return e.label === 'WORK' && text[e.start] === '《' && text[e.end - 1] === '》' ? { ...e, start: e.start + 1, end: e.end - 1 } : e;
}

export function evaluate(root: string): BenchSection[] {
  const dir = join(root, 'bench', 'gold', 'ner');
  const counts: Record<string, { p: number; g: number; c: number }> = {};
  for (const l of [...LABELS, 'micro']) counts[l] = { p: 0, g: 0, c: 0 };
  const misses: string[] = [];
  for (const file of readdirSync(dir).filter(f => f.endsWith('.marked.txt')).sort()) {
    const { text, gold } = parseMarked(readFileSync(join(dir, file), 'utf8'));
    const key = (e: EntityMention) => `${e.start}:${e.end}:${e.label}`;
    const goldKeys = new Set(gold.map(key));
    const predicted = findEntities(text).map(e => unbracketed(text, e));
    const predKeys = new Set(predicted.map(key));
    for (const g of gold) { counts[g.label].g++; counts.micro.g++; if (!predKeys.has(key(g))) misses.push(`${file}: missed ${g.label} ${g.text}`); }
    for (const p of predicted) {
      const hit = goldKeys.has(key(p)) ? 1 : 0;
      counts[p.label].p++; counts[p.label].c += hit; counts.micro.p++; counts.micro.c += hit;
      if (!hit) misses.push(`${file}: wrong ${p.label} ${text.slice(p.start, p.end)}`);
    }
  }
  const rows = [...LABELS, 'micro'].map(l => {
    const { p, g, c } = counts[l];
    const P = c / (p || 1), R = c / (g || 1);
    return [l, P, R, (2 * P * R) / (P + R || 1), g, p];
  });
  return [{ title: 'Entities on composed newspaper pages (bench/gold/ner, 5 pages)', headers: ['label', 'P', 'R', 'F1', 'gold', 'found'], rows, data: { rows, errors: misses } }];
}
