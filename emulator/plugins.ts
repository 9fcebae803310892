/**
 * The formula functions HyperFormula gets from the emulator: every custom function of the add-on's
 * registry (declared once, in src/functions/registry.ts), and SPARKLINE, which Sheets draws as a
 * chart and whose value is blank.
 *
 * HyperFormula fixes an array result's size before evaluating it, so each custom function declares
 * its size from the argument shapes with the registry's resultShape. Evaluation is delegated to the
 * workbook (config.context), which runs the bundle's top-level function of that name in its vm.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  type ImplementedFunctions,
  SimpleRangeValue,
} from 'hyperformula';
import { resultShape, type Shape } from '../src/functions/define';
import { registry, specOf } from '../src/functions/registry';
import { isDate } from './dates';
import { type SparkCell, type SparklineSpec, sparklineOptions, sparklineSpec } from './sparkline';

// HyperFormula's package exports no parser types: they are read off FunctionPlugin's own methods.
type EvaluateAst = FunctionPlugin['evaluateAst'];
type Ast = Parameters<EvaluateAst>[0];
type InterpreterState = Parameters<EvaluateAst>[1];
type InterpreterValue = ReturnType<EvaluateAst>;
type ProcedureAst = Extract<Ast, { procedureName: string }>;

/** What a custom function sees of the cell grid: Sheets' value types, '' for blanks. */
export type ArgValue = number | string | boolean | Date;
export type CustomArg = ArgValue | ArgValue[][] | undefined;

/** Marks a custom function call made while no bundle is loaded. */
export const NO_BUNDLE = Symbol('no bundle');

export interface CustomFunctionHost {
  /**
   * Runs the bundle's top-level function for the formula in engine sheet `sheet`; throws what it
   * throws; NO_BUNDLE when none is loaded.
   */
  runCustomFunction(name: string, args: CustomArg[], sheet?: number): unknown;
  /** Whether a cell's number is a date (0-based address in the engine). */
  isDateCell(sheet: number, row: number, col: number): boolean;
  serialOf(date: Date): number;
  dateOf(serial: number): Date;
  /** Whether a cell of a block holds a formula calling a volatile function (TODAY, NOW, RAND…). */
  hasVolatileFormula(sheet: number, row: number, col: number, rows: number, cols: number): boolean;
  /** The size a formula's array result will take, for the note of a blocked one. */
  noteArraySize(at: { sheet: number; row: number; col: number }, width: number, height: number): void;
  /**
   * A script function's result came out of another size than the one its formula was given: the
   * formula is written again once the computation is over, to take the new size (ScriptFunctionsPlugin).
   */
  resizeLater(at: { sheet: number; row: number; col: number }): void;
  /** IMPORTRANGE: another workbook's values, or the error Sheets shows (import-range.ts). */
  importRange(
    url: string,
    range: string,
    at: { sheet: number; row: number; col: number },
  ):
    | { values: (number | string | boolean | null | { error: string; message: string })[][] }
    | { error: string; message: string };
  /** The size an IMPORTRANGE formula's result took last ([rows, cols]; [1, 1] at first). */
  importSize(at: { sheet: number; row: number; col: number }): [number, number];
  setImportSize(at: { sheet: number; row: number; col: number }, size: [number, number]): void;
  /** A SPARKLINE formula was evaluated: its chart (undefined when it is an error). */
  recordSparkline(at: { sheet: number; row: number; col: number }, spec: SparklineSpec | undefined): void;
}

/** HyperFormula hands a plugin its config.context: the workbook's host. */
function hostOf(plugin: FunctionPlugin): CustomFunctionHost {
  return (plugin as unknown as { config: { context: CustomFunctionHost } }).config.context;
}

const ERROR_CODES: Record<string, string> = {
  DIV_BY_ZERO: '#DIV/0!',
  NA: '#N/A',
  NAME: '#NAME?',
  NUM: '#NUM!',
  REF: '#REF!',
  VALUE: '#VALUE!',
  CYCLE: '#REF!',
  SPILL: '#REF!',
  ERROR: '#ERROR!',
  LIC: '#ERROR!',
};

