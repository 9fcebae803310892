/**
 * Range: a rectangle of one sheet, fixed at the coordinates it was made with (as in Apps Script, a
 * Range does not follow inserted rows). Values in and out follow Sheets' rules (workbook-core.ts).
 */
import { type Area, a1Of } from './a1';
import { DEFAULT_BACKGROUND, DEFAULT_FONT_COLOR, normalizeColor } from './colors';
import { parseTyped } from './entry';
import { checkArgs, exception, signatureError } from './errors';
import { shiftRelative } from './formulas';
import type { Api } from './gas-types';
import { type CellMeta, clearFormatKeys, type SheetModel } from './model';
import { PASTE_NORMAL, PASTE_VALUES, type PasteParts, pasteBlock } from './paste';
import { type EmuProtection, newProtection } from './protection';
import { type EmuSheet, sheetObject } from './sheet';
import { type SortKey, sortRows } from './sort';
import { EmuDataValidation } from './validation';
import type { GasValue, WorkbookCore } from './workbook-core';

type Real = GoogleAppsScript.Spreadsheet.Range;
type Methods =
  | 'activate'
  | 'check'
  | 'clear'
  | 'clearContent'
  | 'clearDataValidations'
  | 'clearFormat'
  | 'clearNote'
  | 'copyTo'
  | 'getA1Notation'
  | 'getBackground'
  | 'getBackgrounds'
  | 'getCell'
  | 'getColumn'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFontColor'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'getFormula'
  | 'getFormulas'
  | 'getGridId'
  | 'getHeight'
  | 'getHorizontalAlignment'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getNote'
  | 'getNotes'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getNumColumns'
  | 'getNumRows'
  | 'getRow'
  | 'getSheet'
  | 'getValue'
  | 'getValues'
  | 'getWidth'
  | 'getWrap'
  | 'insertCheckboxes'
  | 'isBlank'
  | 'isChecked'
  | 'offset'
  | 'protect'
  | 'removeCheckboxes'
  | 'setBackground'
  | 'setBackgrounds'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'setFontColor'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'setFormula'
  | 'setFormulas'
  | 'setHorizontalAlignment'
  | 'setHorizontalAlignments'
  | 'setNote'
  | 'setNotes'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setValue'
  | 'setValues'
  | 'setWrap'
  | 'shiftRowGroupDepth'
  | 'sort'
  | 'uncheck';

const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);

/** The checks and messages of getRange(row, column, numRows, numColumns) and offset [EMU]. */
export function checkGrid(sheet: SheetModel, area: Area): void {
  if (area.row < 1) throw exception('The starting row of the range is too small.');
  if (area.col < 1) throw exception('The starting column of the range is too small.');
  if (area.numRows < 1) throw exception('The number of rows in the range must be at least 1.');
  if (area.numCols < 1) throw exception('The number of columns in the range must be at least 1.');
  if (area.row + area.numRows - 1 > sheet.maxRows || area.col + area.numCols - 1 > sheet.maxCols) {
    throw exception('The coordinates of the range are outside the dimensions of the sheet.');
  }
}

/** The [EMU] messages when data and range sizes differ. */
function checkDims(data: unknown, area: Area, method: string): unknown[][] {
  checkArgs(`Range.${method}`, [data], Array.isArray(data) && data.every((r) => Array.isArray(r)));
  const rows = data as unknown[][];
  if (rows.length !== area.numRows) {
    throw exception(
      `The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${area.numRows}.`,
    );
  }
  for (const r of rows) {
    if (r.length !== area.numCols) {
      throw exception(
        `The number of columns in the data does not match the number of columns in the range. The data has ${r.length} but the range has ${area.numCols}.`,
      );
    }
  }
  return rows;
}

/**
 * sort's argument: a column number, { column, ascending }, or an array of them; the column is the
 * sheet's (1 = A) and must lie in the range [DOC* RANGE#sort; message UNVERIFIED].
 */
