/**
 * Costs that stay flat as the history grows (issue 14, items 1–3): the same current quarter, after
 * one closed quarter and after four, built by running the add-on itself (check-ins, the next
 * quarter planned, a review, its finish, the KPI roll), then each sidebar action measured on it:
 * the same calls and the same cells read, and a check-in recomputing the current quarter's sheet
 * only. Then what makes it so, checked on those workbooks: a closed quarter's frozen values and
 * its formulas back on reopening, the log's window when the user sorted it or deleted rows, the
 * quarter picker when sheets are renamed or deleted.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { newWorkbook, type RecordingCounter, measure as record } from '../../bench/counter';
import type { EmuSheet } from '../../emulator/index';
import { bundleCode } from '../support/bundle';
import { ALL_LEVELS } from './support';

const CURRENT = 'Q4 2026';
const ALL = ['Q1 2025', 'Q2 2025', 'Q3 2025', 'Q4 2025', 'Q1 2026', 'Q2 2026', 'Q3 2026', CURRENT];
const NEXT = 'Q1 2027';
const SHEET = `OKR ${CURRENT}`;
/** Closed quarters of the larger workbook (the smaller has one). */
const MANY = 4;

beforeAll(() => {
  bundleCode();
});

/** A new spreadsheet with the add-on open, its calls recorded (those made inside custom functions apart). */
function addon() {
  const { wb, counter } = newWorkbook();
  const app = wb.loadBundle();
  app.call('onOpen', { authMode: 'LIMITED' });
  return { wb, counter, app };
}

type App = ReturnType<typeof addon>['app'];

interface Cost {
  /** Service calls the operation makes (not those made inside the custom functions it sets off). */
  calls: number;
  /** Cells handed back by its read calls. */
  cells: number;
  byMethod: Record<string, number>;
  /** Custom-function executions its writes set off, by the sheet of their formula. */
  customFunctions: Record<string, number>;
}

function measure(counter: RecordingCounter, f: () => unknown): Cost {
  counter.reset();
  const { cost } = record(counter, f);
  return {
    calls: cost.calls,
    cells: counter.cellsRead(),
    byMethod: cost.byMethod,
    customFunctions: counter.customFunctionsBySheet(),
  };
}

interface KrCard {
  id: string;
  type: string;
  lastCheckIn: string | null;
  stale: boolean;
}

function cards(app: App, sheet: string): KrCard[] {
  const state = app.run('getCheckInState', { sheet }) as { objectives: { krs: KrCard[] }[] };
  return state.objectives.flatMap((o) => o.krs);
}

const numeric = (app: App, sheet: string) => cards(app, sheet).filter((k) => k.type !== 'milestone');

function checkIn(app: App, sheet: string, requestId: string, count = 3) {
  return app.run('checkIn', {
    sheet,
    requestId,
    entries: numeric(app, sheet)
      .slice(0, count)
      .map((k, j) => ({ krId: k.id, value: String(10 + j), confidence: '70', comment: requestId })),
  });
}

/** Answers every objective of a review: all closed, or (the quarter before the current one) mostly carried. */
function review(app: App, sheet: string, carry: boolean) {
  const s = app.run('getReviewState', { sheet }) as {
    reviewId: string;
    summary: { objectives: { id: string }[] };
  };
  for (const [j, o] of s.summary.objectives.entries())
    app.run('saveReviewStep', {
      reviewId: s.reviewId,
      answer: {
        objectiveId: o.id,
        grade: 'yellow',
        wentWell: 'ok',
        toImprove: 'more',
        decision: carry && j % 3 !== 2 ? 'carry_over' : 'close',
      },
    });
  return s.reviewId;
}

/**
 * A workbook whose current quarter (Q4 2026) follows `closed` closed quarters: each one checked in,
 * its next quarter planned with the examples, reviewed and finished (the last one carrying most of
 * its objectives over, so the current quarter is the same whatever came before), the KPIs rolled.
 */
function build(closed: number) {
  const { wb, counter, app } = addon();
  const labels = ALL.slice(ALL.length - 1 - closed);
  app.run('insertQuarter', {
    quarter: labels[0],
    fiscalStart: 1,
    levels: ALL_LEVELS,
    content: 'examples',
    withKpis: true,
  });
  for (const [i, label] of labels.slice(0, -1).entries()) {
    const sheet = `OKR ${label}`;
    checkIn(app, sheet, `build-${label}`);
    app.run('insertQuarter', {
      quarter: labels[i + 1],
      fiscalStart: 1,
      levels: ALL_LEVELS,
      content: 'examples',
    });
    const reviewId = review(app, sheet, labels[i + 1] === CURRENT);
    app.run('finishReview', { reviewId });
    const roll = app.run('getReviewState', { sheet }) as { kpiRoll: { until: string } | null };
    if (roll.kpiRoll) app.run('rollKpis', { until: roll.kpiRoll.until });
  }
  return { wb, counter, app };
}

