/**
 * What the playground draws and how a user's typing lands: a sheet as a grid of display values with
 * each cell's effective style (conditional formats applied), checkboxes, dropdowns, notes and
 * protection; and an edit applied the way Sheets' UI applies it (USER_ENTERED, validation, the
 * warning of a warning-only protection, the onEdit trigger).
 */
import { type Area, contains } from './a1';
import { type ChartView, chartTable, DEFAULT_CHART_SIZE } from './chart-drawing';
import type { ChartModel } from './charts';
import { DEFAULT_BACKGROUND, DEFAULT_FONT_COLOR } from './colors';
import { ruleMatches } from './conditional';
import { isDate } from './dates';
import { isEngineError } from './engine';
import { commaDecimal, parseTyped } from './entry';
import { delocalize } from './formulas';
import type { SheetModel } from './model';
import { EmuRange } from './range';
import type { SparklineSpec } from './sparkline';
import { spreadsheetObject } from './spreadsheet';
import { dropdownOptions, passes, rejection } from './validation';
import type { GasValue, WorkbookCore } from './workbook-core';

export interface ViewCell {
  value: GasValue;
  display: string;
  /** The formula, as getFormula shows it ('' when none). */
  formula: string;
  numberFormat: string;
  background: string;
  fontColor: string;
  bold: boolean;
  italic: boolean;
  align: string;
  wrap: boolean;
  note: string;
  /** The message of an error cell (custom function errors, #REF! spill notes…). */
  error?: string;
  /** For a checkbox cell: whether it is checked. */
  checkbox?: boolean;
  /** For a dropdown cell: its options. */
  options?: string[];
  /** The value fails the cell's validation (allowed with a warning). */
  invalid?: boolean;
  /** Covered by a protection: 'warning' (asks first) or 'locked'. */
  protection?: 'warning' | 'locked';
  /** A SPARKLINE cell: the chart it draws (its value is blank). */
  sparkline?: SparklineSpec;
}

export interface SheetTab {
  name: string;
  index: number;
  sheetId: number;
  tabColor: string | null;
  hidden: boolean;
  active: boolean;
}

export interface SheetView {
  spreadsheet: { name: string; locale: string; timeZone: string };
  sheets: SheetTab[];
  name: string;
  maxRows: number;
  maxColumns: number;
  lastRow: number;
  lastColumn: number;
  frozenRows: number;
  frozenColumns: number;
  /** Width in pixels of each shown column, from column 1. */
  columnWidths: number[];
  hiddenColumns: number[];
  rowGroupDepths: Record<number, number>;
  cells: ViewCell[][];
  /** The sheet's embedded charts with their data read now (chart-drawing.ts draws them). */
  charts: ChartView[];
  toasts: { message: string; title: string; timeoutSeconds: number }[];
}

export interface ViewOptions {
  /** Rows and columns to show (by default the content plus a margin, within the sheet). */
  rows?: number;
  cols?: number;
}

function protectionOf(sheet: SheetModel, row: number, col: number): 'warning' | 'locked' | undefined {
  let found: 'warning' | 'locked' | undefined;
  for (const p of sheet.protections) {
    const area: Area = p.area ?? { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols };
    if (!contains(area, row, col)) continue;
    if (p.unprotected.some((u) => contains(u, row, col))) continue;
    if (!p.warningOnly) return 'locked';
    found = 'warning';
  }
  return found;
}

/**
 * How an area is protected against the user: 'warning' when any of its cells is in a warning-only
 * protection (Sheets asks before changing it), 'locked' when in another, else undefined.
 */
export function protectionIn(sheet: SheetModel, area: Area): 'warning' | 'locked' | undefined {
  let found: 'warning' | 'locked' | undefined;
  for (let r = area.row; r < area.row + area.numRows; r++) {
    for (let c = area.col; c < area.col + area.numCols; c++) {
      const p = protectionOf(sheet, r, c);
      if (p === 'warning') return p;
      found ??= p;
    }
  }
  return found;
}

