/**
 * The charts' data as the sidebars get it (getCheckInState, getReviewState) against what the sheet
 * computes: each KR's points are its rows of the log, its forecast the sheet's Forecast cell, the
 * last weekly score the sheet's overall score cell; and the log is still read once.
 */
import { describe, expect, test } from 'vitest';
import { ALL_LEVELS, addon } from './support';

type Wb = ReturnType<typeof addon>['wb'];
type App = ReturnType<typeof addon>['app'];

interface Pt {
  date: string;
  value: number;
}
interface Trend {
  first: string;
  last: string;
  asOf: string;
  points: Pt[];
  expected: { from: Pt; to: Pt } | null;
  forecast: { from: Pt; to: Pt; score: number } | null;
}
interface CheckInState {
  objectives: { krs: { id: string; trend: Trend }[] }[];
}
interface ReviewState {
  summary: { overall: number };
  trend: { first: string; last: string; asOf: string; weeks: { date: string; score: number | null }[] };
}

/** The example quarter Q1 2026 (over: its "as of" is its last day), with its example check-ins. */
function example() {
  const { wb, app } = addon();
  const r = app.run('insertQuarter', {
    quarter: 'Q1 2026',
    fiscalStart: 1,
    levels: ALL_LEVELS,
    content: 'examples',
  }) as { sheet: string };
  return { wb, app, name: r.sheet };
}

/** The quarter sheet's rows by id, each cell under its header; and the cell right of a row-1 label. */
function sheetOf(wb: Wb, name: string) {
  const values = wb.sheet(name).getDataRange().getValues();
  const header = values[1]!.map(String);
  const rows = new Map<string, Record<string, unknown>>();
  for (const r of values.slice(2)) {
    const id = String(r[header.indexOf('KR ID')] || r[header.indexOf('Objective ID')]);
    if (id) rows.set(id, Object.fromEntries(header.map((h, i) => [h, r[i]])));
  }
  const meta = (label: string) => values[0]![values[0]!.indexOf(label) + 1];
  return { rows, meta };
}

