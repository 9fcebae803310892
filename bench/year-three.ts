/**
 * Issue 14's year-three workbook, built by running the add-on itself: a quarter of n objectives ×
 * 4 KRs, every key result checked in a few times each quarter, reviewed (every objective carried
 * over) and finished into the next quarter, twelve times. Each sidebar action is then measured on
 * the current quarter, beside the same actions on the same current quarter after one closed
 * quarter (the "fresh" spreadsheet: the smallest with a carried-over quarter like it): service
 * calls, cells handed back by reads, custom-function executions its writes set off, emulator time.
 * Built on each `npm run bench` (never stored, never by `npm test`).
 */
import { measure, newWorkbook, type RecordingCounter } from './counter';
import { PER_CALL_MS } from './estimate';
import { LEVELS, objectives } from './workload';

export const YEAR_OPERATIONS = [
  { key: 'checkInState', label: 'check-in state' },
  { key: 'checkIn', label: 'check-in of 10 KRs' },
  { key: 'health', label: 'health check' },
  { key: 'loadReview', label: 'load the review' },
  { key: 'finish', label: 'finish the review' },
  { key: 'insert', label: 'insert a quarter' },
] as const;
export type YearKey = (typeof YEAR_OPERATIONS)[number]['key'];

export interface YearCost {
  calls: number;
  cellsRead: number;
  /** Custom-function executions set off by the operation's writes. */
  customFunctions: number;
  /** The same, by the sheet of their formula. */
  customFunctionsBySheet: Record<string, number>;
  ms: number;
}

export interface Workbook3 {
  closedQuarters: number;
  sheets: number;
  logRows: number;
  /** Rows × columns of every sheet (Sheets' 10 M limit counts these). */
  cells: number;
  /** The document properties' size, keys and values in UTF-8 bytes (Apps Script: 500 KB). */
  propertiesBytes: number;
  buildMs: number;
}

export interface YearThreeResult {
  objectives: number;
  krs: number;
  checkInsPerQuarter: number;
  fresh: { workbook: Workbook3; costs: Record<YearKey, YearCost> };
  year: { workbook: Workbook3; costs: Record<YearKey, YearCost> };
}

const START = { year: 2026, q: 1 };
const label = (i: number) => `Q${((START.q - 1 + i) % 4) + 1} ${START.year + Math.floor((START.q - 1 + i) / 4)}`;

type App = ReturnType<ReturnType<typeof newWorkbook>['wb']['loadBundle']>;

function numericKrs(app: App, sheet: string): string[] {
  const state = app.run('getCheckInState', { sheet }) as {
    objectives: { krs: { id: string; type: string }[] }[];
  };
  return state.objectives.flatMap((o) => o.krs).flatMap((k) => (k.type === 'milestone' ? [] : [k.id]));
}

function checkInAll(app: App, sheet: string, ids: readonly string[], requestId: string, week: number) {
  app.run('checkIn', {
    sheet,
    requestId,
    entries: ids.map((krId, j) => ({
      krId,
      value: String((week + j) % 11),
      confidence: '70 %',
      comment: `Week ${week}`,
    })),
  });
}

/** Every objective carried over: the next quarter is the same size. */
function answerAll(app: App, sheet: string): string {
  const s = app.run('getReviewState', { sheet }) as { reviewId: string; summary: { objectives: { id: string }[] } };
  for (const o of s.summary.objectives)
    app.run('saveReviewStep', {
      reviewId: s.reviewId,
      answer: { objectiveId: o.id, grade: 'yellow', wentWell: 'ok', toImprove: 'more', decision: 'carry_over' },
    });
  return s.reviewId;
}

