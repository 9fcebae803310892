/** Spreadsheet: the document, its sheets, locale, time zone, named ranges and metadata. */
import { checkArgs, exception } from './errors';
import type { Api } from './gas-types';
import { addMetadata, EmuDeveloperMetadata, EmuDeveloperMetadataFinder } from './metadata';
import { EmuNamedRange } from './named-range';
import { EmuProtection } from './protection';
import { checkGrid, EmuRange } from './range';
import { type EmuSheet, sheetObject } from './sheet';
import type { WorkbookCore } from './workbook-core';

type Real = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Methods =
  | 'addDeveloperMetadata'
  | 'createDeveloperMetadataFinder'
  | 'deleteSheet'
  | 'getActiveRange'
  | 'getActiveSheet'
  | 'getDeveloperMetadata'
  | 'getId'
  | 'getName'
  | 'getNamedRanges'
  | 'getNumSheets'
  | 'getProtections'
  | 'getRange'
  | 'getRangeByName'
  | 'getSheetById'
  | 'getSheetByName'
  | 'getSheets'
  | 'getSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'getUrl'
  | 'insertSheet'
  | 'removeNamedRange'
  | 'rename'
  | 'setActiveSheet'
  | 'setNamedRange'
  | 'setSpreadsheetLocale'
  | 'setSpreadsheetTimeZone'
  | 'toast';

const books = new WeakMap<WorkbookCore, EmuSpreadsheet>();

export function spreadsheetObject(wb: WorkbookCore): EmuSpreadsheet {
  let s = books.get(wb);
  if (!s) {
    s = new EmuSpreadsheet(wb);
    books.set(wb, s);
  }
  return s;
}

export class EmuSpreadsheet implements Api<Real, Methods> {
  constructor(private readonly wb: WorkbookCore) {}

  private hit(method: string, write = false): void {
    this.wb.hit(`Spreadsheet.${method}`, write);
  }

  getId(): string {
    this.hit('getId');
    return this.wb.id;
  }

  getName(): string {
    this.hit('getName');
    return this.wb.name;
  }

  rename(newName: string): void {
    this.hit('rename', true);
    this.wb.name = String(newName);
    this.wb.changed();
  }

