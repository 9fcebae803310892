/**
 * The bench's own code at a small size, so that it cannot rot: its operations run, the per-cell
 * baseline writes the very cells the add-on writes, and the call counts (never the wall times) say
 * what the bench reports: the add-on's are the same at 10 and 20 objectives, the baseline's are at
 * least 20 times more at 50.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { nextQuarterPart, runAddon } from '../../bench/addon';
import { BEFORE_ISSUE_14, buildBaseline } from '../../bench/baseline';
import { benchBundle } from '../../bench/bundle';
import { stressCases } from '../../bench/function-args';
import { benchFunctions, benchKrScore, benchShapes } from '../../bench/functions';
import { addonCosts, OPERATIONS, runNaive, type SheetCountResult } from '../../bench/operations';
import { benchRecompute } from '../../bench/recompute';
import { goals, machine, markdown, type Results } from '../../bench/report';
import { answers, checkInPayload } from '../../bench/workload';
import { benchYearThree, YEAR_OPERATIONS, yearThreeMarkdown } from '../../bench/year-three';
import type { Workbook } from '../../emulator/index';
import { bundleCode } from '../support/bundle';

beforeAll(() => {
  bundleCode();
});

/**
 * Everything a sheet shows in a block: values, formulas, formats, dropdowns, styles, notes, and the
 * colours its conditional rules give each cell (the add-on's one rule per colour against the
 * baseline's rule per word and per column: what a user sees must be the same).
 */
function cells(wb: Workbook, name: string, rows: number, cols: number) {
  const sheet = wb.sheet(name);
  const r = sheet.getRange(1, 1, rows, cols);
  return {
    values: r.getValues(),
    formulas: r.getFormulas(),
    formats: r.getNumberFormats(),
    weights: r.getFontWeights(),
    backgrounds: r.getBackgrounds(),
    notes: r.getNotes(),
    validations: r
      .getDataValidations()
      .map((row) => row.map((v) => (v ? [String(v.getCriteriaType()), v.getCriteriaValues()] : null))),
    frozen: [sheet.getFrozenRows(), sheet.getFrozenColumns()],
    shown: wb.view(name, { rows, cols }).cells.map((row) => row.map((c) => `${c.background} ${c.fontColor}`)),
  };
}

/** Computed once, shared by the tests that read them. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}
/**
 * Per-test timeouts, above the config's 20 s: these run the add-on and the per-cell baseline on the
 * emulator, formula recalculation included. Alone on 2 cores (Dec 2026) the two runs at 10
 * objectives take about 9 s, the add-on at 20 about 3 s, both at 50 about 9 s; `npm test` runs the
 * other test files beside them, so the limits leave several times that.
 */
const RUNS_MS = 180_000;
const SHORT_MS = 60_000;

const n = 10;
const small = once(() => {
  const addon = runAddon(n, 4, answers);
  return { addon, naive: runNaive(n, 4, addon.reviewId) };
});
const functions = once(() => benchFunctions(200, 1, 1));
const shapes = once(() => benchShapes(200, undefined, 1));
const recompute = once(() => benchRecompute(5, 2));

describe('the per-cell baseline', () => {
  test('writes the same quarter sheet as the add-on, cell by cell', { timeout: RUNS_MS }, () => {
    const { addon, naive } = small();
    const rows = n * 5 + 110;
    expect(naive.sheet).toBe(addon.sheet);
    expect(cells(naive.wb, naive.sheet, rows, 23)).toEqual(cells(addon.wb, addon.sheet, rows, 23));
  });

  test('records the same check-ins, review history, alignment view and next quarter', {
    timeout: RUNS_MS,
  }, () => {
    const { addon, naive } = small();
    for (const [name, cols] of [
      ['Check-ins', 8],
      ['Reviews', 14],
      ['Alignment', 7],
    ] as const) {
      expect(cells(naive.wb, name, n + 20, cols), name).toEqual(cells(addon.wb, name, n + 20, cols));
    }
    // the log's hidden last column holds the save's request id, on both sides
    const ids = naive.wb.sheet('Check-ins').getRange(2, 8, 10, 1).getValues().flat();
    expect(ids).toEqual(new Array(10).fill(checkInPayload('', n).requestId));
    expect(naive.nextSheet).toBe(addon.nextSheet);
    expect(cells(naive.wb, naive.nextSheet, n * 5 + 10, 23)).toEqual(
      cells(addon.wb, addon.nextSheet, n * 5 + 10, 23),
    );
  });
});

