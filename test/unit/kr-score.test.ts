import { describe, expect, test } from 'vitest';
import { call, callIn, col } from '../support/call';

const score = (...args: Parameters<typeof call> extends [string, ...infer A] ? A : never) =>
  call('KR_SCORE', ...args);
const progress = (...args: Parameters<typeof call> extends [string, ...infer A] ? A : never) =>
  call('KR_PROGRESS', ...args);

describe('KR_SCORE: the seeds’ examples', () => {
  test('SERP load time 1.2 s → 1.0 s, now 1.1 s: 0.5', () => expect(score(1.2, 1.0, 1.1)).toBe(0.5));
  test('new countries 0 → 3, now 2: 0.667', () => expect(score(0, 3, 2)).toBeCloseTo(0.667, 3));
  test('international revenue 100 → 125, now 120: 0.8', () => expect(score(100, 125, 120)).toBe(0.8));
});

describe('KR_SCORE: types', () => {
  test('increase: (current − start) / (target − start)', () =>
    expect(score(10, 20, 15, 'increase')).toBe(0.5));
  test('augmenter is increase', () => expect(score(10, 20, 15, 'Augmenter')).toBe(0.5));
  test('decrease: (start − current) / (start − target)', () =>
    expect(score(20, 10, 12, 'decrease')).toBe(0.8));
  test('diminuer is decrease', () => expect(score(20, 10, 12, 'DIMINUER')).toBe(0.8));
  test('at_least: 1 when current ≥ target', () => {
    expect(score('', 5, 5, 'at_least')).toBe(1);
    expect(score('', 5, 4.9, 'au_moins')).toBe(0);
    expect(score('', 5, 7, 'au moins')).toBe(1);
  });
  test('at_most: 1 when current ≤ target', () => {
    expect(score('', 5, 5, 'at_most')).toBe(1);
    expect(score('', 5, 5.1, 'au_plus')).toBe(0);
  });
  test('milestone: TRUE/FALSE, 1/0, done/fait/yes/oui, no/non/todo/à faire', () => {
    for (const done of [true, 1, 'done', 'Fait', 'yes', 'OUI'])
      expect(score('', '', done, 'milestone')).toBe(1);
    for (const todo of [false, 0, 'no', 'non', 'todo', 'à faire', 'A FAIRE'])
      expect(score('', '', todo, 'jalon')).toBe(0);
  });
  test('milestone with a target compares a number with it', () => {
    expect(score('', 20, 20, 'milestone')).toBe(1);
    expect(score('', 20, 19, 'milestone')).toBe(0);
    expect(score('', 20, 1, 'milestone')).toBe(0);
    expect(score('', 20, true, 'milestone')).toBe(1);
  });
  test('milestone: other text is an error', () => {
    expect(() => score('', '', 'maybe', 'milestone')).toThrow(/KR_SCORE.*current.*"maybe".*milestone/);
    expect(() => score('', '', 7, 'milestone')).toThrow(/KR_SCORE.*current/);
  });
  test('blank type: increase when target ≥ start, else decrease', () => {
    expect(score(0, 10, 4)).toBe(0.4);
    expect(score(10, 0, 4)).toBe(0.6);
  });
  test('an unknown type is an error listing the accepted names', () => {
    expect(() => score(0, 10, 5, 'grow')).toThrow(
      'KR_SCORE: argument type: "grow" is not one of: increase, augmenter, decrease, diminuer, at_least, au_moins, at_most, au_plus, milestone, jalon.',
    );
  });
});

describe('KR_SCORE: blanks and edges', () => {
  test('blank current → blank, whatever else the row holds', () => {
    expect(score(0, 10, '')).toBe('');
    expect(score('x', 'y', '', 'nonsense')).toBe('');
  });
  test('blank start counts as 0', () => expect(score('', 10, 5)).toBe(0.5));
  test('blank start with decrease is an error', () => {
    expect(() => score('', 10, 5, 'decrease')).toThrow(
      'KR_SCORE: argument start: a decrease needs a start value.',
    );
  });
  test('blank target is an error, except for a milestone', () => {
    expect(() => score(0, '', 5)).toThrow('KR_SCORE: argument target: blank, a value is needed.');
    expect(score(0, '', true, 'milestone')).toBe(1);
  });
  test('target = start: 1 if the target is met, else 0', () => {
    expect(score(5, 5, 5)).toBe(1);
    expect(score(5, 5, 4)).toBe(0);
    expect(score(5, 5, 4, 'decrease')).toBe(1);
    expect(score(5, 5, 6, 'decrease')).toBe(0);
  });
  test('clamped to [0, 1]', () => {
    expect(score(0, 10, 15)).toBe(1);
    expect(score(0, 10, -5)).toBe(0);
  });
  test('float noise is hidden: 0.5, not 0.49999999999999956', () => expect(score(1.2, 1.0, 1.1)).toBe(0.5));
});

