/**
 * Range.sort(sortSpecObj) and Sheet.sort(column, ascending) [DOC* RANGE#sort, SHEET#sort]: what
 * moves with a sorted row, and the order of mixed values. See emulator/sort.ts for the sources.
 */
import { describe, expect, it } from 'vitest';
import type { EmuRange } from '../../emulator/index';
import { createWorkbook } from '../../emulator/index';
import { ensureBuilt } from './support';

const column = (range: EmuRange) => range.getValues().map((r) => r[0]);

describe('the order of a sort', () => {
  it('numbers, errors, text (ignoring case), booleans, then blanks — blanks last descending too [OBS o-spreadsheet; errors UNVERIFIED]', () => {
    const sheet = createWorkbook().spreadsheet.getSheets()[0]!;
    sheet.getRange('A1:A9').setValues([[3], ['b'], [true], [''], ['A'], [1], [false], ['B'], ['=NA()']]);
    const range = sheet.getRange('A1:A9');
    range.sort(1);
    expect(column(range)).toEqual([1, 3, '#N/A', 'A', 'b', 'B', false, true, '']);
    range.sort({ column: 1, ascending: false });
    expect(column(range)).toEqual([true, false, 'b', 'B', 'A', '#N/A', 3, 1, '']);
    expect(sheet.getRange('A6').getFormula()).toBe('=NA()'); // the formula moved, not its value
  });

  it('dates sort as the numbers they are; equal keys keep their order (a stable sort)', () => {
    const sheet = createWorkbook({ timeZone: 'UTC' }).spreadsheet.getSheets()[0]!;
    sheet.getRange('A1:B4').setValues([
      [new Date(Date.UTC(2026, 2, 1)), 'first March'],
      [new Date(Date.UTC(2026, 0, 1)), 'January'],
      [new Date(Date.UTC(2026, 2, 1)), 'second March'],
      [45000, 'a number'],
    ]);
    sheet.getRange('A1:B4').sort(1);
    expect(column(sheet.getRange('B1:B4'))).toEqual(['a number', 'January', 'first March', 'second March']);
    expect(sheet.getRange('A2').getValue()).toEqual(new Date(Date.UTC(2026, 0, 1)));
  });

  it('takes several keys, later ones breaking ties of earlier ones', () => {
    const sheet = createWorkbook().spreadsheet.getSheets()[0]!;
    sheet.getRange('A1:B5').setValues([
      ['x', 2],
      ['y', 1],
      ['x', 1],
      ['y', 2],
      ['x', 3],
    ]);
    sheet.getRange('A1:B5').sort([{ column: 1, ascending: false }, 2]);
    expect(sheet.getRange('A1:B5').getValues()).toEqual([
      ['y', 1],
      ['y', 2],
      ['x', 1],
      ['x', 2],
      ['x', 3],
    ]);
  });
});

describe('the sort spec', () => {
  it('names the sheet’s column, which must lie in the range [message UNVERIFIED]; other specs are refused', () => {
    const sheet = createWorkbook().spreadsheet.getSheets()[0]!;
    sheet.getRange('A1:C3').setValues([
      ['keep', 2, 'b'],
      ['me', 3, 'c'],
      ['here', 1, 'a'],
    ]);
    const range = sheet.getRange('B1:C3');
    range.sort(3); // column C, the range's second
    expect(sheet.getRange('A1:C3').getValues()).toEqual([
      ['keep', 1, 'a'],
      ['me', 2, 'b'],
      ['here', 3, 'c'],
    ]);
    expect(() => range.sort(1)).toThrow('Sort column 1 is outside the range B1:C3.');
    expect(() => range.sort({ column: 4 })).toThrow('Sort column 4 is outside the range B1:C3.');
    expect(() => range.sort('B')).toThrow("The parameters (String) don't match the method signature");
    expect(() => range.sort([])).toThrow("don't match the method signature for SpreadsheetApp.Range.sort");
  });

  it('is a write: counted as one, and a fault can refuse it', () => {
    const wb = createWorkbook();
    const range = wb.spreadsheet.getSheets()[0]!.getRange('A1:A2');
    range.setValues([[2], [1]]);
    wb.counter.reset();
    range.sort(1);
    expect(wb.counter.get('Range.sort')).toBe(1);
    expect(wb.writeCount).toBe(1);
  });
});

