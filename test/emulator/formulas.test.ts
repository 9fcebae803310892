import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { closeOpenRanges, delocalize, reopenRanges, shiftRelative } from '../../emulator/formulas';
import { createWorkbook } from '../../emulator/index';

const size = () => ({ rows: 1000, cols: 26 });

describe('open-ended ranges', () => {
  it('HyperFormula 3.5 itself rejects H2:H (a parse error), which is why the emulator rewrites it', () => {
    const hf = HyperFormula.buildFromArray([[1], [2]], { licenseKey: 'gpl-v3' });
    hf.setCellContents({ sheet: 0, row: 0, col: 1 }, [['=SUM(A1:A)']]);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 1 })).toMatchObject({ value: '#ERROR!' });
    hf.setCellContents({ sheet: 0, row: 0, col: 1 }, [['=SUM(A:A)']]);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 1 })).toBe(3);
  });

  it("closes them at the sheet's last row or column, and shows them open again", () => {
    const closed = closeOpenRanges("=SUM(H2:H) + COUNT('Check-ins'!$B$2:$B) + SUM(A2:2)", size);
    expect(closed).toEqual({
      formula: "=SUM(H2:H1000) + COUNT('Check-ins'!$B$2:$B1000) + SUM(A2:Z2)",
      open: true,
    });
    expect(reopenRanges(closed.formula, size)).toBe("=SUM(H2:H) + COUNT('Check-ins'!$B$2:$B) + SUM(A2:2)");
    expect(closeOpenRanges('=SUM(A:A) + B2 + SUM(C1:D9)', size)).toEqual({
      formula: '=SUM(A:A) + B2 + SUM(C1:D9)',
      open: false,
    });
  });

  it('leaves string literals and function names alone', () => {
    expect(closeOpenRanges('=IF(A1="H2:H", LOG10(B2:B), "x")', size).formula).toBe(
      '=IF(A1="H2:H", LOG10(B2:B1000), "x")',
    );
  });

  it('work through the API: the value covers the column, getFormula shows H2:H', () => {
    const sheet = createWorkbook().spreadsheet.getSheets()[0]!;
    sheet.getRange('A2:A4').setValues([[1], [2], [3]]);
    sheet.getRange('B1').setFormula('=SUM(A2:A)');
    expect(sheet.getRange('B1').getValue()).toBe(6);
    expect(sheet.getRange('B1').getFormula()).toBe('=SUM(A2:A)');
    sheet.getRange('A999').setValue(10);
    expect(sheet.getRange('B1').getValue()).toBe(16);
  });

  it('keep covering the column when rows are added at the end or inside', () => {
    const sheet = createWorkbook().spreadsheet.getSheets()[0]!;
    sheet.getRange('B1').setFormula('=SUM(A2:A)');
    sheet.insertRowsAfter(1000, 5);
    sheet.getRange('A1005').setValue(7);
    expect(sheet.getRange('B1').getValue()).toBe(7);
    sheet.insertRowsBefore(3, 2);
    expect(sheet.getRange('A1007').getValue()).toBe(7);
    sheet.getRange('A3').setValue(1);
    expect(sheet.getRange('B1').getValue()).toBe(8);
    expect(sheet.getRange('B1').getFormula()).toBe('=SUM(A2:A)');
    sheet.appendRow([5]); // the sheet is full to row 1007: appendRow adds row 1008
    expect(sheet.getMaxRows()).toBe(1008);
    expect(sheet.getRange('B1').getValue()).toBe(13);
  });

  it('work across sheets, and follow a renamed sheet', () => {
    const ss = createWorkbook().spreadsheet;
    const log = ss.insertSheet('Check-ins');
    log.getRange('B2:B3').setValues([[4], [5]]);
    const main = ss.getSheets()[0]!;
    main.getRange('A1').setFormula("=SUM('Check-ins'!B2:B)");
    expect(main.getRange('A1').getValue()).toBe(9);
    log.setName('Log');
    expect(main.getRange('A1').getFormula()).toBe('=SUM(Log!B2:B)');
    log.appendRow(['', 1]);
    expect(main.getRange('A1').getValue()).toBe(10);
  });
});

describe('formula text helpers', () => {
  it('shifts relative references only', () => {
    expect(shiftRelative('=$A1>B$2+C3', 2, 1)).toBe('=$A3>C$2+D5');
    expect(shiftRelative('=SUM(A1:B2)*Name', 1, 0)).toBe('=SUM(A2:B3)*Name');
  });

  it('brings a formula typed in French to the engine syntax', () => {
    expect(delocalize('=SI(A1>0,5;"a;b";1,25)')).toBe('=SI(A1>0.5,"a;b",1.25)');
  });
});

