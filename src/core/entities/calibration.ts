/**
 * Turning raw span probabilities into calibrated confidence: one isotonic (monotone, piecewise-linear)
 * map per origin of a suggestion, fitted on dev.bio by scripts/calibrate-ner.ts and shipped as
 * models/ner-calibration.json. Also the reliability table and expected calibration error the benchmark reports.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { modelsDir } from './model';

export const CALIBRATION_FILE = 'ner-calibration.json';

/**
 * Where a suggestion comes from; each origin gets its own map, because the same raw probability means
 * different things for a span the tagger chose itself and for one a rule made (a rule often overrides the
 * tagger on purpose, so its raw probability is low while the rule is usually right).
 */
export type Origin = 'tagger' | 'rule' | 'title' | 'lexicon';

/** An isotonic map: `x` increasing raw probabilities, `y` non-decreasing calibrated values. */
export interface IsotonicMap { x: number[]; y: number[] }

export interface Calibration {
  /** Divides the tagger's scores before forward-backward (fitted on dev.bio). */
  temperature: number;
  maps: Partial<Record<Origin, IsotonicMap>>;
  /** Fixed confidence for origins with no model score (titles in 《》, the user's lexicon), see docs/ner.md. */
  fixed: Partial<Record<Origin, number>>;
  /** What it was fitted on, for the record. */
  fittedOn?: string;
}

/** Used when no calibration file is present: raw probabilities, temperature 1. */
export const UNCALIBRATED: Calibration = { temperature: 1, maps: {}, fixed: {} };

let loaded: Calibration | undefined;

export function loadCalibration(): Calibration {
  if (loaded) return loaded;
  const file = join(modelsDir(), CALIBRATION_FILE);
  return (loaded = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Calibration) : UNCALIBRATED);
}

/** The calibrated confidence of a raw probability from `origin`, rounded to 3 decimals, in [0, 1]. */
export function calibrate(c: Calibration, origin: Origin, raw: number): number {
  const fixed = c.fixed[origin];
  if (fixed !== undefined) return fixed;
  const map = c.maps[origin];
  const v = map ? interpolate(map, raw) : raw;
  return Math.round(Math.min(1, Math.max(0, v)) * 1000) / 1000;
}

function interpolate(m: IsotonicMap, v: number): number {
  const { x, y } = m;
  if (x.length === 0) return v;
  if (v <= x[0]) return y[0];
  if (v >= x[x.length - 1]) return y[y.length - 1];
  let lo = 0, hi = x.length - 1;
  while (hi - lo > 1) { const mid = (lo + hi) >> 1; if (x[mid] <= v) lo = mid; else hi = mid; }
  const span = x[hi] - x[lo];
  return span > 0 ? y[lo] + ((y[hi] - y[lo]) * (v - x[lo])) / span : y[hi];
}

/**
 * Isotonic regression (pool-adjacent-violators) of 0/1 outcomes on raw scores. Each block is summarised by
 * its mean score and mean outcome; blocks smaller than `minBlock` are pooled with a neighbour so that no
 * point of the map rests on a handful of examples.
 */
export function fitIsotonic(points: ReadonlyArray<{ raw: number; correct: boolean }>, minBlock = 20): IsotonicMap {
  const sorted = points.slice().sort((a, b) => a.raw - b.raw);
  const blocks: Array<{ sx: number; sy: number; n: number }> = [];
  for (const p of sorted) {
    blocks.push({ sx: p.raw, sy: p.correct ? 1 : 0, n: 1 });
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1], a = blocks[blocks.length - 2];
      if (a.sy / a.n < b.sy / b.n && a.n >= minBlock) break;
      a.sx += b.sx; a.sy += b.sy; a.n += b.n;
      blocks.pop();
    }
  }
  return { x: blocks.map(b => round(b.sx / b.n, 6)), y: blocks.map(b => round(b.sy / b.n, 4)) };
}

const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;

export interface ReliabilityRow { from: number; to: number; count: number; meanConfidence: number; accuracy: number }

/** Ten equal-width bins of confidence: how many suggestions, their mean confidence and how many were right; ECE weights the gaps by count. */
export function reliability(items: ReadonlyArray<{ confidence: number; correct: boolean }>, bins = 10): { rows: ReliabilityRow[]; ece: number } {
  const rows: ReliabilityRow[] = [];
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const from = b / bins, to = (b + 1) / bins;
    const inBin = items.filter(i => i.confidence >= from && (b === bins - 1 ? i.confidence <= to : i.confidence < to));
    const count = inBin.length;
    const meanConfidence = count ? inBin.reduce((s, i) => s + i.confidence, 0) / count : 0;
    const accuracy = count ? inBin.filter(i => i.correct).length / count : 0;
    rows.push({ from, to, count, meanConfidence, accuracy });
    if (items.length) ece += (count / items.length) * Math.abs(meanConfidence - accuracy);
  }
  return { rows, ece };
}