export function sortKeys(spec: unknown, area: Area, method: string): SortKey[] {
  const one = (s: unknown): SortKey => {
    if (isInt(s)) return { column: s, ascending: true };
    if (
      s !== null &&
      typeof s === 'object' &&
      !Array.isArray(s) &&
      isInt((s as { column?: unknown }).column)
    ) {
      const { column, ascending } = s as { column: number; ascending?: unknown };
      return { column, ascending: ascending === undefined ? true : Boolean(ascending) };
    }
    throw signatureError(method, [spec]);
  };
  const keys = Array.isArray(spec) ? spec.map(one) : [one(spec)];
  if (keys.length === 0) throw signatureError(method, [spec]);
  for (const k of keys) {
    if (k.column < area.col || k.column >= area.col + area.numCols) {
      throw exception(`Sort column ${k.column} is outside the range ${a1Of(area)}.`);
    }
  }
  return keys;
}

/** setNotes writes numbers the way Java prints doubles ("25.0"), setNote does not [ODD]. */
function noteText(v: unknown, javaNumbers: boolean): string | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'number' && javaNumbers && Number.isInteger(v)) return `${v}.0`;
  return String(v);
}

export class EmuRange implements Api<Real, Methods> {
  constructor(
    private readonly wb: WorkbookCore,
    readonly model: SheetModel,
    readonly area: Area,
  ) {}

  private hit(method: string, write = false): void {
    this.wb.hit(`Range.${method}`, write);
  }

  /** A read call: counted, with the cells it hands back (one for a single-cell getter). */
  private read(method: string, cells = this.area.numRows * this.area.numCols): void {
    this.hit(method);
    this.wb.counter.read(cells);
  }

  private grid<T>(fn: (row: number, col: number) => T): T[][] {
    const { row, col, numRows, numCols } = this.area;
    return Array.from({ length: numRows }, (_, i) =>
      Array.from({ length: numCols }, (_, j) => fn(row + i, col + j)),
    );
  }

  private meta(row: number, col: number): CellMeta | undefined {
    return this.model.cellMeta(row, col);
  }

  private each(fn: (m: CellMeta, row: number, col: number) => void): void {
    for (let i = 0; i < this.area.numRows; i++) {
      for (let j = 0; j < this.area.numCols; j++) {
        const r = this.area.row + i;
        const c = this.area.col + j;
        fn(this.model.editMeta(r, c), r, c);
      }
    }
  }

  private eachFrom<T>(
    data: unknown,
    method: string,
    fn: (m: CellMeta, v: T, row: number, col: number) => void,
  ) {
    const rows = checkDims(data, this.area, method) as T[][];
    this.each((m, r, c) => fn(m, rows[r - this.area.row]![c - this.area.col]!, r, c));
  }

  private done(): this {
    this.model.prune();
    this.wb.changed();
    return this;
  }

  // --- where ---

  activate(): EmuRange {
    this.hit('activate');
    this.wb.active = this.model;
    this.wb.selection.set(this.model, { ...this.area });
    return this;
  }

  getA1Notation(): string {
    this.hit('getA1Notation');
    return a1Of(this.area);
  }

  getRow(): number {
    this.hit('getRow');
    return this.area.row;
  }

  getColumn(): number {
    this.hit('getColumn');
    return this.area.col;
  }

  getNumRows(): number {
    this.hit('getNumRows');
    return this.area.numRows;
  }

  getNumColumns(): number {
    this.hit('getNumColumns');
    return this.area.numCols;
  }

  getHeight(): number {
    this.hit('getHeight');
    return this.area.numRows;
  }

  getWidth(): number {
    this.hit('getWidth');
    return this.area.numCols;
  }

  getLastRow(): number {
    this.hit('getLastRow');
    return this.area.row + this.area.numRows - 1;
  }

  getLastColumn(): number {
    this.hit('getLastColumn');
    return this.area.col + this.area.numCols - 1;
  }

  getGridId(): number {
    this.hit('getGridId');
    return this.model.gid;
  }

  getSheet(): EmuSheet {
    this.hit('getSheet');
    return sheetObject(this.wb, this.model);
  }

  getCell(row: number, column: number): EmuRange {
    this.hit('getCell');
    checkArgs('Range.getCell', [row, column], isInt(row) && isInt(column));
    if (row < 1 || column < 1 || row > this.area.numRows || column > this.area.numCols) {
      throw exception('Cell reference out of range');
    }
    return new EmuRange(this.wb, this.model, {
      row: this.area.row + row - 1,
      col: this.area.col + column - 1,
      numRows: 1,
      numCols: 1,
    });
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): EmuRange {
    this.hit('offset');
    const args = [rowOffset, columnOffset, numRows, numColumns].filter((a) => a !== undefined);
    checkArgs('Range.offset', args, args.every(isInt));
    const area = {
      row: this.area.row + rowOffset,
      col: this.area.col + columnOffset,
      numRows: numRows ?? this.area.numRows,
      numCols: numColumns ?? this.area.numCols,
    };
    checkGrid(this.model, area);
    return new EmuRange(this.wb, this.model, area);
  }

