/**
 * The emulator's one door, for tests, the playground and the benchmark: make a spreadsheet (new, or
 * from a saved file), load the bundle into it, call its functions, read the call counts, look at a
 * sheet as the playground draws it and edit it as a user types.
 *
 *   const wb = createWorkbook({ locale: 'fr_FR' });
 *   const app = wb.loadBundle();                 // dist/Code.js in a node:vm context
 *   app.call('onOpen', { authMode: 'LIMITED' });
 *   wb.spreadsheet.getSheets()[0].getRange('A1').setValue('=KR_SCORE(1.2, 1, 1.1)');
 *   wb.counter.get('Range.getValues');
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EmuSpreadsheetApp } from './app';
import { CallCounter } from './counter';
import { exception } from './errors';
import { CONNECT_MESSAGE } from './import-range';
import { PASTE_NORMAL, PASTE_VALUES, pasteBlock } from './paste';
import {
  restoreInto,
  type SavedWorkbook,
  serialize,
  type WriteOptions,
  workbookText,
  writeFileAtomic,
} from './persist';
import { EmuRange } from './range';
import { spreadsheetKey, spreadsheetUrl, type WorkbookRegistry } from './registry';
import { type Bundle, type LoadOptions, loadBundle } from './runner';
import type { EmuSheet } from './sheet';
import { sheetObject } from './sheet';
import { type EmuSpreadsheet, spreadsheetObject } from './spreadsheet';
import {
  type EditResult,
  editCell,
  PROTECTION_WARNING,
  protectionIn,
  type SheetView,
  sheetView,
  toggleCheckbox,
  type ViewOptions,
} from './view';
import { defaultSheetName, WorkbookCore } from './workbook-core';

export { CallCounter } from './counter';
export { CONNECT_MESSAGE, NO_ACCESS_MESSAGE } from './import-range';
export { type PasteParts, pasteTarget } from './paste';
export type { SavedWorkbook } from './persist';
export type { EmuRange } from './range';
export { spreadsheetKey, spreadsheetUrl, WorkbookRegistry } from './registry';
export type { Bundle, CallOptions, LoadOptions } from './runner';
export { loadBundle } from './runner';
export type { EmuSheet } from './sheet';
export type { EmuSpreadsheet } from './spreadsheet';
export type { EditResult, SheetTab, SheetView, ViewCell, ViewOptions } from './view';
export { protectionIn } from './view';

export interface WorkbookOptions {
  /** The spreadsheet's locale, e.g. 'en_US', 'fr_FR' (getSpreadsheetLocale). */
  locale?: string;
  /** The spreadsheet's time zone (getSpreadsheetTimeZone), where date cells are read. */
  timeZone?: string;
  /** A saved workbook to open; when the file does not exist yet, it is where save() writes. */
  file?: string;
  /** The document's name (getName). */
  name?: string;
  /** Count into an existing counter (the benchmark shares one). */
  counter?: CallCounter;
  /** A saved workbook's content (toJSON()) to open instead of a file: a snapshot taken earlier. */
  saved?: SavedWorkbook;
  /**
   * The workbooks IMPORTRANGE reaches (registry.ts): this one joins it. Without one, IMPORTRANGE
   * reaches this workbook only.
   */
  registry?: WorkbookRegistry;
}

export class Workbook extends WorkbookCore {
  /** The file save() writes by default. */
  file: string | undefined;
  /** SpreadsheetApp as the bundle sees it, for tests that drive the API directly. */
  readonly app: EmuSpreadsheetApp;
  private loaded: Bundle | undefined;

  constructor(counter: CallCounter, locale: string, timeZone: string, name: string, id: string) {
    super(counter, locale, timeZone, name, id);
    this.app = new EmuSpreadsheetApp(this);
  }

  /** The Apps Script Spreadsheet object (the one getActiveSpreadsheet() returns). */
  get spreadsheet(): EmuSpreadsheet {
    return spreadsheetObject(this);
  }

  /** The bundle loaded last (loadBundle), if any. */
  get loadedBundle(): Bundle | undefined {
    return this.loaded;
  }

