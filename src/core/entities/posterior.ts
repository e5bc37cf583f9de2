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
  // Unrolled for the 7 tags (as viterbi in decode.ts): O and B- tags follow any tag, an I- tag only its B- or
  // itself. Terms of disallowed transitions are 0 and are left out; the rest are summed in the same order as
  // a loop over every tag would, so the tables are bit for bit what that loop gives.
  const t00 = tr[0], t01 = tr[1], t03 = tr[3], t05 = tr[5];
  const t10 = tr[7], t11 = tr[8], t12 = tr[9], t13 = tr[10], t15 = tr[12];
  const t20 = tr[14], t21 = tr[15], t22 = tr[16], t23 = tr[17], t25 = tr[19];
  const t30 = tr[21], t31 = tr[22], t33 = tr[24], t34 = tr[25], t35 = tr[26];
  const t40 = tr[28], t41 = tr[29], t43 = tr[31], t44 = tr[32], t45 = tr[33];
  const t50 = tr[35], t51 = tr[36], t53 = tr[38], t55 = tr[40], t56 = tr[41];
  const t60 = tr[42], t61 = tr[43], t63 = tr[45], t65 = tr[47], t66 = tr[48];
  let p0 = a[0], p1 = a[1], p2 = a[2], p3 = a[3], p4 = a[4], p5 = a[5], p6 = a[6];
  for (let i = 1; i < n; i++) {
    const o = i * T;
    let q0 = (p0 * t00 + p1 * t10 + p2 * t20 + p3 * t30 + p4 * t40 + p5 * t50 + p6 * t60) * e[o];
    let q1 = (p0 * t01 + p1 * t11 + p2 * t21 + p3 * t31 + p4 * t41 + p5 * t51 + p6 * t61) * e[o + 1];
    let q2 = (p1 * t12 + p2 * t22) * e[o + 2];
    let q3 = (p0 * t03 + p1 * t13 + p2 * t23 + p3 * t33 + p4 * t43 + p5 * t53 + p6 * t63) * e[o + 3];
    let q4 = (p3 * t34 + p4 * t44) * e[o + 4];
    let q5 = (p0 * t05 + p1 * t15 + p2 * t25 + p3 * t35 + p4 * t45 + p5 * t55 + p6 * t65) * e[o + 5];
    let q6 = (p5 * t56 + p6 * t66) * e[o + 6];
    sum = q0 + q1 + q2 + q3 + q4 + q5 + q6;
    if (!(sum > 0)) { sum = 1e-300; q0 = q1 = q2 = q3 = q4 = q5 = q6 = 1 / T; } // underflow: restart from uniform
    c[i] = sum;
    a[o] = p0 = q0 / sum; a[o + 1] = p1 = q1 / sum; a[o + 2] = p2 = q2 / sum; a[o + 3] = p3 = q3 / sum;
    a[o + 4] = p4 = q4 / sum; a[o + 5] = p5 = q5 / sum; a[o + 6] = p6 = q6 / sum;
  }
  let r = (n - 1) * T;
  for (let t = 0; t < T; t++) b[r + t] = 1;
  let b0 = 1, b1 = 1, b2 = 1, b3 = 1, b4 = 1, b5 = 1, b6 = 1;
  for (let i = n - 2; i >= 0; i--) {
    const o = i * T, ci = c[i + 1];
    const e0 = e[r], e1 = e[r + 1], e2 = e[r + 2], e3 = e[r + 3], e4 = e[r + 4], e5 = e[r + 5], e6 = e[r + 6];
    const x0 = (t00 * e0 * b0 + t01 * e1 * b1 + t03 * e3 * b3 + t05 * e5 * b5) / ci;
    const x1 = (t10 * e0 * b0 + t11 * e1 * b1 + t12 * e2 * b2 + t13 * e3 * b3 + t15 * e5 * b5) / ci;
    const x2 = (t20 * e0 * b0 + t21 * e1 * b1 + t22 * e2 * b2 + t23 * e3 * b3 + t25 * e5 * b5) / ci;
    const x3 = (t30 * e0 * b0 + t31 * e1 * b1 + t33 * e3 * b3 + t34 * e4 * b4 + t35 * e5 * b5) / ci;
    const x4 = (t40 * e0 * b0 + t41 * e1 * b1 + t43 * e3 * b3 + t44 * e4 * b4 + t45 * e5 * b5) / ci;
    const x5 = (t50 * e0 * b0 + t51 * e1 * b1 + t53 * e3 * b3 + t55 * e5 * b5 + t56 * e6 * b6) / ci;
    const x6 = (t60 * e0 * b0 + t61 * e1 * b1 + t63 * e3 * b3 + t65 * e5 * b5 + t66 * e6 * b6) / ci;
    b[o] = b0 = x0; b[o + 1] = b1 = x1; b[o + 2] = b2 = x2; b[o + 3] = b3 = x3;
    b[o + 4] = b4 = x4; b[o + 5] = b5 = x5; b[o + 6] = b6 = x6;
    r = o;
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
