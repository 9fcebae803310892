/**
 * Copy and paste as a user does it in Sheets (wb.copyPaste: Ctrl+C then Ctrl+V, or Ctrl+Shift+V for
 * values only) and as a script does it (Range.copyTo). Pinned choices, probed live by probes/paste.ts.
 */
import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../emulator/index';
import { scriptFile } from './support';

function book() {
  const wb = createWorkbook({ timeZone: 'UTC' });
  return { wb, sheet: wb.spreadsheet.getSheets()[0]! };
}

describe('wb.copyPaste: values and formulas [OBS]', () => {
  it('pastes values as they are and formulas with their relative references moved, $ ones kept', () => {
    const { wb, sheet } = book();
    sheet.getRange('A1:C1').setValues([[2, 'text', '=A1*10+$A$1']]);
    sheet.getRange('A2').setValue(5);
    expect(wb.copyPaste('Sheet1', 'A1:C1', 'B3')).toBe('B3:D3');
    expect(sheet.getRange('B3:D3').getValues()).toEqual([[2, 'text', 22]]);
    expect(sheet.getRange('D3').getFormula()).toBe('=B3*10+$A$1');
    wb.copyPaste('Sheet1', 'C1', 'C2');
    expect(sheet.getRange('C2').getFormula()).toBe('=A2*10+$A$1');
    expect(sheet.getRange('C2').getValue()).toBe(52);
  });

  it('a reference moved off the sheet becomes #REF!', () => {
    const { wb, sheet } = book();
    sheet.getRange('B2').setFormula('=A1+1');
    wb.copyPaste('Sheet1', 'B2', 'B1');
    expect(sheet.getRange('B1').getFormula()).toBe('=#REF!+1');
    expect(sheet.getRange('B1').getValue()).toBe('#REF!');
  });

  it('open-ended ranges stay open and move their start', () => {
    const { wb, sheet } = book();
    sheet.getRange('B1').setFormula('=SUM(A2:A)');
    wb.copyPaste('Sheet1', 'B1', 'C2');
    expect(sheet.getRange('C2').getFormula()).toBe('=SUM(B3:B)');
  });

  it('reads the whole block before writing: source and destination may overlap', () => {
    const { wb, sheet } = book();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    wb.copyPaste('Sheet1', 'A1:A3', 'A2');
    expect(sheet.getRange('A1:A4').getValues()).toEqual([[1], [1], [2], [3]]);
  });

  it('tiles a block over a selection a multiple of its size', () => {
    const { wb, sheet } = book();
    sheet.getRange('A1:B1').setValues([[1, '=A1*2']]);
    expect(wb.copyPaste('Sheet1', 'A1:B1', 'D1:G2')).toBe('D1:G2');
    expect(sheet.getRange('D1:G2').getValues()).toEqual([
      [1, 2, 1, 2],
      [1, 2, 1, 2],
    ]);
    expect(sheet.getRange('G2').getFormula()).toBe('=F2*2');
  });

  it('pastes to another sheet', () => {
    const { wb, sheet } = book();
    wb.spreadsheet.insertSheet('Other');
    sheet.getRange('A1:B1').setValues([[3, '=A1+1']]);
    expect(wb.copyPaste('Sheet1', 'A1:B1', "'Other'!C5")).toBe('Other!C5:D5');
    expect(wb.sheet('Other').getRange('C5:D5').getValues()).toEqual([[3, 4]]);
  });
});

