/**
 * A small menu at the pointer (a right-click on a row header or a cell; Shift+F10 or the context
 * menu key on the selected cell): its items run an action. Arrows move, Enter runs, Escape or a
 * click elsewhere closes it and gives the focus back.
 */
import { h } from '../../src/ui/lib/dom';

export interface ContextItem {
  caption: string;
  run: () => void;
}

let open: { list: HTMLElement; back: HTMLElement | null } | undefined;

export function closeContextMenu(): void {
  if (!open) return;
  const { list, back } = open;
  open = undefined;
  list.remove();
  back?.focus({ preventScroll: true });
}

export function openContextMenu(x: number, y: number, label: string, items: ContextItem[]): void {
  closeContextMenu();
  const back = document.activeElement as HTMLElement | null;
  const list = h('div', { class: 'menu context-menu', role: 'menu', 'aria-label': label });
  const entries = items.map((item) => {
    const el = h('div', { role: 'menuitem', tabindex: -1 }, h('span', {}, item.caption));
    const run = () => {
      closeContextMenu();
      item.run();
    };
    el.addEventListener('click', run);
    el.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        run();
      }
    });
    return el;
  });
  list.append(...entries);
  list.addEventListener('keydown', (e) => {
    const at = (entries as HTMLElement[]).indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : entries.length - 1;
      entries[(at + step + entries.length) % entries.length]?.focus();
    } else if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      e.stopPropagation();
      closeContextMenu();
    }
  });
  list.style.position = 'fixed';
  list.style.left = `${Math.min(x, window.innerWidth - 260)}px`;
  list.style.top = `${Math.min(y, window.innerHeight - 40 * items.length - 16)}px`;
  document.body.append(list);
  open = { list, back };
  entries[0]?.focus();
}

document.addEventListener('mousedown', (e) => {
  if (open && !(e.target as Element | null)?.closest?.('.context-menu')) closeContextMenu();
});
