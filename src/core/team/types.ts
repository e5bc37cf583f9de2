import type { Annotation, AnnotationDocument, Relation, RelationDef } from '../types';

/**
 * What a team adds to a page's sidecar, all optional top-level keys beside the export contract (additive:
 * version stays 1 and older files load): the page's review status, conflicts left by the merge driver,
 * beside the relations of the contract.
 */

export type PageStatus = 'in progress' | 'done' | 'reviewed';
export const PAGE_STATUSES: readonly PageStatus[] = ['in progress', 'done', 'reviewed'];

/** One status change: who (git's user.name when known) and when (ISO 8601, UTC). */
export interface ReviewMark {
  status: PageStatus;
  by?: string;
  at: string;
}

/** The page's current status, with the earlier marks oldest first (so the annotator is kept when a reviewer signs off). */
export interface PageReview extends ReviewMark {
  history?: ReviewMark[];
}

export type { Relation };

/** What lint needs of a relation type: which labels its ends may carry (absent = any), as in `biaozhu.relations`. */
export type RelationType = Pick<RelationDef, 'id' | 'from' | 'to'>;

/** Which list of the sidecar a merged item belongs to. */
export type ItemList = 'annotations' | 'relations';

/**
 * One item both branches changed differently, written by `biaozhu merge-driver`. The `annotations` (or
 * `relations`) list holds the merged page with *our* version of the item (absent when we deleted it);
 * resolving picks ours, theirs or both and removes the entry. `null` means that side deleted the item.
 */
export interface MergeConflict {
  list: ItemList;
  id: string;
  base: Annotation | Relation | null;
  ours: Annotation | Relation | null;
  theirs: Annotation | Relation | null;
  /** The fields that differ (label, status, start…), for the message; empty for delete/modify. */
  fields: string[];
}

/** A sidecar as the team tools read it: the export contract plus the optional keys above and the orphans. */
export interface Sidecar extends AnnotationDocument {
  orphans?: Annotation[];
  review?: PageReview;
  conflicts?: MergeConflict[];
}
