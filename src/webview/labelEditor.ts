/** The label set and a form to add a custom label; the host stores it in the `biaozhu.labels` setting. */
import type { LabelDef } from '../core/types';
import { h, swatch } from './dom';
import { validateNewLabel } from './model';
import type { StringKey } from './strings';

type T = (key: StringKey, ...args: Array<string | number>) => string;

export interface LabelEditor {
  element: HTMLDetailsElement;
  update(labels: readonly LabelDef[], t: T): void;
}

/** Builds the editor once (so typing in the form survives snapshots); `update` refreshes the list and texts. */
export function createLabelEditor(onAdd: (label: LabelDef) => void, onToggle: (open: boolean) => void): LabelEditor {
  let labels: readonly LabelDef[] = [];
  let t: T = k => k;
  const summary = h('summary', {});
  const list = h('ul', { class: 'bz-labels' });
  const field = (id: string, input: HTMLElement) => {
    const label = h('label', { for: id });
    return { label, wrap: h('div', { class: 'bz-field' }, label, input) };
  };
  const idInput = h('input', { id: 'bz-label-id', type: 'text', maxlength: 32, autocomplete: 'off', spellcheck: 'false' });
  const nameInput = h('input', { id: 'bz-label-name', type: 'text', maxlength: 64, autocomplete: 'off' });
  const colorInput = h('input', { id: 'bz-label-color', type: 'color', value: '#808080' });
  const keySelect = h('select', { id: 'bz-label-key' });
  const fields = [field('bz-label-id', idInput), field('bz-label-name', nameInput), field('bz-label-color', colorInput), field('bz-label-key', keySelect)];
  const error = h('p', { class: 'bz-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'bz-button' });
  const form = h('form', { class: 'bz-label-form' }, ...fields.map(f => f.wrap), submit, error);
  const element = h('details', { class: 'bz-label-editor' }, summary, list, form);

  element.addEventListener('toggle', () => onToggle(element.open));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const result = validateNewLabel({ id: idInput.value, name: nameInput.value, color: colorInput.value, key: keySelect.value }, labels);
    if (!result.ok) {
      error.textContent = result.problem === 'key' ? t('labels.error.key', keySelect.value, result.other ?? '') : t(`labels.error.${result.problem}`);
      (result.problem === 'name' ? nameInput : result.problem === 'key' ? keySelect : idInput).focus();
      return;
    }
    error.textContent = '';
    onAdd(result.label);
    form.reset();
    idInput.focus();
  });

  function update(next: readonly LabelDef[], nextT: T): void {
    labels = next;
    t = nextT;
    summary.textContent = t('labels.heading');
    list.replaceChildren(...labels.map(l => h('li', {}, swatch(l.color), h('span', { class: 'bz-chip-id' }, l.id), h('span', { class: 'bz-text' }, l.name), l.key ? h('kbd', {}, l.key) : '')));
    const names: StringKey[] = ['labels.id', 'labels.name', 'labels.color', 'labels.key'];
    fields.forEach((f, i) => { f.label.textContent = t(names[i]); });
    submit.textContent = t('labels.add');
    const keep = keySelect.value;
    const used = new Set(labels.map(l => l.key));
    keySelect.replaceChildren(h('option', { value: '' }, t('labels.keyNone')),
      ...['1', '2', '3', '4', '5', '6', '7', '8', '9'].filter(k => !used.has(k)).map(k => h('option', { value: k }, k)));
    keySelect.value = [...keySelect.options].some(o => o.value === keep) ? keep : '';
  }

  return { element, update };
}
