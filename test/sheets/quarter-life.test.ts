/**
 * Issue 12, the quarter's life: a closed quarter takes no check-in until it is reopened on purpose,
 * a planned next quarter receives the carry-over (one sheet per quarter), the carried quarter keeps
 * formats and starts with blank scores, and what the recap must say.
 */
import { describe, expect, test } from 'vitest';
import { ALL_LEVELS, addon, cellOf, letterOf, recordsOf } from './support';

type App = ReturnType<typeof addon>['app'];
type Wb = ReturnType<typeof addon>['wb'];

function withQuarter(locale = 'en_US') {
  const { wb, app } = addon(locale);
  const r = app.run('insertQuarter', {
    quarter: 'Q1 2026',
    fiscalStart: 1,
    levels: ALL_LEVELS,
    content: 'examples',
  }) as { sheet: string };
  return { wb, app, name: r.sheet };
}
const finish = (app: App, sheet?: string) => {
  const s = app.run('getReviewState', sheet ? { sheet } : null) as { reviewId: string };
  return app.run('finishReview', { reviewId: s.reviewId }) as {
    nextSheet: string;
    renamed: { from: string; to: string }[];
    achieved: string[];
    unlinked: { id: string; parent: string }[];
    intoPlanned: boolean;
  };
};
const history = (wb: Wb) =>
  wb
    .sheet('Reviews')
    .getDataRange()
    .getValues()
    .slice(1)
    .filter((r) => r[0] !== '');

describe('a closed quarter', () => {
  test('refuses check-ins, says why and how to reopen it; reopening is recorded and lets them in', () => {
    const { wb, app, name } = withQuarter();
    finish(app, name);
    const state = app.run('getCheckInState', { sheet: name }) as { closed: string | null };
    expect(state.closed).toMatch(
      /^Q1 2026 was closed by its review on \d{4}-\d{2}-\d{2}: it takes no check-in/,
    );
    expect(() => app.run('checkIn', { sheet: name, entries: [{ krId: 'O2.2', value: 13 }] })).toThrow(
      /Reopen the quarter\)\. Nothing was written\.$/,
    );
    // Extensions › OKR & KPI › Reopen the quarter… opens the review on it, where the user confirms
    wb.sheet(name).activate();
    app.call('showReopen');
    expect(app.services.ui.latestSidebar()).toBeDefined();
    app.run('reopenQuarter', { sheet: name });
    expect(history(wb).at(-1)!.slice(1, 4)).toEqual([
      'Q1 2026',
      '',
      expect.stringMatching(/^Quarter reopened/),
    ]);
    expect(wb.sheet(name).getProtections('SHEET' as never)).toHaveLength(0);
    app.run('checkIn', { sheet: name, entries: [{ krId: 'O2.2', value: 13 }] });
    // finishing again records a new review and carries nothing twice into the next quarter
    const before = wb
      .sheet('OKR Q2 2026')
      .getDataRange()
      .getValues()
      .filter((r) => r[0] !== '' || r[2] !== '').length;
    finish(app, name);
    const after = wb
      .sheet('OKR Q2 2026')
      .getDataRange()
      .getValues()
      .filter((r) => r[0] !== '' || r[2] !== '').length;
    expect(after).toBe(before);
    expect(wb.spreadsheet.getSheets().filter((s) => s.getName().startsWith('OKR Q2 2026'))).toHaveLength(1);
  });

  test('only a closed quarter can be reopened, saying so', () => {
    const { app, name } = withQuarter();
    expect(() => app.run('reopenQuarter', { sheet: name })).toThrow(
      'Q1 2026 is not closed: there is nothing to reopen.',
    );
    expect((app.run('getCheckInState', { sheet: name }) as { closed: string | null }).closed).toBeNull();
  });
});

