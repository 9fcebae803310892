import { describe, expect, test } from 'vitest';
import { shapeOf } from '../../src/functions/define';
import { call, col } from '../support/call';

// beyond 125,000 rows, Math.max(...rows) or push(...rows) overflows the stack
const N = 200_000;
const column = <T>(f: (i: number) => T): T[][] => Array.from({ length: N }, (_, i) => [f(i)]);

describe(`a column of ${N.toLocaleString('en')} rows`, () => {
  test('shapeOf', () => expect(shapeOf(column(() => 1))).toEqual([N, 1]));

  test('KR_SCORE', () => {
    const out = call(
      'KR_SCORE',
      0,
      10,
      column((i) => i % 11),
    ) as number[][];
    expect(out.length).toBe(N);
    expect([out[0]![0], out[5]![0], out[10]![0], out[N - 1]![0]]).toEqual([0, 0.5, 1, 0.8]);
  });

  test('OKR_SCORE: one total, and one group of every row', () => {
    const scores = column((i) => (i % 2 === 0 ? 0.2 : 0.6));
    expect(call('OKR_SCORE', scores)).toBe(0.4);
    const out = call(
      'OKR_SCORE',
      scores,
      '',
      column(() => 'O1'),
    ) as number[][];
    expect(out.length).toBe(N);
    expect(out[N - 1]![0]).toBe(0.4);
  });

  test('OKR_ROLLUP: one parent with every other row as its child', () => {
    const out = call(
      'OKR_ROLLUP',
      column((i) => `o${i}`),
      column((i) => (i === 0 ? '' : 'o0')),
      column((i) => (i === 0 ? 1 : 0.5)),
    ) as number[][];
    // (1 + 0.5 × 199,999) / 200,000
    expect(out[0]![0]).toBe(0.5000025);
  });

  test('OKR_ALIGNED: a chain as deep as the column, and a cycle as long', () => {
    const ids = column((i) => `o${i}`);
    const chain = call(
      'OKR_ALIGNED',
      ids,
      column((i) => (i === 0 ? '' : `o${i - 1}`)),
    ) as string[][];
    expect(chain[N - 1]![0]).toBe('aligned');
    const ring = call(
      'OKR_ALIGNED',
      ids,
      column((i) => `o${(i + 1) % N}`),
    ) as string[][];
    expect(ring[0]![0]).toMatch(/^cycle: o0 → o1 → .* → … → o0$/);
  });
});

describe('no result longer than a cell holds (50,000 characters)', () => {
  const long = (c: string, n: number) => c.repeat(n);

  test('broken: X with an id of 60,000 characters is cut with …', () => {
    const out = call('OKR_ALIGNED', col('a', 'b'), col('', long('x', 60_000))) as string[][];
    expect(out[1]![0]!.length).toBe(50_000);
    expect(out[1]![0]!.startsWith('broken: xxx')).toBe(true);
    expect(out[1]![0]!.endsWith('…')).toBe(true);
  });

  test('a cycle of long ids shows those that fit, then …', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `${i}${long('y', 400)}`);
    const out = call(
      'OKR_ALIGNED',
      ids.map((id) => [id]),
      ids.map((_, i) => [ids[(i + 1) % 30]!]),
    ) as string[][];
    for (const [text] of out) {
      expect(text!.length).toBeLessThan(2_000);
      expect(text).toMatch(/^cycle: .* → … → /);
    }
    const rolled = call(
      'OKR_ROLLUP',
      ids.map((id) => [id]),
      ids.map((_, i) => [ids[(i + 1) % 30]!]),
      ids.map(() => [0.5]),
    ) as string[][];
    expect(rolled[3]![0]).toBe(`#${out[3]![0]}`);
  });

  test('another function’s error of 49,995 characters, named from another row, is cut to fit', () => {
    const upstream = `#current: ${long('z', 49_985)}`;
    const out = call('OKR_ROLLUP', col('a', 'b'), col('', 'a'), col(0.5, upstream)) as string[][];
    for (const [text] of out) expect(text!.length).toBeLessThanOrEqual(50_000);
    expect(out[0]![0]).toMatch(/^#row 2: current: zzz.*…$/);
  });
});
