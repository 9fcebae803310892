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

/** A change of less than 1 % of the series' size per period is noise. */
export const STABLE_BELOW = 0.01;

/** Least-squares slope of y over x; undefined when x does not vary. */
export function slope(points: readonly { x: number; y: number }[]): number | undefined {
  const n = points.length;
  if (n < 2) return undefined;
  let mx = 0;
  let my = 0;
  for (const p of points) {
    mx += p.x / n;
    my += p.y / n;
  }
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
  }
  return sxx === 0 ? undefined : sxy / sxx;
}

/** A KPI's series (oldest first, blanks skipped, x = period position) → its trend. */
export function kpiTrend(series: readonly Cell[], direction: Direction): Trend | '' {
  const points: { x: number; y: number }[] = [];
  series.forEach((v, x) => {
    if (!isBlank(v)) points.push({ x, y: inArg('values', () => readNumber(v)) });
  });
  const m = slope(points);
  if (m === undefined) return '';
  const scale = points.reduce((a, p) => a + Math.abs(p.y), 0) / points.length;
  if (scale === 0) return 'stable';
  const r = m / scale;
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
