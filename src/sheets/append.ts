import { type CellValue, cellValue } from './cells';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Appends rows below a sheet's last row in one write (text made safe, never read as a formula);
 * `row`: that row when the caller has just read the last one.
 */
export function appendRows(sheet: Sheet, width: number, rows: readonly CellValue[][], row?: number): number {
  if (rows.length === 0) return row === undefined ? sheet.getLastRow() : row - 1;
  const at = row ?? sheet.getLastRow() + 1;
  const max = sheet.getMaxRows();
  if (at + rows.length - 1 > max) sheet.insertRowsAfter(max, at + rows.length - 1 - max + 50);
  sheet
    .getRange(at, 1, rows.length, width)
    .setValues(rows.map((r) => Array.from({ length: width }, (_, i) => cellValue(r[i]))));
  return at;
}
