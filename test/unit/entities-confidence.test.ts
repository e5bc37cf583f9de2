import * as assert from 'assert';
import { N_TAGS, allowed, allowedStart } from '../../src/core/entities/decode';
import { forwardBackward, spanProbability } from '../../src/core/entities/posterior';
import { calibrate, fitIsotonic, reliability, type Calibration } from '../../src/core/entities/calibration';
import { findEntities } from '../../src/core/entities';
import { analyze } from '../../src/core/analyze';
import { validate } from '../../src/core/documentJson';
import { packAnnotations, unpackAnnotations } from '../../src/core/packed';
import { json } from '../../src/formats/json';
import { brat } from '../../src/formats/brat';
import type { Annotation, AnnotationDocument } from '../../src/core/types';

/** A small deterministic pseudo-random source, so failures reproduce. */
function rng(seed: number): () => number {
  return () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

/** P(tags) for every allowed tag sequence of length n, by enumeration (the definition forward-backward must match). */
function enumerate(emit: number[], n: number, trans: number[], start: number[], k: number): Map<string, number> {
  const out = new Map<string, number>();
  let z = 0;
  const seq: number[] = [];
  const walk = (i: number, score: number) => {
    if (i === n) { const w = Math.exp(k * score); out.set(seq.join(','), w); z += w; return; }
    for (let t = 0; t < N_TAGS; t++) {
      if (i === 0 ? !allowedStart(t) : !allowed(seq[i - 1], t)) continue;
      seq[i] = t;
      walk(i + 1, score + emit[i * N_TAGS + t] + (i === 0 ? start[t] : trans[seq[i - 1] * N_TAGS + t]));
    }
  };
  walk(0, 0);
  for (const [key, w] of out) out.set(key, w / z);
  return out;
}

describe('entities: span probabilities (forward-backward)', () => {
  it('equal the sum over every tag sequence holding exactly that span', () => {
    const r = rng(7);
    const n = 4;
    const emit = Array.from({ length: n * N_TAGS }, () => r() * 6 - 3);
    const trans = Array.from({ length: N_TAGS * N_TAGS }, () => r() * 4 - 2);
    const start = Array.from({ length: N_TAGS }, () => r() * 2 - 1);
    const k = 0.8;
    const paths = enumerate(emit, n, trans, start, k);
    const p = forwardBackward(emit, n, trans, start, k);
    for (const label of ['PER', 'LOC', 'ORG']) {
      const B = 1 + 2 * ['PER', 'LOC', 'ORG'].indexOf(label), I = B + 1;
      for (let s = 0; s < n; s++) for (let e = s + 1; e <= n; e++) {
        let want = 0;
        for (const [key, w] of paths) {
          const t = key.split(',').map(Number);
          if (t[s] !== B) continue;
          let ok = true;
          for (let j = s + 1; j < e; j++) if (t[j] !== I) ok = false;
          if (e < n && t[e] === I) ok = false;
          if (ok) want += w;
        }
        assert.ok(Math.abs(spanProbability(p, s, e, label) - want) < 1e-9, `${label} ${s}-${e}: ${spanProbability(p, s, e, label)} vs ${want}`);
      }
    }
  });

  it('is 0 for labels the tagger does not know and for spans outside the chunk', () => {
    const p = forwardBackward(new Array(3 * N_TAGS).fill(0), 3, new Array(N_TAGS * N_TAGS).fill(0), new Array(N_TAGS).fill(0), 1);
    assert.strictEqual(spanProbability(p, 0, 2, 'WORK'), 0);
    assert.strictEqual(spanProbability(p, 2, 5, 'PER'), 0);
  });

  it('survives scores far too large for exp (no NaN)', () => {
    const emit = [5000, -5000, 0, 9000, -9000, 0, 0, -7000, 8000, 0, 0, 0, 0, 6000];
    const p = forwardBackward(emit, 2, new Array(N_TAGS * N_TAGS).fill(300), new Array(N_TAGS).fill(0), 1);
    for (let s = 0; s < 2; s++) for (const l of ['PER', 'LOC', 'ORG']) {
      const v = spanProbability(p, s, s + 1, l);
      assert.ok(v >= 0 && v <= 1, `${l}@${s}: ${v}`);
    }
  });
});

describe('entities: calibration', () => {
  it('fits a monotone map that follows the observed rate', () => {
    const r = rng(3);
    // Outcomes right with probability raw², so raw itself is over-confident.
    const pts = Array.from({ length: 4000 }, () => { const raw = r(); return { raw, correct: r() < raw * raw }; });
    const map = fitIsotonic(pts);
    for (let i = 1; i < map.y.length; i++) assert.ok(map.y[i] >= map.y[i - 1] && map.x[i] > map.x[i - 1]);
    const c: Calibration = { temperature: 1, maps: { tagger: map }, fixed: {} };
    assert.ok(Math.abs(calibrate(c, 'tagger', 0.5) - 0.25) < 0.08, String(calibrate(c, 'tagger', 0.5)));
    assert.ok(Math.abs(calibrate(c, 'tagger', 0.9) - 0.81) < 0.08, String(calibrate(c, 'tagger', 0.9)));
    const before = reliability(pts.map(p => ({ confidence: p.raw, correct: p.correct }))).ece;
    const after = reliability(pts.map(p => ({ confidence: calibrate(c, 'tagger', p.raw), correct: p.correct }))).ece;
    assert.ok(before > 0.1 && after < 0.03, `ECE ${before} → ${after}`);
  });

  it('uses the fixed value of origins without a model score', () => {
    const c: Calibration = { temperature: 1, maps: {}, fixed: { title: 0.95 } };
    assert.strictEqual(calibrate(c, 'title', 0), 0.95);
  });

  it('computes the expected calibration error of a known table', () => {
    const items = [
      ...Array.from({ length: 10 }, (_, i) => ({ confidence: 0.95, correct: i < 9 })),
      ...Array.from({ length: 10 }, (_, i) => ({ confidence: 0.35, correct: i < 1 })),
    ];
    const r = reliability(items);
    assert.strictEqual(r.rows.length, 10);
    assert.strictEqual(r.rows[9].count, 10);
    assert.ok(Math.abs(r.ece - (0.5 * 0.05 + 0.5 * 0.25)) < 1e-9, String(r.ece));
  });
});

describe('entities: confidence on suggestions', () => {
  const text = '县委书记李卫东在东湖镇调研时说，要把合作社办好。\n《乡村振兴报》记者报道了此事。';

  it('every automatic entity carries a confidence in [0, 1]', () => {
    const found = findEntities(text);
    assert.ok(found.length > 0);
    for (const e of found) assert.ok(typeof e.confidence === 'number' && e.confidence >= 0 && e.confidence <= 1, JSON.stringify(e));
  });

  it('reaches the export contract, which validates', () => {
    const annotations = analyze(text).annotations;
    assert.ok(annotations.some(a => a.label !== 'NUMBER' && a.confidence !== undefined));
    const doc = {
      format: 'biaozhu/annotations', version: 1,
      document: { path: 'p.txt', sha256: '0'.repeat(64), length: text.length, offsetUnit: 'utf16' },
      labels: [], articles: [], columnBreaks: [], annotations,
    };
    assert.strictEqual(validate(doc), undefined);
    assert.match(validate({ ...doc, annotations: [{ ...annotations[0], confidence: 1.5 }] }) ?? '', /confidence: expected a number from 0 to 1/);
  });

  it('survives the packed transfer from the worker and the JSON and brat round trips', () => {
    const annotations: Annotation[] = [
      { id: 'per-0-2', start: 0, end: 2, text: text.slice(0, 2), label: 'PER', source: 'auto', status: 'suggested', confidence: 0.873 },
      { id: 'loc-8-11', start: 8, end: 11, text: text.slice(8, 11), label: 'LOC', source: 'manual', status: 'accepted' },
    ];
    assert.deepStrictEqual(unpackAnnotations(text, packAnnotations(text, annotations)), annotations);
    const doc: AnnotationDocument = {
      format: 'biaozhu/annotations', version: 1,
      document: { path: 'p.txt', sha256: '0'.repeat(64), length: text.length, offsetUnit: 'utf16' },
      labels: [], articles: [], columnBreaks: [], annotations,
    };
    const viaJson = json.import(json.export(doc, text)[0].content, text, { status: 'keep' }).annotations;
    assert.strictEqual(viaJson.find(a => a.label === 'PER')?.confidence, 0.873);
    assert.strictEqual(viaJson.find(a => a.label === 'LOC')?.confidence, undefined);
    const ann = brat.export(doc, text).find(f => f.suffix === '' || f.suffix.endsWith('.ann'))!.content;
    assert.match(ann, /confidence=0\.873/);
  });
});
