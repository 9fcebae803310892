/**
 * Custom functions: one column formula over 10,000 rows against 10,000 one-cell formulas, and every
 * registry function over 10,000 rows in one call. In Sheets each call is a server trip that loads
 * the bundle first: the count of calls is what a user waits for; the in-vm time is the floor.
 */
import type { Baseline } from './baseline';
import {
  type FunctionCase,
  functionCases,
  MILLION,
  millionCellCases,
  oneCellCalls,
  stressCases,
} from './function-args';
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

/** One case on `rows` rows: before (a baseline bundle) and after, and how its time grows. */
export interface ShapeTiming {
  label: string;
  name: string;
  shape: string;
  rows: number;
  /** First call in a freshly loaded bundle: median of `freshLoads` loads. */
  firstMs: number;
  freshLoads: number;
  /** Best of 5 calls in one warm context, at half the rows, at all of them and at twice as many. */
  halfMs: number;
  fullMs: number;
  doubleMs: number;
  /** fullMs ÷ halfMs: about 2 for a linear function, 4 for a quadratic one. */
  growth: number;
  /** doubleMs ÷ fullMs, the next doubling. */
  nextGrowth: number;
  /** The baseline bundle's first call in a fresh load (one load), or what it threw. */
  baselineMs?: number;
  baselineError?: string;
  errorCells: number;
  resultRows: number;
  /** The longest text in the result (a cell holds 50,000 characters). */
  longestText: number;
}

function longest(out: unknown): number {
  if (!Array.isArray(out)) return typeof out === 'string' ? out.length : 0;
  let most = 0;
  for (const row of out as unknown[][])
    for (const v of row) if (typeof v === 'string' && v.length > most) most = v.length;
  return most;
}

/** The first call of `c` in a fresh load of `code`; what it threw, if it did. */
function firstIn(code: string | undefined, c: FunctionCase): { ms: number; out?: unknown; error?: string } {
  const vm = loadBare(code);
  const fn = vm.fn(c.name);
  const args = vm.inRealm<unknown[]>(c.args);
  const t = performance.now();
  try {
    const out = fn(...args);
    return { ms: performance.now() - t, out };
  } catch (e) {
    return { ms: performance.now() - t, error: String((e as Error).message ?? e).slice(0, 120) };
  }
}

function bestOf(fn: (...a: unknown[]) => unknown, args: unknown[], runs: number): number {
  let ms = Number.POSITIVE_INFINITY;
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    fn(...args);
    ms = Math.min(ms, performance.now() - t);
  }
  return ms;
}

/**
 * Every registry function on `rows` rows of a sheet-like shape, then the shapes a slow algorithm
 * fails on (one big group, a long chain, a long cycle, a long log): first calls before and after,
 * and the growth from half the rows to all of them.
 */
export function benchShapes(rows: number, baseline?: Baseline, freshLoads = 3): ShapeTiming[] {
  /** The registry's cases then the stress shapes, `n` rows each; only the one read is built. */
  const all = (n: number): { c: FunctionCase; label: string }[] => [
    ...functionCases(n).map((c) => ({ c, label: c.name })),
    ...stressCases(n).map((c) => ({ c, label: c.label })),
  ];
  const count = all(10).length;
  const out: ShapeTiming[] = [];
  for (let i = 0; i < count; i++) {
    const { c, label } = all(rows)[i]!;
    const half = all(Math.round(rows / 2))[i]!.c;
    const double = all(rows * 2)[i]!.c;
    const firsts = Array.from({ length: freshLoads }, () => firstIn(undefined, c));
    const vm = loadBare();
    const fn = vm.fn(c.name);
    const a = vm.inRealm<unknown[]>(half.args);
    const b = vm.inRealm<unknown[]>(c.args);
    const d = vm.inRealm<unknown[]>(double.args);
    // every size warm first, then in turns: the best of 5 each, so that a collection of garbage or
    // another process weighs on none
    fn(...a);
    fn(...b);
    fn(...d);
    let halfMs = Number.POSITIVE_INFINITY;
    let fullMs = Number.POSITIVE_INFINITY;
    let doubleMs = Number.POSITIVE_INFINITY;
    for (let k = 0; k < 5; k++) {
      halfMs = Math.min(halfMs, bestOf(fn, a, 1));
      fullMs = Math.min(fullMs, bestOf(fn, b, 1));
      doubleMs = Math.min(doubleMs, bestOf(fn, d, 1));
    }
    const before = baseline ? firstIn(baseline.code, c) : undefined;
    const { errors } = errorCells(firsts[0]!.out);
    out.push({
      label,
      name: c.name,
      shape: c.shape,
      rows,
      firstMs: median(firsts.map((f) => f.ms)),
      freshLoads,
      halfMs,
      fullMs,
      doubleMs,
      growth: fullMs / halfMs,
      nextGrowth: doubleMs / fullMs,
      ...(before && before.error === undefined ? { baselineMs: before.ms } : {}),
      ...(before?.error !== undefined ? { baselineError: before.error } : {}),
      errorCells: errors,
      resultRows: errorCells(firsts[0]!.out).rows,
      longestText: longest(firsts[0]!.out),
    });
  }
  return out;
}

export interface MillionTiming {
  label: string;
  name: string;
  shape: string;
  cells: number;
  /** One call in a freshly loaded bundle. */
  ms: number;
  error?: string;
  baselineMs?: number;
  baselineError?: string;
  resultRows: number;
  longestText: number;
}

/** Ranges of a million cells, one call each in a fresh load; the baseline's too when asked. */
export function benchMillion(baseline?: Baseline): MillionTiming[] {
  return millionCellCases().map((c) => {
    const now = firstIn(undefined, c);
    const before = baseline ? firstIn(baseline.code, c) : undefined;
    return {
      label: c.label,
      name: c.name,
      shape: c.shape,
      cells: MILLION,
      ms: now.ms,
      ...(now.error !== undefined ? { error: now.error } : {}),
      ...(before && before.error === undefined ? { baselineMs: before.ms } : {}),
      ...(before?.error !== undefined ? { baselineError: before.error } : {}),
      resultRows: errorCells(now.out).rows,
      longestText: longest(now.out),
    };
  });
}
