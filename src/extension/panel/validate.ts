/**
 * Validation of every message the side panel sends, before it touches state: the shape of each
 * PanelToHost type, and its values against the document (labels exist, ids exist, offsets in range).
 * Pure (no vscode), so it is unit-tested.
 */
import { asLabel } from '../../core/labelCheck';
import type { PanelToHost } from '../../protocol/messages';

export interface MessageContext {
  labels: ReadonlySet<string>;
  /** Ids of the active document's annotations and orphans. */
  ids: ReadonlySet<string>;
  /** Length of the active document's text; undefined when no document is active. */
  length: number | undefined;
}

export type Checked = { ok: true; message: PanelToHost } | { ok: false; reason: string };

const MAX_IDS = 100_000;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: Record<string, unknown>, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

export function checkPanelMessage(raw: unknown, ctx: MessageContext): Checked {
  if (!isObj(raw) || typeof raw.type !== 'string') return { ok: false, reason: 'not a message' };
  const bad = (reason: string): Checked => ({ ok: false, reason: `${raw.type}: ${reason}` });
  const needDocument = (): string | undefined => (ctx.length === undefined ? 'no active document' : undefined);
  const ids = (): string[] | string => {
    const v = raw.ids;
    if (!Array.isArray(v) || v.length === 0 || v.length > MAX_IDS || !v.every(i => typeof i === 'string')) return 'ids must be a non-empty array of strings';
    const unknown = (v as string[]).find(i => !ctx.ids.has(i));
    return unknown === undefined ? [...new Set(v as string[])] : `unknown id ${JSON.stringify(unknown.slice(0, 80))}`;
  };
  const type = raw.type as PanelToHost['type'];
  switch (type) {
    case 'ready':
    case 'analyze':
    case 'export':
    case 'workspaceStats':
    case 'exportStats':
      return { ok: true, message: { type } };
    case 'reveal': {
      const why = needDocument();
      if (why) return bad(why);
      const { start, end } = raw;
      if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || (start as number) < 0 || (end as number) < (start as number) || (end as number) > ctx.length!) return bad('offsets out of range');
      return { ok: true, message: { type, start: start as number, end: end as number } };
    }
    case 'setStatus': {
      const list = ids();
      if (typeof list === 'string') return bad(list);
      if (raw.status !== 'suggested' && raw.status !== 'accepted' && raw.status !== 'rejected') return bad('unknown status');
      return { ok: true, message: { type, ids: list, status: raw.status } };
    }
    case 'relabel': {
      const list = ids();
      if (typeof list === 'string') return bad(list);
      if (typeof raw.label !== 'string' || !ctx.labels.has(raw.label)) return bad('unknown label');
      return { ok: true, message: { type, ids: list, label: raw.label } };
    }
    case 'remove': {
      const list = ids();
      if (typeof list === 'string') return bad(list);
      return { ok: true, message: { type, ids: list } };
    }
    case 'reattach': {
      if (typeof raw.id !== 'string' || !ctx.ids.has(raw.id)) return bad('unknown orphan id');
      return { ok: true, message: { type, id: raw.id } };
    }
    case 'tagSelection': {
      const why = needDocument();
      if (why) return bad(why);
      if (typeof raw.label !== 'string' || !ctx.labels.has(raw.label)) return bad('unknown label');
      return { ok: true, message: { type, label: raw.label } };
    }
    case 'addLabel': {
      const label = has(raw, 'label') ? asLabel(raw.label) : undefined;
      if (!label) return bad('a label needs an id (letter first, letters, digits, _ or -), a name, a #rrggbb colour and an optional key 1–9');
      return { ok: true, message: { type, label } };
    }
    default: {
      const unknown: never = type;
      return { ok: false, reason: `unknown message type ${JSON.stringify(String(unknown).slice(0, 40))}` };
    }
  }
}
