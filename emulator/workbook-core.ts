/**
 * The state of one emulated spreadsheet and the cell operations the Apps Script classes share:
 * reading values the way getValues returns them, writing the way USER_ENTERED does, and moving
 * everything when rows, columns or sheets come and go. The Apps Script classes (spreadsheet.ts,
 * sheet.ts, range.ts…) are thin views onto this.
 */
import { type Area, a1Of, colLetters, parseA1, quoteSheet, shiftArea } from './a1';
import { dropChartRangesOf, shiftCharts } from './charts';
import type { CallCounter } from './counter';
import { dateOfSerial, serialOfDate } from './dates';
import { type Content, Engine, type EngineValue, isEngineError, key } from './engine';
import { type Entry, entryOf } from './entry';
import { exception } from './errors';
import {
  defaultDateFormat,
  defaultDateTimeFormat,
  formatDisplay,
  isDateFormat,
  isPercentFormat,
} from './format';
import { closeOpenRanges, extendRanges, reopenRanges, type SheetSize } from './formulas';
import { type ImportResult, importRange } from './import-range';
import type { DevMetaModel } from './model';
import { SheetModel } from './model';
import { type CustomArg, type CustomFunctionHost, NO_BUNDLE, VOLATILE } from './plugins';
import type { ImportSource, WorkbookRegistry } from './registry';
import type { SparklineSpec } from './sparkline';

