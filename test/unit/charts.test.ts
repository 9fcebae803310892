import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dayNumber } from '../../src/core/cells';
import {
  krTrend,
  type LogPoint,
  overallOn,
  overallScore,
  pointsByKr,
  weekEnds,
  weeklyScores,
} from '../../src/core/charts';
import { scoreAt } from '../../src/core/forecast';
import type { KrRead, ObjectiveRead } from '../../src/core/read-quarter';
import { reviewSummary } from '../../src/core/review';
import { call, col } from '../support/call';

const JAN1 = dayNumber(2026, 1, 1);
const MAR31 = dayNumber(2026, 3, 31);
const span = { first: JAN1, last: MAR31, end: MAR31 };

const kr = (id: string, o: Partial<KrRead> = {}): KrRead => ({
  id,
  objectiveId: 'O1',
  row: 3,
  title: id,
  unit: '',
  weight: 1,
  owner: '',
  ownOwner: '',
  ...o,
});
const objective = (id: string, krs: KrRead[], o: Partial<ObjectiveRead> = {}): ObjectiveRead => ({
  id,
  row: 2,
  title: id,
  owner: '',
  parent: '',
  committed: false,
  krs,
  ...o,
});
const rowsOf = (log: LogPoint[], id: string) => pointsByKr(log).get(id) ?? [];

describe('a KR’s chart', () => {
  const log: LogPoint[] = [
    { day: JAN1 + 30, krId: 'k1', value: 30 },
    { day: JAN1 + 10, krId: 'k1', value: '' }, // a comment alone: no point
    { day: JAN1, krId: 'k1', value: 0 },
    { day: JAN1 + 5, krId: 'k2', value: 7 },
  ];

  test('its check-ins in date order, the straight line start → target, KR_FORECAST’s line and score', () => {
    const t = krTrend(kr('k1', { start: 0, target: 100 }), rowsOf(log, 'k1'), span);
    expect(t.points).toEqual([
      { day: JAN1, value: 0 },
      { day: JAN1 + 30, value: 30 },
    ]);
    expect(t.expected).toEqual({ from: { day: JAN1, value: 0 }, to: { day: MAR31, value: 100 } });
    // 1 a day from 0 on Jan 1: 89 on Mar 31, 0.89 of the way, as the sheet's Forecast column says
    expect(t.forecast).toEqual({
      from: { day: JAN1, value: 0 },
      to: { day: MAR31, value: 89 },
      score: 0.89,
    });
    expect(
      call(
        'KR_FORECAST',
        'k1',
        0,
        100,
        '',
        '2026-03-31',
        col('k1', 'k1'),
        col('2026-01-31', '2026-01-01'),
        col(30, 0),
      ),
    ).toEqual([[0.89]]);
  });

  test('one check-in: points and the expected line, no forecast', () => {
    const t = krTrend(kr('k2', { start: 10, target: 0 }), rowsOf(log, 'k2'), span);
    expect(t.points).toEqual([{ day: JAN1 + 5, value: 7 }]);
    expect(t.expected).toEqual({ from: { day: JAN1, value: 10 }, to: { day: MAR31, value: 0 } });
    expect(t.forecast).toBeUndefined();
  });

  test('a milestone: done is 1, the expected line 0 → 1', () => {
    const m: LogPoint[] = [
      { day: JAN1 + 3, krId: 'm', value: false },
      { day: JAN1 + 40, krId: 'm', value: 'done' },
    ];
    const t = krTrend(kr('m', { type: 'milestone' }), rowsOf(m, 'm'), span);
    expect(t.points.map((p) => p.value)).toEqual([0, 1]);
    expect(t.expected).toEqual({ from: { day: JAN1, value: 0 }, to: { day: MAR31, value: 1 } });
    expect(t.forecast?.score).toBe(1);
  });

  test('no target: no line to expect nor forecast to score', () => {
    const t = krTrend(kr('k1', { start: 0 }), rowsOf(log, 'k1'), span);
    expect(t.points).toHaveLength(2);
    expect(t.expected).toBeUndefined();
    expect(t.forecast).toBeUndefined();
  });

  test('a decrease with no start has no forecast (the sheet shows why), its points stay', () => {
    const t = krTrend(kr('k1', { target: -5, type: 'decrease' }), rowsOf(log, 'k1'), span);
    expect(t.points).toHaveLength(2);
    expect(t.forecast).toBeUndefined();
  });

  test('the forecast is read at the sheet’s "Ends" day', () => {
    const t = krTrend(kr('k1', { start: 0, target: 100 }), rowsOf(log, 'k1'), { ...span, end: JAN1 + 49 });
    expect(t.forecast?.to).toEqual({ day: JAN1 + 49, value: 49 });
    expect(t.forecast?.score).toBe(0.49);
  });
});

