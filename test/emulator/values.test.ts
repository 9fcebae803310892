import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../emulator/index';

function sheetIn(locale = 'en_US', timeZone = 'Europe/Paris') {
  const wb = createWorkbook({ locale, timeZone });
  return { wb, sheet: wb.spreadsheet.getSheets()[0]! };
}

describe('getValues types [DOC* RANGE#getValues]', () => {
  it('round-trips numbers, booleans and strings, and gives "" for blanks', () => {
    const { sheet } = sheetIn();
    sheet.getRange('A1:D1').setValues([[42, true, 'text', null]]);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([[42, true, 'text', '', '']]);
  });

  it('always gives a 2-D array, even for one cell', () => {
    const { sheet } = sheetIn();
    sheet.getRange('A1').setValue(1);
    expect(sheet.getRange('A1').getValues()).toEqual([[1]]);
    expect(sheet.getRange('A1').getValue()).toBe(1);
  });

  it('gives a date cell as a Date at midnight in the spreadsheet time zone', () => {
    const { sheet } = sheetIn('en_US', 'Europe/Paris');
    sheet.getRange('A1').setValue('2026-02-15');
    const v = sheet.getRange('A1').getValue();
    expect(v).toBeInstanceOf(Date);
    expect((v as Date).toISOString()).toBe('2026-02-14T23:00:00.000Z'); // midnight in Paris (UTC+1)
    const ny = sheetIn('en_US', 'America/New_York').sheet;
    ny.getRange('A1').setValue('2026-07-04');
    expect((ny.getRange('A1').getValue() as Date).toISOString()).toBe('2026-07-04T04:00:00.000Z');
  });

  it('gives percent cells as decimals: "10%" is 0.1 [DOC CF]', () => {
    const { sheet } = sheetIn();
    sheet.getRange('A1:B1').setValues([['10%', '12.5%']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[0.1, 0.125]]);
    expect(sheet.getRange('A1:B1').getNumberFormats()).toEqual([['0%', '0.00%']]);
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['10%', '12.50%']]);
  });

  it('writes a Date object as a date cell, read back as the same instant', () => {
    const { sheet } = sheetIn();
    const d = new Date('2026-03-01T08:45:00Z');
    sheet.getRange('A1').setValue(d);
    expect((sheet.getRange('A1').getValue() as Date).getTime()).toBe(d.getTime());
    // a Date gets the locale's date-time format, date only at midnight [UNVERIFIED detail]
    expect(sheet.getRange('A1').getDisplayValue()).toBe('3/1/2026 9:45:00');
    sheet.getRange('A2').setValue(new Date('2026-03-01T00:00:00+01:00'));
    expect(sheet.getRange('A2').getDisplayValue()).toBe('3/1/2026');
  });

  it('gives error cells as their code string [UNVERIFIED]', () => {
    const { sheet } = sheetIn();
    sheet.getRange('A1:F1').setFormulas([['=1/0', '=NA()', '=A1+', '=NOSUCHFN(1)', '=SQRT(-1)', '="a"+1']]);
    expect(sheet.getRange('A1:F1').getValues()).toEqual([
      ['#DIV/0!', '#N/A', '#ERROR!', '#NAME?', '#NUM!', '#VALUE!'],
    ]);
    expect(sheet.getRange('A1:F1').getDisplayValues()).toEqual([
      ['#DIV/0!', '#N/A', '#ERROR!', '#NAME?', '#NUM!', '#VALUE!'],
    ]);
  });

  it('gives a checkbox cell as true/false [DOC* requireCheckbox]', () => {
    const { sheet } = sheetIn();
    sheet.getRange('A1:A2').insertCheckboxes();
    expect(sheet.getRange('A1:A2').getValues()).toEqual([[false], [false]]);
    sheet.getRange('A2').check();
    expect(sheet.getRange('A1:A2').getValues()).toEqual([[false], [true]]);
    expect(sheet.getRange('A2').isChecked()).toBe(true);
    expect(sheet.getRange('A1:A2').isChecked()).toBeNull(); // mixed
  });

  it('reads a blank cell with a true/false checkbox rule as unchecked: false [UNVERIFIED]', () => {
    const { wb, sheet } = sheetIn();
    sheet.getRange('B1').setDataValidation(wb.app.newDataValidation().requireCheckbox().build());
    expect(sheet.getRange('B1').getValue()).toBe(false);
    expect(sheet.getRange('B1').getDisplayValue()).toBe('FALSE');
    expect(sheet.getLastRow()).toBe(0); // still no content
  });
});

