/** What every view renderer receives: the snapshot, the view state and the actions a row can trigger. */
import type { LabelDef, Status } from '../core/types';
import type { Snapshot, WorkspaceStats } from '../protocol/messages';
import type { Filter, ViewState } from './model';
import type { StringKey } from './strings';

/** A navigable row of a list or tree, keyed by its `data-focus-key`. */
export interface ItemSpec {
  /** Annotation ids the row stands for (a name row stands for all its mentions). */
  ids: string[];
  reveal?: { start: number; end: number };
  /** Expandable rows: whether they are open and how to toggle them. */
  expanded?: boolean;
  toggle?: () => void;
  parentKey?: string;
  /**
   * Which actions apply: annotations all, relations accept/reject/remove (`review`), orphans only remove (or
   * re-attach), articles none of these.
   */
  actions: 'all' | 'review' | 'remove' | 'none';
  /** Orphans: put it back at the editor's selection (Enter, or the row's button). */
  reattach?: () => void;
  /** Articles: ask for the article's labels (`l`, or the row's button). */
  labelArticle?: () => void;
}

export interface Actions {
  reveal(span: { start: number; end: number }): void;
  /** On the Relations tab the ids are relation ids (a tab's rows and selection are all of one kind). */
  setStatus(ids: string[], status: Status): void;
  remove(ids: string[]): void;
  setArticleLabels(articleId: string): void;
  reattach(id: string): void;
  relabel(ids: string[], anchorKey: string): void;
  toggleSelect(ids: string[]): void;
  setExpanded(kind: 'collapsed' | 'expanded', key: string, on: boolean): void;
  showMore(key: string): void;
  /** Asks the host to count every page of the workspace (answered with a workspaceStats message). */
  countWorkspace(): void;
  exportStats(): void;
}

export interface Ctx {
  snap: Snapshot;
  view: ViewState;
  filter: Filter;
  selected: ReadonlySet<string>;
  t(key: StringKey, ...args: Array<string | number>): string;
  label(id: string): LabelDef | undefined;
  /** How many rows of the list `key` to render (long lists grow by "show more"). */
  limit(key: string): number;
  items: Map<string, ItemSpec>;
  act: Actions;
  locale: string;
  /** Integers with the locale's grouping (one formatter per render: Intl constructors are slow). */
  int(n: number): string;
  /** The workspace counts once asked for ('loading' until the host answers). */
  workspace?: WorkspaceStats | 'loading';
}
