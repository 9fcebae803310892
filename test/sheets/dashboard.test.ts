/**
 * The Dashboard sheet (Extensions › OKR & KPI › Dashboard), through the bundle on the emulator: its
 * charts read the data blocks the add-on writes, with their titles and options in English and
 * French; the blocks hold what the sidebars' charts and the quarter sheet compute (the last week is
 * the sheet's overall score); a refresh updates the charts in place and keeps the user's own cells
 * and charts; no quarter sheet is refused; and its calls do not grow with the log.
 */
import { describe, expect, test } from 'vitest';
import { krScoreOf } from '../../src/core/quarter-model';
import type { KrRead } from '../../src/core/read-quarter';
import { ALL_LEVELS, addon } from './support';

type Wb = ReturnType<typeof addon>['wb'];
type App = ReturnType<typeof addon>['app'];
type Sheet = ReturnType<Wb['sheet']>;
type Chart = ReturnType<Sheet['getCharts']>[number];

/** The example quarter Q1 2026 (over: its "as of" is its last day), with its example check-ins. */
function example(locale = 'en_US') {
  const { wb, app } = addon(locale);
  const r = app.run('insertQuarter', {
    quarter: 'Q1 2026',
    fiscalStart: 1,
    levels: ALL_LEVELS,
    content: 'examples',
  }) as { sheet: string };
  return { wb, app, name: r.sheet };
}

/** Extensions › OKR & KPI › Dashboard; fails with the alert's text when the add-on refused. */
function dashboard(wb: Wb, app: App, name = 'Dashboard'): Sheet {
  app.services.ui.clearShown();
  app.call('showDashboard');
  const alerts = app.services.ui.dialogsShown();
  if (alerts.length) throw new Error(alerts.map((a) => a.message).join('\n'));
  return wb.sheet(name);
}

/** The quarter sheet's rows by id, each cell under its header; computed columns found by their formula. */
function quarterOf(wb: Wb, name: string) {
  const sheet = wb.sheet(name);
  const values = sheet.getDataRange().getValues();
  const formulas = sheet.getDataRange().getFormulas();
  const h = values.findIndex((r) => r.includes('KR ID'));
  const header = values[h]!.map(String);
  const byFormula = (fn: string) => formulas[h]!.findIndex((f) => f.includes(`${fn}(`));
  const [krScore, rollup] = [byFormula('KR_SCORE'), byFormula('OKR_ROLLUP')];
  const rows = new Map<string, unknown[]>();
  for (const r of values.slice(h + 1)) {
    const id = String(r[header.indexOf('KR ID')] || r[header.indexOf('Objective ID')]);
    if (id) rows.set(id, r);
  }
  const overall = values[0]![values[0]!.indexOf('Overall score') + 1];
  return {
    rows,
    overall,
    krScore: (id: string) => rows.get(id)![krScore],
    rollup: (id: string) => rows.get(id)![rollup],
  };
}

/** The dashboard's charts by title's start, with the values their ranges cover (side by side). */
function chartsOf(sheet: Sheet) {
  return sheet.getCharts().map((c) => ({
    chart: c,
    id: c.getChartId(),
    type: c.modify().getChartType() as unknown as string,
    title: String(c.getOptions().get('title')),
    a1: c.getRanges().map((r) => r.getA1Notation()),
    table: joined(c),
  }));
}

/** A chart's ranges' values joined side by side, as a chart reads them. */
function joined(c: Chart): unknown[][] {
  const parts = c.getRanges().map((r) => r.getValues());
  return parts[0]!.map((_, i) => parts.flatMap((p) => p[i]!));
}

/** A date cell's day in the spreadsheet's time zone, as yyyy-mm-dd. */
const iso = (d: unknown) =>
  d instanceof Date ? d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' }) : d;

/** Writes a row of the log by hand, as a team back-fills a check-in it forgot. */
function logRow(wb: Wb, date: string, kr: string, value: number) {
  const log = wb.sheet('Check-ins');
  log
    .getRange(log.getLastRow() + 1, 1, 1, 4)
    .setValues([[new Date(`${date}T12:00:00Z`), 'Q1 2026', kr, value]]);
}

