import { describe, expect, it } from 'vitest';
import { serialOfYmd } from '../../emulator/dates';
import { formatDisplay, isDateFormat, isPercentFormat } from '../../emulator/format';
import { createWorkbook } from '../../emulator/index';

const en = (v: number | string | boolean | null, fmt?: string) => formatDisplay(v, fmt, 'en_US');
const fr = (v: number | string | boolean | null, fmt?: string) => formatDisplay(v, fmt, 'fr_FR');
const NNBSP = '\u202f';

describe('number formats, en_US', () => {
  it('General shows up to 10 significant digits', () => {
    expect([en(0), en(42), en(2 / 3), en(200 / 3), en(-1.5), en(1234567.891)]).toEqual([
      '0',
      '42',
      '0.6666666667',
      '66.66666667',
      '-1.5',
      '1234567.891',
    ]);
    expect(en(1e20)).toBe('1E+20');
  });

  it('fixed decimals and thousands', () => {
    expect(en(2 / 3, '0')).toBe('1');
    expect(en(2 / 3, '0.0')).toBe('0.7');
    expect(en(2 / 3, '0.00')).toBe('0.67');
    expect(en(1.005, '0.00')).toBe('1.01');
    expect(en(1234567.891, '#,##0')).toBe('1,234,568');
    expect(en(1234.5, '#,##0.00')).toBe('1,234.50');
    expect(en(-1234.5, '#,##0.00')).toBe('-1,234.50');
    expect(en(0.5, '#,##0.##')).toBe('0.5');
  });

  it('percentages', () => {
    expect(en(0.1, '0%')).toBe('10%');
    expect(en(2 / 3, '0.0%')).toBe('66.7%');
    expect(en(0.125, '0.00%')).toBe('12.50%');
  });

  it('dates', () => {
    const s = serialOfYmd(2026, 2, 5);
    expect(en(s, 'yyyy-mm-dd')).toBe('2026-02-05');
    expect(en(s, 'dd/MM/yyyy')).toBe('05/02/2026');
    expect(en(s, 'M/d/yyyy')).toBe('2/5/2026');
    expect(en(serialOfYmd(2026, 2, 5, 14, 7, 9), 'yyyy-mm-dd hh:mm:ss')).toBe('2026-02-05 14:07:09');
    expect(en(s, 'd mmmm yyyy')).toBe('5 February 2026');
    expect(fr(s, 'dddd d mmmm')).toBe('jeudi 5 février');
  });

  it('text, literals, currency and sections', () => {
    expect(en(12.5, '@')).toBe('12.5');
    expect(en('abc', '0.00')).toBe('abc');
    expect(en(3, '0" pts"')).toBe('3 pts');
    expect(en(1234.5, '[$€]#,##0.00')).toBe('€1,234.50');
    expect(en(-2, '0;(0)')).toBe('(2)');
    expect(en(0, '0;-0;"zero"')).toBe('zero');
  });

  it('booleans, blanks and errors', () => {
    expect([en(true), en(false), en(null), en('')]).toEqual(['TRUE', 'FALSE', '', '']);
    expect(formatDisplay({ error: '#N/A' }, undefined, 'en_US')).toBe('#N/A');
  });

  it('classifies formats', () => {
    expect(['yyyy-mm-dd', 'dd/MM/yyyy', 'M/d/yyyy', 'hh:mm'].map(isDateFormat)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['0.0%', '#,##0', 'General', '@', '"dd"0'].map(isDateFormat)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(['0%', '0.0%', '0.00'].map(isPercentFormat)).toEqual([true, true, false]);
  });
});

describe('number formats, fr_FR', () => {
  it('uses a decimal comma and a narrow no-break space for thousands [UNVERIFIED separator]', () => {
    expect(fr(2 / 3)).toBe('0,6666666667');
    expect(fr(1234.5, '#,##0.00')).toBe(`1${NNBSP}234,50`);
    expect(fr(0.125, '0.0%')).toBe('12,5%');
  });

  it('shows booleans as VRAI/FAUX [UNVERIFIED]', () => {
    expect([fr(true), fr(false)]).toEqual(['VRAI', 'FAUX']);
  });
});

describe('getDisplayValues through the API', () => {
  it('formats by each cell’s number format in the spreadsheet locale', () => {
    const wb = createWorkbook({ locale: 'fr_FR' });
    const sheet = wb.spreadsheet.getSheets()[0]!;
    sheet.getRange('A1:C1').setValues([[0.8, 1234.5, true]]);
    sheet.getRange('A1').setNumberFormat('0.0%');
    sheet.getRange('B1').setNumberFormat('#,##0.0');
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['80,0%', `1${NNBSP}234,5`, 'VRAI']]);
    wb.spreadsheet.setSpreadsheetLocale('en_US');
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['80.0%', '1,234.5', 'TRUE']]);
  });

  it('HyperFormula and Sheets differ on TEXT(x, "0.0%"): HyperFormula gives "0.1%", Sheets "12.3%"', () => {
    const sheet = createWorkbook().spreadsheet.getSheets()[0]!;
    sheet.getRange('A1').setFormula('=TEXT(0.123, "0.0%")');
    // A known engine difference: templates should format cells (setNumberFormat), not use TEXT for %.
    expect(sheet.getRange('A1').getValue()).toBe('0.1%');
  });
});
