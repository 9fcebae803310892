/**
 * A second adversarial pass, over the new layout, the log's index, frozen quarters, the Dashboard
 * and the tree: each test failed before its fix.
 */
import { describe, expect, test } from 'vitest';
import { ALL_LEVELS, addon, letterOf } from './support';

function withQuarter(locale = 'en_US') {
  const { wb, app } = addon(locale);
  app.run('insertQuarter', { quarter: 'Q1 2026', fiscalStart: 1, levels: ALL_LEVELS, content: 'examples' });
  return { wb, app };
}
type Wb = ReturnType<typeof withQuarter>['wb'];
type App = ReturnType<typeof withQuarter>['app'];
const SHEET = 'OKR Q1 2026';

function finish(app: App) {
  const s = app.run('getReviewState', { sheet: SHEET }) as { reviewId: string };
  app.run('finishReview', { reviewId: s.reviewId });
}

/** The settings row's cells as { label: [its value's formula, shown] }, by the label beside each. */
function settings(wb: Wb, row = 1) {
  const s = wb.sheet(SHEET);
  const width = s.getLastColumn();
  const r = s.getRange(row, 1, 1, width);
  const shown = r.getDisplayValues()[0]!;
  const formulas = r.getFormulas()[0]!;
  const out: Record<string, [string, string]> = {};
  shown.forEach((v, i) => {
    if (v !== '' && i + 1 < width && !/^\d|%$/.test(v)) out[v] = [formulas[i + 1]!, shown[i + 1]!];
  });
  return out;
}

describe('a frozen quarter reopened after its sheet changed', () => {
  test('a column inserted before the settings: each settings formula back beside its label, over the columns where they are', () => {
    const { wb, app } = withQuarter();
    const before = settings(wb);
    finish(app);
    const s = wb.sheet(SHEET);
    s.insertColumnBefore(1);
    s.getRange('A2').setValue('Notes');
    app.run('reopenQuarter', { sheet: SHEET });
    const after = settings(wb);
    // every label still there (none written over by a formula), every value where it was, beside it
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(after.Elapsed![0]).toBe('=QUARTER_PROGRESS(E1, M1)');
    expect(after.Elapsed![1]).toBe(before.Elapsed![1]);
    const score = letterOf(s, 'Rolled-up score');
    expect(after['Overall score']![0]).toContain(`OKR_SCORE(FILTER(${score}2:${score}`);
    expect(after['Overall score']![1]).toBe(before['Overall score']![1]);
  });

  test('a row inserted above the settings: the formulas go back into the settings row, not the new one', () => {
    const { wb, app } = withQuarter();
    const before = settings(wb);
    finish(app);
    const s = wb.sheet(SHEET);
    s.insertRowBefore(1);
    app.run('reopenQuarter', { sheet: SHEET });
    expect(s.getRange(1, 1, 1, s.getLastColumn()).getFormulas()[0]!.filter(Boolean)).toEqual([]);
    const after = settings(wb, 2);
    expect(after.Elapsed![0]).toBe('=QUARTER_PROGRESS(D2, L2)');
    expect(after.Elapsed![1]).toBe(before.Elapsed![1]);
    expect(after['Overall score']![0]).toMatch(/^=OKR_SCORE\(FILTER\(G3:G/);
    expect(after['Overall score']![1]).toBe(before['Overall score']![1]);
  });
});
