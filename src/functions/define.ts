import { type Cell, isBlank } from '../core/cells';
import { InputError } from '../core/errors';
import { type Lang, langOf, type Text } from '../core/i18n';
import { render } from '../core/messages';

/** A range as Sheets hands it to a custom function: rows of cells. */
export type Grid = Cell[][];
/** What one argument can be: a cell's value, a range, or nothing (an omitted optional argument). */
export type Arg = Cell | Cell[][];
/** What one result cell can hold. */
export type Out = number | string | boolean;
export type Shape = readonly [rows: number, cols: number];

/** What a custom function may ask of Sheets: read only when needed, since each read is a service call. */
export interface Env {
  locale(): string;
  timeZone(): string;
}

/** A parameter as the functions need it at run time; its help and type are in ./help.ts (build time). */
export interface ParamSpec {
  readonly name: string;
  readonly optional?: boolean;
  /**
   * Arguments of one group share one shape (or are a single cell). `perRow`: one cell, or a column
   * with one cell per row of the group's first argument.
   */
  readonly group?: 'a' | 'b' | 'perRow';
}

/** How big the result is, from the argument shapes: the emulator declares it before evaluating. */
export type ResultShape = 'common' | 'one' | 'rows' | ((shapes: readonly (Shape | undefined)[]) => Shape);

/** What a function's body gets for one call. */
export interface Call {
  readonly fn: string;
  /** True when every argument is a single cell: errors are thrown instead of written as '#' text. */
  readonly single: boolean;
  lang(): Lang;
  timeZone(): string;
  /**
   * Turns an error into a '#' text for a cell (range call) or throws it (single-cell call).
   * `where` names the row the error comes from, when the result sits elsewhere (a total, a group).
   *
   * Errors of other functions: a cell holding one of our '#' texts is refused by every reader
   * (numbers, words, dates, ids) as an 'upstream' error, whatever the argument. Its text is passed
   * on as it is, not quoted as a bad value: in its own row unchanged; from another row with that
   * row named first ("#row 3: current: …"), unless it names a row already. So a bad cell is named
   * once however many functions its error flows through.
   */
  fail(e: unknown, where?: string): string;
}

/**
 * A custom function as the bundle needs it: its name, its one-line summary (the menu's function
 * reference shows it), its parameters and how its result is shaped, and its body. What Sheets'
 * autocomplete and the README show besides is in ./help.ts, read at build time only.
 */
export interface FunctionSpec {
  readonly name: string;
  readonly summary: Text;
  readonly params: readonly ParamSpec[];
  readonly result: ResultShape;
  /** The body: grids (undefined for omitted arguments), already checked for shape. */
  run(args: readonly (Grid | undefined)[], call: Call): Out | Out[][];
}

export function shapeOf(arg: Arg): Shape | undefined {
  if (arg === undefined) return undefined;
  if (!Array.isArray(arg)) return [1, 1];
  const rows = arg.length;
  // Sheets hands over rectangles: the first row's width is every row's (a row read past its end is
  // blank). No pass over the rows: on a million of them each pass costs a cache miss per row.
  const first = arg[0];
  const cols = Array.isArray(first) ? first.length : rows > 0 ? 1 : 0;
  return rows === 0 || cols === 0 ? [1, 1] : [rows, cols];
}

export const isOne = (s: Shape | undefined): boolean => s === undefined || (s[0] === 1 && s[1] === 1);
const showShape = (s: Shape) => `${s[0]}×${s[1]}`;

/**
 * An argument as rows of cells. Sheets' ranges are used as they come (no copy: a column of 10,000
 * rows is read, never written); a scalar becomes a 1×1 grid.
 */
export function toGrid(arg: Arg): Grid | undefined {
  if (arg === undefined) return undefined;
  if (!Array.isArray(arg)) return [[arg]];
  if (arg.length === 0) return [['']];
  // a bare list (not from Sheets, but cheap to accept) is one row
  return Array.isArray(arg[0]) ? arg : [arg as unknown as Cell[]];
}

/** The cell of a grid at (r, c), a single cell standing for every row and column. */
export function at(g: Grid | undefined, r: number, c: number): Cell {
  if (g === undefined) return undefined;
  if (g.length === 1 && g[0]!.length === 1) return g[0]![0];
  return g[r]?.[c] ?? '';
}

/** The common shape of a group: the shape of its ranges (all equal), or 1×1. */
function groupShape(spec: FunctionSpec, shapes: readonly (Shape | undefined)[], group: 'a' | 'b'): Shape {
  let found: Shape = [1, 1];
  spec.params.forEach((p, i) => {
    const s = shapes[i];
    if ((p.group ?? 'a') === group && s && !isOne(s)) found = s;
  });
  return found;
}

/** Throws (in the function's words) when ranges of one group disagree in shape. */
export function checkShapes(
  spec: FunctionSpec,
  shapes: readonly (Shape | undefined)[],
  lang: () => Lang,
): void {
  const first = new Map<string, { name: string; shape: Shape }>();
  spec.params.forEach((p, i) => {
    const s = shapes[i];
    const group = p.group ?? 'a';
    if (group === 'perRow') {
      const rows = groupShape(spec, shapes, 'a')[0];
      if (s && !isOne(s) && (s[0] !== rows || s[1] !== 1)) {
        const lead = spec.params[0]!;
        throw callError(
          spec.name,
          lang(),
          render(
            'perRowMismatch',
            {
              a: p.name,
              aShape: showShape(s),
              b: lead.name,
              bShape: showShape(shapes[0] ?? [1, 1]),
            },
            lang(),
          ),
        );
      }
      return;
    }
    if (!s || isOne(s)) return;
    const seen = first.get(group);
    if (!seen) first.set(group, { name: p.name, shape: s });
    else if (seen.shape[0] !== s[0] || seen.shape[1] !== s[1]) {
      throw callError(
        spec.name,
        lang(),
        render(
          'shapeMismatch',
          {
            a: seen.name,
            aShape: showShape(seen.shape),
            b: p.name,
            bShape: showShape(s),
          },
          lang(),
        ),
      );
    }
  });
}

