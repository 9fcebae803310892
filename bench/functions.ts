/**
 * Custom functions: one column formula over 10,000 rows against 10,000 one-cell formulas, and every
 * registry function over 10,000 rows in one call. In Sheets each call is a server trip that loads
 * the bundle first: the count of calls is what a user waits for; the in-vm time is the floor.
 */
import { functionCases, oneCellCalls } from './function-args';
import { loadBare, median, type Plain } from './vm';

export interface FunctionTiming {
  name: string;
  shape: string;
  rows: number;
  /** First call in a freshly loaded bundle (as in Sheets, where each call loads it): median of fresh loads. */
  firstMs: number;
  freshLoads: number;
  /** Median of the next calls in the same context (warm). */
  warmMs: number;
  /** Result cells that are '#' texts: 0 when the arguments are sensible. */
  errorCells: number;
  resultRows: number;
}

function errorCells(out: unknown): { errors: number; rows: number } {
  if (!Array.isArray(out)) return { errors: typeof out === 'string' && out.startsWith('#') ? 1 : 0, rows: 1 };
  let errors = 0;
  for (const row of out as unknown[][])
    for (const v of row) if (typeof v === 'string' && v.startsWith('#')) errors++;
  return { errors, rows: out.length };
}

/** A call's first run in a freshly loaded bundle, and its result. */
function firstCall(name: string, args: readonly Plain[]): { ms: number; out: unknown } {
  const vm = loadBare();
  const fn = vm.fn(name);
  const inner = vm.inRealm<unknown[]>(args);
  const t = performance.now();
  const out = fn(...inner);
  return { ms: performance.now() - t, out };
}

/** Every registry function over `rows` rows in one call each: first calls, then warm ones. */
export function benchFunctions(rows: number, freshLoads = 5, warmRuns = 10): FunctionTiming[] {
  return functionCases(rows).map((c) => {
    const firsts = Array.from({ length: freshLoads }, () => firstCall(c.name, c.args));
    const vm = loadBare();
    const fn = vm.fn(c.name);
    const args = vm.inRealm<unknown[]>(c.args);
    fn(...args);
    const warm = Array.from({ length: warmRuns }, () => {
      const t = performance.now();
      fn(...args);
      return performance.now() - t;
    });
    const { errors, rows: resultRows } = errorCells(firsts[0]!.out);
    return {
      name: c.name,
      shape: c.shape,
      rows,
      firstMs: median(firsts.map((f) => f.ms)),
      freshLoads,
      warmMs: median(warm),
      errorCells: errors,
      resultRows,
    };
  });
}

export interface OneVsMany {
  rows: number;
  /** One KR_SCORE call over the column (timings from benchFunctions). */
  column: { calls: number; firstMs: number; warmMs: number };
  /** One KR_SCORE call per cell, in one warm context (Sheets would load the bundle for each). */
  perCell: { calls: number; ms: number; errorCells: number };
  /** The one-cell calls give the column call's values, row by row. */
  sameResults: boolean;
}

/** KR_SCORE: one call over `rows` rows (timed by benchFunctions) against `rows` one-cell calls. */
export function benchKrScore(column: FunctionTiming): OneVsMany {
  const rows = column.rows;
  const vm = loadBare();
  const fn = vm.fn('KR_SCORE');
  const calls = vm.inRealm<unknown[][]>(oneCellCalls(rows));
  const colArgs = vm.inRealm<unknown[]>(functionCases(rows)[0]!.args);
  const t = performance.now();
  const perCell = calls.map((args) => fn(...args));
  const ms = performance.now() - t;
  const whole = fn(...colArgs) as unknown[][];
  const sameResults = perCell.every((v, i) => v === whole[i]![0]);
  return {
    rows,
    column: { calls: 1, firstMs: column.firstMs, warmMs: column.warmMs },
    perCell: { calls: rows, ms, errorCells: errorCells(perCell.map((v) => [v])).errors },
    sameResults,
  };
}