/** The computed cells of a quarter sheet: its first two rows' formulas and its values (rows 1 to 40). */
function computed(sheet: EmuSheet) {
  const width = sheet.getLastColumn();
  return {
    formulas: sheet.getRange(1, 1, 2, width).getFormulas(),
    values: sheet.getRange(1, 1, 40, width).getValues(),
  };
}

/** Each sidebar action on the current quarter, in a user's order, with what it cost. */
function operations(closed: number) {
  const { wb, counter, app } = build(closed);
  const out: Record<string, Cost> = {};
  out.checkInState = measure(counter, () => app.run('getCheckInState', { sheet: SHEET }));
  const entries = numeric(app, SHEET)
    .slice(0, 4)
    .map((k, j) => ({ krId: k.id, value: String(20 + j), confidence: '60', comment: 'this week' }));
  out.checkIn = measure(counter, () => app.run('checkIn', { sheet: SHEET, requestId: 'measured', entries }));
  out.health = measure(counter, () => app.run('getHealth', { sheet: SHEET }));
  out.loadReview = measure(counter, () => app.run('getReviewState', { sheet: SHEET }));
  const reviewId = review(app, SHEET, true);
  app.run('insertQuarter', { quarter: NEXT, fiscalStart: 1, levels: ALL_LEVELS, content: 'blank' });
  const live = computed(wb.sheet(SHEET));
  out.finish = measure(counter, () => app.run('finishReview', { reviewId }));
  return { wb, counter, app, out, live };
}

/** Computed once, shared by the tests that read them (each build takes several seconds). */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}
const one = once(() => operations(1));
const many = once(() => operations(MANY));

const OPERATIONS = ['checkInState', 'checkIn', 'health', 'loadReview', 'finish'] as const;

describe('the same current quarter after one closed quarter and after four', () => {
  test('every sidebar action makes the same calls and reads the same cells', { timeout: 120_000 }, () => {
    const a = one().out;
    const b = many().out;
    console.log(
      OPERATIONS.map(
        (k) =>
          `${k}: ${a[k]!.calls} calls, ${a[k]!.cells} cells read at 1 closed quarter; ${b[k]!.calls}, ${b[k]!.cells} at ${MANY}`,
      ).join('\n'),
    );
    for (const k of OPERATIONS) {
      expect(b[k]!.byMethod, k).toEqual(a[k]!.byMethod);
      expect(b[k]!.cells, k).toBe(a[k]!.cells);
      expect(a[k]!.calls, k).toBeGreaterThan(0);
    }
    // the log is longer by the three quarters more: it is not what a sidebar reads
    const logRows = (x: ReturnType<typeof one>) => x.wb.sheet('Check-ins').getLastRow();
    expect(logRows(many())).toBeGreaterThan(logRows(one()) + 20);
  });

  test('a check-in recomputes the current quarter’s sheet only, the same functions however many quarters are closed', {
    timeout: 120_000,
  }, () => {
    const a = one().out.checkIn!.customFunctions;
    const b = many().out.checkIn!.customFunctions;
    expect(Object.keys(b)).toEqual([SHEET]);
    expect(b[SHEET]).toBeGreaterThan(0);
    expect(b).toEqual(a);
    // and the finish sets off none in the quarters closed before
    const closed = Object.keys(many().out.finish!.customFunctions).filter(
      (s) => s.startsWith('OKR ') && s !== SHEET && s !== `OKR ${NEXT}`,
    );
    expect(closed).toEqual([]);
  });
});

describe('a closed quarter stops computing', () => {
  test('its finish leaves the values its formulas showed, no custom function in it; reopening writes them back', {
    timeout: 120_000,
  }, () => {
    const { wb, app, live } = many();
    const sheet = wb.sheet(SHEET);
    const frozen = computed(sheet);
    expect(frozen.values).toEqual(live.values);
    const own = /KR_|OKR_|QUARTER_PROGRESS/;
    expect(live.formulas.flat().filter((f) => own.test(f)).length).toBeGreaterThanOrEqual(9);
    expect(frozen.formulas.flat().filter((f) => own.test(f))).toEqual([]);
    // every quarter closed before is frozen too
    for (const label of ALL.slice(ALL.length - 1 - MANY, -1))
      expect(
        computed(wb.sheet(`OKR ${label}`))
          .formulas.flat()
          .filter((f) => own.test(f)),
        label,
      ).toEqual([]);
    // the health check says nothing of its computed columns: they hold values on purpose
    const health = app.run('getHealth', { sheet: SHEET }) as { computed: string[]; repair: string | null };
    expect(health.computed).toEqual([]);
    expect(health.repair).toBeNull();

    app.run('reopenQuarter', { sheet: SHEET });
    const back = computed(sheet);
    expect(back.formulas).toEqual(live.formulas);
    expect(back.values).toEqual(live.values);
    // it takes check-ins again, and computes them
    const before = sheet.getRange(1, 1, 40, sheet.getLastColumn()).getValues();
    checkIn(app, SHEET, 'after-reopen', 2);
    expect(sheet.getRange(1, 1, 40, sheet.getLastColumn()).getValues()).not.toEqual(before);
    expect((app.run('getHealth', { sheet: SHEET }) as { computed: string[] }).computed).toEqual([]);
  });
});

