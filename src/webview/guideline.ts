/**
 * The guideline of the annotation in focus (the panel row focused, else the annotation at the editor's
 * cursor): its label's definition and examples from `.biaozhu/guidelines.md`, sent by the host in
 * `snapshot.guidelines`, and a button that opens the file at the label's section. Text only (dom.h).
 */
import type { Snapshot } from '../protocol/messages';
import { h, swatch } from './dom';
import { annotationUnder } from './model';
import type { StringKey } from './strings';

export interface GuidelineDeps {
  /** The label of the panel row that has focus, if it stands for annotations. */
  focusedLabel(): string | undefined;
  t(key: StringKey, ...args: Array<string | number>): string;
  open(label: string): void;
  onToggle(open: boolean): void;
}

export function createGuideline(deps: GuidelineDeps, initiallyOpen: boolean) {
  const summary = h('summary', { class: 'bz-guideline-summary' });
  const body = h('div', { class: 'bz-guideline-body' });
  const element = h('details', { class: 'bz-guideline' }, summary, body);
  element.open = initiallyOpen;
  element.addEventListener('toggle', () => deps.onToggle(element.open));
  let shownLabel: string | undefined;
  let lastSnap: Snapshot | undefined;

  const update = (snap: Snapshot): void => {
    lastSnap = snap;
    const { t } = deps;
    const sel = snap.document?.selection;
    const label = deps.focusedLabel() ?? (sel ? annotationUnder(snap.annotations, sel.start)?.label : undefined);
    // Nothing in focus, or no guidelines file in the workspace: nothing to show.
    element.hidden = !label || !snap.guidelines;
    if (!label || !snap.guidelines) { shownLabel = undefined; return; }
    const section = Object.prototype.hasOwnProperty.call(snap.guidelines, label) ? snap.guidelines[label] : undefined;
    const def = snap.labels.find(l => l.id === label);
    if (label === shownLabel && body.dataset.title === (section?.title ?? '') && body.dataset.text === JSON.stringify(section ?? null)) return;
    shownLabel = label;
    body.dataset.title = section?.title ?? '';
    body.dataset.text = JSON.stringify(section ?? null);
    summary.replaceChildren(swatch(def?.color), h('span', {}, t('guideline.heading', section?.title ?? label)));
    const openButton = h('button', { type: 'button', class: 'bz-link' }, t('guideline.open'));
    openButton.dataset.focusKey = 'guideline-open';
    openButton.addEventListener('click', () => deps.open(label));
    if (!section) {
      body.replaceChildren(h('p', { class: 'bz-dim' }, t('guideline.missing', label)), openButton);
      return;
    }
    const parts: Node[] = [];
    if (section.definition) parts.push(h('p', { class: 'bz-guideline-definition' }, section.definition));
    if (section.examples.length) {
      parts.push(h('p', { class: 'bz-dim bz-guideline-examples-heading' }, t('guideline.examples')));
      parts.push(h('ul', { class: 'bz-guideline-examples' }, ...section.examples.map(e => h('li', {}, e))));
    }
    if (!parts.length) parts.push(h('p', { class: 'bz-dim' }, t('guideline.empty')));
    body.replaceChildren(...parts, openButton);
  };

  return { element, update, refresh: () => { if (lastSnap) update(lastSnap); } };
}
