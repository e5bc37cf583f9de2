import type { LabelDef } from './types';

/** Built-in labels; colours are the defaults used in exports and the light theme. */
export const BUILTIN_LABELS: readonly LabelDef[] = [
  { id: 'PER', name: 'Person', color: '#d9480f', key: '1' },
  { id: 'LOC', name: 'Location', color: '#2b8a3e', key: '2' },
  { id: 'ORG', name: 'Organisation', color: '#1864ab', key: '3' },
  { id: 'WORK', name: 'Work title', color: '#862e9c', key: '4' },
  { id: 'NUMBER', name: 'Number', color: '#e67700', key: '5' },
];