/**
 * An error where an array was declared: in Sheets the error sits in the formula's cell alone, so the
 * other cells of the area are left blank.
 */
function anchored(error: CellError | InterpreterValue, rows: number, cols: number): InterpreterValue {
  if (rows === 1 && cols === 1) return error;
  const grid = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => (r === 0 && c === 0 ? error : EmptyValue)),
  );
  return SimpleRangeValue.onlyValues(grid as never);
}

function isCellError(v: unknown): v is CellError {
  return v instanceof CellError;
}

/** An engine value as SPARKLINE reads it: a number (dates and percents too), text, boolean or null. */
function sparkCell(v: unknown): SparkCell {
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (isCellError(v)) return ERROR_CODES[v.type] ?? '#ERROR!';
  const rich = v as { val?: unknown } | null;
  if (rich && typeof rich === 'object' && typeof rich.val === 'number') return rich.val;
  return null;
}

/** `date` says whether the cell is formatted as a date; asked only of numbers (it reads the format). */
function plainCell(v: unknown, date: boolean | (() => boolean), host: CustomFunctionHost): ArgValue {
  if (typeof v === 'symbol' || v === null || v === undefined) return '';
  if (isCellError(v)) return ERROR_CODES[v.type] ?? '#ERROR!';
  const isDate = () => (typeof date === 'function' ? date() : date);
  if (typeof v === 'number') return isDate() ? host.dateOf(v) : v;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  // An ExtendedNumber (a date or percent computed by a formula) carries its number in .val, and
  // a date keeps its type through FILTER and the like: Sheets hands such values over as Dates.
  const rich = v as { val?: unknown; getDetailedType?: () => unknown };
  const typed = typeof rich.getDetailedType === 'function' ? String(rich.getDetailedType()) : '';
  if (typeof rich.val === 'number')
    return /^NUMBER_DATE/.test(typed) || isDate() ? host.dateOf(rich.val) : rich.val;
  return String(v);
}

