/**
 * End to end: the very dist/Code.js that clasp pushes, run on the emulator, driven only through the
 * Apps Script API. Seeds from the SPEC: SERP load time 1.2 s → 1.0 s, now 1.1 s: 0.5 · new countries
 * 0 → 3, now 2: 0.667 · international revenue 100 → 125, now 120: 0.8.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorkbook } from '../../emulator/index';
import { ensureBuilt, tmpFile } from './support';

beforeAll(() => {
  ensureBuilt();
});

function okrTable(locale = 'en_US') {
  const wb = createWorkbook({ locale });
  const app = wb.loadBundle();
  const sheet = wb.spreadsheet.getSheets()[0]!;
  sheet.getRange('A1:F1').setValues([['Key result', 'Start', 'Target', 'Current', 'Type', 'Score']]);
  sheet.getRange('A2:E4').setValues([
    ['SERP load time (s)', 1.2, 1.0, 1.1, ''],
    ['New countries', 0, 3, 2, ''],
    ['International revenue', 100, 125, 120, ''],
  ]);
  sheet.getRange('F2').setFormula('=KR_SCORE(B2:B6, C2:C6, D2:D6, E2:E6)');
  return { wb, app, sheet };
}

describe('the bundle on the emulator', () => {
  it('loads without calling any service', () => {
    const wb = createWorkbook();
    expect(wb.loadBundle().loadCalls).toBe(0);
  });

  it('scores an OKR table with ONE KR_SCORE formula over the column; blank rows stay blank', () => {
    const { sheet } = okrTable();
    expect(sheet.getRange('F2:F6').getValues()).toEqual([[0.5], [0.666666666667], [0.8], [''], ['']]);
    sheet.getRange('F2:F6').setNumberFormat('0.000');
    expect(sheet.getRange('F2:F4').getDisplayValues()).toEqual([['0.500'], ['0.667'], ['0.800']]);
    expect(sheet.getRange('F2').getFormula()).toBe('=KR_SCORE(B2:B6, C2:C6, D2:D6, E2:E6)');
    expect(sheet.getRange('F3').getFormula()).toBe('');
  });

  it('recomputes the score when a current value is edited through Range.setValue', () => {
    const { wb, sheet } = okrTable();
    const before = wb.counter.get('CustomFunction.KR_SCORE');
    sheet.getRange('D3').setValue(3);
    expect(sheet.getRange('F2:F4').getValues()).toEqual([[0.5], [1], [0.8]]);
    expect(wb.counter.get('CustomFunction.KR_SCORE')).toBe(before + 1); // one call for the whole column
    sheet.getRange('D5').setValue(1); // a KR with a current value but no target: a '#' text on its row
    expect(String(sheet.getRange('F5').getValue())).toMatch(/^#/);
    expect(sheet.getRange('F2').getValue()).toBe(0.5); // the other rows still compute
  });

  it('counts the service calls a formula column makes: no locale read while nothing fails', () => {
    const { wb, sheet } = okrTable();
    wb.counter.reset();
    sheet.getRange('D4').setValue(125);
    expect(wb.counter.snapshot()).toEqual({
      'CustomFunction.KR_SCORE': 1,
      'Range.setValue': 1,
      'Sheet.getRange': 1,
    });
  });

  it('grades in the spreadsheet’s language: vert / jaune / rouge in fr_FR', () => {
    const wb = createWorkbook({ locale: 'fr_FR' });
    wb.loadBundle();
    const sheet = wb.spreadsheet.getSheets()[0]!;
    sheet.getRange('A1:A3').setValues([[0.8], [0.5], [0.2]]);
    sheet.getRange('B1').setFormula('=OKR_GRADE(A1:A3)');
    expect(sheet.getRange('B1:B3').getValues()).toEqual([['vert'], ['jaune'], ['rouge']]);
    const en = createWorkbook({ locale: 'en_US' });
    en.loadBundle();
    en.spreadsheet.getRange('A1').setValue(0.8);
    en.spreadsheet.getRange('B1').setFormula('=OKR_GRADE(A1)');
    expect(en.spreadsheet.getRange('B1').getValue()).toBe('green');
  });

  it('shows a thrown error as #ERROR! and keeps the function’s message', () => {
    const wb = createWorkbook();
    const app = wb.loadBundle();
    wb.spreadsheet.getRange('A1').setFormula('=KR_SCORE(1, 2, "abc")');
    expect(wb.spreadsheet.getRange('A1').getValue()).toBe('#ERROR!');
    let thrown = '';
    try {
      app.call('KR_SCORE', 1, 2, 'abc');
    } catch (e) {
      thrown = (e as Error).message;
    }
    expect(thrown).toContain('abc');
    expect(wb.errorMessage('Sheet1!A1')).toBe(thrown);
  });

  it('computes a custom function over an open-ended column, as templates write it', () => {
    const { sheet } = okrTable();
    sheet.getRange('G2').setFormula('=KR_SCORE(B2:B, C2:C, D2:D, E2:E)');
    expect(sheet.getRange('G2:G4').getValues()).toEqual([[0.5], [0.666666666667], [0.8]]);
    expect(sheet.getRange('G1000').getValue()).toBe('');
    expect(sheet.getRange('G2').getFormula()).toBe('=KR_SCORE(B2:B, C2:C, D2:D, E2:E)');
  });

  it('reads a date cell in the spreadsheet time zone: QUARTER_PROGRESS on 2026-02-15 is 45/90', () => {
    for (const timeZone of ['Europe/Paris', 'America/Los_Angeles', 'Asia/Tokyo']) {
      const wb = createWorkbook({ timeZone });
      wb.loadBundle();
      wb.spreadsheet.getRange('A1').setValue('2026-02-15');
      wb.spreadsheet.getRange('B1').setFormula('=QUARTER_PROGRESS(A1)');
      expect(wb.spreadsheet.getRange('B1').getValue()).toBe(0.5);
    }
  });

  it('gives each KR row its objective’s score with OKR_SCORE(scores, weights, groups)', () => {
    const wb = createWorkbook();
    wb.loadBundle();
    const sheet = wb.spreadsheet.getSheets()[0]!;
    sheet.getRange('A1:C4').setValues([
      ['O1', 0.5, 1],
      ['O1', 1, 1],
      ['O2', 0.2, ''],
      ['', '', ''],
    ]);
    sheet.getRange('D1').setFormula('=OKR_SCORE(B1:B4, C1:C4, A1:A4)');
    expect(sheet.getRange('D1:D4').getValues()).toEqual([[0.75], [0.75], [0.2], ['']]);
  });

  it('builds the add-on menu from onOpen in every auth mode', () => {
    const wb = createWorkbook();
    const app = wb.loadBundle();
    for (const authMode of ['NONE', 'LIMITED', 'FULL']) {
      app.call('onOpen', { authMode });
      const [menu] = app.services.ui.menus();
      expect(menu!.addon).toBe(true);
      expect(menu!.items).toContainEqual({
        caption: expect.any(String),
        functionName: 'showFunctionReference',
      });
    }
  });

  it('keeps working after a save and load', () => {
    const { wb } = okrTable();
    const back = createWorkbook({ file: wb.save(tmpFile('okr.json')) });
    expect(back.spreadsheet.getRange('F2').getValue()).toBe('#NAME?'); // no bundle yet
    back.loadBundle();
    expect(back.spreadsheet.getRange('F2:F4').getValues()).toEqual([[0.5], [0.666666666667], [0.8]]);
  });
});