describe('the Dashboard sheet', () => {
  test('made from the menu: a chart per purpose, each reading the data block the add-on wrote', () => {
    const { wb, app } = example();
    const sheet = dashboard(wb, app);
    expect(wb.spreadsheet.getActiveSheet().getName()).toBe('Dashboard');
    expect(sheet.getRange('A1').getValue()).toBe('Dashboard: OKR Q1 2026');
    expect(sheet.getRange('A2').getValue()).toMatch(
      /^Charts and their data \(the blocks on the right, from column Q\) are written by the add-on from "OKR Q1 2026" and the "Check-ins" log, as of Mar 31, 2026\./,
    );
    const charts = chartsOf(sheet);
    // overall, objectives, then one chart of KR trends per objective (the example has 5)
    expect(charts.map((c) => [c.type, c.title])).toEqual([
      ['LINE', 'Overall score by week'],
      ['BAR', 'Objectives: rolled-up score by grade'],
      ['LINE', 'O1 Increase our presence on the global mar…: key results vs. expected'],
      ['LINE', 'O2 Grow brand awareness: key results vs. expected'],
      ['LINE', 'O3 Widen market access in European countri…: key results vs. expected'],
      ['LINE', 'O4 Improve the speed of our search results…: key results vs. expected'],
      ['LINE', 'O5 Keep our customers longer: key results vs. expected'],
    ]);
    const [overall, objectives, o1] = charts;
    // 90 days: week ends Jan 7 … Mar 25 (12), then Mar 31, under a header row
    expect(overall!.a1).toEqual(['Y4:AA17']);
    expect(overall!.table[0]).toEqual(['Week ending', 'Overall score', 'Expected pace']);
    expect(overall!.table.slice(1).map((r) => iso(r[0]))).toEqual([
      ...Array.from({ length: 12 }, (_, k) =>
        new Date(Date.UTC(2026, 0, 7 + 7 * k)).toISOString().slice(0, 10),
      ),
      '2026-03-31',
    ]);
    expect(objectives!.a1).toEqual(['Q4:Q9', 'U4:W9']);
    expect(objectives!.table[0]).toEqual(['Objective', 'green', 'yellow', 'red']);
    expect(objectives!.table.slice(1).map((r) => String(r[0]).slice(0, 2))).toEqual([
      'O1',
      'O2',
      'O3',
      'O4',
      'O5',
    ]);
    // a KR chart: the weeks, the objective's KRs, then the expected line
    expect(o1!.a1).toEqual(['Y4:Y17', 'AC4:AD17', 'AB4:AB17']);
    expect(o1!.table[0]).toEqual([
      'Week ending',
      'O1.1 Expand operat…',
      'O1.2 Grow internat…',
      'Expected line',
    ]);
    for (const c of charts) expect(c.chart.getNumHeaders()).toBe(1);
  });

  test('its options: percent axes 0–100 %, legends, the expected lines dashed, bars coloured by grade', () => {
    const { wb, app } = example();
    const [overall, objectives, , o2] = dashboard(wb, app).getCharts();
    const o = (c: Chart, k: string) => c.getOptions().get(k);
    expect(o(overall!, 'vAxis')).toEqual({ format: 'percent', minValue: 0, maxValue: 1, title: 'Score' });
    expect(o(overall!, 'hAxis.title')).toBe('Week ending');
    expect(o(overall!, 'legend.position')).toBe('bottom');
    expect(o(overall!, 'series.1.lineDashStyle')).toEqual([6, 4]);
    expect(o(objectives!, 'isStacked')).toBe(true);
    expect(o(objectives!, 'colors')).toEqual(['#34a853', '#fbbc04', '#ea4335']);
    expect(o(objectives!, 'hAxis.format')).toBe('percent');
    // O2 has three KRs: the fourth series is its expected line
    expect(o(o2!, 'series.3.lineDashStyle')).toEqual([6, 4]);
    expect((o(o2!, 'colors') as string[]).at(-1)).toBe('#9aa0a6');
    // new charts are placed: the two wide ones side by side, the KR charts two by two below
    const at = (c: Chart) => {
      const p = c.getContainerInfo();
      return [p.getAnchorRow(), p.getAnchorColumn()];
    };
    expect(dashboardCharts(wb).map(at)).toEqual([
      [4, 1],
      [4, 8],
      [21, 1],
      [21, 8],
      [37, 1],
      [37, 8],
      [53, 1],
    ]);
    expect(o(overall!, 'width')).toBe(660);
  });

  test('in French: the sheet, its charts, its headers and its numbers', () => {
    const { wb, app } = example('fr_FR');
    const sheet = dashboard(wb, app, 'Tableau de bord');
    expect(sheet.getRange('A1').getValue()).toBe('Tableau de bord\u00a0: OKR T1 2026');
    expect(sheet.getRange('A2').getValue()).toContain('du journal «\u00a0Suivi\u00a0», au 31 mars 2026.');
    const charts = chartsOf(sheet);
    expect(charts.slice(0, 3).map((c) => c.title)).toEqual([
      'Score global par semaine',
      'Objectifs\u00a0: score consolidé par note',
      'O1 Augmenter notre présence sur le marché…\u00a0: résultats clés face à l’attendu',
    ]);
    expect(charts[0]!.table[0]).toEqual(['Semaine au', 'Score global', 'Rythme attendu']);
    expect(charts[1]!.table[0]).toEqual(['Objectif', 'vert', 'jaune', 'rouge']);
    expect(charts[2]!.table[0]!.at(-1)).toBe('Droite attendue');
    expect(charts[0]!.chart.getOptions().get('vAxis.format')).toBe('percent');
    // French number style: "54 %", dates "31 mars"
    const shown = sheet.getRange('R5:R9').getDisplayValues().flat();
    expect(shown.every((s) => /^\d+\u00a0%$/.test(s))).toBe(true);
    expect(sheet.getRange('Y17').getDisplayValue()).toBe('31 mar');
  });
});

