/**
 * The onboarding module's decisions, free of VS Code so plain mocha tests them: what counts as the user's
 * review progress, whether a page's editor needs its word wrap toggled, and where the sample page goes.
 */
import type { Annotation } from '../../core/types';

export interface ReviewCounts {
  /** Suggestions the user accepted (manual tags are counted apart). */
  accepted: number;
  /** Annotations the user made by hand. */
  tagged: number;
}

export function reviewCounts(annotations: readonly Annotation[]): ReviewCounts {
  let accepted = 0;
  let tagged = 0;
  for (const a of annotations) {
    if (a.source === 'manual') tagged++;
    else if (a.status === 'accepted') accepted++;
  }
  return { accepted, tagged };
}

/** Which review steps a change shows; none without a baseline (a page just opened or loaded). */
export function reviewProgress(before: ReviewCounts | undefined, after: ReviewCounts): { accepted: boolean; tagged: boolean } {
  if (!before) return { accepted: false, tagged: false };
  return { accepted: after.accepted > before.accepted, tagged: after.tagged > before.tagged };
}

export type WrapSetting = 'on' | 'off';

/**
 * Whether to run VS Code's per-editor "Toggle Word Wrap" on a page's editor. `editorWordWrap` is the
 * editor.wordWrap in force for the page's language; `toggledByUs` says the page's editor already carries our
 * toggle (an override that wraps). The toggle is only ever undone, never applied against the user's own wrap.
 */
export function wrapToggleNeeded(setting: WrapSetting, editorWordWrap: string | undefined, toggledByUs: boolean): boolean {
  if (setting === 'on') return !toggledByUs && (editorWordWrap ?? 'off') === 'off';
  return toggledByUs;
}

export function asWrapSetting(raw: unknown): WrapSetting {
  return raw === 'off' ? 'off' : 'on';
}

/** The sample page bundled with the extension: the first `.txt` of its seeds folder, by name. */
export function samplePageName(names: readonly string[]): string | undefined {
  return [...names].filter(n => n.toLowerCase().endsWith('.txt')).sort()[0];
}
