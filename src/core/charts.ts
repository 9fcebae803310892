/**
 * What the sidebar's charts draw, computed from the check-in log of one quarter with the very
 * functions the sheet computes with: a KR's check-ins against its expected straight line and its
 * forecast (KR_FORECAST's line), and the quarter's overall score week by week (KR_SCORE, OKR_SCORE
 * and OKR_ROLLUP, as the review's overall score).
 */
import { type Cell, type DayNumber, isBlank, isoOf, readWord } from './cells';
import { InputError } from './errors';
import { forecastOf, lineThrough, readCheckInValue, valueOn } from './forecast';
import { objectiveScores } from './quarter-model';
import type { KrRead, ObjectiveRead } from './read-quarter';
import { weightedMean } from './score';
import { MILESTONE_STATES } from './words';

/** One row of the log as the charts read it (sheets/log's LogEntry fits). */
export interface LogPoint {
  day: DayNumber;
  krId: string;
  value: Cell;
}

/** The quarter a chart spans: its first and last days, and the day its forecast is read at. */
export interface ChartSpan {
  first: DayNumber;
  last: DayNumber;
  /** The sheet's "Ends" cell, which KR_FORECAST reads (the quarter's last day unless edited). */
  end: DayNumber;
}

export interface ChartPoint {
  day: DayNumber;
  value: number;
}

export interface KrTrend {
  /** Each check-in with a value, oldest first (a comment-only check-in is no point). */
  points: ChartPoint[];
  /** Start on the quarter's first day to target on its last: where a steady KR would be. */
  expected?: { from: ChartPoint; to: ChartPoint };
  /** KR_FORECAST's line, from the first check-in to `end`, and the score it reads there. */
  forecast?: { from: ChartPoint; to: ChartPoint; score: number };
}

/** A log value for a score: a milestone's TRUE/FALSE and done/todo stay yes/no, as KR_SCORE reads them. */
function currentOf(v: Cell): number | boolean | undefined {
  if (isBlank(v)) return undefined;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    try {
      return readWord(v, MILESTONE_STATES) === 'done';
    } catch {
      // a number in text form, read below
    }
  }
  try {
    return readCheckInValue(v);
  } catch (e) {
    if (e instanceof InputError) return undefined;
    throw e;
  }
}

/** The log's rows with a readable value, by KR, in log order. */
export function pointsByKr(
  log: readonly LogPoint[],
): Map<string, { day: DayNumber; value: number | boolean }[]> {
  const out = new Map<string, { day: DayNumber; value: number | boolean }[]>();
  for (const e of log) {
    const value = currentOf(e.value);
    if (value === undefined || e.krId === '') continue;
    const list = out.get(e.krId);
    if (list) list.push({ day: e.day, value });
    else out.set(e.krId, [{ day: e.day, value }]);
  }
  return out;
}

const numeric = (v: number | boolean) => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

/** A KR's chart: its check-ins, the expected line and the forecast, from its rows of the log. */
export function krTrend(
  kr: KrRead,
  rows: readonly { day: DayNumber; value: number | boolean }[],
  span: ChartSpan,
): KrTrend {
  const days = rows.map((r) => r.day);
  const values = rows.map((r) => numeric(r.value));
  const points = rows
    .map((r, i) => ({ day: r.day, value: values[i]!, i }))
    // oldest first; check-ins of one day keep the log's order
    .sort((a, b) => a.day - b.day || a.i - b.i)
    .map(({ day, value }) => ({ day, value }));
  const out: KrTrend = { points };
  const milestone = kr.type === 'milestone';
  const target = milestone ? (kr.target ?? 1) : kr.target;
  if (target !== undefined)
    out.expected = {
      from: { day: span.first, value: milestone ? 0 : (kr.start ?? 0) },
      to: { day: span.last, value: target },
    };
  // the forecast as KR_FORECAST computes it, on the log's rows in the log's order
  const line = lineThrough(days, values, 0, rows.length);
  if (line === undefined || (!milestone && kr.target === undefined)) return out;
  let score: number | '';
  try {
    score = forecastOf(
      { start: kr.start ?? 0, target: kr.target, type: kr.type, startBlank: kr.start === undefined },
      days,
      values,
      0,
      rows.length,
      span.end,
    );
  } catch (e) {
    if (e instanceof InputError) return out; // the sheet's Forecast shows why
    throw e;
  }
  if (score === '') return out;
  const from = Math.min(...days);
  out.forecast = {
    from: { day: from, value: valueOn(line, from) },
    to: { day: span.end, value: valueOn(line, span.end) },
    score,
  };
  return out;
}

