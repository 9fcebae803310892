/** Sheet: one tab of the spreadsheet, its ranges, layout, protections and rules. */
import { parseA1 } from './a1';
import { EmuEmbeddedChart, EmuEmbeddedChartBuilder, newChartModel } from './charts';
import { normalizeColor } from './colors';
import { EmuConditionalFormatRule } from './conditional';
import { checkArgs, exception } from './errors';
import type { Api } from './gas-types';
import { addMetadata, EmuDeveloperMetadata, EmuDeveloperMetadataFinder } from './metadata';
import { clearFormatKeys, type SheetModel } from './model';
import { EmuProtection, newProtection } from './protection';
import { checkGrid, EmuRange, sortKeys } from './range';
import { sortRows } from './sort';
import { type EmuSpreadsheet, spreadsheetObject } from './spreadsheet';
import type { WorkbookCore } from './workbook-core';

type Real = GoogleAppsScript.Spreadsheet.Sheet;
type Methods =
  | 'activate'
  | 'addDeveloperMetadata'
  | 'appendRow'
  | 'clear'
  | 'clearContents'
  | 'clearFormats'
  | 'clearNotes'
  | 'createDeveloperMetadataFinder'
  | 'deleteColumn'
  | 'deleteColumns'
  | 'deleteRow'
  | 'deleteRows'
  | 'getCharts'
  | 'getColumnWidth'
  | 'getConditionalFormatRules'
  | 'getDataRange'
  | 'getDeveloperMetadata'
  | 'getFrozenColumns'
  | 'getFrozenRows'
  | 'getIndex'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getParent'
  | 'getProtections'
  | 'getRange'
  | 'getRowGroupDepth'
  | 'getSheetId'
  | 'getSheetName'
  | 'getSheetValues'
  | 'getTabColor'
  | 'hideColumns'
  | 'insertChart'
  | 'hideSheet'
  | 'insertColumnAfter'
  | 'insertColumnBefore'
  | 'insertColumns'
  | 'insertColumnsAfter'
  | 'insertColumnsBefore'
  | 'insertRowAfter'
  | 'insertRowBefore'
  | 'insertRows'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'isColumnHiddenByUser'
  | 'isSheetHidden'
  | 'newChart'
  | 'protect'
  | 'removeChart'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'setConditionalFormatRules'
  | 'setFrozenColumns'
  | 'setFrozenRows'
  | 'setName'
  | 'setTabColor'
  | 'showColumns'
  | 'showSheet'
  | 'sort'
  | 'updateChart';

const sheets = new WeakMap<SheetModel, EmuSheet>();

/** One Sheet object per sheet, so that the same sheet compares equal. */
export function sheetObject(wb: WorkbookCore, model: SheetModel): EmuSheet {
  let s = sheets.get(model);
  if (!s) {
    s = new EmuSheet(wb, model);
    sheets.set(model, s);
  }
  return s;
}

const DEFAULT_WIDTH = 100;
const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);

export class EmuSheet implements Api<Real, Methods> {
  constructor(
    private readonly wb: WorkbookCore,
    readonly model: SheetModel,
  ) {}

  private hit(method: string, write = false): void {
    this.wb.hit(`Sheet.${method}`, write);
  }

  private done(): EmuSheet {
    this.wb.changed();
    return this;
  }

  // --- embedded charts (charts.ts) ---

  /** A builder for a new chart on this sheet: a line chart anchored at A1 until told otherwise. */
  newChart(): EmuEmbeddedChartBuilder {
    this.hit('newChart');
    return new EmuEmbeddedChartBuilder(this.wb, newChartModel(this.wb));
  }

  /** Adds a built chart (a chart already on a sheet gets a new id: it is a second chart). */
  insertChart(chart: EmuEmbeddedChart): void {
    this.hit('insertChart', true);
    checkArgs('Sheet.insertChart', [chart], chart instanceof EmuEmbeddedChart);
    const model = structuredClone(chart.model);
    if (this.wb.sheets.some((s) => s.charts.some((c) => c.id === model.id))) model.id = this.wb.nextChartId++;
    this.model.charts.push(model);
    this.wb.changed();
  }

  getCharts(): EmuEmbeddedChart[] {
    this.hit('getCharts');
    return this.model.charts.map((c) => new EmuEmbeddedChart(this.wb, structuredClone(c)));
  }