describe('the next quarter', () => {
  test('already planned: the carry-over goes into it, its own rows kept, a clashing id renamed and said', () => {
    const { wb, app, name } = withQuarter();
    const planned = app.run('insertQuarter', {
      quarter: 'Q2 2026',
      fiscalStart: 1,
      levels: ALL_LEVELS,
      content: 'blank',
    }) as { sheet: string };
    wb.sheet(planned.sheet)
      .getRange(cellOf(wb.sheet(planned.sheet), 'Title', 3))
      .setValue('Our own plan for O1');
    const done = finish(app, name);
    expect(done.nextSheet).toBe(planned.sheet);
    expect(done.intoPlanned).toBe(true);
    expect(wb.spreadsheet.getSheets().filter((s) => s.getName().startsWith('OKR Q2 2026'))).toHaveLength(1);
    const rows = recordsOf(wb.sheet(planned.sheet));
    const objective = (id: string) => rows.find((r) => r['Objective ID'] === id)!;
    expect(objective('O1').Title).toBe('Our own plan for O1');
    // the blank plan's O1 was typed in: the carried O1 got a new id, its KRs and its children follow;
    // O2 and O3 were left empty: the carry-over took their place, ids unchanged
    expect(done.renamed.filter((r) => !r.from.includes('.')).map((r) => r.from)).toEqual(['O1']);
    const moved = done.renamed.find((r) => r.from === 'O1')!.to;
    expect(
      rows
        .filter((r) => r.Objective === moved && r['KR ID'] !== '')
        .map((r) => String(r['KR ID']).split('.')[0]),
    ).toEqual([moved, moved]);
    expect(objective('O2').Title).toBe('Grow brand awareness');
    expect(objective('O2')['Parent objective']).toBe(moved); // its parent link follows the new id
    // the carried rows have their progress bars, as the team's own rows have theirs
    const sheet = wb.sheet(planned.sheet);
    rows.forEach((r, i) => {
      if (r['Objective ID'] === '' && r['KR ID'] === '') return;
      const source = r['KR ID'] === '' ? 'Rolled-up score' : 'KR score';
      expect(sheet.getRange(cellOf(sheet, 'Progress', i + 3)).getFormula()).toContain(
        `N(${cellOf(sheet, source, i + 3)})`,
      );
    });
    // the review state of the next quarter reads every row: nothing blocks it
    expect((app.run('getReviewState', { sheet: planned.sheet }) as { blocking: string[] }).blocking).toEqual(
      [],
    );
  });

  test('carried KRs keep their number format, start from their last value, and show no score before a check-in', () => {
    const { wb, app, name } = withQuarter();
    finish(app, name);
    const next = wb.sheet('OKR Q2 2026');
    const rows = recordsOf(next);
    const at = rows.findIndex((r) => r['KR ID'] === 'O4.2') + 3; // retention 70 % → 77 %, now 74 %
    const shown = (header: string, row: number) => next.getRange(cellOf(next, header, row));
    expect(['Start', 'Target', 'Current'].map((h) => shown(h, at).getValue())).toEqual([0.74, 0.77, '']);
    expect(['Start', 'Target'].map((h) => shown(h, at).getDisplayValue())).toEqual(['74%', '77%']);
    const visits = rows.findIndex((r) => r['KR ID'] === 'O2.1') + 3;
    expect(shown('Start', visits).getDisplayValue()).toBe('82,000');
    // no score, no grade, no red before the first check-in
    const objectives = rows.filter((r) => r['Objective ID'] !== '');
    expect(objectives).toHaveLength(5);
    expect(objectives.map((r) => [r['Rolled-up score'], r.Grade])).toEqual(objectives.map(() => ['', '']));
    // a KR with its own owner keeps it; one with its objective's still has it
    expect(rows.find((r) => r['KR ID'] === 'O1.1')!.Owner).toBe('Operations');
    expect(rows.find((r) => r['KR ID'] === 'O2.3')!.Owner).toBe('');
  });

  test('the recap names KRs carried already achieved, and objectives carried without their parent', () => {
    const { wb, app, name } = withQuarter();
    const s = app.run('getReviewState', { sheet: name }) as { reviewId: string };
    const o1 =
      wb
        .sheet(name)
        .getRange('C1:C40')
        .getValues()
        .findIndex((r) => r[0] === 'O1.1') + 1;
    wb.sheet(name)
      .getRange(cellOf(wb.sheet(name), 'Current', o1))
      .setValue(3); // O1.1 reaches its 3 countries
    app.run('saveReviewStep', {
      reviewId: s.reviewId,
      answer: { objectiveId: 'O1', grade: 'green', wentWell: '', toImprove: '', decision: 'carry_over' },
    });
    app.run('saveReviewStep', {
      reviewId: s.reviewId,
      answer: { objectiveId: 'O2', grade: 'green', wentWell: '', toImprove: '', decision: 'close' },
    });
    const done = finish(app, name);
    expect(done.achieved).toContain('O1.1');
    expect(done.unlinked).toEqual([{ id: 'O4', parent: 'O2' }]); // O4 (SERP speed) hangs off O2, closed
  });
});