describe('wb.copyPaste: formats, validations, notes', () => {
  it('a normal paste brings number formats, styles, validation and notes; blank cells clear them', () => {
    const { wb, sheet } = book();
    const rule = wb.app.newDataValidation().requireValueInList(['a', 'b']).build();
    sheet.getRange('A1').setValue(0.25).setNumberFormat('0%').setFontWeight('bold').setBackground('#ff0000');
    sheet.getRange('A1').setDataValidation(rule).setNote('why');
    sheet.getRange('C1').setNumberFormat('0.00').setNote('old');
    wb.copyPaste('Sheet1', 'A1:B1', 'C1');
    const c1 = sheet.getRange('C1');
    expect([
      c1.getValue(),
      c1.getDisplayValue(),
      c1.getFontWeight(),
      c1.getBackground(),
      c1.getNote(),
    ]).toEqual([0.25, '25%', 'bold', '#ff0000', 'why']);
    expect(c1.getDataValidation()?.getCriteriaValues()).toEqual([['a', 'b'], true]);
    // B1 was blank and plain: D1 is too
    expect(sheet.getRange('D1').getNumberFormat()).toBe('General');
  });

  it('values only (Ctrl+Shift+V) pastes what the cells show, as constants, and keeps the target’s formats', () => {
    const { wb, sheet } = book();
    sheet.getRange('A1:B1').setValues([[4, '=A1*2']]);
    sheet.getRange('A1').setFontWeight('bold');
    sheet.getRange('D1').setNumberFormat('0.00');
    wb.copyPaste('Sheet1', 'A1:B1', 'C1', { valuesOnly: true });
    expect(sheet.getRange('C1:D1').getValues()).toEqual([[4, 8]]);
    expect(sheet.getRange('D1').getFormula()).toBe('');
    expect(sheet.getRange('D1').getDisplayValue()).toBe('8.00');
    expect(sheet.getRange('C1').getFontWeight()).toBe('normal');
  });

  it('a date computed by a formula, pasted as a value, stays a date [UNVERIFIED]', () => {
    const { wb, sheet } = book();
    sheet.getRange('A1').setValue('2026-03-01');
    sheet.getRange('B1').setFormula('=A1+1');
    wb.copyPaste('Sheet1', 'B1', 'C1', { valuesOnly: true });
    expect(sheet.getRange('C1').getValue()).toEqual(new Date('2026-03-02T00:00:00Z'));
  });
});

