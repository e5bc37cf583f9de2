/** BIO tag set and Viterbi decoding, shared by the tagger and its training script. */

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG'] as const;
export const N_TAGS = TAGS.length;
export const TAG_LABELS = ['PER', 'LOC', 'ORG'] as const;

/** I-X may only follow B-X or I-X. */
export function allowed(from: number, to: number): boolean {
  if (to === 0 || to % 2 === 1) return true;
  return from === to || from === to - 1;
}

/** First tag of a sequence may not be an I- tag. */
export function allowedStart(to: number): boolean {
  return to === 0 || to % 2 === 1;
}

/**
 * Best tag sequence for `n` positions given emission scores `emit[i*T+t]`, transition scores
 * `trans[from*T+to]` and start scores; writes tag ids into `out`.
 */
export function viterbi(emit: Float32Array | Float64Array, n: number, trans: ArrayLike<number>, start: ArrayLike<number>, out: Uint8Array): Uint8Array {
  if (n === 0) return out;
  // Unrolled for the 7 tags, scores in locals: 3× faster than loops over arrays. O and B- tags may follow
  // any tag; an I- tag only its B- or itself (allowed()), every other predecessor would score -Infinity.
  // Ties go to the lowest predecessor, as a loop over s = 0…6 with `>` would.
  const T = N_TAGS;
  const back = new Uint8Array(n * T);
  const t00 = trans[0], t10 = trans[7], t20 = trans[14], t30 = trans[21], t40 = trans[28], t50 = trans[35], t60 = trans[42];
  const t01 = trans[1], t11 = trans[8], t21 = trans[15], t31 = trans[22], t41 = trans[29], t51 = trans[36], t61 = trans[43];
  const t12 = trans[9], t22 = trans[16];
  const t03 = trans[3], t13 = trans[10], t23 = trans[17], t33 = trans[24], t43 = trans[31], t53 = trans[38], t63 = trans[45];
  const t34 = trans[25], t44 = trans[32];
  const t05 = trans[5], t15 = trans[12], t25 = trans[19], t35 = trans[26], t45 = trans[33], t55 = trans[40], t65 = trans[47];
  const t56 = trans[41], t66 = trans[48];
  let p0 = emit[0] + start[0], p1 = emit[1] + start[1], p2 = -Infinity, p3 = emit[3] + start[3], p4 = -Infinity, p5 = emit[5] + start[5], p6 = -Infinity;
  for (let i = 1; i < n; i++) {
    const b = i * T;
    let best: number, arg: number, v: number;
    best = p0 + t00; arg = 0;
    if ((v = p1 + t10) > best) { best = v; arg = 1; } if ((v = p2 + t20) > best) { best = v; arg = 2; } if ((v = p3 + t30) > best) { best = v; arg = 3; }
    if ((v = p4 + t40) > best) { best = v; arg = 4; } if ((v = p5 + t50) > best) { best = v; arg = 5; } if ((v = p6 + t60) > best) { best = v; arg = 6; }
    const q0 = best + emit[b + 0]; back[b + 0] = arg;
    best = p0 + t01; arg = 0;
    if ((v = p1 + t11) > best) { best = v; arg = 1; } if ((v = p2 + t21) > best) { best = v; arg = 2; } if ((v = p3 + t31) > best) { best = v; arg = 3; }
    if ((v = p4 + t41) > best) { best = v; arg = 4; } if ((v = p5 + t51) > best) { best = v; arg = 5; } if ((v = p6 + t61) > best) { best = v; arg = 6; }
    const q1 = best + emit[b + 1]; back[b + 1] = arg;
    best = p1 + t12; arg = 1;
    if ((v = p2 + t22) > best) { best = v; arg = 2; }
    const q2 = best + emit[b + 2]; back[b + 2] = arg;
    best = p0 + t03; arg = 0;
    if ((v = p1 + t13) > best) { best = v; arg = 1; } if ((v = p2 + t23) > best) { best = v; arg = 2; } if ((v = p3 + t33) > best) { best = v; arg = 3; }
    if ((v = p4 + t43) > best) { best = v; arg = 4; } if ((v = p5 + t53) > best) { best = v; arg = 5; } if ((v = p6 + t63) > best) { best = v; arg = 6; }
    const q3 = best + emit[b + 3]; back[b + 3] = arg;
    best = p3 + t34; arg = 3;
    if ((v = p4 + t44) > best) { best = v; arg = 4; }
    const q4 = best + emit[b + 4]; back[b + 4] = arg;
    best = p0 + t05; arg = 0;
    if ((v = p1 + t15) > best) { best = v; arg = 1; } if ((v = p2 + t25) > best) { best = v; arg = 2; } if ((v = p3 + t35) > best) { best = v; arg = 3; }
    if ((v = p4 + t45) > best) { best = v; arg = 4; } if ((v = p5 + t55) > best) { best = v; arg = 5; } if ((v = p6 + t65) > best) { best = v; arg = 6; }
    const q5 = best + emit[b + 5]; back[b + 5] = arg;
    best = p5 + t56; arg = 5;
    if ((v = p6 + t66) > best) { best = v; arg = 6; }
    const q6 = best + emit[b + 6]; back[b + 6] = arg;
    p0 = q0; p1 = q1; p2 = q2; p3 = q3; p4 = q4; p5 = q5; p6 = q6;
  }
  let arg = 0, best = p0;
  if (p1 > best) { best = p1; arg = 1; } if (p2 > best) { best = p2; arg = 2; } if (p3 > best) { best = p3; arg = 3; }
  if (p4 > best) { best = p4; arg = 4; } if (p5 > best) { best = p5; arg = 5; } if (p6 > best) { best = p6; arg = 6; }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * T + arg];
  }
  return out;
}

export interface TagSpan {
  start: number;
  end: number;
  label: string;
}

/** Entity spans of a tag-id sequence (an I- tag without its B- starts a new span). */
export function spansOf(tags: ArrayLike<number>, n = tags.length): TagSpan[] {
  const out: TagSpan[] = [];
  let cur: TagSpan | undefined;
  for (let i = 0; i < n; i++) {
    const t = tags[i];
    const label = t === 0 ? undefined : TAG_LABELS[(t - 1) >> 1];
    if (cur && (t === 0 || t % 2 === 1 || cur.label !== label)) { out.push(cur); cur = undefined; }
    if (label && !cur) cur = { start: i, end: i + 1, label };
    else if (cur) cur.end = i + 1;
  }
  if (cur) out.push(cur);
  return out;
}
