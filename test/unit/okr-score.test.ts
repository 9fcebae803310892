import { describe, expect, test } from 'vitest';
import { invoke } from '../../src/functions/define';
import { specOf } from '../../src/functions/registry';
import { call, callIn, col, testEnv } from '../support/call';

describe('OKR_SCORE', () => {
  test('Σ w·s / Σ w over the non-blank scores', () => {
    expect(call('OKR_SCORE', col(0.5, 1, ''), col(1, 3, 5))).toBe(0.875);
  });
  test('blank weight = 1; weights omitted = all 1', () => {
    expect(call('OKR_SCORE', col(0.2, 0.6), col('', ''))).toBe(0.4);
    expect(call('OKR_SCORE', col(0.2, 0.6))).toBe(0.4);
  });
  test('all blank → blank', () => expect(call('OKR_SCORE', col('', ''))).toBe(''));
  test('a weight of 0 leaves a score out; all 0 → an error', () => {
    expect(call('OKR_SCORE', col(0.2, 0.6), col(0, 1))).toBe(0.6);
    expect(call('OKR_SCORE', col(0.2, 0.6), col(0, 0))).toBe(
      '#every weight is 0, so no score can be weighted',
    );
    expect(() => call('OKR_SCORE', 0.5, 0)).toThrow(
      'OKR_SCORE: every weight is 0, so no score can be weighted.',
    );
  });
  test('a negative or non-numeric weight is an error naming the row', () => {
    expect(call('OKR_SCORE', col(0.5, 0.5, 0.5), col(1, -1, 1))).toBe('#row 2: weights: -1 is below 0');
    expect(call('OKR_SCORE', col(0.5, 0.5), col(1, 'heavy'))).toBe(
      '#row 2: weights: "heavy" is not a number',
    );
  });
  test('a score outside [0, 1] is an error naming the row', () => {
    expect(call('OKR_SCORE', col(0.5, 1.5))).toBe('#row 2: scores: 1.5 must be between 0 and 1');
    expect(() => call('OKR_SCORE', -0.1)).toThrow(
      'OKR_SCORE: argument scores: -0.1 must be between 0 and 1.',
    );
  });
  test('in French', () => {
    expect(callIn('fr_FR', 'OKR_SCORE', col(0.5, 'x'))).toBe(
      "#ligne 2\u00a0: scores\u00a0: «\u00a0x\u00a0» n'est pas un nombre",
    );
  });
  test('a 2-D range names row and column', () => {
    expect(
      call('OKR_SCORE', [
        [0.5, 0.5],
        [0.5, 'x'],
      ]),
    ).toBe('#row 2, column 2: scores: "x" is not a number');
  });

  describe('with groups', () => {
    test('each row gets the score of its group', () => {
      expect(call('OKR_SCORE', col(0.5, 1, 0.2, ''), '', col('O1', 'O1', 'O2', 'O2'))).toEqual([
        [0.75],
        [0.75],
        [0.2],
        [0.2],
      ]);
    });
    test('a bad row makes its whole group’s rows a # text; other groups compute', () => {
      expect(call('OKR_SCORE', col(0.5, 'x', 0.2), '', col('O1', 'O1', 'O2'))).toEqual([
        ['#row 2: scores: "x" is not a number'],
        ['#row 2: scores: "x" is not a number'],
        [0.2],
      ]);
    });
    test('empty rows at the foot stay blank', () => {
      expect(call('OKR_SCORE', col(0.5, '', ''), col(1, '', ''), col('O1', '', ''))).toEqual([
        [0.5],
        [''],
        [''],
      ]);
    });
    test('weights per row', () => {
      expect(call('OKR_SCORE', col(1, 0, 1), col(3, 1, 1), col('a', 'a', 'b'))).toEqual([
        [0.75],
        [0.75],
        [1],
      ]);
    });
    test('a score with no group id says so', () => {
      expect(call('OKR_SCORE', col(0.5, 0.7), '', col('O1', ''))).toEqual([
        [0.5],
        ['#groups: blank, a value is needed'],
      ]);
    });
  });
});

