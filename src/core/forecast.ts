import type { DayNumber } from './cells';
import { slopeOf } from './kpi';
import { clamp01, progressOf } from './score';
import type { KrType } from './words';

export interface CheckInPoint {
  day: DayNumber;
  value: number;
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
  const m = slopeOf(days, values, from, to);
  if (m === undefined) return '';
  let sx = 0;
  let sy = 0;
  for (let k = from; k < to; k++) {
    sx += days[k]!;
    sy += values[k]!;
  }
  const mx = sx / (to - from);
  const my = sy / (to - from);
  const projected = my + m * (end - mx);
  if (kr.type === 'milestone') return projected >= (kr.target ?? 1) ? 1 : 0;
  const target = kr.target as number;
  const type = kr.type ?? (target >= kr.start ? 'increase' : 'decrease');
  return clamp01(progressOf(type, kr.start, target, projected, kr.startBlank));
}
