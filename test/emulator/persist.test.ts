import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../emulator/index';
import { scriptFile, tmpFile } from './support';

describe('save and load', () => {
  it('round-trips everything a workbook holds', () => {
    const file = tmpFile('book.json');
    const wb = createWorkbook({ locale: 'fr_FR', timeZone: 'America/New_York', name: 'OKR', file });
    const ss = wb.spreadsheet;
    const main = ss.getSheets()[0]!;
    const log = ss.insertSheet('Check-ins');
    log.getRange('A1:B2').setValues([
      ['2026-01-05', 3],
      ['2026-01-12', 4],
    ]);
    log.setTabColor('#00ff00');
    main.getRange('A1:D1').setValues([["'=not a formula", 0.25, true, "=SUM('Check-ins'!B1:B)"]]);
    main.getRange('B1').setNumberFormat('0.0%').setFontWeight('bold').setBackground('#eeeeee').setNote('pct');
    main.getRange('E1').insertCheckboxes();
    main
      .getRange('F1')
      .setDataValidation(wb.app.newDataValidation().requireValueInList(['a', 'b'], false).build());
    main.getRange('B2:B').protect().setDescription('scores').setWarningOnly(true);
    main.setConditionalFormatRules([
      wb.app
        .newConditionalFormatRule()
        .whenNumberLessThan(0.4)
        .setBackground('red')
        .setRanges([main.getRange('B1:B')])
        .build(),
    ]);
    main.setFrozenRows(1);
    main.setColumnWidth(2, 150);
    main.hideColumns(7);
    main.addDeveloperMetadata('okrkpi.kind', 'quarter');
    ss.setNamedRange('Values', log.getRange('B1:B2'));
    main.getRange('A3').setFormula('=SUM(Values)');
    ss.setActiveSheet(main);

    expect(wb.save()).toBe(file);
    expect(existsSync(file)).toBe(true);
    const back = createWorkbook({ file });
    const s2 = back.spreadsheet;
    const m2 = s2.getSheetByName('Feuille 1')!;
    const l2 = s2.getSheetByName('Check-ins')!;
    expect([s2.getName(), s2.getId(), s2.getSpreadsheetLocale(), s2.getSpreadsheetTimeZone()]).toEqual([
      'OKR',
      ss.getId(),
      'fr_FR',
      'America/New_York',
    ]);
    expect(s2.getSheets().map((s) => [s.getName(), s.getSheetId()])).toEqual(
      ss.getSheets().map((s) => [s.getName(), s.getSheetId()]),
    );
    expect(s2.getActiveSheet().getName()).toBe('Feuille 1');
    expect(m2.getRange('A1:F1').getValues()).toEqual(main.getRange('A1:F1').getValues());
    expect(m2.getRange('A1:F1').getValues()).toEqual([['=not a formula', 0.25, true, 7, false, '']]);
    expect(m2.getRange('A1:D1').getFormulas()).toEqual([['', '', '', "=SUM('Check-ins'!B1:B)"]]);
    expect(m2.getRange('A3').getValue()).toBe(7);
    expect((l2.getRange('A1').getValue() as Date).toISOString()).toBe('2026-01-05T05:00:00.000Z');
    expect([m2.getRange('B1').getNumberFormat(), m2.getRange('B1').getFontWeight()]).toEqual([
      '0.0%',
      'bold',
    ]);
    expect([m2.getRange('B1').getBackground(), m2.getRange('B1').getNote()]).toEqual(['#eeeeee', 'pct']);
    expect(String(m2.getRange('E1').getDataValidation()!.getCriteriaType())).toBe('CHECKBOX');
    expect(m2.getRange('F1').getDataValidation()!.getCriteriaValues()).toEqual([['a', 'b'], false]);
    const [p] = m2.getProtections(back.app.ProtectionType.RANGE);
    expect([p!.getDescription(), p!.isWarningOnly(), p!.getRange().getA1Notation()]).toEqual([
      'scores',
      true,
      'B2:B1000',
    ]);
    const [rule] = m2.getConditionalFormatRules();
    expect(rule!.getBooleanCondition()!.getBackground()).toBe('#ff0000');
    expect([m2.getFrozenRows(), m2.getColumnWidth(2), m2.isColumnHiddenByUser(7)]).toEqual([1, 150, true]);
    expect(l2.getTabColor()).toBe('#00ff00');
    expect(m2.getDeveloperMetadata().map((d) => d.getValue())).toEqual(['quarter']);
    expect(s2.getRangeByName('Values')!.getSheet().getName()).toBe('Check-ins');
    // the file is JSON, small and readable
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(1);
  });

  it('saves the services state (document properties) with the workbook', () => {
    const file = tmpFile('props.json');
    const script = scriptFile(
      'function remember(v) { PropertiesService.getDocumentProperties().setProperty("quarter", v); }\n' +
        'function recall() { return PropertiesService.getDocumentProperties().getProperty("quarter"); }\n',
    );
    const wb = createWorkbook({ file });
    wb.loadBundle({ path: script }).call('remember', '2026-Q1');
    wb.save();
    const back = createWorkbook({ file });
    expect(back.loadBundle({ path: script }).call('recall')).toBe('2026-Q1');
  });

  it('opens a new workbook when the file does not exist yet, and saves there', () => {
    const file = tmpFile('new.json');
    const wb = createWorkbook({ file });
    wb.spreadsheet.getRange('A1').setValue(1);
    wb.save();
    expect(createWorkbook({ file }).spreadsheet.getRange('A1').getValue()).toBe(1);
    expect(() => createWorkbook().save()).toThrow('save() needs a file');
  });

  it('keeps blocked array results blocked, and open ranges open, after a load', () => {
    const file = tmpFile('spill.json');
    const wb = createWorkbook({ file });
    const sheet = wb.spreadsheet.getSheets()[0]!;
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1').setFormula('=ARRAYFORMULA(A1:A3*2)');
    sheet.getRange('C1').setFormula('=SUM(A2:A)');
    wb.save();
    const back = createWorkbook({ file }).spreadsheet.getSheets()[0]!;
    expect(back.getRange('B1:B3').getValues()).toEqual([[2], [4], [6]]);
    expect(back.getRange('B2').getFormula()).toBe('');
    expect(back.getRange('C1').getFormula()).toBe('=SUM(A2:A)');
    back.insertRowsAfter(1000, 1);
    back.getRange('A1001').setValue(10);
    expect(back.getRange('C1').getValue()).toBe(15);
  });

  it('replaces the file whole (a temporary file renamed over it), keeping the previous one when asked', () => {
    const file = tmpFile('atomic.json');
    const wb = createWorkbook({ file });
    wb.spreadsheet.getRange('A1').setValue('first');
    wb.save();
    const first = readFileSync(file, 'utf8');
    const inode = statSync(file).ino;
    wb.spreadsheet.getRange('A1').setValue('second');
    wb.save();
    expect(statSync(file).ino).not.toBe(inode); // a new file, not the old one rewritten in place
    expect(readdirSync(dirname(file))).toEqual(['atomic.json']); // no backup unless asked, no temp left
    const second = readFileSync(file, 'utf8');
    wb.spreadsheet.getRange('A1').setValue('third');
    wb.save(undefined, { backup: true });
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(second);
    expect(
      createWorkbook({ file: `${file}.bak` })
        .spreadsheet.getRange('A1')
        .getValue(),
    ).toBe('second');
    expect(createWorkbook({ file }).spreadsheet.getRange('A1').getValue()).toBe('third');
    expect(first).not.toBe(second);
  });

  it('a save that cannot be completed leaves the previous file as it was', () => {
    const file = tmpFile('kept.json');
    const wb = createWorkbook({ file });
    wb.spreadsheet.getRange('A1').setValue('kept');
    wb.save();
    const before = readFileSync(file, 'utf8');
    mkdirSync(`${file}.tmp`); // the temporary file cannot be written
    wb.spreadsheet.getRange('A1').setValue('lost');
    expect(() => wb.save()).toThrow(/EISDIR/);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(createWorkbook({ file }).spreadsheet.getRange('A1').getValue()).toBe('kept');
  });
});
