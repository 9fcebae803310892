/**
 * Adding objectives and key results from the menu and the sidebar: rows in the right place, with
 * new ids, the template's formats and dropdowns, scored by the header formulas at once.
 */
import { describe, expect, test } from 'vitest';
import { ALL_LEVELS, addon, cellOf, rowByHeader } from './support';

function withQuarter(locale = 'en_US') {
  const { wb, app } = addon(locale);
  const r = app.run('insertQuarter', {
    quarter: 'Q1 2026',
    fiscalStart: 1,
    levels: ALL_LEVELS,
    content: 'examples',
  }) as { sheet: string };
  return { wb, app, name: r.sheet, sheet: wb.sheet(r.sheet) };
}
const rowsOf = (sheet: ReturnType<typeof withQuarter>['sheet']) =>
  sheet.getRange(1, 1, 60, sheet.getLastColumn()).getValues();
/** What the user typed on a row (and the add-on wrote), by header: the computed columns left out. */
const typedOn = (sheet: ReturnType<typeof withQuarter>['sheet'], row: number) => {
  const {
    'KR score': _k,
    'KRs’ score': _m,
    'Rolled-up score': _s,
    Grade,
    Status,
    Progress,
    Alignment,
    Forecast,
    ...typed
  } = rowByHeader(sheet, row);
  return typed;
};

describe('adding a key result', () => {
  test('from the sidebar: under its objective, a new id, typed values read, scored at once', () => {
    const { app, sheet } = withQuarter();
    const r = app.run('addKeyResult', {
      objectiveId: 'O2',
      kr: { title: 'Reach 30 partners', start: '10', target: '30', unit: 'partners' },
    }) as { krId: string; row: number };
    expect(r.krId).toBe('O2.4');
    const rows = rowsOf(sheet);
    const o2 = rows.map((x) => String(x[1])).lastIndexOf('O2') + 1; // the objective's last row
    expect(r.row).toBe(o2);
    expect(typedOn(sheet, r.row)).toEqual({
      'Objective ID': '',
      Objective: 'O2',
      'KR ID': 'O2.4',
      Title: 'Reach 30 partners',
      Owner: '',
      Current: '',
      Confidence: '',
      Target: 30,
      Start: 10,
      Unit: 'partners',
      Type: '',
      Weight: '',
      Level: '',
      'Parent objective': '',
      Committed: '',
    });
    // its progress bar reads its own KR score
    expect(sheet.getRange(cellOf(sheet, 'Progress', r.row)).getFormula()).toContain(
      `N(${cellOf(sheet, 'KR score', r.row)})`,
    );
    // the KR list under O3 did not move relative to its objective; O2's score is unchanged (no current yet)
    sheet.getRange(cellOf(sheet, 'Current', r.row)).setValue(20);
    expect(sheet.getRange(cellOf(sheet, 'KR score', r.row)).getValue()).toBe(0.5);
    // the type dropdown is there; a typed text stays text
    expect(sheet.getRange(cellOf(sheet, 'Type', r.row)).getDataValidation()).not.toBeNull();
    app.run('checkIn', { entries: [{ krId: 'O2.4', value: '25' }] });
    expect(sheet.getRange(cellOf(sheet, 'Current', r.row)).getValue()).toBe(25);
  });

  test('a percentage typed in the form makes a percentage KR; bad numbers are refused, nothing written', () => {
    const { wb, app, sheet } = withQuarter('fr_FR');
    const r = app.run('addKeyResult', {
      objectiveId: 'O1',
      kr: { title: 'Part', start: '10 %', target: '12,5 %' },
    }) as {
      row: number;
    };
    const row = rowByHeader(sheet, r.row);
    expect([row.Départ, row.Cible]).toEqual([0.1, 0.125]);
    expect(sheet.getRange(cellOf(sheet, 'Départ', r.row)).getNumberFormat()).toBe('0.0%');
    const before = JSON.stringify(sheet.getDataRange().getValues());
    expect(() => app.run('addKeyResult', { objectiveId: 'O1', kr: { title: 'x', target: '1.200' } })).toThrow(
      /^cible\u00a0: «\u00a01\.200\u00a0» se lit de deux façons.*Rien n’a été écrit\.$/,
    );
    expect(() => app.run('addKeyResult', { objectiveId: 'O9', kr: { title: 'x' } })).toThrow(
      'Aucun objectif O9 dans «\u00a0OKR T1 2026\u00a0». Rien n’a été écrit.',
    );
    expect(JSON.stringify(sheet.getDataRange().getValues())).toBe(before);
    expect(wb.spreadsheet.getSheets()).toHaveLength(5);
  });

  test('from the menu: under the objective of the row the cursor is on; elsewhere, it says what to do', () => {
    const { wb, app, sheet, name } = withQuarter();
    const o3kr = rowsOf(sheet).findIndex((x) => x[2] === 'O3.1') + 1;
    sheet.getRange(`D${o3kr}`).activate();
    app.call('showAddKr');
    const rows = rowsOf(sheet);
    const added = rows.findIndex((x) => x[2] === 'O3.3') + 1;
    expect(rows[added - 1]![1]).toBe('O3');
    expect(wb.spreadsheet.getActiveRange()!.getA1Notation()).toBe(`D${added}`);
    sheet.getRange('D1').activate();
    app.services.ui.answer('OK');
    app.call('showAddKr');
    expect(app.services.ui.dialogsShown().at(-1)!.message).toMatch(/^Select a cell in an objective’s row/);
    expect(name).toBe('OKR Q1 2026');
  });
});

describe('adding an objective', () => {
  test('below the data, a new id, its row styled, and one key result row ready', () => {
    const { app, sheet } = withQuarter();
    const r = app.run('addObjective', { objective: { title: 'Hire two engineers', owner: 'Ops' } }) as {
      objectiveId: string;
      row: number;
    };
    expect(r.objectiveId).toBe('O6');
    expect(rowByHeader(sheet, r.row)).toMatchObject({
      'Objective ID': 'O6',
      Objective: 'O6',
      'KR ID': '',
      Title: 'Hire two engineers',
      Level: 'team',
      Owner: 'Ops',
    });
    expect(rowByHeader(sheet, r.row + 1)).toMatchObject({ Objective: 'O6', 'KR ID': 'O6.1' });
    // each row its bar: the objective's of its rolled-up score, the KR's of its KR score
    expect(sheet.getRange(cellOf(sheet, 'Progress', r.row)).getFormula()).toContain(
      `N(${cellOf(sheet, 'Rolled-up score', r.row)})`,
    );
    expect(sheet.getRange(cellOf(sheet, 'Progress', r.row + 1)).getFormula()).toContain(
      `N(${cellOf(sheet, 'KR score', r.row + 1)})`,
    );
    expect(sheet.getRange(`A${r.row}`).getFontWeight()).toBe('bold');
    const state = app.run('getCheckInState') as { objectives: { id: string; krs: { id: string }[] }[] };
    expect(state.objectives.find((o) => o.id === 'O6')!.krs.map((k) => k.id)).toEqual(['O6.1']);
  });

  test('a closed quarter takes no new row', () => {
    const { app } = withQuarter();
    const s = app.run('getReviewState') as { reviewId: string };
    app.run('finishReview', { reviewId: s.reviewId });
    expect(() => app.run('addObjective', { sheet: 'OKR Q1 2026' })).toThrow(/was closed by its review/);
  });
});
