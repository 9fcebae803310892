import { describe, expect, test } from 'vitest';
import { call, callIn, col } from '../support/call';

describe('KPI_STATUS', () => {
  test('Amazon’s order defect rate: green at 1 %, red at 2 % (lower is better)', () => {
    expect(call('KPI_STATUS', 0.008, 0.01, 0.02)).toBe('green');
    expect(call('KPI_STATUS', 0.015, 0.01, 0.02)).toBe('yellow');
    expect(call('KPI_STATUS', 0.02, 0.01, 0.02)).toBe('red');
    expect(call('KPI_STATUS', '0,8 %', '1 %', '2 %')).toBe('green');
  });
  test('higher is better when green_at ≥ red_at', () => {
    expect(call('KPI_STATUS', col(90, 80, 70, 60, 50), 80, 60)).toEqual([
      ['green'],
      ['green'],
      ['yellow'],
      ['red'],
      ['red'],
    ]);
  });
  test('green_at = red_at: at or above is green, below is red', () => {
    expect(call('KPI_STATUS', col(5, 4), 5, 5)).toEqual([['green'], ['red']]);
  });
  test('blank value → blank, whatever the thresholds', () =>
    expect(call('KPI_STATUS', '', 'x', '')).toBe(''));
  test('blank or bad thresholds are errors naming the argument', () => {
    expect(() => call('KPI_STATUS', 1, '', 2)).toThrow(
      'KPI_STATUS: argument green_at: blank, a value is needed.',
    );
    expect(call('KPI_STATUS', col(1, 1), col(2, 2), col(0, 'low'))).toEqual([
      ['yellow'],
      ['#red_at: "low" is not a number'],
    ]);
  });
  test('French words', () =>
    expect(callIn('fr_FR', 'KPI_STATUS', col(3, 2, 1), 3, 1)).toEqual([['vert'], ['jaune'], ['rouge']]));
});