/** The log's rows of a KR with a value, as the sheet shows their dates, in date order. */
function logOf(wb: Wb, id: string): Pt[] {
  const log = wb.sheet('Check-ins').getDataRange();
  const shown = log.getDisplayValues();
  return log
    .getValues()
    .map((r, i) => ({ id: r[2], date: shown[i]![0]!, value: r[3] }))
    .filter((r) => r.id === id && r.value !== '')
    .map((r) => ({ date: r.date, value: r.value === true ? 1 : r.value === false ? 0 : Number(r.value) }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

const krsOf = (app: App) => (app.run('getCheckInState') as CheckInState).objectives.flatMap((o) => o.krs);

/** A row typed into the log by hand, as a team back-fills a check-in it forgot. */
function logRow(wb: Wb, date: string, kr: string, value: number) {
  const log = wb.sheet('Check-ins');
  const at = log.getLastRow() + 1;
  log.getRange(at, 1, 1, 4).setValues([[new Date(`${date}T12:00:00Z`), 'Q1 2026', kr, value]]);
}

describe('the check-in state: each KR’s chart', () => {
  test('one point per check-in with a value, the expected line start → target, the sheet’s forecast', () => {
    const { wb, app, name } = example();
    logRow(wb, '2026-03-02', 'O1.2', 131);
    const sheet = sheetOf(wb, name);
    const krs = krsOf(app);
    expect(krs.length).toBeGreaterThan(10);
    let forecasts = 0;
    for (const k of krs) {
      const row = sheet.rows.get(k.id)!;
      expect(k.trend.points, k.id).toEqual(logOf(wb, k.id));
      expect([k.trend.first, k.trend.last, k.trend.asOf]).toEqual(['2026-01-01', '2026-03-31', '2026-03-31']);
      if (typeof row.Target === 'number' && row.Type !== 'milestone')
        expect(k.trend.expected, k.id).toEqual({
          from: { date: '2026-01-01', value: row.Start === '' ? 0 : row.Start },
          to: { date: '2026-03-31', value: row.Target },
        });
      // the sheet's Forecast column, number for number; blank where it is blank
      if (typeof row.Forecast === 'number') {
        forecasts++;
        expect(k.trend.forecast?.score, k.id).toBe(row.Forecast);
        expect(k.trend.forecast?.to.date).toBe('2026-03-31');
      } else expect(k.trend.forecast, k.id).toBeNull();
    }
    expect(forecasts).toBeGreaterThan(2);
    // O1.2: 100 → 140, check-ins 106 (Jan 15), 120 (Feb 12), 131 (Mar 2)
    const o12 = krs.find((k) => k.id === 'O1.2')!.trend;
    expect(o12.points).toEqual([
      { date: '2026-01-15', value: 106 },
      { date: '2026-02-12', value: 120 },
      { date: '2026-03-02', value: 131 },
    ]);
  });

  test('a check-in made from the sidebar is the chart’s last point', () => {
    const { wb, app, name } = example();
    // O2.2's example check-ins out of the log: the sidebar's is its first
    const log = wb.sheet('Check-ins');
    const logged = log.getDataRange().getValues();
    for (let r = logged.length - 1; r >= 1; r--) if (logged[r]![2] === 'O2.2') log.deleteRow(r + 1);
    app.run('checkIn', { entries: [{ krId: 'O2.2', value: 15, comment: 'first one' }] });
    const o22 = krsOf(app).find((k) => k.id === 'O2.2')!.trend;
    expect(o22.points).toHaveLength(1);
    expect(o22.points[0]!.value).toBe(15);
    expect(o22.forecast).toBeNull(); // one check-in: no line, as the sheet's Forecast is blank
    expect(sheetOf(wb, name).rows.get('O2.2')!.Forecast).toBe('');
  });
});

describe('the review state: the overall score week by week', () => {
  test('one point a week, then "as of"; the last one is the sheet’s overall score cell', () => {
    const { wb, app, name } = example();
    const s = app.run('getReviewState') as ReviewState;
    const weeks = s.trend.weeks;
    // 90 days: week ends on Jan 7, 14, … Mar 25 (12), then Mar 31
    expect(weeks.map((w) => w.date)).toEqual([
      ...Array.from({ length: 12 }, (_, k) =>
        new Date(Date.UTC(2026, 0, 7 + 7 * k)).toISOString().slice(0, 10),
      ),
      '2026-03-31',
    ]);
    const overall = sheetOf(wb, name).meta('Overall score');
    expect(typeof overall).toBe('number');
    expect(weeks.at(-1)!.score).toBe(overall);
    expect(s.summary.overall).toBe(overall);
    // before the first check-in (Jan 10) no KR has a value: no score
    expect(weeks[0]!.score).toBeNull();
    expect(weeks[1]!.score).toBeGreaterThan(0);
  });

  test('after check-ins and with "as of" mid-quarter, the last point still is the sheet’s', () => {
    const { wb, app, name } = example();
    app.run('checkIn', {
      entries: [
        { krId: 'O2.2', value: 19 },
        { krId: 'O1.1', value: 3 },
      ],
    });
    const sheet = wb.sheet(name);
    const asOf = sheet.getRange(1, 1, 1, 12).getValues()[0]!.indexOf('As of') + 2;
    sheet.getRange(1, asOf).setValue('2026-02-15');
    const s = app.run('getReviewState') as ReviewState;
    expect(s.trend.asOf).toBe('2026-02-15');
    expect(s.trend.weeks.at(-1)).toEqual({
      date: '2026-02-15',
      score: sheetOf(wb, name).meta('Overall score'),
    });
    expect(s.trend.weeks).toHaveLength(7); // Jan 7 … Feb 11, then Feb 15
  });
});

describe('service calls', () => {
  /** Calls of an endpoint, custom functions aside (they are the sheet's recalculation). */
  const calls = (wb: Wb, run: () => unknown) => {
    run(); // a first run settles what is read once per session
    wb.counter.reset();
    run();
    return Object.entries(wb.counter.snapshot())
      .filter(([k]) => !k.startsWith('CustomFunction.'))
      .sort(([a], [b]) => a.localeCompare(b));
  };

  test('the log is read once whatever its length: no call per check-in', () => {
    const small = example();
    const big = example();
    for (let d = 1; d <= 80; d++)
      logRow(big.wb, `2026-01-${String((d % 28) + 1).padStart(2, '0')}`, `O${(d % 5) + 1}.1`, d);
    for (const ep of ['getCheckInState', 'getReviewState']) {
      const few = calls(small.wb, () => small.app.run(ep));
      expect(
        calls(big.wb, () => big.app.run(ep)),
        ep,
      ).toEqual(few);
    }
  });
});
