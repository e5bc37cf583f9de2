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
  const T = N_TAGS;
  if (n === 0) return out;
  const tr = new Float64Array(T * T);
  for (let s = 0; s < T; s++) for (let t = 0; t < T; t++) tr[s * T + t] = allowed(s, t) ? trans[s * T + t] : -Infinity;
  const back = new Uint8Array(n * T);
  let prev = new Float64Array(T);
  let cur = new Float64Array(T);
  for (let t = 0; t < T; t++) prev[t] = allowedStart(t) ? emit[t] + start[t] : -Infinity;
  for (let i = 1; i < n; i++) {
    const b = i * T;
    for (let t = 0; t < T; t++) {
      let best: number, arg: number;
      if (t !== 0 && t % 2 === 0) {
        // I-X: only B-X and I-X may precede it (see allowed); every other predecessor scores -Infinity.
        best = prev[t - 1] + tr[(t - 1) * T + t]; arg = t - 1;
        const v = prev[t] + tr[t * T + t];
        if (v > best) { best = v; arg = t; }
      } else {
        best = prev[0] + tr[t]; arg = 0;
        for (let s = 1; s < T; s++) {
          const v = prev[s] + tr[s * T + t];
          if (v > best) { best = v; arg = s; }
        }
      }
      cur[t] = best + emit[b + t];
      back[b + t] = arg;
    }
    const tmp = prev; prev = cur; cur = tmp;
  }
  let arg = 0;
  for (let t = 1; t < T; t++) if (prev[t] > prev[arg]) arg = t;
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
