import { describe, expect, test } from 'vitest';
import { call, callIn, col } from '../support/call';
import { quarterChain } from '../support/chain';

const en = (name: string, ...args: unknown[]) => callIn('en_US', name, ...(args as never[]));
const fr = (name: string, ...args: unknown[]) => callIn('fr_FR', name, ...(args as never[]));

describe('an error flowing from function to function is named once, never nested', () => {
  test('the chain KR_SCORE → OKR_SCORE(groups) → OKR_ROLLUP → OKR_GRADE / OKR_STATUS → overall OKR_SCORE', () => {
    const here = '#current: "abc" is not a number';
    const there = '#row 5: current: "abc" is not a number';
    expect(quarterChain(en)).toEqual({
      krScore: [[''], [0.5], [''], [0.8], [here]],
      // O2's rows name the KR's row; O1's rows compute
      krMean: [[0.5], [0.5], [there], [there], [there]],
      // O2 has the error; O1 rolls up O2, so it shows the same text, unchanged
      score: [[there], [''], [there], [''], ['']],
      grade: [[there], [''], [there], [''], ['']],
      status: [[there], [''], [there], [''], ['']],
      overall: there,
    });
  });

  test('in French', () => {
    const here = "#current\u00a0: «\u00a0abc\u00a0» n'est pas un nombre";
    const there = "#ligne 5\u00a0: current\u00a0: «\u00a0abc\u00a0» n'est pas un nombre";
    expect(quarterChain(fr)).toEqual({
      krScore: [[''], [0.5], [''], [0.8], [here]],
      krMean: [[0.5], [0.5], [there], [there], [there]],
      score: [[there], [''], [there], [''], ['']],
      grade: [[there], [''], [there], [''], ['']],
      status: [[there], [''], [there], [''], ['']],
      overall: there,
    });
  });

  test.each([
    ['en_US', en],
    ['fr_FR', fr],
  ])('%s: every cell of the chain is short and quotes the bad value once', (_locale, fn) => {
    for (const bad of ['abc', '1,200', 'a long text typed where a number was expected, by mistake']) {
      const texts = Object.values(quarterChain(fn, bad))
        .flat(2)
        .filter((v): v is string => typeof v === 'string' && v.startsWith('#'));
      expect(texts.length).toBe(11);
      const quoted = bad.length > 40 ? bad.slice(0, 37) : bad;
      for (const t of texts) {
        expect(t.split(quoted).length - 1, t).toBe(1);
        expect(t.length, t).toBeLessThan(140);
        expect(t.indexOf('#', 1), t).toBe(-1);
      }
    }
  });
});

describe('the rule, function by function', () => {
  const up = '#current: "abc" is not a number';
  test('in its own row, another function’s text is passed on as it is, whatever the argument', () => {
    expect(call('KR_SCORE', 0, col(up, 10), col(1, 5))).toEqual([[up], [0.5]]);
    expect(call('KR_SCORE', 0, 10, col(1, 5), col(up, ''))).toEqual([[up], [0.5]]);
    expect(call('KR_SCORE', '', '', col(up, true), 'milestone')).toEqual([[up], [1]]);
    expect(call('OKR_GRADE', col(up, 0.9), col('', up))).toEqual([[up], [up]]);
    expect(call('OKR_STATUS', col(0.5, 0.5), col(up, 0.5))).toEqual([[up], ['on track']]);
    expect(call('KPI_STATUS', col(up, 5), 10, 0)).toEqual([[up], ['yellow']]);
    expect(
      call('KPI_TREND', [
        [1, up, 3],
        [1, 2, 3],
      ]),
    ).toEqual([[up], ['improving']]);
    expect(call('QUARTER_PROGRESS', col(up, '2026-02-15'))).toEqual([[up], [0.5]]);
    expect(call('OKR_ALIGNED', col('a', 'b', 'c'), col('', 'a', 'a'), col('company', up, 'team'))).toEqual([
      ['top'],
      [up],
      ['aligned'],
    ]);
  });
  test('a blank main value still gives a blank, whatever else the row holds', () => {
    expect(call('KR_SCORE', up, up, col('', 5), 'increase')).toEqual([[''], [up]]);
  });
  test('from another row, the row is named first, once', () => {
    expect(call('OKR_SCORE', col(0.5, up))).toBe('#row 2: current: "abc" is not a number');
    expect(call('OKR_SCORE', col(0.5, 1), col(1, up))).toBe('#row 2: current: "abc" is not a number');
    expect(call('OKR_ALIGNMENT', col('a', 'b'), col('', 'a'), col('company', up))).toBe(
      '#row 2: current: "abc" is not a number',
    );
    // a parent whose child's own score is another function's error names the child's row
    expect(call('OKR_ROLLUP', col('a', 'b'), col('', 'a'), col(0.5, up))).toEqual([
      ['#row 2: current: "abc" is not a number'],
      [up],
    ]);
  });
  test('a text that names its row already is passed on unchanged, even from another row', () => {
    const named = '#row 7: current: "abc" is not a number';
    expect(call('OKR_SCORE', col(0.5, named))).toBe(named);
    expect(call('OKR_SCORE', col(0.5, named, 1), '', col('a', 'a', 'b'))).toEqual([[named], [named], [1]]);
    expect(call('OKR_ROLLUP', col('a', 'b', 'c'), col('', 'a', 'b'), col(0.5, 1, named))).toEqual([
      [named],
      [named],
      [named],
    ]);
    const fr = "#ligne 7\u00a0: current\u00a0: «\u00a0abc\u00a0» n'est pas un nombre";
    expect(callIn('fr_FR', 'OKR_SCORE', col(0.5, fr))).toBe(fr);
  });
  test('ids and groups that hold another function’s text show it on their row', () => {
    expect(call('OKR_ALIGNED', col('a', up), col('', 'a'))).toEqual([['top'], [up]]);
    expect(call('OKR_ALIGNED', col('a', 'b'), col('', up))).toEqual([['top'], [up]]);
    expect(call('OKR_ROLLUP', col('a', up), col('', 'a'), col(0.5, 1))).toEqual([[0.5], [up]]);
    expect(call('OKR_SCORE', col(0.5, 1), '', col('a', up))).toEqual([[0.5], [up]]);
  });
  test('a check-in row holding another function’s text: the KR names the log row', () => {
    const d = (s: string) => new Date(`${s}T12:00:00Z`);
    expect(
      call(
        'KR_FORECAST',
        col('k1', 'k2'),
        0,
        100,
        '',
        d('2026-03-31'),
        col('k1', 'k1', 'k2', up),
        col(d('2026-01-01'), d('2026-01-31'), d('2026-01-01'), d('2026-01-02')),
        col(0, up, 0, 5),
      ),
    ).toEqual([['#check-in row 2: current: "abc" is not a number'], ['']]);
  });
  test('in a call on single cells, the error thrown quotes the text once', () => {
    expect(() => call('OKR_GRADE', '#row 5: current: "abc" is not a number')).toThrow(
      'OKR_GRADE: row 5: current: "abc" is not a number.',
    );
    expect(() => call('KR_SCORE', 0, 10, up)).toThrow('KR_SCORE: current: "abc" is not a number.');
  });
  test('text that starts with # but is no message of ours is read as before', () => {
    expect(() => call('KR_SCORE', 0, 10, '#5')).toThrow('KR_SCORE: argument current: "#5" is not a number.');
    expect(call('OKR_ALIGNED', col('#1', '#2'), col('', '#1'))).toEqual([['top'], ['aligned']]);
  });
});
