import type { Cell } from '../core/cells';
import { cellValue } from './cells';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Changes some cells of a block of columns in one read of its formulas and one write: the cells
 * not changed are written back as they were (formulas as formulas, text as text), so a user's
 * own formula or typed text is never lost. `values` is the sheet as just read (from row 1, under
 * the same lock): its values are not read twice.
 */
export function writeBack(
  sheet: Sheet,
  values: readonly (readonly Cell[])[],
  firstRow: number,
  lastRow: number,
  firstCol: number,
  lastCol: number,
  /** Sheet row → (0-based column → new value). */
  updates: ReadonlyMap<number, ReadonlyMap<number, unknown>>,
): void {
  const [lo, hi] = [Math.min(firstCol, lastCol), Math.max(firstCol, lastCol)];
  const rows = lastRow - firstRow + 1;
  if (rows <= 0) return;
  const range = sheet.getRange(firstRow, lo + 1, rows, hi - lo + 1);
  const formulas = range.getFormulas();
  const block = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: hi - lo + 1 }, (_, c) => values[firstRow - 1 + r]?.[lo + c] ?? ''),
  );
  const out = block.map((row, r) =>
    row.map((v, c) => {
      const update = updates.get(firstRow + r)?.get(lo + c);
      if (update !== undefined) return cellValue(update as Cell as never);
      const f = formulas[r]?.[c];
      return f ? f : cellValue(v as never);
    }),
  );
  range.setValues(out);
}
