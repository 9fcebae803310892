import { describe, expect, test } from 'vitest';
import { dayNumber, parseNumberText } from '../../src/core/cells';
import { asText, cellValue, Day, Formula } from '../../src/sheets/cells';

describe('numbers typed as text', () => {
  test.each([
    ['12.5', 12.5],
    ['12,5', 12.5],
    ['15 %', 0.15],
    ['15%', 0.15],
    ['-3', -3],
    ['+4', 4],
    ['1 200,5', 1200.5],
    ['1,200.5', 1200.5],
    ['1.200,5', 1200.5],
    ['1,200,000', 1200000],
    ['100\u00a0000', 100000],
    ['0,125', 0.125],
    ['.5', 0.5],
    ['1e3', 1000],
  ])('%s → %d', (text, n) => expect(parseNumberText(text)).toBe(n));
  test.each(['1,200', '12,500', '2,000'])('%s reads two ways', (text) =>
    expect(() => parseNumberText(text)).toThrow(/reads two ways/),
  );
  test.each(['abc', '12 apples', '€5', '1..2', ''])('%s is not a number', (text) =>
    expect(() => parseNumberText(text)).toThrow(/is not a number/),
  );
});

describe('text written to a cell stays text', () => {
  test.each(['=IMPORTXML("http://x", "//a")', '+cmd', '-2+3', '@SUM(A1)', "'quoted"])(
    '%s gets an apostrophe',
    (s) => expect(asText(s)).toBe(`'${s}`),
  );
  test('text that Sheets would read as a number or a date keeps its form', () => {
    expect(asText('2026')).toBe("'2026");
    expect(asText('12,5')).toBe("'12,5");
    expect(asText('2026-02-15')).toBe("'2026-02-15");
  });
  test('ordinary text is left alone', () =>
    expect(asText('Grow brand awareness')).toBe('Grow brand awareness'));
  test('formulas and days are the add-on’s own, written as such', () => {
    expect(cellValue(new Formula('=KR_SCORE(A1, B1, C1)'))).toBe('=KR_SCORE(A1, B1, C1)');
    expect(cellValue(new Day(dayNumber(2026, 2, 15)))).toBe('2026-02-15');
    expect(() => new Formula('KR_SCORE()')).toThrow();
  });
});