/** A chart with its ranges' current values (a range on a sheet gone is left out). */
function chartView(wb: WorkbookCore, c: ChartModel): ChartView {
  const ranges = c.ranges.flatMap((r) => {
    const sheet = wb.sheetByGid(r.sheet);
    return sheet ? [{ values: wb.values(sheet, r.area), displays: wb.displayValues(sheet, r.area) }] : [];
  });
  const size = (key: 'width' | 'height') => {
    const v = c.options[key];
    return typeof v === 'number' && v > 0 ? v : DEFAULT_CHART_SIZE[key];
  };
  return {
    id: c.id,
    type: c.type,
    anchor: { ...c.anchor },
    width: size('width'),
    height: size('height'),
    options: structuredClone(c.options),
    ...chartTable(ranges, c.numHeaders, c.transpose),
    locale: wb.locale,
  };
}

export function sheetView(wb: WorkbookCore, sheet: SheetModel, opts: ViewOptions = {}): SheetView {
  const ext = wb.extent(sheet);
  const rows = Math.max(1, Math.min(sheet.maxRows, opts.rows ?? Math.max(ext.rows + 20, 30)));
  const cols = Math.max(1, Math.min(sheet.maxCols, opts.cols ?? Math.max(ext.cols + 2, 26)));
  const area = { row: 1, col: 1, numRows: rows, numCols: cols };
  const values = wb.values(sheet, area);
  const displays = wb.displayValues(sheet, area);
  const cells = values.map((rowValues, i) =>
    rowValues.map((value, j): ViewCell => {
      const r = i + 1;
      const c = j + 1;
      const m = sheet.cellMeta(r, c);
      const display = displays[i]![j]!;
      const cell: ViewCell = {
        value,
        display,
        formula: wb.formula(sheet, r, c),
        numberFormat: wb.numberFormat(sheet, r, c) ?? 'General',
        background: m?.background ?? DEFAULT_BACKGROUND,
        fontColor: m?.fontColor ?? DEFAULT_FONT_COLOR,
        bold: m?.fontWeight === 'bold',
        italic: false,
        align: m?.hAlign ?? 'general',
        wrap: m?.wrap ?? false,
        note: m?.note ?? '',
      };
      const rule = sheet.cfRules.find((rl) => ruleMatches(wb, sheet, rl, r, c, value, display));
      if (rule) {
        const f = rule.format;
        if (f.background) cell.background = f.background;
        if (f.fontColor) cell.fontColor = f.fontColor;
        if (f.bold !== undefined && f.bold !== null) cell.bold = f.bold;
        if (f.italic !== undefined && f.italic !== null) cell.italic = f.italic;
      }
      if (typeof value === 'string' && value.startsWith('#')) {
        const message = wb.cellErrorMessage(sheet, r, c);
        if (message || isEngineError(wb.engine.value(sheet.engineId, r - 1, c - 1))) cell.error = message;
      }
      const v = m?.validation;
      if (v?.criteria === 'CHECKBOX') cell.checkbox = value === (v.values.length ? v.values[0] : true);
      if (v) {
        const options = dropdownOptions(wb, v);
        if (options) cell.options = options;
        if (value !== '' && !passes(wb, v, value)) cell.invalid = true;
      }
      const p = protectionOf(sheet, r, c);
      if (p) cell.protection = p;
      if (cell.formula !== '' && value === '') {
        const spark = wb.sparklineAt(sheet, r, c);
        if (spark) cell.sparkline = spark;
      }
      return cell;
    }),
  );
  const widths = Array.from({ length: cols }, (_, j) => sheet.widths.get(j + 1) ?? 100);
  return {
    spreadsheet: { name: wb.name, locale: wb.locale, timeZone: wb.timeZone },
    sheets: wb.sheets.map((s, i) => ({
      name: s.name,
      index: i + 1,
      sheetId: s.gid,
      tabColor: s.tabColor,
      hidden: s.hidden,
      active: s === wb.active,
    })),
    name: sheet.name,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxCols,
    lastRow: ext.rows,
    lastColumn: ext.cols,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenCols,
    columnWidths: widths,
    hiddenColumns: [...sheet.hiddenCols].sort((a, b) => a - b),
    rowGroupDepths: Object.fromEntries(sheet.groupDepth),
    cells,
    charts: sheet.charts.map((c) => chartView(wb, c)),
    toasts: [...wb.toasts],
  };
}

