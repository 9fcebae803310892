import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../emulator/index';

describe('Spreadsheet', () => {
  it('starts with one empty 1000×26 sheet named Sheet1, id 0', () => {
    const ss = createWorkbook().spreadsheet;
    const [sheet] = ss.getSheets();
    expect(ss.getNumSheets()).toBe(1);
    expect(sheet!.getName()).toBe('Sheet1');
    expect(sheet!.getSheetId()).toBe(0);
    expect([sheet!.getMaxRows(), sheet!.getMaxColumns()]).toEqual([1000, 26]);
    expect([sheet!.getLastRow(), sheet!.getLastColumn()]).toEqual([0, 0]);
  });

  it('names the first sheet Feuille 1 in French [UNVERIFIED]', () => {
    const ss = createWorkbook({ locale: 'fr_FR' }).spreadsheet;
    expect(ss.getSheets()[0]!.getName()).toBe('Feuille 1');
    expect(ss.insertSheet().getName()).toBe('Feuille 2');
  });

  it('getSheetByName is exact and case-sensitive, null when missing [UNVERIFIED case]', () => {
    const ss = createWorkbook().spreadsheet;
    ss.insertSheet('OKRs Q1');
    expect(ss.getSheetByName('OKRs Q1')!.getName()).toBe('OKRs Q1');
    expect(ss.getSheetByName('okrs q1')).toBeNull();
    expect(ss.getSheetByName('Nope')).toBeNull();
    expect(ss.getSheetByName('OKRs Q1')).toBe(ss.getSheetByName('OKRs Q1')); // one object per sheet
  });

  it('getSheetById finds a sheet by its id, whatever its name or place, null once deleted [DOC SS#getSheetById]', () => {
    const wb = createWorkbook();
    const ss = wb.spreadsheet;
    const b = ss.insertSheet('B');
    ss.insertSheet('A', 0);
    const id = b.getSheetId();
    b.setName('Renamed');
    wb.counter.reset();
    expect(ss.getSheetById(id)!.getName()).toBe('Renamed');
    expect(ss.getSheetById(id)).toBe(b); // the same object as every other look-up
    expect(ss.getSheetById(0)!.getName()).toBe('Sheet1');
    expect(wb.counter.get('Spreadsheet.getSheetById')).toBe(3);
    ss.deleteSheet(b);
    expect(ss.getSheetById(id)).toBeNull();
    expect(ss.getSheetById(12345)).toBeNull();
  });

  it('insertSheet makes the new sheet active, at a 0-based index [DOC* SS#insertSheet]', () => {
    const ss = createWorkbook().spreadsheet;
    const b = ss.insertSheet('B');
    expect(ss.getActiveSheet().getName()).toBe('B');
    ss.insertSheet('A', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['A', 'Sheet1', 'B']);
    expect(b.getIndex()).toBe(3);
    expect(ss.insertSheet().getName()).toBe('Sheet4');
    expect(b.getSheetId()).toBeGreaterThan(100_000_000);
  });

  it('refuses a duplicate sheet name with the Sheets message [EMU/OBS, quote style PARTLY VERIFIED]', () => {
    const ss = createWorkbook().spreadsheet;
    ss.insertSheet('Check-ins');
    let err: unknown;
    try {
      ss.insertSheet('Check-ins');
    } catch (e) {
      err = e;
    }
    expect(String(err)).toBe(
      'Exception: A sheet with the name "Check-ins" already exists. Please enter another name.',
    );
    expect(() => ss.insertSheet('check-ins')).toThrow('already exists'); // names are unique ignoring case
    expect(() => ss.getSheets()[0]!.setName('Check-ins')).toThrow(
      'A sheet with the name "Check-ins" already exists. Please enter another name.',
    );
  });

  it("can't delete the last sheet [OBS/EMU]", () => {
    const ss = createWorkbook().spreadsheet;
    const extra = ss.insertSheet('Extra');
    ss.deleteSheet(extra);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    expect(() => ss.deleteSheet(ss.getSheets()[0]!)).toThrow(
      "You can't remove all the sheets in a document.",
    );
  });

  it('has a name, an id, a url, a locale and a time zone', () => {
    const wb = createWorkbook({ locale: 'fr_FR', timeZone: 'America/New_York', name: 'OKR 2026' });
    const ss = wb.spreadsheet;
    expect(ss.getName()).toBe('OKR 2026');
    ss.rename('OKR 2027');
    expect(ss.getName()).toBe('OKR 2027');
    expect(ss.getId()).toMatch(/^[\w-]{44}$/);
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
    expect(ss.getSpreadsheetLocale()).toBe('fr_FR');
    expect(ss.getSpreadsheetTimeZone()).toBe('America/New_York');
    ss.setSpreadsheetLocale('en_US');
    ss.setSpreadsheetTimeZone('Europe/Paris');
    expect([ss.getSpreadsheetLocale(), ss.getSpreadsheetTimeZone()]).toEqual(['en_US', 'Europe/Paris']);
  });

  it('defaults to en_US and Europe/Paris', () => {
    const ss = createWorkbook().spreadsheet;
    expect([ss.getSpreadsheetLocale(), ss.getSpreadsheetTimeZone()]).toEqual(['en_US', 'Europe/Paris']);
  });

  it('records toasts for tests and the playground', () => {
    const wb = createWorkbook();
    wb.spreadsheet.toast('Saved', 'OKR', 3);
    expect(wb.toasts).toEqual([{ message: 'Saved', title: 'OKR', timeoutSeconds: 3 }]);
  });

  it('keeps developer metadata on the spreadsheet and on sheets, found by key', () => {
    const ss = createWorkbook().spreadsheet;
    const q = ss.insertSheet('Q1 2026');
    q.addDeveloperMetadata('okrkpi.kind', 'quarter');
    ss.addDeveloperMetadata('okrkpi.version', '1');
    expect(q.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue()])).toEqual([
      ['okrkpi.kind', 'quarter'],
    ]);
    expect(ss.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['okrkpi.version']);
    q.setName('Renamed');
    const found = ss.createDeveloperMetadataFinder().withKey('okrkpi.kind').find();
    expect(found).toHaveLength(1);
    expect(found[0]!.getLocation().getSheet()!.getName()).toBe('Renamed');
    expect(String(found[0]!.getLocation().getLocationType())).toBe('SHEET');
    expect(String(found[0]!.getVisibility())).toBe('DOCUMENT');
    found[0]!.setValue('kpi');
    expect(q.getDeveloperMetadata()[0]!.getValue()).toBe('kpi');
    found[0]!.remove();
    expect(q.createDeveloperMetadataFinder().find()).toEqual([]);
  });
});

