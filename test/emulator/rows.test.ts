/**
 * Rows and columns inserted and deleted where array formulas spill, as users do in Sheets. Sheets
 * adjusts every reference (closed, open-ended, absolute, cross-sheet) as for any formula, moves an
 * array formula's anchor with its row, drops the formula with its row, and recomputes at once.
 * HyperFormula 3.5 alone left stale results, threw "Resizing to smaller array", spilled past the
 * sheet's last row and lost track of references inside array literals (engine.ts, formulas.ts).
 */
import { describe, expect, it } from 'vitest';
import type { EmuSheet } from '../../emulator/index';
import { createWorkbook } from '../../emulator/index';
import { ensureBuilt } from './support';

/** A KR table: header in row 2, data from row 3 (start, target, current), scores 0.5, 0.2, 1. */
function krSheet() {
  ensureBuilt();
  const wb = createWorkbook();
  wb.loadBundle();
  const sheet = wb.spreadsheet.getSheets()[0]!;
  sheet.getRange('A2:C5').setValues([
    ['start', 'target', 'current'],
    [0, 10, 5],
    [0, 10, 2],
    [0, 4, 4],
  ]);
  return { wb, sheet };
}

const column = (sheet: EmuSheet, a1: string) =>
  sheet
    .getRange(a1)
    .getValues()
    .map((r) => r[0]);

const HEADER_FORMULA = '={"KR score"; KR_SCORE(A3:A, B3:B, C3:C)}';

describe('an array formula anchored in the header row', () => {
  it('stacks a text over a custom function’s column, and recomputes when a cell it reads changes [pinned: Sheets and HyperFormula accept the literal]', () => {
    const { sheet } = krSheet();
    sheet.getRange('D2').setFormula(HEADER_FORMULA);
    expect(column(sheet, 'D1:D6')).toEqual(['', 'KR score', 0.5, 0.2, 1, '']);
    expect(sheet.getRange('D2').getFormula()).toBe(HEADER_FORMULA);
    sheet.getRange('C4').setValue(10);
    expect(column(sheet, 'D3:D5')).toEqual([0.5, 1, 1]);
  });

  it('recomputes at once when a data row is deleted (the spill is not left stale)', () => {
    const { sheet } = krSheet();
    sheet.getRange('D2').setFormula(HEADER_FORMULA);
    sheet.deleteRow(3);
    expect(column(sheet, 'D1:D6')).toEqual(['', 'KR score', 0.2, 1, '', '']);
    expect(sheet.getRange('D2').getFormula()).toBe(HEADER_FORMULA);
  });

  it('covers a row inserted inside the spill, and never throws "Resizing to smaller array"', () => {
    const { sheet } = krSheet();
    sheet.getRange('D2').setFormula(HEADER_FORMULA);
    sheet.deleteRow(3);
    sheet.insertRowAfter(3);
    expect(column(sheet, 'D3:D5')).toEqual([0.2, '', 1]);
    sheet.getRange('A4:C4').setValues([[0, 10, 10]]);
    expect(column(sheet, 'D1:D6')).toEqual(['', 'KR score', 0.2, 1, 1, '']);
  });

  it('moves down with its row when a row is inserted above it; its ranges stay open-ended', () => {
    const { sheet } = krSheet();
    sheet.getRange('D2').setFormula(HEADER_FORMULA);
    sheet.insertRowBefore(1);
    expect(sheet.getRange('D2').getFormula()).toBe('');
    expect(sheet.getRange('D3').getFormula()).toBe('={"KR score"; KR_SCORE(A4:A, B4:B, C4:C)}');
    expect(column(sheet, 'D3:D6')).toEqual(['KR score', 0.5, 0.2, 1]);
  });

  it('is removed with its row, and its spill with it', () => {
    const { sheet } = krSheet();
    sheet.getRange('D2').setFormula(HEADER_FORMULA);
    sheet.deleteRow(2);
    expect(sheet.getRange('D1:D5').getFormulas().flat()).toEqual(['', '', '', '', '']);
    expect(column(sheet, 'D1:D5')).toEqual(['', '', '', '', '']);
  });
});

