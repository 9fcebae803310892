import { describe, expect, test } from 'vitest';
import { registry } from '../../src/functions/registry';
import { bareBundle } from '../support/bundle';

const col = (...v: (number | string | boolean | Date)[]) => v.map((x) => [x]);

describe('dist/Code.js in node:vm with no Apps Script service present', () => {
  const bundle = bareBundle();

  test('every custom function is a top-level function', () => {
    for (const spec of registry) expect(typeof bundle.context[spec.name], spec.name).toBe('function');
  });

  test('KR_SCORE: a single call and a column, arrays made in the vm’s realm', () => {
    expect(bundle.call('KR_SCORE', 1.2, 1.0, 1.1)).toBe(0.5);
    expect(
      bundle.call('KR_SCORE', col(0, 100, 0), col(3, 125, 'x'), col(2, 120, 1), col('', 'increase', '')),
    ).toEqual([[0.666666666667], [0.8], ['#target: "x" is not a number']]);
  });

  test('with no SpreadsheetApp, messages and words fall back to English', () => {
    expect(() => bundle.call('KR_SCORE', 0, 'abc', 1)).toThrow(
      'KR_SCORE: argument target: "abc" is not a number.',
    );
    expect(bundle.call('OKR_GRADE', col(0.9, 0.5, 0.1))).toEqual([['green'], ['yellow'], ['red']]);
  });

  test('Dates made in the vm’s realm are read as dates (time zone falls back to UTC)', () => {
    expect(bundle.call('QUARTER_PROGRESS', new Date('2026-02-15T00:00:00Z'))).toBe(0.5);
    expect(
      bundle.call(
        'KR_FORECAST',
        col('k1'),
        col(0),
        col(100),
        '',
        new Date('2026-03-31T00:00:00Z'),
        col('k1', 'k1'),
        col(new Date('2026-01-01T00:00:00Z'), new Date('2026-01-31T00:00:00Z')),
        col(0, 30),
      ),
    ).toEqual([[0.89]]);
  });

  test('every function, as Sheets calls it', () => {
    expect(bundle.call('KR_PROGRESS', 0, 10, 15)).toBe(1.5);
    expect(bundle.call('OKR_SCORE', col(0.5, 1), col(1, 3))).toBe(0.875);
    expect(bundle.call('OKR_STATUS', 0.35, 0.5)).toBe('on track');
    expect(bundle.call('OKR_ROLLUP', col('a', 'b'), col('', 'a'), col(0.5, 1))).toEqual([[0.75], [1]]);
    expect(bundle.call('OKR_ALIGNMENT', col('a', 'b', 'c'), col('', 'a', 'x'))).toBe(0.5);
    expect(bundle.call('OKR_ALIGNED', col('a', 'b'), col('', 'x'))).toEqual([['top'], ['broken: x']]);
    expect(bundle.call('KPI_STATUS', 0.015, 0.01, 0.02)).toBe('yellow');
    expect(
      bundle.call('KPI_TREND', [
        [1, 2, 3],
        [3, 2, 1],
      ]),
    ).toEqual([['improving'], ['worsening']]);
  });

  test('optional arguments left out arrive as undefined and act as omitted', () => {
    expect(bundle.call('OKR_GRADE', 0.8)).toBe('green');
    expect(bundle.call('KPI_TREND', [[3, 2, 1]])).toEqual([['worsening']]);
  });
});