describe('KR_SCORE: numbers in text form', () => {
  test('"12.5", "12,5" and "15 %"', () => {
    expect(score('0', '25', '12.5')).toBe(0.5);
    expect(score('0', '25', '12,5')).toBe(0.5);
    expect(score('0 %', '30 %', '15 %')).toBe(0.5);
  });
  test('a percentage is read exactly: "70 %" is 0.7, not 0.7000000000000001', () => {
    // target = start: 1 when met, not a ratio over a difference of 1e-16
    expect(progress(0.7, '70 %', 3)).toBe(1);
    expect(progress(0.7, '70 %', 0.5)).toBe(0);
    expect(score(0, '70 %', 0.7, 'at_least')).toBe(1);
    expect(score(0, '35 %', 0.35, 'at_least')).toBe(1);
    expect(score(1, '99,9 %', 0.999, 'at_most')).toBe(1);
  });
  test('"1 200" and "100 000" (French thousands) are numbers', () =>
    expect(score(0, '100 000', '50 000')).toBe(0.5));
  test('"1,200" reads two ways: an error that says so', () => {
    expect(() => score(0, '1,200', 600)).toThrow(/"1,200" reads two ways: type 1\.2 or 1200/);
  });
  test('booleans are not numbers', () =>
    expect(() => score(0, true, 1)).toThrow(/argument target: TRUE is not a number/));
  test('text is not a number, and the message names the value', () => {
    expect(() => score(0, 10, 'lots')).toThrow('KR_SCORE: argument current: "lots" is not a number.');
  });
});

describe('KR_SCORE: ranges', () => {
  test('one call over a column computes every row, and a bad row says what is wrong', () => {
    expect(score(col(1.2, 0, 100, 0, ''), col(1.0, 3, 125, 'abc', ''), col(1.1, 2, 120, 5, ''))).toEqual([
      [0.5],
      [0.666666666667],
      [0.8],
      ['#target: "abc" is not a number'],
      [''],
    ]);
  });
  test('a single cell applies to every row', () => {
    expect(score(0, col(10, 20), col(5, 5), 'increase')).toEqual([[0.5], [0.25]]);
  });
  test('a 1×1 range counts as one cell', () =>
    expect(score([[0]], col(10, 20), col(5, 5))).toEqual([[0.5], [0.25]]));
  test('ranges of different shapes: an error naming both and their shapes', () => {
    expect(() => score(col(0, 0), col(1, 1, 1), col(1, 1))).toThrow(
      'KR_SCORE: start (2×1) and target (3×1) must have the same shape, or be a single cell.',
    );
  });
  test('a 2-D range spills with its own shape', () => {
    expect(score([[0, 0]], [[10, 4]], [[5, 1]])).toEqual([[0.5, 0.25]]);
  });
});

describe('KR_SCORE in French', () => {
  test('messages follow the spreadsheet’s language', () => {
    expect(() => callIn('fr_FR', 'KR_SCORE', 0, 'abc', 1)).toThrow(
      "KR_SCORE\u00a0: argument target\u00a0: «\u00a0abc\u00a0» n'est pas un nombre.",
    );
    expect(callIn('fr_FR', 'KR_SCORE', 0, col('x', '1,5'), 1)).toEqual([
      ["#target\u00a0: «\u00a0x\u00a0» n'est pas un nombre"],
      [0.666666666667],
    ]);
    expect(callIn('fr', 'KR_SCORE', 0, 10, col('', '5'))).toEqual([[''], [0.5]]);
  });
});

describe('KR_PROGRESS', () => {
  test('as KR_SCORE without the clamp: overachievement > 1', () => {
    expect(progress(0, 10, 15)).toBe(1.5);
    expect(progress(100, 125, 120)).toBe(0.8);
  });
  test('blank current → blank', () => expect(progress(0, 10, '')).toBe(''));
});
