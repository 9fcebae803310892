import * as z from 'zod/mini';
import type { Lang } from '../core/i18n';
import { openContext, parsePayload, UserError } from './context';

export const selectRowSchema = z.object({
  sheet: z.string().check(z.minLength(1), z.maxLength(200)),
  row: z.number().check(z.int()),
});

const TEXTS = {
  en: {
    noSheet: (sheet: string) => `No sheet named "${sheet}" in this spreadsheet: nothing was selected.`,
    noRow: (row: number, sheet: string, last: number) =>
      `Row ${row} is not in "${sheet}" (rows 1 to ${last}): nothing was selected.`,
  },
  fr: {
    noSheet: (sheet: string) =>
      `Aucune feuille «\u00a0${sheet}\u00a0» dans ce classeur\u00a0: rien n’a été sélectionné.`,
    noRow: (row: number, sheet: string, last: number) =>
      `La ligne ${row} n’est pas dans «\u00a0${sheet}\u00a0» (lignes 1 à ${last})\u00a0: rien n’a été sélectionné.`,
  },
} satisfies Record<Lang, Record<string, unknown>>;

/**
 * Selects a row of a sheet (the health check's "Go to row"): the sheet becomes the active one and
 * the row's cells, up to its last column, the selection. It writes nothing; a sheet or row that is
 * not there is named, and nothing moves.
 */
export function selectRow(payload: unknown) {
  const ctx = openContext();
  const p = parsePayload(selectRowSchema, payload, ctx.lang);
  const t = TEXTS[ctx.lang];
  const sheet = ctx.ss.getSheetByName(p.sheet);
  if (!sheet) throw new UserError(t.noSheet(p.sheet));
  const last = sheet.getMaxRows();
  if (p.row < 1 || p.row > last) throw new UserError(t.noRow(p.row, p.sheet, last));
  const range = sheet.getRange(p.row, 1, 1, Math.max(sheet.getLastColumn(), 1));
  range.activate();
  return { sheet: p.sheet, row: p.row, a1: range.getA1Notation() };
}
