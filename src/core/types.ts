/**
 * The annotation model shared by every layer. Offsets are UTF-16 code units into the exact text analysed
 * (CRLF kept); `end` is exclusive.
 */

export type EntityLabel = 'PER' | 'LOC' | 'ORG' | 'WORK';
/** Built-in labels plus any custom label id the user defines. */
export type LabelId = EntityLabel | 'NUMBER' | (string & {});

export type Source = 'auto' | 'manual';
export type Status = 'suggested' | 'accepted' | 'rejected';
/** Every status, in review order: the one list the rest of the code reads. */
export const STATUSES: readonly Status[] = ['suggested', 'accepted', 'rejected'];
export const isStatus = (v: unknown): v is Status => STATUSES.includes(v as Status);

export type NumberKind = 'cardinal' | 'ordinal' | 'money' | 'date' | 'rate' | 'percent' | 'duration';
/** `>` more than (余, 多, 以上), `<` nearly (近, 将近, 不到), `~` about (约, 左右, 上下). */
export type Approx = '>' | '<' | '~';

export interface Span {
  start: number;
  end: number;
}

/** What the number recogniser finds: a span with its normalised value. */
export interface NumberMention extends Span {
  text: string;
  value: number;
  unit?: string;
  approx?: Approx;
  kind: NumberKind;
  /** Internal (not exported): the bare numerals inside the mention, without sign words, units or approximation words. */
  numerals?: Array<Span & { value: number }>;
}

/** What the entity recogniser finds. */
export interface EntityMention extends Span {
  text: string;
  label: EntityLabel | (string & {});
  /** Calibrated probability that this exact span and label are right (see docs/ner.md#confidence). */
  confidence?: number;
}

export interface Annotation extends Span {
  id: string;
  text: string;
  label: LabelId;
  source: Source;
  status: Status;
  /** Number fields: present only when label is NUMBER. */
  value?: number;
  unit?: string;
  approx?: Approx;
  kind?: NumberKind;
  /**
   * Automatic suggestions only: calibrated probability in [0, 1] that the span and label are right
   * (about 90 % of suggestions with 0.9 are). Absent on manual items and where no estimate exists.
   */
  confidence?: number;
  /**
   * Sidecar only: up to 16 characters before and after the span when it was saved (W3C TextQuoteSelector),
   * so a page changed while closed is re-anchored by quote and context. Absent in older sidecars.
   */
  prefix?: string;
  suffix?: string;
}

export interface Article extends Span {
  id: string;
  title: string;
  /** Every headline line in page order: kicker(s), main title, sub-title(s), `——` lead-ins. */
  titleLines: string[];
  byline?: string;
  dateline?: string;
  /** Internal structure, for the editor and the article benchmark. */
  blocks?: Block[];
  /** The user's article labels (classes such as 时政, 体育) from `biaozhu.articleLabels`; absent when none. */
  labels?: string[];
}

export type BlockKind = 'kicker' | 'title' | 'subtitle' | 'byline' | 'dateline' | 'caption' | 'subhead' | 'paragraph';

export interface Block extends Span {
  kind: BlockKind;
}

/** A paragraph cut in two by the page layout: `start` is the first line break of the cut, `end` the index after the last. */
export interface ColumnBreak extends Span {}

/**
 * A directed, labelled link between two annotations, by id (`from` → `to`). Ids survive relabelling,
 * status changes, span adjustment and offset tracking, so a relation follows its annotations.
 */
export interface Relation {
  id: string;
  from: string;
  to: string;
  label: string;
  source: Source;
  status: Status;
}

/** One relation type of the configurable relation set; `from`/`to` list allowed annotation labels (absent: any). */
export interface RelationDef {
  id: string;
  name: string;
  color: string;
  from?: LabelId[];
  to?: LabelId[];
}

export interface LabelDef {
  id: LabelId;
  name: string;
  color: string;
  /** Optional key 1–9 used by the editor to tag quickly. */
  key?: string;
}

/** A user-lexicon entry: a word the analyser must tag with `label` wherever it occurs, or never tag (`reject`). */
export interface LexiconEntry {
  word: string;
  label: LabelId;
  /** A rejected false positive: suppress automatic suggestions with this exact text and label. */
  reject?: boolean;
}

export interface AnalyzeOptions {
  articles?: boolean;
  numbers?: boolean;
  entities?: boolean;
  lexicon?: readonly LexiconEntry[];
  /** Suggest relations the text states plainly (off by default: `relations` is then absent). */
  relations?: boolean;
}

export interface Analysis {
  articles: Article[];
  columnBreaks: ColumnBreak[];
  /** Entities and numbers, sorted by start, flat and non-overlapping, all `source: auto`, `status: suggested`. */
  annotations: Annotation[];
  /** Suggested relations between those annotations, when asked for (`AnalyzeOptions.relations`). */
  relations?: Relation[];
}

/** The export contract (`biaozhu/annotations` version 1); see schema/biaozhu-annotations.schema.json. */
export interface AnnotationDocument {
  format: 'biaozhu/annotations';
  version: 1;
  /** `labels`: the page's own labels (document classes); absent when none. */
  document: { path: string; sha256: string; length: number; offsetUnit: 'utf16'; labels?: string[] };
  labels: LabelDef[];
  articles: Article[];
  columnBreaks: ColumnBreak[];
  annotations: Annotation[];
  /** Links between annotations; absent when none (older files have none). */
  relations?: Relation[];
}
