/**
 * Live key results through the bundle on the emulator: a KPI linked to its KR (the KR's Current one
 * formula over the KPI's latest value) following edits on both sheets; "Record live values" writing
 * one log row per live KR in one append, nothing twice, errors named; the log rows reaching the
 * forecast column, the sidebar's charts and the review; and the opening-time recording, at most once
 * a day and never in AuthMode.NONE.
 */
import { describe, expect, test } from 'vitest';
import { ALL_LEVELS, addon, letterOf } from './support';

type App = ReturnType<typeof addon>['app'];
type Wb = ReturnType<typeof addon>['wb'];

interface Recorded {
  recorded: string[];
  unchanged: string[];
  failed: { id: string; shown: string }[];
  alreadyLogged: boolean;
  message: string;
}
interface Linked {
  linked: { kpi: string; kr: string }[];
  already: string[];
  confirm?: string;
  message: string;
}

/** Today's quarter (the bundle dates check-ins by the real clock), with examples and the KPI dashboard. */
function team(locale = 'en_US') {
  const { wb, app } = addon(locale);
  const now = new Date();
  const label = `Q${Math.floor(now.getMonth() / 3) + 1} ${now.getFullYear()}`;
  const r = app.run('insertQuarter', {
    quarter: label,
    fiscalStart: 1,
    levels: ALL_LEVELS,
    content: 'examples',
  }) as {
    sheet: string;
  };
  app.run('insertKpis', { kpis: [], examples: true });
  const kpiName = locale === 'fr_FR' ? 'Tableau de bord KPI' : 'KPI dashboard';
  return { wb, app, name: r.sheet, kpiName };
}

/** A quarter sheet's cell by KR id and column header (rows found by id: sorts move them). */
function krCell(wb: Wb, sheet: string, id: string, header: string) {
  const s = wb.sheet(sheet);
  const ids = s
    .getRange(`${letterOf(s, 'KR ID')}1:${letterOf(s, 'KR ID')}`)
    .getValues()
    .map((r) => r[0]);
  const row = ids.indexOf(id) + 1;
  if (row < 1) throw new Error(`no KR ${id}`);
  return s.getRange(`${letterOf(s, header)}${row}`);
}

/** A KPI dashboard's cell by KPI id and column header (header row 2). */
function kpiCell(wb: Wb, sheet: string, id: string, header: string) {
  const s = wb.sheet(sheet);
  const values = s.getDataRange().getValues();
  const row = values.findIndex((r) => r[0] === id) + 1;
  const col = values[1]!.map(String).indexOf(header) + 1;
  if (row < 1 || col < 1) throw new Error(`no ${id}/${header}`);
  return s.getRange(row, col);
}

/** The log's rows of a KR: [value, comment]. */
function logRows(wb: Wb, kr: string): [unknown, unknown][] {
  const values = wb.sheet('Check-ins').getDataRange().getValues();
  return values.filter((r) => r[2] === kr).map((r) => [r[3], r[5]]);
}
const logLength = (wb: Wb) => wb.sheet('Check-ins').getLastRow();

function linked(app: App) {
  const first = app.run('linkKpis') as Linked;
  expect(first.confirm).toMatch(/O5\.1 holds a value checked in by hand \(7\.0%\): linking KPI K3/);
  expect(first.linked).toEqual([]);
  return app.run('linkKpis', { confirm: true }) as Linked;
}

