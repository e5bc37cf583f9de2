/** Every command id in one map (`biaozhu.<verbObject>`); package.json contributes the same ids. */
export const Commands = {
  analyzeDocument: 'biaozhu.analyzeDocument',
  tagSelection: 'biaozhu.tagSelection',
  acceptAtCursor: 'biaozhu.acceptAtCursor',
  rejectAtCursor: 'biaozhu.rejectAtCursor',
  removeAtCursor: 'biaozhu.removeAtCursor',
  relabelAtCursor: 'biaozhu.relabelAtCursor',
  acceptAll: 'biaozhu.acceptAll',
  nextAnnotation: 'biaozhu.nextAnnotation',
  previousAnnotation: 'biaozhu.previousAnnotation',
  toggleHighlights: 'biaozhu.toggleHighlights',
  showPanel: 'biaozhu.showPanel',
  exportAnnotations: 'biaozhu.exportAnnotations',
  exportPages: 'biaozhu.exportPages',
  importAnnotations: 'biaozhu.importAnnotations',
  joinBrokenParagraphs: 'biaozhu.joinBrokenParagraphs',
  reattachOrphan: 'biaozhu.reattachOrphan',
  /** Internal (hover links): set the status of annotations by id. Hidden from the palette. */
  setStatus: 'biaozhu.setStatus',
  /** Internal (hover links): relabel annotations by id. Hidden from the palette. */
  relabel: 'biaozhu.relabel',
  /** Internal (side panel): remove annotations and orphans by id. Hidden from the palette. */
  remove: 'biaozhu.remove',
} as const;

export const PANEL_VIEW_ID = 'biaozhu.panel';
export const ACTIVE_CONTEXT_KEY = 'biaozhu.active';
/** Issue 7's commands and the Pages view live with their module. */
export { CorpusCommands, PAGES_VIEW_ID } from './corpus/ids';
export { RichCommands } from './commands/richIds';
