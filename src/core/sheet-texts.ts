import type { Lang } from './i18n';

/**
 * What the readers of the add-on's sheets say about a sheet they cannot read safely, in both
 * languages. Each text names the row or column and says what to do.
 */
export const SHEET_TEXTS = {
  en: {
    row: 'row',
    missingColumn: (header: string, headerRow: number) =>
      `Column "${header}" not found in the header row (row ${headerRow}): give the column its header back (or undo the change).`,
    doubledColumn: (header: string, letters: string[]) =>
      `Column "${header}" appears twice (${letters.join(', ')}): rename or remove one of them.`,
    noHeader: (sheet: string) =>
      `"${sheet}" has no header row (Objective ID, Objective, KR ID…) in its first rows: put the header row back (or undo the change).`,
    noMeta: (label: string, sheet: string) =>
      `The "${label}" cell was not found above the header row of "${sheet}": put the label "${label}" back in the first row, with its value on its right.`,
    bothIds:
      'an objective ID and a KR ID on one row: a row is an objective or a key result, clear one of them',
    noObjective: (id: string) => `no objective ${id} in this sheet (no row has it as its Objective ID)`,
    noObjectiveRow: (id: string) => `${id} (no objective row)`,
  },
  fr: {
    row: 'ligne',
    missingColumn: (header: string, headerRow: number) =>
      `Colonne «\u00a0${header}\u00a0» introuvable dans la ligne d’en-tête (ligne ${headerRow})\u00a0: rendez son en-tête à la colonne (ou annulez la modification).`,
    doubledColumn: (header: string, letters: string[]) =>
      `La colonne «\u00a0${header}\u00a0» apparaît deux fois (${letters.join(', ')})\u00a0: renommez ou supprimez l’une d’elles.`,
    noHeader: (sheet: string) =>
      `«\u00a0${sheet}\u00a0» n’a pas de ligne d’en-tête (ID objectif, Objectif, ID RC…) dans ses premières lignes\u00a0: remettez-la (ou annulez la modification).`,
    noMeta: (label: string, sheet: string) =>
      `La cellule «\u00a0${label}\u00a0» est introuvable au-dessus de l’en-tête de «\u00a0${sheet}\u00a0»\u00a0: remettez l’étiquette «\u00a0${label}\u00a0» en première ligne, sa valeur à sa droite.`,
    bothIds:
      'un ID objectif et un ID RC sur la même ligne\u00a0: une ligne est un objectif ou un résultat clé, videz l’un des deux',
    noObjective: (id: string) =>
      `aucun objectif ${id} dans cette feuille (aucune ligne ne l’a pour ID objectif)`,
    noObjectiveRow: (id: string) => `${id} (sans ligne d’objectif)`,
  },
} satisfies Record<Lang, Record<string, unknown>>;
