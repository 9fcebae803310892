import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../emulator/index';

const setup = () => {
  const wb = createWorkbook();
  return { wb, app: wb.app, ss: wb.spreadsheet, sheet: wb.spreadsheet.getSheets()[0]! };
};

describe('Range: where it is', () => {
  it('knows its position and size', () => {
    const { sheet } = setup();
    const r = sheet.getRange(2, 3, 4, 5);
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()]).toEqual([2, 3, 4, 5]);
    expect([r.getLastRow(), r.getLastColumn(), r.getHeight(), r.getWidth()]).toEqual([5, 7, 4, 5]);
    expect(r.getA1Notation()).toBe('C2:G5');
    expect(r.getSheet()).toBe(sheet);
    expect(r.getCell(2, 2).getA1Notation()).toBe('D3');
    expect(r.getGridId()).toBe(0);
  });

  it('stays on its cells when rows are inserted above (a Range is coordinates)', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A2');
    sheet.insertRowsBefore(1, 1);
    expect(r.getA1Notation()).toBe('A2');
  });

  it('isBlank is true only with no content', () => {
    const { sheet } = setup();
    expect(sheet.getRange('A1:B2').isBlank()).toBe(true);
    sheet.getRange('B2').setFormula('=""');
    expect(sheet.getRange('A1:B2').isBlank()).toBe(false);
  });
});

describe('Range: formats', () => {
  it('number formats: General by default [UNVERIFIED]', () => {
    const { sheet } = setup();
    expect(sheet.getRange('A1').getNumberFormat()).toBe('General');
    sheet.getRange('A1:A2').setNumberFormat('0.0%');
    sheet.getRange('B1:B2').setNumberFormats([['yyyy-mm-dd'], ['#,##0']]);
    expect(sheet.getRange('A1:B2').getNumberFormats()).toEqual([
      ['0.0%', 'yyyy-mm-dd'],
      ['0.0%', '#,##0'],
    ]);
  });

  it('font weight, colours, alignment and wrap', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:B1');
    expect([r.getFontWeight(), r.getFontColor(), r.getBackground(), r.getWrap()]).toEqual([
      'normal',
      '#000000',
      '#ffffff',
      false,
    ]);
    r.setFontWeight('bold')
      .setFontColor('#B00')
      .setBackground('yellow')
      .setHorizontalAlignment('center')
      .setWrap(true);
    expect([
      r.getFontWeight(),
      r.getFontColor(),
      r.getBackground(),
      r.getHorizontalAlignment(),
      r.getWrap(),
    ]).toEqual(['bold', '#bb0000', '#ffff00', 'center', true]);
    r.setFontWeights([['normal', null]]);
    expect(r.getFontWeights()).toEqual([['normal', 'normal']]);
    r.setBackgrounds([['#ABCDEF', null]]);
    expect(r.getBackgrounds()).toEqual([['#abcdef', '#ffffff']]);
  });

  it('keeps a colour it does not understand, as Apps Script does not reject it [ODD]', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setBackground('foo');
    expect(sheet.getRange('A1').getBackground()).toBe('foo');
  });

  it('clear, clearContent and clearFormat', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1');
    r.setValue(5).setNumberFormat('0.00').setNote('n');
    r.clearFormat();
    expect([r.getValue(), r.getNumberFormat(), r.getNote()]).toEqual([5, 'General', 'n']);
    r.setNumberFormat('0.00');
    r.clearContent();
    expect([r.getValue(), r.getNumberFormat()]).toEqual(['', '0.00']);
    r.setValue(1);
    r.clear();
    expect([r.getValue(), r.getNumberFormat()]).toEqual(['', 'General']);
    r.setValue(1).setBackground('red');
    r.clear({ contentsOnly: true });
    expect([r.getValue(), r.getBackground()]).toEqual(['', '#ff0000']);
  });
});

describe('Range: notes', () => {
  it('sets and reads notes', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setNote('Hello');
    sheet.getRange('A2:B2').setNotes([['x', null]]);
    expect(sheet.getRange('A1:B2').getNotes()).toEqual([
      ['Hello', ''],
      ['x', ''],
    ]);
    sheet.getRange('A1').clearNote();
    expect(sheet.getRange('A1').getNote()).toBe('');
  });

  it('writes a number note as "25" with setNote but "25.0" with setNotes [ODD, issuetracker 429373214]', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setNote(25 as unknown as string);
    sheet.getRange('A2').setNotes([[25]]);
    expect(sheet.getRange('A1:A2').getNotes()).toEqual([['25'], ['25.0']]);
  });
});

