/**
 * Fits the confidence calibration (models/ner-calibration.json) on ner-msra/dev.bio, never test.bio.
 *
 *   node scripts/train-ner.mjs --calibrate-only      # after training; `npm run train:ner` runs it too
 *
 * dev.bio is split by sentence: even sentences fit, odd sentences are held out and only report the
 * calibration error (the benchmark reports the same held-out half). Steps: the temperature that divides
 * the tagger's scores before forward-backward (lowest log-loss of tagger spans on the fitting half), then
 * one isotonic map per origin of a suggestion (tagger, rule).
 */
import { writeFileSync, existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { scoreEntities, type ScoredSpan } from '../src/core/entities';
import { CALIBRATION_FILE, calibrate, fitIsotonic, reliability, type Calibration, type Origin } from '../src/core/entities/calibration';
import { modelsDir } from '../src/core/entities/model';
import { devHalves } from '../bench/calibration';
import type { BioDocument } from '../bench/entities';

const benchDir = process.env.BIAOZHU_BENCH_DIR ?? join(__dirname, '..', '..', 'shared', 'bench');
const devFile = join(benchDir, 'ner-msra', 'dev.bio');
if (!existsSync(devFile)) {
  console.error(`calibrate-ner: ${devFile} is missing. Put the shared benchmark data in ../shared/bench or set BIAOZHU_BENCH_DIR.`);
  process.exit(1);
}
const { fit, held } = devHalves(readFileSync(devFile, 'utf8'));

function judged(doc: BioDocument, temperature: number, rules = true): Array<ScoredSpan & { correct: boolean }> {
  const gold = new Set(doc.gold.map(g => `${g.start}:${g.end}:${g.label}`));
  return scoreEntities(doc.text, { works: false, rules }, temperature).map(s => ({ ...s, correct: gold.has(`${s.start}:${s.end}:${s.label}`) }));
}

const logLoss = (items: ReadonlyArray<{ raw: number; correct: boolean }>) => {
  const eps = 1e-6;
  return items.reduce((a, i) => a - Math.log(i.correct ? Math.max(eps, i.raw) : Math.max(eps, 1 - i.raw)), 0) / (items.length || 1);
};

if (process.env.SHOW_RULES) {
  // What the rules change on dev.bio (tuning aid): F1 with and without them, and each rule-made span.
  for (const half of [fit, held]) {
    for (const rules of [false, true]) {
      const j = judged(half, 1, rules), right = j.filter(s => s.correct).length;
      const p = right / j.length, r = right / half.gold.length;
      console.log(`rules ${rules ? 'on ' : 'off'}: P ${p.toFixed(4)} R ${r.toFixed(4)} F1 ${((2 * p * r) / (p + r)).toFixed(4)}`);
    }
    for (const s of judged(half, 1)) if (s.origin !== 'tagger') console.log(`${s.correct ? 'OK ' : 'BAD'} ${s.origin} ${s.label} ${half.text.slice(s.start, s.end)}\t${half.text.slice(Math.max(0, s.start - 8), s.end + 8).replace(/\n/g, ' ')}`);
  }
  process.exit(0);
}

let best = { temperature: 1, loss: Infinity };
for (const temperature of [1, 2, 4, 6, 8, 12, 16, 24, 32]) {
  const loss = logLoss(judged(fit, temperature).filter(s => s.origin === 'tagger'));
  console.log(`temperature ${temperature}: log-loss of tagger spans ${loss.toFixed(4)}`);
  if (loss < best.loss) best = { temperature, loss };
}
const items = judged(fit, best.temperature);
const maps: Calibration['maps'] = {};
for (const origin of ['tagger', 'rule'] as Origin[]) {
  const pts = items.filter(s => s.origin === origin);
  if (pts.length >= 20) maps[origin] = fitIsotonic(pts);
  console.log(`${origin}: ${pts.length} spans on the fitting half, ${pts.filter(p => p.correct).length} right`);
}
const calibration: Calibration = {
  temperature: best.temperature, maps,
  // No MSRA gold for these (it has no WORK label; lexicon words are the user's own): fixed, see docs/ner.md.
  fixed: { title: 0.95, lexicon: 0.95 },
  fittedOn: 'ner-msra/dev.bio, even sentences (odd sentences held out)',
};
const out = join(modelsDir(), CALIBRATION_FILE);
writeFileSync(out, JSON.stringify(calibration) + '\n');
const heldItems = judged(held, best.temperature).map(s => ({ confidence: calibrate(calibration, s.origin, s.raw), correct: s.correct }));
const r = reliability(heldItems);
console.log(`temperature ${best.temperature}; held-out half: ${heldItems.length} suggestions, ECE ${r.ece.toFixed(4)}; wrote ${out}`);
