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

/** What the check-in sidebar and the health check say of the current quarter (Q4 2026). */
function logReads(app: App, sheet: string) {
  const st = app.run('getCheckInState', { sheet }) as {
    objectives: { krs: { id: string; lastCheckIn: string | null; stale: boolean }[] }[];
  };
  const h = app.run('getHealth', { sheet }) as { findings: { message: string; row?: number }[] };
  return {
    cards: st.objectives.flatMap((o) => o.krs.map((k) => [k.id, k.lastCheckIn, k.stale])),
    findings: h.findings.map((f) => `${f.row}: ${f.message}`),
  };
}
/** The same reads with the log's index gone: the whole log read, the truth the index must agree with. */
function withoutIndex(app: App, sheet: string) {
  const state = app.services.state.toJSON();
  delete (state.document as Record<string, string>)['okrkpi.logIndex'];
  app.services.state.restore(state);
  return logReads(app, sheet);
}

describe('a check-in cut short at any write, then retried', () => {
  const Q4 = 'OKR Q4 2026';
  const setup = () => {
    const { wb, app } = addon();
    app.run('insertQuarter', { quarter: 'Q3 2026', fiscalStart: 1, levels: ALL_LEVELS, content: 'examples' });
    app.run('insertQuarter', { quarter: 'Q4 2026', fiscalStart: 1, levels: ALL_LEVELS, content: 'examples' });
    return { wb, app, log: wb.sheet('Check-ins') };
  };
  // a count and a percentage: each logged value shown as its KR shows it
  const entries = [
    { krId: 'O2.1', value: '90000', comment: 'campaign' },
    { krId: 'O5.1', value: '6.5', confidence: '80' },
  ];

  test('logs its rows once, shown in their KR’s format, and the log’s index still agrees with the log', () => {
    const whole = setup();
    const from = whole.log.getLastRow() + 1;
    const before = whole.wb.writeCount;
    whole.app.run('checkIn', { sheet: Q4, requestId: 'cut', entries });
    const writes = whole.wb.writeCount - before;
    const logged = whole.log.getRange(from, 1, 2, whole.log.getLastColumn()).getDisplayValues();
    expect(logged.map((r) => r[3])).toEqual(['90,000', '6.5%']);
    for (let k = 0; k < writes; k++) {
      const w = setup();
      w.wb.failAfterWrites(k);
      expect(() => w.app.run('checkIn', { sheet: Q4, requestId: 'cut', entries }), `cut at ${k}`).toThrow();
      w.wb.failAfterWrites(undefined);
      w.app.run('checkIn', { sheet: Q4, requestId: 'cut', entries });
      w.app.run('checkIn', { sheet: Q4, requestId: 'next', entries: [{ krId: 'O1.2', value: '121' }] });
      expect(w.log.getLastRow(), `cut at ${k}`).toBe(from + 2);
      expect(w.log.getRange(from, 1, 2, w.log.getLastColumn()).getDisplayValues(), `cut at ${k}`).toEqual(
        logged,
      );
      expect(logReads(w.app, Q4), `cut at ${k}`).toEqual(withoutIndex(w.app, Q4));
    }
  }, 120_000);
});

/** French typography: a no-break space (or a narrow one) before : ; ? ! % and » and after «. */
function badTypography(text: string): string[] {
  return [
    ...text.matchAll(/.{0,12}(?:[ ][:;?!%»]|«[ ]|\d[%]|[^\s\u00a0\u202f][;?!»]|«[^\s\u00a0\u202f]).{0,12}/g),
  ].map((m) => m[0]);
}

describe('French: the new sheet texts and messages', () => {
  const alerts = (app: App) => app.services.ui.dialogsShown().map((a) => a.message);

  test('the Dashboard (its title, note and blocks) and its refusal', () => {
    const empty = addon('fr_FR');
    empty.app.call('showDashboard');
    const refusal = alerts(empty.app);
    expect(refusal.length).toBe(1);
    const { wb, app } = withQuarter('fr_FR');
    app.call('showDashboard');
    expect(alerts(app)).toEqual([]);
    const texts = wb
      .sheet('Tableau de bord')
      .getDataRange()
      .getDisplayValues()
      .flat()
      .filter((v) => /[a-z]/i.test(v));
    expect(texts.some((t) => t.includes('«'))).toBe(true);
    expect([...refusal, ...texts].flatMap(badTypography)).toEqual([]);
  });

  test('the quarter sheet’s notes on its settings and headers', () => {
    const { wb } = withQuarter('fr_FR');
    const s = wb.sheet('OKR T1 2026');
    const notes = s.getRange(1, 1, 2, s.getLastColumn()).getNotes().flat().filter(Boolean);
    expect(notes.some((n) => n.includes('«'))).toBe(true);
    expect(notes.flatMap(badTypography)).toEqual([]);
  });
});
