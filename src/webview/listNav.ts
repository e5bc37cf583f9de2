/**
 * Keyboard and mouse behaviour of the lists and the tree in the tab panel: roving tabindex, arrows,
 * Home/End/PageUp/PageDown, Right/Left to open and close, Enter = reveal, Space = select,
 * a = accept, r = reject, l = relabel (on an article: its labels), Delete = remove. Rows are `.bz-item` elements keyed by `data-focus-key`.
 */
import type { Actions, ItemSpec } from './context';

export interface ListNavigation {
  rows(): HTMLElement[];
  /** Focuses the row that holds the tabindex (or the first). */
  focus(): void;
}

export function attachListNavigation(panel: HTMLElement, deps: {
  items(): ReadonlyMap<string, ItemSpec>;
  actions: Actions;
  /** Called when a row gets focus, to remember it per tab. */
  onActive(key: string): void;
  /** Where ArrowUp goes from the first row (the filter box). */
  above: HTMLElement;
  findByKey(key: string): HTMLElement | undefined;
}): ListNavigation {
  const rows = () => [...panel.querySelectorAll<HTMLElement>('.bz-item')];
  const specOf = (el: HTMLElement | null | undefined) => (el?.dataset.focusKey ? deps.items().get(el.dataset.focusKey) : undefined);

  panel.addEventListener('focusin', e => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('.bz-item');
    if (!el?.dataset.focusKey) return;
    deps.onActive(el.dataset.focusKey);
    for (const other of rows()) other.tabIndex = other === el ? 0 : -1;
  });

  panel.addEventListener('click', e => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('.bz-item');
    const spec = specOf(el);
    if (!el || !spec) return;
    el.focus();
    const onTwisty = (e.target as HTMLElement).classList.contains('bz-twisty');
    if (spec.toggle && (onTwisty || !spec.reveal)) spec.toggle();
    else if (spec.reveal) deps.actions.reveal(spec.reveal);
    e.stopPropagation();
  });

  panel.addEventListener('keydown', e => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.target !== (e.target as HTMLElement).closest('.bz-item')) return;
    const el = e.target as HTMLElement;
    const key = el.dataset.focusKey;
    const spec = specOf(el);
    if (!key || !spec) return;
    const all = rows();
    const i = all.indexOf(el);
    const move = (j: number) => all[Math.max(0, Math.min(all.length - 1, j))]?.focus();
    const page = Math.max(1, Math.floor(panel.clientHeight / Math.max(1, el.firstElementChild?.clientHeight ?? 22)) - 1);
    const { actions } = deps;
    switch (e.key) {
      case 'ArrowDown': move(i + 1); break;
      case 'ArrowUp': if (i === 0) deps.above.focus(); else move(i - 1); break;
      case 'Home': move(0); break;
      case 'End': move(all.length - 1); break;
      case 'PageDown': move(i + page); break;
      case 'PageUp': move(i - page); break;
      case 'ArrowRight':
        if (spec.expanded === false) spec.toggle?.();
        else if (spec.expanded) move(i + 1);
        break;
      case 'ArrowLeft':
        if (spec.expanded) spec.toggle?.();
        else if (spec.parentKey) deps.findByKey(spec.parentKey)?.focus();
        break;
      case 'Enter':
        if (spec.reveal) actions.reveal(spec.reveal);
        else if (spec.reattach) spec.reattach();
        else spec.toggle?.();
        break;
      case ' ':
        if (spec.actions === 'none' || !spec.ids.length) return;
        actions.toggleSelect(spec.ids);
        break;
      case 'a': case 'r':
        if (spec.actions !== 'all' && spec.actions !== 'review') return;
        actions.setStatus(spec.ids, e.key === 'a' ? 'accepted' : 'rejected');
        // Move on, so a reviewer can go down the list pressing a / r.
        move(i + 1);
        break;
      case 'l':
        if (spec.labelArticle) spec.labelArticle();
        else if (spec.actions === 'all') actions.relabel(spec.ids, key);
        else return;
        break;
      case 'Delete': case 'Backspace':
        if (spec.actions === 'none' || !spec.ids.length) return;
        actions.remove(spec.ids);
        break;
      default: return;
    }
    e.preventDefault();
    e.stopPropagation();
  });

  return {
    rows,
    focus: () => {
      const all = rows();
      (all.find(el => el.tabIndex === 0) ?? all[0] ?? panel).focus();
    },
  };
}