export type EditResult =
  | { status: 'applied'; invalid?: string }
  | { status: 'rejected'; message: string }
  | { status: 'needs-confirmation'; message: string };

/** Sheets' warning before an edit in a warning-only protected range [UNVERIFIED wording]. */
export const PROTECTION_WARNING =
  "You're trying to edit part of this sheet that shouldn't be changed accidentally. Edit anyway?";

/**
 * A user's typing in one cell, as Sheets' UI takes it: parsed in the spreadsheet's locale (a formula
 * typed with ';' and decimal commas in a comma-decimal locale), checked against the cell's validation
 * (rejected when invalid input is not allowed), confirmed first in a warning-only protected range;
 * then onEdit runs if the bundle has one.
 */
export function editCell(
  wb: WorkbookCore,
  sheet: SheetModel,
  row: number,
  col: number,
  text: string,
  opts: { confirm?: boolean } = {},
): EditResult {
  const area = { row, col, numRows: 1, numCols: 1 };
  if (protectionOf(sheet, row, col) === 'warning' && !opts.confirm) {
    return { status: 'needs-confirmation', message: PROTECTION_WARNING };
  }
  const typed = commaDecimal(wb.locale) && text.startsWith('=') ? delocalize(text) : text;
  const entry = parseTyped(typed, wb.locale, { format: sheet.cellMeta(row, col)?.numberFormat });
  const v = sheet.cellMeta(row, col)?.validation;
  let invalid: string | undefined;
  if (v && entry.kind === 'value') {
    const asValue: GasValue =
      typeof entry.value === 'number' && entry.format && /[dy]/i.test(entry.format)
        ? wb.dateOf(entry.value)
        : entry.value;
    if (!passes(wb, v, asValue)) {
      if (!v.allowInvalid) return { status: 'rejected', message: rejection(v) };
      invalid = rejection(v);
    }
  }
  const oldValue = wb.values(sheet, area)[0]![0]!;
  wb.writeEntries(sheet, area, [[entry]]);
  const newValue = wb.values(sheet, area)[0]![0]!;
  const event: Record<string, unknown> = {
    authMode: 'LIMITED',
    range: new EmuRange(wb, sheet, area),
    source: spreadsheetObject(wb),
    user: { email: '', nickname: '' },
  };
  if (newValue !== '') event.value = isDate(newValue) ? newValue : String(newValue);
  if (oldValue !== '') event.oldValue = isDate(oldValue) ? oldValue : String(oldValue);
  wb.bundle?.trigger('onEdit', event);
  return invalid ? { status: 'applied', invalid } : { status: 'applied' };
}

/** A click on a checkbox: checked ↔ unchecked (its custom values when it has them). */
export function toggleCheckbox(
  wb: WorkbookCore,
  sheet: SheetModel,
  row: number,
  col: number,
  opts: { confirm?: boolean } = {},
): EditResult {
  const v = sheet.cellMeta(row, col)?.validation;
  if (v?.criteria !== 'CHECKBOX') return { status: 'rejected', message: 'This cell has no checkbox.' };
  const [on, off] = v.values.length ? v.values : [true, false];
  const cur = wb.values(sheet, { row, col, numRows: 1, numCols: 1 })[0]![0];
  const next = cur === on ? off : on;
  const text = typeof next === 'boolean' ? (next ? 'TRUE' : 'FALSE') : String(next);
  return editCell(wb, sheet, row, col, text, opts);
}
