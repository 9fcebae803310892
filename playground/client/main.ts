/**
 * The playground page: the workbook's grid and tabs, the add-on's menu, its sidebars and dialogs.
 * Every change goes to the server (which saves the workbook) and the grid is drawn again from it.
 */
import { h } from '../../src/ui/lib/dom';
import type { EditReply, PageState } from '../protocol';
import { localizeAllowAccess } from './allow-access';
import { ApiError, api } from './api';
import { confirmDialog, messageDialog, toast } from './dialogs';
import { Grid } from './grid';
import { renderMenubar } from './menu';
import { closeSurfaces, onAddonChange, present } from './surfaces';
import { renderSwitcher } from './workbooks';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let state: PageState | undefined;
let toastsSeen = -1;
let menusShown = '';
/** Requests under way: body[data-busy] lets a test (or a screenshot) wait for a quiet page. */
let busy = 0;

async function track<T>(work: () => Promise<T>): Promise<T> {
  document.body.dataset.busy = String(++busy);
  try {
    return await work();
  } finally {
    document.body.dataset.busy = String(--busy);
  }
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

const grid = new Grid($('grid'), $<HTMLInputElement>('formula'), $<HTMLInputElement>('name-box'), {
  edit: (a1, text) => change(a1, (confirm) => api.edit(gridSheet(), a1, text, confirm)),
  toggle: (a1) => change(a1, (confirm) => api.toggle(gridSheet(), a1, confirm)),
  paste: (from, to, valuesOnly) =>
    change(to, (confirm) => api.paste(from.sheet, from.a1, gridSheet(), to, valuesOnly, confirm)),
  undo: () => change('Undo', () => api.undo(), { quiet: true }),
  allow: (a1) => change(a1, () => api.allow(gridSheet(), a1)),
  rows: (row, action) => change(`Row ${row}`, (confirm) => api.rows(gridSheet(), row, action, confirm)),
});

function gridSheet(): string {
  return grid.sheet ?? '';
}

localizeAllowAccess($('grid'), () => state?.spreadsheet.locale ?? 'en_US');

/**
 * Another workbook on screen: its own sheets, menus, undo and toasts; the sidebar and dialogs of the
 * one left are closed (they belong to it).
 */
async function switched(): Promise<void> {
  toastsSeen = -1;
  menusShown = '';
  await refresh();
  grid.focus();
}

const switcherActions = {
  open: (id: string) =>
    track(async () => {
      closeSurfaces();
      try {
        await api.openWorkbook(id);
      } catch (e) {
        toast('', errorText(e), 6, 'error');
      }
      await switched();
    }),
  create: (name: string, locale: string) =>
    track(async () => {
      try {
        await api.createWorkbook(name, locale);
      } catch (e) {
        // a refusal (the name) is said in the dialog; anything else too, it stays open
        return e instanceof ApiError ? e.message : errorText(e);
      }
      closeSurfaces();
      await switched();
      return undefined;
    }),
};

/** Draws the workbook as the server has it now (the active sheet). */
async function refresh(): Promise<void> {
  await track(async () => {
    try {
      state = await api.state();
    } catch (e) {
      toast('The playground server did not answer', errorText(e), 0, 'error');
      return;
    }
    const s = state;
    document.title = `${s.sheet} – ${s.spreadsheet.name}`;
    document.documentElement.lang = s.spreadsheet.locale.slice(0, 2);
    $('doc-name').textContent = s.spreadsheet.name;
    renderSwitcher($('workbooks'), s.workbooks, s.spreadsheet.locale, switcherActions);
    $('save-status').textContent = `Saved to ${s.spreadsheet.file}`;
    grid.render(s);
    renderTabs(s);
    const menus = JSON.stringify(s.menus);
    if (menus !== menusShown) {
      menusShown = menus;
      renderMenubar($('menubar'), s.menus, (name) => void pickMenu(name));
    }
    // toasts the add-on showed since the page last looked (none replayed at load)
    if (toastsSeen >= 0)
      for (const t of s.toasts.slice(toastsSeen)) toast(t.title, t.message, t.timeoutSeconds);
    toastsSeen = s.toasts.length;
  });
}

/**
 * An edit, a checkbox click, a paste, a row inserted or deleted, an undo: with Sheets' warning first
 * in a protected range. `quiet`: a refusal is a toast, not a dialog ("Nothing to undo.").
 */
async function change(
  a1: string,
  send: (confirm: boolean) => Promise<EditReply>,
  options: { quiet?: boolean } = {},
): Promise<void> {
  await track(async () => {
    try {
      let r = await send(false);
      if (r.status === 'needs-confirmation') {
        if (!(await confirmDialog('Heads up!', r.message))) return;
        r = await send(true);
      }
      if (r.status === 'rejected' && options.quiet) toast('', r.message, 4);
      else if (r.status === 'rejected') await messageDialog('There was a problem', r.message);
      else if (r.status === 'needs-confirmation') await messageDialog('There was a problem', r.message);
      else if (r.invalid) toast(`${a1}: invalid`, r.invalid, 6);
    } catch (e) {
      toast(`${a1} was not changed`, errorText(e), 8, 'error');
    } finally {
      await refresh();
      grid.focus();
    }
  });
}

async function pickMenu(name: string): Promise<void> {
  await track(async () => {
    try {
      const shown = await api.menu(name, grid.sheet ? { sheet: grid.sheet, a1: grid.selected } : undefined);
      await refresh();
      await present(shown);
    } catch (e) {
      await refresh();
      await messageDialog('The add-on failed', errorText(e));
    }
  });
}

function renderTabs(s: PageState): void {
  const bar = $('tabs');
  const visible = s.tabs.filter((t) => !t.hidden);
  const select = async (name: string, focus: boolean) => {
    await track(async () => {
      try {
        await api.select(name);
      } catch (e) {
        toast('', errorText(e), 6, 'error');
      }
      await refresh();
      if (focus) bar.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
    });
  };
  bar.replaceChildren(
    ...visible.map((t, i) => {
      const b = h(
        'button',
        {
          type: 'button',
          class: 'tab',
          role: 'tab',
          'aria-selected': String(t.active),
          tabindex: t.active ? 0 : -1,
        },
        t.name,
      );
      if (t.color) {
        const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
        swatch.style.backgroundColor = t.color;
        b.append(swatch);
      }
      b.addEventListener('click', () => void select(t.name, false));
      b.addEventListener('keydown', (e) => {
        if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
        e.preventDefault();
        const next = visible[(i + (e.key === 'ArrowRight' ? 1 : visible.length - 1)) % visible.length]!;
        void select(next.name, true);
      });
      return b;
    }),
  );
}

onAddonChange(refresh);

void refresh().then(() => {
  // milliseconds from navigation to a drawn grid (the tests report it)
  document.body.dataset.readyMs = String(Math.round(performance.now()));
  document.body.dataset.ready = 'true';
  grid.focus();
});
