/**
 * Issue 13, sheets that survive real editing: what people do to an OKR sheet by hand, then the
 * scores are all present and right, or the health check names the problem and Repair fixes it,
 * keeping whatever was typed.
 */
import { describe, expect, test } from 'vitest';
import { ALL_LEVELS, addon, cellOf, letterOf } from './support';

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
type Sheet = ReturnType<typeof withQuarter>['sheet'];
const COMPUTED = ['KR score', 'KRs’ score', 'Rolled-up score', 'Grade', 'Status', 'Alignment'];
/** Every computed cell of the data rows, by the row's id: what the team sees. */
const computed = (sheet: Sheet) => {
  const values = sheet.getRange(1, 1, 60, sheet.getLastColumn()).getValues();
  const at = COMPUTED.map((h) => values[1]!.indexOf(h));
  return new Map(
    values
      .slice(2)
      .filter((r) => r[0] !== '' || r[2] !== '')
      .map((r) => [String(r[2] || r[0]), at.map((i) => r[i])]),
  );
};
const health = (app: ReturnType<typeof withQuarter>['app']) =>
  app.run('getHealth') as { computed: string[]; repair: string | null; problems: string[] };

describe('ordinary edits', () => {
  test('deleting the first objective’s rows leaves every other score in place', () => {
    const { sheet } = withQuarter();
    const before = computed(sheet);
    sheet.deleteRows(3, 3); // O1 and its two KRs
    const after = computed(sheet);
    expect(after.has('O1')).toBe(false);
    // O1's KRs are gone; the others keep their scores (O2 was O1's child: only its rollup may change)
    for (const [id, cells] of after)
      if (!['O2', 'O3'].includes(id)) expect(cells.slice(0, 1), id).toEqual(before.get(id)!.slice(0, 1));
    expect([...after.values()].every((c) => !String(c[0]).startsWith('#'))).toBe(true);
  });

  test('a score typed by hand blocks its column: health names it, Repair moves the value into a note', () => {
    const { app, sheet } = withQuarter();
    const before = computed(sheet);
    const kr = letterOf(sheet, 'KR score');
    sheet.getRange(`${kr}5`).setValue(0.8);
    expect(sheet.getRange(`${kr}2`).getValue()).toBe('#REF!');
    const h = health(app);
    expect(h.computed).toEqual([
      `"KR score" (${kr}) shows no results: cells were typed or pasted in it, and they block what it computes.`,
    ]);
    expect(h.repair).toMatch(/^Repair the sheet/);
    const r = app.run('repairSheet') as { restored: string[]; moved: number };
    expect(r).toMatchObject({ restored: ['KR score'], moved: 1 });
    expect(sheet.getRange(`${kr}5`).getNote()).toBe(
      'Typed here: 0.8 (moved into this note by Repair: this column is computed).',
    );
    expect(computed(sheet)).toEqual(before);
    expect(health(app).computed).toEqual([]);
  });

  test('a KR row copied and pasted below (its computed cells come as values): Repair restores every column, the pasted KR kept', () => {
    const { app, sheet } = withQuarter();
    const width = sheet.getLastColumn();
    const row = sheet.getRange(4, 1, 1, width).getValues()[0]!; // O1.1 as Sheets pastes it: values
    sheet.insertRowAfter(5);
    sheet.getRange(6, 1, 1, width).setValues([row.map((v, i) => (i === 2 ? 'O1.3' : v))]);
    const h = health(app);
    expect(h.computed.length).toBeGreaterThan(0);
    // a pasted value has no bar: the row's progress is named too
    expect(h.computed).toContain(`"Progress" (${letterOf(sheet, 'Progress')}) has no bar on row 6.`);
    app.run('repairSheet');
    expect(health(app).computed).toEqual([]);
    const after = computed(sheet);
    expect(after.get('O1.3')![0]).toBeCloseTo(2 / 3, 9); // the pasted KR scores as a KR
    expect(sheet.getRange('A6:D6').getValues()[0]!.slice(1, 4)).toEqual(['O1', 'O1.3', row[3]]);
    expect(sheet.getRange(cellOf(sheet, 'Progress', 6)).getFormula()).toContain(
      `N(${cellOf(sheet, 'KR score', 6)})`,
    );
  });

  test('a header typed over, and a computed column deleted: Repair writes them back, in French', () => {
    const { app, sheet } = withQuarter('fr_FR');
    const grade = letterOf(sheet, 'Note');
    sheet.getRange(`${grade}2`).setValue('Note'); // Grade's formula typed over with its own header
    const status = sheet.getRange(2, 1, 1, sheet.getLastColumn()).getValues()[0]!.indexOf('État') + 1;
    sheet.deleteColumn(status); // Status gone
    const h = health(app);
    expect(h.computed).toEqual([
      `«\u00a0Note\u00a0» (${grade}) a été écrasée\u00a0: sa formule a disparu.`,
      'La colonne «\u00a0État\u00a0» a disparu.',
    ]);
    app.run('repairSheet');
    expect(health(app).computed).toEqual([]);
    const o1 = sheet.getRange('A3:Z3').getValues()[0]!;
    const header = sheet.getRange('A2:Z2').getValues()[0]!;
    expect(o1[header.indexOf('Note')]).toBe('jaune');
    expect(o1[header.indexOf('État')]).toBe('à risque');
  });
});
