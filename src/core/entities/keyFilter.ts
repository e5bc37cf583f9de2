/**
 * A Bloom filter of the model's feature keys, one 32-bit word per key: the key picks a word and two bits in
 * it. About 30 % of a news text's features are in no model; the filter (about 8 bits per key, 512 KB for
 * the shipped model, small enough to stay in the CPU cache) turns most of them away before the 4 MB key
 * table is touched. False means surely absent; true, present or (about 1 key in 20 that is not) a false hit.
 */
export interface KeyFilter {
  words: Int32Array;
  shift: number;
}

const MUL = 0x9e3779b1 | 0;

const bitsOf = (key: number): number => (1 << (key & 31)) | (1 << ((key >>> 5) & 31));

/** On shared memory, like the model's tables it guards (model.ts), so threads can share it. */
export function newKeyFilter(keys: number): KeyFilter {
  let size = 2;
  while (size * 4 < keys) size <<= 1;
  return { words: new Int32Array(new SharedArrayBuffer(size * 4)), shift: 32 - Math.log2(size) };
}

export function addKey(f: KeyFilter, key: number): void {
  f.words[Math.imul(key, MUL) >>> f.shift] |= bitsOf(key);
}

/**
 * The filter's test, as native/weights.cc runs it for inference (the same word and bits); here for the
 * checks of the filter itself (test/unit/entities-scoring.test.ts).
 */
export function mayHold(words: Int32Array, shift: number, key: number): boolean {
  const bits = bitsOf(key);
  return (words[Math.imul(key, MUL) >>> shift] & bits) === bits;
}
