import type { Cell } from '../core/cells';
import type { Lang } from '../core/i18n';
import {
  type ColumnMap,
  columnProblems,
  DATA_COLUMNS,
  findHeaderRow,
  findLabelled,
  mapColumns,
  type QuarterRead,
  readQuarter,
} from '../core/read-quarter';
import { SHEET_TEXTS } from '../core/sheet-texts';
import { quarterLayout } from './quarter-layout';
import { columnLetter } from './template';
import { QUARTER_META } from './texts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Column positions of the template (the log's name does not matter for reading). */
export const QUARTER = quarterLayout({ sheet: '', date: 'A', quarter: 'B', krId: 'C', value: 'D' });

/** A cell found by its label, 1-based, as the writers address it. */
export interface CellAt {
  row: number;
  col: number;
}

/** Where a sheet's rows start, and how its columns map, as read. */
export interface SheetRead extends QuarterRead {
  columns: ColumnMap;
  /** The header row (1-based) and the first data row below it. */
  headerRow: number;
  first: number;
  /** The last row holding data the user typed (computed columns run further down). */
  lastRow: number;
  /** The sheet's values as read, from row 1: writers change some of them without reading again. */
  values: Cell[][];
  /** The settings above the header, found by their labels (undefined when a label is gone). */
  meta: { quarter?: CellAt; asOf?: CellAt; fiscalStart?: CellAt; elapsed?: CellAt; ends?: CellAt };
  /**
   * Why the sheet can't be read safely (no header row, a data column missing or doubled): while
   * this is not empty, nothing may be written to the sheet.
   */
  structure: string[];
}

/** One read of the whole sheet (a single getValues), parsed into the quarter's objectives. */
export function readQuarterSheet(sheet: Sheet, lang: Lang, timeZone: string): SheetRead {
  const lastRow = Math.max(sheet.getLastRow(), 1);
  const width = Math.max(sheet.getLastColumn(), 1);
  const values = sheet.getRange(1, 1, lastRow, width).getValues() as Cell[][];
  const h = findHeaderRow(values, QUARTER.columns, ['objectiveId', 'objective', 'krId']);
  const headerRow = h + 1;
  const columns = mapColumns(h >= 0 ? (values[h] ?? []) : [], QUARTER.columns, columnLetter, lang);
  const structure =
    h < 0
      ? [SHEET_TEXTS[lang].noHeader(sheet.getName())]
      : columnProblems(columns, DATA_COLUMNS, headerRow, lang);
  const above = h >= 0 ? values.slice(0, h) : [];
  const at = (label: (typeof QUARTER_META)[keyof typeof QUARTER_META]): CellAt | undefined => {
    const p = findLabelled(above, label);
    return p && { row: p.row + 1, col: p.col + 1 };
  };
  const meta = {
    quarter: at(QUARTER_META.quarter),
    asOf: at(QUARTER_META.asOf),
    fiscalStart: at(QUARTER_META.fiscalStart),
    elapsed: at(QUARTER_META.elapsed),
    ends: at(QUARTER_META.ends),
  };
  const value = (p?: CellAt): Cell => (p ? (values[p.row - 1]?.[p.col - 1] ?? '') : '');
  const first = headerRow + 1;
  const read = readQuarter(
    h >= 0 && structure.length === 0 ? values.slice(h + 1) : [],
    columns,
    {
      label: value(meta.quarter),
      asOf: value(meta.asOf),
      fiscalStart: value(meta.fiscalStart),
      asOfLabel: `${QUARTER_META.asOf[lang]}${meta.asOf ? ` (${columnLetter(meta.asOf.col)}${meta.asOf.row})` : ''}`,
    },
    first,
    lang,
    () => timeZone,
  );
  // computed columns spill to the sheet's foot, so getLastRow() may be its last row: the data ends
  // at the last row holding something the user typed
  const typed = DATA_COLUMNS.map((k) => columns.index[k]).filter((i) => i >= 0);
  let dataLast = Math.max(headerRow, 1);
  values.forEach((row, i) => {
    if (
      i >= first - 1 &&
      typed.some((c) => row[c] !== '' && row[c] !== null && row[c] !== undefined && row[c] !== false)
    )
      dataLast = i + 1;
  });
  return { ...read, columns, headerRow, first, lastRow: dataLast, values, meta, structure };
}
