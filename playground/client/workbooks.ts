/**
 * The workbook switcher beside the workbook's name: the playground's workbooks, each with its URL to
 * copy (the Company rollup dialog asks for a team's), the one on screen marked; a click opens
 * another; "New workbook…" names one (and its locale) and opens it. Text set with textContent only.
 */
import { h } from '../../src/ui/lib/dom';
import type { WorkbookEntry } from '../protocol';
import { nameProblem } from '../workbook-name';

export interface SwitcherActions {
  open(id: string): Promise<void>;
  /** Resolves with the server's refusal (shown in the dialog), or undefined when it was made. */
  create(name: string, locale: string): Promise<string | undefined>;
}

const TEXTS = {
  en: {
    button: 'Workbooks',
    title: 'Workbooks',
    onScreen: 'open',
    url: (name: string) => `URL of ${name}`,
    copy: 'Copy URL',
    copied: 'Copied',
    newOne: 'New workbook…',
    newTitle: 'New workbook',
    name: 'Name',
    locale: 'Locale',
    hint: 'Saved in its own file beside the others. IMPORTRANGE reaches any workbook here by its URL.',
    cancel: 'Cancel',
    create: 'Create',
  },
  fr: {
    button: 'Classeurs',
    title: 'Classeurs',
    onScreen: 'ouvert',
    url: (name: string) => `URL de ${name}`,
    copy: 'Copier l’URL',
    copied: 'Copiée',
    newOne: 'Nouveau classeur…',
    newTitle: 'Nouveau classeur',
    name: 'Nom',
    locale: 'Paramètres régionaux',
    hint: 'Enregistré dans son propre fichier, à côté des autres. IMPORTRANGE atteint chaque classeur d’ici par son URL.',
    cancel: 'Annuler',
    create: 'Créer',
  },
};

const LOCALES: [string, string][] = [
  ['en_US', 'English (United States)'],
  ['fr_FR', 'Français (France)'],
];

const textsFor = (locale: string) => (locale.toLowerCase().startsWith('fr') ? TEXTS.fr : TEXTS.en);

let panel: HTMLElement | undefined;

function closePanel(): void {
  if (!panel) return;
  panel.remove();
  panel = undefined;
  document.getElementById('workbooks-button')?.setAttribute('aria-expanded', 'false');
}

/** Copies with the Clipboard API, or by selecting the field (a page without clipboard access). */
async function copy(input: HTMLInputElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(input.value);
  } catch {
    input.select();
    document.execCommand('copy');
  }
}

function workbookItem(w: WorkbookEntry, t: (typeof TEXTS)['en'], actions: SwitcherActions): HTMLElement {
  const url = h('input', {
    class: 'wb-url',
    readonly: true,
    value: w.url,
    'aria-label': t.url(w.name),
    spellcheck: 'false',
  }) as HTMLInputElement;
  url.addEventListener('focus', () => url.select());
  const copyButton = h('button', { type: 'button', class: 'wb-copy', title: t.copy }, t.copy);
  copyButton.addEventListener('click', () => {
    void copy(url).then(() => {
      copyButton.textContent = t.copied;
      setTimeout(() => {
        copyButton.textContent = t.copy;
      }, 1500);
    });
  });
  const openButton = h(
    'button',
    { type: 'button', class: 'wb-open', 'aria-current': w.current ? 'true' : undefined, title: w.file },
    h('span', { class: 'wb-check', 'aria-hidden': 'true' }, w.current ? '✓' : ''),
    h('span', { class: 'wb-name' }, w.name),
    w.current ? h('span', { class: 'wb-current' }, t.onScreen) : null,
  );
  openButton.addEventListener('click', () => {
    closePanel();
    if (!w.current) void actions.open(w.id);
  });
  return h(
    'li',
    { class: 'wb-item', 'data-id': w.id },
    openButton,
    h('div', { class: 'wb-url-row' }, url, copyButton),
  );
}

