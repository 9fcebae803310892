import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../emulator/index';
import { ensureBuilt } from './support';

describe('arrays through functions, as Sheets passes them', () => {
  it('IFERROR(FILTER(…), "") spills the whole filtered column (HyperFormula needs array arithmetic for it)', () => {
    const sheet = createWorkbook().spreadsheet.getSheets()[0]!;
    sheet.getRange('A1:A5').setValues([['O1'], [''], ['O2'], [''], ['O3']]);
    sheet.getRange('B1').setFormula('=IFERROR(FILTER(A1:A5, A1:A5<>""), "")');
    sheet.getRange('C1').setFormula('=IFERROR(FILTER(A1:A5, A1:A5="none"), "")');
    expect(sheet.getRange('B1:B3').getValues()).toEqual([['O1'], ['O2'], ['O3']]);
    expect(sheet.getRange('C1').getValue()).toBe('');
  });

  it('dates keep their type through FILTER: a custom function gets Date objects', () => {
    ensureBuilt();
    const wb = createWorkbook({ timeZone: 'UTC' });
    wb.loadBundle();
    const sheet = wb.spreadsheet.getSheets()[0]!;
    sheet.getRange('A1:B2').setValues([
      ['2026-02-15', 'x'],
      ['2026-03-01', 'y'],
    ]);
    // QUARTER_PROGRESS refuses a bare number: it only computes if FILTER hands it a Date
    sheet.getRange('C1').setFormula('=QUARTER_PROGRESS(FILTER(A1:A2, B1:B2<>""))');
    expect(sheet.getRange('C1:C2').getValues()).toEqual(
      [[0.5], [59 / 90]].map(([x]) => [Math.round(x! * 1e12) / 1e12]),
    );
  });
});
