/**
 * The menu bar: Extensions › (the add-on's menu) › items, and any menu the add-on added with
 * createMenu as its own top-level entry. Mouse and keyboard (arrows, Enter, Escape), as menus go.
 */
import type { MenuEntry } from '../../emulator/services';
import { h } from '../../src/ui/lib/dom';
import type { GridState } from '../protocol';

type Pick = (functionName: string) => void;

/** Every open menu list, outermost first: closing one closes those it opened. */
const openLists: HTMLElement[] = [];

function closeFrom(level: number): void {
  while (openLists.length > level) {
    const list = openLists.pop()!;
    list.remove();
    const owner = document.querySelector(`[aria-controls="${list.id}"]`);
    owner?.setAttribute('aria-expanded', 'false');
  }
}

export function closeMenus(): void {
  closeFrom(0);
}

let listCount = 0;

function items(list: HTMLElement): HTMLElement[] {
  return [...list.querySelectorAll<HTMLElement>(':scope > [role="menuitem"]')];
}

/** Opens a list of entries next to its owner (below a menubar button, right of a submenu item). */
function openList(
  owner: HTMLElement,
  entries: MenuEntry[],
  level: number,
  pick: Pick,
  focusFirst: boolean,
): void {
  closeFrom(level);
  const list = h('div', {
    class: 'menu',
    role: 'menu',
    id: `menu-${++listCount}`,
    'aria-label': owner.dataset.caption ?? '',
  });
  for (const entry of entries) {
    if (entry === 'separator') {
      list.append(h('div', { role: 'separator' }));
      continue;
    }
    const item = h(
      'div',
      { role: 'menuitem', tabindex: -1, 'data-caption': entry.caption },
      h('span', {}, entry.caption),
    );
    if ('items' in entry) {
      const sub = entry.items;
      item.setAttribute('aria-haspopup', 'menu');
      item.setAttribute('aria-expanded', 'false');
      item.append(h('span', { class: 'arrow', 'aria-hidden': 'true' }, '▸'));
      const open = (focus: boolean) => openList(item, sub, level + 1, pick, focus);
      item.addEventListener('click', () => open(false));
      item.addEventListener('mouseenter', () => open(false));
      item.addEventListener('keydown', (e) => {
        if (e.key === 'ArrowRight' || e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          open(true);
        }
      });
    } else {
      const name = entry.functionName;
      item.addEventListener('mouseenter', () => closeFrom(level + 1));
      item.addEventListener('click', () => {
        closeMenus();
        pick(name);
      });
      item.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          closeMenus();
          pick(name);
        }
      });
    }
    list.append(item);
  }
  list.addEventListener('keydown', (e) => {
    const all = items(list);
    const at = all.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : all.length - 1;
      all[(at + step + all.length) % all.length]?.focus();
    } else if (e.key === 'Escape' || (e.key === 'ArrowLeft' && level > 0)) {
      e.preventDefault();
      e.stopPropagation();
      closeFrom(level);
      owner.focus();
    } else if (e.key === 'Tab') closeMenus();
  });
  owner.setAttribute('aria-controls', list.id);
  owner.setAttribute('aria-expanded', 'true');
  // placed in the page's coordinates, under a menubar button or to the right of a submenu item
  const r = owner.getBoundingClientRect();
  list.style.left = `${level === 0 ? r.left : r.right - 4}px`;
  list.style.top = `${level === 0 ? r.bottom + 2 : r.top - 6}px`;
  list.style.position = 'fixed';
  document.body.append(list);
  openLists.push(list);
  if (focusFirst) items(list)[0]?.focus();
}

function topButton(caption: string, entries: MenuEntry[], pick: Pick): HTMLElement {
  const b = h(
    'button',
    {
      type: 'button',
      class: 'menu-top',
      role: 'menuitem',
      'aria-haspopup': 'menu',
      'aria-expanded': 'false',
      'data-caption': caption,
    },
    caption,
  );
  b.addEventListener('click', () => {
    if (b.getAttribute('aria-expanded') === 'true') closeMenus();
    else openList(b, entries, 0, pick, false);
  });
  b.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      openList(b, entries, 0, pick, true);
    }
  });
  b.addEventListener('mouseenter', () => {
    // moving along the bar with a menu open switches menus, as in Sheets
    if (openLists.length > 0 && b.getAttribute('aria-expanded') !== 'true')
      openList(b, entries, 0, pick, false);
  });
  return b;
}

export function renderMenubar(bar: HTMLElement, menus: GridState['menus'], pick: Pick): void {
  closeMenus();
  const addon = menus.filter((m) => m.addon).map((m): MenuEntry => ({ caption: m.caption, items: m.items }));
  const own = menus.filter((m) => !m.addon);
  bar.replaceChildren(
    topButton('Extensions', addon.length ? addon : [{ caption: 'No add-on menu', items: [] }], pick),
    ...own.map((m) => topButton(m.caption, m.items, pick)),
  );
  // the bar's buttons are one tab stop; arrows move along it
  bar.onkeydown = (e) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const buttons = [...bar.querySelectorAll<HTMLElement>('.menu-top')];
    const at = buttons.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    buttons[(at + (e.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
  };
}

document.addEventListener('mousedown', (e) => {
  const t = e.target as Element | null;
  if (!t?.closest('.menu, .menu-top')) closeMenus();
});

document.addEventListener('keydown', (e) => {
  // Escape closes a menu opened by the mouse too (the focus is not in it then)
  if (e.key === 'Escape' && openLists.length > 0 && !(e.target as Element | null)?.closest?.('.menu')) {
    const owner = document.querySelector<HTMLElement>(`[aria-controls="${openLists[0]!.id}"]`);
    closeMenus();
    owner?.focus();
  }
});
