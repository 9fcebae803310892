import { describe, expect, it } from 'vitest';
import { a1Of, colLetters, colNumber, parseA1, shiftArea, splitSheet } from '../../emulator/a1';
import { createWorkbook } from '../../emulator/index';

describe('A1 notation', () => {
  it('converts column letters both ways', () => {
    expect([1, 26, 27, 52, 703].map(colLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
    expect(['A', 'z', 'AA', 'AZ', 'AAA'].map(colNumber)).toEqual([1, 26, 27, 52, 703]);
  });

  it('parses cells, ranges and $ references', () => {
    expect(parseA1('B3', 1000, 26)).toEqual({ row: 3, col: 2, numRows: 1, numCols: 1 });
    expect(parseA1('$A$1:B2', 1000, 26)).toEqual({ row: 1, col: 1, numRows: 2, numCols: 2 });
    // reversed corners name the same rectangle
    expect(parseA1('B2:A1', 1000, 26)).toEqual({ row: 1, col: 1, numRows: 2, numCols: 2 });
  });

  it("reads open-ended ranges to the sheet's last row or column [OBS]", () => {
    expect(parseA1('H2:H', 1000, 26)).toEqual({ row: 2, col: 8, numRows: 999, numCols: 1 });
    expect(parseA1('A2:2', 1000, 26)).toEqual({ row: 2, col: 1, numRows: 1, numCols: 26 });
    expect(parseA1('B:C', 50, 26)).toEqual({ row: 1, col: 2, numRows: 50, numCols: 2 });
    expect(parseA1('2:3', 50, 10)).toEqual({ row: 2, col: 1, numRows: 2, numCols: 10 });
  });

  it('keeps the sheet name, quoted or not', () => {
    expect(parseA1("'Check-ins'!B2:B", 10, 5)).toEqual({
      sheetName: 'Check-ins',
      row: 2,
      col: 2,
      numRows: 9,
      numCols: 1,
    });
    expect(splitSheet("'It''s'!A1")).toEqual({ sheetName: "It's", ref: 'A1' });
    expect(splitSheet('Sheet1!A1')).toEqual({ sheetName: 'Sheet1', ref: 'A1' });
  });

  it('says "Range not found" for a bare column, a bare row or nonsense [OBS/EMU]', () => {
    for (const bad of ['B', '2', 'A0', 'A1:B2:C3', 'hello world', '']) {
      expect(() => parseA1(bad, 1000, 26), bad).toThrow('Range not found');
    }
  });

  it('writes A1 back', () => {
    expect(a1Of({ row: 1, col: 1, numRows: 1, numCols: 1 })).toBe('A1');
    expect(a1Of({ row: 2, col: 8, numRows: 999, numCols: 1 })).toBe('H2:H1000');
  });

  it('moves areas as rows are inserted and deleted', () => {
    const a = { row: 5, col: 1, numRows: 3, numCols: 1 }; // A5:A7
    expect(shiftArea(a, 'rows', 2, 2)).toEqual({ row: 7, col: 1, numRows: 3, numCols: 1 }); // before: moves
    expect(shiftArea(a, 'rows', 6, 2)).toEqual({ row: 5, col: 1, numRows: 5, numCols: 1 }); // inside: grows
    expect(shiftArea(a, 'rows', 8, 2)).toEqual(a); // after: stays
    expect(shiftArea(a, 'rows', 6, -1)).toEqual({ row: 5, col: 1, numRows: 2, numCols: 1 }); // one row of it deleted
    expect(shiftArea(a, 'rows', 1, -2)).toEqual({ row: 3, col: 1, numRows: 3, numCols: 1 }); // rows above deleted
    expect(shiftArea(a, 'rows', 4, -5)).toBeUndefined(); // deleted whole
  });
});

describe('Sheet.getRange errors [EMU]', () => {
  const sheet = () => createWorkbook().spreadsheet.getSheets()[0]!;

  it('gives the exact messages for bad coordinates', () => {
    const s = sheet();
    expect(() => s.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => s.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => s.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => s.getRange(1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
    expect(() => s.getRange(1000, 1, 2, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => s.getRange('AA1')).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
  });

  it('fails the common empty-sheet bug: getRange(2, 1, getLastRow() - 1, …) [OBS]', () => {
    const s = sheet();
    expect(s.getLastRow()).toBe(0);
    expect(() => s.getRange(2, 1, s.getLastRow() - 1, 3)).toThrow(
      'The number of rows in the range must be at least 1.',
    );
  });

  it('throws as Apps Script prints it: an Error named Exception', () => {
    let caught: unknown;
    try {
      sheet().getRange('B');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(Error);
    expect(String(caught)).toBe('Exception: Range not found');
  });

  it('refuses arguments of the wrong type [ODD]', () => {
    const s = sheet() as unknown as { getRange(...a: unknown[]): unknown };
    expect(() => s.getRange(1, '2')).toThrow(
      "The parameters (number,String) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
  });

  it('offset checks the same way [GFT: offset(0,0,0) mentions rows]', () => {
    const r = sheet().getRange('B2');
    expect(r.offset(1, 1).getA1Notation()).toBe('C3');
    expect(r.offset(0, 0, 2, 3).getA1Notation()).toBe('B2:D3');
    expect(() => r.offset(0, 0, 0)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => r.offset(-2, 0)).toThrow('The starting row of the range is too small.');
  });

  it("Spreadsheet.getRange reads 'Sheet!A1' and the active sheet without a name", () => {
    const wb = createWorkbook();
    const ss = wb.spreadsheet;
    ss.insertSheet('Check-ins');
    expect(ss.getRange("'Check-ins'!B2:C3").getSheet().getName()).toBe('Check-ins');
    expect(ss.getRange('A1').getSheet().getName()).toBe('Check-ins'); // the new sheet is active
    expect(() => ss.getRange('Nope!A1')).toThrow('Range not found');
  });
});
