/**
 * Span probabilities from the tagger's own scores: forward-backward over the linear-chain model the
 * averaged perceptron defines (scores × `k` read as log-potentials). The raw figure is then calibrated
 * (calibration.ts); this file only computes P(exactly this span has this label | sentence).
 */
import { N_TAGS, TAG_LABELS, allowed, allowedStart } from './decode';

/** Scaled forward (alpha) and backward (beta) tables of one chunk; P(y_i = t) = a[i·T+t] · b[i·T+t]. */
export interface Posterior {
  n: number;
  a: Float64Array;
  b: Float64Array;
  /** Per-position scale factors of the forward pass. */
  c: Float64Array;
  /** exp(k·(emit − max per position)): the emission potentials. */
  e: Float64Array;
  /** exp(k·(trans − max)), 0 where a transition is not allowed. */
  tr: Float64Array;
}

/**
 * Forward-backward for `n` positions. `emit`, `trans`, `start` are in the same units (the model's weight
 * units); `k` turns them into log-potentials (the model's scale divided by a temperature fitted on dev.bio).
 */
export function forwardBackward(emit: ArrayLike<number>, n: number, trans: ArrayLike<number>, start: ArrayLike<number>, k: number, into?: Posterior): Posterior {
  const T = N_TAGS;
  const p = into && into.a.length >= n * T ? into : {
    n, a: new Float64Array(n * T), b: new Float64Array(n * T), c: new Float64Array(n), e: new Float64Array(n * T), tr: new Float64Array(T * T),
  };
  p.n = n;
  const { a, b, c, e, tr } = p;
  let tmax = -Infinity;
  for (let i = 0; i < T * T; i++) tmax = Math.max(tmax, trans[i]);
  for (let f = 0; f < T; f++) for (let t = 0; t < T; t++) tr[f * T + t] = allowed(f, t) ? Math.exp(k * (trans[f * T + t] - tmax)) : 0;
  for (let i = 0; i < n; i++) {
    let m = -Infinity;
    for (let t = 0; t < T; t++) m = Math.max(m, emit[i * T + t]);
    for (let t = 0; t < T; t++) e[i * T + t] = Math.exp(k * (emit[i * T + t] - m));
  }
  if (n === 0) return p;
  let smax = -Infinity;
  for (let t = 0; t < T; t++) if (allowedStart(t)) smax = Math.max(smax, start[t]);
  let sum = 0;
  for (let t = 0; t < T; t++) sum += a[t] = allowedStart(t) ? Math.exp(k * (start[t] - smax)) * e[t] : 0;
  if (!(sum > 0)) { sum = 1e-300; for (let t = 0; t < T; t++) a[t] = allowedStart(t) ? 1 : 0; }
  c[0] = sum;
  for (let t = 0; t < T; t++) a[t] /= sum;
  for (let i = 1; i < n; i++) {
    sum = 0;
    const o = i * T, q = o - T;
    for (let t = 0; t < T; t++) {
      let s = 0;
      for (let f = 0; f < T; f++) s += a[q + f] * tr[f * T + t];
      sum += a[o + t] = s * e[o + t];
    }
    if (!(sum > 0)) { sum = 1e-300; for (let t = 0; t < T; t++) a[o + t] = 1 / T; } // underflow: restart from uniform
    c[i] = sum;
    for (let t = 0; t < T; t++) a[o + t] /= sum;
  }
  for (let t = 0; t < T; t++) b[(n - 1) * T + t] = 1;
  for (let i = n - 2; i >= 0; i--) {
    const o = i * T, r = o + T, ci = c[i + 1];
    for (let f = 0; f < T; f++) {
      let s = 0;
      for (let t = 0; t < T; t++) s += tr[f * T + t] * e[r + t] * b[r + t];
      b[o + f] = s / ci;
    }
  }
  return p;
}

/**
 * P(positions s…end−1 form exactly one span of `label`): B-label at s, I-label up to end−1, and no
 * I-label after it. 0 for labels the tagger does not know (WORK, custom labels).
 */
export function spanProbability(p: Posterior, s: number, end: number, label: string): number {
  const L = (TAG_LABELS as readonly string[]).indexOf(label);
  if (L < 0 || s < 0 || end > p.n || end <= s) return 0;
  const T = N_TAGS, B = 1 + 2 * L, I = B + 1;
  const { a, b, c, e, tr } = p;
  let prob = a[s * T + B];
  let prev = B;
  for (let j = s + 1; j < end; j++) {
    prob *= (tr[prev * T + I] * e[j * T + I]) / c[j];
    prev = I;
  }
  if (end === p.n) return Math.min(1, prob);
  // The span must stop here: the next tag is anything but I-label.
  let tail = 0;
  const r = end * T;
  for (let t = 0; t < T; t++) if (t !== I) tail += tr[prev * T + t] * e[r + t] * b[r + t];
  return Math.min(1, (prob * tail) / c[end]);
}
