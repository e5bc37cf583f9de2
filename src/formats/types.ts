import type { Annotation, AnnotationDocument, Article, ColumnBreak, LabelDef, Relation, Status } from '../core/types';

/** One file an export produces. */
export interface ExportedFile {
  /** Path suffix appended to the output base, '' for the main file (brat: '' is the .ann, '.txt' the text beside it). */
  suffix: string;
  content: string;
}

export interface ExportOptions {
  /** CoNLL tag scheme; default 'bio'. */
  scheme?: 'bio' | 'bioes';
}

export interface ImportOptions {
  /**
   * Status given to imported items; default 'suggested', so imported work never mixes silently into the
   * user's. 'keep' trusts the status the file carries (for round trips of Biaozhu's own exports).
   */
  status?: Status | 'keep';
  /** Labels the target document knows; default the built-in ones. */
  labels?: readonly LabelDef[];
}

export interface ImportResult {
  annotations: Annotation[];
  /** Every item not imported, with why. */
  skipped: Array<{ item: string; reason: string }>;
  /** Labels found that are not among the known labels (kept as custom labels). */
  unknownLabels: string[];
  /** How many items were found again by quote because the file's text differs from the given text. */
  reanchored: number;
  /** Label definitions, from formats that carry them (Biaozhu JSON). */
  labels?: LabelDef[];
  /** Only from formats that carry them (Biaozhu JSON), and only when the file's text is the given text. */
  articles?: Article[];
  columnBreaks?: ColumnBreak[];
  /** Relations between the imported annotations (by their ids in `annotations`); absent when the file has none. */
  relations?: Relation[];
  /** The page's labels (document classes), from formats that carry them; absent when none. */
  pageLabels?: string[];
}

export type FormatId = 'json' | 'brat' | 'doccano' | 'labelstudio' | 'conll' | 'w3c' | 'spacy';

export interface FormatPlugin {
  id: FormatId | (string & {});
  name: string;
  /** File extensions, main one first, e.g. ['.ann']. */
  extensions: string[];
  export(doc: AnnotationDocument, text: string, options?: ExportOptions): ExportedFile[];
  /** Throws FormatError when the file cannot be read as this format or does not fit `text`. */
  import(content: string, text: string, options?: ImportOptions): ImportResult;
  /** Confidence 0..1 that `content` (named `fileName`) is this format. */
  detect(content: string, fileName: string): number;
  /**
   * What an export of `doc` leaves out of the richer model (relations, overlapping spans, page and article
   * labels), one phrase per kind, for the export message; none when it keeps all of it.
   */
  losses(doc: AnnotationDocument): string[];
}

export type FormatErrorReason = 'syntax' | 'shape' | 'text-mismatch' | 'unknown-format';

/** A file that cannot be imported, with a machine-readable reason and a message for people. */
export class FormatError extends Error {
  constructor(readonly reason: FormatErrorReason, message: string) {
    super(message);
    this.name = 'FormatError';
  }
}
