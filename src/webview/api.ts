/** The only place that talks to the host: a typed postMessage wrapper and a shape check on what arrives. */
import type { HostToPanel, PanelToHost, Snapshot } from '../protocol/messages';
import type { ViewState } from './model';

const vscode = acquireVsCodeApi<ViewState>();

export function post(message: PanelToHost): void {
  vscode.postMessage(message);
}

export function loadViewState(): unknown {
  return vscode.getState();
}

export function saveViewState(state: ViewState): void {
  vscode.setState(state);
}

/** Calls `handler` for each well-formed host message; anything else is ignored. */
export function onHostMessage(handler: (message: HostToPanel) => void): void {
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (isHostMessage(event.data)) handler(event.data);
  });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function isSnapshot(s: unknown): s is Snapshot {
  return isObject(s) && Array.isArray(s.labels) && Array.isArray(s.articles) && Array.isArray(s.annotations)
    && Array.isArray(s.orphans) && Array.isArray(s.relations) && isObject(s.history) && typeof s.busy === 'boolean' && isObject(s.strings)
    && (s.document === undefined || (isObject(s.document) && typeof s.document.name === 'string' && typeof s.document.uri === 'string' && typeof s.document.version === 'number' && isObject(s.document.selection)));
}

function isHostMessage(m: unknown): m is HostToPanel {
  if (!isObject(m)) return false;
  switch (m.type) {
    case 'snapshot': return isSnapshot(m.snapshot);
    case 'selection': return typeof m.start === 'number' && typeof m.end === 'number';
    case 'focusFilter': return true;
    case 'workspaceStats': return isObject(m.stats) && typeof m.stats.pages === 'number' && isObject(m.stats.review) && isObject(m.stats.all)
      && Array.isArray(m.stats.labels) && Array.isArray(m.stats.topNames) && Array.isArray(m.stats.topNumbers);
    default: return false;
  }
}