  /** Loads dist/Code.js (or options.path) into a vm whose globals are this workbook's services. */
  loadBundle(options: LoadOptions = {}): Bundle {
    this.loaded = loadBundle(this, options);
    return this.loaded;
  }

  /**
   * Cuts a run short: the next `writes` write calls (Spreadsheet or Properties calls that change
   * something) go through and the one after throws `message` — Apps Script's quota error,
   * `Service invoked too many times for one day: spreadsheets.`, by default — then the fault is
   * disarmed. Writes already made stay made, as in Apps Script. undefined disarms.
   */
  failAfterWrites(writes: number | undefined, message?: string): void {
    this.counter.failAfterWrites(writes, message);
  }

  /** Write calls counted so far (counter.reset() starts again from 0). */
  get writeCount(): number {
    return this.counter.writes();
  }

  sheet(name: string): EmuSheet {
    const model = this.sheetByName(name);
    if (!model) throw new Error(`emulator: no sheet named ${name}`);
    return sheetObject(this, model);
  }

  private cell(a1: string) {
    const { sheet, area } = this.resolveA1(a1);
    return { sheet, row: area.row, col: area.col };
  }

  /** The spreadsheet's URL, as getUrl() gives it and IMPORTRANGE takes it. */
  get url(): string {
    return spreadsheetUrl(this.id);
  }

  /**
   * A user's "Allow access" on an IMPORTRANGE cell that says "You need to connect these sheets":
   * this workbook may import from the spreadsheet that cell names, from now on, and every cell
   * importing from it is computed again. Returns the id allowed, undefined when the cell asks for
   * nothing.
   */
  allowAccess(a1: string): string | undefined {
    const { sheet, row, col } = this.cell(a1);
    if (this.cellErrorMessage(sheet, row, col) !== CONNECT_MESSAGE) return undefined;
    const id = this.importCells.get(`${sheet.engineId}:${row - 1}:${col - 1}`);
    if (id) this.allowImportsFrom(id);
    return id;
  }

  /**
   * "Allow access" given ahead, for spreadsheets by URL or key (as a script's tests set things up),
   * all computed again in one batch.
   */
  allowImports(...urlsOrKeys: string[]): void {
    const ids = urlsOrKeys.map((u) => {
      const id = spreadsheetKey(u);
      if (!id) throw new Error(`emulator: not a spreadsheet URL or key: ${u}`);
      return id;
    });
    this.allowImportsFrom(...ids);
  }

  /** Leaves its registry (a closed workbook): imports of it read #REF! again. */
  close(): void {
    this.registry?.remove(this);
    this.registry = undefined;
  }

  /** The note Sheets shows on an error cell, e.g. a custom function's thrown message ('Sheet1!C2'). */
  errorMessage(a1: string): string {
    const { sheet, row, col } = this.cell(a1);
    return this.cellErrorMessage(sheet, row, col);
  }

  /** A sheet as the playground draws it (the active sheet by default). */
  view(sheetName?: string, options?: ViewOptions): SheetView {
    const sheet = sheetName === undefined ? this.active : this.sheetByName(sheetName);
    if (!sheet) throw new Error(`emulator: no sheet named ${sheetName}`);
    return sheetView(this, sheet, options);
  }

  /** A user typing text into one cell (USER_ENTERED, validation, protection warning, onEdit). */
  edit(sheetName: string, a1: string, text: string, options?: { confirm?: boolean }): EditResult {
    const { sheet, row, col } = this.cell(`'${sheetName.replace(/'/g, "''")}'!${a1}`);
    return editCell(this, sheet, row, col, text, options);
  }