describe('OKR_GRADE', () => {
  test('aspirational: ≥ 0.7 green, ≥ 0.4 yellow, else red', () => {
    expect(call('OKR_GRADE', col(0.7, 0.69, 0.4, 0.39))).toEqual([
      ['green'],
      ['yellow'],
      ['yellow'],
      ['red'],
    ]);
  });
  test('committed: ≥ 1 green, ≥ 0.7 yellow, else red', () => {
    expect(call('OKR_GRADE', col(1, 0.99, 0.7, 0.69), true)).toEqual([
      ['green'],
      ['yellow'],
      ['yellow'],
      ['red'],
    ]);
  });
  test('committed is TRUE/FALSE or committed/engagé, aspirational/ambitieux; blank = aspirational', () => {
    expect(call('OKR_GRADE', 0.8, 'Committed')).toBe('yellow');
    expect(call('OKR_GRADE', 0.8, 'engagé')).toBe('yellow');
    expect(call('OKR_GRADE', 0.8, 'ambitieux')).toBe('green');
    expect(call('OKR_GRADE', 0.8, false)).toBe('green');
    expect(call('OKR_GRADE', 0.8, '')).toBe('green');
    expect(() => call('OKR_GRADE', 0.8, 'maybe')).toThrow(
      /OKR_GRADE: argument committed: "maybe" is not one of/,
    );
  });
  test('above 1 is fine, below 0 an error', () => {
    expect(call('OKR_GRADE', 1.3)).toBe('green');
    expect(() => call('OKR_GRADE', -0.1)).toThrow('OKR_GRADE: argument score: -0.1 is below 0.');
  });
  test('blank score → blank', () => expect(call('OKR_GRADE', '', true)).toBe(''));
  test('French words', () => {
    expect(callIn('fr_FR', 'OKR_GRADE', col(0.9, 0.5, 0.1))).toEqual([['vert'], ['jaune'], ['rouge']]);
  });
  test('the locale is read once per call, not per row', () => {
    const { env, reads } = testEnv('fr_FR');
    invoke(specOf('OKR_GRADE')!, [col(0.9, 0.5, 0.1, 0.2, 0.3)], env);
    expect(reads.locale).toBe(1);
  });
  test('a numeric function reads the locale only when there is an error', () => {
    const { env, reads } = testEnv('fr_FR');
    invoke(specOf('KR_SCORE')!, [col(0, 0), 10, col(5, 6)], env);
    expect(reads.locale).toBe(0);
    invoke(specOf('KR_SCORE')!, [col(0, 0), 10, col('x', 'y')], env);
    expect(reads.locale).toBe(1);
  });
});

describe('OKR_STATUS', () => {
  test('score ≥ target → achieved', () => expect(call('OKR_STATUS', 0.7, 0.1)).toBe('achieved'));
  test('elapsed = 0 → on track', () => expect(call('OKR_STATUS', 0, 0)).toBe('on track'));
  test('score ≥ expected (= target × elapsed) → on track', () =>
    expect(call('OKR_STATUS', 0.35, 0.5)).toBe('on track'));
  test('score ≥ 0.75 × expected → at risk', () => {
    expect(call('OKR_STATUS', 0.2625, 0.5)).toBe('at risk');
    expect(call('OKR_STATUS', 0.26, 0.5)).toBe('off track');
  });
  test('a target of 1 for a committed OKR', () => {
    expect(call('OKR_STATUS', 0.8, 0.9, 1)).toBe('at risk');
    expect(call('OKR_STATUS', 1, 0.9, 1)).toBe('achieved');
  });
  test('blank score or elapsed → blank', () => {
    expect(call('OKR_STATUS', '', 0.5)).toBe('');
    expect(call('OKR_STATUS', 0.5, '')).toBe('');
  });
  test('elapsed outside [0, 1] or a score below 0 → error', () => {
    expect(() => call('OKR_STATUS', 0.5, 1.2)).toThrow(
      'OKR_STATUS: argument elapsed: 1.2 must be between 0 and 1.',
    );
    expect(() => call('OKR_STATUS', -1, 0.2)).toThrow('OKR_STATUS: argument score: -1 is below 0.');
  });
  test('French words', () => {
    expect(callIn('fr_FR', 'OKR_STATUS', col(0.7, 0.35, 0.27, 0.1), 0.5)).toEqual([
      ['atteint'],
      ['en bonne voie'],
      ['à risque'],
      ['en retard'],
    ]);
  });
});