describe('KPI_TREND', () => {
  test('each row is one KPI’s series, oldest first', () => {
    expect(
      call('KPI_TREND', [
        [1, 2, 3],
        [3, 2, 1],
        [5, 5, 5],
      ]),
    ).toEqual([['improving'], ['worsening'], ['stable']]);
  });
  test('direction lower: a falling series improves', () => {
    expect(call('KPI_TREND', [[3, 2, 1]], 'lower')).toEqual([['improving']]);
    expect(
      call(
        'KPI_TREND',
        [
          [3, 2, 1],
          [1, 2, 3],
        ],
        col('baisse', 'hausse'),
      ),
    ).toEqual([['improving'], ['improving']]);
  });
  test('blank periods are skipped; x is the column’s position', () => {
    // points (0, 10) and (3, 13): rising
    expect(call('KPI_TREND', [[10, '', '', 13]])).toEqual([['improving']]);
  });
  test('fewer than 2 points → blank', () => {
    expect(call('KPI_TREND', [[5, '', '']])).toEqual([['']]);
    expect(call('KPI_TREND', [['', '', '']])).toEqual([['']]);
    expect(call('KPI_TREND', 5)).toBe('');
  });
  test('|slope ÷ mean| < 0.01 → stable', () => {
    // slope 0.9 per period over a mean of 100.9: 0.0089
    expect(call('KPI_TREND', [[100, 100.9, 101.8]])).toEqual([['stable']]);
    expect(call('KPI_TREND', [[100, 101.1, 102.2]])).toEqual([['improving']]);
  });
  test('all zero → stable', () => expect(call('KPI_TREND', [[0, 0, 0]])).toEqual([['stable']]));
  test('a bad value makes its row a # text; other rows compute', () => {
    expect(
      call('KPI_TREND', [
        [1, 'n/a', 3],
        [1, 2, 3],
      ]),
    ).toEqual([['#values: "n/a" is not a number'], ['improving']]);
  });
  test('direction must be one cell or one per row', () => {
    expect(() =>
      call(
        'KPI_TREND',
        [
          [1, 2],
          [2, 1],
        ],
        col('higher', 'lower', 'higher'),
      ),
    ).toThrow('KPI_TREND: direction (3×1) must be one cell or one per row of values (2×2).');
  });
  describe('scale: a change judged against it instead of the series’ size', () => {
    // Adobe's retention, 85 % → 87 % over six months: slope 0.0045714… per period
    const retention = [[0.85, 0.85, 0.86, 0.86, 0.87, 0.87]];
    test('without it, the slope is under 1 % of the values’ mean size: stable', () =>
      expect(call('KPI_TREND', retention)).toEqual([['stable']]));
    test('against the gap between green at 90 % and red at 80 % (0.1): 4.6 % of it, improving', () => {
      expect(call('KPI_TREND', retention, 'higher', 0.1)).toEqual([['improving']]);
      expect(call('KPI_TREND', retention, 'lower', 0.1)).toEqual([['worsening']]);
    });
    test('the scale’s sign does not count (green below red when lower is better)', () =>
      expect(call('KPI_TREND', retention, 'higher', -0.1)).toEqual([['improving']]));
    test('|slope ÷ scale| < 0.01 → stable, at 0.01 it moves', () => {
      // slope 1 per period
      expect(call('KPI_TREND', [[0, 1, 2]], 'higher', 101)).toEqual([['stable']]);
      expect(call('KPI_TREND', [[0, 1, 2]], 'higher', 100)).toEqual([['improving']]);
      // a big scale makes a series that moves 1 % of its size stable
      expect(call('KPI_TREND', [[100, 101.1, 102.2]], 'higher', 1000)).toEqual([['stable']]);
    });
    test('blank or zero scale: the rule without it', () => {
      expect(call('KPI_TREND', retention, 'higher', '')).toEqual([['stable']]);
      expect(call('KPI_TREND', retention, 'higher', 0)).toEqual([['stable']]);
      expect(call('KPI_TREND', [[0, 0, 0]], 'higher', 0)).toEqual([['stable']]);
    });
    test('one per row, with direction', () => {
      expect(
        call(
          'KPI_TREND',
          [
            [0.85, 0.85, 0.86, 0.86, 0.87, 0.87],
            [0.85, 0.85, 0.86, 0.86, 0.87, 0.87],
            // churn 8 % → 7.8 %: lower is better, green at 6 %, red at 8 %
            [0.08, 0.08, 0.079, 0.079, 0.078, 0.078],
          ],
          col('higher', 'higher', 'lower'),
          col(0.1, '', -0.02),
        ),
      ).toEqual([['improving'], ['stable'], ['improving']]);
    });
    test('a scale that is not a number is its row’s # text; other rows compute', () =>
      expect(
        call(
          'KPI_TREND',
          [
            [1, 2],
            [1, 2],
          ],
          'higher',
          col('wide', 10),
        ),
      ).toEqual([['#scale: "wide" is not a number'], ['improving']]));
    test('one cell or one per row', () =>
      expect(() =>
        call(
          'KPI_TREND',
          [
            [1, 2],
            [2, 1],
          ],
          'higher',
          col(1, 2, 3),
        ),
      ).toThrow('KPI_TREND: scale (3×1) must be one cell or one per row of values (2×2).'));
  });
  test('French words', () => {
    expect(
      callIn('fr_FR', 'KPI_TREND', [
        [1, 2, 3],
        [3, 2, 1],
        [2, 2, 2],
      ]),
    ).toEqual([['en amélioration'], ['en dégradation'], ['stable']]);
  });
});

describe('KPI_LATEST', () => {
  test('the rightmost non-blank value of each row', () => {
    expect(
      call('KPI_LATEST', [
        [1, 2, 3],
        [4, '', ''],
        ['', '', ''],
        [5, '6,5', ''],
      ]),
    ).toEqual([[3], [4], [''], [6.5]]);
  });
  test('a bad latest value is a # text on its row', () => {
    expect(
      call('KPI_LATEST', [
        [1, 'n/a'],
        [2, 3],
      ]),
    ).toEqual([['#values: "n/a" is not a number'], [3]]);
  });
  test('a single cell', () => {
    expect(call('KPI_LATEST', 7)).toBe(7);
    expect(() => call('KPI_LATEST', 'x')).toThrow('KPI_LATEST: argument values: "x" is not a number.');
  });
});