describe('call counts', () => {
  test('the add-on makes the same calls at 10 and 20 objectives, for every operation', {
    timeout: RUNS_MS,
  }, () => {
    const ten = small().addon;
    const twenty = runAddon(20, 4, answers);
    for (const { key } of OPERATIONS) {
      expect(twenty[key]?.byMethod, key).toEqual(ten[key]?.byMethod);
      expect(ten[key]?.calls, key).toBeGreaterThan(0);
    }
  });

  test('insert and finish stay within their call budgets (issue 14: 245 and 293 before; goals 120 and 134)', {
    timeout: RUNS_MS,
  }, () => {
    const { addon } = small();
    // counted as the bench counts them: builder calls included, custom functions' own calls not.
    // The issue's goals (120 and 134) reached.
    expect(addon.insert.calls).toBeLessThanOrEqual(117);
    expect(addon.finishReview.calls).toBeLessThanOrEqual(134);
    // finish names its sheet with one look-up, counts the sheets rather than reading each id, and
    // copies the closed quarter's column widths in one call: the same widths, none set one by one
    expect(addon.finishReview.byMethod['Spreadsheet.getSheets'] ?? 0).toBe(0);
    expect(addon.finishReview.byMethod['Sheet.setColumnWidths'] ?? 0).toBe(0);
    expect(addon.finishReview.byMethod['Range.copyTo']).toBe(1);
    const widths = (name: string) =>
      Array.from({ length: 23 }, (_, c) => addon.wb.spreadsheet.getSheetByName(name)!.getColumnWidth(c + 1));
    expect(widths(addon.nextSheet)).toEqual(widths(addon.sheet));
    expect(new Set(widths(addon.sheet)).size).toBeGreaterThan(3);
    // one rule per colour, not per word and column; widths in runs; no per-column format calls
    expect(addon.insert.byMethod['SpreadsheetApp.newConditionalFormatRule']).toBe(4);
    expect(addon.insert.byMethod['Sheet.setColumnWidth'] ?? 0).toBe(0);
    expect(addon.insert.byMethod['Range.setNumberFormat'] ?? 0).toBe(0);
    expect(addon.insert.byMethod['Range.setDataValidation'] ?? 0).toBe(0);
  });

  // a minute of the per-cell baseline at 50 objectives: run by `npm run bench` (its report says
  // "met" or not for each ratio) and here with BENCH_FULL=1, to keep `npm test` within CI's time
  test.runIf(process.env.BENCH_FULL)(
    'the naive version makes at least 20 times more calls at 50 objectives',
    {
      timeout: RUNS_MS,
    },
    () => {
      const addon = runAddon(50, 4, answers);
      const naive = runNaive(50, 4, addon.reviewId);
      for (const { key } of OPERATIONS) {
        expect(naive.costs[key]!.calls / addon[key]!.calls, key).toBeGreaterThanOrEqual(20);
      }
    },
  );

  test('opening the next quarter is the part of finishing after the old sheet is protected', {
    timeout: RUNS_MS,
  }, () => {
    const run = small().addon;
    const next = run.nextQuarter!;
    expect(next.byMethod['Spreadsheet.insertSheet']).toBe(1);
    expect(next.byMethod['Sheet.protect']).toBeUndefined();
    expect(next.byMethod['Range.getValues']).toBeUndefined();
    expect(next.calls).toBeLessThan(run.finishReview.calls);
    expect(nextQuarterPart([])).toBeUndefined();
  });
});