/** Functions whose value changes on every computation: a custom function fed by one never loads. */
export const VOLATILE = /\b(TODAY|NOW|RAND|RANDBETWEEN|RANDARRAY)\s*\(/i;

function astCallsVolatile(ast: Ast): boolean {
  if ('procedureName' in ast && VOLATILE.test(`${ast.procedureName}(`)) return true;
  for (const v of Object.values(ast)) {
    if (
      Array.isArray(v) &&
      v.some((x) => x && typeof x === 'object' && 'type' in x && astCallsVolatile(x as Ast))
    ) {
      return true;
    }
    if (v && typeof v === 'object' && 'type' in v && astCallsVolatile(v as Ast)) return true;
  }
  return false;
}

/** JavaScript's own error types, whose name Sheets shows before the message. */
const NAMED_ERRORS = new Set([
  'TypeError',
  'RangeError',
  'ReferenceError',
  'SyntaxError',
  'URIError',
  'EvalError',
]);

/**
 * The note of a custom function's #ERROR! [DOC CF: "the cell shows #ERROR! and the tooltip the
 * message"]: the message of a thrown Error or Apps Script Exception as it is; a JavaScript error
 * of another type named first ("TypeError: …") [UNVERIFIED]; anything else thrown as its text
 * [UNVERIFIED]. Sheets may add " (line N)." after it [UNVERIFIED: the docs' one example, a
 * time-out, has it]: the emulator does not, since the bundle's line numbers mean nothing to a user.
 */
export function thrownNote(e: unknown): string {
  if (e instanceof Error) return NAMED_ERRORS.has(e.name) ? `${e.name}: ${e.message}` : e.message;
  return String(e);
}

export class CustomFunctionsPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = Object.fromEntries([
    ...registry.map((spec) => [
      spec.name,
      {
        method: 'customFunction',
        sizeOfResultArrayMethod: 'customFunctionSize',
        vectorizationForbidden: true,
        parameters: spec.params.map(() => ({ argumentType: FunctionArgumentType.ANY, optionalArg: true })),
      },
    ]),
    [
      'SPARKLINE',
      {
        method: 'sparkline',
        // its arguments are read by the method itself, but the engine must still know it depends
        // on them (doesNotNeedArgumentsToBeComputed would drop the dependencies of a plain range)
        parameters: [
          { argumentType: FunctionArgumentType.ANY, optionalArg: true },
          { argumentType: FunctionArgumentType.ANY, optionalArg: true },
        ],
      },
    ],
  ]);

  private shapes(ast: ProcedureAst, state: InterpreterState): (Shape | undefined)[] {
    return ast.args.map((arg) => {
      if (arg.type === 'EMPTY') return undefined;
      const size = this.arraySizeForAst(arg, state);
      return [size.height, size.width] as const;
    });
  }

  customFunctionSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    const spec = specOf(ast.procedureName.toUpperCase());
    if (!spec) return ArraySize.scalar();
    const [rows, cols] = resultShape(spec, this.shapes(ast, state));
    if (state.formulaAddress) hostOf(this).noteArraySize(state.formulaAddress, cols, rows);
    return new ArraySize(cols, rows);
  }

  /** An argument as Sheets hands it to a custom function: a scalar for one cell, else rows. */
  private argument(arg: Ast, state: InterpreterState, host: CustomFunctionHost): CustomArg | CellError {
    if (arg.type === 'EMPTY') return undefined;
    const value = this.evaluateAst(arg, state);
    if (value instanceof SimpleRangeValue) {
      const start = value.range?.start;
      const rows = value
        .rawData()
        .map((row, r) =>
          row.map((cell, c) =>
            plainCell(
              cell,
              () => (start ? host.isDateCell(start.sheet, start.row + r, start.col + c) : false),
              host,
            ),
          ),
        );
      // A 1×1 range arrives as its one value, as in Sheets.
      return rows.length === 1 && rows[0]!.length === 1 ? rows[0]![0]! : rows;
    }
    if (isCellError(value)) return value;
    let date = false;
    if (arg.type === 'CELL_REFERENCE') {
      const at = arg.reference.toSimpleCellAddress(state.formulaAddress);
      date = host.isDateCell(at.sheet, at.row, at.col);
    }
    return plainCell(value, date, host);
  }

  /**
   * A custom function fed by a volatile function — directly, or through a cell whose formula calls
   * one — shows "Loading..." for ever in Sheets [DOC CF]; the emulator makes it #N/A with that note
   * [UNVERIFIED value], so that a template doing it fails its tests.
   */
  private fedByVolatile(ast: ProcedureAst, state: InterpreterState, host: CustomFunctionHost): boolean {
    return ast.args.some((arg) => {
      if (astCallsVolatile(arg)) return true;
      if (arg.type === 'CELL_REFERENCE') {
        const at = arg.reference.toSimpleCellAddress(state.formulaAddress);
        return host.hasVolatileFormula(at.sheet, at.row, at.col, 1, 1);
      }
      if (arg.type === 'CELL_RANGE') {
        const a = arg.start.toSimpleCellAddress(state.formulaAddress);
        const b = arg.end.toSimpleCellAddress(state.formulaAddress);
        return host.hasVolatileFormula(a.sheet, a.row, a.col, b.row - a.row + 1, b.col - a.col + 1);
      }
      return false;
    });
  }

  customFunction(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    const name = ast.procedureName.toUpperCase();
    const [rows, cols] = resultShape(specOf(name)!, this.shapes(ast, state));
    return this.run(name, ast, state, rows, cols);
  }

  /** Runs the script's function for a formula whose result was sized rows × cols. */
  protected run(
    name: string,
    ast: ProcedureAst,
    state: InterpreterState,
    rows: number,
    cols: number,
    sized?: (result: unknown) => InterpreterValue | undefined,
  ): InterpreterValue {
    const host = hostOf(this);
    if (this.fedByVolatile(ast, state, host))
      return anchored(new CellError(ErrorType.NA, 'Loading...'), rows, cols);
    const args: CustomArg[] = [];
    for (const arg of ast.args) {
      const v = this.argument(arg, state, host);
      // An error argument is the result, as with built-in functions [UNVERIFIED for custom ones].
      if (isCellError(v)) return anchored(v, rows, cols);
      args.push(v);
    }
    let result: unknown;
    try {
      result = host.runCustomFunction(name, args, state.formulaAddress?.sheet);
    } catch (e) {
      return anchored(new CellError(ErrorType.ERROR, thrownNote(e)), rows, cols);
    }
    if (result === NO_BUNDLE)
      return anchored(new CellError(ErrorType.NAME, `Unknown function: '${name}'.`), rows, cols);
    return sized?.(result) ?? this.toEngine(result, rows, cols, host);
  }

  protected cell(v: unknown, host: CustomFunctionHost): InterpreterValue {
    if (v === null || v === undefined || v === '') return '';
    if (typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') {
      // NaN and Infinity cannot be cell values [UNVERIFIED: believed #NUM!].
      return Number.isFinite(v) ? v : new CellError(ErrorType.NUM, `Result was not a finite number: ${v}.`);
    }
    if (isDate(v)) return this.returnNumberWrapper(host.serialOf(v), 'NUMBER_DATE' as never);
    return String(v);
  }

  /** A result sized as declared: a result of another size is a bug in the registry's resultShape. */
  protected toEngine(
    result: unknown,
    rows: number,
    cols: number,
    host: CustomFunctionHost,
  ): InterpreterValue {
    if (!Array.isArray(result)) {
      if (rows === 1 && cols === 1) return this.cell(result, host);
      return anchored(
        new CellError(
          ErrorType.ERROR,
          `Emulator: a single value was returned where resultShape declared ${rows}×${cols}.`,
        ),
        rows,
        cols,
      );
    }
    // A 1-D array is read as one column [UNVERIFIED].
    const grid: unknown[][] = result.map((row: unknown) => (Array.isArray(row) ? row : [row]));
    const height = grid.length;
    const width = Math.max(0, ...grid.map((r) => r.length));
    if (height !== rows || width !== cols) {
      return anchored(
        new CellError(
          ErrorType.ERROR,
          `Emulator: the result is ${height}×${width} but resultShape declared ${rows}×${cols}.`,
        ),
        rows,
        cols,
      );
    }
    if (rows === 1 && cols === 1) return this.cell(grid[0]?.[0], host);
    const out = grid.map((row) => Array.from({ length: cols }, (_, c) => this.cell(row[c], host)));
    // A cell error inside an array result is kept as the cell's error.
    return SimpleRangeValue.onlyValues(out as never);
  }

  /**
   * SPARKLINE(data, [options]): blank to a script [UNVERIFIED], the chart's spec recorded for the
   * cell (host.recordSparkline). Its arguments are evaluated here, so the engine's dependencies on
   * them (ranges, references inside an options literal) recompute it like any formula. In an
   * ARRAYFORMULA it stays one value: one chart in the formula's cell, as Sheets does not spread it.
   */
  sparkline(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    const host = hostOf(this);
    const grid = (arg: Ast | undefined): SparkCell[][] | CellError => {
      if (!arg || arg.type === 'EMPTY') return [];
      const v = this.evaluateAst(arg, state);
      if (v instanceof SimpleRangeValue) return v.rawData().map((row) => row.map(sparkCell));
      if (isCellError(v)) return v;
      return [[sparkCell(v)]];
    };
    const data = grid(ast.args[0]);
    const options = grid(ast.args[1]);
    const at = state.formulaAddress;
    const fail = (e: CellError): InterpreterValue => {
      if (at) host.recordSparkline(at, undefined);
      return e;
    };
    if (isCellError(data)) return fail(data);
    if (isCellError(options)) return fail(options);
    if (ast.args.length === 0 || ast.args[0]?.type === 'EMPTY') {
      return fail(
        new CellError(
          ErrorType.NA,
          'Wrong number of arguments to SPARKLINE. Expected between 1 and 2 arguments, but got 0 arguments.',
        ),
      );
    }
    const spec = sparklineSpec(data, sparklineOptions(options));
    if (!spec) return fail(new CellError(ErrorType.VALUE, 'Invalid chart type.'));
    if (at) host.recordSparkline(at, spec);
    return '';
  }
}