describe('what moves with a sorted row', () => {
  it('formats, notes, validations and backgrounds move; cells outside the range stay', () => {
    const wb = createWorkbook();
    const sheet = wb.spreadsheet.getSheets()[0]!;
    sheet.getRange('A1:C2').setValues([
      ['outside 1', 'b', 0.5],
      ['outside 2', 'a', 7],
    ]);
    sheet.getRange('C1').setNumberFormat('0%').setNote('half').setBackground('#00ff00');
    sheet.getRange('B1').setFontWeight('bold');
    sheet.getRange('C1').setDataValidation(wb.app.newDataValidation().requireNumberBetween(0, 1).build());
    sheet.getRange('B1:C2').sort(2);
    expect(sheet.getRange('A1:C2').getDisplayValues()).toEqual([
      ['outside 1', 'a', '7'],
      ['outside 2', 'b', '50%'],
    ]);
    expect(sheet.getRange('C2').getNote()).toBe('half');
    expect(sheet.getRange('C2').getBackground()).toBe('#00ff00');
    expect(sheet.getRange('B2').getFontWeight()).toBe('bold');
    expect(sheet.getRange('C2').getDataValidation()?.getCriteriaValues()).toEqual([0, 1]);
    expect(sheet.getRange('C1').getNote()).toBe('');
    expect(sheet.getRange('C1').getDataValidation()).toBeNull();
    expect(sheet.getRange('B1').getFontWeight()).toBe('normal');
  });

  it('formulas move with their row, relative references with them, absolute ones staying [OBS o-spreadsheet]', () => {
    const sheet = createWorkbook().spreadsheet.getSheets()[0]!;
    sheet.getRange('E1').setValue(100);
    sheet.getRange('A1:B3').setValues([
      [3, '=A1*2+$E$1'],
      [1, '=SUM(A2:A)'],
      [2, '=A3*2+$E$1'],
    ]);
    sheet.getRange('A1:B3').sort(1);
    expect(sheet.getRange('B1:B3').getFormulas().flat()).toEqual(['=SUM(A1:A)', '=A2*2+$E$1', '=A3*2+$E$1']);
    expect(column(sheet.getRange('B1:B3'))).toEqual([6, 104, 106]);
  });

  it('an array formula above the range spills again in the new order; its spilled cells in the range are not content', () => {
    ensureBuilt();
    const wb = createWorkbook();
    wb.loadBundle();
    const sheet = wb.spreadsheet.getSheets()[0]!;
    sheet.getRange('A2:C5').setValues([
      ['start', 'target', 'current'],
      [0, 10, 5],
      [0, 10, 2],
      [0, 4, 4],
    ]);
    sheet.getRange('D2').setFormula('={"KR score"; KR_SCORE(A3:A, B3:B, C3:C)}');
    sheet.getRange('A3:D5').sort(4); // by the score column, which the header's formula fills
    expect(sheet.getRange('A3:D5').getValues()).toEqual([
      [0, 10, 2, 0.2],
      [0, 10, 5, 0.5],
      [0, 4, 4, 1],
    ]);
    expect(sheet.getRange('D2').getFormula()).toBe('={"KR score"; KR_SCORE(A3:A, B3:B, C3:C)}');
    expect(sheet.getRange('D3:D5').getFormulas().flat()).toEqual(['', '', '']);
    sheet.getRange('A3:C5').sort({ column: 3, ascending: false });
    expect(column(sheet.getRange('D3:D5'))).toEqual([0.5, 1, 0.2]);
  });

  it('an array formula anchored in a sorted row moves with it and spills from there', () => {
    const sheet = createWorkbook().spreadsheet.getSheets()[0]!;
    sheet.getRange('A1:A3').setValues([[2], [3], [1]]);
    sheet.getRange('B1').setFormula('={A1*10, A1*100}');
    sheet.getRange('A1:C3').sort({ column: 1, ascending: false });
    expect(sheet.getRange('B2').getFormula()).toBe('={A2*10, A2*100}');
    expect(sheet.getRange('A1:C3').getValues()).toEqual([
      [3, '', ''],
      [2, 20, 200],
      [1, '', ''],
    ]);
  });
});

describe('Sheet.sort', () => {
  it('sorts every row below the frozen ones by a column, ascending unless told', () => {
    const sheet = createWorkbook().spreadsheet.getSheets()[0]!;
    sheet.getRange('A1:B4').setValues([
      ['name', 'score'],
      ['b', 2],
      ['c', 3],
      ['a', 1],
    ]);
    sheet.setFrozenRows(1);
    sheet.sort(2, false);
    expect(sheet.getRange('A1:B4').getValues()).toEqual([
      ['name', 'score'],
      ['c', 3],
      ['b', 2],
      ['a', 1],
    ]);
    sheet.sort(1);
    expect(column(sheet.getRange('A1:A4'))).toEqual(['name', 'a', 'b', 'c']);
  });
});

describe('typing', () => {
  it('has sort as Apps Script has it, and no method Apps Script lacks (else this file fails to compile)', () => {
    const range = createWorkbook().spreadsheet.getRange('A1');
    // @ts-expect-error Range has sort(sortSpecObj), not sortBy: the emulator's Api typing refuses it.
    expect(range.sortBy).toBeUndefined();
    expect(typeof range.sort).toBe('function');
  });
});