/** The result's size for these argument shapes (what Sheets will fill). */
export function resultShape(spec: FunctionSpec, shapes: readonly (Shape | undefined)[]): Shape {
  if (spec.result === 'one') return [1, 1];
  if (spec.result === 'common') return groupShape(spec, shapes, 'a');
  if (spec.result === 'rows') return [groupShape(spec, shapes, 'a')[0], 1];
  return spec.result(shapes);
}

function callError(fn: string, lang: Lang, inner: string): Error {
  return new Error(render('callError', { fn, inner }, lang));
}

/** An error as a cell shows it: "#target: "abc" is not a number". */
export function cellText(e: InputError, lang: Lang): string {
  return `#${e.describe(lang)}`;
}

/** What a Sheets cell holds at most. */
export const CELL_CHARS = 50_000;

/** A text cut to fit a cell, with "…" where it was cut. */
export function fitCell(text: string): string {
  return text.length <= CELL_CHARS ? text : `${text.slice(0, CELL_CHARS - 1)}…`;
}

/** Never let NaN, Infinity, null or undefined reach a cell, nor a text longer than a cell holds. */
function clean(v: unknown, call: Call): Out {
  if (typeof v === 'string') return v.length <= CELL_CHARS ? v : fitCell(v);
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  return call.fail(new Error(`internal error: ${String(v)}`));
}

/** Calls a function as Sheets does: arguments as they come, the result as a value or rows of values. */
export function invoke(spec: FunctionSpec, rawArgs: readonly Arg[], env: Env): Out | Out[][] {
  let lang: Lang | undefined;
  let zone: string | undefined;
  const getLang = () => {
    lang ??= langOf(safe(() => env.locale(), 'en_US'));
    return lang;
  };
  const args = spec.params.map((_, i) => toGrid(rawArgs[i]));
  const shapes = args.map((g) => (g ? shapeOf(g) : undefined));
  const single = shapes.every(isOne);
  checkShapes(spec, shapes, getLang);
  const call: Call = {
    fn: spec.name,
    single,
    lang: getLang,
    timeZone: () => {
      zone ??= safe(() => env.timeZone(), 'UTC');
      return zone;
    },
    fail(e: unknown, where?: string): string {
      const err = e instanceof InputError && where !== undefined ? e.at(where) : e;
      if (single) {
        if (err instanceof InputError) {
          const inner = err.text(getLang());
          throw new Error(
            err.arg === undefined
              ? render('callError', { fn: spec.name, inner }, getLang())
              : render('argument', { fn: spec.name, arg: err.arg, inner }, getLang()),
          );
        }
        throw err;
      }
      if (err instanceof InputError) return cellText(err, getLang());
      return `#${err instanceof Error ? err.message : String(err)}`;
    },
  };
  const result = spec.run(args, call);
  if (!Array.isArray(result)) return clean(result, call);
  for (const row of result) for (let c = 0; c < row.length; c++) row[c] = clean(row[c], call);
  return result;
}

function safe<T>(read: () => T, fallback: T): T {
  try {
    const v = read();
    return v === undefined || v === null || v === '' ? fallback : v;
  } catch {
    return fallback;
  }
}

/** The body of a function computed cell by cell (broadcasting single cells). */
export function perCell(compute: (cells: Cell[], call: Call) => Out): FunctionSpec['run'] {
  return (args, call) => {
    let rows = 1;
    let cols = 1;
    // one reused list of cells: a column of 10,000 rows allocates nothing per row. A single cell (or
    // an omitted argument) is set once; only the ranges are read per row.
    const cells: Cell[] = new Array(args.length);
    const ranges: number[] = [];
    for (let i = 0; i < args.length; i++) {
      const g = args[i];
      if (g === undefined) cells[i] = undefined;
      else if (g.length === 1 && g[0]!.length === 1) cells[i] = g[0]![0];
      else {
        ranges.push(i);
        rows = g.length;
        cols = g[0]!.length;
      }
    }
    const one = (r: number, c: number): Out => {
      for (const i of ranges) cells[i] = args[i]![r]?.[c] ?? '';
      try {
        return compute(cells, call);
      } catch (e) {
        return call.fail(e);
      }
    };
    if (call.single) return one(0, 0);
    const out: Out[][] = new Array(rows);
    for (let r = 0; r < rows; r++) {
      const row: Out[] = new Array(cols);
      for (let c = 0; c < cols; c++) row[c] = one(r, c);
      out[r] = row;
    }
    return out;
  };
}

/** A cell read by `read`, its error tagged with the argument (inArg without a closure per cell). */
export function readArg<T>(read: (v: Cell) => T, v: Cell, arg: string): T {
  try {
    return read(v);
  } catch (e) {
    throw e instanceof InputError ? e.withArg(arg) : e;
  }
}

/** "row 3" for a column, "row 3, column 2" for a wider range. */
export function whereIs(r: number, c: number, cols: number, lang: Lang): string {
  return cols === 1
    ? render('rowN', { row: r + 1 }, lang)
    : render('rowColN', { row: r + 1, col: c + 1 }, lang);
}

export { isBlank };