describe('the engine, as Sheets computes', () => {
  it('adjusts references when rows and columns are inserted or deleted', () => {
    const sheet = createWorkbook().spreadsheet.getSheets()[0]!;
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('C1').setFormula('=SUM(A1:A3)');
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange('C1').getFormula()).toBe('=SUM(A1:A5)');
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('C1').getFormula()).toBe('=SUM(A1:A3)');
    sheet.insertColumnsAfter(1, 1);
    expect(sheet.getRange('D1').getFormula()).toBe('=SUM(A1:A3)');
    sheet.deleteColumns(1, 1);
    expect(sheet.getRange('C1').getFormula()).toBe('=SUM(#REF!)');
    expect(sheet.getRange('C1').getValue()).toBe('#REF!');
  });

  it('turns references to a deleted sheet into #REF!', () => {
    const ss = createWorkbook().spreadsheet;
    const other = ss.insertSheet('Other');
    other.getRange('A1').setValue(5);
    const main = ss.getSheets()[0]!;
    main.getRange('A1').setFormula('=Other!A1*2');
    expect(main.getRange('A1').getValue()).toBe(10);
    ss.deleteSheet(other);
    expect(main.getRange('A1').getValue()).toBe('#REF!');
  });

  it('keeps SPARKLINE as formula text with a blank value (Sheets draws a chart) [pinned choice]', () => {
    const sheet = createWorkbook().spreadsheet.getSheets()[0]!;
    sheet.getRange('A1:C1').setValues([[1, 3, 2]]);
    sheet.getRange('D1').setFormula('=SPARKLINE(A1:C1, {"charttype","line"})');
    expect(sheet.getRange('D1').getFormula()).toBe('=SPARKLINE(A1:C1, {"charttype","line"})');
    expect(sheet.getRange('D1').getValue()).toBe('');
    expect(sheet.getLastColumn()).toBe(4); // a formula is content
  });

  it('gives #NAME? for other functions the engine lacks, keeping the formula [pinned choice]', () => {
    const wb = createWorkbook();
    const sheet = wb.spreadsheet.getSheets()[0]!;
    sheet.getRange('A1').setFormula('=GOOGLEFINANCE("GOOG")');
    expect(sheet.getRange('A1').getFormula()).toBe('=GOOGLEFINANCE("GOOG")');
    expect(sheet.getRange('A1').getValue()).toBe('#NAME?');
    expect(wb.errorMessage('Sheet1!A1')).toBe("Unknown function: 'GOOGLEFINANCE'.");
  });

  it('reports a circular reference as #REF! with Sheets’ note', () => {
    const wb = createWorkbook();
    wb.spreadsheet.getSheets()[0]!.getRange('A1').setFormula('=A1+1');
    expect(wb.spreadsheet.getRange('A1').getValue()).toBe('#REF!');
    expect(wb.errorMessage('Sheet1!A1')).toBe(
      'Circular dependency detected. To resolve with iterative calculation, see File > Settings.',
    );
  });

  it('reports a parse error as #ERROR! "Formula parse error."', () => {
    const wb = createWorkbook();
    wb.spreadsheet.getRange('A1').setValue('=1+');
    expect(wb.spreadsheet.getRange('A1').getValue()).toBe('#ERROR!');
    expect(wb.errorMessage('Sheet1!A1')).toBe('Formula parse error.');
  });

  it('spills ARRAYFORMULA results, and refuses to overwrite data: #REF! with the note [EMU]', () => {
    const wb = createWorkbook();
    const sheet = wb.spreadsheet.getSheets()[0]!;
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1').setFormula('=ARRAYFORMULA(A1:A3*2)');
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[2], [4], [6]]);
    expect(sheet.getRange('B2:B3').getFormulas()).toEqual([[''], ['']]); // only the anchor holds it
    sheet.getRange('B3').setValue('typed');
    expect(sheet.getRange('B1').getValue()).toBe('#REF!');
    sheet.getRange('B3').clearContent();
    // Sheets expands the result again once the way is clear (HyperFormula alone would not).
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[2], [4], [6]]);
  });

  it('computes named ranges in formulas', () => {
    const ss = createWorkbook().spreadsheet;
    const sheet = ss.getSheets()[0]!;
    sheet.getRange('A1:A2').setValues([[3], [4]]);
    ss.setNamedRange('Scores', sheet.getRange('A1:A2'));
    sheet.getRange('B1').setFormula('=SUM(Scores)');
    expect(sheet.getRange('B1').getValue()).toBe(7);
    expect(ss.getRangeByName('Scores')!.getA1Notation()).toBe('A1:A2');
    expect(ss.getRangeByName('Nope')).toBeNull();
    sheet.insertRowsBefore(1, 1);
    expect(ss.getRangeByName('Scores')!.getA1Notation()).toBe('A2:A3');
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(['Scores']);
  });
});