  // --- values and formulas ---

  getValue(): GasValue {
    this.read('getValue', 1);
    return this.wb.values(this.model, { ...this.area, numRows: 1, numCols: 1 })[0]![0]!;
  }

  getValues(): GasValue[][] {
    this.read('getValues');
    return this.wb.values(this.model, this.area);
  }

  setValue(value: unknown): EmuRange {
    this.hit('setValue', true);
    this.wb.writeValues(
      this.model,
      this.area,
      this.grid(() => value),
    );
    return this;
  }

  setValues(values: unknown[][]): EmuRange {
    this.hit('setValues', true);
    this.wb.writeValues(this.model, this.area, checkDims(values, this.area, 'setValues'));
    return this;
  }

  getDisplayValue(): string {
    this.read('getDisplayValue', 1);
    return this.wb.displayValues(this.model, { ...this.area, numRows: 1, numCols: 1 })[0]![0]!;
  }

  getDisplayValues(): string[][] {
    this.read('getDisplayValues');
    return this.wb.displayValues(this.model, this.area);
  }

  getFormula(): string {
    this.read('getFormula', 1);
    return this.wb.formula(this.model, this.area.row, this.area.col);
  }

  getFormulas(): string[][] {
    this.read('getFormulas');
    return this.wb.formulas(this.model, this.area);
  }

  /** One formula for the whole range, its relative references moving from cell to cell. */
  setFormula(formula: string): EmuRange {
    this.hit('setFormula', true);
    checkArgs('Range.setFormula', [formula], typeof formula === 'string');
    const entries = this.grid((r, c) => {
      const f = shiftRelative(formula, r - this.area.row, c - this.area.col);
      return parseTyped(f, this.wb.locale);
    });
    this.wb.writeEntries(this.model, this.area, entries);
    return this;
  }

  setFormulas(formulas: string[][]): EmuRange {
    this.hit('setFormulas', true);
    const rows = checkDims(formulas, this.area, 'setFormulas');
    this.wb.writeEntries(
      this.model,
      this.area,
      rows.map((r) => r.map((f) => parseTyped(String(f ?? ''), this.wb.locale))),
    );
    return this;
  }

  isBlank(): boolean {
    this.hit('isBlank');
    const { row, col, numRows, numCols } = this.area;
    for (let i = 0; i < numRows; i++) {
      for (let j = 0; j < numCols; j++) {
        if (!this.wb.engine.isEmpty(this.model.engineId, row - 1 + i, col - 1 + j)) return false;
      }
    }
    return true;
  }

  // --- formats ---

  getNumberFormat(): string {
    this.read('getNumberFormat', 1);
    // 'General' for a cell never formatted [UNVERIFIED: older runtimes gave '0.###############'].
    return this.wb.numberFormat(this.model, this.area.row, this.area.col) ?? 'General';
  }

  getNumberFormats(): string[][] {
    this.read('getNumberFormats');
    return this.grid((r, c) => this.wb.numberFormat(this.model, r, c) ?? 'General');
  }

  setNumberFormat(numberFormat: string): EmuRange {
    this.hit('setNumberFormat', true);
    this.each((m) => {
      m.numberFormat = numberFormat === 'General' || numberFormat === '' ? undefined : numberFormat;
    });
    return this.done();
  }

