/**
 * The national gazetteer of administrative divisions (models/admin-divisions.txt.gz, built by
 * scripts/build-gazetteer.mjs from the 2023 statistical codes): every province, city, county, township
 * and village name with its code, so a chain X县X乡X村 can be checked (the township under the county, the
 * village under the township) before it is suggested. Loaded lazily once.
 */
import { readFileSync, existsSync } from 'fs';
import { join } from 'path';
import { gunzipSync } from 'zlib';
import { modelsDir } from './model';

export const GAZETTEER_FILE = 'admin-divisions.txt.gz';

/** Province, prefecture-level city, county, township, village. */
export type Level = 'P' | 'C' | 'A' | 'S' | 'V';

export interface Division {
  level: Level;
  /** The division's code; for a village, the code of its township (village codes are not shipped). */
  code: string;
}

export interface Gazetteer {
  /** Every division a name can denote (a name may recur in many places). */
  lookup(name: string): readonly Division[] | undefined;
  /** Longest name length, to bound the search. */
  maxLength: number;
}

/** The last character of every name the matcher looks for: a division suffix. */
export const NAME_END = new Set([...'省市区县州盟旗镇乡村道']);

let loaded: Gazetteer | undefined | null;

/** The shipped gazetteer, or undefined when the file is absent (the rules then skip gazetteer checks). */
export function loadGazetteer(): Gazetteer | undefined {
  if (loaded === undefined) {
    const file = join(modelsDir(), GAZETTEER_FILE);
    loaded = existsSync(file) ? parseGazetteer(gunzipSync(readFileSync(file)).toString('utf8')) : null;
  }
  return loaded ?? undefined;
}

/**
 * Parses the gazetteer text. Only names ending in a division suffix are indexed (villages like 王家庄 are
 * left out): the matcher finds names by their last character.
 */
export function parseGazetteer(text: string): Gazetteer {
  const names = new Map<string, Division | Division[]>();
  let maxLength = 0;
  const add = (name: string, d: Division) => {
    if (name.length < 2 || !NAME_END.has(name[name.length - 1])) return;
    if (name.length > maxLength) maxLength = name.length;
    const had = names.get(name);
    if (had === undefined) names.set(name, d);
    else if (Array.isArray(had)) had.push(d);
    else names.set(name, [had, d]);
  };
  for (const line of text.split('\n')) {
    if (line === '' || line[0] === '#') continue;
    const [level, code, name, villages] = line.split('\t');
    add(name, { level: level as Level, code });
    if (level === 'S' && villages) {
      const v: Division = { level: 'V', code };
      for (const n of villages.split('|')) add(n, v);
    }
  }
  return {
    lookup: name => { const d = names.get(name); return d === undefined ? undefined : Array.isArray(d) ? d : [d]; },
    maxLength,
  };
}

/** Can `child` sit directly or indirectly under `parent` (codes nest: 11 ⊃ 1101 ⊃ 110101 ⊃ 110101001)? */
export function isUnder(child: Division, parent: Division): boolean {
  if (child.level === 'V') return parent.level !== 'V' && child.code.startsWith(parent.code);
  return child.code.length > parent.code.length && child.code.startsWith(parent.code);
}

export interface NameMatch {
  start: number;
  end: number;
  divisions: readonly Division[];
}

/** The longest gazetteer name ending at each division suffix in text[from, to), keyed by start (longest per start). */
export function matchNames(g: Gazetteer, text: string, from: number, to: number): Map<number, NameMatch> {
  const byStart = new Map<number, NameMatch>();
  for (let j = from; j < to; j++) {
    if (!NAME_END.has(text[j])) continue;
    const end = j + 1;
    for (let len = Math.min(g.maxLength, end - from); len >= 2; len--) {
      const divisions = g.lookup(text.slice(end - len, end));
      if (!divisions) continue;
      const start = end - len;
      const had = byStart.get(start);
      if (!had || had.end < end) byStart.set(start, { start, end, divisions });
      break;
    }
  }
  return byStart;
}

/**
 * Chains of names written one after another (X省X市X县X乡X村), each under the one before it according to
 * the codes. A single name is a chain of one. Overlapping matches: the earliest start wins, then the longest.
 */
export function divisionChains(g: Gazetteer, text: string, from: number, to: number): NameMatch[][] {
  const byStart = matchNames(g, text, from, to);
  const starts = [...byStart.keys()].sort((a, b) => a - b);
  const chains: NameMatch[][] = [];
  let covered = from;
  for (const s of starts) {
    if (s < covered) continue;
    const chain = [byStart.get(s)!];
    for (;;) {
      const last = chain[chain.length - 1];
      const next = byStart.get(last.end);
      if (!next || !next.divisions.some(c => last.divisions.some(p => isUnder(c, p)))) break;
      chain.push(next);
    }
    chains.push(chain);
    covered = chain[chain.length - 1].end;
  }
  return chains;
}