/** The rows × columns of a script function's result: a 1-D array is a column, a value one cell. */
export function resultSize(result: unknown): [number, number] {
  if (!Array.isArray(result)) return [1, 1];
  const rows = result.length;
  const cols = Math.max(1, ...result.map((r: unknown) => (Array.isArray(r) ? r.length : 1)));
  return [Math.max(1, rows), cols];
}

const atKey = (at: { sheet: number; row: number; col: number }) => `${at.sheet}:${at.row}:${at.col}`;

/**
 * Every other top-level function of the loaded script, callable from a formula as in Sheets (a
 * script's function is a custom function by its name, any case [DOC CF]), registered when a script
 * declaring it is loaded (registerScriptFunctions). Unlike the registry's functions, their result's
 * size is not declared: a formula is first given one cell, and when the result comes out bigger (or
 * smaller) it is written again, once the computation is over, with the size it got — as Sheets
 * spills whatever comes back.
 */
export class ScriptFunctionsPlugin extends CustomFunctionsPlugin {
  static override implementedFunctions: ImplementedFunctions = {};
  /** The size each formula's result took last time, by its address. */
  private readonly sizes = new Map<string, [number, number]>();

  scriptFunctionSize(_ast: ProcedureAst, state: InterpreterState): ArraySize {
    const at = state.formulaAddress;
    const [rows, cols] = (at && this.sizes.get(atKey(at))) || [1, 1];
    if (at) hostOf(this).noteArraySize(at, cols, rows);
    return new ArraySize(cols, rows);
  }

