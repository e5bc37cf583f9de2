import { messageOf } from '../errors';
import { LABEL_ID } from '../labelCheck';
import type { RelationType } from '../team/types';
import { RULES } from './rules';
import { SEVERITIES, type LintConfig, type Severity } from './types';

export const DEFAULT_CONFIG: LintConfig = { rules: {} };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLabelList = (v: unknown): v is string[] => Array.isArray(v) && v.every(x => typeof x === 'string' && LABEL_ID.test(x));

/**
 * Reads `.biaozhu/lint.json`: `{"rules": {"span-edges": "off", "inconsistent-label": "error"}, "labels": ["PER", …],
 * "relations": [{"id": "WORKS_FOR", "from": ["PER"], "to": ["ORG"]}]}`. Every key is optional;
 * an unknown rule, severity or key is an error with its path, so a typo never silently disables a check.
 */
export function parseLintConfig(json: string): { ok: true; config: LintConfig } | { ok: false; message: string } {
  let raw: unknown;
  try { raw = JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json); } catch (e) { return { ok: false, message: `not valid JSON: ${messageOf(e)}` }; }
  if (!isObj(raw)) return { ok: false, message: 'the top level must be an object' };
  const unknown = Object.keys(raw).find(k => !['rules', 'labels', 'relations', '$schema'].includes(k));
  if (unknown) return { ok: false, message: `unknown key "${unknown}" (known: rules, labels, relations)` };
  const rules: Record<string, Severity | 'off'> = {};
  if (raw.rules !== undefined) {
    if (!isObj(raw.rules)) return { ok: false, message: '"rules" must be an object of rule id to severity' };
    for (const [id, level] of Object.entries(raw.rules)) {
      if (!RULES.some(r => r.id === id)) return { ok: false, message: `rules.${id}: unknown rule (known: ${RULES.map(r => r.id).join(', ')})` };
      if (level !== 'off' && !SEVERITIES.includes(level as Severity)) return { ok: false, message: `rules.${id}: expected off, ${SEVERITIES.join(', ')}, found ${JSON.stringify(level)}` };
      rules[id] = level as Severity | 'off';
    }
  }
  if (raw.labels !== undefined && !isLabelList(raw.labels)) return { ok: false, message: '"labels" must be an array of label ids' };
  const relations: RelationType[] = [];
  if (raw.relations !== undefined) {
    if (!Array.isArray(raw.relations)) return { ok: false, message: '"relations" must be an array' };
    for (const [i, r] of raw.relations.entries()) {
      if (!isObj(r) || typeof r.id !== 'string' || r.id === '') return { ok: false, message: `relations[${i}]: expected {"id": "…", "from"?: […], "to"?: […]}` };
      for (const k of ['from', 'to'] as const) if (r[k] !== undefined && !isLabelList(r[k])) return { ok: false, message: `relations[${i}].${k}: must be an array of label ids` };
      relations.push({ id: r.id, ...(r.from ? { from: r.from as string[] } : {}), ...(r.to ? { to: r.to as string[] } : {}) });
    }
  }
  return { ok: true, config: { rules, ...(raw.labels ? { labels: raw.labels as string[] } : {}), ...(raw.relations ? { relations } : {}) } };
}
