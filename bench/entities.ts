/**
 * Entity accuracy on ner-msra/test.bio (character BIO, PER/LOC/ORG): entity-level precision, recall and
 * F1 per label and micro-averaged, exact span match. The test file is read as one document (sentences
 * joined by line breaks), as the editor would see a page. Rows: nodejieba's POS tags alone (baseline),
 * the recogniser with titles off (MSRA has no WORK label and annotates names inside 《》), and as shipped.
 */
import { readFileSync, existsSync } from 'fs';
import { join } from 'path';
import { findEntities } from '../src/core/entities';
import { jiebaPosEntities } from '../src/core/entities/baseline';
import type { EntityMention } from '../src/core/types';
import type { BenchSection } from './section';

const LABELS = ['PER', 'LOC', 'ORG'] as const;

export function benchDir(root: string): string {
  return process.env.BIAOZHU_BENCH_DIR ?? join(root, '..', 'shared', 'bench');
}

export interface BioDocument {
  text: string;
  gold: EntityMention[];
}

/** Reads a character-per-line BIO file into one text with its gold spans. */
export function readBio(file: string): BioDocument {
  return parseBio(readFileSync(file, 'utf8'));
}

/** The same from the file's content. */
export function parseBio(content: string): BioDocument {
  const chars: string[] = [];
  const gold: EntityMention[] = [];
  let open: EntityMention | undefined;
  const close = () => { if (open) { open.text = chars.slice(open.start, open.end).join(''); gold.push(open); open = undefined; } };
  for (const line of content.split(/\r?\n/)) {
    const m = /^(\S)\s+(\S+)$/.exec(line);
    if (!m) {
      close();
      if (chars.length && chars[chars.length - 1] !== '\n') chars.push('\n');
      continue;
    }
    const [, ch, tag] = m;
    const at = chars.length;
    chars.push(ch);
    const label = tag.slice(2);
    if (tag === 'O' || tag.startsWith('B-') || (open && open.label !== label)) close();
    if (tag !== 'O') {
      if (!open) open = { start: at, end: at + 1, text: '', label };
      else open.end = at + 1;
    }
  }
  close();
  return { text: chars.join(''), gold };
}

export interface Counts { predicted: number; gold: number; correct: number }
export interface Scores extends Counts { precision: number; recall: number; f1: number }

export function score(gold: readonly EntityMention[], predicted: readonly EntityMention[]): Record<string, Scores> {
  const key = (e: EntityMention) => `${e.start}:${e.end}:${e.label}`;
  const goldKeys = new Set(gold.map(key));
  const counts: Record<string, Counts> = {};
  for (const l of [...LABELS, 'micro']) counts[l] = { predicted: 0, gold: 0, correct: 0 };
  for (const g of gold) { counts[g.label].gold++; counts.micro.gold++; }
  for (const p of predicted) {
    if (!(LABELS as readonly string[]).includes(p.label)) continue;
    const hit = goldKeys.has(key(p)) ? 1 : 0;
    counts[p.label].predicted++; counts[p.label].correct += hit;
    counts.micro.predicted++; counts.micro.correct += hit;
  }
  const out: Record<string, Scores> = {};
  for (const [l, c] of Object.entries(counts)) {
    const precision = c.correct / (c.predicted || 1), recall = c.correct / (c.gold || 1);
    out[l] = { ...c, precision, recall, f1: (2 * precision * recall) / (precision + recall || 1) };
  }
  return out;
}

export function evaluate(root: string): BenchSection[] {
  const file = join(benchDir(root), 'ner-msra', 'test.bio');
  if (!existsSync(file)) return [{ title: 'Entities (ner-msra/test.bio)', headers: ['note'], rows: [[`missing: ${file}`]], data: {} }];
  const doc = readBio(file);
  const systems: Array<[string, (text: string) => EntityMention[]]> = [
    ['nodejieba POS (baseline)', jiebaPosEntities],
    ['Biaozhu, titles off', text => findEntities(text, { works: false })],
    ['Biaozhu, as shipped', text => findEntities(text)],
  ];
  const rows: Array<Array<string | number>> = [];
  const data: Record<string, Record<string, Scores>> = {};
  for (const [name, run] of systems) {
    const s = score(doc.gold, run(doc.text));
    data[name] = s;
    for (const l of [...LABELS, 'micro']) rows.push([name, l, s[l].precision, s[l].recall, s[l].f1, s[l].gold]);
  }
  return [{
    title: `Entities (ner-msra/test.bio, ${doc.gold.length} gold entities; target micro F1 ≥ 0.85)`,
    headers: ['system', 'label', 'P', 'R', 'F1', 'gold'],
    rows, data,
  }];
}
