import { type Cell, type DayNumber, readNumber, readWord } from './cells';
import { slopeOf } from './kpi';
import { clamp01, progressOf } from './score';
import { type KrType, MILESTONE_STATES } from './words';

/** A check-in value: a number, or a milestone's TRUE/FALSE or done/todo (1/0). */
export function readCheckInValue(v: Cell): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    try {
      return readWord(v, MILESTONE_STATES) === 'done' ? 1 : 0;
    } catch {
      // a number in text form, read below
    }
  }
  return readNumber(v);
}

export interface CheckInPoint {
  day: DayNumber;
  value: number;
}

/** A least-squares line through points: its slope and the mean point it passes through. */
export interface Line {
  slope: number;
  meanDay: number;
  meanValue: number;
}

/** The line's value on a day. */
export const valueOn = (line: Line, day: number): number =>
  line.meanValue + line.slope * (day - line.meanDay);

/**
 * The least-squares line through the points from..to-1 of two columns (days, values); fewer than
 * two points on different days → undefined. KR_FORECAST and the sidebar's chart both draw on it.
 */
export function lineThrough(
  days: ArrayLike<number>,
  values: ArrayLike<number>,
  from: number,
  to: number,
): Line | undefined {
  const m = slopeOf(days, values, from, to);
  if (m === undefined) return undefined;
  let sx = 0;
  let sy = 0;
  for (let k = from; k < to; k++) {
    sx += days[k]!;
    sy += values[k]!;
  }
  return { slope: m, meanDay: sx / (to - from), meanValue: sy / (to - from) };
}

/**
 * Where a KR's check-ins are heading: a least-squares line through them (x in days), read at `end`
 * and scored like KR_SCORE. Fewer than two check-ins on different days → blank.
 */
export function forecastScore(
  kr: { start: number; target: number | undefined; type: KrType | undefined; startBlank: boolean },
  points: readonly CheckInPoint[],
  end: DayNumber,
): number | '' {
  const days = points.map((p) => p.day);
  const values = points.map((p) => p.value);
  return forecastOf(kr, days, values, 0, points.length, end);
}

/** forecastScore on the points from..to-1 of two columns (days, values): no object per point. */
export function forecastOf(
  kr: { start: number; target: number | undefined; type: KrType | undefined; startBlank: boolean },
  days: ArrayLike<number>,
  values: ArrayLike<number>,
  from: number,
  to: number,
  end: DayNumber,
): number | '' {
  const line = lineThrough(days, values, from, to);
  if (line === undefined) return '';
  return scoreAt(kr, valueOn(line, end));
}

/** A projected value scored like KR_SCORE (a milestone is done when it reaches its target, or 1). */
export function scoreAt(
  kr: { start: number; target: number | undefined; type: KrType | undefined; startBlank: boolean },
  projected: number,
): number {
  if (kr.type === 'milestone') return projected >= (kr.target ?? 1) ? 1 : 0;
  const target = kr.target as number;
  const type = kr.type ?? (target >= kr.start ? 'increase' : 'decrease');
  return clamp01(progressOf(type, kr.start, target, projected, kr.startBlank));
}
