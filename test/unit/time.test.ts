import { describe, expect, test } from 'vitest';
import { invoke } from '../../src/functions/define';
import { specOf } from '../../src/functions/registry';
import { call, col, testEnv } from '../support/call';

describe('QUARTER_PROGRESS', () => {
  test('0 on the first day, (n − 1)/n on the last', () => {
    expect(call('QUARTER_PROGRESS', '2026-01-01')).toBe(0);
    expect(call('QUARTER_PROGRESS', '2026-03-31')).toBeCloseTo(89 / 90, 12);
    expect(call('QUARTER_PROGRESS', '2026-02-15')).toBeCloseTo(45 / 90, 12);
  });
  test('a leap year’s first quarter has 91 days', () =>
    expect(call('QUARTER_PROGRESS', '2028-03-31')).toBeCloseTo(90 / 91, 12));
  test('fiscal years may start in any month', () => {
    expect(call('QUARTER_PROGRESS', '2026-04-01', 4)).toBe(0);
    expect(call('QUARTER_PROGRESS', '2026-02-01', 11)).toBe(0); // Nov–Jan, Feb–Apr
    expect(call('QUARTER_PROGRESS', '2026-01-31', 11)).toBeCloseTo(91 / 92, 12); // Nov 1 → Jan 31
  });
  test('a date cell is read as its calendar day in the spreadsheet’s time zone', () => {
    // midnight on Apr 1 in Paris is still Mar 31 in UTC
    const parisMidnight = new Date('2026-03-31T22:00:00Z');
    const { env } = testEnv('en_US', 'Europe/Paris');
    expect(invoke(specOf('QUARTER_PROGRESS')!, [parisMidnight], env)).toBe(0);
    const utc = testEnv('en_US', 'UTC').env;
    expect(invoke(specOf('QUARTER_PROGRESS')!, [parisMidnight], utc)).toBeCloseTo(89 / 90, 12);
  });
  test('the time zone is read once per call', () => {
    const { env, reads } = testEnv();
    invoke(specOf('QUARTER_PROGRESS')!, [col(new Date(), new Date(), new Date())], env);
    expect(reads.timeZone).toBe(1);
  });
  test('anything else is an error', () => {
    expect(() => call('QUARTER_PROGRESS', 'soon')).toThrow(
      /QUARTER_PROGRESS: argument date: "soon" is not a date/,
    );
    expect(() => call('QUARTER_PROGRESS', 46000)).toThrow(/argument date: 46000 is not a date/);
    expect(() => call('QUARTER_PROGRESS', '2026-02-30')).toThrow(/is not a date/);
    expect(() => call('QUARTER_PROGRESS', '2026-02-01', 13)).toThrow(
      'QUARTER_PROGRESS: argument fiscal_start_month: 13 is not a month from 1 to 12.',
    );
  });
  test('blank date → blank', () =>
    expect(call('QUARTER_PROGRESS', col('', '2026-01-01'))).toEqual([[''], [0]]));
});

describe('KR_FORECAST', () => {
  const log = {
    ids: col('k1', 'k1', 'k2', 'k3', 'k3'),
    dates: col('2026-01-01', '2026-01-31', '2026-01-10', '2026-01-05', '2026-01-05'),
    values: col(0, 30, 5, 1, 2),
  };
  test('a least-squares line through the check-ins, extended to end_date, scored like KR_SCORE', () => {
    // k1: 1 a day from 0 on Jan 1 → 89 on Mar 31 → 0.89 of 0 → 100
    expect(
      call('KR_FORECAST', col('k1'), col(0), col(100), '', '2026-03-31', log.ids, log.dates, log.values),
    ).toEqual([[0.89]]);
  });
  test('fewer than 2 check-ins on different days → blank; no check-in → blank', () => {
    expect(
      call(
        'KR_FORECAST',
        col('k1', 'k2', 'k3', 'k4'),
        0,
        100,
        'increase',
        '2026-03-31',
        log.ids,
        log.dates,
        log.values,
      ),
    ).toEqual([[0.89], [''], [''], ['']]);
  });
  test('a forecast past the target is clamped to 1', () => {
    expect(call('KR_FORECAST', 'k1', 0, 50, '', '2026-03-31', log.ids, log.dates, log.values)).toEqual([[1]]);
  });
  test('decrease KRs and one end date per KR', () => {
    const ids = col('d', 'd');
    const dates = col('2026-01-01', '2026-01-11');
    const values = col(100, 90); // −1 a day
    expect(
      call(
        'KR_FORECAST',
        col('d', 'd'),
        100,
        50,
        'decrease',
        col('2026-01-21', '2026-02-10'),
        ids,
        dates,
        values,
      ),
    ).toEqual([[0.4], [0.8]]);
  });
  test('a bad check-in row makes its KR a # text naming the log row; others compute', () => {
    expect(
      call(
        'KR_FORECAST',
        col('k1', 'k2'),
        0,
        100,
        '',
        '2026-03-31',
        col('k1', 'k1', 'k2', 'k2'),
        col('2026-01-01', '2026-01-31', 'soon', '2026-01-02'),
        col(0, 30, 1, 2),
      ),
    ).toEqual([
      [0.89],
      ['#check-in row 3: log_dates: "soon" is not a date (use a date cell or text like 2026-02-15)'],
    ]);
  });
  test('blank KR ids at the foot stay blank', () => {
    expect(
      call('KR_FORECAST', col('k1', ''), 0, 100, '', '2026-03-31', log.ids, log.dates, log.values),
    ).toEqual([[0.89], ['']]);
  });
  test('a blank target is an error, except for a milestone', () => {
    expect(call('KR_FORECAST', 'k1', 0, '', '', '2026-03-31', log.ids, log.dates, log.values)).toEqual([
      ['#targets: blank, a value is needed'],
    ]);
    const done = { ids: col('m', 'm'), dates: col('2026-01-01', '2026-01-31'), values: col(false, 'done') };
    expect(
      call('KR_FORECAST', 'm', '', '', 'milestone', '2026-03-31', done.ids, done.dates, done.values),
    ).toEqual([[1]]);
  });
  test('a KR with no check-in yet is blank, whatever its row still lacks (a quarter not filled in)', () => {
    expect(
      call(
        'KR_FORECAST',
        col('new1', 'new2'),
        '',
        col('', ''),
        '',
        '2026-03-31',
        log.ids,
        log.dates,
        log.values,
      ),
    ).toEqual([[''], ['']]);
  });
  test('a check-in with a comment or a confidence only (no value) is no point of the line', () => {
    const ids = col('k1', 'k1', 'k1');
    const dates = col('2026-01-01', '2026-01-15', '2026-01-31');
    expect(call('KR_FORECAST', 'k1', 0, 100, '', '2026-03-31', ids, dates, col(0, '', 30))).toEqual([[0.89]]);
  });
  test('single cells throw, naming the argument', () => {
    expect(() => call('KR_FORECAST', 'k1', 0, '', '', '2026-03-31', 'k1', '2026-01-01', 1)).toThrow(
      'KR_FORECAST: argument targets: blank, a value is needed.',
    );
  });
  test('log columns of different shapes are an error naming both', () => {
    expect(() =>
      call('KR_FORECAST', 'k1', 0, 1, '', '2026-03-31', col('a', 'b'), col('2026-01-01'), col(1, 2, 3)),
    ).toThrow(
      'KR_FORECAST: log_kr_ids (2×1) and log_values (3×1) must have the same shape, or be a single cell.',
    );
  });
});