  /**
   * A user copying cells and pasting them (Ctrl+C, Ctrl+V; Ctrl+Shift+V with valuesOnly), as Sheets
   * does it (paste.ts): formulas with relative references moved, cells of an array result as their
   * values, formats, validations and notes unless values only; pasted over another array's result,
   * it blocks it (#REF!). `to` is a cell or a range on the same sheet, or "'Other'!B3"; a range a
   * multiple of the copied block's size is tiled. onEdit runs on the pasted area. Returns its A1.
   */
  copyPaste(sheetName: string, fromA1: string, toA1: string, options: { valuesOnly?: boolean } = {}): string {
    const prefix = `'${sheetName.replace(/'/g, "''")}'!`;
    const from = this.resolveA1(`${prefix}${fromA1}`);
    const to = this.resolveA1(toA1.includes('!') ? toA1 : `${prefix}${toA1}`);
    const area = pasteBlock(
      this,
      from.sheet,
      from.area,
      to.sheet,
      to.area,
      options.valuesOnly ? PASTE_VALUES : PASTE_NORMAL,
    );
    this.bundle?.trigger('onEdit', {
      authMode: 'LIMITED',
      range: new EmuRange(this, to.sheet, area),
      source: this.spreadsheet,
      user: { email: '', nickname: '' },
    });
    return this.a1(to.sheet, area, to.sheet !== from.sheet);
  }

  /**
   * A user's "Insert row above", "Insert row below" or "Delete row" on a row header: the new row
   * takes the clicked row's formats and validations (as Sheet.insertRowBefore/After here
   * [UNVERIFIED]); in a warning-only protected range Sheets asks first.
   */
  editRows(
    sheetName: string,
    row: number,
    action: 'insertAbove' | 'insertBelow' | 'delete',
    options: { confirm?: boolean } = {},
  ): EditResult {
    const model = this.sheetByName(sheetName);
    if (!model) throw new Error(`emulator: no sheet named ${sheetName}`);
    if (row < 1 || row > model.maxRows)
      return { status: 'rejected', message: 'Those rows are out of bounds.' };
    const area = { row, col: 1, numRows: 1, numCols: model.maxCols };
    if (protectionIn(model, area) === 'warning' && !options.confirm)
      return { status: 'needs-confirmation', message: PROTECTION_WARNING };
    try {
      if (action === 'delete') this.deleteRows(model, row, 1);
      else this.insertRows(model, action === 'insertAbove' ? row : row + 1, 1, row);
    } catch (e) {
      return { status: 'rejected', message: e instanceof Error ? e.message : String(e) };
    }
    return { status: 'applied' };
  }

  /** A user clicking a checkbox. */
  toggle(sheetName: string, a1: string, options?: { confirm?: boolean }): EditResult {
    const { sheet, row, col } = this.cell(`'${sheetName.replace(/'/g, "''")}'!${a1}`);
    return toggleCheckbox(this, sheet, row, col, options);
  }

  toJSON(): SavedWorkbook {
    return serialize(this);
  }

  /**
   * Writes the workbook as JSON (to `file`, or where it was opened from); returns the path. The file
   * is replaced whole (a temporary file renamed over it), never rewritten in place; `backup` keeps the
   * replaced one as `<file>.bak`.
   */
  save(file?: string, options?: WriteOptions): string {
    const target = file ?? this.file;
    if (!target) throw new Error('emulator: save() needs a file (none was given to createWorkbook)');
    const path = resolve(target);
    writeFileAtomic(path, workbookText(this), options);
    this.file = path;
    return path;
  }
}

/** A new spreadsheet with one empty sheet, or the one saved in `file`. */
export function createWorkbook(options: WorkbookOptions = {}): Workbook {
  const counter = options.counter ?? new CallCounter();
  const file = options.file === undefined ? undefined : resolve(options.file);
  const saved =
    options.saved ??
    (file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SavedWorkbook) : undefined);
  if (saved) {
    const wb = new Workbook(counter, saved.locale, saved.timeZone, saved.name, saved.id);
    wb.registry = options.registry;
    restoreInto(wb, structuredClone(saved));
    if (wb.sheets.length === 0) throw exception('emulator: the saved workbook has no sheet');
    wb.file = file;
    options.registry?.add(wb);
    return wb;
  }
  const locale = options.locale ?? 'en_US';
  const id = randomBytes(33).toString('base64url').slice(0, 44);
  const wb = new Workbook(
    counter,
    locale,
    options.timeZone ?? 'Europe/Paris',
    options.name ?? 'Untitled spreadsheet',
    id,
  );
  wb.active = wb.addSheet(defaultSheetName(locale, 1), undefined, 0);
  wb.file = file;
  wb.registry = options.registry;
  options.registry?.add(wb);
  return wb;
}
