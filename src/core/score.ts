import { type Cell, isBlank, isDate, readNumber, readWord, refuseUpstream } from './cells';
import { InputError } from './errors';
import { COMMITMENTS, type Grade, KR_TYPES, type KrType, MILESTONE_STATES, type PaceStatus } from './words';

/** Scores are shown as percentages: 12 significant digits hide float noise (0.49999999999999956 → 0.5). */
export function tidy(x: number): number {
  // rounding to 12 decimals is exact enough below 1000 and much cheaper than toPrecision
  return Math.abs(x) < 1e3 ? Math.round(x * 1e12) / 1e12 : Number(x.toPrecision(12));
}

/** Runs `read` and tags its error with the argument it was reading. */
export function inArg<T>(arg: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    throw e instanceof InputError ? e.withArg(arg) : e;
  }
}

export interface KeyResultValues {
  start: Cell;
  target: Cell;
  current: Cell;
  type?: Cell;
}

export function readKrType(v: Cell, arg = 'type'): KrType | undefined {
  return isBlank(v) ? undefined : inArg(arg, () => readWord(v, KR_TYPES));
}

function milestoneDone(current: Cell, target: Cell): boolean {
  if (typeof current === 'boolean') return current;
  inArg('current', () => refuseUpstream(current));
  if (typeof current === 'string') {
    try {
      return readWord(current, MILESTONE_STATES) === 'done';
    } catch {
      // not a milestone word: maybe a number in text form, read below
    }
  }
  let n: number;
  try {
    if (isDate(current)) throw new Error();
    n = readNumber(current);
  } catch {
    throw new InputError('milestoneValue', { value: current }, 'current');
  }
  if (!isBlank(target)) return n >= inArg('target', () => readNumber(target));
  if (n === 1 || n === 0) return n === 1;
  throw new InputError('milestoneValue', { value: current }, 'current');
}

/** A key result's progress, unclamped and unrounded: ±Infinity when the ratio overflows. */
function progressRaw(kr: KeyResultValues): number | '' {
  if (isBlank(kr.current)) return '';
  const type = readKrType(kr.type);
  if (type === 'milestone') return milestoneDone(kr.current, kr.target) ? 1 : 0;
  if (isBlank(kr.target)) throw new InputError('required', {}, 'target');
  const target = inArg('target', () => readNumber(kr.target));
  const startBlank = isBlank(kr.start);
  const start = startBlank ? 0 : inArg('start', () => readNumber(kr.start));
  const current = inArg('current', () => readNumber(kr.current));
  return ratioOf(type ?? (target >= start ? 'increase' : 'decrease'), start, target, current, startBlank);
}

/**
 * A key result's progress from start to target, unclamped (1.2 = 120 %).
 * Blank current → blank: a KR with no measure yet has no score, not a score of 0.
 */
export function krProgress(kr: KeyResultValues): number | '' {
  const p = progressRaw(kr);
  return p === '' ? '' : finite(p);
}

/** The arithmetic of the five KR types, on numbers already read. */
export function progressOf(
  type: Exclude<KrType, 'milestone'>,
  start: number,
  target: number,
  current: number,
  startBlank = false,
): number {
  return finite(ratioOf(type, start, target, current, startBlank));
}

function ratioOf(
  type: Exclude<KrType, 'milestone'>,
  start: number,
  target: number,
  current: number,
  startBlank: boolean,
): number {
  switch (type) {
    case 'at_least':
      return current >= target ? 1 : 0;
    case 'at_most':
      return current <= target ? 1 : 0;
    case 'increase':
      if (target === start) return current >= target ? 1 : 0;
      return quotient(current, start, target, start);
    case 'decrease':
      if (startBlank) throw new InputError('decreaseNeedsStart', {}, 'start');
      if (target === start) return current <= target ? 1 : 0;
      return quotient(start, current, start, target);
  }
}

/** (a − b) / (c − d); near ±1e308 a difference overflows, so it is taken on halves (exact). */
function quotient(a: number, b: number, c: number, d: number): number {
  const num = a - b;
  const den = c - d;
  if (Number.isFinite(num) && Number.isFinite(den)) return num / den;
  return (a / 2 - b / 2) / (c / 2 - d / 2);
}

/** A target a hair's breadth from the start makes the ratio overflow: say so rather than show Infinity. */
function finite(ratio: number): number {
  if (!Number.isFinite(ratio)) throw new InputError('tooClose', {}, 'target');
  return tidy(ratio);
}

