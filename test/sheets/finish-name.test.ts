/**
 * How finishing a review names the next quarter's sheet (issue 14: one getSheetByName instead of
 * reading every sheet's name): the free name when it is free, else the next "(2)" one; a sheet
 * of the user's named so in another case is never taken nor touched, whether or not
 * getSheetByName tells cases apart (the emulator's does, as live Sheets is believed to).
 */
import { expect, test } from 'vitest';
import { ALL_LEVELS, addon } from './support';

function finishQ1(setup?: (wb: ReturnType<typeof addon>['wb']) => void) {
  const { wb, app } = addon();
  app.run('insertQuarter', { quarter: 'Q1 2026', fiscalStart: 1, levels: ALL_LEVELS, content: 'examples' });
  setup?.(wb);
  const s = app.run('getReviewState', { sheet: 'OKR Q1 2026' }) as { reviewId: string };
  wb.counter.reset();
  const done = app.run('finishReview', { reviewId: s.reviewId }) as { nextSheet: string };
  return { wb, done, calls: wb.counter.snapshot() };
}

test('a free name: one look-up, no sheet’s name read', () => {
  const { done, calls } = finishQ1();
  expect(done.nextSheet).toBe('OKR Q2 2026');
  expect(calls['Spreadsheet.getSheetByName']).toBe(1);
  expect(calls['Spreadsheet.getSheets'] ?? 0).toBe(0);
});

test('the name taken: the next free one, read from every name', () => {
  const { wb, done } = finishQ1((w) => {
    w.spreadsheet.insertSheet('OKR Q2 2026').getRange('A1').setValue('ours');
  });
  expect(done.nextSheet).toBe('OKR Q2 2026 (2)');
  expect(wb.sheet('OKR Q2 2026').getRange('A1').getValue()).toBe('ours');
});

test('taken in another case, which getSheetByName does not find: the next free name, the user’s sheet untouched', () => {
  const { wb, done } = finishQ1((w) => {
    w.spreadsheet.insertSheet('okr q2 2026').getRange('A1').setValue('ours');
  });
  expect(done.nextSheet).toBe('OKR Q2 2026 (2)');
  const names = wb.spreadsheet.getSheets().map((s) => s.getName());
  expect(names.filter((n) => n.toLowerCase().startsWith('okr q2 2026'))).toEqual([
    'okr q2 2026',
    'OKR Q2 2026 (2)',
  ]);
  expect(wb.sheet('okr q2 2026').getRange('A1').getValue()).toBe('ours');
});