/** The Dashboard's charts (English). */
function dashboardCharts(wb: Wb): Chart[] {
  return wb.sheet('Dashboard').getCharts();
}

describe('its data: what the sidebars and the quarter sheet compute', () => {
  test('week by week, the review’s overall score; the last week is the sheet’s overall score', () => {
    const { wb, app, name } = example();
    const [overall] = chartsOf(dashboard(wb, app));
    const review = app.run('getReviewState') as {
      trend: { weeks: { date: string; score: number | null }[] };
    };
    const rows = overall!.table.slice(1);
    expect(rows.map((r) => [iso(r[0]), r[1] === '' ? null : r[1]])).toEqual(
      review.trend.weeks.map((w) => [w.date, w.score]),
    );
    const q = quarterOf(wb, name);
    expect(typeof q.overall).toBe('number');
    expect(rows.at(-1)![1]).toBe(q.overall);
    // the pace: four aspirational objectives (70 %) and a committed one (100 %), a straight line
    // from 0 on the first day; Mar 31 is day 89 of 90
    expect(rows.at(-1)![2]).toBeCloseTo(((4 * 0.7 + 1) / 5) * (89 / 90), 9);
    expect(rows[0]![2]).toBeCloseTo(0.76 * (6 / 90), 9);
  });

  test('per objective, the sheet’s rolled-up score and grade, with a progress bar in its colour', () => {
    const { wb, app, name } = example();
    const sheet = dashboard(wb, app);
    const q = quarterOf(wb, name);
    const block = sheet.getRange('Q5:W9').getValues();
    const formulas = sheet.getRange('S5:S9').getFormulas().flat();
    const review = app.run('getReviewState') as { summary: { objectives: { id: string; grade?: string }[] } };
    block.forEach((r, i) => {
      const id = `O${i + 1}`;
      expect(String(r[0]).startsWith(`${id} · `)).toBe(true);
      expect(r[1]).toBe(q.rollup(id));
      const grade = review.summary.objectives.find((o) => o.id === id)!.grade!;
      expect(r[3]).toBe(grade);
      // the score again under its grade only: one coloured bar per objective in the chart
      expect(r.slice(4)).toEqual(['green', 'yellow', 'red'].map((g) => (g === grade ? r[1] : '')));
      const colour = { green: '#34a853', yellow: '#fbbc04', red: '#ea4335' }[grade];
      expect(formulas[i]).toBe(`=SPARKLINE(R${5 + i},{"charttype","bar";"max",1;"color1","${colour}"})`);
    });
    expect(new Set(block.map((r) => r[3])).size).toBeGreaterThan(1);
  });

  test('per KR, its score at each week’s end from its check-ins, the last one the sheet’s KR score', () => {
    const { wb, app, name } = example();
    logRow(wb, '2026-03-02', 'O1.2', 122.5);
    const charts = chartsOf(dashboard(wb, app));
    const q = quarterOf(wb, name);
    const log = wb
      .sheet('Check-ins')
      .getDataRange()
      .getValues()
      .slice(1)
      .map((r) => ({ date: iso(r[0]) as string, id: String(r[2]), value: r[3] }));
    let checked = 0;
    for (const c of charts.slice(2)) {
      const [head, ...rows] = c.table;
      head!.slice(1, -1).forEach((label, k) => {
        const id = String(label).split(' ')[0]!;
        const row = q.rows.get(id)!;
        const header = wb.sheet(name).getRange('A2:Z2').getValues()[0]!;
        const kr = {
          id,
          type: row[header.indexOf('Type')] || undefined,
          start: row[header.indexOf('Start')] === '' ? undefined : row[header.indexOf('Start')],
          target: row[header.indexOf('Target')] === '' ? undefined : row[header.indexOf('Target')],
        } as KrRead;
        rows.forEach((r, w) => {
          const day = iso(r[0]) as string;
          const got = r[1 + k];
          if (w === rows.length - 1) {
            expect(got, `${id} on ${day}`).toBe(q.krScore(id));
            return;
          }
          // its last check-in with a value on or before that day, scored as the sheet scores it
          const last = log.filter((e) => e.id === id && e.value !== '' && e.date <= day).at(-1);
          const want = last ? krScoreOf({ ...kr, current: last.value as number }) : undefined;
          expect(got === '' ? undefined : got, `${id} on ${day}`).toBe(want);
          checked++;
        });
      });
      // the expected line: 0 on the first day to 100 % on the last
      expect(rows.at(-1)!.at(-1)).toBe(1);
      expect(rows[0]!.at(-1)).toBeCloseTo(6 / 89, 9);
    }
    expect(checked).toBeGreaterThan(100);
    // O1.2: 100 → 125, check-ins 106 (Jan 15), 120 (Feb 12), 122.5 (Mar 2, typed in the log); its
    // Current still reads 120 (a row typed in the log moves no cell of the sheet): 80 % on Mar 31
    const o1 = charts[2]!.table;
    const at = (date: string) => o1.find((r) => iso(r[0]) === date)![2];
    expect(['2026-01-14', '2026-01-21', '2026-02-18', '2026-03-04', '2026-03-31'].map(at)).toEqual([
      '',
      0.24,
      0.8,
      0.9,
      0.8,
    ]);
  });
});

