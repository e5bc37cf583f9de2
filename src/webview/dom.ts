/**
 * DOM building without markup: every string goes in through textContent or setAttribute, never innerHTML,
 * and event-handler, style and URL attributes are refused so document text can never become code.
 */
import { isColor } from './model';

type AttrValue = string | number | boolean | undefined;
type Child = Node | string | undefined | false;

const FORBIDDEN_ATTR = /^(on|style$|href$|src$|srcdoc$|action$|formaction$)/i;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, AttrValue> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (FORBIDDEN_ATTR.test(name)) throw new Error(`refused attribute ${name}`);
    if (name === 'class') el.className = String(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

/** A small colour square for a label; colours that are not `#rrggbb` are not used. */
export function swatch(color: string | undefined): HTMLSpanElement {
  const el = h('span', { class: 'bz-swatch', 'aria-hidden': 'true' });
  if (isColor(color)) el.style.setProperty('--bz-swatch', color);
  else el.classList.add('bz-swatch-none');
  return el;
}

/** Text for screen readers only. */
export function srOnly(text: string): HTMLSpanElement {
  return h('span', { class: 'bz-sr' }, text);
}
