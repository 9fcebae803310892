import type { Cell } from '../core/cells';
import type { Lang } from '../core/i18n';
import { type ColumnMap, mapColumns, type QuarterRead, readQuarter } from '../core/read-quarter';
import { META, quarterLayout } from './quarter-layout';
import { columnLetter } from './template';
import { QUARTER_META } from './texts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Column positions of the template (the log's name does not matter for reading). */
export const QUARTER = quarterLayout({ sheet: '', date: 'A', quarter: 'B', krId: 'C', value: 'D' });

/** Where a sheet's rows start, and how its columns map, as read. */
export interface SheetRead extends QuarterRead {
  columns: ColumnMap;
  /** The last row holding data the user typed (computed columns run further down). */
  lastRow: number;
  /** The sheet's values as read, from row 1: writers change some of them without reading again. */
  values: Cell[][];
}

const cellAt = (values: Cell[][], a1: string): Cell => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = m[1]!.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return values[Number(m[2]) - 1]?.[col - 1] ?? '';
};

/** One read of the whole sheet (a single getValues), parsed into the quarter's objectives. */
export function readQuarterSheet(sheet: Sheet, lang: Lang, timeZone: string): SheetRead {
  const lastRow = Math.max(sheet.getLastRow(), QUARTER.headerRow);
  const width = Math.max(sheet.getLastColumn(), QUARTER.width);
  const values = sheet.getRange(1, 1, lastRow, width).getValues() as Cell[][];
  const columns = mapColumns(values[QUARTER.headerRow - 1] ?? [], QUARTER.columns, columnLetter);
  const read = readQuarter(
    values.slice(QUARTER.first - 1),
    columns,
    {
      label: cellAt(values, META.quarter),
      asOf: cellAt(values, META.asOf),
      fiscalStart: cellAt(values, META.fiscalStart),
      asOfLabel: `${QUARTER_META.asOf[lang]} (${META.asOf})`,
    },
    QUARTER.first,
    lang,
    () => timeZone,
  );
  // computed columns spill to the sheet's foot, so getLastRow() may be its last row: the data ends
  // at the last row holding something the user typed
  const index = columns.index as Record<string, number>;
  const typed = QUARTER.columns.filter((c) => !c.formula).map((c) => index[c.key]!);
  let dataLast = QUARTER.headerRow;
  values.forEach((row, i) => {
    if (i >= QUARTER.headerRow && typed.some((c) => row[c] !== '' && row[c] !== null && row[c] !== undefined))
      dataLast = i + 1;
  });
  return { ...read, columns, lastRow: dataLast, values };
}