describe('KPIs feed KRs', () => {
  test('a typed Current is replaced only with a yes, its value kept in a note; then the KR follows its KPI', () => {
    const { wb, app, name, kpiName } = team();
    const current = krCell(wb, name, 'O5.1', 'Current');
    expect(current.getFormula()).toBe('');
    // asked first: nothing written
    expect((app.run('linkKpis') as Linked).confirm).toContain('Replace them?');
    expect(current.getFormula()).toBe('');
    const r = linked(app);
    expect(r.linked).toContainEqual({ kpi: 'K3', kr: 'O5.1' });
    expect(r.message).toBe('5 key results linked to their KPIs.');
    const f = krCell(wb, name, 'O5.1', 'Current').getFormula();
    expect(f).toMatch(
      /^=INDEX\('KPI dashboard'!\$[A-Z]+:\$[A-Z]+, MATCH\("K3", 'KPI dashboard'!\$A:\$A, 0\)\)$/,
    );
    expect(krCell(wb, name, 'O5.1', 'Current').getNote()).toBe(
      'Before the link to its KPI, this cell held: 7.0%',
    );
    expect(krCell(wb, name, 'O5.1', 'Current').getValue()).toBeCloseTo(0.07, 10);
    // linked again: nothing changes, nothing asked
    const again = app.run('linkKpis') as Linked;
    expect(again.confirm).toBeUndefined();
    expect(again.already).toContain('O5.1');
    expect(krCell(wb, name, 'O5.1', 'Current').getFormula()).toBe(f);

    // a new value in the KPI's last month: the KR's Current and its score follow
    const scoreBefore = krCell(wb, name, 'O5.1', 'KR score').getValue();
    const lastMonth = wb
      .sheet(kpiName)
      .getRange('2:2')
      .getDisplayValues()[0]!
      .filter((h) => /^\d{4}-\d\d$/.test(h))
      .pop()!;
    kpiCell(wb, kpiName, 'K3', lastMonth).setValue(0.061);
    expect(krCell(wb, name, 'O5.1', 'Current').getValue()).toBeCloseTo(0.061, 10);
    expect(krCell(wb, name, 'O5.1', 'KR score').getValue()).not.toBe(scoreBefore);
    expect(kpiCell(wb, kpiName, 'K3', 'Latest').getValue()).toBeCloseTo(0.061, 10);

    // a month rolled in (a column inserted before "Latest") and its value typed: still followed
    const [y, m] = lastMonth.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    app.run('rollKpis', { until: next });
    kpiCell(wb, kpiName, 'K3', next).setValue(0.058);
    expect(krCell(wb, name, 'O5.1', 'Current').getValue()).toBeCloseTo(0.058, 10);

    // the KPI sheet sorted (by name, descending): O5.1 still reads K3, O5.2 still K4
    const kpis = wb.sheet(kpiName);
    const rows = kpis
      .getDataRange()
      .getValues()
      .filter((r, i) => i >= 2 && r[0] !== '').length;
    const before = kpiCell(wb, kpiName, 'K3', 'KPI').getRow();
    kpis.getRange(3, 1, rows, kpis.getLastColumn()).sort({ column: 2, ascending: false });
    expect(kpiCell(wb, kpiName, 'K3', 'KPI').getRow()).not.toBe(before);
    expect(krCell(wb, name, 'O5.1', 'Current').getValue()).toBeCloseTo(0.058, 10);
    expect(krCell(wb, name, 'O5.2', 'Current').getValue()).toBe(
      kpiCell(wb, kpiName, 'K4', 'Latest').getValue(),
    );

    // the quarter sheet sorted (by KR ID, descending): each KR keeps its own KPI
    const q = wb.sheet(name);
    const o51 = krCell(wb, name, 'O5.1', 'Current').getRow();
    q.getRange(3, 1, q.getLastRow() - 2, q.getLastColumn()).sort({
      column: q.getRange(`${letterOf(q, 'KR ID')}1`).getColumn(),
      ascending: false,
    });
    expect(krCell(wb, name, 'O5.1', 'Current').getRow()).not.toBe(o51);
    expect(krCell(wb, name, 'O5.1', 'Current').getValue()).toBeCloseTo(0.058, 10);
    expect(krCell(wb, name, 'O3.2', 'Current').getValue()).toBe(
      kpiCell(wb, kpiName, 'K8', 'Latest').getValue(),
    );
    kpiCell(wb, kpiName, 'K3', next).setValue(0.055);
    expect(krCell(wb, name, 'O5.1', 'Current').getValue()).toBeCloseTo(0.055, 10);
  });

  test('a KR id that does not exist is refused, naming the KPI and the KR; nothing written', () => {
    const { wb, app, name, kpiName } = team();
    kpiCell(wb, kpiName, 'K1', 'Linked KR').setValue('O9.9');
    expect(() => app.run('linkKpis', { confirm: true })).toThrow(
      `KPI K1 names O9.9 in "Linked KR", but "${name}" has no key result O9.9. Nothing was written.`,
    );
    expect(krCell(wb, name, 'O5.1', 'Current').getFormula()).toBe('');
  });

  test('a KPI ID showing an error is no ID: refused, nothing written', () => {
    const { wb, app, name, kpiName } = team();
    const id = kpiCell(wb, kpiName, 'K3', 'Linked KR');
    wb.sheet(kpiName).getRange(id.getRow(), 1).setFormula('=1/0');
    expect(() => app.run('linkKpis', { confirm: true })).toThrow(
      /has no KPI ID: give it one.*Nothing was written\./,
    );
    expect(krCell(wb, name, 'O5.1', 'Current').getFormula()).toBe('');
  });

  test('a KR id on two rows is named as such (not "no key result"); nothing written', () => {
    const { wb, app, name } = team();
    const o22 = krCell(wb, name, 'O2.2', 'KR ID');
    const o51 = krCell(wb, name, 'O5.1', 'KR ID').getRow();
    o22.setValue('O5.1');
    const rows = [o51, o22.getRow()].sort((a, b) => a - b);
    expect(() => app.run('linkKpis', { confirm: true })).toThrow(
      `O5.1 is the KR ID of rows ${rows[0]} and ${rows[1]}: give each key result its own ID. Nothing was written.`,
    );
    expect(wb.sheet(name).getRange(o51, o22.getColumn()).getValue()).toBe('O5.1');
    expect(krCell(wb, name, 'O5.1', 'Current').getFormula()).toBe('');
  });

  test('in French', () => {
    const { wb, app, name, kpiName } = team('fr_FR');
    kpiCell(wb, kpiName, 'K1', 'RC lié').setValue('O9.9');
    expect(() => app.run('linkKpis')).toThrow(
      `Le KPI K1 nomme O9.9 dans «\u00a0RC lié\u00a0», mais «\u00a0${name}\u00a0» n’a pas de résultat clé O9.9. Rien n’a été écrit.`,
    );
    kpiCell(wb, kpiName, 'K1', 'RC lié').setValue('');
    const ask = app.run('linkKpis') as Linked;
    expect(ask.confirm).toMatch(/contient une valeur saisie à la main .*Les remplacer\u00a0\?$/);
  });
});

