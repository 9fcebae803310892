import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../emulator/index';

const setup = () => {
  const wb = createWorkbook();
  return { wb, app: wb.app, sheet: wb.spreadsheet.getSheets()[0]! };
};

describe('conditional format rules', () => {
  it('build with their condition, format and ranges, and read back [DOC*]', () => {
    const { app, sheet } = setup();
    const rule = app
      .newConditionalFormatRule()
      .whenTextEqualTo('green')
      .setBackground('#B7E1CD')
      .setFontColor('#0B8043')
      .setBold(true)
      .setRanges([sheet.getRange('D2:D')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    const [back] = sheet.getConditionalFormatRules();
    const cond = back!.getBooleanCondition()!;
    expect([String(cond.getCriteriaType()), cond.getCriteriaValues()]).toEqual(['TEXT_EQUAL_TO', ['green']]);
    expect([cond.getBackground(), cond.getFontColor(), cond.getBold(), cond.getItalic()]).toEqual([
      '#b7e1cd',
      '#0b8043',
      true,
      null,
    ]);
    expect(back!.getRanges().map((r) => r.getA1Notation())).toEqual(['D2:D1000']);
    expect(back!.getGradientCondition()).toBeNull();
  });

  it('each when* sets its criteria', () => {
    const { app } = setup();
    const type = (b: ReturnType<typeof app.newConditionalFormatRule>) => {
      const c = b.build().getBooleanCondition()!;
      return [String(c.getCriteriaType()), c.getCriteriaValues()];
    };
    const b = () => app.newConditionalFormatRule();
    expect(type(b().whenTextStartsWith('at'))).toEqual(['TEXT_STARTS_WITH', ['at']]);
    expect(type(b().whenTextContains('risk'))).toEqual(['TEXT_CONTAINS', ['risk']]);
    expect(type(b().whenNumberGreaterThanOrEqualTo(0.7))).toEqual(['NUMBER_GREATER_THAN_OR_EQUAL_TO', [0.7]]);
    expect(type(b().whenNumberLessThan(0.4))).toEqual(['NUMBER_LESS_THAN', [0.4]]);
    expect(type(b().whenNumberBetween(0.4, 0.7))).toEqual(['NUMBER_BETWEEN', [0.4, 0.7]]);
    expect(type(b().whenFormulaSatisfied('=$A2>1'))).toEqual(['CUSTOM_FORMULA', ['=$A2>1']]);
    expect(type(b().whenCellEmpty())).toEqual(['CELL_EMPTY', []]);
  });

  it('type-check their arguments [ODD]', () => {
    const { app } = setup();
    const b = app.newConditionalFormatRule() as unknown as { whenNumberLessThan(x: unknown): unknown };
    expect(() => b.whenNumberLessThan('1')).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.whenNumberLessThan.",
    );
  });

  it('apply in the view: the first matching rule wins; text ignores case [UNVERIFIED]', () => {
    const { wb, app, sheet } = setup();
    sheet.getRange('A1:A4').setValues([['Green'], ['yellow'], [0.8], [0.3]]);
    const on = (b: ReturnType<typeof app.newConditionalFormatRule>) =>
      b.setRanges([sheet.getRange('A1:A4')]).build();
    sheet.setConditionalFormatRules([
      on(app.newConditionalFormatRule().whenTextEqualTo('green').setBackground('#00ff00')),
      on(
        app
          .newConditionalFormatRule()
          .whenNumberGreaterThanOrEqualTo(0.7)
          .setBackground('#0000ff')
          .setBold(true),
      ),
      on(app.newConditionalFormatRule().whenNumberGreaterThanOrEqualTo(0.5).setBackground('#ff0000')),
      on(app.newConditionalFormatRule().whenTextStartsWith('YEL').setFontColor('#999999')),
    ]);
    const cells = wb.view('Sheet1', { rows: 4, cols: 1 }).cells.map((r) => r[0]!);
    expect(cells.map((c) => [c.background, c.fontColor, c.bold])).toEqual([
      ['#00ff00', '#000000', false],
      ['#ffffff', '#999999', false],
      ['#0000ff', '#000000', true],
      ['#ffffff', '#000000', false],
    ]);
  });

  it('apply a custom formula relative to the top-left of the range', () => {
    const { wb, app, sheet } = setup();
    sheet.getRange('A1:B3').setValues([
      [1, 'x'],
      [5, 'y'],
      [2, 'z'],
    ]);
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=$A1>=2')
        .setBackground('#eeeeee')
        .setRanges([sheet.getRange('A1:B3')])
        .build(),
    ]);
    const view = wb.view('Sheet1', { rows: 3, cols: 2 });
    expect(view.cells.map((r) => r.map((c) => c.background))).toEqual([
      ['#ffffff', '#ffffff'],
      ['#eeeeee', '#eeeeee'],
      ['#eeeeee', '#eeeeee'],
    ]);
  });

  it('whenNumberBetween includes both ends [UNVERIFIED]', () => {
    const { wb, app, sheet } = setup();
    sheet.getRange('A1:A3').setValues([[0.4], [0.7], [0.71]]);
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenNumberBetween(0.4, 0.7)
        .setBackground('#ffff00')
        .setRanges([sheet.getRange('A1:A3')])
        .build(),
    ]);
    expect(wb.view('Sheet1', { rows: 3, cols: 1 }).cells.map((r) => r[0]!.background)).toEqual([
      '#ffff00',
      '#ffff00',
      '#ffffff',
    ]);
  });

  it('move with inserted rows', () => {
    const { app, sheet } = setup();
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenCellEmpty()
        .setRanges([sheet.getRange('B2:B5')])
        .build(),
    ]);
    sheet.insertRowsBefore(1, 1);
    sheet.insertRowsAfter(3, 2);
    expect(sheet.getConditionalFormatRules()[0]!.getRanges()[0]!.getA1Notation()).toBe('B3:B8');
  });
});
