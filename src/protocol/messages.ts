/**
 * The typed contract between the extension host and the side panel webview. Type-only: both sides import
 * it with `import type`. The host owns the data; the panel owns only view state.
 */
import type { EntityCount, LabelCounts } from '../core/corpus/stats';
import type { ReviewGroup } from '../core/team/reviewGroups';
import type { Annotation, Article, LabelDef, Relation, Status } from '../core/types';

/** Everything the panel shows for the active document. */
export interface Snapshot {
  /** undefined when no analysable editor is active. */
  document?: {
    uri: string;
    name: string;
    version: number;
    length: number;
    /** Offset of the primary selection, and whether it is non-empty (for "tag selection"). */
    selection: { start: number; end: number };
  };
  labels: LabelDef[];
  articles: readonly Article[];
  annotations: readonly Annotation[];
  /** Annotations that could not be re-anchored after an outside change: kept, never dropped. */
  orphans: readonly Annotation[];
  /** Relations between the page's annotations (ends by annotation id). */
  relations: readonly Relation[];
  /** What the panel's Undo and Redo would do (localised descriptions); absent when there is nothing to undo or redo. */
  history: { undo?: string; redo?: string };
  busy: boolean;
  /** The page's review status: its review mark (Mark Page …), else not started; as in the Pages view. */
  review?: ReviewGroup;
  /**
   * The label sections of the workspace's `.biaozhu/guidelines.md`, by label id (absent when the workspace
   * has no guidelines file): the panel shows the one of the annotation in focus.
   */
  guidelines?: Record<string, PanelGuideline>;
  /** Localised strings the panel needs, keyed by message id. */
  strings: Record<string, string>;
}

/** One label's guideline as the panel shows it (plain text: the panel renders it as text, never as markup). */
export interface PanelGuideline {
  /** The section's heading, e.g. `ORG — Organisation`. */
  title: string;
  definition: string;
  examples: string[];
}

/** Counts over every page of the workspace (sidecars, or the live state of open pages), sent on request. */
export interface WorkspaceStats {
  pages: number;
  /** Pages per review status (the mark, else not started), as the Pages view groups them. */
  review: Record<ReviewGroup, number>;
  labels: LabelCounts[];
  all: LabelCounts;
  /** The most frequent names (every label but NUMBER) and numbers, at most 10 each. */
  topNames: EntityCount[];
  topNumbers: EntityCount[];
}

export type HostToPanel =
  | { type: 'snapshot'; snapshot: Snapshot }
  | { type: 'workspaceStats'; stats: WorkspaceStats }
  | { type: 'selection'; start: number; end: number }
  | { type: 'focusFilter' };

/**
 * The page a panel message is about, as the panel last saw it (`Snapshot.document`). The host refuses a
 * message naming another page than the one it follows, and an offset-bearing one from an older version.
 */
export interface PageRef {
  uri: string;
  version: number;
}

export type PanelToHost =
  | { type: 'ready' }
  | { type: 'reveal'; page: PageRef; start: number; end: number }
  | { type: 'setStatus'; page: PageRef; ids: string[]; status: Status }
  | { type: 'relabel'; page: PageRef; ids: string[]; label: string }
  | { type: 'remove'; page: PageRef; ids: string[] }
  /** Re-attach an orphan at the editor's selection. */
  | { type: 'reattach'; page: PageRef; id: string }
  | { type: 'tagSelection'; page: PageRef; label: string }
  /** Relations by id: accept or reject, or remove (each an undoable action, like the palette's). */
  | { type: 'setRelationStatus'; page: PageRef; ids: string[]; status: Status }
  | { type: 'removeRelations'; page: PageRef; ids: string[] }
  /** Undo or redo the page's last annotation action. */
  | { type: 'undo'; page: PageRef }
  | { type: 'redo'; page: PageRef }
  /** Ask for an article's labels (a multi-select on the host). */
  | { type: 'setArticleLabels'; page: PageRef; articleId: string }
  | { type: 'addLabel'; label: LabelDef }
  /** Open `.biaozhu/guidelines.md` at a label's section (Open Guidelines for Label). */
  | { type: 'openGuidelines'; label: string }
  | { type: 'analyze'; page: PageRef }
  | { type: 'export'; page: PageRef }
  | { type: 'workspaceStats' }
  | { type: 'exportStats' };

export type PanelMessageType = PanelToHost['type'];
