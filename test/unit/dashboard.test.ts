/**
 * The Dashboard's numbers (src/core/dashboard.ts), worked by hand on a small quarter: the weekly
 * overall score is the sidebar's, the pace mixes committed (100 %) and aspirational (70 %) lines,
 * each KR's weekly score comes from its last check-in by then, and "as of" from the sheet's values.
 */
import { describe, expect, test } from 'vitest';
import { dayNumber } from '../../src/core/cells';
import { type LogPoint, weeklyScores } from '../../src/core/charts';
import { dashboardData } from '../../src/core/dashboard';
import type { KrRead, ObjectiveRead } from '../../src/core/read-quarter';

const JAN1 = dayNumber(2026, 1, 1);
const MAR31 = dayNumber(2026, 3, 31);
const span = { first: JAN1, last: MAR31, end: MAR31 };

const kr = (id: string, objectiveId: string, o: Partial<KrRead> = {}): KrRead => ({
  id,
  objectiveId,
  row: 3,
  title: id,
  owner: '',
  ownOwner: '',
  unit: '',
  weight: 1,
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

// O1 (aspirational): a 0 → 100 KR; O2 (committed): a milestone; O3: no KR, no score
const objectives = [
  objective('O1', [kr('k1', 'O1', { start: 0, target: 100, current: 60 })]),
  objective('O2', [kr('m1', 'O2', { type: 'milestone', current: false })], { committed: true }),
  objective('O3', []),
];
const log: LogPoint[] = [
  { day: JAN1 + 9, krId: 'k1', value: 20 },
  { day: JAN1 + 9, krId: 'k1', value: 25 }, // the same day: corrects the first
  { day: JAN1 + 20, krId: 'k1', value: '' }, // a comment alone
  { day: JAN1 + 30, krId: 'k1', value: 50 },
  { day: JAN1 + 12, krId: 'm1', value: 'todo' },
];
const asOf = JAN1 + 34; // Feb 4, a Wednesday: week ends Jan 7 … Jan 28, then Feb 4

describe('the dashboard’s numbers', () => {
  const d = dashboardData(objectives, log, span, asOf);

  test('the weeks and the overall score are the sidebar’s weekly chart', () => {
    const weekly = weeklyScores(objectives, log, JAN1, asOf);
    expect(d.weeks.map((w) => [w.day, w.overall])).toEqual(weekly.map((w) => [w.day, w.score]));
    expect(d.weeks.map((w) => w.day - JAN1)).toEqual([6, 13, 20, 27, 34]);
  });

  test('each KR’s score at each week’s end: its last check-in by then; on "as of", the sheet’s value', () => {
    expect(d.krs.map((k) => k.id)).toEqual(['k1', 'm1']);
    expect(d.weeks.map((w) => w.krs)).toEqual([
      [undefined, undefined], // Jan 7: nothing yet
      [0.25, 0], // Jan 14: 25 (the day's second check-in), the milestone not done
      [0.25, 0],
      [0.25, 0],
      [0.6, 0], // Feb 4: the sheet's Current (60), not the log's 50
    ]);
    expect(d.weeks.map((w) => w.overall)).toEqual([undefined, 0.125, 0.125, 0.125, 0.3]);
  });

  test('the pace: the mean of 70 % and 100 % (O3 scores nothing, so it does not count), in a straight line', () => {
    // elapsed as the sheet's Elapsed: days gone over the quarter's 90 days
    expect(d.weeks.map((w) => w.pace)).toEqual(
      [6, 13, 20, 27, 34].map((n) => expect.closeTo(0.85 * (n / 90), 9)),
    );
    // a KR's expected line: 0 on Jan 1 to 100 % on Mar 31 (89 days)
    expect(d.weeks.at(-1)!.expected).toBeCloseTo(34 / 89, 9);
  });

  test('each objective’s rolled-up score and grade: committed ones graded against 100 %', () => {
    expect(d.objectives.map((o) => [o.id, o.score, o.grade])).toEqual([
      ['O1', 0.6, 'yellow'],
      ['O2', 0, 'red'],
      ['O3', undefined, undefined],
    ]);
    const done = dashboardData(
      [objective('O2', [kr('m1', 'O2', { type: 'milestone', current: true })], { committed: true })],
      [],
      span,
      asOf,
    );
    expect(done.objectives[0]!.grade).toBe('green');
  });

  test('a quarter not started: no week; a KR without a target scores nothing', () => {
    expect(dashboardData(objectives, log, span, JAN1 - 1).weeks).toEqual([]);
    const bare = dashboardData([objective('O1', [kr('k', 'O1', { current: 5 })])], [], span, asOf);
    expect(bare.weeks.at(-1)!.krs).toEqual([undefined]);
    expect(bare.objectives[0]!.score).toBeUndefined();
  });
});
