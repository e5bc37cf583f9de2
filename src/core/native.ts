import { existsSync } from 'fs';
import { dirname, join } from 'path';

/**
 * Biaozhu's native addon (native/, built by `npm install`): cppjieba's word segmenter behind a small binding
 * (jieba.cc) and the tagger's feature-weight lookup (weights.cc). jieba.ts and entities/features.ts use it;
 * nothing else loads it.
 */
export interface NativeAddon {
  /** Builds jieba's dictionaries on a thread of the addon and returns at once. */
  startLoad(dict: string, hmm: string, userDict: string): void;
  /** Waits until they are built (at once if they are). */
  load(dict: string, hmm: string, userDict: string): void;
  /** [start0, end0, start1, end1, …] in UTF-16 code units. */
  cut(text: string): Uint32Array;
  /**
   * For character i < chars, adds to sums[at + i * tags + t] the weights of its features
   * features[from + i * perChar …] that the model's table holds (entities/features.ts, addWeights).
   */
  addWeights(
    features: Int32Array, from: number, chars: number, perChar: number, sums: Float32Array, at: number, tags: number,
    filter: Int32Array, shift: number, keys: Int32Array, weights: Int16Array, stride: number,
  ): void;
}

/** Where `npm install` builds the addon, relative to the project (and to the installed extension). */
export const SEGMENTER_ADDON = join('native', 'build', 'Release', 'biaozhu_jieba.node');

/** The built addon, found above this module (src/core when unbundled, dist/ or dist/bench when bundled). */
export function segmenterPath(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, SEGMENTER_ADDON))) return join(dir, SEGMENTER_ADDON);
    if (dirname(dir) === dir) throw new Error(`Biaozhu: the word segmenter ${SEGMENTER_ADDON} is not built; run \`npm install\` (or \`npm run build:native\`)`);
  }
}

let addon: NativeAddon | undefined;

/** The addon, loaded on first use (loading it builds nothing; jieba's dictionaries wait for startLoad). */
export function nativeAddon(): NativeAddon {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (addon ??= require(segmenterPath()) as NativeAddon);
}
