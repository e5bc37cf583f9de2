import type { Rule } from '../types';
import { crossesBoundary } from './crossesBoundary';
import { doneWithSuggestions } from './doneWithSuggestions';
import { inconsistentLabel } from './inconsistentLabel';
import { mergeConflict } from './mergeConflict';
import { relationLabels } from './relationLabels';
import { spanEdges } from './spanEdges';
import { staleSidecar } from './staleSidecar';
import { unknownLabel } from './unknownLabel';
import { unresolvedOrphan } from './unresolvedOrphan';

/** Every lint rule, in report order. */
export const RULES: readonly Rule[] = [
  staleSidecar, mergeConflict, unknownLabel, crossesBoundary, spanEdges, inconsistentLabel, relationLabels, doneWithSuggestions, unresolvedOrphan,
];
