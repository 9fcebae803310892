/**
 * The "Allow access" button the grid puts on an IMPORTRANGE cell waiting for it, in the workbook's
 * language ("Autoriser l’accès" in French, as Sheets says), with the whole of it as a tooltip for a
 * cell too narrow to show it. Watches the grid, since it draws cells again on its own (after an edit).
 */
const LABELS = {
  en: {
    label: 'Allow access',
    tip: 'Allow access: this spreadsheet may import the data of the one this IMPORTRANGE names.',
  },
  fr: {
    label: 'Autoriser l’accès',
    tip: 'Autoriser l’accès\u00a0: ce classeur pourra importer les données de celui que nomme cet IMPORTRANGE.',
  },
};

export function localizeAllowAccess(grid: HTMLElement, locale: () => string): void {
  const apply = () => {
    const t = locale().toLowerCase().startsWith('fr') ? LABELS.fr : LABELS.en;
    for (const b of grid.querySelectorAll<HTMLButtonElement>('button.allow-access')) {
      // only when it differs: the change is itself a mutation this observer sees
      if (b.textContent !== t.label) b.textContent = t.label;
      if (b.title !== t.tip) b.title = t.tip;
    }
  };
  new MutationObserver(apply).observe(grid, { childList: true, subtree: true });
  apply();
}
