/**
 * Bytes kept as the slices they were made in. A 5 MB page's sidecar is about 40 MB: joining its slices into
 * one buffer stalled the extension host for 180–400 ms (a CPU profile of the 5 MB suite), so the host
 * compares and writes the slices as they are.
 */
export type ByteParts = readonly Uint8Array[];

export const partsLength = (parts: ByteParts): number => parts.reduce((n, p) => n + p.length, 0);

/** True when two sequences of slices hold the same bytes, however each is cut. */
export function sameBytes(a: ByteParts, b: ByteParts): boolean {
  if (partsLength(a) !== partsLength(b)) return false;
  let i = 0, j = 0, at = 0, bt = 0;
  while (i < a.length && j < b.length) {
    const n = Math.min(a[i].length - at, b[j].length - bt);
    if (n > 0 && Buffer.compare(a[i].subarray(at, at + n), b[j].subarray(bt, bt + n)) !== 0) return false;
    at += n;
    bt += n;
    if (at === a[i].length) { i++; at = 0; }
    if (bt === b[j].length) { j++; bt = 0; }
  }
  return true;
}