describe('wb.copyPaste and array results [reference §audit "Spilled arrays and pasted values"]', () => {
  /** A header-row column formula as the templates write it: its text, then one result per row. */
  function table() {
    const { wb, sheet } = book();
    sheet.getRange('A1:B1').setValues([['Name', 'Value']]);
    sheet.getRange('A2:B4').setValues([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    sheet.getRange('C1').setFormula('={"Double"; ARRAYFORMULA(B2:B6*2)}');
    return { wb, sheet };
  }

  it('cells an array spilled into are pasted as their values, constants [OBS]', () => {
    const { wb, sheet } = table();
    expect(sheet.getRange('C1:C4').getValues()).toEqual([['Double'], [2], [4], [6]]);
    wb.copyPaste('Sheet1', 'C3', 'E1');
    expect(sheet.getRange('E1').getValue()).toBe(4);
    expect(sheet.getRange('E1').getFormula()).toBe('');
  });

  it('a copied row pasted inside the array’s reach blocks it: #REF! with Sheets’ note [DOC CF; EMU]', () => {
    const { wb, sheet } = table();
    wb.copyPaste('Sheet1', 'A3:C3', 'A5');
    expect(sheet.getRange('A5:C5').getValues()).toEqual([['b', 2, 4]]);
    expect(sheet.getRange('C1').getValue()).toBe('#REF!');
    expect(wb.errorMessage('Sheet1!C1')).toBe(
      'Array result was not expanded because it would overwrite data in C5.',
    );
    expect(sheet.getRange('C2').getValue()).toBe('');
    // clearing the pasted constant lets the array expand again
    sheet.getRange('C5').clearContent();
    expect(sheet.getRange('C1:C5').getValues()).toEqual([['Double'], [2], [4], [6], [4]]);
  });

  it('values only blocks it too', () => {
    const { wb, sheet } = table();
    wb.copyPaste('Sheet1', 'A2:C2', 'A6', { valuesOnly: true });
    expect(sheet.getRange('C1').getValue()).toBe('#REF!');
    expect(wb.errorMessage('Sheet1!C1')).toBe(
      'Array result was not expanded because it would overwrite data in C6.',
    );
  });

  it('the anchor copied with its result pastes the formula, which spills again [UNVERIFIED]', () => {
    const { wb, sheet } = table();
    wb.copyPaste('Sheet1', 'B1:C6', 'E1');
    expect(sheet.getRange('F1').getFormula()).toBe('={"Double"; ARRAYFORMULA(E2:E6*2)}');
    expect(sheet.getRange('F2:F6').getFormulas()).toEqual([[''], [''], [''], [''], ['']]);
    expect(sheet.getRange('F1:F4').getValues()).toEqual([['Double'], [2], [4], [6]]);
  });
});

describe('Range.copyTo from a script [DOC* RANGE#copyTo; UNVERIFIED: as the user’s paste]', () => {
  it('copies like a paste; contentsOnly, formatOnly and PASTE_VALUES pick parts; only the top-left counts', () => {
    const { wb, sheet } = book();
    const app = wb.loadBundle({
      path: scriptFile(`
        function copy() {
          var s = SpreadsheetApp.getActiveSheet();
          s.getRange('A1:B1').copyTo(s.getRange('A3:F9'));
          s.getRange('A1:B1').copyTo(s.getRange('A4'), { contentsOnly: true });
          s.getRange('A1:B1').copyTo(s.getRange('A5'), { formatOnly: true });
          s.getRange('A1:B1').copyTo(s.getRange('A6'), SpreadsheetApp.CopyPasteType.PASTE_VALUES, false);
        }`),
    });
    sheet.getRange('A1:B1').setValues([[0.5, '=A1*2']]);
    sheet.getRange('A1:B1').setNumberFormat('0%');
    app.call('copy');
    expect(sheet.getRange('A3:C6').getFormulas()).toEqual([
      ['', '=A3*2', ''],
      ['', '=A4*2', ''],
      ['', '', ''],
      ['', '', ''],
    ]);
    expect(sheet.getRange('A3:B6').getDisplayValues()).toEqual([
      ['50%', '100%'],
      ['0.5', '1'],
      ['', ''],
      ['0.5', '1'],
    ]);
    expect(sheet.getRange('A5').getNumberFormat()).toBe('0%');
    expect(sheet.getRange('C3').getValue()).toBe('');
    expect(wb.counter.get('Range.copyTo')).toBe(4);
  });
});

describe('onEdit after a paste', () => {
  it('runs with the pasted area as its range', () => {
    const { wb, sheet } = book();
    wb.loadBundle({
      path: scriptFile(
        'function onEdit(e) { e.source.getSheets()[0].getRange("Z1").setValue(e.range.getA1Notation()); }',
      ),
    });
    sheet.getRange('A1:B2').setValues([
      [1, 2],
      [3, 4],
    ]);
    wb.copyPaste('Sheet1', 'A1:B2', 'D4');
    expect(sheet.getRange('Z1').getValue()).toBe('D4:E5');
  });
});

describe('Range.copyTo with PASTE_COLUMN_WIDTHS [DOC CopyPasteType]', () => {
  it('gives the destination’s columns the source’s widths, on another sheet, and pastes nothing else', () => {
    const { wb, sheet } = book();
    const other = wb.spreadsheet.insertSheet('Other');
    sheet.setColumnWidths(1, 3, 50).setColumnWidth(2, 240);
    sheet.getRange('A1').setValue('kept here');
    other.setColumnWidth(4, 77);
    sheet.getRange('A1:C1').copyTo(other.getRange('B5'), 'PASTE_COLUMN_WIDTHS', false);
    expect([1, 2, 3, 4, 5].map((c) => other.getColumnWidth(c))).toEqual([100, 50, 240, 50, 100]);
    expect(other.getRange('B5').getValue()).toBe('');
    expect(other.getRange('B1').getValue()).toBe('');
  });
});