  getUrl(): string {
    this.hit('getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.wb.id}/edit`;
  }

  getSpreadsheetLocale(): string {
    this.hit('getSpreadsheetLocale');
    return this.wb.locale;
  }

  setSpreadsheetLocale(locale: string): void {
    this.hit('setSpreadsheetLocale', true);
    checkArgs('Spreadsheet.setSpreadsheetLocale', [locale], typeof locale === 'string');
    this.wb.locale = locale;
    this.wb.changed();
  }

  getSpreadsheetTimeZone(): string {
    this.hit('getSpreadsheetTimeZone');
    return this.wb.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    this.hit('setSpreadsheetTimeZone', true);
    checkArgs('Spreadsheet.setSpreadsheetTimeZone', [timezone], typeof timezone === 'string');
    this.wb.timeZone = timezone;
    this.wb.changed();
  }

  // --- sheets ---

  getSheets(): EmuSheet[] {
    this.hit('getSheets');
    return this.wb.sheets.map((s) => sheetObject(this.wb, s));
  }

  getNumSheets(): number {
    this.hit('getNumSheets');
    return this.wb.sheets.length;
  }

  /**
   * Exact, case-sensitive match; null when missing [OBS: comments in several public scripts say it is
   * case-sensitive, one says otherwise: UNVERIFIED]. Names are unique ignoring case (addSheet).
   */
  getSheetByName(name: string): EmuSheet | null {
    this.hit('getSheetByName');
    const s = this.wb.sheetByName(name);
    return s ? sheetObject(this.wb, s) : null;
  }

  /** The sheet of that id (Sheet.getSheetId, the URL's gid); null when there is none [DOC SS#getSheetById]. */
  getSheetById(id: number): EmuSheet | null {
    this.hit('getSheetById');
    checkArgs('Spreadsheet.getSheetById', [id], typeof id === 'number');
    const s = this.wb.sheetByGid(id);
    return s ? sheetObject(this.wb, s) : null;
  }

  /** The active sheet's selection: A1 until something is selected there. [DOC* SS#getActiveRange] */
  getActiveRange(): EmuRange {
    this.hit('getActiveRange');
    const area = this.wb.selection.get(this.wb.active) ?? { row: 1, col: 1, numRows: 1, numCols: 1 };
    return new EmuRange(this.wb, this.wb.active, area);
  }

  getActiveSheet(): EmuSheet {
    this.hit('getActiveSheet');
    return sheetObject(this.wb, this.wb.active);
  }

  setActiveSheet(sheet: EmuSheet): EmuSheet {
    this.hit('setActiveSheet');
    checkArgs(
      'Spreadsheet.setActiveSheet',
      [sheet],
      typeof sheet === 'object' && sheet !== null && 'model' in sheet,
    );
    this.wb.active = sheet.model;
    sheet.model.hidden = false;
    this.wb.changed();
    return sheet;
  }

  /**
   * insertSheet(), (name), (index), (name, index), (name, index, options), (options): index is
   * 0-based; the new sheet becomes active [DOC* SS#insertSheet].
   */
  insertSheet(a?: string | number | object, b?: number | object, _options?: object): EmuSheet {
    this.hit('insertSheet', true);
    const name = typeof a === 'string' ? a : undefined;
    const index = typeof a === 'number' ? a : typeof b === 'number' ? b : undefined;
    const model = this.wb.addSheet(name, index);
    this.wb.active = model;
    this.wb.changed();
    return sheetObject(this.wb, model);
  }

  deleteSheet(sheet: EmuSheet): void {
    this.hit('deleteSheet', true);
    checkArgs(
      'Spreadsheet.deleteSheet',
      [sheet],
      typeof sheet === 'object' && sheet !== null && 'model' in sheet,
    );
    this.wb.removeSheet(sheet.model);
  }

  // --- ranges ---

  /** 'Sheet!A1:B2', or A1 on the active sheet. */
  getRange(a1Notation: string): EmuRange {
    this.hit('getRange');
    checkArgs('Spreadsheet.getRange', [a1Notation], typeof a1Notation === 'string');
    const { sheet, area } = this.wb.resolveA1(a1Notation);
    checkGrid(sheet, area);
    return new EmuRange(this.wb, sheet, area);
  }

  getRangeByName(name: string): EmuRange | null {
    this.hit('getRangeByName');
    const n = this.wb.namedRanges.get(name);
    return n ? new EmuRange(this.wb, n.sheet, { ...n.area }) : null;
  }

  setNamedRange(name: string, range: EmuRange): void {
    this.hit('setNamedRange', true);
    checkArgs(
      'Spreadsheet.setNamedRange',
      [name, range],
      typeof name === 'string' && range instanceof EmuRange,
    );
    try {
      this.wb.setNamedRange(name, range.model, { ...range.area });
    } catch {
      throw exception(`The name "${name}" is not a valid name for a named range.`);
    }
  }

  getNamedRanges(): EmuNamedRange[] {
    this.hit('getNamedRanges');
    return [...this.wb.namedRanges.keys()].map((n) => new EmuNamedRange(this.wb, n));
  }

  removeNamedRange(name: string): void {
    this.hit('removeNamedRange', true);
    this.wb.removeNamedRange(name);
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): EmuProtection[] {
    this.hit('getProtections');
    checkArgs('Spreadsheet.getProtections', [type], String(type) === 'RANGE' || String(type) === 'SHEET');
    return this.wb.sheets.flatMap((s) =>
      s.protections.filter((p) => p.type === String(type)).map((p) => new EmuProtection(this.wb, s, p)),
    );
  }

  /** A toast in the corner of the sheet: recorded in wb.toasts for tests and the playground. */
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.hit('toast');
    this.wb.toasts.push({ message: String(msg), title: title ?? '', timeoutSeconds: timeoutSeconds ?? 5 });
    this.wb.changed();
  }

  // --- developer metadata ---

  addDeveloperMetadata(
    key: string,
    value?: string,
    visibility?: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
  ): EmuSpreadsheet {
    this.hit('addDeveloperMetadata', true);
    addMetadata(this.wb, 'Spreadsheet.addDeveloperMetadata', { type: 'SPREADSHEET' }, key, value, visibility);
    return this;
  }

  getDeveloperMetadata(): EmuDeveloperMetadata[] {
    this.hit('getDeveloperMetadata');
    return this.wb.devMeta
      .filter((m) => m.location.type === 'SPREADSHEET')
      .map((m) => new EmuDeveloperMetadata(this.wb, m, () => this));
  }

  /** Searches every location: the spreadsheet, its sheets, rows and columns. */
  createDeveloperMetadataFinder(): EmuDeveloperMetadataFinder {
    this.hit('createDeveloperMetadataFinder');
    return new EmuDeveloperMetadataFinder(
      this.wb,
      () => true,
      () => this,
    );
  }
}
