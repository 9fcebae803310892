import { describe, expect, test } from 'vitest';
import { bareBundle } from '../support/bundle';
import { quarterChain } from '../support/chain';

const col = (...v: (number | string | boolean)[]) => v.map((x) => [x]);

/** The bundle with just enough of SpreadsheetApp for a custom function to read its locale. */
function bundleIn(locale: string) {
  const bundle = bareBundle();
  const ss = { getSpreadsheetLocale: () => locale, getSpreadsheetTimeZone: () => 'Europe/Paris' };
  bundle.context.SpreadsheetApp = { getActiveSpreadsheet: () => ss };
  return bundle;
}

describe('what cells show, computed by dist/Code.js', () => {
  const bundle = bareBundle();

  test('"70 %" is 0.7 exactly', () => {
    expect(bundle.call('KR_PROGRESS', 0.7, '70 %', 3)).toBe(1);
    expect(bundle.call('KR_SCORE', 0, '70 %', 0.7, 'at_least')).toBe(1);
  });

  test('near ±1e308, scores do not overflow', () => {
    expect(bundle.call('KR_SCORE', -1e308, 1e308, 0)).toBe(0.5);
    expect(bundle.call('OKR_SCORE', col(0.2, 0.6), col(1e308, 1e308))).toBe(0.4);
  });

  test('a chain stops at the top level before any cycle', () => {
    expect(bundle.call('OKR_ALIGNED', col('a', 'b'), col('b', 'a'), col('company', 'team'))).toEqual([
      ['top'],
      ['aligned'],
    ]);
    expect(bundle.call('OKR_ALIGNMENT', col('a', 'b'), col('b', 'a'), col('company', 'team'))).toBe(1);
  });

  test.each([
    ['en_US', '#current: "abc" is not a number', '#row 5: current: "abc" is not a number'],
    [
      'fr_FR',
      "#current\u00a0: «\u00a0abc\u00a0» n'est pas un nombre",
      "#ligne 5\u00a0: current\u00a0: «\u00a0abc\u00a0» n'est pas un nombre",
    ],
  ])('%s: one bad current value, named once in every cell it reaches', (locale, here, there) => {
    const b = bundleIn(locale);
    expect(quarterChain((name, ...args) => b.call(name, ...(args as never[])))).toEqual({
      krScore: [[''], [0.5], [''], [0.8], [here]],
      krMean: [[0.5], [0.5], [there], [there], [there]],
      score: [[there], [''], [there], [''], ['']],
      grade: [[there], [''], [there], [''], ['']],
      status: [[there], [''], [there], [''], ['']],
      overall: there,
    });
  });

  // node:vm makes every global lookup slow (a few seconds here, not in Apps Script): a longer timeout
  test('a column of 200,000 rows through KR_SCORE and OKR_SCORE', { timeout: 60_000 }, () => {
    const n = 200_000;
    const current = Array.from({ length: n }, (_, i) => [i % 2 === 0 ? 2 : 6]);
    const scores = bundle.call('KR_SCORE', 0, 10, current) as number[][];
    expect(scores.length).toBe(n);
    expect(scores[n - 1]).toEqual([0.6]);
    expect(bundle.call('OKR_SCORE', scores)).toBe(0.4);
  });
});
