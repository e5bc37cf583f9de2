/** The corpus commands and view (issue 7); package.json contributes the same ids. */
export const CorpusCommands = {
  showLexicon: 'biaozhu.showLexicon',
  clearLexicon: 'biaozhu.clearLexicon',
  learnTag: 'biaozhu.learnTag',
  tagAllOccurrences: 'biaozhu.tagAllOccurrences',
  rejectAllIdentical: 'biaozhu.rejectAllIdentical',
  analyzeFolder: 'biaozhu.analyzeFolder',
  nextPageWithSuggestions: 'biaozhu.nextPageWithSuggestions',
  compareAnnotations: 'biaozhu.compareAnnotations',
  exportStatistics: 'biaozhu.exportStatistics',
  searchAnnotations: 'biaozhu.searchAnnotations',
  refreshPages: 'biaozhu.refreshPages',
  filterPagesByReview: 'biaozhu.filterPagesByReview',
  clearPagesFilter: 'biaozhu.clearPagesFilter',
} as const;

export const PAGES_VIEW_ID = 'biaozhu.pages';
/** Context key: the Pages view shows only some review statuses (its title offers Clear Filter). */
export const PAGES_FILTERED_CONTEXT = 'biaozhu.pagesFiltered';