describe('setValues follows USER_ENTERED', () => {
  it("turns a string starting with '=' into a formula [DOC* RANGE#setValues]", () => {
    const { sheet } = sheetIn();
    sheet.getRange('A1:B1').setValues([[2, '=A1*3']]);
    expect(sheet.getRange('B1').getValue()).toBe(6);
    expect(sheet.getRange('B1').getFormula()).toBe('=A1*3');
    expect(sheet.getRange('A1').getFormula()).toBe('');
  });

  it('keeps apostrophe text as literal text without the apostrophe [UNVERIFIED]', () => {
    const { sheet } = sheetIn();
    sheet.getRange('A1:B1').setValues([["'=IMPORTXML(1)", "'0123"]]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['=IMPORTXML(1)', '0123']]);
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['=IMPORTXML(1)', '0123']]);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['', '']]);
  });

  it("makes '+cmd' and '-cmd' formulas, as typing them in Sheets does [UNVERIFIED]", () => {
    const { sheet } = sheetIn();
    sheet.getRange('A1:D1').setValues([['+cmd', '-x', '-', '+12']]);
    expect(sheet.getRange('A1:D1').getFormulas()).toEqual([['=+cmd', '=-x', '', '']]);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['#NAME?', '#NAME?', '-', 12]]);
  });

  it('parses numeric text, thousands, booleans and dates; keeps other text', () => {
    const { sheet } = sheetIn();
    sheet.getRange('A1:F1').setValues([['12.5', '1,200', 'true', '2/15/2026', 'abc', ' 7 ']]);
    const v = sheet.getRange('A1:F1').getValues()[0]!;
    expect(v.slice(0, 3)).toEqual([12.5, 1200, true]);
    expect(v[3]).toBeInstanceOf(Date);
    expect(v.slice(4)).toEqual(['abc', 7]);
    expect(sheet.getRange('D1').getDisplayValue()).toBe('2/15/2026');
  });

  it('writes null and undefined as blanks', () => {
    const { sheet } = sheetIn();
    sheet.getRange('A1:B1').setValues([[1, 2]]);
    sheet.getRange('A1:B1').setValues([[null, undefined]]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['', '']]);
    expect(sheet.getLastRow()).toBe(0);
  });

  it('writes other objects as their String() [UNVERIFIED]', () => {
    const { sheet } = sheetIn();
    sheet.getRange('A1').setValue({ a: 1 });
    expect(sheet.getRange('A1').getValue()).toBe('[object Object]');
  });

  it('reads French numbers in a fr_FR spreadsheet; "12.5" stays text there [UNVERIFIED]', () => {
    const { sheet } = sheetIn('fr_FR');
    sheet.getRange('A1:D1').setValues([['12,5', '1 234,5', '15/02/2026', '12.5']]);
    const v = sheet.getRange('A1:D1').getValues()[0]!;
    expect(v[0]).toBe(12.5);
    expect(v[1]).toBe(1234.5);
    expect(v[2]).toBeInstanceOf(Date);
    expect(v[3]).toBe('12.5');
    sheet.getRange('A2:B2').setValues([['VRAI', 'faux']]);
    expect(sheet.getRange('A2:B2').getValues()).toEqual([[true, false]]);
  });

  it('setValue fills every cell of the range', () => {
    const { sheet } = sheetIn();
    sheet.getRange('A1:B2').setValue(5);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      [5, 5],
      [5, 5],
    ]);
  });

  it('checks the data against the range with the exact messages [EMU]', () => {
    const { sheet } = sheetIn();
    expect(() => sheet.getRange('A1:B2').setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange('A1:B2').setValues([[1], [2]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange('A1:B1').setFormulas([['=1']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  it('setFormula on a range moves relative references from cell to cell', () => {
    const { sheet } = sheetIn();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1:B3').setFormula('=A1*$A$1*10');
    expect(sheet.getRange('B1:B3').getFormulas()).toEqual([
      ['=A1*$A$1*10'],
      ['=A2*$A$1*10'],
      ['=A3*$A$1*10'],
    ]);
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[10], [20], [30]]);
  });

  it('keeps doubles exact, as getValues returns them', () => {
    const { sheet } = sheetIn();
    sheet.getRange('A1').setFormula('=2/3');
    sheet.getRange('A2').setFormula('=0.1+0.2');
    expect(sheet.getRange('A1:A2').getValues()).toEqual([[2 / 3], [0.1 + 0.2]]);
    expect(sheet.getRange('A1:A2').getDisplayValues()).toEqual([['0.6666666667'], ['0.3']]);
  });

  it('writes NaN and Infinity as their text [UNVERIFIED]', () => {
    const { sheet } = sheetIn();
    sheet.getRange('A1:B1').setValues([[Number.NaN, Number.POSITIVE_INFINITY]]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['NaN', 'Infinity']]);
  });

  it('keeps the date type through arithmetic: date + 7 is a date, date - date a number', () => {
    const { sheet } = sheetIn();
    sheet.getRange('A1:A2').setValues([['2026-02-15'], [new Date('2026-03-01T00:00:00+01:00')]]);
    sheet.getRange('B1:B2').setFormulas([['=A1+7'], ['=A2-A1']]);
    expect((sheet.getRange('B1').getValue() as Date).toISOString()).toBe('2026-02-21T23:00:00.000Z');
    expect(sheet.getRange('B2').getValue()).toBe(14);
  });

  it('reads a date computed by a formula as a Date, formatted as a date', () => {
    const { sheet } = sheetIn();
    sheet.getRange('A1').setFormula('=DATE(2026,1,2)');
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2026-01-01T23:00:00.000Z');
    expect(sheet.getRange('A1').getNumberFormat()).toBe('M/d/yyyy');
  });
});