  scriptFunction(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    const at = state.formulaAddress;
    const [rows, cols] = (at && this.sizes.get(atKey(at))) || [1, 1];
    const host = hostOf(this);
    return this.run(ast.procedureName.toUpperCase(), ast, state, rows, cols, (result) => {
      const [h, w] = resultSize(result);
      if ((h === rows && w === cols) || !at) return undefined;
      this.sizes.set(atKey(at), [h, w]);
      host.resizeLater(at);
      // meanwhile the result's first cell (the formula is written again with its size)
      const first = Array.isArray(result) ? (Array.isArray(result[0]) ? result[0][0] : result[0]) : result;
      return anchored(this.cell(first, host), rows, cols);
    });
  }
}

/**
 * Registers the script's own functions (names as the script declares them, any case), the ones the
 * engine does not know yet; returns whether any was new (the engine must then be rebuilt to see it).
 */
export function registerScriptFunctions(names: readonly string[]): boolean {
  registerPlugins();
  const known = new Set(HyperFormula.getRegisteredFunctionNames('enGB').map((n) => n.toUpperCase()));
  let added = false;
  for (const name of names) {
    const id = name.toUpperCase();
    // private functions (name_) are not callable from a cell [DOC CF]
    if (known.has(id) || id.endsWith('_') || !/^[A-Z_][A-Z0-9_.]*$/.test(id)) continue;
    ScriptFunctionsPlugin.implementedFunctions[id] = {
      method: 'scriptFunction',
      sizeOfResultArrayMethod: 'scriptFunctionSize',
      vectorizationForbidden: true,
      parameters: [{ argumentType: FunctionArgumentType.ANY, optionalArg: true }],
      repeatLastArgs: 1,
    };
    HyperFormula.registerFunction(id, ScriptFunctionsPlugin, { enGB: { [id]: id } });
    known.add(id);
    added = true;
  }
  return added;
}

