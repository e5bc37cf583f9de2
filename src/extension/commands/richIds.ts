/** The commands of issue 13 (relations, span adjustment, annotation undo, labels); package.json contributes the same ids. */
export const RichCommands = {
  linkAnnotation: 'biaozhu.linkAnnotation',
  adjustToSelection: 'biaozhu.adjustToSelection',
  growStart: 'biaozhu.growStart',
  shrinkStart: 'biaozhu.shrinkStart',
  growEnd: 'biaozhu.growEnd',
  shrinkEnd: 'biaozhu.shrinkEnd',
  undoAnnotation: 'biaozhu.undoAnnotation',
  redoAnnotation: 'biaozhu.redoAnnotation',
  setArticleLabels: 'biaozhu.setArticleLabels',
  setPageLabels: 'biaozhu.setPageLabels',
  /** Internal (hover links): remove relations by id. Hidden from the palette. */
  removeRelations: 'biaozhu.removeRelations',
  /** Internal (hover links): select annotation `id`. Hidden from the palette. */
  revealAnnotation: 'biaozhu.revealAnnotation',
} as const;
