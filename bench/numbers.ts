import type { BenchSection } from './section';

/** Placeholder: the numbers benchmark lands with its analyser. */
export function evaluate(_root: string): BenchSection[] {
  return [];
}