describe('Record live values', () => {
  test('one row per live KR in one append; again: nothing (unchanged today); a retry: nothing twice', () => {
    const { wb, app, name, kpiName } = team();
    expect((app.run('recordLiveValues') as Recorded).message).toBe(
      `No key result of "${name}" has a formula in Current: nothing to record (link a KPI, or type a formula there).`,
    );
    app.run('linkKpis', { confirm: true });
    const before = logLength(wb);
    const o51 = logRows(wb, 'O5.1').length;
    const r = app.run('recordLiveValues', { requestId: 'click-1' }) as Recorded;
    expect(r.recorded.sort()).toEqual(['O2.1', 'O3.1', 'O3.2', 'O5.1', 'O5.2']);
    expect(logLength(wb)).toBe(before + 5);
    expect(logRows(wb, 'O5.1').at(-1)).toEqual([0.07, 'from its formula']);
    expect(logRows(wb, 'O5.1')).toHaveLength(o51 + 1);
    // again today, nothing moved: nothing logged, each named as unchanged
    const again = app.run('recordLiveValues') as Recorded;
    expect(again.recorded).toEqual([]);
    expect(again.unchanged.sort()).toEqual(['O2.1', 'O3.1', 'O3.2', 'O5.1', 'O5.2']);
    expect(logLength(wb)).toBe(before + 5);
    // the KPI moved: its KR alone is logged again; the same click retried logs nothing twice
    const last = wb
      .sheet(kpiName)
      .getRange('2:2')
      .getDisplayValues()[0]!
      .filter((h) => /^\d{4}-\d\d$/.test(h))
      .pop()!;
    kpiCell(wb, kpiName, 'K3', last).setValue(0.065);
    const retried = app.run('recordLiveValues', { requestId: 'click-1' }) as Recorded;
    expect(retried.alreadyLogged).toBe(true);
    expect(logLength(wb)).toBe(before + 5);
    const moved = app.run('recordLiveValues', { requestId: 'click-2' }) as Recorded;
    expect(moved.recorded).toEqual(['O5.1']);
    expect(moved.message).toBe(
      "1 live value recorded. Unchanged since today's check-in: O2.1, O3.1, O3.2, O5.2.".replace(
        'O2.1, O3.1, O3.2, O5.2',
        moved.unchanged.join(', '),
      ),
    );
    expect(logRows(wb, 'O5.1').at(-1)).toEqual([0.065, 'from its formula']);
  });

  test('the append is one write; a formula showing an error or no number is named and not logged', () => {
    const { wb, app, name } = team();
    app.run('linkKpis', { confirm: true });
    krCell(wb, name, 'O1.1', 'Current').setValue('=1/0');
    krCell(wb, name, 'O1.2', 'Current').setValue('="soon"');
    krCell(wb, name, 'O2.2', 'Current').setValue('=Alignment!Z99+12');
    const before = logLength(wb);
    const writes = wb.counter.get('Range.setValues');
    const r = app.run('recordLiveValues') as Recorded;
    expect(r.failed).toEqual([
      { id: 'O1.1', shown: '#DIV/0!' },
      { id: 'O1.2', shown: 'soon' },
    ]);
    expect(r.recorded).toContain('O2.2');
    expect(r.message).toContain('Not recorded (the formula shows no number): O1.1 (#DIV/0!); O1.2 (soon).');
    expect(logLength(wb)).toBe(before + 6);
    expect(logRows(wb, 'O1.1').every(([v]) => v !== '#DIV/0!')).toBe(true);
    // one setValues for the log rows; the "as of" cell is a setValue
    expect(wb.counter.get('Range.setValues') - writes).toBe(1);
  });

  test('the logged values reach the forecast column, the check-in chart and the review', () => {
    const { wb, app, name, kpiName } = team();
    app.run('linkKpis', { confirm: true });
    const forecastBefore = krCell(wb, name, 'O5.1', 'Forecast').getValue();
    const last = wb
      .sheet(kpiName)
      .getRange('2:2')
      .getDisplayValues()[0]!
      .filter((h) => /^\d{4}-\d\d$/.test(h))
      .pop()!;
    kpiCell(wb, kpiName, 'K3', last).setValue(0.09);
    app.run('recordLiveValues');
    const forecast = krCell(wb, name, 'O5.1', 'Forecast').getValue();
    expect(typeof forecast).toBe('number');
    expect(forecast).not.toBe(forecastBefore);
    const state = app.run('getCheckInState') as {
      objectives: {
        krs: { id: string; live: boolean; trend: { points: { date: string; value: number }[] } }[];
      }[];
    };
    const kr = state.objectives.flatMap((o) => o.krs).find((k) => k.id === 'O5.1')!;
    expect(kr.live).toBe(true);
    expect(kr.trend.points.at(-1)!.value).toBeCloseTo(0.09, 10);
    const review = app.run('getReviewState') as {
      summary: { objectives: { krs: { id: string; current: number; shown: { current: string } }[] }[] };
    };
    const rk = review.summary.objectives.flatMap((o) => o.krs).find((k) => k.id === 'O5.1')!;
    expect(rk.shown.current).toBe('9.0%');
  });
});

