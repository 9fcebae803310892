/**
 * Costs that stay flat as the history grows (issue 14, items 1–3): the same current quarter, after
 * one closed quarter and after several, built by running the add-on itself (check-ins, the next
 * quarter planned, a review, its finish, the KPI roll), then each sidebar action measured on it.
 */
import { expect, test } from 'vitest';
import { newWorkbook, type RecordingCounter, measure as record } from '../../bench/counter';
import { bundleCode } from '../support/bundle';
import { ALL_LEVELS } from './support';

const CURRENT = 'Q4 2026';
const ALL = ['Q1 2025', 'Q2 2025', 'Q3 2025', 'Q4 2025', 'Q1 2026', 'Q2 2026', 'Q3 2026', CURRENT];
const NEXT = 'Q1 2027';

/** A new spreadsheet with the add-on open, its calls recorded (those made inside custom functions apart). */
function addon() {
  bundleCode();
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
  const { cost, hits } = record(counter, f);
  if (process.env.DEBUG_FLAT) {
    const seq: string[] = [];
    for (const h of hits) {
      if (h.inCustomFunction) continue;
      const last = seq[seq.length - 1];
      if (h.name.startsWith('CustomFunction.') && last?.startsWith('CustomFunction.'))
        seq[seq.length - 1] += ` ${h.name.slice(15)}`;
      else seq.push(h.name);
    }
    console.log(seq.join('\n'));
  }
  return {
    calls: cost.calls,
    cells: counter.cellsRead(),
    byMethod: cost.byMethod,
    customFunctions: counter.customFunctionsBySheet(),
  };
}

function krsOf(app: App, sheet: string) {
  const state = app.run('getCheckInState', { sheet }) as {
    objectives: { krs: { id: string; type: string }[] }[];
  };
  return state.objectives.flatMap((o) => o.krs).filter((k) => k.type !== 'milestone');
}

function checkIn(app: App, sheet: string, requestId: string) {
  return app.run('checkIn', {
    sheet,
    requestId,
    entries: krsOf(app, sheet)
      .slice(0, 3)
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

/** Each sidebar action on the current quarter, in a user's order, with what it cost. */
function operations(closed: number) {
  const { wb, counter, app } = build(closed);
  const sheet = `OKR ${CURRENT}`;
  const out: Record<string, Cost> = {};
  out.checkInState = measure(counter, () => app.run('getCheckInState', { sheet }));
  const entries = krsOf(app, sheet)
    .slice(0, 4)
    .map((k, j) => ({ krId: k.id, value: String(20 + j), confidence: '60', comment: 'this week' }));
  out.checkIn = measure(counter, () => app.run('checkIn', { sheet, requestId: 'measured', entries }));
  out.health = measure(counter, () => app.run('getHealth', { sheet }));
  out.loadReview = measure(counter, () => app.run('getReviewState', { sheet }));
  const reviewId = review(app, sheet, true);
  out.loadReviewAgain = measure(counter, () => app.run('getReviewState', { sheet }));
  app.run('insertQuarter', { quarter: NEXT, fiscalStart: 1, levels: ALL_LEVELS, content: 'blank' });
  out.finish = measure(counter, () => app.run('finishReview', { reviewId }));

  return { wb, app, out };
}

test('every sidebar action costs the same after one closed quarter as after several', () => {
  const one = operations(1);
  const many = operations(4);
  const lines = Object.keys(one.out).map((k) => {
    const a = one.out[k]!;
    const b = many.out[k]!;
    return `${k}: calls ${a.calls} → ${b.calls}, cells ${a.cells} → ${b.cells}, custom fn ${JSON.stringify(a.customFunctions)} → ${JSON.stringify(b.customFunctions)}`;
  });
  console.log(lines.join('\n'));
  for (const k of Object.keys(one.out)) {
    if (one.out[k]!.calls !== many.out[k]!.calls)
      console.log(k, JSON.stringify(one.out[k]!.byMethod), JSON.stringify(many.out[k]!.byMethod));
  }
}, 120_000);