describe('the quarter week by week', () => {
  test('a point at each week’s last day before "as of", then "as of"', () => {
    expect(weekEnds(JAN1, JAN1 + 19)).toEqual([JAN1 + 6, JAN1 + 13, JAN1 + 19]);
    expect(weekEnds(JAN1, JAN1 + 13)).toEqual([JAN1 + 6, JAN1 + 13]);
    expect(weekEnds(JAN1, JAN1)).toEqual([JAN1]);
    expect(weekEnds(JAN1, JAN1 - 1)).toEqual([]); // not started
  });

  test('each week scored from the last check-in on or before it; "as of" from the sheet', () => {
    // O1 (two KRs, 0 → 10, weights 1 and 3) with O2 aligned to it (one KR, 0 → 4)
    const objectives = [
      objective('O1', [
        kr('a', { start: 0, target: 10, current: 10 }),
        kr('b', { start: 0, target: 10, weight: 3, current: 6 }),
      ]),
      objective('O2', [kr('c', { start: 0, target: 4, current: 2, objectiveId: 'O2' })], { parent: 'O1' }),
    ];
    const log: LogPoint[] = [
      { day: JAN1 + 2, krId: 'a', value: 5 },
      { day: JAN1 + 9, krId: 'b', value: 2 },
      { day: JAN1 + 9, krId: 'b', value: 6 }, // the same day again: the later row counts
      { day: JAN1 + 12, krId: 'c', value: 2 },
      { day: JAN1 + 15, krId: 'a', value: 10 },
    ];
    const weeks = weeklyScores(objectives, log, JAN1, JAN1 + 16);
    expect(weeks.map((w) => w.day)).toEqual([JAN1 + 6, JAN1 + 13, JAN1 + 16]);
    // week 1: a = 0.5 alone → O1 0.5, O2 no score → 0.5 overall (O1's)
    // week 2: O1 = (0.5 + 3 × 0.6) / 4 = 0.575, O2 = 0.5 → O1 rolled (0.575 + 0.5) / 2 = 0.5375;
    //   overall (0.5375 + 0.5) / 2 = 0.51875
    // as of: O1 = (1 + 1.8) / 4 = 0.7 → rolled 0.6 → overall 0.55
    expect(weeks.map((w) => w.score)).toEqual([0.5, 0.51875, 0.55]);
    expect(weeks.at(-1)!.score).toBe(overallScore(objectives));
  });

  test('no KR checked in yet: a week with no score', () => {
    const objectives = [objective('O1', [kr('a', { start: 0, target: 10, current: 5 })])];
    const weeks = weeklyScores(objectives, [{ day: JAN1 + 10, krId: 'a', value: 5 }], JAN1, JAN1 + 13);
    expect(weeks).toEqual([{ day: JAN1 + 6 }, { day: JAN1 + 13, score: 0.5 }]);
  });
});

// ——— properties ———

const TYPES = [undefined, 'increase', 'decrease', 'at_least', 'at_most', 'milestone'] as const;

