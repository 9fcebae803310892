import { type Cell, type DayNumber, readDay } from '../core/cells';
import {
  type ChartSpan,
  krTrend,
  krTrendJson,
  type LogPoint,
  pointsByKr,
  weeklyJson,
  weeklyScores,
} from '../core/charts';
import type { KrRead } from '../core/read-quarter';
import type { QuarterState } from './quarter';

/**
 * The span the sidebar's charts draw over: the quarter's days, and the day the forecast is read
 * at, from the "Ends" cell of the sheet as already read (KR_FORECAST reads that cell), else the
 * quarter's last day.
 */
export function chartSpan(q: QuarterState, timeZone: string): ChartSpan {
  const last = q.quarter.next - 1;
  const at = q.read.meta.ends;
  let end: DayNumber = last;
  try {
    if (at) end = readDay(q.read.values[at.row - 1]?.[at.col - 1] as Cell, () => timeZone);
  } catch {
    // an unreadable "Ends" cell: the sheet's Forecast says so; the chart reads at the quarter's end
  }
  return { first: q.quarter.first, last, end };
}

/** Each KR's chart, from the quarter's log rows already read: no read of its own. */
export function krTrends(q: QuarterState, log: readonly LogPoint[], timeZone: string) {
  const span = chartSpan(q, timeZone);
  const byKr = pointsByKr(log);
  return (k: KrRead) => krTrendJson(krTrend(k, byKr.get(k.id) ?? [], span), span, q.asOf);
}

/** The quarter's overall score week by week, from the log rows already read. */
export function quarterTrend(q: QuarterState, log: readonly LogPoint[], timeZone: string) {
  const span = chartSpan(q, timeZone);
  const asOf = Math.min(q.asOf, span.last);
  return weeklyJson(span, asOf, weeklyScores(q.read.objectives, log, span.first, asOf));
}
