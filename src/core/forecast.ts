import type { DayNumber } from './cells';
import { slope } from './kpi';
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
  const xy = points.map((p) => ({ x: p.day, y: p.value }));
  const m = slope(xy);
  if (m === undefined) return '';
  const mx = xy.reduce((a, p) => a + p.x, 0) / xy.length;
  const my = xy.reduce((a, p) => a + p.y, 0) / xy.length;
  const projected = my + m * (end - mx);
  if (kr.type === 'milestone') return projected >= (kr.target ?? 1) ? 1 : 0;
  const target = kr.target as number;
  const type = kr.type ?? (target >= kr.start ? 'increase' : 'decrease');
  return clamp01(progressOf(type, kr.start, target, projected, kr.startBlank));
}