export function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** KR_SCORE: progress clamped to [0, 1]; a ratio too large for a number is past the target all the same. */
export function krScore(kr: KeyResultValues): number | '' {
  const p = progressRaw(kr);
  if (p === '') return '';
  if (Number.isNaN(p)) throw new InputError('tooClose', {}, 'target');
  return clamp01(tidy(p));
}

/** A score cell: a number in [0, 1], or undefined for a blank. */
export function readScore(v: Cell): number | undefined {
  if (isBlank(v)) return undefined;
  const n = readNumber(v);
  if (n < 0 || n > 1) throw new InputError('between', { value: v, min: 0, max: 1 });
  return n;
}

/** A weight cell: blank = 1; a weight may be 0 but not negative. */
export function readWeight(v: Cell): number {
  if (isBlank(v)) return 1;
  const n = readNumber(v);
  if (n < 0) throw new InputError('belowZero', { value: v });
  return n;
}

/**
 * Σ w·s / Σ w; nothing to weigh → blank; weights that are all 0 → an error. The weights are
 * divided by the largest first (weights of 1e308 would make Σ w overflow, tiny ones underflow), and
 * the sums are compensated: 200,000 scores of 0.2 and 0.6 average 0.4, not 0.399999999999.
 */
export function weightedMean(items: readonly { value: number; weight: number }[]): number | '' {
  const n = items.length;
  const values = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    values[k] = items[k]!.value;
    weights[k] = items[k]!.weight;
  }
  return weightedMeanOf(values, weights, n);
}

/** weightedMean over the first `n` values and weights of two arrays: no object per item. */
export function weightedMeanOf(
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
  n: number,
): number | '' {
  if (n === 0) return '';
  let top = 0;
  for (let k = 0; k < n; k++) if (weights[k]! > top) top = weights[k]!;
  if (top === 0) throw new InputError('zeroWeights');
  // Neumaier's compensated sums of w·s and of w, kept in locals (no object per mean)
  let sum = 0;
  let sumC = 0;
  let total = 0;
  let totalC = 0;
  for (let k = 0; k < n; k++) {
    const w = weights[k]! / top;
    const x = values[k]! * w;
    let t = sum + x;
    sumC += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
    t = total + w;
    totalC += Math.abs(total) >= Math.abs(w) ? total - t + w : w - t + total;
    total = t;
  }
  return tidy((sum + sumC) / (total + totalC));
}

/** committed: TRUE/FALSE or committed/engagé, aspirational/ambitieux; blank = aspirational. */
export function readCommitted(v: Cell): boolean {
  if (isBlank(v)) return false;
  if (typeof v === 'boolean') return v;
  return readWord(v, COMMITMENTS) === 'committed';
}

/** Google's grading: aspirational OKRs succeed at 0.7, committed ones at 1. */
export function okrGrade(scoreCell: Cell, committedCell: Cell): Grade | '' {
  if (isBlank(scoreCell)) return '';
  const score = inArg('score', () => readNumber(scoreCell));
  if (score < 0) throw new InputError('belowZero', { value: scoreCell }, 'score');
  const committed = inArg('committed', () => readCommitted(committedCell));
  const [green, yellow] = committed ? [1, 0.7] : [0.7, 0.4];
  return score >= green ? 'green' : score >= yellow ? 'yellow' : 'red';
}

export const DEFAULT_SUCCESS = 0.7;

/** Pace: is the score where it should be, this far into the quarter? */
export function paceStatus(score: number, elapsed: number, target = DEFAULT_SUCCESS): PaceStatus {
  if (score >= target) return 'achieved';
  const expected = target * elapsed;
  if (elapsed === 0 || score >= expected) return 'on_track';
  return score >= 0.75 * expected ? 'at_risk' : 'off_track';
}

export function okrStatus(scoreCell: Cell, elapsedCell: Cell, targetCell: Cell): PaceStatus | '' {
  if (isBlank(scoreCell) || isBlank(elapsedCell)) return '';
  const score = inArg('score', () => readNumber(scoreCell));
  if (score < 0) throw new InputError('belowZero', { value: scoreCell }, 'score');
  const elapsed = inArg('elapsed', () => readNumber(elapsedCell));
  if (elapsed < 0 || elapsed > 1)
    throw new InputError('between', { value: elapsedCell, min: 0, max: 1 }, 'elapsed');
  let target = DEFAULT_SUCCESS;
  if (!isBlank(targetCell)) {
    target = inArg('target', () => readNumber(targetCell));
    if (target <= 0) throw new InputError('notAboveZero', { value: targetCell }, 'target');
  }
  return paceStatus(score, elapsed, target);
}
