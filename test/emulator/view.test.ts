import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../emulator/index';
import { PROTECTION_WARNING } from '../../emulator/view';

describe('wb.view: the sheet as the playground draws it', () => {
  it('gives display values, formats, layout and the tabs', () => {
    const wb = createWorkbook();
    const ss = wb.spreadsheet;
    const sheet = ss.getSheets()[0]!;
    sheet.getRange('A1:B1').setValues([['Score', 0.5]]);
    sheet.getRange('A1').setFontWeight('bold').setNote('header');
    sheet.getRange('B1').setNumberFormat('0%');
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(1, 200);
    sheet.hideColumns(3);
    ss.insertSheet('KPIs').setTabColor('#ff0000');
    const view = wb.view('Sheet1', { rows: 2, cols: 3 });
    expect(view.sheets).toEqual([
      { name: 'Sheet1', index: 1, sheetId: 0, tabColor: null, hidden: false, active: false },
      {
        name: 'KPIs',
        index: 2,
        sheetId: expect.any(Number),
        tabColor: '#ff0000',
        hidden: false,
        active: true,
      },
    ]);
    expect([view.frozenRows, view.columnWidths, view.hiddenColumns]).toEqual([1, [200, 100, 100], [3]]);
    expect([view.lastRow, view.lastColumn, view.maxRows, view.maxColumns]).toEqual([1, 2, 1000, 26]);
    expect(view.cells[0]![0]).toMatchObject({ value: 'Score', display: 'Score', bold: true, note: 'header' });
    expect(view.cells[0]![1]).toMatchObject({ value: 0.5, display: '50%', numberFormat: '0%', bold: false });
    expect(view.cells[1]![0]).toMatchObject({ value: '', display: '', background: '#ffffff', formula: '' });
  });

  it('marks checkboxes, dropdowns, protections and error notes', () => {
    const wb = createWorkbook();
    const sheet = wb.spreadsheet.getSheets()[0]!;
    sheet.getRange('A1').insertCheckboxes().check();
    sheet
      .getRange('B1')
      .setDataValidation(wb.app.newDataValidation().requireValueInList(['increase', 'decrease']).build());
    sheet.getRange('C1').setFormula('=1/0');
    sheet.getRange('D1').protect().setWarningOnly(true);
    const [a, b, c, d] = wb.view('Sheet1', { rows: 1, cols: 4 }).cells[0]!;
    expect(a!.checkbox).toBe(true);
    expect(b!.options).toEqual(['increase', 'decrease']);
    expect([c!.display, c!.formula, c!.error]).toEqual(['#DIV/0!', '=1/0', expect.any(String)]);
    expect(d!.protection).toBe('warning');
  });
});

describe('wb.edit: a user typing', () => {
  it('applies text as USER_ENTERED and recomputes formulas', () => {
    const wb = createWorkbook();
    const sheet = wb.spreadsheet.getSheets()[0]!;
    sheet.getRange('B1').setFormula('=A1*2');
    expect(wb.edit('Sheet1', 'A1', '21')).toEqual({ status: 'applied' });
    expect(sheet.getRange('B1').getValue()).toBe(42);
    wb.edit('Sheet1', 'A2', '15%');
    expect(sheet.getRange('A2').getValue()).toBe(0.15);
  });

  it('takes a formula typed the French way in a fr_FR spreadsheet', () => {
    const wb = createWorkbook({ locale: 'fr_FR' });
    wb.edit('Feuille 1', 'A1', '=SUM(1,5;2)');
    expect(wb.spreadsheet.getRange('A1').getValue()).toBe(3.5);
    expect(wb.spreadsheet.getRange('A1').getFormula()).toBe('=SUM(1.5,2)');
  });

  it('rejects invalid input when the rule does not allow it, with the help text [UNVERIFIED message]', () => {
    const wb = createWorkbook();
    const sheet = wb.spreadsheet.getSheets()[0]!;
    sheet
      .getRange('A1')
      .setDataValidation(
        wb.app
          .newDataValidation()
          .requireNumberBetween(0, 1)
          .setAllowInvalid(false)
          .setHelpText('0 to 1')
          .build(),
      );
    expect(wb.edit('Sheet1', 'A1', '2')).toEqual({ status: 'rejected', message: '0 to 1' });
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(wb.edit('Sheet1', 'A1', '0.5')).toEqual({ status: 'applied' });
    sheet.getRange('B1').setDataValidation(wb.app.newDataValidation().requireValueInList(['a', 'b']).build());
    expect(wb.edit('Sheet1', 'B1', 'c')).toEqual({
      status: 'applied',
      invalid: 'Input must be an item on the specified list.',
    });
    expect(wb.view('Sheet1', { rows: 1, cols: 2 }).cells[0]![1]!.invalid).toBe(true);
  });

  it('asks before editing a warning-only protected range', () => {
    const wb = createWorkbook();
    const sheet = wb.spreadsheet.getSheets()[0]!;
    sheet.getRange('A1:A5').protect().setWarningOnly(true);
    expect(wb.edit('Sheet1', 'A2', 'x')).toEqual({
      status: 'needs-confirmation',
      message: PROTECTION_WARNING,
    });
    expect(sheet.getRange('A2').getValue()).toBe('');
    expect(wb.edit('Sheet1', 'A2', 'x', { confirm: true })).toEqual({ status: 'applied' });
    expect(sheet.getRange('A2').getValue()).toBe('x');
    expect(wb.edit('Sheet1', 'B2', 'y').status).toBe('applied');
  });

  it('toggles checkboxes', () => {
    const wb = createWorkbook();
    const sheet = wb.spreadsheet.getSheets()[0]!;
    sheet.getRange('A1').insertCheckboxes();
    wb.toggle('Sheet1', 'A1');
    expect(sheet.getRange('A1').getValue()).toBe(true);
    wb.toggle('Sheet1', 'A1');
    expect(sheet.getRange('A1').getValue()).toBe(false);
    expect(wb.toggle('Sheet1', 'B1')).toEqual({ status: 'rejected', message: 'This cell has no checkbox.' });
  });
});
