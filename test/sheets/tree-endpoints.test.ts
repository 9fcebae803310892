/**
 * The alignment tree's endpoints through the bundle on the emulator: the tree read in one getValues
 * of the quarter, a click selecting the objective's row (found by its id: rows may have moved), an
 * objective gone said in the user's words.
 */
import { describe, expect, test } from 'vitest';
import { QUARTER } from '../../src/sheets/read';
import { ALL_LEVELS, addon } from './support';

function quarter(locale = 'en_US') {
  const { wb, app } = addon(locale);
  const label = locale === 'en_US' ? 'Q1 2026' : 'T1 2026';
  app.run('insertQuarter', { quarter: label, fiscalStart: 1, levels: ALL_LEVELS, content: 'examples' });
  return { wb, app, sheet: `OKR ${label}` };
}

describe('alignment tree endpoints', () => {
  test('the tree of the example quarter: depth first, grades, no marks; one read of the sheet', () => {
    const { wb, app, sheet } = quarter();
    wb.counter.reset();
    const s = app.run('getAlignmentTree', { sheet }) as {
      nodes: { id: string; depth: number; grade?: string; score?: number; row: number }[];
      levels: { level: string; count: number }[];
      broken: number;
      cycles: number;
    };
    expect(s.nodes.map((n) => `${n.id}@${n.depth}:${n.grade}`)).toEqual([
      'O1@0:yellow',
      'O2@1:yellow',
      'O4@2:yellow',
      'O3@1:red',
      'O5@2:red',
    ]);
    expect(wb.counter.snapshot()['Range.getValues']).toBe(1);
    // the score the sheet shows in its Objective score column, for each objective
    const values = wb.sheet(sheet).getDataRange().getValues();
    const col = (key: string) => values[1]!.indexOf(QUARTER.columns.find((c) => c.key === key)!.header.en);
    const [idCol, scoreCol] = [col('objectiveId'), col('score')];
    expect(scoreCol).toBeGreaterThan(0);
    for (const n of s.nodes) {
      const row = values.find((r) => r[idCol] === n.id)!;
      expect(n.score, n.id).toBeCloseTo(row[scoreCol] as number, 9);
    }
    expect(s.levels.map((l) => l.count)).toEqual([1, 2, 2]);
    expect([s.broken, s.cycles]).toEqual([0, 0]);
  });

  test('a click selects the row of the objective, even after the rows were sorted', () => {
    const { wb, app, sheet } = quarter();
    const before = (app.run('getAlignmentTree', { sheet }) as { nodes: { id: string; row: number }[] }).nodes;
    const o5 = before.find((n) => n.id === 'O5')!;
    // O5's block moved to the top of the data: the row the tree drew is stale
    const s = wb.sheet(sheet);
    s.insertRowsBefore(3, 4);
    wb.counter.reset();
    const r = app.run('goToObjective', { sheet, id: 'O5' }) as { row: number };
    // one read to find it, one selection
    expect(wb.counter.snapshot()).toMatchObject({ 'Range.getValues': 1, 'Range.activate': 1 });
    expect(r.row).toBe(o5.row + 4);
    const ss = wb.spreadsheet;
    expect(ss.getActiveSheet().getName()).toBe(sheet);
    const active = ss.getActiveRange();
    expect([active.getRow(), active.getNumRows(), active.getColumn()]).toEqual([o5.row + 4, 1, 1]);
    expect(active.getNumColumns()).toBe(s.getMaxColumns());
  });

  test('an objective no longer there: said, in French too', () => {
    const en = quarter();
    expect(() => en.app.run('goToObjective', { sheet: en.sheet, id: 'O42' })).toThrow(
      'Objective O42 is no longer in "OKR Q1 2026" (deleted, or its ID changed?). Refresh the tree.',
    );
    const fr = quarter('fr_FR');
    expect(() => fr.app.run('goToObjective', { sheet: fr.sheet, id: 'O42' })).toThrow(
      'L’objectif O42 n’est plus dans «\u00a0OKR T1 2026\u00a0» (supprimé, ou son ID a changé\u00a0?). Actualisez l’arbre.',
    );
    expect(() => fr.app.run('goToObjective', { sheet: fr.sheet })).toThrow(/Requête refusée/);
  });

  test('the menu item opens the tree beside the sheet (modeless), titled in the sheet’s language', () => {
    for (const [locale, title] of [
      ['en_US', 'Alignment tree'],
      ['fr_FR', 'Arbre d’alignement'],
    ] as const) {
      const { app } = addon(locale);
      app.call('showAlignmentTree');
      const shown = app.services.ui.shown();
      expect(shown.map((x) => [x.kind, x.title])).toEqual([['modeless', title]]);
    }
  });
});
