import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { tidy } from '../../src/core/score';
import { call, col } from '../support/call';

/** A double as an exact integer: x · 2^1074 (every finite double is a multiple of 2^-1074). */
function exact(x: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const e = Number((bits >> 52n) & 0x7ffn);
  const m = bits & ((1n << 52n) - 1n);
  const magnitude = e === 0 ? m : (m | (1n << 52n)) << BigInt(e - 1);
  return bits >> 63n ? -magnitude : magnitude;
}

const bits = (n: bigint) => (n < 0n ? -n : n).toString(2).length;

/** p / q as the nearest double (about), ±Infinity beyond the range of doubles. */
function ratio(p: bigint, q: bigint): number {
  if (q < 0n) [p, q] = [-p, -q];
  if (p === 0n) return 0;
  const shift = bits(p) - bits(q) - 64;
  const scaled = shift > 0 ? p / (q << BigInt(shift)) : (p << BigInt(-shift)) / q;
  return Number(scaled) * 2 ** shift;
}

const clamp = (x: number) => Math.min(1, Math.max(0, x));

/** The whole range of finite doubles, with its edges (±MAX_VALUE, ±1e308, subnormals, ±0) made likely. */
const anyDouble = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(Number.MAX_VALUE, -Number.MAX_VALUE, 1e308, -1e308, 5e-324, -5e-324, 0, -0, 1, -1),
);
const weight = fc.oneof(
  fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(Number.MAX_VALUE, 1e308, 5e-324, 0, 1),
);
const score = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 0.5));

describe('near ±1e308: no overflow', () => {
  test('KR_SCORE(-1e308, 1e308, 0) is halfway', () => {
    expect(call('KR_SCORE', -1e308, 1e308, 0)).toBe(0.5);
    expect(call('KR_SCORE', 1e308, -1e308, 0)).toBe(0.5);
    expect(call('KR_PROGRESS', -Number.MAX_VALUE, Number.MAX_VALUE, Number.MAX_VALUE)).toBe(1);
    expect(call('KR_PROGRESS', Number.MAX_VALUE, -Number.MAX_VALUE, -Number.MAX_VALUE / 2)).toBe(0.75);
  });
  test('a ratio beyond any number: KR_SCORE is past the target all the same, KR_PROGRESS says why not', () => {
    expect(call('KR_SCORE', 0, 1e-300, 1e300)).toBe(1);
    expect(call('KR_SCORE', 0, 1e-300, -1e300)).toBe(0);
    expect(call('KR_PROGRESS', 0, 1e-300, col(1e300, 1e-300))).toEqual([
      ['#target: too close to start to measure progress'],
      [1],
    ]);
  });
  test('OKR_SCORE with weights of 1e308 is the mean, not 0', () => {
    expect(call('OKR_SCORE', col(0.2, 0.6), col(1e308, 1e308))).toBe(0.4);
    expect(call('OKR_SCORE', col(0.2, 0.6, 1), col(Number.MAX_VALUE, Number.MAX_VALUE, 0))).toBe(0.4);
  });
  test('OKR_SCORE with the tiniest weights is the mean too (no underflow)', () => {
    expect(call('OKR_SCORE', col(0.5, 1), col(5e-324, 5e-324))).toBe(0.75);
  });
  test('OKR_ROLLUP with children’s weights of 1e308', () => {
    expect(
      call('OKR_ROLLUP', col('a', 'b', 'c'), col('', 'a', 'a'), col(0.5, 1, 0), col('', 1e308, 1e308)),
    ).toEqual([[0.5], [1], [0]]);
  });
});

describe('over the whole range of doubles (fast-check)', () => {
  const types = fc.constantFrom('', 'increase', 'decrease');
  /** The score the spec's formula gives, computed exactly; undefined where start = target. */
  const exactScore = (start: number, target: number, current: number) =>
    ratio(exact(current) - exact(start), exact(target) - exact(start));
  const typeOf = (type: string, start: number, target: number) =>
    type !== '' ? type : target >= start ? 'increase' : 'decrease';

  test('KR_SCORE: a number in [0, 1], the exact formula’s, and the plain formula’s where nothing overflows', () => {
    fc.assert(
      fc.property(anyDouble, anyDouble, anyDouble, types, (start, target, current, type) => {
        const out = call('KR_SCORE', start, target, current, type);
        expect(typeof out).toBe('number');
        const s = out as number;
        expect(s >= 0 && s <= 1).toBe(true);
        const t = typeOf(type, start, target);
        if (target === start) {
          expect(s).toBe((t === 'increase' ? current >= target : current <= target) ? 1 : 0);
          return;
        }
        expect(Math.abs(s - clamp(exactScore(start, target, current)))).toBeLessThanOrEqual(1e-12);
        const [num, den] =
          t === 'increase' ? [current - start, target - start] : [start - current, start - target];
        if (Number.isFinite(num) && Number.isFinite(den)) expect(s).toBe(clamp(tidy(num / den)));
      }),
      { numRuns: 3000 },
    );
  });

  test('KR_PROGRESS: a finite number close to the exact formula, or “too close” where it exceeds any number', () => {
    fc.assert(
      fc.property(anyDouble, anyDouble, anyDouble, types, (start, target, current, type) => {
        // a column (with a blank foot row) gives a '#' text where a single cell would throw
        const out = (call('KR_PROGRESS', start, target, col(current, ''), type) as unknown[][])[0]![0];
        if (target === start) return;
        const e = exactScore(start, target, current);
        if (typeof out === 'string') {
          expect(out).toBe('#target: too close to start to measure progress');
          expect(Math.abs(e)).toBeGreaterThan(1e307);
          return;
        }
        expect(Number.isFinite(out)).toBe(true);
        expect(Math.abs((out as number) - e)).toBeLessThanOrEqual(1e-12 + 1e-11 * Math.abs(e));
      }),
      { numRuns: 3000 },
    );
  });

  test('OKR_SCORE: a number in [0, 1] equal to the exact Σ w·s / Σ w, whatever the weights', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(score, weight), { minLength: 1, maxLength: 8 }), (rows) => {
        const out = call('OKR_SCORE', col(...rows.map(([s]) => s), ''), col(...rows.map(([, w]) => w), ''));
        const weights = rows.reduce((sum, [, w]) => sum + exact(w), 0n);
        if (weights === 0n) {
          expect(out).toBe('#every weight is 0, so no score can be weighted');
          return;
        }
        expect(typeof out).toBe('number');
        const s = out as number;
        expect(s >= 0 && s <= 1).toBe(true);
        const sum = rows.reduce((acc, [v, w]) => acc + exact(v) * exact(w), 0n);
        expect(Math.abs(s - ratio(sum, weights * exact(1)))).toBeLessThanOrEqual(1e-12);
      }),
      { numRuns: 3000 },
    );
  });
});
