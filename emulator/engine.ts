/**
 * The formula engine: one HyperFormula instance per workbook, one engine sheet per Sheet. It holds
 * cell contents (values and formulas) and computes them; the workbook keeps everything else
 * (formats, notes, validations…). Addresses here are 0-based, as HyperFormula's.
 *
 * Two Sheets behaviours HyperFormula lacks are added here: an array result that was blocked
 * expands once the blocking cell is cleared, and errors read as Sheets shows them (codes, notes).
 */
import { type CellValue, DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';
import { a1Of } from './a1';
import {
  arrayLiteralsFromEngine,
  arrayLiteralsToEngine,
  referencedSheets,
  refsToSheetAsError,
} from './formulas';
import { type CustomFunctionHost, HELD_FUNCTION, registerPlugins } from './plugins';

registerPlugins();

/** A computed cell as the emulator reads it. */
export type EngineValue = number | string | boolean | null | EngineError;
export interface EngineError {
  error: string;
  message: string;
}

export const isEngineError = (v: unknown): v is EngineError =>
  typeof v === 'object' && v !== null && 'error' in v && typeof (v as EngineError).error === 'string';

/** What a cell is set to: a formula ('=…'), text, a number, a boolean, or null for blank. */
export type Content =
  | { formula: string }
  | { text: string }
  | { date: number }
  | { error: string }
  | number
  | boolean
  | null;

export const key = (sheet: number, row: number, col: number) => `${sheet}:${row}:${col}`;

/** A cell's 0-based engine address. */
export interface Address {
  sheet: number;
  row: number;
  col: number;
}

/** Where a cell goes when rows, columns or a sheet go (undefined: it went with them). */
export type Move = (at: Address) => Address | undefined;

const HELD = new RegExp(`^=\\s*${HELD_FUNCTION.replace('.', '\\.')}\\(([\\s\\S]*)\\)\\s*$`, 'i');

/** The formula inside a held one ('=…'), undefined when the text is not a held formula. */
function heldBody(formula: string | undefined): string | undefined {
  const m = formula === undefined ? null : HELD.exec(formula);
  return m ? `=${m[1]}` : undefined;
}

/**
 * A date as HyperFormula takes one, so that it types the cell as a date and formulas on it keep the
 * type (=A1+7 is a date, as in Sheets): a JS Date whose local fields are the serial's wall clock,
 * which is what HyperFormula reads.
 */
function engineDate(serial: number): Date {
  const wall = new Date(Math.round((serial - 25_569) * 86_400_000));
  return new Date(
    wall.getUTCFullYear(),
    wall.getUTCMonth(),
    wall.getUTCDate(),
    wall.getUTCHours(),
    wall.getUTCMinutes(),
    wall.getUTCSeconds(),
    wall.getUTCMilliseconds(),
  );
}

export class Engine {
  readonly hf: HyperFormula;
  /** Anchors of array formulas whose result was blocked (#REF!), to retry when cells clear. */
  private readonly blocked = new Set<string>();
  /** Result sizes custom functions declared, by formula address (for the blocked-result note). */
  readonly arraySizes = new Map<string, { width: number; height: number }>();
  /** Formulas of script functions whose result changed size: written again by settle(). */
  private readonly resizing = new Map<string, Address>();

  resizeLater(at: Address): void {
    this.resizing.set(key(at.sheet, at.row, at.col), { ...at });
  }

  /**
   * Writes again the formulas whose script function's result changed size, so that the engine gives
   * them their new size; a few rounds at most (a result that keeps changing size stays as it is).
   */
  private settle(): void {
    for (let round = 0; round < 3 && this.resizing.size > 0; round++) {
      const cells = [...this.resizing.values()];
      this.resizing.clear();
      for (const at of cells) {
        if (!this.hf.doesSheetExist(this.hf.getSheetName(at.sheet) ?? '')) continue;
        const formula = this.hf.getCellFormula(at);
        if (!formula) continue;
        this.track(this.hf.setCellContents(at, [[formula]]));
      }
      this.reflow();
    }
    this.resizing.clear();
  }

  constructor(host: CustomFunctionHost) {
    this.hf = HyperFormula.buildEmpty({
      licenseKey: 'gpl-v3',
      context: host,
      // Sheets' serial dates start 1899-12-30 with no 1900 leap-year bug: HyperFormula's defaults.
      dateFormats: ['YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY'],
      timeFormats: ['hh:mm', 'hh:mm:ss'],
      useWildcards: true,
      useRegularExpressions: false,
      matchWholeCell: true,
      caseSensitive: false,
      precisionRounding: 10,
      maxRows: 5_000_000,
      // getValues gives doubles as they are (2/3 → 0.6666666666666666), not rounded for display.
      smartRounding: false,
      // Sheets passes arrays through functions such as IFERROR(FILTER(…), ""): HyperFormula only
      // does with array arithmetic on (else IFERROR keeps the first cell).
      useArrayArithmetic: true,
    });
    this.tolerateMissingDependencies();
  }

  /**
   * HyperFormula 3.5 throws "Range does not exist" (and leaves its graph half-changed) when a formula
   * that reads a deleted sheet is replaced or moved: unlinking the old formula looks up the ranges
   * it read, which went with the sheet. Such a lookup now skips what is gone — there is no link to
   * undo there. Done on the instance, through fields HyperFormula does not export; left alone if a
   * later version keeps them elsewhere.
   */
  private tolerateMissingDependencies(): void {
    type Dep = { start?: Address; end?: Address; name?: string } & Partial<Address>;
    const dg = this.hf.dependencyGraph as unknown as {
      graph?: { dependencyQuery?: (v: unknown) => [unknown, unknown][] };
      formulaDependencyQuery?: (v: unknown) => [Address, Dep[]] | undefined;
      rangeMapping?: { getRangeVertex?: (start: Address, end: Address) => unknown };
      addressMapping?: { getCell?: (a: Address) => unknown };
      namedExpressions?: { namedExpressionOrPlaceholder?: (n: string, s: number) => { address: Address } };
    };
    const graph = dg.graph;
    const query = graph?.dependencyQuery;
    if (!graph || typeof query !== 'function' || typeof dg.formulaDependencyQuery !== 'function') return;
    const cell = (a: Address): [unknown, unknown][] => {
      const v = dg.addressMapping?.getCell?.(a);
      return v ? [[a, v]] : [];
    };
    graph.dependencyQuery = (vertex: unknown) => {
      try {
        return query(vertex);
      } catch (e) {
        const found = dg.formulaDependencyQuery?.(vertex);
        if (!found) throw e;
        const [at, deps] = found;
        return deps.flatMap((d): [unknown, unknown][] => {
          if (d.start && d.end) {
            const v = dg.rangeMapping?.getRangeVertex?.(d.start, d.end);
            return v ? [[d.start, v]] : [];
          }
          if (typeof d.name === 'string') {
            const named = dg.namedExpressions?.namedExpressionOrPlaceholder?.(d.name, at.sheet);
            return named ? cell(named.address) : [];
          }
          return cell(d as Address);
        });
      }
    };
  }

  addSheet(name: string): number {
    const added = this.hf.addSheet(name);
    return this.hf.getSheetId(added)!;
  }

  /**
   * Removes a sheet; formulas elsewhere that read it read #REF! instead, in their text too, and stay
   * so if a sheet of that name comes back, as in Sheets [UNVERIFIED: no source seen; the common
   * experience]. HyperFormula would keep them waiting for the sheet, and then fail on the next row
   * inserted or formula replaced near them ("Sheet not initialized", "Range does not exist").
   */
  removeSheet(sheet: number): void {
    const name = this.hf.getSheetName(sheet)!.toLowerCase();
    const readers = this.formulaCells((f) => referencedSheets(f).some((n) => n.toLowerCase() === name))
      .filter((a) => a.sheet !== sheet)
      .map((at) => ({ at, formula: refsToSheetAsError(this.hf.getCellFormula(at)!, name) }));
    this.purgeStaleArrays();
    this.hf.batch(() => {
      for (const r of readers) this.hf.setCellContents(r.at, [[r.formula]]);
      this.hf.removeSheet(sheet);
    });
    this.purgeStaleArrays();
    for (const k of [...this.blocked]) if (k.startsWith(`${sheet}:`)) this.blocked.delete(k);
    for (const n of this.hf.getSheetNames()) this.rescan(this.hf.getSheetId(n)!);
  }

  renameSheet(sheet: number, name: string): void {
    this.hf.renameSheet(sheet, name);
  }

  private raw(c: Content): RawCellContent {
    if (c === null || typeof c === 'number' || typeof c === 'boolean') return c;
    // Text always goes in behind an apostrophe, so the engine never parses it as a number or date.
    if ('text' in c) return `'${c.text}`;
    if ('date' in c) return engineDate(c.date);
    // An error code typed as such ('#N/A'): the engine reads it as that error.
    if ('error' in c) return c.error;
    return arrayLiteralsToEngine(c.formula);
  }

  /** Writes a block of contents, then lets blocked array results expand if they now can. */
  set(sheet: number, row: number, col: number, block: Content[][]): void {
    const raw = block.map((r) => r.map((c) => this.raw(c)));
    const changes = this.hf.setCellContents({ sheet, row, col }, raw);
    if (this.batching) return;
    this.track(changes);
    this.reflow();
    this.settle();
  }

  /**
   * Computes formula cells again although nothing they name here changed (an IMPORTRANGE whose
   * source workbook changed): each is written again with its formula, all in one batch.
   */
  recompute(cells: readonly Address[]): void {
    const changes = this.hf.batch(() => {
      for (const at of cells) {
        const f = this.hf.getCellFormula(at);
        if (f !== undefined) this.hf.setCellContents(at, [[f]]);
      }
    });
    this.track(changes);
    this.reflow();
    this.settle();
  }

  /** Writes a block inside structural(…)'s change, which computes and reflows once at its end. */
  place(sheet: number, row: number, col: number, block: Content[][]): void {
    this.hf.setCellContents(
      { sheet, row, col },
      block.map((r) => r.map((c) => this.raw(c))),
    );
  }

  private batching = false;

  /** Many writes computed once at the end (loading a file). */
  batch(fn: () => void): void {
    this.batching = true;
    try {
      this.hf.batch(fn);
    } finally {
      this.batching = false;
    }
    for (const name of this.hf.getSheetNames()) this.rescan(this.hf.getSheetId(name)!);
    this.settle();
  }

  private track(
    changes: readonly { address?: { sheet: number; row: number; col: number }; newValue?: unknown }[],
  ) {
    for (const ch of changes) {
      const a = ch.address;
      if (!a) continue;
      const v = ch.newValue;
      if (v instanceof DetailedCellError && v.type === 'SPILL') this.blocked.add(key(a.sheet, a.row, a.col));
    }
  }

  /** Retries blocked array formulas: HyperFormula leaves them blocked after the cells clear. */
  private reflow(): void {
    for (const k of [...this.blocked]) {
      const [sheet, row, col] = k.split(':').map(Number) as [number, number, number];
      const addr = { sheet, row, col };
      const formula = this.hf.doesSheetExist(this.hf.getSheetName(sheet) ?? '')
        ? this.hf.getCellFormula(addr)
        : undefined;
      const v = formula ? this.hf.getCellValue(addr) : undefined;
      if (!formula || !(v instanceof DetailedCellError) || v.type !== 'SPILL') {
        this.blocked.delete(k);
        continue;
      }
      const changes = this.hf.setCellContents(addr, [[formula]]);
      const now = this.hf.getCellValue(addr);
      if (!(now instanceof DetailedCellError && now.type === 'SPILL')) this.blocked.delete(k);
      this.track(changes);
    }
  }

  /** After rows or columns move, blocked anchors are found again by scanning the sheet. */
  private rescan(sheet: number): void {
    for (const k of [...this.blocked]) if (k.startsWith(`${sheet}:`)) this.blocked.delete(k);
    const values = this.hf.getSheetValues(sheet);
    values.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v instanceof DetailedCellError && v.type === 'SPILL') this.blocked.add(key(sheet, r, c));
      });
    });
    this.reflow();
  }

  /** Formula cells of every sheet whose text passes a test (a scan: used when the array map is not there). */
  private formulaCells(test: (formula: string) => boolean): Address[] {
    const found: Address[] = [];
    for (const name of this.hf.getSheetNames()) {
      const sheet = this.hf.getSheetId(name)!;
      this.hf.getSheetFormulas(sheet).forEach((row, r) => {
        row.forEach((f, c) => {
          if (f !== undefined && test(f)) found.push({ sheet, row: r, col: c });
        });
      });
    }
    return found;
  }

  /** HyperFormula's map of array formulas by anchor ("sheet,row,col"), when it is where 3.5 keeps it. */
  private arrayMap(): Map<string, unknown> | undefined {
    const graph = this.hf.dependencyGraph as unknown as {
      arrayMapping?: { arrayMapping?: unknown };
      getCell?: (a: Address) => unknown;
    };
    const map = graph.arrayMapping?.arrayMapping;
    return map instanceof Map ? (map as Map<string, unknown>) : undefined;
  }

  /**
   * HyperFormula 3.5 leaves a blocked array formula in its array map when the anchor is overwritten
   * (its cell then holds something else); the next row deletion through that entry throws "Unknown
   * node". Entries whose cell no longer holds their formula are dropped.
   */
  private purgeStaleArrays(): void {
    const map = this.arrayMap();
    const graph = this.hf.dependencyGraph as unknown as { getCell?: (a: Address) => unknown };
    if (!map || typeof graph.getCell !== 'function') return;
    for (const [k, vertex] of [...map]) {
      const [sheet, row, col] = k.split(',').map(Number) as [number, number, number];
      const live = row >= 0 && col >= 0 && this.hf.doesSheetExist(this.hf.getSheetName(sheet) ?? '');
      if (!live || graph.getCell({ sheet, row, col }) !== vertex) map.delete(k);
    }
  }

  /**
   * The anchors of array formulas, blocked ones included: read off HyperFormula's array map (keys
   * "sheet,row,col"), or found by a scan if a later version keeps it elsewhere.
   */
  private arrayAnchors(): Address[] {
    const map = this.arrayMap();
    const candidates = map
      ? [...map.keys()].map((k) => {
          const [sheet, row, col] = String(k).split(',').map(Number) as [number, number, number];
          return { sheet, row, col };
        })
      : this.formulaCells(() => true);
    return candidates.filter((a) => this.hf.getCellType(a) === 'ARRAYFORMULA');
  }

  /**
   * Runs a change of a sheet's rows or columns the way Sheets does it for array formulas, which
   * HyperFormula 3.5 gets wrong (stale or misplaced results, "Cannot move cell. Destination already
   * occupied.", "Resizing to smaller array", spills past the sheet): every array formula on that
   * sheet or reading it is first held as a one-cell EMULATOR.HELD(…) (plugins.ts), whose references
   * the engine rewrites as for any formula; after the change each is put back where its cell went —
   * gone with a deleted row — and spills anew, all in one batch so it is computed once. Arrays that
   * neither sit on the sheet nor name it are left alone (a named range is not followed).
   */
  structural(sheet: number, change: () => void, move: Move): void {
    this.purgeStaleArrays();
    const name = this.hf.getSheetName(sheet)!.toLowerCase();
    const sheets = new Set(this.hf.getSheetNames().map((n) => n.toLowerCase()));
    const held = this.arrayAnchors()
      .map((at) => ({ at, formula: this.hf.getCellFormula(at)!, names: [] as string[] }))
      .filter((h) => {
        h.names = referencedSheets(h.formula).map((n) => n.toLowerCase());
        // A formula reading a deleted sheet cannot be typed again (the engine refuses the text).
        if (!h.names.every((n) => sheets.has(n))) return false;
        return h.at.sheet === sheet || h.names.includes(name);
      });
    const run = () => {
      for (const h of held) this.hf.setCellContents(h.at, [[`=${HELD_FUNCTION}(${h.formula.slice(1)})`]]);
      this.purgeStaleArrays();
      change();
      let lost = false;
      for (const h of held) {
        const to = move(h.at);
        if (!to) continue;
        const body = heldBody(this.hf.getCellFormula(to));
        if (body === undefined) lost = true;
        else this.hf.setCellContents(to, [[body]]);
      }
      // Not where expected (a case the moves above missed): find what is still held.
      if (lost) {
        for (const at of this.formulaCells((f) => heldBody(f) !== undefined)) {
          this.hf.setCellContents(at, [[heldBody(this.hf.getCellFormula(at))!]]);
        }
      }
    };
    if (this.hf.isEvaluationSuspended()) run();
    else this.hf.batch(run);
    for (const id of new Set([sheet, ...held.map((h) => h.at.sheet)])) this.rescan(id);
    this.settle();
  }

  addRows(sheet: number, at: number, count: number): void {
    this.structural(
      sheet,
      () => this.hf.addRows(sheet, [at, count]),
      (a) => (a.sheet === sheet && a.row >= at ? { ...a, row: a.row + count } : a),
    );
  }

  removeRows(sheet: number, at: number, count: number): void {
    this.structural(
      sheet,
      () => this.hf.removeRows(sheet, [at, count]),
      (a) => {
        if (a.sheet !== sheet || a.row < at) return a;
        return a.row < at + count ? undefined : { ...a, row: a.row - count };
      },
    );
  }

  addColumns(sheet: number, at: number, count: number): void {
    this.structural(
      sheet,
      () => this.hf.addColumns(sheet, [at, count]),
      (a) => (a.sheet === sheet && a.col >= at ? { ...a, col: a.col + count } : a),
    );
  }

  removeColumns(sheet: number, at: number, count: number): void {
    this.structural(
      sheet,
      () => this.hf.removeColumns(sheet, [at, count]),
      (a) => {
        if (a.sheet !== sheet || a.col < at) return a;
        return a.col < at + count ? undefined : { ...a, col: a.col - count };
      },
    );
  }

  /**
   * What a cell holds, as set() takes it: its formula, its typed value (a date typed as a date), null
   * when blank — and null for a cell an array formula spilled into, which holds nothing of its own.
   */
  content(sheet: number, row: number, col: number): Content {
    const at = { sheet, row, col };
    switch (this.hf.getCellType(at)) {
      case 'FORMULA':
      case 'ARRAYFORMULA':
        return { formula: this.formula(sheet, row, col)! };
      case 'VALUE': {
        const v = this.hf.getCellValue(at);
        if (typeof v === 'number') {
          return /^NUMBER_(DATE|TIME)/.test(this.hf.getCellValueDetailedType(at)) ? { date: v } : v;
        }
        if (typeof v === 'string') return { text: v };
        if (v instanceof DetailedCellError) return { error: v.value };
        return typeof v === 'boolean' ? v : null;
      }
      default:
        return null;
    }
  }

  /**
   * The array results of a sheet: each anchor with the area its result covers (when known), for
   * what a copied cell holds (a spilled cell holds its value only, see paste.ts).
   */
  spills(sheet: number): { at: Address; width: number; height: number }[] {
    return this.arrayAnchors()
      .filter((a) => a.sheet === sheet)
      .flatMap((at) => {
        const size = this.arraySize(at.sheet, at.row, at.col);
        return size ? [{ at, ...size }] : [];
      });
  }

  /** Whether a cell shows a value an array formula spilled into it (not its anchor). */
  isSpilled(sheet: number, row: number, col: number): boolean {
    return this.hf.getCellType({ sheet, row, col }) === 'ARRAY';
  }

  /** The formula of a cell that holds one (an array's anchor, not the cells it spilled into). */
  formula(sheet: number, row: number, col: number): string | undefined {
    const f = this.hf.getCellFormula({ sheet, row, col });
    return f === undefined ? undefined : arrayLiteralsFromEngine(f);
  }

  value(sheet: number, row: number, col: number): EngineValue {
    return this.read(this.hf.getCellValue({ sheet, row, col }), sheet, row, col);
  }

  values(sheet: number, row: number, col: number, rows: number, cols: number): EngineValue[][] {
    const grid = this.hf.getRangeValues({
      start: { sheet, row, col },
      end: { sheet, row: row + rows - 1, col: col + cols - 1 },
    });
    return grid.map((r, i) => r.map((v, j) => this.read(v, sheet, row + i, col + j)));
  }

  /** HyperFormula's detailed type, for formulas whose result is a date or percent. */
  numberType(sheet: number, row: number, col: number): string {
    return this.hf.getCellValueDetailedType({ sheet, row, col });
  }

  isEmpty(sheet: number, row: number, col: number): boolean {
    return this.hf.isCellEmpty({ sheet, row, col });
  }

  /**
   * Whether a cell holds something: typed content, a formula, or a value an array formula spilled
   * into it. HyperFormula sizes some results before computing them (FILTER as tall as its input)
   * and pads the rest with nothing: those padding cells are empty, as Sheets has no such cells.
   */
  private filled(sheet: number, row: number, col: number): boolean {
    const at = { sheet, row, col };
    if (this.hf.isCellEmpty(at)) return false;
    return this.hf.getCellType(at) !== 'ARRAY' || this.hf.getCellValue(at) !== null;
  }

  /** Rows and columns holding something within the first maxRows × maxCols (0 when empty). */
  extent(sheet: number, maxRows: number, maxCols: number): { rows: number; cols: number } {
    const d = this.hf.getSheetDimensions(sheet);
    let rows = Math.min(d.height, maxRows);
    let cols = Math.min(d.width, maxCols);
    const rowFilled = (r: number) => {
      for (let c = 0; c < cols; c++) if (this.filled(sheet, r, c)) return true;
      return false;
    };
    const colFilled = (c: number) => {
      for (let r = 0; r < rows; r++) if (this.filled(sheet, r, c)) return true;
      return false;
    };
    while (rows > 0 && !rowFilled(rows - 1)) rows--;
    while (cols > 0 && !colFilled(cols - 1)) cols--;
    return { rows, cols };
  }

  /** A formula evaluated in a sheet's context, for conditional formats. */
  calculate(formula: string, sheet: number): EngineValue {
    try {
      const v = this.hf.calculateFormula(arrayLiteralsToEngine(formula), sheet);
      if (Array.isArray(v)) return this.read((v[0]?.[0] ?? null) as CellValue, sheet, 0, 0);
      return this.read(v as CellValue, sheet, 0, 0);
    } catch (e) {
      return { error: '#ERROR!', message: e instanceof Error ? e.message : String(e) };
    }
  }

  setNamed(name: string, expression: string): void {
    if (this.hf.listNamedExpressions().some((n) => n.toUpperCase() === name.toUpperCase())) {
      this.hf.changeNamedExpression(name, expression);
    } else this.hf.addNamedExpression(name, expression);
  }

  removeNamed(name: string): void {
    if (this.hf.listNamedExpressions().includes(name)) this.hf.removeNamedExpression(name);
  }

  rebuild(): void {
    this.hf.rebuildAndRecalculate();
    this.tolerateMissingDependencies(); // the rebuild made a new graph
    for (const id of this.hf.getSheetNames().map((n) => this.hf.getSheetId(n)!)) this.rescan(id);
    this.settle();
  }

  /** An engine value as Sheets shows it: error codes and the notes Sheets gives them. */
  private read(v: CellValue, sheet: number, row: number, col: number): EngineValue {
    if (!(v instanceof DetailedCellError)) return v;
    const message = v.message ?? '';
    switch (v.type) {
      case 'SPILL':
        return { error: '#REF!', message: this.spillNote(sheet, row, col) };
      case 'CYCLE':
        return {
          error: '#REF!',
          message:
            'Circular dependency detected. To resolve with iterative calculation, see File > Settings.',
        };
      case 'NAME': {
        const fn = /^Function name (.+) not recognized\.$/.exec(message);
        const named = /^Named expression (.+) not recognized\.$/.exec(message);
        if (fn) return { error: '#NAME?', message: `Unknown function: '${fn[1]}'.` };
        if (named) return { error: '#NAME?', message: `Unknown range name: '${named[1]}'.` };
        return { error: '#NAME?', message };
      }
      case 'ERROR':
        return {
          error: '#ERROR!',
          message: message.startsWith('Parsing error') ? 'Formula parse error.' : message,
        };
      case 'LIC':
        return { error: '#ERROR!', message };
      default:
        return { error: v.value, message };
    }
  }

  /** Sheets' note on a blocked array result names the first cell in the way [EMU]. */
  private spillNote(sheet: number, row: number, col: number): string {
    const size = this.arraySize(sheet, row, col);
    if (size) {
      for (let r = 0; r < size.height; r++) {
        for (let c = 0; c < size.width; c++) {
          if ((r || c) && !this.hf.isCellEmpty({ sheet, row: row + r, col: col + c })) {
            return `Array result was not expanded because it would overwrite data in ${a1Of({ row: row + r + 1, col: col + c + 1, numRows: 1, numCols: 1 })}.`;
          }
        }
      }
    }
    return 'Array result was not expanded because it would overwrite data.';
  }

  /** The size an array formula wanted: as declared by a custom function, or on HyperFormula's graph vertex. */
  private arraySize(sheet: number, row: number, col: number): { width: number; height: number } | undefined {
    const declared = this.arraySizes.get(key(sheet, row, col));
    if (declared) return declared;
    const graph = this.hf.dependencyGraph as unknown as {
      getCell?: (a: { sheet: number; row: number; col: number }) => unknown;
    };
    const vertex = graph.getCell?.({ sheet, row, col }) as { array?: { size?: unknown } } | undefined;
    const size = vertex?.array?.size as { width?: unknown; height?: unknown; isRef?: unknown } | undefined;
    // A blocked array's vertex holds a 1×1 error: its size is then found by computing it aside.
    if (typeof size?.width === 'number' && typeof size.height === 'number' && !size.isRef) {
      return { width: size.width, height: size.height };
    }
    return this.computedSize(sheet, row, col);
  }

  /**
   * The size of a formula's result computed aside (its references name the same cells wherever it is
   * computed): what a blocked array would cover, for its note.
   */
  private computedSize(
    sheet: number,
    row: number,
    col: number,
  ): { width: number; height: number } | undefined {
    const formula = this.hf.getCellFormula({ sheet, row, col });
    if (!formula) return undefined;
    try {
      const v = this.hf.calculateFormula(formula, sheet);
      if (Array.isArray(v) && v.length > 0) return { width: v[0]?.length ?? 1, height: v.length };
    } catch {
      // not computable aside: the note names no cell
    }
    return undefined;
  }
}
