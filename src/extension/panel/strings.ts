/** The side panel's strings, localised on the host (the panel falls back to English for any key not sent). */
import * as vscode from 'vscode';
import { PANEL_STRINGS } from '../../webview/strings';

/** Each English string goes through vscode.l10n.t; placeholders `{0}` are kept for the panel to fill. */
export function panelStrings(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, english] of Object.entries(PANEL_STRINGS)) {
    const placeholders = [...english.matchAll(/\{(\d+)\}/g)].reduce((n, m) => Math.max(n, Number(m[1]) + 1), 0);
    out[key] = vscode.l10n.t(english, ...Array.from({ length: placeholders }, (_, i) => `{${i}}`));
  }
  return out;
}
