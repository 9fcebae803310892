import type { Cell } from '../core/cells';
import { type CellValue, cellValue } from './cells';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * New values for some cells of one column, written in one read of its formulas and one write.
 * Only the rows from the first to the last changed one are written; the cells between that don't
 * change are written back as they were (formulas as formulas, text as text), so a user's own
 * formula or typed text is never lost. No other column is touched.
 */
export class ColumnWrite {
  private readonly formulas: string[][] = [];
  private readonly lo: number;
  private readonly hi: number;

  constructor(
    private readonly sheet: Sheet,
    /** The sheet as just read (from row 1, under the same lock): its values are not read twice. */
    private readonly values: readonly (readonly Cell[])[],
    /** 1-based column. */
    private readonly col: number,
    /** Sheet row → new value. */
    private readonly updates: ReadonlyMap<number, CellValue>,
  ) {
    const rows = [...updates.keys()];
    this.lo = Math.min(...rows);
    this.hi = Math.max(...rows);
    if (rows.length) this.formulas = sheet.getRange(this.lo, col, this.hi - this.lo + 1, 1).getFormulas();
  }

  /** The formula in a row of the column, '' when it holds a value. */
  formulaAt(row: number): string {
    return this.formulas[row - this.lo]?.[0] ?? '';
  }

  write(): void {
    if (this.updates.size === 0) return;
    const out = this.formulas.map((f, r) => {
      const row = this.lo + r;
      const update = this.updates.get(row);
      if (update !== undefined) return [cellValue(update)];
      return [f[0] ? f[0] : cellValue((this.values[row - 1]?.[this.col - 1] ?? '') as CellValue)];
    });
    this.sheet.getRange(this.lo, this.col, out.length, 1).setValues(out);
  }
}