describe('custom functions, bundle and recompute', () => {
  test('every registry function computes 200 sensible rows with no error text', { timeout: SHORT_MS }, () => {
    const all = functions();
    expect(all).toHaveLength(13);
    for (const f of all) {
      expect(f.errorCells, f.name).toBe(0);
      expect(f.resultRows, f.name).toBe(f.name === 'OKR_ALIGNMENT' ? 1 : 200);
    }
    const kr = benchKrScore(all.find((f) => f.name === 'KR_SCORE')!);
    expect(kr.sameResults).toBe(true);
    expect(kr.perCell).toMatchObject({ calls: 200, errorCells: 0 });
  });

  test('the bundle loads in a fresh context with nothing at hand', { timeout: SHORT_MS }, () => {
    const b = benchBundle(2);
    expect(b.bytes).toBeGreaterThan(10_000);
    expect(Number.isFinite(b.coldLoadMs.median)).toBe(true);
    expect(b.compileMs.median).toBeLessThanOrEqual(b.coldLoadMs.median);
    expect(Number.isFinite(b.firstCallMs.median)).toBe(true);
  });

  test('the bundle before issue 14 builds from git, and loads beside today’s', { timeout: SHORT_MS }, () => {
    const baseline = buildBaseline(BEFORE_ISSUE_14);
    // a clone without that history has no baseline: the bench then reports today's figures only
    if (!baseline) return;
    expect(baseline.code).toContain('function KR_SCORE(');
    const b = benchBundle(1, baseline);
    expect(b.baseline?.rev).toBe(BEFORE_ISSUE_14);
    expect(b.baseline!.bytes).toBe(Buffer.byteLength(baseline.code));
  });

  test('every function and every slow shape on 200 rows: the shapes’ results are what they mean', {
    timeout: SHORT_MS,
  }, () => {
    const all = shapes();
    expect(all.map((f) => f.label)).toEqual([
      ...functions().map((f) => f.name),
      ...stressCases(10).map((c) => c.label),
    ]);
    for (const f of all) {
      expect(f.errorCells, f.label).toBe(f.label === 'OKR_ROLLUP, a cycle' ? 200 : 0);
      expect(f.longestText, f.label).toBeLessThanOrEqual(50_000);
      expect(Number.isFinite(f.growth), f.label).toBe(true);
    }
  });

  test('one edit recomputes each dependent column once, whatever the size', { timeout: SHORT_MS }, () => {
    const five = recompute();
    const ten = benchRecompute(10, 2);
    expect(five.scoreChanged).toBe(true);
    expect(five.calls).toBe(4);
    expect(ten.byFunction).toEqual(five.byFunction);
    expect(five.byFunction.KR_SCORE).toBe(1);
  });

  test('the report renders its tables and goals', { timeout: RUNS_MS }, () => {
    const { addon, naive } = small();
    const partial: Omit<Results, 'goals'> = {
      command: 'test',
      date: '2026-01-01T00:00:00Z',
      machine: machine(),
      assumption: { perCallMs: { low: 7, high: 50 }, source: 'test' },
      operations: [
        { objectives: n, krs: n * 4, addon: addonCosts(addon), naive: naive.costs },
        { objectives: 50, krs: 200, addon: addonCosts(addon), naive: naive.costs },
      ],
      sheetCount: {
        objectives: n,
        sheets: [5, 6],
        calls: Object.fromEntries(OPERATIONS.map((o) => [o.key, [1, 2]])) as SheetCountResult['calls'],
      },
      krScore: benchKrScore(functions()[0]!),
      functions: functions(),
      shapes: shapes(),
      million: [],
      bundle: benchBundle(1),
      recompute: recompute(),
    };
    const md = markdown({ ...partial, goals: goals(partial) });
    expect(md).toContain('`OKR_ROLLUP`, a cycle');
    expect(md).toContain('cold load under 10 ms');
    expect(md).toContain(`| insert a quarter | ${n} |`);
    expect(md).toContain('## Goals (reported, not asserted)');
    expect(md).toContain('`KR_FORECAST`');
    expect(md).toContain('| check-in of 10 KRs | 1 | 2 | 1.0 |');
  });
});

describe('the year-three workbook, in small', () => {
  test('after 1 and 2 closed quarters, every sidebar action reads the same cells; only insert looks at each sheet', {
    timeout: RUNS_MS,
  }, () => {
    // npm run bench builds it with 12 closed quarters; here 2 objectives, one check-in a quarter
    const y = benchYearThree(2, 1, 2);
    expect(y.year.workbook.closedQuarters).toBe(2);
    expect(y.year.workbook.sheets).toBe(y.fresh.workbook.sheets + 1);
    expect(y.year.workbook.logRows).toBeGreaterThan(y.fresh.workbook.logRows);
    for (const { key } of YEAR_OPERATIONS) {
      const [a, b] = [y.fresh.costs[key], y.year.costs[key]];
      expect(b.cellsRead, key).toBe(a.cellsRead);
      // insert reads each sheet's id once (the catalog's and the reviews' pruning): one more sheet
      expect(b.calls, key).toBe(a.calls + (key === 'insert' ? 1 : 0));
      expect(b.customFunctions, key).toBe(a.customFunctions);
    }
    const current = Object.keys(y.year.costs.checkIn.customFunctionsBySheet);
    expect(current).toHaveLength(1);
    const md = yearThreeMarkdown(y).join('\n');
    expect(md).toContain('## Year three');
    expect(md).toContain('| check-in of 10 KRs |');
    expect(md).toContain('500 KB of document properties');
  });
});