describe('an array formula anchored in the first data row', () => {
  it('moves with its row, grows and shrinks with the rows inside, and goes when its row is deleted', () => {
    const { sheet } = krSheet();
    sheet.getRange('D3').setFormula('=KR_SCORE(A3:A, B3:B, C3:C)');
    sheet.insertRowsAfter(3, 2); // inside the spill: blank rows score blank
    expect(column(sheet, 'D3:D7')).toEqual([0.5, '', '', 0.2, 1]);
    sheet.insertRowBefore(3); // above the anchor: it moves to D4
    expect(sheet.getRange('D4').getFormula()).toBe('=KR_SCORE(A4:A, B4:B, C4:C)');
    expect(column(sheet, 'D3:D8')).toEqual(['', 0.5, '', '', 0.2, 1]);
    sheet.deleteRows(5, 2);
    expect(column(sheet, 'D4:D6')).toEqual([0.5, 0.2, 1]);
    sheet.deleteRow(4); // the anchor's row: the formula goes, nothing stays spilled
    expect(sheet.getRange('D1:D8').getFormulas().flat().filter(Boolean)).toEqual([]);
    expect(column(sheet, 'D3:D6')).toEqual(['', '', '', '']);
  });

  it('keeps the last row within the sheet whatever rows go (getLastRow() <= getMaxRows())', () => {
    const { sheet } = krSheet();
    sheet.getRange('D2').setFormula(HEADER_FORMULA);
    sheet.getRange('E3').setFormula('=KR_SCORE(A3:A, B3:B, C3:C)');
    sheet.getRange('F3').setFormula('=ARRAYFORMULA(A3:A10+1)');
    sheet.insertRowAfter(3);
    expect(sheet.getLastRow()).toBeLessThanOrEqual(sheet.getMaxRows());
    sheet.deleteRows(7, 3);
    expect(sheet.getLastRow()).toBeLessThanOrEqual(sheet.getMaxRows());
    expect(column(sheet, 'F3:F10')).toEqual([1, 1, 1, 1, 1, 1, '', '']); // A3:A10, +1 row, −3 rows
  });
});

describe('arrays that read other arrays', () => {
  const header = (text: string, body: string) =>
    `=ARRAYFORMULA(IF(SEQUENCE(ROWS(A2:A))=1, "${text}", ${body}))`;

  it('a row inserted inside spills that other formulas read: no "Cannot move cell. Destination already occupied."', () => {
    const sheet = createWorkbook().spreadsheet.getSheets()[0]!;
    sheet.getRange('A2:A4').setValues([['x'], [1], [2]]);
    sheet.getRange('B2').setFormula(header('Double', 'A2:A*2'));
    sheet.getRange('C2').setFormula(header('Quadruple', 'IFERROR(B2:B*2, "")'));
    sheet.getRange('F1').setFormula('=SUM(FILTER(C2:C, SEQUENCE(ROWS(C2:C))>1))');
    expect(sheet.getRange('F1').getValue()).toBe(12);
    sheet.insertRowBefore(3);
    sheet.insertRowAfter(3);
    expect(sheet.getRange('A2:C6').getValues()).toEqual([
      ['x', 'Double', 'Quadruple'],
      ['', 0, 0],
      ['', 0, 0],
      [1, 2, 4],
      [2, 4, 8],
    ]);
    sheet.getRange('A3').setValue(10);
    expect(sheet.getRange('F1').getValue()).toBe(52);
    expect(sheet.getLastRow()).toBeLessThanOrEqual(sheet.getMaxRows());
  });
});