/** A quarter as read: objectives (some aligned, some parents unknown or in cycles), their KRs, a log. */
const quarter = fc
  .record({
    objectives: fc.array(
      fc.record({
        parent: fc.integer({ min: -2, max: 5 }),
        committed: fc.boolean(),
        krs: fc.array(
          fc.record({
            type: fc.constantFrom(...TYPES),
            start: fc.option(fc.integer({ min: -50, max: 50 }), { nil: undefined }),
            target: fc.option(fc.integer({ min: -50, max: 150 }), { nil: undefined }),
            weight: fc.constantFrom(0, 1, 1, 2, 0.5),
            current: fc.option(fc.oneof(fc.integer({ min: -60, max: 160 }), fc.boolean()), {
              nil: undefined,
            }),
          }),
          { maxLength: 4 },
        ),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    log: fc.array(
      fc.record({
        kr: fc.nat(30),
        day: fc.integer({ min: 0, max: 89 }),
        value: fc.oneof(
          fc.integer({ min: -60, max: 160 }),
          fc.double({ min: -60, max: 160, noNaN: true }),
          fc.boolean(),
          fc.constantFrom('', 'done', 'à faire', '12,5', 'n/a'),
        ),
      }),
      { maxLength: 40 },
    ),
    asOf: fc.integer({ min: 0, max: 89 }),
  })
  .map(({ objectives: os, log, asOf }) => {
    let n = 0;
    const objectives = os.map((o, i) =>
      objective(
        `O${i}`,
        o.krs.map((k) =>
          kr(`K${n++}`, {
            objectiveId: `O${i}`,
            type: k.type,
            start: k.start,
            target: k.target,
            weight: k.weight,
            current: k.type === 'milestone' || typeof k.current !== 'boolean' ? k.current : undefined,
          }),
        ),
        { parent: o.parent < 0 ? (o.parent === -1 ? '' : 'gone') : `O${o.parent}`, committed: o.committed },
      ),
    );
    const ids = objectives.flatMap((o) => o.krs.map((k) => k.id));
    const points: LogPoint[] = ids.length
      ? log.map((e) => ({ day: JAN1 + e.day, krId: ids[e.kr % ids.length]!, value: e.value }))
      : [];
    return { objectives, log: points, asOf: JAN1 + asOf };
  });

describe('properties', () => {
  test('the last weekly point is the overall score the core computes for the review (the sheet’s)', () => {
    fc.assert(
      fc.property(quarter, ({ objectives, log, asOf }) => {
        const weeks = weeklyScores(objectives, log, JAN1, asOf);
        const overall = reviewSummary({
          quarter: 'Q1 2026',
          fiscalStart: 1,
          asOf,
          objectives,
          kpis: [],
          findings: [],
        }).overall;
        expect(weeks.at(-1)).toEqual(overall === undefined ? { day: asOf } : { day: asOf, score: overall });
      }),
      { numRuns: 300 },
    );
  });

  test('when each Current is its last check-in, the log alone gives the sheet’s score on "as of"', () => {
    fc.assert(
      fc.property(quarter, ({ objectives, log, asOf }) => {
        const byKr = pointsByKr(log);
        // what check-ins leave in the sheet: each KR's last value on or before "as of"
        const checkedIn = objectives.map((o) => ({
          ...o,
          krs: o.krs.map((k) => {
            const mine = (byKr.get(k.id) ?? []).filter((p) => p.day <= asOf);
            const latest = Math.max(...mine.map((p) => p.day));
            return { ...k, current: mine.filter((p) => p.day === latest).at(-1)?.value };
          }),
        }));
        expect(overallOn(checkedIn, byKr, asOf)).toBe(overallScore(checkedIn));
        for (const w of weeklyScores(checkedIn, log, JAN1, asOf).slice(0, -1))
          expect(w.score).toBe(overallOn(checkedIn, byKr, w.day));
      }),
      { numRuns: 300 },
    );
  });

  test('a KR’s forecast score is the sheet’s KR_FORECAST, its line ends on the value scored', () => {
    const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(quarter, ({ objectives, log }) => {
        const byKr = pointsByKr(log);
        for (const k of objectives.flatMap((o) => o.krs)) {
          const mine = log.filter((e) => e.krId === k.id);
          if (mine.length === 0) continue;
          const t = krTrend(k, byKr.get(k.id) ?? [], span);
          const sheet = call(
            'KR_FORECAST',
            // ranges, as the sheet calls it (a blank row below): a row's error is its cell's text
            col(k.id, ''),
            col(k.start ?? '', ''),
            col(k.target ?? '', ''),
            col(k.type ?? '', ''),
            '2026-03-31',
            col(...mine.map((e) => e.krId)),
            col(...mine.map((e) => iso(e.day))),
            // a value no one can read is an error in the sheet's cell; the chart skips it
            col(...mine.map((e) => (e.value === 'n/a' ? '' : e.value))),
          ) as unknown[][];
          const cell = sheet[0]![0];
          if (typeof cell === 'number') expect(t.forecast?.score).toBe(cell);
          else expect(t.forecast).toBeUndefined();
          if (t.forecast) {
            const read = {
              start: k.start ?? 0,
              target: k.target,
              type: k.type,
              startBlank: k.start === undefined,
            };
            expect(t.forecast.to.day).toBe(span.end);
            expect(scoreAt(read, t.forecast.to.value)).toBe(t.forecast.score);
          }
          expect(t.points).toHaveLength((byKr.get(k.id) ?? []).length);
        }
      }),
      { numRuns: 200 },
    );
  });
});
