/**
 * Through the bundle on the emulator: the KPI dashboard's trend judged on each KPI's own scale (the
 * gap between its thresholds), its texts saying each unit once, and the review history's words in
 * the sheet's language.
 */
import { describe, expect, test } from 'vitest';
import { KPI_LIBRARY } from '../../src/core/kpi-library';
import { ALL_LEVELS, addon } from './support';

type Wb = ReturnType<typeof addon>['wb'];

/** The dashboard's data rows as displayed, each by its header. */
function dashboard(wb: Wb, name: string): Record<string, string>[] {
  const values = wb.sheet(name).getDataRange().getDisplayValues();
  const head = values[1]!;
  return values
    .slice(2)
    .filter((r) => r[0] !== '')
    .map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]!])));
}

describe('KPI dashboard: the trend on the KPI’s own scale', () => {
  for (const [locale, sheet, kpi, trend, improving, stable] of [
    ['en_US', 'KPI dashboard', 'KPI', 'Trend', 'improving', 'stable'],
    ['fr_FR', 'Tableau de bord KPI', 'KPI', 'Tendance', 'en amélioration', 'stable'],
  ] as const) {
    test(`${locale}: retention 85 % → 87 % over six months, green at 90 %, red at 85 %: improving`, () => {
      const { wb, app } = addon(locale);
      app.run('insertKpis', { kpis: [], examples: true });
      const rows = dashboard(wb, sheet);
      const retention = rows.find((r) => /retention|rétention/i.test(r[kpi]!))!;
      expect(retention[trend]).toBe(improving);
      // the same series with no thresholds: the rule of SPEC.md, against the values' own size
      const at = rows.indexOf(retention) + 3;
      const s = wb.sheet(sheet);
      const head = s.getRange('2:2').getDisplayValues()[0]!;
      const green = head.indexOf(locale === 'en_US' ? 'Green at' : 'Vert à') + 1;
      s.getRange(at, green, 1, 2).setValues([['', '']]);
      expect(dashboard(wb, sheet)[rows.indexOf(retention)]![trend]).toBe(stable);
    });
  }

  test('a month rolled in keeps the scale in the trend’s formula', () => {
    const { wb, app } = addon();
    app.run('insertKpis', { kpis: [], examples: true });
    const s = wb.sheet('KPI dashboard');
    const last = s
      .getRange('2:2')
      .getDisplayValues()[0]!
      .filter((h) => /^\d{4}-\d{2}$/.test(h))
      .pop()!;
    const [y, m] = last.split('-').map(Number) as [number, number];
    const until = `${m >= 11 ? y + 1 : y}-${String(((m + 1) % 12) + 1).padStart(2, '0')}`;
    expect((app.run('rollKpis', { until }) as { months: string[] }).months).toHaveLength(2);
    const head = s.getRange('2:2').getDisplayValues()[0]!;
    const trendCol = head.indexOf('Trend') + 1;
    expect(s.getRange(2, trendCol).getFormula()).toMatch(/KPI_TREND\([^)]*, IF\(/);
    const retention = dashboard(wb, 'KPI dashboard').find((r) => r.KPI === 'Customer retention rate')!;
    // two blank months after six: the same six points
    expect(retention.Trend).toBe('improving');
  });

  test('each unit said once: in its column, not in the KPI’s name too', () => {
    for (const locale of ['en_US', 'fr_FR']) {
      const { wb, app } = addon(locale);
      const keys = KPI_LIBRARY.flatMap((f) => f.kpis.map((k) => k.key));
      app.run('insertKpis', { kpis: keys, examples: false });
      const sheet = locale === 'en_US' ? 'KPI dashboard' : 'Tableau de bord KPI';
      const unitHeader = locale === 'en_US' ? 'Unit' : 'Unité';
      const rows = dashboard(wb, sheet);
      expect(rows).toHaveLength(keys.length);
      for (const r of rows) {
        expect(r[unitHeader], r.KPI).not.toBe('');
        expect(r.KPI!.toLowerCase(), locale).not.toContain(r[unitHeader]!.toLowerCase());
      }
    }
  });
});

describe('Review history in the sheet’s language', () => {
  test('fr_FR: the Level column says entreprise, département, équipe', () => {
    const { wb, app } = addon('fr_FR');
    app.run('insertQuarter', {
      quarter: 'T1 2026',
      fiscalStart: 1,
      levels: ALL_LEVELS,
      content: 'examples',
    });
    const s = app.run('getReviewState', { sheet: 'OKR T1 2026' }) as { reviewId: string };
    app.run('finishReview', { reviewId: s.reviewId });
    const values = wb.sheet('Revues').getDataRange().getDisplayValues();
    const head = values[0]!;
    const level = head.indexOf('Niveau');
    const decision = head.indexOf('Décision');
    const grade = head.indexOf('Note calculée');
    const rows = values.slice(1).filter((r) => r[0] !== '');
    expect(rows.map((r) => r[level])).toEqual([
      'entreprise',
      'département',
      'département',
      'équipe',
      'équipe',
    ]);
    // the other words were French already: they stay so
    expect(new Set(rows.map((r) => r[decision]))).toEqual(new Set(['reporter']));
    expect(rows.every((r) => ['vert', 'jaune', 'rouge'].includes(r[grade]!))).toBe(true);
  });

  test('en_US: company, department, team', () => {
    const { wb, app } = addon();
    app.run('insertQuarter', { quarter: 'Q1 2026', fiscalStart: 1, levels: ALL_LEVELS, content: 'examples' });
    const s = app.run('getReviewState', { sheet: 'OKR Q1 2026' }) as { reviewId: string };
    app.run('finishReview', { reviewId: s.reviewId });
    const values = wb.sheet('Reviews').getDataRange().getDisplayValues();
    const level = values[0]!.indexOf('Level');
    expect(values.slice(1).map((r) => r[level])).toEqual([
      'company',
      'department',
      'department',
      'team',
      'team',
    ]);
  });
});