/**
 * Array literals that hold references, as formulas.ts hands them to the engine (see
 * arrayLiteralsToEngine there): ARRAY_LITERAL stacks its rows, ARRAY_ROW puts its cells side by
 * side. Unlike a brace literal in HyperFormula, these are ordinary calls, so the engine tracks the
 * references inside and recomputes when they change. Sheets refuses pieces of different sizes
 * instead of padding them (VSTACK pads with #N/A).
 */
export class ArrayLiteralPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    ARRAY_LITERAL: {
      method: 'arrayLiteral',
      sizeOfResultArrayMethod: 'arrayLiteralSize',
      enableArrayArithmeticForArguments: true,
      parameters: [{ argumentType: FunctionArgumentType.RANGE }],
      repeatLastArgs: 1,
    },
    ARRAY_ROW: {
      method: 'arrayRow',
      sizeOfResultArrayMethod: 'arrayRowSize',
      enableArrayArithmeticForArguments: true,
      parameters: [{ argumentType: FunctionArgumentType.RANGE }],
      repeatLastArgs: 1,
    },
  };

  private sizes(ast: ProcedureAst, state: InterpreterState): ArraySize[] {
    return ast.args.map((arg) => this.arraySizeForAst(arg, state));
  }

  /** Rows stacked: one width for all, else a scalar error (a fresh size: a ref-flagged one collapses). */
  arrayLiteralSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    const sizes = this.sizes(ast, state);
    if (sizes.length === 0 || sizes.some((s) => s.width !== sizes[0]!.width)) return ArraySize.scalar();
    return new ArraySize(
      sizes[0]!.width,
      sizes.reduce((n, s) => n + s.height, 0),
    );
  }

  arrayRowSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    const sizes = this.sizes(ast, state);
    if (sizes.length === 0 || sizes.some((s) => s.height !== sizes[0]!.height)) return ArraySize.scalar();
    return new ArraySize(
      sizes.reduce((n, s) => n + s.width, 0),
      sizes[0]!.height,
    );
  }

  /** Sheets' message for rows of different widths [OBS: a user's note quotes it under #REF!]. */
  arrayLiteral(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    return this.runFunction(
      ast.args,
      state,
      this.metadata('ARRAY_LITERAL'),
      (...parts: SimpleRangeValue[]) => {
        const width = parts[0]!.width();
        if (parts.some((p) => p.width() !== width)) {
          return new CellError(
            ErrorType.REF,
            'In ARRAY_LITERAL, an Array Literal was missing values for one or more rows.',
          );
        }
        return SimpleRangeValue.onlyValues(parts.flatMap((p) => p.data));
      },
    );
  }

  /** Sheets' message for cells of different heights [UNVERIFIED: the pattern other emulations copy]. */
  arrayRow(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    return this.runFunction(ast.args, state, this.metadata('ARRAY_ROW'), (...parts: SimpleRangeValue[]) => {
      const height = parts[0]!.height();
      const bad = parts.findIndex((p) => p.height() !== height);
      if (bad >= 0) {
        return new CellError(
          ErrorType.VALUE,
          `Function ARRAY_ROW parameter ${bad + 1} has mismatched row size. Expected: ${height}. Actual: ${parts[bad]!.height()}.`,
        );
      }
      return SimpleRangeValue.onlyValues(
        Array.from({ length: height }, (_, r) => parts.flatMap((p) => p.data[r]!)),
      );
    });
  }
}

const ERROR_TYPES: Record<string, ErrorType> = {
  '#DIV/0!': ErrorType.DIV_BY_ZERO,
  '#N/A': ErrorType.NA,
  '#NAME?': ErrorType.NAME,
  '#NUM!': ErrorType.NUM,
  '#REF!': ErrorType.REF,
  '#VALUE!': ErrorType.VALUE,
};

