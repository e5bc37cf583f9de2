/** Issue 14's commands (team work over git); package.json contributes the same ids. */
export const TeamCommands = {
  markPageInProgress: 'biaozhu.markPageInProgress',
  markPageDone: 'biaozhu.markPageDone',
  markPageReviewed: 'biaozhu.markPageReviewed',
  resolveConflicts: 'biaozhu.resolveConflicts',
  lintWorkspace: 'biaozhu.lintWorkspace',
  openGuidelines: 'biaozhu.openGuidelines',
  /** Internal (quick fixes): change one annotation's span or label by id. Hidden from the palette. */
  fixAnnotation: 'biaozhu.fixAnnotation',
} as const;

/** The DiagnosticCollection's name and the diagnostics' source. */
export const LINT_SOURCE = 'Biaozhu';