/** A cell drawn as a chart: SPARKLINE(…), alone or in an ARRAYFORMULA (one chart, in that cell). */
const SPARKLINE_FORMULA = /^=\s*(?:ARRAYFORMULA\s*\(\s*)?SPARKLINE\s*\(/i;

/** A value as Apps Script's getValues returns it. */
export type GasValue = number | string | boolean | Date;

/** What the runner gives the workbook so that formulas can call the bundle's custom functions. */
export interface BundleHook {
  has(name: string): boolean;
  /** Calls a custom function, copying arguments into the vm and the result out. */
  call(name: string, args: readonly unknown[]): unknown;
  /** Runs a simple trigger (onEdit) if the bundle defines it. */
  trigger(name: string, event: object): void;
}

/** The saved state of the non-spreadsheet services (document properties…), owned by the services. */
export interface ServicesStateLike {
  toJSON(): unknown;
  restore(json: unknown): void;
}

export interface NamedRangeModel {
  name: string;
  sheet: SheetModel;
  area: Area;
}

export interface Toast {
  message: string;
  title: string;
  timeoutSeconds: number;
}

/** 'Sheet1' in English, 'Feuille 1' in French [UNVERIFIED: Sheets' French default name]. */
export function defaultSheetName(locale: string, n: number): string {
  return locale.toLowerCase().startsWith('fr') ? `Feuille ${n}` : `Sheet${n}`;
}

export class WorkbookCore implements CustomFunctionHost, ImportSource {
  readonly engine: Engine;
  sheets: SheetModel[] = [];
  active!: SheetModel;
  /** The selected cells (Range.activate, or a click in the playground's grid), per sheet. */
  readonly selection = new Map<SheetModel, Area>();
  readonly namedRanges = new Map<string, NamedRangeModel>();
  devMeta: DevMetaModel[] = [];
  readonly toasts: Toast[] = [];
  nextProtectionId = 1;
  nextMetadataId = 1;
  /** getChartId() of the next chart inserted. */
  nextChartId = 1;
  private nextGid = 1;
  /** Set by the runner: gives the Ui SpreadsheetApp.getUi() returns, or throws where there is none. */
  uiProvider: (() => object) | undefined;
  /** The services' saved state once a bundle is loaded; before that, what a file held. */
  servicesState: ServicesStateLike | undefined;
  pendingServicesState: unknown;
  /** The auth mode the current call runs in (ScriptApp.AuthMode name). */
  authMode = 'FULL';
  /** > 0 while a custom function runs: the spreadsheet is read-only then [DOC CF]. */
  customFunctionDepth = 0;
  bundle: BundleHook | undefined;
  /** Listeners told after each change of cells (the playground refreshes on it). */
  readonly listeners = new Set<() => void>();
  /** The workbooks IMPORTRANGE can reach (registry.ts); none: this workbook only. */
  registry: WorkbookRegistry | undefined;
  /** Ids of the spreadsheets this one was allowed to import from ("Allow access"); saved with it. */
  readonly importAccess = new Set<string>();
  /** IMPORTRANGE cells (engine key) → the id they read, to recompute them when it changes. */
  readonly importCells = new Map<string, string>();
  /** The size each IMPORTRANGE result took last, by engine key (the engine sizes arrays first). */
  readonly importSizes = new Map<string, [number, number]>();
  /** IMPORTRANGE evaluations and the cells they brought, since the workbook was made. */
  readonly importStats = { calls: 0, cells: 0 };

  constructor(
    readonly counter: CallCounter,
    public locale: string,
    public timeZone: string,
    public name: string,
    readonly id: string,
  ) {
    this.engine = new Engine(this);
  }

  // --- calls ---

  /**
   * Counts a service call; a write inside a custom function is refused, as in Sheets [DOC CF], and
   * an armed fault (counter.failAfterWrites) may refuse a write.
   */
  hit(name: string, write = false): void {
    if (write && this.customFunctionDepth > 0) {
      this.counter.hit(name);
      throw exception(`You do not have permission to call ${name.slice(name.indexOf('.') + 1)}`);
    }
    this.counter.hit(name, write);
  }

  changed(): void {
    for (const l of this.listeners) l();
    this.registry?.changed(this);
  }

  // --- IMPORTRANGE (import-range.ts) ---

  importRange(url: string, range: string, at: { sheet: number; row: number; col: number }): ImportResult {
    const k = key(at.sheet, at.row, at.col);
    const r = importRange(this, url, range);
    if (r.source) this.importCells.set(k, r.source);
    else this.importCells.delete(k);
    return r;
  }

  importSize(at: { sheet: number; row: number; col: number }): [number, number] {
    return this.importSizes.get(key(at.sheet, at.row, at.col)) ?? [1, 1];
  }

  setImportSize(at: { sheet: number; row: number; col: number }, size: [number, number]): void {
    this.importSizes.set(key(at.sheet, at.row, at.col), size);
  }

  /** Recomputes the IMPORTRANGE cells that read `id` (a registered workbook changed, or access was allowed). */
  sourceChanged(id: string): void {
    this.sourcesChanged([id]);
  }

  /** Recomputes the IMPORTRANGE cells that read any of `ids`, in one engine batch. */
  sourcesChanged(ids: readonly string[]): void {
    const wanted = new Set(ids);
    const cells = [...this.importCells]
      .filter(([, source]) => wanted.has(source))
      .map(([k]) => {
        const [sheet, row, col] = k.split(':').map(Number) as [number, number, number];
        return { sheet, row, col };
      });
    if (cells.length === 0) return;
    this.engine.recompute(cells);
    this.changed();
  }

  /**
   * "Allow access" on an IMPORTRANGE cell: this workbook may import from the spreadsheet that cell
   * names, from now on (Sheets keeps the permission with the document [DOC IMPORTRANGE]).
   */
  allowImportsFrom(...ids: string[]): void {
    const fresh = ids.filter((id) => !this.importAccess.has(id));
    for (const id of fresh) this.importAccess.add(id);
    if (fresh.length) this.sourcesChanged(fresh);
  }

  // --- sheets ---

  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  sheetByEngineId(id: number): SheetModel | undefined {
    return this.sheets.find((s) => s.engineId === id);
  }

  sheetByGid(gid: number): SheetModel | undefined {
    return this.sheets.find((s) => s.gid === gid);
  }

  /** Formula references name sheets case-insensitively. */
  sheetByRefName(name: string): SheetModel | undefined {
    return this.sheetByName(name) ?? this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  private nameTaken(name: string, except?: SheetModel): boolean {
    return this.sheets.some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase());
  }

  duplicateNameError(name: string): Error {
    // [EMU/OBS] the Sheets API's wording; Apps Script prints it after "Exception: ".
    return exception(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }

  addSheet(name: string | undefined, index: number | undefined, gid?: number): SheetModel {
    let n = this.sheets.length + 1;
    let chosen = name;
    if (chosen === undefined) {
      while (this.nameTaken(defaultSheetName(this.locale, n))) n++;
      chosen = defaultSheetName(this.locale, n);
    }
    if (this.nameTaken(chosen)) throw this.duplicateNameError(chosen);
    const engineId = this.engine.addSheet(chosen);
    const model = new SheetModel(chosen, engineId, gid ?? this.newGid());
    const at = index === undefined ? this.sheets.length : Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, model);
    return model;
  }

  /** Sheet ids after the first look like Sheets' (9–10 digits), deterministic for repeatable tests. */
  private newGid(): number {
    if (this.sheets.length === 0 && !this.sheetByGid(0)) return 0;
    let gid: number;
    do {
      gid = (Math.imul(this.nextGid++, 2_654_435_761) >>> 1) % 2_000_000_000;
    } while (gid < 100_000_000 || this.sheetByGid(gid));
    return gid;
  }

  removeSheet(model: SheetModel): void {
    if (this.sheets.length <= 1) throw exception("You can't remove all the sheets in a document.");
    this.forgetSparklines();
    this.engine.removeSheet(model.engineId);
    this.sheets = this.sheets.filter((s) => s !== model);
    dropChartRangesOf(this.sheets, model);
    for (const [k, n] of this.namedRanges) if (n.sheet === model) this.namedRanges.delete(k);
    this.devMeta = this.devMeta.filter((m) => !('sheet' in m.location) || m.location.sheet !== model.gid);
    if (this.active === model) this.active = this.sheets[0]!;
    this.changed();
  }

  renameSheet(model: SheetModel, name: string): void {
    if (name === model.name) return;
    if (this.nameTaken(name, model)) throw this.duplicateNameError(name);
    this.engine.renameSheet(model.engineId, name);
    model.name = name;
    this.changed();
  }

  /** "'Sheet 1'!A1:B2" → the sheet and area, the active sheet when no sheet is named. */
  resolveA1(a1: string): { sheet: SheetModel; area: Area } {
    const bang = a1.lastIndexOf('!');
    let sheet = this.active;
    if (bang >= 0) {
      const parsedName = parseA1(`${a1.slice(0, bang)}!A1`, 1, 1).sheetName!;
      const found = this.sheetByName(parsedName);
      if (!found) throw exception('Range not found');
      sheet = found;
    }
    const p = parseA1(a1, sheet.maxRows, sheet.maxCols);
    return { sheet, area: { row: p.row, col: p.col, numRows: p.numRows, numCols: p.numCols } };
  }

  a1(sheet: SheetModel, area: Area, withSheet = false): string {
    return withSheet ? `${quoteSheet(sheet.name)}!${a1Of(area)}` : a1Of(area);
  }

  // --- reading cells ---

  private sizeOf(own: SheetModel) {
    return (name: string | undefined): SheetSize | undefined => {
      const s = name === undefined ? own : this.sheetByRefName(name);
      return s ? { rows: s.maxRows, cols: s.maxCols } : undefined;
    };
  }

  /** The number format in effect: the cell's, or the one Sheets gives a formula's date/percent result. */
  numberFormat(sheet: SheetModel, row: number, col: number): string | undefined {
    const own = sheet.cellMeta(row, col)?.numberFormat;
    if (own) return own;
    const id = sheet.engineId;
    const type = this.engine.hf.getCellType({ sheet: id, row: row - 1, col: col - 1 });
    if (type === 'VALUE' || type === 'EMPTY') return undefined;
    switch (this.engine.numberType(id, row - 1, col - 1)) {
      case 'NUMBER_DATE':
        return defaultDateFormat(this.locale);
      case 'NUMBER_DATETIME':
        return defaultDateTimeFormat(this.locale);
      case 'NUMBER_TIME':
        return 'H:mm:ss';
      case 'NUMBER_PERCENT':
        return '0%';
      default:
        return undefined;
    }
  }

  /** A computed cell as getValues gives it: '' for blank, the code for an error, a Date for a date. */
  gasValue(v: EngineValue, format: string | undefined): GasValue {
    if (v === null) return '';
    if (isEngineError(v)) return v.error;
    if (typeof v === 'number' && isDateFormat(format)) return dateOfSerial(v, this.timeZone);
    return v;
  }

  /** The engine's values, a blank true/false checkbox reading as unchecked: false [UNVERIFIED]. */
  private rawValues(sheet: SheetModel, area: Area): EngineValue[][] {
    const raw = this.engine.values(sheet.engineId, area.row - 1, area.col - 1, area.numRows, area.numCols);
    raw.forEach((r, i) => {
      r.forEach((v, j) => {
        if (v !== null && v !== '') return;
        const rule = sheet.cellMeta(area.row + i, area.col + j)?.validation;
        if (rule?.criteria === 'CHECKBOX' && rule.values.length === 0) r[j] = false;
      });
    });
    return raw;
  }

  values(sheet: SheetModel, area: Area): GasValue[][] {
    return this.rawValues(sheet, area).map((r, i) =>
      r.map((v, j) =>
        this.gasValue(
          v,
          typeof v === 'number' ? this.numberFormat(sheet, area.row + i, area.col + j) : undefined,
        ),
      ),
    );
  }

  displayValues(sheet: SheetModel, area: Area): string[][] {
    return this.rawValues(sheet, area).map((r, i) =>
      r.map((v, j) => {
        const fmt = typeof v === 'number' ? this.numberFormat(sheet, area.row + i, area.col + j) : undefined;
        return formatDisplay(v, fmt, this.locale);
      }),
    );
  }

  formula(sheet: SheetModel, row: number, col: number): string {
    const f = this.engine.formula(sheet.engineId, row - 1, col - 1);
    if (!f) return '';
    return sheet.cellMeta(row, col)?.openRefs ? reopenRanges(f, this.sizeOf(sheet)) : f;
  }

  formulas(sheet: SheetModel, area: Area): string[][] {
    return Array.from({ length: area.numRows }, (_, i) =>
      Array.from({ length: area.numCols }, (_, j) => this.formula(sheet, area.row + i, area.col + j)),
    );
  }

  /** The note Sheets shows on an error cell ('' when the cell is not an error). */
  cellErrorMessage(sheet: SheetModel, row: number, col: number): string {
    const v = this.engine.value(sheet.engineId, row - 1, col - 1);
    return isEngineError(v) ? v.message : '';
  }

  /** Last row and column with content (0 on an empty sheet), never past the sheet's size. */
  extent(sheet: SheetModel): { rows: number; cols: number } {
    return this.engine.extent(sheet.engineId, sheet.maxRows, sheet.maxCols);
  }

  // --- writing cells ---

  checkInside(sheet: SheetModel, area: Area): void {
    if (area.row + area.numRows - 1 > sheet.maxRows || area.col + area.numCols - 1 > sheet.maxCols) {
      throw exception('The coordinates of the range are outside the dimensions of the sheet.');
    }
  }

  /** Writes entries (already parsed), with the formats typing gives them ("10%" → '0%'). */
  writeEntries(sheet: SheetModel, area: Area, entries: Entry[][]): void {
    const block: Content[][] = entries.map((row, i) =>
      row.map((e, j) => {
        const r = area.row + i;
        const c = area.col + j;
        const meta = sheet.cellMeta(r, c);
        if (e.kind === 'formula') {
          const closed = closeOpenRanges(e.formula, this.sizeOf(sheet));
          if (closed.open) sheet.editMeta(r, c).openRefs = true;
          else if (meta?.openRefs) meta.openRefs = undefined;
          return { formula: closed.formula };
        }
        if (meta?.openRefs) meta.openRefs = undefined;
        if (e.kind === 'blank') return null;
        if (e.kind === 'error') return { error: e.code };
        if (e.format !== undefined) {
          const cur = meta?.numberFormat;
          const kind = (f: string | undefined) =>
            isDateFormat(f) ? 'date' : isPercentFormat(f) ? 'pct' : 'num';
          if (!cur || kind(cur) !== kind(e.format)) sheet.editMeta(r, c).numberFormat = e.format;
        }
        if (typeof e.value === 'number' && isDateFormat(e.format ?? sheet.cellMeta(r, c)?.numberFormat)) {
          return { date: e.value };
        }
        return typeof e.value === 'string' ? { text: e.value } : e.value;
      }),
    );
    this.engine.set(sheet.engineId, area.row - 1, area.col - 1, block);
    this.changed();
  }

  /** Writes JS values as setValues does (USER_ENTERED). */
  writeValues(sheet: SheetModel, area: Area, values: readonly (readonly unknown[])[]): void {
    const entries = values.map((row, i) =>
      row.map((v, j) =>
        entryOf(v, this.locale, this.timeZone, sheet.cellMeta(area.row + i, area.col + j)?.numberFormat),
      ),
    );
    this.writeEntries(sheet, area, entries);
  }

  clearContents(sheet: SheetModel, area: Area): void {
    const ext = this.extent(sheet);
    const rows = Math.min(area.numRows, Math.max(0, ext.rows - area.row + 1));
    const cols = Math.min(area.numCols, Math.max(0, ext.cols - area.col + 1));
    sheet.eachMeta(area, (m) => {
      m.openRefs = undefined;
    });
    if (rows > 0 && cols > 0) {
      const block = Array.from({ length: rows }, () => new Array<Content>(cols).fill(null));
      this.engine.set(sheet.engineId, area.row - 1, area.col - 1, block);
    }
    this.changed();
  }

  // --- rows and columns ---

  /** Inserts count rows so that the first new one is row `at`; formats come from `inheritFrom`. */
  insertRows(sheet: SheetModel, at: number, count: number, inheritFrom?: number): void {
    const oldMax = sheet.maxRows;
    this.forgetSparklines();
    this.engine.addRows(sheet.engineId, at - 1, count);
    sheet.shift('rows', at, count, inheritFrom);
    this.shiftWorkbook(sheet, 'rows', at, count);
    if (at > oldMax) this.extendOpenRanges(sheet, 'rows', oldMax, sheet.maxRows);
    this.changed();
  }

  deleteRows(sheet: SheetModel, at: number, count: number): void {
    if (at < 1 || at + count - 1 > sheet.maxRows) throw exception('Those rows are out of bounds.');
    if (count >= sheet.maxRows) throw exception("You can't delete all the rows on the sheet.");
    this.forgetSparklines();
    this.engine.removeRows(sheet.engineId, at - 1, count);
    sheet.shift('rows', at, -count);
    this.shiftWorkbook(sheet, 'rows', at, -count);
    this.changed();
  }

  insertColumns(sheet: SheetModel, at: number, count: number, inheritFrom?: number): void {
    const oldMax = sheet.maxCols;
    this.forgetSparklines();
    this.engine.addColumns(sheet.engineId, at - 1, count);
    sheet.shift('cols', at, count, inheritFrom);
    this.shiftWorkbook(sheet, 'cols', at, count);
    if (at > oldMax) this.extendOpenRanges(sheet, 'cols', oldMax, sheet.maxCols);
    this.changed();
  }

  deleteColumns(sheet: SheetModel, at: number, count: number): void {
    if (at < 1 || at + count - 1 > sheet.maxCols) throw exception('Those columns are out of bounds.');
    if (count >= sheet.maxCols) throw exception("You can't delete all the columns on the sheet.");
    this.forgetSparklines();
    this.engine.removeColumns(sheet.engineId, at - 1, count);
    sheet.shift('cols', at, -count);
    this.shiftWorkbook(sheet, 'cols', at, -count);
    this.changed();
  }

  private shiftWorkbook(sheet: SheetModel, dim: 'rows' | 'cols', at: number, count: number): void {
    shiftCharts(this.sheets, sheet, dim, at, count);
    for (const [k, n] of this.namedRanges) {
      if (n.sheet !== sheet) continue;
      const a = shiftArea(n.area, dim, at, count);
      if (a) this.setNamedRange(n.name, sheet, a);
      else {
        this.namedRanges.delete(k);
        this.engine.removeNamed(n.name);
      }
    }
    const type = dim === 'rows' ? 'ROW' : 'COLUMN';
    this.devMeta = this.devMeta.filter((m) => {
      const loc = m.location;
      if (loc.type !== type || loc.sheet !== sheet.gid) return true;
      const a = shiftArea(
        dim === 'rows'
          ? { row: loc.index, col: 1, numRows: 1, numCols: 1 }
          : { row: 1, col: loc.index, numRows: 1, numCols: 1 },
        dim,
        at,
        count,
      );
      if (!a) return false;
      loc.index = dim === 'rows' ? a.row : a.col;
      return true;
    });
  }

  /** A sheet grew at its end: ranges typed open that reached its old end reach the new one. */
  private extendOpenRanges(grown: SheetModel, dim: 'rows' | 'cols', oldMax: number, newMax: number): void {
    for (const sheet of this.sheets) {
      const refersTo = (name: string | undefined) =>
        name === undefined ? sheet === grown : this.sheetByRefName(name) === grown;
      for (const [row, cols] of sheet.meta) {
        for (const [col, m] of cols) {
          if (!m.openRefs) continue;
          const f = this.engine.formula(sheet.engineId, row - 1, col - 1);
          if (!f) continue;
          const next = extendRanges(f, refersTo, dim, oldMax, newMax);
          if (next !== f) this.engine.set(sheet.engineId, row - 1, col - 1, [[{ formula: next }]]);
        }
      }
    }
  }

  // --- named ranges ---

  setNamedRange(name: string, sheet: SheetModel, area: Area): void {
    this.namedRanges.set(name, { name, sheet, area });
    const abs = `${quoteSheet(sheet.name)}!$${colLetters(area.col)}$${area.row}:$${colLetters(area.col + area.numCols - 1)}$${area.row + area.numRows - 1}`;
    this.engine.setNamed(name, `=${abs}`);
  }

  removeNamedRange(name: string): void {
    this.namedRanges.delete(name);
    this.engine.removeNamed(name);
  }

  // --- the custom-function host (plugins.ts) ---

  runCustomFunction(name: string, args: CustomArg[], engineSheet?: number): unknown {
    if (!this.bundle?.has(name)) return NO_BUNDLE;
    this.counter.hit(`CustomFunction.${name}`);
    const sheet = engineSheet === undefined ? undefined : this.sheetByEngineId(engineSheet);
    if (sheet) this.counter.ranIn(sheet.name);
    this.customFunctionDepth++;
    const mode = this.authMode;
    this.authMode = 'CUSTOM_FUNCTION';
    try {
      return this.bundle.call(name, args);
    } finally {
      this.customFunctionDepth--;
      this.authMode = mode;
    }
  }

  isDateCell(engineSheet: number, row: number, col: number): boolean {
    const sheet = this.sheetByEngineId(engineSheet);
    return !!sheet && isDateFormat(this.numberFormat(sheet, row + 1, col + 1));
  }

  serialOf(date: Date): number {
    return serialOfDate(date, this.timeZone);
  }

  dateOf(serial: number): Date {
    return dateOfSerial(serial, this.timeZone);
  }

  hasVolatileFormula(engineSheet: number, row: number, col: number, rows: number, cols: number): boolean {
    const formulas = this.engine.hf.getRangeFormulas({
      start: { sheet: engineSheet, row, col },
      end: { sheet: engineSheet, row: row + rows - 1, col: col + cols - 1 },
    });
    return formulas.some((r) => r.some((f) => f !== undefined && VOLATILE.test(f)));
  }

  resizeLater(at: { sheet: number; row: number; col: number }): void {
    this.engine.resizeLater(at);
  }

  /** The chart each SPARKLINE cell last evaluated to, by engine address (engine.ts's key). */
  private readonly sparklines = new Map<string, SparklineSpec>();

  /** Set while a SPARKLINE formula is evaluated aside (sparklineAt): where its spec goes. */
  private capture: { spec?: SparklineSpec } | undefined;

  recordSparkline(at: { sheet: number; row: number; col: number }, spec: SparklineSpec | undefined): void {
    if (this.capture) {
      if (spec) this.capture.spec = spec;
      return;
    }
    const k = key(at.sheet, at.row, at.col);
    if (spec) this.sparklines.set(k, spec);
    else this.sparklines.delete(k);
  }

  /**
   * The chart a cell draws: its SPARKLINE formula's last evaluation. A record is kept only while the
   * cell still holds a SPARKLINE formula; one that moved (rows inserted above) without the engine
   * evaluating it again is evaluated aside, where it is now.
   */
  sparklineAt(sheet: SheetModel, row: number, col: number): SparklineSpec | undefined {
    const formula = this.engine.formula(sheet.engineId, row - 1, col - 1);
    const k = key(sheet.engineId, row - 1, col - 1);
    if (!formula || !SPARKLINE_FORMULA.test(formula)) {
      this.sparklines.delete(k);
      return undefined;
    }
    const known = this.sparklines.get(k);
    if (known) return known;
    this.capture = {};
    try {
      this.engine.calculate(formula, sheet.engineId);
      const spec = this.capture.spec;
      if (spec) this.sparklines.set(k, spec);
      return spec;
    } finally {
      this.capture = undefined;
    }
  }

  /** Rows, columns or sheets move: the records' addresses no longer hold (sparklineAt finds them again). */
  private forgetSparklines(): void {
    this.sparklines.clear();
  }

  noteArraySize(at: { sheet: number; row: number; col: number }, width: number, height: number): void {
    this.engine.arraySizes.set(key(at.sheet, at.row, at.col), { width, height });
  }
}