describe('references when rows and columns move', () => {
  it('closed ranges grow and shrink, absolute ones move too, open-ended ones stay open', () => {
    const sheet = createWorkbook().spreadsheet.getSheets()[0]!;
    sheet.getRange('A3:A10').setValues([[1], [2], [3], [4], [5], [6], [7], [8]]);
    sheet.getRange('D1').setValue(100);
    sheet.getRange('B1').setFormula('=SUM(A3:A10)+$D$1');
    sheet.getRange('C1').setFormula('=ARRAYFORMULA(A3:A*2)');
    sheet.insertRowsBefore(5, 2);
    expect(sheet.getRange('B1').getFormula()).toBe('=SUM(A3:A12)+$D$1');
    expect(sheet.getRange('C1').getFormula()).toBe('=ARRAYFORMULA(A3:A*2)');
    sheet.insertRowBefore(1);
    expect(sheet.getRange('B2').getFormula()).toBe('=SUM(A4:A13)+$D$2');
    expect(sheet.getRange('B2').getValue()).toBe(136);
    sheet.deleteRows(4, 3);
    expect(sheet.getRange('B2').getFormula()).toBe('=SUM(A4:A10)+$D$2');
    expect(sheet.getRange('B2').getValue()).toBe(133);
    expect(sheet.getRange('C2').getFormula()).toBe('=ARRAYFORMULA(A4:A*2)');
    expect(column(sheet, 'C2:C5')).toEqual([0, 6, 8, 10]);
  });

  it('columns inserted and deleted inside and before a spill move and recompute it', () => {
    const sheet = createWorkbook().spreadsheet.getSheets()[0]!;
    sheet.getRange('A2:C2').setValues([[1, 2, 3]]);
    sheet.getRange('A1').setFormula('={"Total", ARRAYFORMULA(A2:C2*10)}');
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['Total', 10, 20, 30]]);
    sheet.insertColumnAfter(2); // inside the spill
    expect(sheet.getRange('A1').getFormula()).toBe('={"Total", ARRAYFORMULA(A2:D2*10)}');
    expect(sheet.getRange('A1:E1').getValues()).toEqual([['Total', 10, 20, 0, 30]]);
    sheet.deleteColumns(2, 2);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['Total', 10, 30, '']]);
    sheet.insertColumnBefore(1); // before the anchor: it moves to B1
    expect(sheet.getRange('B1').getFormula()).toBe('={"Total", ARRAYFORMULA(B2:C2*10)}');
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['', 'Total', 10, 30]]);
  });

  it('a blocked array formula replaced by another formula leaves nothing that breaks a later row deletion', () => {
    const sheet = createWorkbook().spreadsheet.getSheets()[0]!;
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B2').setValue('in the way');
    sheet.getRange('B1').setFormula('=ARRAYFORMULA(A1:A3*2)');
    expect(sheet.getRange('B1').getValue()).toBe('#REF!');
    sheet.getRange('B1').setFormula('=A1');
    sheet.deleteRow(2); // threw HyperFormula's "Unknown node" on the array it had not forgotten
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      [1, 1],
      [3, ''],
    ]);
  });
});

