/**
 * Array literals whose pieces do not fit together, as Sheets reports them: rows of different widths
 * stacked ({A1:B1; A2}) and cells of different heights side by side ({A1:A2, B1}).
 */
import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../emulator/index';

describe('array literals that do not fit together', () => {
  const book = () => {
    const wb = createWorkbook();
    const sheet = wb.spreadsheet.getSheets()[0]!;
    sheet.getRange('A1:B2').setValues([
      [1, 2],
      [3, 4],
    ]);
    return { wb, sheet };
  };

  it('rows of different widths: #REF! "In ARRAY_LITERAL, an Array Literal was missing values for one or more rows." [OBS]', () => {
    const { wb, sheet } = book();
    sheet.getRange('D1').setFormula('={A1:B1; A2}');
    expect(sheet.getRange('D1').getValue()).toBe('#REF!');
    expect(wb.errorMessage('Sheet1!D1')).toBe(
      'In ARRAY_LITERAL, an Array Literal was missing values for one or more rows.',
    );
  });

  it('cells of different heights side by side: #VALUE! [UNVERIFIED]', () => {
    const { wb, sheet } = book();
    sheet.getRange('E1').setFormula('={A1:A2, B1}');
    expect(sheet.getRange('E1').getValue()).toBe('#VALUE!');
    expect(wb.errorMessage('Sheet1!E1')).toBe(
      'Function ARRAY_ROW parameter 2 has mismatched row size. Expected: 2. Actual: 1.',
    );
  });

  it('pieces that fit stack and spill: text over a column, a total beside a row', () => {
    const { sheet } = book();
    sheet.getRange('D1').setFormula('={"Total"; A1:A2}');
    sheet.getRange('D5').setFormula('={"Sum", A1:B1}');
    expect(sheet.getRange('D1:D3').getValues()).toEqual([['Total'], [1], [3]]);
    expect(sheet.getRange('D5:F5').getValues()).toEqual([['Sum', 1, 2]]);
  });
});
