/**
 * A sheet as the page draws it: the emulator's view trimmed to its content (a template's
 * open-ended formulas make every sheet 1000 rows long) and sent without default values.
 */
import { CONNECT_MESSAGE, type SheetView, type ViewCell } from '../emulator';
import { isDate } from '../emulator/dates';
import { isDateFormat, isPercentFormat, localeSymbols } from '../emulator/format';
import type { GridCell, GridState } from './protocol';

/** Empty rows and columns shown past the content, for typing into. */
const MARGIN_ROWS = 20;
const MARGIN_COLS = 2;

function meaningful(c: ViewCell): boolean {
  return c.display !== '' || c.formula !== '' || c.note !== '' || c.checkbox !== undefined;
}

/** The rows and columns worth sending: the content plus a margin, never fewer than an empty sheet shows. */
export function contentSize(view: SheetView): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  view.cells.forEach((row, i) => {
    row.forEach((c, j) => {
      if (!meaningful(c)) return;
      rows = Math.max(rows, i + 1);
      cols = Math.max(cols, j + 1);
    });
  });
  // a chart below or right of the content needs the rows and columns it covers, to scroll to it
  for (const c of view.charts) {
    rows = Math.max(rows, c.anchor.row + Math.ceil((c.anchor.offsetY + c.height) / 21));
    let x = c.anchor.offsetX + c.width;
    let col = c.anchor.col;
    while (x > 0 && col <= view.columnWidths.length) x -= view.columnWidths[col++ - 1]!;
    cols = Math.max(cols, col - 1);
  }
  return {
    rows: Math.min(view.cells.length, Math.max(rows + MARGIN_ROWS, 30)),
    cols: Math.min(view.cells[0]?.length ?? 0, Math.max(cols + MARGIN_COLS, 26)),
  };
}

/** The shortest decimal that reads back as the same number (no float noise such as 0.30000000000000004). */
const plain = (n: number) => String(Number(n.toPrecision(15)));

/**
 * A formula shown in a comma-decimal locale's syntax: ';' between arguments and decimal commas,
 * as Sheets shows it there (the emulator reads it back with delocalize). Strings and quoted sheet
 * names are left alone.
 */
export function localizeFormula(formula: string): string {
  let out = '';
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      out += ch;
    } else if (ch === ',') out += ';';
    else if (ch === '.' && /\d/.test(formula[i - 1] ?? '') && /\d/.test(formula[i + 1] ?? '')) out += ',';
    else out += ch;
  }
  return out;
}

/** What Sheets' cell editor shows: the formula, a number at full precision, a percentage as one. */
export function editText(c: ViewCell, locale: string): string {
  const sym = localeSymbols(locale);
  if (c.formula) return sym.decimal === ',' ? localizeFormula(c.formula) : c.formula;
  if (typeof c.value === 'number') {
    if (isDateFormat(c.numberFormat)) return c.display;
    const text = isPercentFormat(c.numberFormat) ? `${plain(c.value * 100)}%` : plain(c.value);
    return sym.decimal === ',' ? text.replace('.', ',') : text;
  }
  if (typeof c.value === 'boolean') return c.value ? sym.trueText : sym.falseText;
  if (typeof c.value === 'string') return c.value;
  return c.display; // a Date
}

function alignOf(c: ViewCell): GridCell['align'] {
  if (c.align === 'center' || c.align === 'right' || c.align === 'left') return c.align;
  if (typeof c.value === 'boolean') return 'center';
  if (typeof c.value === 'number' || isDate(c.value)) return 'right';
  return undefined;
}

export function gridCell(c: ViewCell, locale: string): GridCell {
  const out: GridCell = { text: c.display };
  const edit = editText(c, locale);
  if (edit !== c.display) out.edit = edit;
  if (c.background.toLowerCase() !== '#ffffff') out.background = c.background;
  if (c.fontColor.toLowerCase() !== '#000000') out.color = c.fontColor;
  if (c.bold) out.bold = true;
  if (c.italic) out.italic = true;
  const align = alignOf(c);
  if (align && align !== 'left') out.align = align;
  if (c.wrap) out.wrap = true;
  if (c.note) out.note = c.note;
  if (c.error !== undefined) out.error = c.error;
  if (c.error === CONNECT_MESSAGE) out.allowAccess = true;
  if (c.checkbox !== undefined) out.checkbox = c.checkbox;
  if (c.options) out.options = c.options;
  if (c.invalid) out.invalid = true;
  if (c.protection) out.protection = c.protection;
  if (c.sparkline) out.sparkline = c.sparkline;
  return out;
}

/** The view as the page gets it (the session adds the menus, the file and whether it can undo). */
export function gridOf(view: SheetView): Omit<GridState, 'menus' | 'spreadsheet' | 'canUndo'> {
  const size = contentSize(view);
  const hidden = new Set(view.hiddenColumns);
  return {
    tabs: view.sheets.map((s) => ({ name: s.name, color: s.tabColor, hidden: s.hidden, active: s.active })),
    sheet: view.name,
    frozenRows: view.frozenRows,
    frozenColumns: view.frozenColumns,
    columns: view.columnWidths.slice(0, size.cols).map((width, j) => ({ width, hidden: hidden.has(j + 1) })),
    rows: view.cells
      .slice(0, size.rows)
      .map((row) => row.slice(0, size.cols).map((c) => gridCell(c, view.spreadsheet.locale))),
    charts: view.charts,
    toasts: view.toasts,
  };
}