describe('a FILTER over another sheet', () => {
  const FILTER = `=IFERROR(FILTER('Check-ins'!D2:D, 'Check-ins'!B2:B=$B$1), "")`;

  function withLog() {
    const ss = createWorkbook().spreadsheet;
    const main = ss.getSheets()[0]!;
    const log = ss.insertSheet('Check-ins');
    log.getRange('A1:D6').setValues([
      ['date', 'id', 'note', 'value'],
      [1, 'a', '', 10],
      [2, 'b', '', 20],
      [3, 'a', '', 30],
      [4, 'c', '', 40],
      [5, 'a', '', 50],
    ]);
    main.getRange('A1:B1').setValues([['id', 'a']]);
    main.getRange('C2').setFormula(FILTER);
    return { main, log };
  }

  it('recomputes when rows of the other sheet are inserted or deleted, its references moving', () => {
    const { main, log } = withLog();
    expect(column(main, 'C2:C5')).toEqual([10, 30, 50, '']);
    log.insertRowsAfter(2, 2);
    log.getRange('A3:D4').setValues([
      [6, 'a', '', 60],
      [7, 'b', '', 70],
    ]);
    expect(main.getRange('C2').getFormula()).toBe(FILTER);
    expect(column(main, 'C2:C6')).toEqual([10, 60, 30, 50, '']);
    log.deleteRows(2, 3);
    expect(column(main, 'C2:C5')).toEqual([30, 50, '', '']);
  });

  it('moves with its own row, $B$1 moving too; its last row is its last result, within the sheet', () => {
    const { main, log } = withLog();
    expect(main.getLastRow()).toBe(4); // three results from row 2: the rest of its height is not content
    main.insertRowBefore(1);
    expect(main.getRange('C3').getFormula()).toBe(
      `=IFERROR(FILTER('Check-ins'!D2:D, 'Check-ins'!B2:B=$B$2), "")`,
    );
    expect(column(main, 'C3:C6')).toEqual([10, 30, 50, '']);
    log.insertRowsAfter(1000, 500); // the log grows past the main sheet's size
    main.deleteRows(10, 900);
    expect(main.getLastRow()).toBe(5);
    expect(main.getMaxRows()).toBe(101);
  });
});

describe('a sheet that formulas read, deleted', () => {
  it('leaves #REF! in their text, which a new sheet of that name does not revive; rows still move [UNVERIFIED]', () => {
    const ss = createWorkbook().spreadsheet;
    const main = ss.getSheets()[0]!;
    let log = ss.insertSheet('Check-ins');
    log.getRange('B2:D3').setValues([
      ['a', '', 10],
      ['a', '', 20],
    ]);
    main.getRange('B1').setValue('a');
    main.getRange('C2').setFormula(`=IFERROR(FILTER('Check-ins'!D2:D, 'Check-ins'!B2:B=$B$1), "none")`);
    main.getRange('E2').setFormula(`=SUM('Check-ins'!D2:D)`);
    ss.deleteSheet(log);
    expect(main.getRange('C2').getFormula()).toBe('=IFERROR(FILTER(#REF!, #REF!=$B$1), "none")');
    expect(main.getRange('E2').getValue()).toBe('#REF!');
    main.insertRowBefore(1); // threw HyperFormula's "Sheet not initialized" or "Cannot move cell"
    main.deleteRow(2);
    log = ss.insertSheet('Check-ins');
    log.getRange('D2').setValue(5);
    expect(main.getRange('E2').getFormula()).toBe('=SUM(#REF!)');
    expect(main.getRange('E2').getValue()).toBe('#REF!');
  });
});

describe('what else moves with rows', () => {
  it('formats, notes, validations and protections follow their rows; inserted rows take the formats above', () => {
    const wb = createWorkbook();
    const sheet = wb.spreadsheet.getSheets()[0]!;
    sheet.getRange('A2:B2').setValues([['x', 1]]);
    sheet.getRange('A2').setNote('kept').setBackground('#ff0000');
    sheet.getRange('B2').setNumberFormat('0.0%');
    sheet.getRange('B2').setDataValidation(wb.app.newDataValidation().requireNumberBetween(0, 1).build());
    const protection = sheet.getRange('A2:B2').protect();
    sheet.insertRowBefore(1);
    expect(sheet.getRange('A3').getNote()).toBe('kept');
    expect(sheet.getRange('A3').getBackground()).toBe('#ff0000');
    expect(sheet.getRange('B3').getNumberFormat()).toBe('0.0%');
    expect(sheet.getRange('B3').getDataValidation()?.getCriteriaValues()).toEqual([0, 1]);
    expect(protection.getRange().getA1Notation()).toBe('A3:B3');
    sheet.insertRowAfter(3);
    expect(sheet.getRange('B4').getNumberFormat()).toBe('0.0%');
    expect(sheet.getRange('A4').getNote()).toBe('');
    sheet.deleteRow(1);
    expect(sheet.getRange('A2').getNote()).toBe('kept');
    expect(protection.getRange().getA1Notation()).toBe('A2:B2');
  });
});