/** What the check-in sidebar says of each KR's last check-in, the log read whole by the test. */
function expectedLastCheckIns(log: EmuSheet, label: string): Map<string, string> {
  const rows = log.getRange(2, 1, log.getLastRow() - 1, 3).getValues();
  const out = new Map<string, string>();
  for (const [date, quarter, kr] of rows) {
    if (quarter !== label) continue;
    // the day the cell shows in the spreadsheet's zone (the tests' workbooks are in Paris)
    const iso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(date as Date);
    if ((out.get(String(kr)) ?? '') < iso) out.set(String(kr), iso);
  }
  return out;
}

const shownLastCheckIns = (app: App, sheet: string) =>
  new Map(cards(app, sheet).flatMap((k) => (k.lastCheckIn ? [[k.id, k.lastCheckIn] as const] : [])));

describe('the log read from the quarter’s first row: a log the user changed is read whole', () => {
  test('sorted by KR, rows deleted above the quarter, a row typed at its end: every check-in still found', {
    timeout: 120_000,
  }, () => {
    const { wb, app, counter } = one();
    const label = CURRENT;
    const sheet = SHEET;
    app.run('reopenQuarter', { sheet });
    checkIn(app, sheet, 'sorted-1', 3);
    const log = wb.sheet('Check-ins');
    const expected = () => expectedLastCheckIns(log, label);
    expect(shownLastCheckIns(app, sheet)).toEqual(expected());
    const window = measure(counter, () => app.run('getCheckInState', { sheet })).cells;

    // sorted by KR id: the quarter's first row is no longer where the index says
    log.getRange(2, 1, log.getLastRow() - 1, log.getLastColumn()).sort(3);
    expect(expected().size).toBeGreaterThan(0);
    const sorted = measure(counter, () => app.run('getCheckInState', { sheet }));
    expect(shownLastCheckIns(app, sheet)).toEqual(expected());
    // the fallback read the whole log once, then its index was made again from it
    expect(sorted.cells).toBeGreaterThan(window);

    // rows deleted above the quarter's first row: its rows move up, the index's row is another's
    log.deleteRows(2, 3);
    checkIn(app, sheet, 'sorted-2', 3);
    expect(shownLastCheckIns(app, sheet)).toEqual(expected());
    const health = app.run('getHealth', { sheet }) as { findings: { message: string }[] };
    expect(health.findings.some((f) => /14 days/.test(f.message) && /O1\.1/.test(f.message))).toBe(false);

    // a row of this quarter typed by hand at the end: the index no longer matches the log's length
    log.appendRow([new Date('2026-12-31T12:00:00Z'), label, 'O1.1', 1, 0.5, 'by hand']);
    expect(shownLastCheckIns(app, sheet)).toEqual(expected());
  });

  test('a retried save is found in the quarter’s window, and logged once', { timeout: 120_000 }, () => {
    const { wb, app } = one();
    const sheet = SHEET;
    const before = wb.sheet('Check-ins').getLastRow();
    const first = checkIn(app, sheet, 'twice', 2) as { alreadyLogged: boolean };
    const again = checkIn(app, sheet, 'twice', 2) as { alreadyLogged: boolean };
    expect([first.alreadyLogged, again.alreadyLogged]).toEqual([false, true]);
    expect(wb.sheet('Check-ins').getLastRow()).toBe(before + 2);
  });
});

describe('sheets found by id: the quarter picker without reading every sheet', () => {
  test('a quarter sheet renamed is listed and opened by its new name; one deleted is no longer listed', {
    timeout: 120_000,
  }, () => {
    const { wb, app } = many();
    const quarters = () =>
      (app.run('getHealth', { sheet: `OKR ${NEXT}` }) as { quarters: string[] }).quarters;
    expect(quarters()).toContain('OKR Q3 2026');
    wb.sheet('OKR Q3 2026').setName('Q3 — closed');
    const renamed = app.run('getHealth', { sheet: 'Q3 — closed' }) as { sheet: string; quarter: string };
    expect(renamed).toMatchObject({ sheet: 'Q3 — closed', quarter: 'Q3 2026' });
    expect(quarters()).toContain('Q3 — closed');
    expect(quarters()).not.toContain('OKR Q3 2026');
    wb.spreadsheet.deleteSheet(wb.sheet('OKR Q2 2026'));
    expect(quarters()).not.toContain('OKR Q2 2026');
    expect(() => app.run('getHealth', { sheet: 'OKR Q2 2026' })).toThrow(/no longer a quarter sheet/);
  });
});
