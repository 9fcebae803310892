import { type Cell, isBlank, readNumber, readWord } from './cells';
import { InputError } from './errors';
import { inArg } from './score';
import { DIRECTIONS, type Direction, type Grade, type Trend } from './words';

/** green_at ≥ red_at: higher is better; green_at < red_at: lower is better. */
export function kpiStatus(valueCell: Cell, greenCell: Cell, redCell: Cell): Grade | '' {
  if (isBlank(valueCell)) return '';
  const value = inArg('value', () => readNumber(valueCell));
  if (isBlank(greenCell)) throw new InputError('required', {}, 'green_at');
  if (isBlank(redCell)) throw new InputError('required', {}, 'red_at');
  const green = inArg('green_at', () => readNumber(greenCell));
  const red = inArg('red_at', () => readNumber(redCell));
  return kpiGrade(value, green, red);
}

export function kpiGrade(value: number, green: number, red: number): Grade {
  if (green >= red) return value >= green ? 'green' : value <= red ? 'red' : 'yellow';
  return value <= green ? 'green' : value >= red ? 'red' : 'yellow';
}

export function readDirection(v: Cell): Direction {
  return isBlank(v) ? 'higher' : inArg('direction', () => readWord(v, DIRECTIONS));
}

/** KPI_TREND's scale: a number, or undefined when blank (the series' own size is used then). */
export function readScale(v: Cell): number | undefined {
  return isBlank(v) ? undefined : inArg('scale', () => readNumber(v));
}

/** A change of less than 1 % of the series' size per period is noise. */
export const STABLE_BELOW = 0.01;

/** Least-squares slope of y over x; undefined when x does not vary. */
export function slope(points: readonly { x: number; y: number }[]): number | undefined {
  return slopeOf(
    points.map((p) => p.x),
    points.map((p) => p.y),
    0,
    points.length,
  );
}

/** slope over the points from..to-1 of two columns: no object per point. */
export function slopeOf(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  from: number,
  to: number,
): number | undefined {
  const n = to - from;
  if (n < 2) return undefined;
  let mx = 0;
  let my = 0;
  for (let k = from; k < to; k++) {
    mx += xs[k]! / n;
    my += ys[k]! / n;
  }
  let sxy = 0;
  let sxx = 0;
  for (let k = from; k < to; k++) {
    sxy += (xs[k]! - mx) * (ys[k]! - my);
    sxx += (xs[k]! - mx) ** 2;
  }
  return sxx === 0 ? undefined : sxy / sxx;
}

/**
 * A KPI's series (oldest first, blanks skipped, x = period position) → its trend: the slope per
 * period over the mean of the values' sizes, or over `scale` when one is given (a KPI whose values
 * sit far from zero, a retention rate near 85 %, moves little against its own size but much
 * against the gap between its thresholds). A blank or zero scale is no scale.
 */
export function kpiTrend(series: readonly Cell[], direction: Direction, scale?: number): Trend | '' {
  const n = series.length;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let x = 0; x < n; x++) {
    const v = series[x];
    if (isBlank(v)) continue;
    let y: number;
    try {
      y = readNumber(v);
    } catch (e) {
      throw e instanceof InputError ? e.withArg('values') : e;
    }
    xs.push(x);
    ys.push(y);
  }
  const m = slopeOf(xs, ys, 0, xs.length);
  if (m === undefined) return '';
  let by = scale === undefined ? 0 : Math.abs(scale);
  if (by === 0) {
    for (const y of ys) by += Math.abs(y);
    by /= ys.length;
  }
  if (by === 0) return 'stable';
  const r = m / by;
  if (Math.abs(r) < STABLE_BELOW) return 'stable';
  return r > 0 === (direction === 'higher') ? 'improving' : 'worsening';
}

/** The rightmost non-blank value of a series, read as a number; blank when there is none. */
export function latestValue(series: readonly Cell[]): number | '' {
  for (let i = series.length - 1; i >= 0; i--) {
    const v = series[i];
    if (!isBlank(v)) return inArg('values', () => readNumber(v));
  }
  return '';
}