describe('Range: data validation', () => {
  it('builds rules with their criteria, values, help text and allowInvalid (true by default)', () => {
    const { app, sheet } = setup();
    const list = app.newDataValidation().requireValueInList(['increase', 'decrease'], true).build();
    expect(String(list.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(list.getCriteriaValues()).toEqual([['increase', 'decrease'], true]);
    expect(list.getAllowInvalid()).toBe(true);
    const between = app
      .newDataValidation()
      .requireNumberBetween(0, 1)
      .setAllowInvalid(false)
      .setHelpText('0 to 1')
      .build();
    expect([String(between.getCriteriaType()), between.getCriteriaValues()]).toEqual([
      'NUMBER_BETWEEN',
      [0, 1],
    ]);
    expect([between.getAllowInvalid(), between.getHelpText()]).toEqual([false, '0 to 1']);
    const box = app.newDataValidation().requireCheckbox().build();
    expect([String(box.getCriteriaType()), box.getCriteriaValues()]).toEqual(['CHECKBOX', []]);
    sheet.getRange('A1:A2').setDataValidation(between);
    expect(sheet.getRange('A2').getDataValidation()!.getHelpText()).toBe('0 to 1');
    expect(sheet.getRange('B1').getDataValidation()).toBeNull();
    expect(
      sheet
        .getRange('A1:B1')
        .getDataValidations()
        .map((r) => r.map((v) => v && String(v.getCriteriaType()))),
    ).toEqual([['NUMBER_BETWEEN', null]]);
    sheet.getRange('A1').clearDataValidations();
    expect(sheet.getRange('A1').getDataValidation()).toBeNull();
  });

  it('keeps a range rule as a range', () => {
    const { app, ss, sheet } = setup();
    ss.insertSheet('Lists')
      .getRange('A1:A3')
      .setValues([['a'], ['b'], ['c']]);
    const rule = app.newDataValidation().requireValueInRange(ss.getRange('Lists!A1:A3')).build();
    sheet.getRange('B1').setDataValidation(rule);
    const [range, dropdown] = sheet.getRange('B1').getDataValidation()!.getCriteriaValues() as [
      { getA1Notation(): string; getSheet(): { getName(): string } },
      boolean,
    ];
    expect([range.getSheet().getName(), range.getA1Notation(), dropdown]).toEqual(['Lists', 'A1:A3', true]);
  });

  it('type-checks require* arguments, but not withCriteria [ODD]', () => {
    const { app } = setup();
    const b = app.newDataValidation() as unknown as { requireNumberBetween(...a: unknown[]): unknown };
    expect(() => b.requireNumberBetween('0', 1)).toThrow(
      "The parameters (String,number) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireNumberBetween.",
    );
    const loose = app
      .newDataValidation()
      .withCriteria(app.DataValidationCriteria.NUMBER_BETWEEN, ['0', 'x'])
      .build();
    expect(loose.getCriteriaValues()).toEqual(['0', 'x']);
  });

  it('insertCheckboxes sets every cell unchecked; custom values too [DOC*]', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A2').setValues([['x'], ['']]);
    sheet.getRange('A1:A2').insertCheckboxes();
    expect(sheet.getRange('A1:A2').getValues()).toEqual([[false], [false]]);
    sheet.getRange('B1').insertCheckboxes('yes', 'no');
    expect(sheet.getRange('B1').getValue()).toBe('no');
    sheet.getRange('B1').check();
    expect(sheet.getRange('B1').getValue()).toBe('yes');
    expect(sheet.getRange('B1').getDataValidation()!.getCriteriaValues()).toEqual(['yes', 'no']);
    sheet.getRange('A1:B1').removeCheckboxes();
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['', '']]);
    expect(sheet.getRange('A1').getDataValidation()).toBeNull();
  });
});

describe('Protection', () => {
  it('Range.protect always makes a new protection; warning-only and description read back [DOC*]', () => {
    const { app, ss, sheet } = setup();
    const p1 = sheet.getRange('C2:C').protect().setDescription('Formulas').setWarningOnly(true);
    const p2 = sheet.getRange('C2:C').protect();
    expect(p1).not.toBe(p2);
    expect([p1.isWarningOnly(), p1.getDescription(), p2.isWarningOnly(), p2.getDescription()]).toEqual([
      true,
      'Formulas',
      false,
      '',
    ]);
    expect(p1.getRange().getA1Notation()).toBe('C2:C1000');
    expect(String(p1.getProtectionType())).toBe('RANGE');
    expect(ss.getProtections(app.ProtectionType.RANGE)).toHaveLength(2);
    p2.remove();
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(1);
  });

  it('Sheet.protect returns the existing sheet protection [DOC*]', () => {
    const { wb, sheet } = setup();
    const a = sheet.protect().setWarningOnly(true);
    const b = sheet.protect();
    expect(b.isWarningOnly()).toBe(true);
    expect(String(a.getProtectionType())).toBe('SHEET');
    expect(sheet.getProtections(wb.app.ProtectionType.SHEET)).toHaveLength(1);
    expect(b.getRange().getA1Notation()).toBe('A1:Z1000');
  });

  it('the owner can edit and is not listed as an editor [DOC*; ODD]', () => {
    const { sheet } = setup();
    const p = sheet.getRange('A1').protect();
    expect([p.canEdit(), p.getEditors()]).toEqual([true, []]);
    // Apps Script writes are not stopped (the script runs as the owner).
    sheet.getRange('A1').setValue(1);
    expect(sheet.getRange('A1').getValue()).toBe(1);
  });

  it('moves with inserted rows', () => {
    const { sheet } = setup();
    const p = sheet.getRange('A2:A3').protect();
    sheet.insertRowsBefore(1, 2);
    expect(p.getRange().getA1Notation()).toBe('A4:A5');
  });
});
