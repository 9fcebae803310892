/**
 * A team's year, four quarters, as the issue asks the add-on to live it: check in, plan the next
 * quarter before closing this one, review, finish into the planned sheet, roll the KPI dashboard
 * forward, start again. What each step costs (service calls) is printed; the invariants are checked.
 */
import { expect, test } from 'vitest';
import { ALL_LEVELS, addon } from './support';

test('four quarters in a row: one sheet each, every objective in the history once, the storage flat', () => {
  const { wb, app } = addon();
  const calls = () => Object.values(wb.counter.snapshot()).reduce((a, b) => a + b, 0);
  const cost = (f: () => unknown) => {
    wb.counter.reset();
    f();
    return calls();
  };
  app.run('insertQuarter', {
    quarter: 'Q1 2026',
    fiscalStart: 1,
    levels: ALL_LEVELS,
    content: 'examples',
    withKpis: true,
  });
  const labels = ['Q1 2026', 'Q2 2026', 'Q3 2026', 'Q4 2026'];
  const report: string[] = [];
  const storage: number[] = [];
  const costs: { checkIn: number; finish: number }[] = [];
  let historyIds = 0;
  for (const [i, label] of labels.entries()) {
    const sheet = `OKR ${label}`;
    const state = app.run('getCheckInState', { sheet }) as {
      objectives: { krs: { id: string; type: string }[] }[];
    };
    const krs = state.objectives.flatMap((o) => o.krs).filter((k) => k.type !== 'milestone');
    const checkIn = cost(() =>
      app.run('checkIn', {
        sheet,
        requestId: `year-${i}`,
        entries: krs
          .slice(0, 3)
          .map((k, j) => ({ krId: k.id, value: String(10 + j), confidence: '70', comment: `week ${i}` })),
      }),
    );
    // the next quarter planned before this one closes
    const next = labels[i + 1] ?? 'Q1 2027';
    app.run('insertQuarter', { quarter: next, fiscalStart: 1, levels: ALL_LEVELS, content: 'blank' });
    const s = app.run('getReviewState', { sheet }) as {
      reviewId: string;
      summary: { objectives: { id: string }[] };
    };
    expect(s.summary.objectives.length).toBeGreaterThan(0);
    for (const [j, o] of s.summary.objectives.entries()) {
      app.run('saveReviewStep', {
        reviewId: s.reviewId,
        answer: {
          objectiveId: o.id,
          grade: 'yellow',
          wentWell: 'ok',
          toImprove: 'more',
          decision: j % 3 === 2 ? 'close' : 'carry_over',
        },
      });
    }
    let done: { nextSheet: string; intoPlanned: boolean } | undefined;
    const finish = cost(() => {
      done = app.run('finishReview', { reviewId: s.reviewId }) as typeof done;
    });
    expect(done!.nextSheet).toBe(`OKR ${next}`);
    expect(done!.intoPlanned).toBe(true);
    historyIds += s.summary.objectives.length;
    const roll = app.run('getReviewState', { sheet }) as { kpiRoll: { until: string } | null };
    if (roll.kpiRoll) app.run('rollKpis', { until: roll.kpiRoll.until });
    storage.push(JSON.stringify(app.services.state.toJSON().document).length);
    costs.push({ checkIn, finish });
    report.push(
      `${label}: check-in ${checkIn} calls, finish ${finish} calls, ${s.summary.objectives.length} objectives`,
    );
  }
  console.log(`a year:\n  ${report.join('\n  ')}\n  document properties: ${storage.join(' → ')} bytes`);
  // one sheet per quarter
  for (const label of [...labels, 'Q1 2027'])
    expect(wb.spreadsheet.getSheets().filter((x) => x.getName().startsWith(`OKR ${label}`))).toHaveLength(1);
  // every reviewed objective in the history once per review
  const history = wb
    .sheet('Reviews')
    .getDataRange()
    .getValues()
    .slice(1)
    .filter((r) => r[0] !== '');
  expect(history).toHaveLength(historyIds);
  for (const label of labels) {
    const ids = history.filter((r) => r[1] === label).map((r) => r[2]);
    expect(new Set(ids).size, label).toBe(ids.length);
  }
  // the KPI dashboard reaches the last quarter opened
  const kpis = wb.sheet('KPI dashboard');
  const header = kpis.getRange(2, 1, 1, kpis.getLastColumn()).getValues()[0]!.map(String);
  expect(header.filter((h) => /^\d{4}-\d{2}$/.test(h)).at(-1)).toBe('2027-03');
  // what is stored grows by a small record per quarter sheet (about 600 bytes: its review, the
  // settings formulas its close froze, its name, where its check-ins start in the log), never by the answers
  expect(storage[3]! - storage[0]!).toBeLessThan(3 * 700);
  // the sheets found by id, the log read from the quarter's first row: each quarter costs the same
  // (before: check-in 68 → 73 → 78 → 83 calls, finish 210 → 239 → 266 → 293)
  expect(new Set(costs.map((c) => c.checkIn)).size, JSON.stringify(costs)).toBe(1);
  expect(new Set(costs.map((c) => c.finish)).size, JSON.stringify(costs)).toBe(1);
}, 120_000);