  setNumberFormats(numberFormats: string[][]): EmuRange {
    this.hit('setNumberFormats', true);
    this.eachFrom<string>(numberFormats, 'setNumberFormats', (m, f) => {
      m.numberFormat = !f || f === 'General' ? undefined : f;
    });
    return this.done();
  }

  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    this.read('getFontWeight', 1);
    return this.meta(this.area.row, this.area.col)?.fontWeight ?? 'normal';
  }

  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    this.read('getFontWeights');
    return this.grid((r, c) => this.meta(r, c)?.fontWeight ?? 'normal');
  }

  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): EmuRange {
    this.hit('setFontWeight', true);
    this.each((m) => {
      m.fontWeight = fontWeight === 'bold' ? 'bold' : undefined;
    });
    return this.done();
  }

  setFontWeights(fontWeights: (GoogleAppsScript.Spreadsheet.FontWeight | null)[][]): EmuRange {
    this.hit('setFontWeights', true);
    this.eachFrom<string | null>(fontWeights, 'setFontWeights', (m, w) => {
      m.fontWeight = w === 'bold' ? 'bold' : undefined;
    });
    return this.done();
  }

  getFontColor(): string {
    this.read('getFontColor', 1);
    return this.meta(this.area.row, this.area.col)?.fontColor ?? DEFAULT_FONT_COLOR;
  }

  setFontColor(color: string | null): EmuRange {
    this.hit('setFontColor', true);
    this.each((m) => {
      m.fontColor = color ? normalizeColor(color) : undefined;
    });
    return this.done();
  }

  getBackground(): string {
    this.read('getBackground', 1);
    return this.meta(this.area.row, this.area.col)?.background ?? DEFAULT_BACKGROUND;
  }

  getBackgrounds(): string[][] {
    this.read('getBackgrounds');
    return this.grid((r, c) => this.meta(r, c)?.background ?? DEFAULT_BACKGROUND);
  }

  setBackground(color: string | null): EmuRange {
    this.hit('setBackground', true);
    this.each((m) => {
      m.background = color ? normalizeColor(color) : undefined;
    });
    return this.done();
  }

  setBackgrounds(color: (string | null)[][]): EmuRange {
    this.hit('setBackgrounds', true);
    this.eachFrom<string | null>(color, 'setBackgrounds', (m, c) => {
      m.background = c ? normalizeColor(c) : undefined;
    });
    return this.done();
  }

  getHorizontalAlignment(): string {
    this.read('getHorizontalAlignment', 1);
    return this.meta(this.area.row, this.area.col)?.hAlign ?? 'general';
  }

  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): EmuRange {
    this.hit('setHorizontalAlignment', true);
    this.each((m) => {
      m.hAlign = alignment && alignment !== 'normal' ? alignment : undefined;
    });
    return this.done();
  }

  /** One alignment per cell, in one call; null or 'normal' is the default [DOC Range#setHorizontalAlignments]. */
  setHorizontalAlignments(alignments: (string | null)[][]): EmuRange {
    this.hit('setHorizontalAlignments', true);
    this.eachFrom<string | null>(alignments, 'setHorizontalAlignments', (m, a) => {
      m.hAlign = a && a !== 'normal' ? a : undefined;
    });
    return this.done();
  }

  getWrap(): boolean {
    this.read('getWrap', 1);
    return this.meta(this.area.row, this.area.col)?.wrap ?? false;
  }

  setWrap(isWrapEnabled: boolean): EmuRange {
    this.hit('setWrap', true);
    this.each((m) => {
      m.wrap = isWrapEnabled ? true : undefined;
    });
    return this.done();
  }

  // --- notes ---

  getNote(): string {
    this.read('getNote', 1);
    return this.meta(this.area.row, this.area.col)?.note ?? '';
  }

  getNotes(): string[][] {
    this.read('getNotes');
    return this.grid((r, c) => this.meta(r, c)?.note ?? '');
  }

  setNote(note: string | null): EmuRange {
    this.hit('setNote', true);
    this.each((m) => {
      m.note = noteText(note, false);
    });
    return this.done();
  }

  setNotes(notes: unknown[][]): EmuRange {
    this.hit('setNotes', true);
    this.eachFrom<unknown>(notes, 'setNotes', (m, n) => {
      m.note = noteText(n, true);
    });
    return this.done();
  }

  clearNote(): EmuRange {
    this.hit('clearNote', true);
    this.each((m) => {
      m.note = undefined;
    });
    return this.done();
  }

  // --- validation and checkboxes ---

  getDataValidation(): EmuDataValidation | null {
    this.read('getDataValidation', 1);
    const v = this.meta(this.area.row, this.area.col)?.validation;
    return v ? new EmuDataValidation(this.wb, v) : null;
  }

  getDataValidations(): (EmuDataValidation | null)[][] {
    this.read('getDataValidations');
    return this.grid((r, c) => {
      const v = this.meta(r, c)?.validation;
      return v ? new EmuDataValidation(this.wb, v) : null;
    });
  }

  setDataValidation(rule: EmuDataValidation | null): EmuRange {
    this.hit('setDataValidation', true);
    checkArgs('Range.setDataValidation', [rule], rule === null || rule instanceof EmuDataValidation);
    this.each((m) => {
      m.validation = rule ? rule.snapshot() : undefined;
    });
    return this.done();
  }

  setDataValidations(rules: (EmuDataValidation | null)[][]): EmuRange {
    this.hit('setDataValidations', true);
    this.eachFrom<EmuDataValidation | null>(rules, 'setDataValidations', (m, rule) => {
      m.validation = rule ? rule.snapshot() : undefined;
    });
    return this.done();
  }

  clearDataValidations(): EmuRange {
    this.hit('clearDataValidations', true);
    this.each((m) => {
      m.validation = undefined;
    });
    return this.done();
  }

  /** Checkboxes with true/false (or the given values); every cell is set unchecked [DOC*]. */
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): EmuRange {
    this.hit('insertCheckboxes', true);
    const values = checkedValue === undefined ? [] : [checkedValue, uncheckedValue ?? ''];
    this.each((m) => {
      m.validation = { criteria: 'CHECKBOX', values, allowInvalid: true, helpText: null };
    });
    const unchecked = checkedValue === undefined ? false : (uncheckedValue ?? '');
    this.wb.writeValues(
      this.model,
      this.area,
      this.grid(() => unchecked),
    );
    return this.done();
  }

  /** Removes checkboxes; a cell holding the checked or unchecked value is cleared too [DOC*]. */
  removeCheckboxes(): EmuRange {
    this.hit('removeCheckboxes', true);
    const values = this.wb.values(this.model, this.area);
    this.each((m, r, c) => {
      const v = m.validation;
      if (v?.criteria !== 'CHECKBOX') return;
      const [on, off] = v.values.length ? v.values : [true, false];
      const cur = values[r - this.area.row]![c - this.area.col];
      m.validation = undefined;
      if (cur === on || cur === off)
        this.wb.clearContents(this.model, { row: r, col: c, numRows: 1, numCols: 1 });
    });
    return this.done();
  }

  private setChecked(on: boolean): void {
    const values = this.grid((r, c) => {
      const v = this.meta(r, c)?.validation;
      if (v?.criteria !== 'CHECKBOX') return undefined;
      return v.values.length ? v.values[on ? 0 : 1] : on;
    });
    this.each((_m, r, c) => {
      const v = values[r - this.area.row]![c - this.area.col];
      if (v !== undefined) this.wb.writeValues(this.model, { row: r, col: c, numRows: 1, numCols: 1 }, [[v]]);
    });
  }

  check(): EmuRange {
    this.hit('check', true);
    this.setChecked(true);
    return this.done();
  }

  uncheck(): EmuRange {
    this.hit('uncheck', true);
    this.setChecked(false);
    return this.done();
  }

  /** True when all checkboxes are checked, false when none is, null when mixed or none is a checkbox. */
  isChecked(): boolean | null {
    this.hit('isChecked');
    const values = this.wb.values(this.model, this.area);
    let all = true;
    let none = true;
    let any = false;
    this.grid((r, c) => {
      const v = this.meta(r, c)?.validation;
      if (v?.criteria !== 'CHECKBOX') return;
      any = true;
      const on = v.values.length ? v.values[0] : true;
      const checked = values[r - this.area.row]![c - this.area.col] === on;
      all &&= checked;
      none &&= !checked;
    });
    if (!any) return null;
    return all ? true : none ? false : null;
  }

  // --- copying ---

  /**
   * Copies the range to `destination` (its top-left cell only counts [DOC* RANGE#copyTo]) as a user's
   * copy and paste does (paste.ts): formulas moved, a spilled cell's value, formats, validations and
   * notes; `{ contentsOnly }` or `{ formatOnly }`, or a CopyPasteType (PASTE_NORMAL, PASTE_NO_BORDERS,
   * PASTE_VALUES, PASTE_FORMAT, PASTE_FORMULA, PASTE_DATA_VALIDATION, PASTE_COLUMN_WIDTHS). Transposing is not emulated.
   */
  copyTo(destination: EmuRange, options?: unknown, transposed?: boolean): void {
    this.hit('copyTo', true);
    checkArgs('Range.copyTo', [destination], destination instanceof EmuRange);
    if (transposed) throw new Error('emulator: Range.copyTo(…, transposed: true) is not emulated');
    let parts: PasteParts = PASTE_NORMAL;
    if (options === 'PASTE_COLUMN_WIDTHS') {
      // the source's columns' widths onto as many columns from the destination's first, on any sheet
      // of the spreadsheet; nothing else is pasted [DOC CopyPasteType]
      for (let i = 0; i < this.area.numCols; i++) {
        const w = this.model.widths.get(this.area.col + i);
        if (w === undefined) destination.model.widths.delete(destination.area.col + i);
        else destination.model.widths.set(destination.area.col + i, w);
      }
      this.wb.changed();
      return;
    }
    if (typeof options === 'string') {
      const byType: Record<string, PasteParts> = {
        PASTE_NORMAL,
        PASTE_NO_BORDERS: PASTE_NORMAL,
        PASTE_VALUES,
        PASTE_FORMAT: { contents: 'none', formats: true, validations: false, notes: false },
        PASTE_FORMULA: { contents: 'all', formats: false, validations: false, notes: false },
        PASTE_DATA_VALIDATION: { contents: 'none', formats: false, validations: true, notes: false },
      };
      const found = byType[options];
      if (!found) throw new Error(`emulator: Range.copyTo with ${options} is not emulated`);
      parts = found;
    } else if (options && typeof options === 'object') {
      const o = options as { contentsOnly?: unknown; formatOnly?: unknown };
      if (o.contentsOnly) parts = { contents: 'all', formats: false, validations: false, notes: false };
      else if (o.formatOnly) parts = { contents: 'none', formats: true, validations: false, notes: false };
    } else if (options !== undefined) throw signatureError('Range.copyTo', [destination, options]);
    const at = { ...destination.area, numRows: this.area.numRows, numCols: this.area.numCols };
    pasteBlock(this.wb, this.model, this.area, destination.model, at, parts, false);
  }

  // --- sorting ---

  /**
   * Sorts the range's rows by the given column(s) [DOC* RANGE#sort]: contents, formats, notes and
   * validations move with their rows; the order and what formulas do are in sort.ts.
   */
  sort(sortSpecObj: unknown): EmuRange {
    this.hit('sort', true);
    sortRows(this.wb, this.model, this.area, sortKeys(sortSpecObj, this.area, 'Range.sort'));
    return this;
  }

  // --- protection, groups, clearing ---

  /** Always a new protection, even over an existing one [DOC* RANGE#protect]. */
  protect(): EmuProtection {
    this.hit('protect', true);
    return newProtection(this.wb, this.model, 'RANGE', { ...this.area });
  }

  /** Changes the row-group depth of the range's rows, kept within 0–8 [UNVERIFIED clamp]. */
  shiftRowGroupDepth(delta: number): EmuRange {
    this.hit('shiftRowGroupDepth', true);
    checkArgs('Range.shiftRowGroupDepth', [delta], isInt(delta));
    for (let r = this.area.row; r < this.area.row + this.area.numRows; r++) {
      const d = Math.max(0, Math.min(8, (this.model.groupDepth.get(r) ?? 0) + delta));
      if (d === 0) this.model.groupDepth.delete(r);
      else this.model.groupDepth.set(r, d);
    }
    return this;
  }

  private clearFormats(): void {
    this.each(clearFormatKeys);
  }

  /** Contents and formats by default; the options pick parts [DOC* RANGE#clear]. */
  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): EmuRange {
    this.hit('clear', true);
    const o = options ?? {};
    const some = o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly;
    if (!some || o.contentsOnly) this.wb.clearContents(this.model, this.area);
    if (!some || o.formatOnly) this.clearFormats();
    if (o.commentsOnly) this.each((m) => (m.note = undefined));
    if (o.validationsOnly) this.each((m) => (m.validation = undefined));
    return this.done();
  }

  clearContent(): EmuRange {
    this.hit('clearContent', true);
    this.wb.clearContents(this.model, this.area);
    return this.done();
  }

  clearFormat(): EmuRange {
    this.hit('clearFormat', true);
    this.clearFormats();
    return this.done();
  }
}
