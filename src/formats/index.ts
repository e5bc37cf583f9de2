/**
 * The format registry used by the command line and the extension: every interchange format is a
 * plug-in under one interface (see ./types).
 */
import { brat } from './brat';
import { conll } from './conll';
import { doccano } from './doccano';
import { json } from './json';
import { labelstudio } from './labelstudio';
import { spacy } from './spacy';
import type { FormatPlugin } from './types';
import { w3c } from './w3c';

export * from './types';

export const formats: readonly FormatPlugin[] = [json, brat, doccano, labelstudio, conll, w3c, spacy];

export function formatById(id: string): FormatPlugin | undefined {
  return formats.find(f => f.id === id.toLowerCase());
}

/** The format `content` (named `fileName`) most likely is, or undefined when none is reasonably sure. */
export function detectFormat(content: string, fileName: string): FormatPlugin | undefined {
  let best: FormatPlugin | undefined;
  let bestScore = 0.5;
  for (const f of formats) {
    let score = 0;
    try { score = f.detect(content, fileName); } catch { /* a detector never decides by crashing */ }
    if (score > bestScore) { best = f; bestScore = score; }
  }
  return best;
}

/** Where each exported file goes: the main file at `out`, the others at `out`'s base name plus their suffix (brat: X.ann, X.txt). */
export function outputPath(out: string, suffix: string): string {
  return suffix === '' ? out : out.replace(/\.[^./\\]*$/, '') + suffix;
}