  /** Removes a chart of this sheet (by its id); one that is not here is left alone [UNVERIFIED]. */
  removeChart(chart: EmuEmbeddedChart): void {
    this.hit('removeChart', true);
    checkArgs('Sheet.removeChart', [chart], chart instanceof EmuEmbeddedChart);
    this.model.charts = this.model.charts.filter((c) => c.id !== chart.model.id);
    this.wb.changed();
  }

  /** Replaces a chart of this sheet by its modified copy (chart.modify()…build()). */
  updateChart(chart: EmuEmbeddedChart): void {
    this.hit('updateChart', true);
    checkArgs('Sheet.updateChart', [chart], chart instanceof EmuEmbeddedChart);
    const at = this.model.charts.findIndex((c) => c.id === chart.model.id);
    // [UNVERIFIED wording]
    if (at < 0) throw exception('The chart does not exist on this sheet.');
    this.model.charts[at] = structuredClone(chart.model);
    this.wb.changed();
  }

  // --- identity ---

  getName(): string {
    this.hit('getName');
    return this.model.name;
  }

  getSheetName(): string {
    this.hit('getSheetName');
    return this.model.name;
  }

  setName(name: string): EmuSheet {
    this.hit('setName', true);
    checkArgs('Sheet.setName', [name], typeof name === 'string');
    this.wb.renameSheet(this.model, name);
    return this;
  }

  getSheetId(): number {
    this.hit('getSheetId');
    return this.model.gid;
  }

  /** 1-based position among the tabs. */
  getIndex(): number {
    this.hit('getIndex');
    return this.wb.sheets.indexOf(this.model) + 1;
  }

  getParent(): EmuSpreadsheet {
    this.hit('getParent');
    return spreadsheetObject(this.wb);
  }

  activate(): EmuSheet {
    this.hit('activate');
    this.wb.active = this.model;
    this.model.hidden = false;
    return this.done();
  }

  getTabColor(): string | null {
    this.hit('getTabColor');
    return this.model.tabColor;
  }

  setTabColor(color: string | null): EmuSheet {
    this.hit('setTabColor', true);
    this.model.tabColor = color ? normalizeColor(color) : null;
    return this.done();
  }

  isSheetHidden(): boolean {
    this.hit('isSheetHidden');
    return this.model.hidden;
  }

  hideSheet(): EmuSheet {
    this.hit('hideSheet', true);
    if (this.wb.sheets.filter((s) => !s.hidden && s !== this.model).length === 0) {
      throw exception("You can't hide all the sheets in a document.");
    }
    this.model.hidden = true;
    return this.done();
  }

  showSheet(): EmuSheet {
    this.hit('showSheet', true);
    this.model.hidden = false;
    return this.done();
  }

  // --- ranges ---

  /** A1 (open-ended 'H2:H', 'A2:2' too) or (row, column, numRows?, numColumns?) [EMU messages]. */
  getRange(a: string | number, column?: number, numRows?: number, numColumns?: number): EmuRange {
    this.hit('getRange');
    if (typeof a === 'string' && column === undefined) {
      const p = parseA1(a, this.model.maxRows, this.model.maxCols);
      if (p.sheetName !== undefined && p.sheetName !== this.model.name) throw exception('Range not found');
      const area = { row: p.row, col: p.col, numRows: p.numRows, numCols: p.numCols };
      checkGrid(this.model, area);
      return new EmuRange(this.wb, this.model, area);
    }
    const args = [a, column, numRows, numColumns].filter((x) => x !== undefined);
    checkArgs('Sheet.getRange', args, args.length >= 2 && args.every((x) => typeof x === 'number'));
    const area = {
      row: Math.floor(a as number),
      col: Math.floor(column as number),
      numRows: numRows === undefined ? 1 : Math.floor(numRows),
      numCols: numColumns === undefined ? 1 : Math.floor(numColumns),
    };
    checkGrid(this.model, area);
    return new EmuRange(this.wb, this.model, area);
  }

