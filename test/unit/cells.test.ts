import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dayNumber, parseNumberText } from '../../src/core/cells';
import type { InputError } from '../../src/core/errors';
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

describe('percentages are read exactly', () => {
  test.each([
    ['70 %', 0.7],
    ['35 %', 0.35],
    ['57%', 0.57],
    ['99.9 %', 0.999],
    ['0,7 %', 0.007],
    ['33.3 %', 0.333],
    ['4.8 %', 0.048],
    ['4,8 %', 0.048],
    ['1.15 %', 0.0115],
    ['0.3%', 0.003],
    ['-12,5 %', -0.125],
    ['1e3 %', 10],
  ])('%s → %d, not n × 0.01', (text, n) => expect(parseNumberText(text)).toBe(n));
  test('a whole number of percent n % is n / 100, exactly', () =>
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), (n) => parseNumberText(`${n} %`) === n / 100),
    ));
});

describe('numbers typed in the sidebar: parseNumberText(raw, lang)', () => {
  const twoWays = (lang: 'en' | 'fr' | undefined, text: string) => () => parseNumberText(text, lang);
  describe.each([undefined, 'en', 'fr'] as const)('lang %s: as in a cell', (lang) => {
    test.each([
      ['4.8 %', 0.048],
      ['4,8 %', 0.048],
      ['1 200', 1200],
      ['1\u00a0200', 1200],
      ['1\u202f200', 1200],
      ['-1 200,50', -1200.5],
      ['0,250', 0.25],
      ['1.250,5', 1250.5],
      ['.5', 0.5],
      ['1e3', 1000],
      ['1.2000', 1.2],
      ['0.200', 0.2],
      ['1.200.000', 1200000],
    ])('%s → %d', (text, n) => expect(parseNumberText(text, lang)).toBe(n));
    test('"1,200" reads two ways, and the error gives both readings', () => {
      expect(twoWays(lang, '1,200')).toThrow('"1,200" reads two ways: type 1.2 or 1200');
    });
    test.each(['5.', '', 'abc', '12 %%', '1 20', '1,2,3'])('%j is not a number', (text) =>
      expect(twoWays(lang, text)).toThrow(`${JSON.stringify(text)} is not a number`),
    );
  });
  test('in English, "1.200" is 1.2 (as in a cell, without lang)', () => {
    expect(parseNumberText('1.200', 'en')).toBe(1.2);
    expect(parseNumberText('1.200')).toBe(1.2);
  });
  test('in French, "1.200" reads two ways: a dot groups thousands there too', () => {
    expect(twoWays('fr', '1.200')).toThrow('"1.200" reads two ways: type 1.2 or 1200');
  });
  test('French dots that read one way only', () => {
    expect(parseNumberText('0.200', 'fr')).toBe(0.2);
    expect(parseNumberText('1234.500', 'fr')).toBe(1234.5);
    expect(parseNumberText('1.20', 'fr')).toBe(1.2);
  });
  test('the message in French gives both readings the French way', () => {
    try {
      parseNumberText('1.200', 'fr');
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).text('fr')).toBe(
        '«\u00a01.200\u00a0» se lit de deux façons\u00a0: tapez 1,2 ou 1200',
      );
    }
    try {
      parseNumberText('1,200', 'fr');
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).text('fr')).toBe(
        '«\u00a01,200\u00a0» se lit de deux façons\u00a0: tapez 1,2 ou 1200',
      );
    }
  });
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
