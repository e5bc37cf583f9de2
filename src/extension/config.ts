/** Typed view of the `biaozhu.*` settings, mirroring `contributes.configuration` in package.json. */
import * as vscode from 'vscode';
import { asLabel } from '../core/labelCheck';
import { BUILTIN_LABELS } from '../core/labels';
import { DEFAULT_ARTICLE_LABELS } from '../core/articleLabels';
import { BUILTIN_RELATIONS, asRelationDef } from '../core/relations';
import type { LabelDef, RelationDef } from '../core/types';
import { Disposable } from './util/disposable';

export interface BiaozhuConfig {
  labels: LabelDef[];
  analyzers: { entities: boolean; numbers: boolean; articles: boolean; relations: boolean };
  highlights: { enabled: boolean; suggestedStyle: 'dashed' | 'underline' | 'tint' };
  /** Suggestions with a confidence below this are drawn fainter; 0 turns that off. */
  confidence: { faintBelow: number };
  autoAnalyze: boolean;
  sidecar: { location: 'beside' | 'folder' };
  maxFileSizeMB: number;
  export: { defaultFolder: string };
  /** The relation set (`biaozhu.relations`; the defaults when empty). */
  relations: RelationDef[];
  /** Labels an article or the page can carry (`biaozhu.articleLabels`). */
  articleLabels: string[];
}

/** Top-level sections a change is reported by; a listener reacts only to the ones it uses. */
export type Section = 'labels' | 'analyzers' | 'highlights' | 'confidence' | 'autoAnalyze' | 'sidecar' | 'maxFileSizeMB' | 'export' | 'relations' | 'articleLabels';
const SECTIONS: Section[] = ['labels', 'analyzers', 'highlights', 'confidence', 'autoAnalyze', 'sidecar', 'maxFileSizeMB', 'export', 'relations', 'articleLabels'];

/** Built-in labels overridden or extended by the `biaozhu.labels` setting (a custom entry with a built-in id replaces it). */
export function effectiveLabels(custom: readonly unknown[]): LabelDef[] {
  const out = BUILTIN_LABELS.map(l => ({ ...l }));
  for (const raw of custom) {
    const l = asLabel(raw);
    if (!l) continue;
    const at = out.findIndex(o => o.id === l.id);
    if (at >= 0) out[at] = l;
    else out.push(l);
  }
  return out;
}

/** The user's relation set replaces the defaults when it holds at least one valid type. */
function relationSet(raw: readonly unknown[]): RelationDef[] {
  const defs = (Array.isArray(raw) ? raw : []).map(asRelationDef).filter((d): d is RelationDef => d !== undefined);
  return defs.length ? defs : BUILTIN_RELATIONS.map(d => ({ ...d }));
}

export function readConfig(): BiaozhuConfig {
  const c = vscode.workspace.getConfiguration('biaozhu');
  const style = c.get<string>('highlights.suggestedStyle', 'dashed');
  return {
    labels: effectiveLabels(c.get<unknown[]>('labels', []) ?? []),
    analyzers: {
      entities: c.get<boolean>('analyzers.entities', true),
      numbers: c.get<boolean>('analyzers.numbers', true),
      articles: c.get<boolean>('analyzers.articles', true),
      relations: c.get<boolean>('analyzers.relations', true),
    },
    highlights: {
      enabled: c.get<boolean>('highlights.enabled', true),
      suggestedStyle: style === 'underline' || style === 'tint' ? style : 'dashed',
    },
    confidence: { faintBelow: Math.min(1, Math.max(0, Number(c.get<number>('confidence.faintBelow', 0.7)) || 0)) },
    autoAnalyze: c.get<boolean>('autoAnalyze', true),
    sidecar: { location: c.get<string>('sidecar.location', 'beside') === 'folder' ? 'folder' : 'beside' },
    maxFileSizeMB: Math.max(0, c.get<number>('maxFileSizeMB', 5)),
    export: { defaultFolder: c.get<string>('export.defaultFolder', '') },
    relations: relationSet(c.get<unknown[]>('relations', []) ?? []),
    articleLabels: (c.get<unknown[]>('articleLabels', [...DEFAULT_ARTICLE_LABELS]) ?? []).filter((l): l is string => typeof l === 'string' && l.trim() !== ''),
  };
}

/** The current settings, and an event naming the sections that changed. */
export class Config extends Disposable {
  private current = readConfig();
  private readonly emitter = this._register(new vscode.EventEmitter<ReadonlySet<Section>>());
  readonly onDidChange = this.emitter.event;

  constructor() {
    super();
    this._register(vscode.workspace.onDidChangeConfiguration(e => {
      const changed = new Set(SECTIONS.filter(s => e.affectsConfiguration(`biaozhu.${s}`)));
      if (changed.size === 0) return;
      this.current = readConfig();
      this.emitter.fire(changed);
    }));
  }

  get value(): BiaozhuConfig {
    return this.current;
  }

  /** Adds (or replaces by id) a custom label in the settings: the workspace's when one is open, so a team shares it. */
  async addLabel(label: LabelDef): Promise<void> {
    const c = vscode.workspace.getConfiguration('biaozhu');
    const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    const inspected = c.inspect<unknown[]>('labels');
    const existing = (target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue) ?? [];
    const others = existing.filter(l => asLabel(l)?.id !== label.id);
    await c.update('labels', [...others, label], target);
  }
}