  /** A1 to the last row and column with content; A1 on an empty sheet [UNVERIFIED]. */
  getDataRange(): EmuRange {
    this.hit('getDataRange');
    const ext = this.wb.extent(this.model);
    return new EmuRange(this.wb, this.model, {
      row: 1,
      col: 1,
      numRows: Math.max(1, ext.rows),
      numCols: Math.max(1, ext.cols),
    });
  }

  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number) {
    this.hit('getSheetValues');
    const ext = this.wb.extent(this.model);
    const area = {
      row: startRow,
      col: startColumn,
      numRows: numRows === -1 ? ext.rows - startRow + 1 : numRows,
      numCols: numColumns === -1 ? ext.cols - startColumn + 1 : numColumns,
    };
    checkGrid(this.model, area);
    this.wb.counter.read(area.numRows * area.numCols);
    return this.wb.values(this.model, area);
  }

  getLastRow(): number {
    this.hit('getLastRow');
    return this.wb.extent(this.model).rows;
  }

  getLastColumn(): number {
    this.hit('getLastColumn');
    return this.wb.extent(this.model).cols;
  }

  getMaxRows(): number {
    this.hit('getMaxRows');
    return this.model.maxRows;
  }

  getMaxColumns(): number {
    this.hit('getMaxColumns');
    return this.model.maxCols;
  }

  /** Writes after the last row with content, adding a row when the sheet is full [DOC* SHEET]. */
  appendRow(rowContents: unknown[]): EmuSheet {
    this.hit('appendRow', true);
    checkArgs('Sheet.appendRow', [rowContents], Array.isArray(rowContents));
    const row = this.wb.extent(this.model).rows + 1;
    if (row > this.model.maxRows)
      this.wb.insertRows(this.model, this.model.maxRows + 1, row - this.model.maxRows);
    if (rowContents.length > this.model.maxCols) {
      this.wb.insertColumns(this.model, this.model.maxCols + 1, rowContents.length - this.model.maxCols);
    }
    if (rowContents.length > 0) {
      this.wb.writeValues(this.model, { row, col: 1, numRows: 1, numCols: rowContents.length }, [
        rowContents,
      ]);
    }
    return this;
  }

  // --- rows and columns ---

  private checkRows(position: number, count: number, method: string, max: number, what: string): void {
    checkArgs(`Sheet.${method}`, [position, count], isInt(position) && isInt(count));
    if (count < 1 || position < 1 || position > max) throw exception(`Those ${what} are out of bounds.`);
  }

  insertRowsAfter(afterPosition: number, howMany: number): EmuSheet {
    this.hit('insertRowsAfter', true);
    this.checkRows(afterPosition, howMany, 'insertRowsAfter', this.model.maxRows, 'rows');
    this.wb.insertRows(this.model, afterPosition + 1, howMany, afterPosition);
    return this;
  }

  insertRowsBefore(beforePosition: number, howMany: number): EmuSheet {
    this.hit('insertRowsBefore', true);
    this.checkRows(beforePosition, howMany, 'insertRowsBefore', this.model.maxRows, 'rows');
    this.wb.insertRows(this.model, beforePosition, howMany, beforePosition);
    return this;
  }

  insertRowAfter(afterPosition: number): EmuSheet {
    this.hit('insertRowAfter', true);
    this.checkRows(afterPosition, 1, 'insertRowAfter', this.model.maxRows, 'rows');
    this.wb.insertRows(this.model, afterPosition + 1, 1, afterPosition);
    return this;
  }

  insertRowBefore(beforePosition: number): EmuSheet {
    this.hit('insertRowBefore', true);
    this.checkRows(beforePosition, 1, 'insertRowBefore', this.model.maxRows, 'rows');
    this.wb.insertRows(this.model, beforePosition, 1, beforePosition);
    return this;
  }

  insertRows(rowIndex: number, numRows?: number): void {
    this.hit('insertRows', true);
    this.checkRows(rowIndex, numRows ?? 1, 'insertRows', this.model.maxRows, 'rows');
    this.wb.insertRows(this.model, rowIndex, numRows ?? 1, rowIndex);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.hit('deleteRows', true);
    checkArgs('Sheet.deleteRows', [rowPosition, howMany], isInt(rowPosition) && isInt(howMany));
    this.wb.deleteRows(this.model, rowPosition, howMany);
  }

  deleteRow(rowPosition: number): EmuSheet {
    this.hit('deleteRow', true);
    checkArgs('Sheet.deleteRow', [rowPosition], isInt(rowPosition));
    this.wb.deleteRows(this.model, rowPosition, 1);
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): EmuSheet {
    this.hit('insertColumnsAfter', true);
    this.checkRows(afterPosition, howMany, 'insertColumnsAfter', this.model.maxCols, 'columns');
    this.wb.insertColumns(this.model, afterPosition + 1, howMany, afterPosition);
    return this;
  }

  insertColumnsBefore(beforePosition: number, howMany: number): EmuSheet {
    this.hit('insertColumnsBefore', true);
    this.checkRows(beforePosition, howMany, 'insertColumnsBefore', this.model.maxCols, 'columns');
    this.wb.insertColumns(this.model, beforePosition, howMany, beforePosition);
    return this;
  }

  insertColumnAfter(afterPosition: number): EmuSheet {
    this.hit('insertColumnAfter', true);
    this.checkRows(afterPosition, 1, 'insertColumnAfter', this.model.maxCols, 'columns');
    this.wb.insertColumns(this.model, afterPosition + 1, 1, afterPosition);
    return this;
  }

  insertColumnBefore(beforePosition: number): EmuSheet {
    this.hit('insertColumnBefore', true);
    this.checkRows(beforePosition, 1, 'insertColumnBefore', this.model.maxCols, 'columns');
    this.wb.insertColumns(this.model, beforePosition, 1, beforePosition);
    return this;
  }

  insertColumns(columnIndex: number, numColumns?: number): void {
    this.hit('insertColumns', true);
    this.checkRows(columnIndex, numColumns ?? 1, 'insertColumns', this.model.maxCols, 'columns');
    this.wb.insertColumns(this.model, columnIndex, numColumns ?? 1, columnIndex);
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.hit('deleteColumns', true);
    checkArgs('Sheet.deleteColumns', [columnPosition, howMany], isInt(columnPosition) && isInt(howMany));
    this.wb.deleteColumns(this.model, columnPosition, howMany);
  }

  deleteColumn(columnPosition: number): EmuSheet {
    this.hit('deleteColumn', true);
    checkArgs('Sheet.deleteColumn', [columnPosition], isInt(columnPosition));
    this.wb.deleteColumns(this.model, columnPosition, 1);
    return this;
  }

  /**
   * Sorts the sheet's rows below the frozen ones by a column, ascending by default [DOC* SHEET#sort]:
   * as Range.sort over every column, down to the last row with content.
   */
  sort(columnPosition: number, ascending?: boolean): EmuSheet {
    this.hit('sort', true);
    checkArgs(
      'Sheet.sort',
      [columnPosition, ascending],
      isInt(columnPosition) && (ascending === undefined || typeof ascending === 'boolean'),
    );
    const first = this.model.frozenRows + 1;
    const last = this.wb.extent(this.model).rows;
    const area = { row: first, col: 1, numRows: Math.max(1, last - first + 1), numCols: this.model.maxCols };
    const keys = sortKeys({ column: columnPosition, ascending: ascending ?? true }, area, 'Sheet.sort');
    if (last > first) sortRows(this.wb, this.model, area, keys);
    return this;
  }

  // --- clearing ---

  private whole(): EmuRange {
    return new EmuRange(this.wb, this.model, {
      row: 1,
      col: 1,
      numRows: this.model.maxRows,
      numCols: this.model.maxCols,
    });
  }

  /** Contents and formats [DOC* SHEET#clear]; options pick one. */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): EmuSheet {
    this.hit('clear', true);
    if (!options?.formatOnly) this.wb.clearContents(this.model, this.whole().area);
    if (!options?.contentsOnly) this.dropFormats();
    return this.done();
  }

  private dropFormats(): void {
    for (const cols of this.model.meta.values()) for (const m of cols.values()) clearFormatKeys(m);
    this.model.prune();
  }

  clearContents(): EmuSheet {
    this.hit('clearContents', true);
    this.wb.clearContents(this.model, this.whole().area);
    return this.done();
  }

  clearFormats(): EmuSheet {
    this.hit('clearFormats', true);
    this.dropFormats();
    return this.done();
  }

  clearNotes(): EmuSheet {
    this.hit('clearNotes', true);
    for (const cols of this.model.meta.values()) for (const m of cols.values()) m.note = undefined;
    this.model.prune();
    return this.done();
  }

  // --- layout ---

  getFrozenRows(): number {
    this.hit('getFrozenRows');
    return this.model.frozenRows;
  }

  setFrozenRows(rows: number): void {
    this.hit('setFrozenRows', true);
    checkArgs('Sheet.setFrozenRows', [rows], isInt(rows) && rows >= 0);
    this.model.frozenRows = rows;
    this.wb.changed();
  }

  getFrozenColumns(): number {
    this.hit('getFrozenColumns');
    return this.model.frozenCols;
  }

  setFrozenColumns(columns: number): void {
    this.hit('setFrozenColumns', true);
    checkArgs('Sheet.setFrozenColumns', [columns], isInt(columns) && columns >= 0);
    this.model.frozenCols = columns;
    this.wb.changed();
  }

  getColumnWidth(columnPosition: number): number {
    this.hit('getColumnWidth');
    return this.model.widths.get(columnPosition) ?? DEFAULT_WIDTH;
  }

  setColumnWidth(columnPosition: number, width: number): EmuSheet {
    this.hit('setColumnWidth', true);
    checkArgs(
      'Sheet.setColumnWidth',
      [columnPosition, width],
      isInt(columnPosition) && typeof width === 'number',
    );
    this.model.widths.set(columnPosition, width);
    return this.done();
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): EmuSheet {
    this.hit('setColumnWidths', true);
    checkArgs(
      'Sheet.setColumnWidths',
      [startColumn, numColumns, width],
      isInt(startColumn) && isInt(numColumns) && typeof width === 'number',
    );
    for (let c = startColumn; c < startColumn + numColumns; c++) this.model.widths.set(c, width);
    return this.done();
  }

  hideColumns(columnIndex: number, numColumns?: number): void {
    this.hit('hideColumns', true);
    for (let c = columnIndex; c < columnIndex + (numColumns ?? 1); c++) this.model.hiddenCols.add(c);
    this.wb.changed();
  }

  showColumns(columnIndex: number, numColumns?: number): void {
    this.hit('showColumns', true);
    for (let c = columnIndex; c < columnIndex + (numColumns ?? 1); c++) this.model.hiddenCols.delete(c);
    this.wb.changed();
  }

  isColumnHiddenByUser(columnPosition: number): boolean {
    this.hit('isColumnHiddenByUser');
    return this.model.hiddenCols.has(columnPosition);
  }

  getRowGroupDepth(rowIndex: number): number {
    this.hit('getRowGroupDepth');
    return this.model.groupDepth.get(rowIndex) ?? 0;
  }

  // --- protections and rules ---

  /** The sheet's existing protection if any, else a new one [DOC* SHEET#protect]. */
  protect(): EmuProtection {
    this.hit('protect', true);
    const existing = this.model.protections.find((p) => p.type === 'SHEET');
    if (existing) return new EmuProtection(this.wb, this.model, existing);
    return newProtection(this.wb, this.model, 'SHEET');
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): EmuProtection[] {
    this.hit('getProtections');
    checkArgs('Sheet.getProtections', [type], String(type) === 'RANGE' || String(type) === 'SHEET');
    return this.model.protections
      .filter((p) => p.type === String(type))
      .map((p) => new EmuProtection(this.wb, this.model, p));
  }

  getConditionalFormatRules(): EmuConditionalFormatRule[] {
    this.hit('getConditionalFormatRules');
    return this.model.cfRules.map(
      (r) => new EmuConditionalFormatRule(this.wb, structuredClone(r), this.model),
    );
  }

  setConditionalFormatRules(rules: EmuConditionalFormatRule[]): void {
    this.hit('setConditionalFormatRules', true);
    checkArgs(
      'Sheet.setConditionalFormatRules',
      [rules],
      Array.isArray(rules) && rules.every((r) => r instanceof EmuConditionalFormatRule),
    );
    this.model.cfRules = rules.map((r) => structuredClone(r.model));
    this.wb.changed();
  }

  // --- developer metadata ---

  addDeveloperMetadata(
    key: string,
    value?: string,
    visibility?: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
  ): EmuSheet {
    this.hit('addDeveloperMetadata', true);
    addMetadata(
      this.wb,
      'Sheet.addDeveloperMetadata',
      { type: 'SHEET', sheet: this.model.gid },
      key,
      value,
      visibility,
    );
    return this;
  }

  getDeveloperMetadata(): EmuDeveloperMetadata[] {
    this.hit('getDeveloperMetadata');
    return this.wb.devMeta
      .filter((m) => m.location.type === 'SHEET' && m.location.sheet === this.model.gid)
      .map((m) => new EmuDeveloperMetadata(this.wb, m, () => spreadsheetObject(this.wb)));
  }

  createDeveloperMetadataFinder(): EmuDeveloperMetadataFinder {
    this.hit('createDeveloperMetadataFinder');
    return new EmuDeveloperMetadataFinder(
      this.wb,
      (m) => 'sheet' in m.location && m.location.sheet === this.model.gid,
      () => spreadsheetObject(this.wb),
    );
  }
}