/**
 * IMPORTRANGE(spreadsheet_url, range_string): the host reads the other workbook (import-range.ts).
 * Its size is known only once read: a formula is given the size its result took last ([1, 1] at
 * first), and when the result comes out of another size it is written again with that size once the
 * computation is over, as script functions are (ScriptFunctionsPlugin). An error sits in the
 * formula's cell alone.
 */
export class ImportRangePlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    IMPORTRANGE: {
      method: 'importRange',
      sizeOfResultArrayMethod: 'importRangeSize',
      vectorizationForbidden: true,
      parameters: [
        { argumentType: FunctionArgumentType.STRING },
        { argumentType: FunctionArgumentType.STRING },
      ],
    },
  };

  importRangeSize(_ast: ProcedureAst, state: InterpreterState): ArraySize {
    const at = state.formulaAddress;
    const [rows, cols] = at ? hostOf(this).importSize(at) : [1, 1];
    return new ArraySize(cols, rows);
  }

  importRange(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    const host = hostOf(this);
    const at = state.formulaAddress;
    const [rows, cols] = at ? host.importSize(at) : [1, 1];
    const resize = (h: number, w: number) => {
      if (!at || (h === rows && w === cols)) return false;
      host.setImportSize(at, [h, w]);
      host.resizeLater(at);
      return true;
    };
    const cell = (v: unknown): InterpreterValue => {
      if (v === null || v === undefined) return EmptyValue;
      if (typeof v === 'object' && 'error' in (v as object)) {
        const e = v as { error: string; message: string };
        return new CellError(ERROR_TYPES[e.error] ?? ErrorType.ERROR, e.message);
      }
      return v as InterpreterValue;
    };
    return this.runFunction(ast.args, state, this.metadata('IMPORTRANGE'), (url: string, range: string) => {
      if (!at) return new CellError(ErrorType.REF, 'IMPORTRANGE needs a cell.');
      const r = host.importRange(url, range, at);
      if (!('values' in r)) {
        const error = new CellError(ERROR_TYPES[r.error] ?? ErrorType.REF, r.message);
        return resize(1, 1) ? anchored(error, rows, cols) : error;
      }
      const h = r.values.length;
      const w = r.values[0]?.length ?? 0;
      if (h === 0 || w === 0) return EmptyValue;
      // meanwhile the first cell; the formula is written again at its new size
      if (resize(h, w)) return anchored(cell(r.values[0]![0]), rows, cols);
      if (h === 1 && w === 1) return cell(r.values[0]![0]);
      return SimpleRangeValue.onlyValues(r.values.map((row) => row.map(cell)) as never);
    });
  }
}

/** The function formulas.ts's heldFormula wraps array formulas in while rows move (engine.ts). */
export const HELD_FUNCTION = 'EMULATOR.HELD';

/**
 * EMULATOR.HELD(formula): a stand-in that the engine never spills and never computes (its value is
 * blank), while it still rewrites the references inside when rows, columns or sheets change. An
 * array formula is held in it during such a change, then put back (see Engine.structural).
 */
export class HeldFormulaPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    [HELD_FUNCTION]: {
      method: 'held',
      doesNotNeedArgumentsToBeComputed: true,
      vectorizationForbidden: true,
      parameters: [{ argumentType: FunctionArgumentType.ANY }],
    },
  };

  held(): InterpreterValue {
    return '';
  }
}

let registered = false;

/** Registers the plugin once per process (HyperFormula's plugin registry is global). */
export function registerPlugins(): void {
  if (registered) return;
  for (const plugin of [CustomFunctionsPlugin, ArrayLiteralPlugin, HeldFormulaPlugin, ImportRangePlugin]) {
    const names = Object.keys(plugin.implementedFunctions);
    const translations = Object.fromEntries(names.map((n) => [n, n]));
    HyperFormula.registerFunctionPlugin(plugin, { enGB: translations });
  }
  registered = true;
}

export { ERROR_CODES };