function utf8(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** A workbook whose current quarter follows `closed` reviewed quarters. */
export function buildYear(n: number, closed: number, perQuarter: number) {
  const t0 = performance.now();
  const { wb, counter } = newWorkbook();
  const app = wb.loadBundle();
  app.call('onOpen', { authMode: 'LIMITED' });
  let sheet = (
    app.run('insertQuarter', {
      quarter: label(0),
      fiscalStart: 1,
      levels: LEVELS,
      content: 'given',
      objectives: objectives(n, 4),
    }) as { sheet: string }
  ).sheet;
  for (let i = 0; i < closed; i++) {
    const ids = numericKrs(app, sheet);
    for (let c = 0; c < perQuarter; c++) checkInAll(app, sheet, ids, `Y${i}-${c}`, i * 13 + c);
    const reviewId = answerAll(app, sheet);
    sheet = (app.run('finishReview', { reviewId }) as { nextSheet: string }).nextSheet;
  }
  // the current quarter checked in as the closed ones were, before it is measured
  const ids = numericKrs(app, sheet);
  for (let c = 0; c < perQuarter; c++) checkInAll(app, sheet, ids, `Y${closed}-${c}`, closed * 13 + c);
  const buildMs = performance.now() - t0;
  const ss = wb.spreadsheet;
  const document = app.services.state.toJSON().document as Record<string, string>;
  const workbook: Workbook3 = {
    closedQuarters: closed,
    sheets: ss.getSheets().length,
    logRows: Math.max(0, (ss.getSheetByName('Check-ins')?.getLastRow() ?? 1) - 1),
    cells: ss.getSheets().reduce((a, s) => a + s.getMaxRows() * s.getMaxColumns(), 0),
    propertiesBytes: Object.entries(document).reduce((a, [k, v]) => a + utf8(k) + utf8(v), 0),
    buildMs,
  };
  return { wb, counter, app, sheet, workbook };
}

function cost(counter: RecordingCounter, f: () => unknown): YearCost {
  counter.reset();
  const { cost: c } = measure(counter, f);
  return {
    calls: c.calls,
    cellsRead: counter.cellsRead(),
    customFunctions: c.customFunctions,
    customFunctionsBySheet: counter.customFunctionsBySheet(),
    ms: c.ms,
  };
}

/** Each sidebar action on the current quarter, in a user's order. */
export function yearCosts(n: number, closed: number, perQuarter: number) {
  const { counter, app, sheet, workbook } = buildYear(n, closed, perQuarter);
  const out = {} as Record<YearKey, YearCost>;
  out.checkInState = cost(counter, () => app.run('getCheckInState', { sheet }));
  const ids = numericKrs(app, sheet).slice(0, 10);
  out.checkIn = cost(counter, () => checkInAll(app, sheet, ids, 'measured', 99));
  out.health = cost(counter, () => app.run('getHealth', { sheet }));
  out.loadReview = cost(counter, () => app.run('getReviewState', { sheet }));
  const reviewId = answerAll(app, sheet);
  out.finish = cost(counter, () => app.run('finishReview', { reviewId }));
  out.insert = cost(counter, () =>
    app.run('insertQuarter', {
      quarter: label(closed + 4),
      fiscalStart: 1,
      levels: LEVELS,
      content: 'given',
      objectives: objectives(n, 4),
    }),
  );
  return { workbook, costs: out };
}

export function benchYearThree(n = 40, perQuarter = 3, closed = 12): YearThreeResult {
  return {
    objectives: n,
    krs: n * 4,
    checkInsPerQuarter: perQuarter,
    fresh: yearCosts(n, 1, perQuarter),
    year: yearCosts(n, closed, perQuarter),
  };
}

/**
 * Apps Script time, estimated (assumptions): each service call 7–50 ms (PER_CALL_MS), each cell a
 * read hands back 5–25 µs (issue 14's own estimate: 1.18 M cells ≈ 6–27 s). Custom functions run
 * after the operation returns, each its own execution: not in this figure.
 */
export const PER_CELL_US = { low: 5, high: 25 };

export function estimateSeconds(c: Pick<YearCost, 'calls' | 'cellsRead'>) {
  return {
    low: (c.calls * PER_CALL_MS.low + (c.cellsRead * PER_CELL_US.low) / 1000) / 1000,
    high: (c.calls * PER_CALL_MS.high + (c.cellsRead * PER_CELL_US.high) / 1000) / 1000,
  };
}