describe('Sheet', () => {
  const fresh = () => createWorkbook().spreadsheet.getSheets()[0]!;

  it('knows its last row and column with content, and its data range', () => {
    const sheet = fresh();
    expect(sheet.getDataRange().getA1Notation()).toBe('A1'); // empty sheet [UNVERIFIED]
    sheet.getRange('C5').setValue('x');
    sheet.getRange('B2').setBackground('red'); // formatting alone is not content [UNVERIFIED]
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C5');
    sheet.getRange('C5').clearContent();
    expect(sheet.getLastRow()).toBe(0);
  });

  it('appends rows after the last row with content', () => {
    const sheet = fresh();
    sheet.getRange('A1:B1').setValues([['Date', 'Value']]);
    sheet.appendRow(['2026-01-05', '=1+1']);
    sheet.appendRow(["'007", 3]);
    expect(sheet.getRange('A2:B3').getValues()).toEqual([
      [expect.any(Date), 2],
      ['007', 3],
    ]);
    expect(sheet.getRange('B2').getFormula()).toBe('=1+1');
  });

  it('inserts and deletes rows and columns, checking bounds [EMU messages]', () => {
    const sheet = fresh();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([[1], [''], [''], [2], [3]]);
    expect(sheet.getMaxRows()).toBe(1002);
    sheet.insertRowBefore(1);
    expect(sheet.getRange('A2').getValue()).toBe(1);
    sheet.deleteRow(1);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([[1], [2], [3]]);
    expect(sheet.getMaxRows()).toBe(1000);
    sheet.insertColumnsAfter(26, 4);
    expect(sheet.getMaxColumns()).toBe(30);
    sheet.deleteColumns(27, 4);
    expect(sheet.getMaxColumns()).toBe(26);
    expect(() => sheet.deleteRows(999, 5)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.insertRowsAfter(0, 1)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.deleteColumns(27, 1)).toThrow('Those columns are out of bounds.');
  });

  it('gives inserted rows the formats of the row above [UNVERIFIED for Apps Script]', () => {
    const sheet = fresh();
    sheet.getRange('A2:B2').setNumberFormat('0.0%').setBackground('#eeeeee');
    sheet.insertRowsAfter(2, 1);
    expect(sheet.getRange('A3:B3').getNumberFormats()).toEqual([['0.0%', '0.0%']]);
    expect(sheet.getRange('A3').getBackground()).toBe('#eeeeee');
  });

  it('freezes rows and columns', () => {
    const sheet = fresh();
    expect(sheet.getFrozenRows()).toBe(0);
    sheet.setFrozenRows(1);
    sheet.setFrozenColumns(2);
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([1, 2]);
    sheet.setFrozenRows(0);
    expect(sheet.getFrozenRows()).toBe(0);
  });

  it('sets column widths (100 px by default) and hides columns', () => {
    const sheet = fresh();
    expect(sheet.getColumnWidth(1)).toBe(100);
    sheet.setColumnWidth(1, 240).setColumnWidths(2, 3, 80);
    expect([1, 2, 4, 5].map((c) => sheet.getColumnWidth(c))).toEqual([240, 80, 80, 100]);
    sheet.hideColumns(3, 2);
    expect([2, 3, 4, 5].map((c) => sheet.isColumnHiddenByUser(c))).toEqual([false, true, true, false]);
    sheet.showColumns(3);
    expect(sheet.isColumnHiddenByUser(3)).toBe(false);
    sheet.insertColumnsBefore(1, 1);
    expect(sheet.getColumnWidth(2)).toBe(240);
    expect(sheet.isColumnHiddenByUser(5)).toBe(true);
  });

  it('has a tab colour, lower-case hex', () => {
    const sheet = fresh();
    expect(sheet.getTabColor()).toBeNull();
    sheet.setTabColor('#1A73E8');
    expect(sheet.getTabColor()).toBe('#1a73e8');
    sheet.setTabColor(null);
    expect(sheet.getTabColor()).toBeNull();
  });

  it('clears contents, formats, or both', () => {
    const sheet = fresh();
    sheet.getRange('A1').setValue(1).setBackground('red');
    sheet.clearContents();
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(sheet.getRange('A1').getBackground()).toBe('#ff0000');
    sheet.getRange('A1').setValue(2);
    sheet.clear();
    expect([sheet.getRange('A1').getValue(), sheet.getRange('A1').getBackground()]).toEqual(['', '#ffffff']);
  });

  it('groups rows: depth 0 to 8 [UNVERIFIED clamp]', () => {
    const sheet = fresh();
    sheet.getRange('A2:A4').shiftRowGroupDepth(1);
    expect([1, 2, 4, 5].map((r) => sheet.getRowGroupDepth(r))).toEqual([0, 1, 1, 0]);
    sheet.getRange('A2').shiftRowGroupDepth(20);
    expect(sheet.getRowGroupDepth(2)).toBe(8);
    sheet.getRange('A2:A4').shiftRowGroupDepth(-9);
    expect(sheet.getRowGroupDepth(3)).toBe(0);
  });

  it('activates and hides sheets', () => {
    const ss = createWorkbook().spreadsheet;
    const first = ss.getSheets()[0]!;
    const second = ss.insertSheet('Two');
    first.activate();
    expect(ss.getActiveSheet().getName()).toBe('Sheet1');
    second.hideSheet();
    expect(second.isSheetHidden()).toBe(true);
    expect(() => first.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    ss.setActiveSheet(second);
    expect([ss.getActiveSheet().getName(), second.isSheetHidden()]).toEqual(['Two', false]);
  });
});
