/**
 * What the Dashboard sheet shows, from the quarter as read and its rows of the log: the overall
 * score week by week against its expected pace, each objective's rolled-up score and grade, and
 * each KR's score at each week's end against its straight line from start to target. Computed by
 * the functions the sidebar's charts and the sheet use, so its last week is the sheet's overall
 * score.
 */
import type { DayNumber } from './cells';
import { type ChartSpan, type LogPoint, lastValueBy, pointsByKr, weeklyScores } from './charts';
import { gradeOf, krScoreOf, objectiveScores, paceOf } from './quarter-model';
import type { KrRead, ObjectiveRead } from './read-quarter';
import { tidy } from './score';
import type { Grade } from './words';

export interface DashboardObjective {
  id: string;
  title: string;
  committed: boolean;
  /** Its rolled-up score (OKR_ROLLUP), undefined while none of its KRs has a value. */
  score?: number;
  grade?: Grade;
  krs: readonly KrRead[];
}

export interface DashboardWeek {
  day: DayNumber;
  /** The overall score that day (the sidebar's weekly chart); undefined before any value. */
  overall?: number;
  /** Where the overall score would be at a steady pace: 100 % for committed objectives, 70 % else. */
  pace: number;
  /** Where a KR on its straight line from start to target would be, as a score. */
  expected: number;
  /** Each KR's score that day, in the order of `krs`: from its last check-in by then. */
  krs: (number | undefined)[];
}

export interface DashboardData {
  objectives: DashboardObjective[];
  /** Every KR of the objectives, objective by objective: the weekly columns' order. */
  krs: KrRead[];
  weeks: DashboardWeek[];
}

const share = (day: DayNumber, from: DayNumber, to: DayNumber) =>
  to > from ? tidy(Math.min(1, Math.max(0, (day - from) / (to - from)))) : 1;

/**
 * The dashboard's numbers on `asOf` (the sheet's "as of", at most the quarter's last day). Days
 * before `asOf` come from the log alone; `asOf` from the sheet's values, as the sheet scores them.
 */
export function dashboardData(
  objectives: readonly ObjectiveRead[],
  log: readonly LogPoint[],
  span: ChartSpan,
  asOf: DayNumber,
): DashboardData {
  const rolled = objectiveScores(objectives);
  const out: DashboardObjective[] = objectives.map((o) => {
    const score = rolled.get(o.id);
    return {
      id: o.id,
      title: o.title,
      committed: o.committed,
      ...(score === undefined ? {} : { score, grade: gradeOf(score, o.committed) }),
      krs: o.krs,
    };
  });
  const krs = objectives.flatMap((o) => o.krs);
  const byKr = pointsByKr(log);
  // the pace the overall score is held to: its objectives' success lines (those that score)
  const counted = out.filter((o) => o.score !== undefined);
  const targets = (counted.length ? counted : out).map((o) => paceOf(0, 1, o.committed).expected);
  const target = targets.length ? targets.reduce((a, b) => a + b, 0) / targets.length : 0;
  const weeks = weeklyScores(objectives, log, span.first, asOf).map((w) => ({
    day: w.day,
    ...(w.score === undefined ? {} : { overall: w.score }),
    // the sheet's Elapsed: 0 on the first day, (n − 1)/n on the last
    pace: tidy(target * share(w.day, span.first, span.last + 1)),
    // the sidebar's expected line runs from the first day to the last
    expected: share(w.day, span.first, span.last),
    krs: krs.map((k) =>
      krScoreOf(w.day < asOf ? { ...k, current: lastValueBy(byKr.get(k.id) ?? [], w.day) } : k),
    ),
  }));
  return { objectives: out, krs, weeks };
}
