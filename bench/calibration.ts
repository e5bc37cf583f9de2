/**
 * Is the entity confidence calibrated? Reliability tables and expected calibration error (ECE) of the
 * shipped `confidence` of PER/LOC/ORG suggestions, on the half of dev.bio the calibration was not fitted
 * on (odd sentences; scripts/calibrate-ner.ts fits on the even ones), and on test.bio for reference.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { findEntities } from '../src/core/entities';
import { reliability } from '../src/core/entities/calibration';
import { benchDir, parseBio, readBio, type BioDocument } from './entities';
import type { BenchSection } from './section';

/** dev.bio split by sentence: even sentences fit the calibration, odd ones are held out. */
export function devHalves(content: string): { fit: BioDocument; held: BioDocument } {
  const sentences = content.split(/\r?\n\s*\r?\n/).filter(s => s.trim() !== '');
  const half = (k: number) => parseBio(sentences.filter((_, i) => i % 2 === k).join('\n\n') + '\n');
  return { fit: half(0), held: half(1) };
}

function table(name: string, doc: BioDocument): BenchSection {
  const gold = new Set(doc.gold.map(g => `${g.start}:${g.end}:${g.label}`));
  const items = findEntities(doc.text, { works: false })
    .filter(e => e.confidence !== undefined)
    .map(e => ({ confidence: e.confidence!, correct: gold.has(`${e.start}:${e.end}:${e.label}`) }));
  const r = reliability(items);
  return {
    title: `Entity confidence on ${name}: ${items.length} suggestions, ECE ${r.ece.toFixed(3)} (target ≤ 0.05)`,
    headers: ['confidence', 'suggestions', 'mean confidence', 'right'],
    rows: r.rows.map(b => [`${b.from.toFixed(1)}–${b.to.toFixed(1)}`, b.count, b.meanConfidence, b.accuracy]),
    data: { ece: r.ece, suggestions: items.length, rows: r.rows },
  };
}

export function evaluate(root: string): BenchSection[] {
  const dir = join(benchDir(root), 'ner-msra');
  const dev = join(dir, 'dev.bio'), test = join(dir, 'test.bio');
  if (!existsSync(dev) || !existsSync(test)) return [{ title: 'Entity confidence', headers: ['note'], rows: [[`missing: ${dir}/dev.bio or test.bio`]], data: {} }];
  return [
    table('dev.bio held-out half (odd sentences; calibration fitted on the even ones)', devHalves(readFileSync(dev, 'utf8')).held),
    table('test.bio', readBio(test)),
  ];
}
