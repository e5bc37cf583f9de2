import type { LabelDef } from './types';

/** What a label definition from settings or the side panel must look like. */
export const LABEL_ID = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;
export const LABEL_COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
export const LABEL_KEY = /^[1-9]$/;
export const LABEL_NAME_MAX = 64;

/** A clean label definition, or undefined when `raw` is not a valid one. */
export function asLabel(raw: unknown): LabelDef | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.id !== 'string' || !LABEL_ID.test(r.id)) return undefined;
  if (typeof r.name !== 'string' || r.name.trim() === '' || r.name.length > LABEL_NAME_MAX) return undefined;
  if (typeof r.color !== 'string' || !LABEL_COLOR.test(r.color)) return undefined;
  if (r.key !== undefined && r.key !== '' && (typeof r.key !== 'string' || !LABEL_KEY.test(r.key))) return undefined;
  return { id: r.id, name: r.name.trim(), color: r.color, ...(typeof r.key === 'string' && r.key !== '' ? { key: r.key } : {}) };
}