describe('refresh', () => {
  test('after a check-in: the last point moves, the charts are the same ones, updated in place', () => {
    const { wb, app, name } = example();
    const sheet = dashboard(wb, app);
    const before = chartsOf(sheet);
    const last = () => chartsOf(sheet)[0]!.table.at(-1)!;
    const o2 = () => chartsOf(sheet)[3]!.table.at(-1)![2]; // O2.2's score on the last day
    const [score0, o220] = [last()[1], o2()];
    app.run('checkIn', { entries: [{ krId: 'O2.2', value: 19, comment: 'a big month' }] });
    dashboard(wb, app);
    const after = chartsOf(sheet);
    expect(after.map((c) => c.id)).toEqual(before.map((c) => c.id));
    expect(last()[1]).not.toBe(score0);
    expect(last()[1]).toBe(quarterOf(wb, name).overall);
    expect(o2()).not.toBe(o220);
    expect(o2()).toBe(quarterOf(wb, name).krScore('O2.2'));
    // twice more: still one dashboard, the same number of charts
    dashboard(wb, app);
    dashboard(wb, app);
    expect(wb.spreadsheet.getSheets().filter((s) => s.getName().startsWith('Dashboard'))).toHaveLength(1);
    expect(sheet.getCharts()).toHaveLength(before.length);
  });

  test('writes only its own sheet', () => {
    const { wb, app } = example();
    dashboard(wb, app);
    const others = () =>
      wb.spreadsheet
        .getSheets()
        .filter((s) => s.getName() !== 'Dashboard')
        .map((s) => [
          s.getName(),
          s.getDataRange().getFormulas(),
          s.getDataRange().getValues(),
          s.getCharts().length,
        ]);
    const before = JSON.stringify(others());
    dashboard(wb, app);
    expect(JSON.stringify(others())).toBe(before);
  });

  test('keeps the user’s own cells and charts, and where the user moved the add-on’s charts', () => {
    const { wb, app } = example();
    const sheet = dashboard(wb, app);
    sheet.getRange('A80').setValue('my note');
    sheet.getRange('P5').setValue(42);
    sheet.getRange('X12').setFormula('=SUM(R5:R9)');
    sheet.insertChart(
      sheet
        .newChart()
        .addRange(sheet.getRange('Q4:R9'))
        .setPosition(70, 2, 0, 0)
        .setOption('title', 'Mine')
        .build(),
    );
    const [overall] = sheet.getCharts();
    sheet.updateChart(overall!.modify().setPosition(90, 3, 5, 5).setOption('width', 500).build());
    dashboard(wb, app);
    expect(sheet.getRange('A80').getValue()).toBe('my note');
    expect(sheet.getRange('P5').getValue()).toBe(42);
    expect(sheet.getRange('X12').getFormula()).toBe('=SUM(R5:R9)');
    const charts = sheet.getCharts();
    expect(charts).toHaveLength(8);
    const mine = charts.find((c) => c.getOptions().get('title') === 'Mine')!;
    expect(mine.getRanges().map((r) => r.getA1Notation())).toEqual(['Q4:R9']);
    const moved = charts.find((c) => c.getChartId() === overall!.getChartId())!;
    expect(moved.getContainerInfo().getAnchorRow()).toBe(90);
    expect(moved.getOptions().get('width')).toBe(500);
    expect(moved.getOptions().get('title')).toBe('Overall score by week');
  });

  test('rows and columns the user inserts above and left of the blocks: the blocks and charts follow them', () => {
    const { wb, app } = example();
    const sheet = dashboard(wb, app);
    const before = chartsOf(sheet).map((c) => c.table);
    sheet.insertRowsBefore(1, 2); // a banner of the user's own
    sheet.getRange('A1').setValue('Team Rocket');
    sheet.insertColumnsBefore(17, 1); // a column of notes before the data
    dashboard(wb, app);
    expect(sheet.getRange('A1').getValue()).toBe('Team Rocket');
    expect(sheet.getRange('A3').getValue()).toBe('Dashboard: OKR Q1 2026');
    expect(sheet.getRange('A4').getValue()).toContain('(the blocks on the right, from column R)');
    expect(sheet.getRange('A1:A2').getValues().flat()).toEqual(['Team Rocket', '']);
    const charts = chartsOf(sheet);
    expect(charts[0]!.a1).toEqual(['Z6:AB19']);
    expect(charts[1]!.a1).toEqual(['R6:R11', 'V6:X11']);
    expect(charts.map((c) => c.table)).toEqual(before);
    // nothing left where the blocks were before they moved
    expect(
      sheet
        .getRange('Q1:Q40')
        .getValues()
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
    expect(sheet.getRange('T7').getFormula()).toMatch(/^=SPARKLINE\(S7,/);
  });

  test('an objective gone: its chart goes, its row of the block is blanked; the rest stays', () => {
    const { wb, app, name } = example();
    const sheet = dashboard(wb, app);
    const quarter = wb.sheet(name);
    const ids = quarter.getRange('A1:C40').getValues();
    const rows = ids.flatMap((r, i) => (r[0] === 'O5' || r[1] === 'O5' ? [i + 1] : []));
    expect(rows.length).toBe(4);
    quarter.deleteRows(rows[0]!, rows.length);
    dashboard(wb, app);
    const charts = chartsOf(sheet);
    expect(charts).toHaveLength(6);
    expect(charts.some((c) => c.title.startsWith('O5 '))).toBe(false);
    expect(sheet.getRange('Q9:W9').getValues()[0]).toEqual(['', '', '', '', '', '', '']);
    expect(sheet.getRange('S9').getFormula()).toBe('');
    expect(charts[1]!.a1).toEqual(['Q4:Q8', 'U4:W8']);
    // the KR columns of O5 are blanked too
    expect(
      sheet
        .getRange('AL4:AN17')
        .getValues()
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
  });

  test('a renamed dashboard is the one refreshed; a deleted one is made again', () => {
    const { wb, app } = example();
    const sheet = dashboard(wb, app);
    sheet.setName('Our charts');
    dashboard(wb, app, 'Our charts');
    expect(wb.spreadsheet.getSheetByName('Dashboard')).toBeNull();
    wb.spreadsheet.deleteSheet(sheet);
    expect(dashboard(wb, app).getCharts()).toHaveLength(7);
  });

  test('a sheet of the user already named "Dashboard" is left alone: the add-on’s is "Dashboard (2)"', () => {
    const { wb, app } = example();
    wb.spreadsheet.insertSheet('Dashboard').getRange('A1').setValue('ours');
    const sheet = dashboard(wb, app, 'Dashboard (2)');
    expect(sheet.getCharts()).toHaveLength(7);
    expect(wb.sheet('Dashboard').getRange('A1').getValue()).toBe('ours');
    expect(wb.sheet('Dashboard').getCharts()).toHaveLength(0);
  });
});

describe('a quarter not started, its rows still blank', () => {
  test('one point (its first day), objectives and KRs named by their ids, no score yet', () => {
    const { wb, app } = addon();
    app.run('insertQuarter', { quarter: 'Q2 2099', fiscalStart: 1, levels: ALL_LEVELS, content: 'blank' });
    const charts = chartsOf(dashboard(wb, app));
    expect(charts.map((c) => c.title)).toEqual([
      'Overall score by week',
      'Objectives: rolled-up score by grade',
      'O1: key results vs. expected',
      'O2: key results vs. expected',
      'O3: key results vs. expected',
    ]);
    const [overall, objectives, o1] = charts;
    expect(overall!.table.slice(1).map((r) => [iso(r[0]), r[1], r[2]])).toEqual([['2099-04-01', '', 0]]);
    expect(objectives!.table.slice(1)).toEqual([
      ['O1', '', '', ''],
      ['O2', '', '', ''],
      ['O3', '', '', ''],
    ]);
    expect(o1!.table[0]).toEqual(['Week ending', 'O1.1', 'O1.2', 'O1.3', 'Expected line']);
  });
});

describe('refusals', () => {
  test('no quarter sheet: says which sheet to insert, and writes nothing', () => {
    const { wb, app } = addon();
    app.call('showDashboard');
    const [alert] = app.services.ui.dialogsShown();
    expect(alert!.message).toMatch(
      /^The dashboard charts a quarter sheet, and there is none yet: insert "OKR Q[1-4] \d{4}" first \(Extensions › OKR & KPI › Insert a quarter…\)\. Nothing was written\.$/,
    );
    expect(wb.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
  });

  test('in French too', () => {
    const { app } = addon('fr_FR');
    app.call('showDashboard');
    expect(app.services.ui.dialogsShown()[0]!.message).toMatch(
      /^Le tableau de bord montre une feuille de trimestre, et il n’y en a aucune\u00a0: insérez d’abord «\u00a0OKR T[1-4] \d{4}\u00a0»/,
    );
  });

  test('a quarter sheet that lost a column: names it, and no dashboard is made', () => {
    const { wb, app, name } = example();
    const quarter = wb.sheet(name);
    const header = quarter.getRange('A2:Z2').getValues()[0]!;
    quarter.getRange(2, header.indexOf('Target') + 1).setValue('Goal');
    app.call('showDashboard');
    const [alert] = app.services.ui.dialogsShown();
    expect(alert!.message).toContain('"OKR Q1 2026" can\'t be read safely: Column "Target" not found');
    expect(alert!.message).toMatch(/Nothing was written\.$/);
    expect(wb.spreadsheet.getSheetByName('Dashboard')).toBeNull();
  });
});

describe('service calls', () => {
  /** A refresh's calls (the dashboard already made), custom functions aside. */
  const calls = (wb: Wb, app: App) => {
    dashboard(wb, app);
    wb.counter.reset();
    dashboard(wb, app);
    return Object.fromEntries(
      Object.entries(wb.counter.snapshot()).filter(([k]) => !k.startsWith('CustomFunction.')),
    );
  };

  test('one read per block read, one write per block written; the same whatever the log’s length', () => {
    const small = example();
    const big = example();
    for (let d = 1; d <= 120; d++)
      logRow(big.wb, `2026-0${(d % 3) + 1}-${String((d % 28) + 1).padStart(2, '0')}`, `O${(d % 5) + 1}.1`, d);
    const few = calls(small.wb, small.app);
    expect(calls(big.wb, big.app)).toEqual(few);
    // the quarter sheet, the log's header, the log's rows
    expect(few['Range.getValues']).toBe(3);
    // the title and note, the objectives' block, the weeks' block
    expect(few['Range.setValues']).toBe(3);
    expect(few['Range.setNumberFormats']).toBe(3);
    // the charts: read once, each updated in place, none inserted or removed
    expect(few['Sheet.getCharts']).toBe(1);
    expect(few['Sheet.updateChart']).toBe(7);
    expect(few['Sheet.insertChart'] ?? 0).toBe(0);
    expect(few['Sheet.removeChart'] ?? 0).toBe(0);
  });
});