describe('a blank quarter', () => {
  test('shows no error in Forecast on rows not filled in yet', () => {
    const { wb, app } = addon();
    const r = app.run('insertQuarter', {
      quarter: 'Q1 2026',
      fiscalStart: 1,
      levels: ALL_LEVELS,
      content: 'blank',
    }) as {
      sheet: string;
    };
    const sheet = wb.sheet(r.sheet);
    const forecast = sheet
      .getRange(`${letterOf(sheet, 'Forecast')}3:${letterOf(sheet, 'Forecast')}20`)
      .getValues()
      .flat();
    expect(forecast.filter((v) => String(v).startsWith('#'))).toEqual([]);
  });
});

describe('the KPI dashboard moves on with the quarters', () => {
  test('after the finish, the review offers to roll it forward: new months appended, history kept, latest and trend over all of it', () => {
    const { wb, app } = addon();
    app.run('insertQuarter', {
      quarter: 'Q1 2026',
      fiscalStart: 1,
      levels: ALL_LEVELS,
      content: 'examples',
      withKpis: true,
    });
    const kpis = wb.sheet('KPI dashboard');
    const before = kpis.getDataRange().getValues();
    expect(before[1]!.slice(10, 16)).toEqual([
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    finish(app, 'OKR Q1 2026');
    const s = app.run('getReviewState', { sheet: 'OKR Q1 2026' }) as {
      kpiRoll: { until: string; months: string[] };
    };
    expect(s.kpiRoll).toEqual({ until: '2026-06', months: ['2026-04', '2026-05', '2026-06'] });
    const r = app.run('rollKpis', { until: s.kpiRoll.until }) as { months: string[] };
    expect(r.months).toEqual(['2026-04', '2026-05', '2026-06']);
    const after = kpis.getDataRange().getValues();
    const header = after[1]!.map(String);
    expect(header.slice(10, 19)).toEqual([
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    expect(header.slice(19, 23)).toEqual(['Latest', 'Status', 'Trend', 'Sparkline']);
    // the history is kept; the latest value and status follow a value typed in the new month
    expect(after.slice(2, 6).map((row) => row.slice(10, 16))).toEqual(
      before.slice(2, 6).map((row) => row.slice(10, 16)),
    );
    const odr = after.findIndex((row) => row[0] === 'K1') + 1;
    kpis.getRange(odr, 19).setValue(0.025); // 2026-06: worse than red at 2 %
    expect(kpis.getRange(odr, 20).getValue()).toBe(0.025);
    expect(kpis.getRange(odr, 21).getValue()).toBe('red');
    expect(kpis.getRange(odr, 23).getFormula()).toBe(`=SPARKLINE(K${odr}:S${odr})`);
    // rolling again to the same month adds nothing; the offer is gone
    expect((app.run('rollKpis', { until: '2026-06' }) as { months: string[] }).months).toEqual([]);
    expect((app.run('getReviewState', { sheet: 'OKR Q1 2026' }) as { kpiRoll: unknown }).kpiRoll).toBeNull();
  });

  test('the library suggests the thresholds the seeds give: order defect rate green at 1 %, red at 2 %', () => {
    const { wb, app } = addon();
    app.run('insertKpis', { kpis: ['odr', 'churn'] });
    const rows = wb.sheet('KPI dashboard').getDataRange().getValues();
    expect(rows.find((r) => r[1] === 'Order defect rate')!.slice(6, 8)).toEqual([0.01, 0.02]);
    expect(rows.find((r) => r[1] === 'Customer churn rate')!.slice(6, 8)).toEqual(['', '']);
  });
});
