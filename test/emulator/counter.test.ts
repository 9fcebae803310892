import { describe, expect, it } from 'vitest';
import { CallCounter, createWorkbook } from '../../emulator/index';
import { scriptFile } from './support';

describe('call counts', () => {
  it('counts each service call once, by "Class.method", inside the vm as outside', () => {
    const wb = createWorkbook();
    const app = wb.loadBundle({
      path: scriptFile(`
        function batch() {
          var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1');
          var range = sheet.getRange(1, 1, 2, 2);
          range.setValues([[1, 2], [3, 4]]);
          return range.getValues();
        }
        function perCell() {
          var sheet = SpreadsheetApp.getActiveSheet();
          for (var r = 1; r <= 2; r++) for (var c = 1; c <= 2; c++) sheet.getRange(r, c).setValue(r * c);
        }`),
    });
    app.call('batch');
    expect(wb.counter.snapshot()).toEqual({
      'Range.getValues': 1,
      'Range.setValues': 1,
      'Sheet.getRange': 1,
      'Spreadsheet.getSheetByName': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
    });
    wb.counter.reset();
    app.call('perCell');
    expect(wb.counter.snapshot()).toEqual({
      'Range.setValue': 4,
      'Sheet.getRange': 4,
      'SpreadsheetApp.getActiveSheet': 1,
    });
    expect(wb.counter.total('Range.')).toBe(4);
  });

  it('counts the cells each read call hands back, and reset clears them', () => {
    const wb = createWorkbook();
    const sheet = wb.spreadsheet.getSheets()[0]!;
    sheet.getRange(1, 1, 3, 4).setValues(Array.from({ length: 3 }, () => [1, 2, 3, 4]));
    expect(wb.counter.cellsRead()).toBe(0); // writes read nothing
    sheet.getRange(1, 1, 3, 4).getValues();
    sheet.getRange(2, 2, 2, 2).getFormulas();
    sheet.getRange('A1').getValue();
    sheet.getRange(1, 1, 1, 4).getNumberFormats();
    sheet.getSheetValues(1, 1, -1, -1);
    expect(wb.counter.cellsRead()).toBe(12 + 4 + 1 + 4 + 12);
    wb.counter.reset();
    expect(wb.counter.cellsRead()).toBe(0);
  });

  it('counts builder and protection calls too, and shares a given counter', () => {
    const counter = new CallCounter();
    const wb = createWorkbook({ counter });
    wb.app.newDataValidation().requireCheckbox().build();
    wb.spreadsheet.getSheets()[0]!.protect().setWarningOnly(true);
    expect(counter.snapshot()).toEqual({
      'DataValidationBuilder.build': 1,
      'DataValidationBuilder.requireCheckbox': 1,
      'Protection.setWarningOnly': 1,
      'Sheet.protect': 1,
      'Spreadsheet.getSheets': 1,
      'SpreadsheetApp.newDataValidation': 1,
    });
  });

  it('does not count what the playground and tests read through the workbook (view, edit)', () => {
    const wb = createWorkbook();
    wb.edit('Sheet1', 'A1', '1');
    wb.view();
    wb.errorMessage('Sheet1!A1');
    expect(wb.counter.total()).toBe(0);
  });
});