describe('Recording when the file opens', () => {
  const props = (app: App) =>
    (
      app.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService
    ).getDocumentProperties();

  test('off by default; on: once a day in LIMITED, never in NONE', () => {
    const { wb, app, kpiName } = team();
    app.run('linkKpis', { confirm: true });
    const before = logLength(wb);
    app.call('onOpen', { authMode: 'LIMITED' });
    expect(logLength(wb)).toBe(before); // off
    expect((app.run('setLiveOnOpen', { on: true }) as { message: string }).message).toBe(
      'Live values are recorded when the file opens, at most once a day.',
    );
    // AuthMode.NONE: the menu is built with its items; no property or cell even asked for
    const reads = wb.counter.get('Properties.getProperty');
    app.call('onOpen', { authMode: 'NONE' });
    expect(wb.counter.get('Properties.getProperty')).toBe(reads);
    expect(logLength(wb)).toBe(before);
    const menu = app.services.ui.menus().at(-1)!;
    expect(JSON.stringify(menu.items)).toContain('menuRecordLiveValues');
    expect(JSON.stringify(menu.items)).toContain('menuLinkKpis');
    app.call('onOpen', { authMode: 'LIMITED' });
    expect(logLength(wb)).toBe(before + 5);
    const marker = JSON.parse(props(app).getProperty('okrkpi.liveOnOpen')!) as { on: boolean; day: string };
    expect(marker.on).toBe(true);
    // opened again the same day, a KPI moved: nothing (once a day)
    const last = wb
      .sheet(kpiName)
      .getRange('2:2')
      .getDisplayValues()[0]!
      .filter((h) => /^\d{4}-\d\d$/.test(h))
      .pop()!;
    kpiCell(wb, kpiName, 'K3', last).setValue(0.066);
    app.call('onOpen', { authMode: 'LIMITED' });
    expect(logLength(wb)).toBe(before + 5);
    // the next day: the bundle's clock is the machine's, so the day passes in the marker
    const yesterday = new Date(Date.parse(`${marker.day}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    props(app).setProperty('okrkpi.liveOnOpen', JSON.stringify({ on: true, day: yesterday }));
    app.call('onOpen', { authMode: 'NONE' });
    expect(logLength(wb)).toBe(before + 5);
    app.call('onOpen', { authMode: 'LIMITED' });
    // only what moved since today's row: O5.1
    expect(logLength(wb)).toBe(before + 6);
    expect(logRows(wb, 'O5.1').at(-1)).toEqual([0.066, 'from its formula']);
    // turned off: nothing more
    app.run('setLiveOnOpen', { on: false });
    props(app).setProperty('okrkpi.liveOnOpen', JSON.stringify({ on: false, day: yesterday }));
    kpiCell(wb, kpiName, 'K3', last).setValue(0.067);
    app.call('onOpen', { authMode: 'FULL' });
    expect(logLength(wb)).toBe(before + 6);
  });
});

describe('The menu items', () => {
  test('Link asks first (No: nothing written; Yes: linked); Record says what it did in a toast', () => {
    const { wb, app, name } = team();
    app.services.ui.answer('NO');
    app.call('menuLinkKpis');
    expect(app.services.ui.dialogsShown().at(-1)!.message).toMatch(/O5\.1 holds a value .* Replace them\?$/);
    expect(krCell(wb, name, 'O5.1', 'Current').getFormula()).toBe('');
    app.services.ui.answer('YES');
    app.call('menuLinkKpis');
    expect(krCell(wb, name, 'O5.1', 'Current').getFormula()).toMatch(/^=INDEX\(/);
    app.call('menuRecordLiveValues');
    expect(wb.toasts.at(-1)).toMatchObject({ message: '5 live values recorded.' });
    app.call('menuToggleLiveOnOpen');
    expect(wb.toasts.at(-1)).toMatchObject({
      message: 'Live values are recorded when the file opens, at most once a day.',
    });
    app.call('menuToggleLiveOnOpen');
    expect(wb.toasts.at(-1)).toMatchObject({
      message: 'Live values are no longer recorded when the file opens.',
    });
  });
});
