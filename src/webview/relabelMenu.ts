/**
 * A small popup menu listing the labels: arrows move, Enter or a label's key (1–9) picks, Escape closes.
 * Focus returns to the row it was opened from.
 */
import type { LabelDef } from '../core/types';
import { h, swatch } from './dom';

let open: { menu: HTMLElement; close: () => void } | undefined;

export function closeRelabelMenu(): void {
  open?.close();
}

export function openRelabelMenu(anchor: HTMLElement, labels: readonly LabelDef[], title: string, pick: (id: string) => void, restoreFocus: () => void): void {
  closeRelabelMenu();
  const menu = h('div', { role: 'menu', class: 'bz-menu', 'aria-label': title });
  const buttons = labels.map(l => {
    const b = h('button', { type: 'button', role: 'menuitem', class: 'bz-menuitem', tabindex: -1 },
      swatch(l.color), h('span', { class: 'bz-text' }, l.name), h('span', { class: 'bz-dim' }, l.key ? `${l.id} · ${l.key}` : String(l.id)));
    b.addEventListener('click', () => { close(true); pick(l.id); });
    return b;
  });
  menu.append(h('div', { class: 'bz-menu-title', 'aria-hidden': 'true' }, title), ...buttons);
  let closed = false;
  const close = (refocus: boolean) => {
    if (closed) return;
    closed = true;
    open = undefined;
    menu.remove();
    if (refocus) restoreFocus();
  };
  menu.addEventListener('keydown', e => {
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const focus = (j: number) => buttons[(j + buttons.length) % buttons.length]?.focus();
    if (e.key === 'ArrowDown') focus(i + 1);
    else if (e.key === 'ArrowUp') focus(i - 1);
    else if (e.key === 'Home') focus(0);
    else if (e.key === 'End') focus(buttons.length - 1);
    else if (e.key === 'Escape' || e.key === 'Tab') close(true);
    else {
      const byKey = labels.findIndex(l => l.key === e.key);
      if (byKey < 0) return;
      buttons[byKey].click();
    }
    e.preventDefault();
    e.stopPropagation();
  });
  menu.addEventListener('focusout', e => {
    if (!menu.contains(e.relatedTarget as Node | null)) close(false);
  });
  document.body.append(menu);
  const r = anchor.getBoundingClientRect();
  const top = Math.min(r.bottom + window.scrollY, window.innerHeight + window.scrollY - menu.offsetHeight - 4);
  menu.style.setProperty('top', `${Math.max(0, top)}px`);
  menu.style.setProperty('left', `${Math.max(0, Math.min(r.left + 16, window.innerWidth - menu.offsetWidth - 4))}px`);
  open = { menu, close: () => close(false) };
  buttons[0]?.focus();
}
