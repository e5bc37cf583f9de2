/**
 * Validation of every message the side panel sends, before it touches state: the shape of each
 * PanelToHost type, the page it names (the one the host follows, and for offsets the same version),
 * and its values against that page (labels exist, ids exist, offsets in range). Pure (no vscode), so
 * it is unit-tested.
 */
import { asLabel } from '../../core/labelCheck';
import { isStatus } from '../../core/types';
import type { PageRef, PanelToHost } from '../../protocol/messages';

export interface MessageContext {
  labels: ReadonlySet<string>;
  /** The page the host follows (its document URI and version); undefined when none is active. */
  page: PageRef | undefined;
  /** Ids of that page's annotations and orphans. */
  ids: ReadonlySet<string>;
  /** Ids of that page's relations. */
  relationIds: ReadonlySet<string>;
  /** Ids of that page's articles. */
  articleIds: ReadonlySet<string>;
  /** Length of that page's text. */
  length: number;
  /** Labels with a guideline section (a page may carry a label the label set lacks). */
  guidelineLabels?: ReadonlySet<string>;
}

export type Checked = { ok: true; message: PanelToHost } | { ok: false; reason: string };

const MAX_IDS = 100_000;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: Record<string, unknown>, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

export function checkPanelMessage(raw: unknown, ctx: MessageContext): Checked {
  if (!isObj(raw) || typeof raw.type !== 'string') return { ok: false, reason: 'not a message' };
  const bad = (reason: string): Checked => ({ ok: false, reason: `${raw.type}: ${reason}` });
  /** The page the message names, if it is the one the host follows (and at its current version when `exact`). */
  const page = (exact: boolean): PageRef | string => {
    const p = raw.page;
    if (!isObj(p) || typeof p.uri !== 'string' || !Number.isSafeInteger(p.version)) return 'a page {uri, version} is required';
    if (!ctx.page) return 'no active document';
    if (p.uri !== ctx.page.uri) return 'the message is for another page than the one shown';
    if (exact && p.version !== ctx.page.version) return `the message is for version ${String(p.version)} of the page, now at ${ctx.page.version}`;
    return { uri: p.uri, version: p.version as number };
  };
  const ids = (known = ctx.ids): string[] | string => {
    const v = raw.ids;
    if (!Array.isArray(v) || v.length === 0 || v.length > MAX_IDS || !v.every(i => typeof i === 'string')) return 'ids must be a non-empty array of strings';
    const unknown = (v as string[]).find(i => !known.has(i));
    return unknown === undefined ? [...new Set(v as string[])] : `unknown id ${JSON.stringify(unknown.slice(0, 80))}`;
  };
  const label = (): string | undefined => (typeof raw.label === 'string' && ctx.labels.has(raw.label) ? raw.label : undefined);
  const type = raw.type as PanelToHost['type'];
  switch (type) {
    case 'ready':
    case 'workspaceStats':
    case 'exportStats':
      return { ok: true, message: { type } };
    case 'analyze':
    case 'export':
    case 'undo':
    case 'redo': {
      const p = page(false);
      return typeof p === 'string' ? bad(p) : { ok: true, message: { type, page: p } };
    }
    case 'reveal': {
      // Offsets mean something only in the version they were read from.
      const p = page(true);
      if (typeof p === 'string') return bad(p);
      const { start, end } = raw;
      if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || (start as number) < 0 || (end as number) < (start as number) || (end as number) > ctx.length) return bad('offsets out of range');
      return { ok: true, message: { type, page: p, start: start as number, end: end as number } };
    }
    case 'setStatus':
    case 'setRelationStatus': {
      const p = page(false);
      const list = ids(type === 'setRelationStatus' ? ctx.relationIds : ctx.ids);
      if (typeof p === 'string') return bad(p);
      if (typeof list === 'string') return bad(list);
      if (!isStatus(raw.status)) return bad('unknown status');
      return { ok: true, message: { type, page: p, ids: list, status: raw.status } };
    }
    case 'setArticleLabels': {
      const p = page(false);
      if (typeof p === 'string') return bad(p);
      if (typeof raw.articleId !== 'string' || !ctx.articleIds.has(raw.articleId)) return bad('unknown article id');
      return { ok: true, message: { type, page: p, articleId: raw.articleId } };
    }
    case 'relabel': {
      const p = page(false);
      const list = ids();
      const l = label();
      if (typeof p === 'string') return bad(p);
      if (typeof list === 'string') return bad(list);
      if (!l) return bad('unknown label');
      return { ok: true, message: { type, page: p, ids: list, label: l } };
    }
    case 'remove':
    case 'removeRelations': {
      const p = page(false);
      const list = ids(type === 'removeRelations' ? ctx.relationIds : ctx.ids);
      if (typeof p === 'string') return bad(p);
      if (typeof list === 'string') return bad(list);
      return { ok: true, message: { type, page: p, ids: list } };
    }
    case 'reattach': {
      const p = page(false);
      if (typeof p === 'string') return bad(p);
      if (typeof raw.id !== 'string' || !ctx.ids.has(raw.id)) return bad('unknown orphan id');
      return { ok: true, message: { type, page: p, id: raw.id } };
    }
    case 'tagSelection': {
      const p = page(false);
      const l = label();
      if (typeof p === 'string') return bad(p);
      if (!l) return bad('unknown label');
      return { ok: true, message: { type, page: p, label: l } };
    }
    case 'openGuidelines': {
      const l = typeof raw.label === 'string' && (ctx.labels.has(raw.label) || ctx.guidelineLabels?.has(raw.label)) ? raw.label : undefined;
      if (!l) return bad('unknown label');
      return { ok: true, message: { type, label: l } };
    }
    case 'addLabel': {
      const def = has(raw, 'label') ? asLabel(raw.label) : undefined;
      if (!def) return bad('a label needs an id (letter first, letters, digits, _ or -), a name, a #rrggbb colour and an optional key 1–9');
      return { ok: true, message: { type, label: def } };
    }
    default: {
      const unknown: never = type;
      return { ok: false, reason: `unknown message type ${JSON.stringify(String(unknown).slice(0, 40))}` };
    }
  }
}