function openPanel(
  button: HTMLElement,
  list: WorkbookEntry[],
  locale: string,
  actions: SwitcherActions,
): void {
  closePanel();
  const t = textsFor(locale);
  const newButton = h('button', { type: 'button', class: 'wb-new' }, t.newOne);
  newButton.addEventListener('click', () => {
    closePanel();
    newWorkbookDialog(list, locale, actions);
  });
  panel = h(
    'div',
    { class: 'wb-panel', role: 'dialog', 'aria-labelledby': 'wb-panel-title', id: 'workbooks-panel' },
    h('h2', { class: 'wb-title', id: 'wb-panel-title' }, t.title),
    h('ul', { class: 'wb-list' }, ...list.map((w) => workbookItem(w, t, actions))),
    newButton,
  );
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      closePanel();
      button.focus();
    }
  });
  const r = button.getBoundingClientRect();
  panel.style.left = `${r.left}px`;
  panel.style.top = `${r.bottom + 4}px`;
  document.body.append(panel);
  button.setAttribute('aria-expanded', 'true');
  panel.querySelector<HTMLElement>('.wb-open[aria-current="true"]')?.focus();
}

/** Names a new workbook and picks its locale (the one on screen's by default). */
function newWorkbookDialog(list: WorkbookEntry[], locale: string, actions: SwitcherActions): void {
  const t = textsFor(locale);
  const before = document.activeElement as HTMLElement | null;
  const name = h('input', { id: 'wb-new-name', class: 'wb-field', autocomplete: 'off' }) as HTMLInputElement;
  const select = h(
    'select',
    { id: 'wb-new-locale', class: 'wb-field' },
    ...LOCALES.map(([value, label]) => h('option', { value, selected: value === locale }, label)),
  ) as HTMLSelectElement;
  if (!LOCALES.some(([v]) => v === locale))
    select.append(h('option', { value: locale, selected: true }, locale));
  const error = h('p', { class: 'wb-error', role: 'alert', id: 'wb-new-error' });
  const cancel = h('button', { type: 'button' }, t.cancel);
  const create = h('button', { type: 'submit', class: 'primary', id: 'wb-new-create' }, t.create);
  const close = () => {
    backdrop.remove();
    before?.focus();
  };
  cancel.addEventListener('click', close);
  const form = h(
    'form',
    { class: 'message wb-form' },
    h('label', { for: 'wb-new-name' }, t.name),
    name,
    h('label', { for: 'wb-new-locale' }, t.locale),
    select,
    h('p', { class: 'wb-hint' }, t.hint),
    error,
    h('div', { class: 'buttons' }, cancel, create),
  ) as HTMLFormElement;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const problem = nameProblem(
      name.value,
      list.map((w) => w.name),
      locale,
    );
    if (problem) {
      error.textContent = problem;
      name.focus();
      return;
    }
    create.setAttribute('disabled', '');
    void actions.create(name.value.trim(), select.value).then((refusal) => {
      create.removeAttribute('disabled');
      if (refusal === undefined) backdrop.remove();
      else error.textContent = refusal;
    });
  });
  const dialog = h(
    'div',
    { class: 'dialog wb-dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'wb-new-title' },
    h('div', { class: 'surface-head' }, h('h2', { class: 'surface-title', id: 'wb-new-title' }, t.newTitle)),
    form,
  );
  const backdrop = h('div', { class: 'backdrop' }, dialog);
  backdrop.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  });
  document.body.append(backdrop);
  name.focus();
}

/** Draws the switcher's button (the panel opens on a click) for the workbooks as they are now. */
export function renderSwitcher(
  root: HTMLElement,
  list: WorkbookEntry[],
  locale: string,
  actions: SwitcherActions,
): void {
  const t = textsFor(locale);
  const button = h(
    'button',
    {
      type: 'button',
      class: 'wb-button',
      id: 'workbooks-button',
      'aria-haspopup': 'dialog',
      'aria-expanded': 'false',
      'aria-controls': 'workbooks-panel',
    },
    t.button,
    h('span', { class: 'wb-count' }, String(list.length)),
    h('span', { class: 'wb-caret', 'aria-hidden': 'true' }, '▾'),
  );
  button.addEventListener('click', () => {
    if (panel) closePanel();
    else openPanel(button, list, locale, actions);
  });
  closePanel();
  root.replaceChildren(button);
}

document.addEventListener('mousedown', (e) => {
  const target = e.target as Element | null;
  if (panel && !target?.closest('.wb-panel, #workbooks-button')) closePanel();
});
