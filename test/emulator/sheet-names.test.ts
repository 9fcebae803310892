/**
 * Sheet names: unique ignoring case (Sheets refuses "Check-ins" next to "check-ins"), while
 * getSheetByName matches exactly. Both were modelled before; these tests pin them.
 */
import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../emulator/index';

describe('sheet names', () => {
  it('are unique ignoring case: insertSheet and setName refuse another case of a taken name [OBS reference §audit; EMU message]', () => {
    const ss = createWorkbook().spreadsheet;
    ss.insertSheet('check-ins');
    let err: unknown;
    try {
      ss.insertSheet('Check-ins');
    } catch (e) {
      err = e;
    }
    expect(String(err)).toBe(
      'Exception: A sheet with the name "Check-ins" already exists. Please enter another name.',
    );
    expect(() => ss.getSheets()[0]!.setName('CHECK-INS')).toThrow(
      'A sheet with the name "CHECK-INS" already exists. Please enter another name.',
    );
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'check-ins']);
  });

  it('a sheet may change the case of its own name', () => {
    const ss = createWorkbook().spreadsheet;
    const log = ss.insertSheet('check-ins');
    log.setName('Check-ins');
    expect(log.getName()).toBe('Check-ins');
  });

  it('getSheetByName matches the exact name, case included [OBS: public scripts’ comments say so; one says otherwise — UNVERIFIED]', () => {
    const ss = createWorkbook().spreadsheet;
    const log = ss.insertSheet('Check-ins');
    expect(ss.getSheetByName('Check-ins')).toBe(log);
    expect(ss.getSheetByName('check-ins')).toBeNull();
    expect(ss.getSheetByName('CHECK-INS')).toBeNull();
  });

  it('formulas name sheets ignoring case, as Sheets reads them', () => {
    const ss = createWorkbook().spreadsheet;
    ss.insertSheet('Check-ins').getRange('A1').setValue(7);
    const main = ss.getSheets()[0]!;
    main.getRange('A1').setFormula("='check-ins'!A1*2");
    expect(main.getRange('A1').getValue()).toBe(14);
  });
});
