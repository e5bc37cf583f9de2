/** Issue 14's commands (team work over git); package.json contributes the same ids. */
export const TeamCommands = {
  markPageInProgress: 'biaozhu.markPageInProgress',
  markPageDone: 'biaozhu.markPageDone',
  markPageReviewed: 'biaozhu.markPageReviewed',
  resolveConflicts: 'biaozhu.resolveConflicts',
  lintWorkspace: 'biaozhu.lintWorkspace',
  openGuidelines: 'biaozhu.openGuidelines',
  /** The Annotation Conflicts view's inline actions on one conflict (hidden from the palette: they need the view's item). */
  takeMine: 'biaozhu.takeMine',
  takeTheirs: 'biaozhu.takeTheirs',
  keepBoth: 'biaozhu.keepBoth',
  /** Internal: show a conflict's span in the editor (a click on the view's item). */
  revealConflict: 'biaozhu.revealConflict',
  /** Internal (quick fixes): change one annotation's span or label by id. Hidden from the palette. */
  fixAnnotation: 'biaozhu.fixAnnotation',
} as const;

/** The DiagnosticCollection's name and the diagnostics' source. */
export const LINT_SOURCE = 'Biaozhu';

export const CONFLICTS_VIEW_ID = 'biaozhu.conflicts';
/** Context key: an open page has merge conflicts (the Annotation Conflicts view is shown). */
export const CONFLICTS_CONTEXT = 'biaozhu.hasConflicts';
