import type { Annotation } from '../types';
import type { RelationType, Sidecar } from '../team/types';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** One page as lint sees it: its sidecar and, when it could be read, the page's current text. */
export interface LintPage {
  /** The page's path (findings point into it). */
  path: string;
  /** The annotations file, when it is not the page itself. */
  sidecarPath?: string;
  doc: Sidecar;
  /** The page text now on disk; undefined when the page is missing. */
  text?: string;
}

/** What a rule reports; the runner adds the severity and the line/column positions. */
export interface RawFinding {
  page: LintPage;
  message: string;
  /** The annotation concerned, when there is one (offsets into the page when the sidecar is current). */
  annotation?: Annotation;
  /** Extra facts for quick fixes: e.g. the majority label, or the trimmed span. */
  data?: Record<string, unknown>;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  path: string;
  sidecarPath?: string;
  annotationId?: string;
  /** Offsets and 1-based line/column (UTF-16 columns) of the span, when it can be placed in the current text. */
  range?: { start: number; end: number; line: number; column: number; endLine: number; endColumn: number };
  data?: Record<string, unknown>;
}

export interface LintConfig {
  /** Severity per rule id, or 'off'; rules not named keep their default. */
  rules: Record<string, Severity | 'off'>;
  /** The label set; when absent, each page's own `labels` list is its label set. */
  labels?: string[];
  /** Relation types and the labels their ends may carry. */
  relations?: RelationType[];
}

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  /** One line for `--help`, SARIF rule metadata and the docs. */
  description: string;
  check(pages: readonly LintPage[], config: LintConfig): RawFinding[];
}