/** The quarter's overall score: the mean of its objectives' rolled-up scores (the sheet's L1 cell). */
export function overallScore(objectives: readonly ObjectiveRead[]): number | undefined {
  const scored: { value: number; weight: number }[] = [];
  for (const s of objectiveScores(objectives).values())
    if (s !== undefined) scored.push({ value: s, weight: 1 });
  const m = weightedMean(scored);
  return m === '' ? undefined : m;
}

export interface WeekScore {
  day: DayNumber;
  /** Undefined while no KR has a value yet. */
  score?: number;
}

/** The days the weekly chart has a point on: each week's last day before `asOf`, then `asOf`. */
export function weekEnds(first: DayNumber, asOf: DayNumber): DayNumber[] {
  const out: DayNumber[] = [];
  for (let d = first + 6; d < asOf; d += 7) out.push(d);
  if (asOf >= first) out.push(asOf);
  return out;
}

/**
 * The overall score on a day, from the log alone: each KR's value is its last check-in on or
 * before that day (none yet: no score, as a blank Current), scored by the sheet's functions.
 */
export function overallOn(
  objectives: readonly ObjectiveRead[],
  byKr: ReadonlyMap<string, readonly { day: DayNumber; value: number | boolean }[]>,
  day: DayNumber,
): number | undefined {
  return overallScore(
    objectives.map((o) => ({
      ...o,
      krs: o.krs.map((k) => ({ ...k, current: lastValueBy(byKr.get(k.id) ?? [], day) })),
    })),
  );
}

/** A KR's value on a day from its log rows: its last check-in on or before it (none: undefined). */
export function lastValueBy(
  rows: readonly { day: DayNumber; value: number | boolean }[],
  day: DayNumber,
): number | boolean | undefined {
  let best: { day: DayNumber; value: number | boolean } | undefined;
  // the last one of the latest day: a second check-in the same day corrects the first
  for (const p of rows) if (p.day <= day && (!best || p.day >= best.day)) best = p;
  return best?.value;
}

/**
 * The overall score week by week: at each week's end from the log, and on the "as of" day from the
 * sheet's own values, so the last point is the score the sheet shows.
 */
export function weeklyScores(
  objectives: readonly ObjectiveRead[],
  log: readonly LogPoint[],
  first: DayNumber,
  asOf: DayNumber,
): WeekScore[] {
  const byKr = pointsByKr(log);
  return weekEnds(first, asOf).map((day) => {
    const score = day < asOf ? overallOn(objectives, byKr, day) : overallScore(objectives);
    return score === undefined ? { day } : { day, score };
  });
}

/** A KR's chart as the sidebar gets it, whole: its quarter's span, dates as yyyy-mm-dd. */
export function krTrendJson(t: KrTrend, span: ChartSpan, asOf: DayNumber) {
  const pt = (p: ChartPoint) => ({ date: isoOf(p.day), value: p.value });
  return {
    first: isoOf(span.first),
    last: isoOf(Math.max(span.last, span.end)),
    asOf: isoOf(asOf),
    points: t.points.map(pt),
    expected: t.expected ? { from: pt(t.expected.from), to: pt(t.expected.to) } : null,
    forecast: t.forecast
      ? { from: pt(t.forecast.from), to: pt(t.forecast.to), score: t.forecast.score }
      : null,
  };
}

/** The quarter's weekly chart as the sidebar gets it. */
export function weeklyJson(span: ChartSpan, asOf: DayNumber, weeks: readonly WeekScore[]) {
  return {
    first: isoOf(span.first),
    last: isoOf(span.last),
    asOf: isoOf(asOf),
    weeks: weeks.map((w) => ({ date: isoOf(w.day), score: w.score ?? null })),
  };
}
