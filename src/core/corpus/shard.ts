/**
 * `--shard K/N`: a stable 1/N of the pages, chosen by a hash of each page's relative path, so every worker
 * of a cluster job (given only its index) takes a disjoint share and all N shares cover the corpus.
 */

export interface Shard {
  index: number;
  count: number;
}

/** Parses `K/N` with 0 ≤ K < N; undefined with the reason when it is not. */
export function parseShard(spec: string): Shard | string {
  const m = /^(\d+)\/(\d+)$/.exec(spec.trim());
  if (!m) return `--shard takes K/N (for example 0/4), not '${spec}'`;
  const index = Number(m[1]), count = Number(m[2]);
  if (count < 1 || index >= count) return `--shard ${spec}: K must be between 0 and N-1`;
  return { index, count };
}

/** FNV-1a over the UTF-16 code units: the same on every machine and Node version. */
export function pathHash(rel: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < rel.length; i++) {
    h ^= rel.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function inShard(rel: string, shard: Shard): boolean {
  return pathHash(rel) % shard.count === shard.index;
}
