import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../emulator/index';
import { scriptFile } from './support';

describe('SpreadsheetApp', () => {
  it('gives the bound spreadsheet, its active sheet and a selection', () => {
    const wb = createWorkbook();
    const { app } = wb;
    expect(app.getActiveSpreadsheet()).toBe(wb.spreadsheet);
    expect(app.getActive()).toBe(wb.spreadsheet);
    wb.spreadsheet.insertSheet('Two');
    expect(app.getActiveSheet().getName()).toBe('Two');
    expect(app.getActiveRange().getA1Notation()).toBe('A1');
    app.flush();
    expect(wb.counter.get('SpreadsheetApp.flush')).toBe(1);
  });

  it('has the enums, whose values print as their names', () => {
    const { app } = createWorkbook();
    expect(String(app.ProtectionType.SHEET)).toBe('SHEET');
    expect(String(app.DataValidationCriteria.CHECKBOX)).toBe('CHECKBOX');
    expect(String(app.BooleanCriteria.TEXT_STARTS_WITH)).toBe('TEXT_STARTS_WITH');
    expect(String(app.DeveloperMetadataVisibility.PROJECT)).toBe('PROJECT');
    expect(Object.keys(app.ProtectionType)).toEqual(['RANGE', 'SHEET']);
  });

  it('refuses getUi where there is no Ui (no bundle loaded: no open document) [OBS/EMU]', () => {
    expect(() => createWorkbook().app.getUi()).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
  });

  it('gives the services’ Ui once a bundle is loaded', () => {
    const wb = createWorkbook();
    const bundle = wb.loadBundle({ path: scriptFile('') });
    expect(wb.app.getUi()).toBe(bundle.services.ui);
  });
});
