import { describe, expect, test } from 'vitest';
import { ALL_LEVELS, addon, cellOf, letterOf } from './support';

type App = ReturnType<typeof addon>['app'];
type Wb = ReturnType<typeof addon>['wb'];

/** An example quarter (Q1 2026, already over: its "as of" date is its last day). */
function withQuarter(locale = 'en_US') {
  const { wb, app } = addon(locale);
  const r = app.run('insertQuarter', {
    quarter: 'Q1 2026',
    fiscalStart: 1,
    levels: ALL_LEVELS,
    content: 'examples',
    withKpis: true,
  }) as { sheet: string };
  return { wb, app, sheet: wb.sheet(r.sheet), name: r.sheet };
}

const rowOf = (wb: Wb, sheet: string, id: string) => {
  const ids = wb.sheet(sheet).getRange('A1:C400').getValues();
  return ids.findIndex((r) => r[2] === id || (r[0] === id && r[2] === '')) + 1;
};
const logRows = (wb: Wb, name = 'Check-ins') =>
  wb
    .sheet(name)
    .getDataRange()
    .getValues()
    .slice(1)
    .filter((r) => r[0] !== '');

describe('check-in', () => {
  test('updates current value and confidence, appends the log, moves "as of"', () => {
    const { wb, app, name } = withQuarter();
    const before = logRows(wb).length;
    const r = app.run('checkIn', {
      entries: [
        { krId: 'O2.2', value: 15, confidence: 0.8, comment: '=HYPERLINK("x") looks like a formula' },
        { krId: 'O5.3', value: true },
      ],
    }) as { updated: number; asOf: string };
    expect(r.updated).toBe(2);
    const s = wb.sheet(name);
    const row = rowOf(wb, name, 'O2.2');
    const at = (header: string, row: number) => s.getRange(cellOf(s, header, row)).getValue();
    expect(at('Current', row)).toBe(15);
    expect(at('Confidence', row)).toBe(0.8);
    expect(at('KR score', row)).toBe(0.75); // KR_SCORE recomputed: 15 of 20
    expect(at('Current', rowOf(wb, name, 'O5.3'))).toBe(true);
    const log = logRows(wb);
    expect(log).toHaveLength(before + 2);
    expect(log.at(-2)!.slice(1, 6)).toEqual([
      'Q1 2026',
      'O2.2',
      15,
      0.8,
      '=HYPERLINK("x") looks like a formula',
    ]);
    expect(
      wb
        .sheet('Check-ins')
        .getRange(`F${before + 2}`)
        .getFormula(),
    ).toBe('');
    expect(r.asOf).toBe('2026-03-31');
  });

  test('keeps every other cell of the block: a user’s own formula and typed text survive', () => {
    const { wb, app, name } = withQuarter();
    const s = wb.sheet(name);
    const mine = rowOf(wb, name, 'O1.1');
    const [current, weight] = [cellOf(s, 'Current', mine), cellOf(s, 'Weight', mine)];
    s.getRange(current).setFormula('=1+1');
    s.getRange(weight).setValue("'2"); // a weight the user typed as text
    app.run('checkIn', { entries: [{ krId: 'O2.1', value: 90000 }] });
    expect(s.getRange(current).getFormula()).toBe('=1+1');
    expect(s.getRange(current).getValue()).toBe(2);
    expect(s.getRange(weight).getValue()).toBe('2'); // still text, not turned into a number
  });

  test('bad payloads are refused with a clear message, and nothing is written', () => {
    const { wb, app, name } = withQuarter();
    const snapshot = () => [wb.sheet(name).getDataRange().getValues(), logRows(wb)];
    const before = snapshot();
    expect(() => app.run('checkIn', { entries: [] })).toThrow(
      /^Request refused, nothing was written \(entries: /,
    );
    expect(() => app.run('checkIn', { entries: [{ krId: 'O1.1', value: 'lots' }] })).toThrow(
      'O1.1, value: "lots" is not a number. Nothing was written.',
    );
    expect(() => app.run('checkIn', { entries: [{ krId: 'O1.1', value: 1, confidence: 2 }] })).toThrow(
      'O1.1, confidence: 2 must be between 0\u00a0% and 100\u00a0%. Nothing was written.',
    );
    expect(() => app.run('checkIn', { entries: [{ krId: 'O1.1' }] })).toThrow(
      'O1.1: nothing to record (a value, a confidence or a comment). Nothing was written.',
    );
    expect(() =>
      app.run('checkIn', {
        entries: [
          { krId: 'O1.1', value: 1 },
          { krId: 'NOPE', value: 1 },
        ],
      }),
    ).toThrow('Key result not found in "OKR Q1 2026": NOPE. Nothing was written.');
    expect(() => app.run('checkIn', { entries: [{ krId: 'O1.1', value: true }] })).toThrow(
      'O1.1: a number is expected.',
    );
    expect(snapshot()).toEqual(before);
  });

  test('in French', () => {
    const { app } = withQuarter('fr_FR');
    expect(() => app.run('checkIn', { entries: [{ krId: 'X', value: 1 }] })).toThrow(
      'Résultat clé introuvable dans «\u00a0OKR T1 2026\u00a0»\u00a0: X. Rien n’a été écrit.',
    );
  });

  test('service calls do not grow with the number of KRs checked in', () => {
    const calls = (ids: string[]) => {
      const { wb, app } = withQuarter();
      wb.counter.reset();
      app.run('checkIn', {
        entries: ids.map((krId) => ({ krId, value: 1, confidence: 0.5, comment: 'ok' })),
      });
      return Object.entries(wb.counter.snapshot())
        .filter(([k]) => !k.startsWith('CustomFunction.'))
        .reduce((a, [, v]) => a + v, 0);
    };
    expect(calls(['O1.1'])).toBe(
      calls(['O1.1', 'O1.2', 'O2.1', 'O2.2', 'O2.3', 'O3.1', 'O3.2', 'O4.1', 'O4.2', 'O5.1']),
    );
  });

  test('refused while another update holds the document lock', () => {
    const { app } = withQuarter();
    app.services.simulateLockHeldElsewhere('document', true);
    expect(() => app.run('checkIn', { entries: [{ krId: 'O1.1', value: 1 }] })).toThrow(
      'Another update is in progress. Try again in a moment.',
    );
    app.services.simulateLockHeldElsewhere('document', false);
  });
});

describe('health check', () => {
  test('the example quarter: stale KRs and the KPIs with no value', () => {
    const { app } = withQuarter();
    const h = app.run('getHealth') as {
      findings: { kind: string; about: { id: string } }[];
      problems: string[];
    };
    expect(h.problems).toEqual([]);
    const kinds = new Set(h.findings.map((f) => f.kind));
    expect(kinds.has('staticMetric')).toBe(true); // e.g. O2.2: never checked in
    expect(h.findings.find((f) => f.about.id === 'O2.2')).toBeTruthy();
  });

  test('a hand-edited sheet: each bad row reported by row and column, in the user’s language', () => {
    for (const [locale, expected] of [
      [
        'en_US',
        [
          'Row 4, Start (START): "a lot" is not a number',
          'Row 5, Objective ID (A) / KR ID (C): the id is blank',
          'Row 6, Objective ID (A): duplicate id: O2 (row 3)',
          'Row 7, Objective (B): no objective O3 in this sheet (no row has it as its Objective ID)',
        ],
      ],
      [
        'fr_FR',
        [
          "Ligne 4, Départ (START)\u00a0: «\u00a0a lot\u00a0» n'est pas un nombre",
          "Ligne 5, ID objectif (A) / ID RC (C)\u00a0: l'id est vide",
          'Ligne 6, ID objectif (A)\u00a0: id en double\u00a0: O2 (ligne 3)',
          'Ligne 7, Objectif (B)\u00a0: aucun objectif O3 dans cette feuille (aucune ligne ne l’a pour ID objectif)',
        ],
      ],
    ] as const) {
      const { wb, app } = addon(locale);
      const objectives = [
        {
          id: 'O2',
          title: 'Grow',
          level: 'company',
          owner: 'Ana',
          parent: '',
          committed: false,
          krs: [1, 2].map((k) => ({
            id: `O2.${k}`,
            title: `KR ${k}`,
            unit: '',
            start: 0,
            target: 10,
            current: 5,
            weight: 1,
            confidence: 0.5,
          })),
        },
        {
          id: 'O3',
          title: 'Keep',
          level: 'company',
          owner: 'Bo',
          parent: '',
          committed: false,
          krs: [
            { id: 'O3.1', title: 'KR', unit: '', start: 0, target: 4, current: 1, weight: 1, confidence: '' },
          ],
        },
      ];
      const r = app.run('insertQuarter', {
        quarter: 'Q1 2026',
        fiscalStart: 1,
        levels: ALL_LEVELS,
        content: 'given',
        objectives,
      }) as { sheet: string };
      const s = wb.sheet(r.sheet);
      const start = letterOf(s, locale === 'en_US' ? 'Start' : 'Départ');
      s.getRange(`${start}4`).setValue('a lot'); // O2.1's start
      s.getRange('C5').setValue(''); // O2.2 loses its id
      s.getRange('A6').setValue('O2'); // O3 now repeats O2's id
      const h = app.run('getHealth') as { problems: string[] };
      expect(h.problems).toEqual(expected.map((p) => p.replace('START', start)));
      const state = app.run('getCheckInState') as {
        objectives: { id: string; found: boolean; krs: { id: string }[] }[];
      };
      // O3's key result is not filed under O2 nor hidden: it is listed apart, its objective not found
      expect(state.objectives.map((o) => [o.id, o.found, o.krs.map((k) => k.id)])).toEqual([
        ['O2', true, ['O2.1']],
        ['O3', false, ['O3.1']],
      ]);
      expect(s.getRange(`${start}4`).getValue()).toBe('a lot'); // nothing the user typed was changed
    }
  });
});

describe('quarterly review', () => {
  const start = (app: App) =>
    app.run('getReviewState') as {
      reviewId: string;
      summary: {
        objectives: { id: string; score: number; grade: string }[];
        overall: number;
        spread: Record<string, number>;
      };
      answers: {
        objectiveId: string;
        grade: string;
        decision: string;
        wentWell: string;
        toImprove: string;
      }[];
      finished: null | { nextSheet: string };
    };

  test('summary: scores, grades, spread and defaults', () => {
    const { app } = withQuarter();
    const s = start(app);
    expect(s.summary.objectives.map((o) => o.id)).toEqual(['O1', 'O2', 'O3', 'O4', 'O5']);
    expect(Object.values(s.summary.spread).reduce((a, b) => a + b, 0)).toBe(5);
    expect(s.answers.map((a) => a.grade)).toEqual(s.summary.objectives.map((o) => o.grade));
  });

  test('a review left half-way resumes with its answers', () => {
    const { app } = withQuarter();
    const s = start(app);
    app.run('saveReviewStep', {
      reviewId: s.reviewId,
      answer: {
        objectiveId: 'O1',
        grade: 'green',
        wentWell: 'Spain & Italy',
        toImprove: 'Revenue <script>',
        decision: 'carry_over',
      },
    });
    const again = start(app);
    expect(again.reviewId).toBe(s.reviewId);
    expect(again.answers[0]).toEqual({
      objectiveId: 'O1',
      grade: 'green',
      wentWell: 'Spain & Italy',
      toImprove: 'Revenue <script>',
      decision: 'carry_over',
    });
  });

  test('bad steps are refused and nothing is saved', () => {
    const { app } = withQuarter();
    const s = start(app);
    expect(() =>
      app.run('saveReviewStep', {
        reviewId: s.reviewId,
        answer: { objectiveId: 'O1', grade: 'blue', wentWell: '', toImprove: '', decision: 'keep' },
      }),
    ).toThrow(/Request refused, nothing was written \(answer\.grade: .*; answer\.decision: /);
    expect(start(app).answers[0]!.grade).toBe(s.answers[0]!.grade);
  });

  test('finish: history appended, quarter protected, next quarter carries over from the last values; twice appends once', () => {
    const { wb, app, name } = withQuarter();
    const s = start(app);
    for (const o of s.summary.objectives) {
      app.run('saveReviewStep', {
        reviewId: s.reviewId,
        answer: {
          objectiveId: o.id,
          grade: o.grade,
          wentWell: `good ${o.id}`,
          toImprove: '+more',
          decision: o.id === 'O2' ? 'carry_over' : o.id === 'O3' ? 'drop' : 'close',
        },
      });
    }
    const done = app.run('finishReview', { reviewId: s.reviewId }) as {
      rows: number;
      nextSheet: string;
      alreadyFinished: boolean;
    };
    expect(done).toMatchObject({ rows: 5, nextSheet: 'OKR Q2 2026', alreadyFinished: false });
    const history = wb
      .sheet('Reviews')
      .getDataRange()
      .getValues()
      .slice(1)
      .filter((r) => r[0] !== '');
    expect(history.map((r) => [r[1], r[2], r[12]])).toEqual([
      ['Q1 2026', 'O1', 'close'],
      ['Q1 2026', 'O2', 'carry over'],
      ['Q1 2026', 'O3', 'drop'],
      ['Q1 2026', 'O4', 'close'],
      ['Q1 2026', 'O5', 'close'],
    ]);
    expect(history[0]![11]).toBe('+more'); // typed text stays text
    const sheetProtection = wb
      .sheet(name)
      .getProtections('SHEET' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType);
    expect(sheetProtection.map((p) => p.isWarningOnly())).toEqual([true]);
    // O2 carried over: its KRs start from their last value
    const q2 = wb.sheet('OKR Q2 2026');
    const next = q2.getDataRange().getValues();
    const krRow = next.findIndex((r) => r[2] === 'O2.1') + 1;
    expect(['Start', 'Target', 'Current'].map((h) => q2.getRange(cellOf(q2, h, krRow)).getValue())).toEqual([
      82000,
      100000,
      '',
    ]);
    expect(next.filter((r) => r[0] !== '' && /^O\d$/.test(String(r[0]))).map((r) => r[0])).toEqual(['O2']);
    // finishing again returns the first result and appends nothing
    const again = app.run('finishReview', { reviewId: s.reviewId }) as {
      alreadyFinished: boolean;
      nextSheet: string;
    };
    expect(again).toMatchObject({ alreadyFinished: true, nextSheet: 'OKR Q2 2026' });
    expect(
      wb
        .sheet('Reviews')
        .getDataRange()
        .getValues()
        .slice(1)
        .filter((r) => r[0] !== ''),
    ).toHaveLength(5);
    expect(wb.spreadsheet.getSheets().filter((x) => x.getName().startsWith('OKR Q2 2026'))).toHaveLength(1);
    // reopening the finished quarter's review shows it finished; the next quarter is now active
    expect((app.run('getReviewState', { sheet: name }) as { finished: unknown }).finished).toMatchObject({
      nextSheet: 'OKR Q2 2026',
    });
    expect(wb.spreadsheet.getActiveSheet().getName()).toBe('OKR Q2 2026');
  });

  test('two finishes at once append once: the second waits for the lock and finds the review finished', () => {
    const { wb, app } = withQuarter();
    const s = start(app);
    app.services.simulateLockHeldElsewhere('document', true);
    expect(() => app.run('finishReview', { reviewId: s.reviewId })).toThrow(
      'Another update is in progress. Try again in a moment.',
    );
    app.services.simulateLockHeldElsewhere('document', false);
    app.run('finishReview', { reviewId: s.reviewId });
    const second = app.run('finishReview', { reviewId: s.reviewId }) as { alreadyFinished: boolean };
    expect(second.alreadyFinished).toBe(true);
    expect(
      wb
        .sheet('Reviews')
        .getDataRange()
        .getValues()
        .slice(1)
        .filter((r) => r[0] !== ''),
    ).toHaveLength(5);
  });

  test('a finish with a stale review id is refused', () => {
    const { app } = withQuarter();
    start(app);
    expect(() => app.run('finishReview', { reviewId: 'R-old' })).toThrow(
      'This review is no longer open: open the review again from the menu.',
    );
  });
});

describe('google.script.run sends a missing argument as null', () => {
  test('the read endpoints take null as "no payload"', () => {
    const { app } = withQuarter();
    expect((app.run('getCheckInState', null) as { quarter: string }).quarter).toBe('Q1 2026');
    expect((app.run('getHealth', null) as { quarter: string }).quarter).toBe('Q1 2026');
    expect((app.run('getReviewState', null) as { summary: { quarter: string } }).summary.quarter).toBe(
      'Q1 2026',
    );
  });

  test('the insert dialog suggests the first quarter without a sheet', () => {
    const { app } = addon();
    const before = app.run('getInsertOptions') as { quarters: string[]; suggested: string };
    expect(before.suggested).toBe(before.quarters[0]);
    app.run('insertQuarter', {
      quarter: before.quarters[0],
      fiscalStart: 1,
      levels: ALL_LEVELS,
      content: 'blank',
    });
    expect((app.run('getInsertOptions') as { suggested: string }).suggested).toBe(before.quarters[1]);
  });
});

describe('KPI dashboard', () => {
  test('from the library: each KPI with its family, unit and direction, in the user’s language', () => {
    const { wb, app } = addon('fr_FR');
    const r = app.run('insertKpis', { kpis: ['churn', 'cac', 'nope'] }) as { sheet: string };
    expect(r.sheet).toBe('Tableau de bord KPI');
    const rows = wb.sheet(r.sheet).getRange('A3:F4').getValues();
    expect(rows).toEqual([
      ['K1', 'Taux de churn client', 'Clients', '%', 'baisse', 'mois'],
      ['K2', 'Coût d’acquisition client', 'Croissance', '€', 'baisse', 'mois'],
    ]);
  });

  test('the examples need no pick; nothing picked and no examples is refused, nothing written', () => {
    const { wb, app } = addon();
    expect(() => app.run('insertKpis', { kpis: [] })).toThrow('No known KPI was picked.');
    expect(() => app.run('insertKpis', { kpis: ['nope'] })).toThrow('No known KPI was picked.');
    expect(wb.spreadsheet.getSheets()).toHaveLength(1);
    const r = app.run('insertKpis', { kpis: [], examples: true }) as { sheet: string };
    expect(wb.sheet(r.sheet).getRange('B3').getValue()).toBe('Order defect rate');
  });
});

describe('selectRow (the health check’s "Go to row")', () => {
  const where = (wb: Wb) => {
    const r = wb.spreadsheet.getActiveRange();
    return { sheet: wb.spreadsheet.getActiveSheet().getName(), a1: r.getA1Notation() };
  };

  test('selects the row, up to the last column, on its sheet', () => {
    const { wb, app, name } = withQuarter();
    const row = rowOf(wb, name, 'O2.2');
    wb.sheet('Check-ins').activate();
    const r = app.run('selectRow', { sheet: name, row }) as { a1: string };
    const last = wb.sheet(name).getLastColumn();
    expect(where(wb)).toEqual({ sheet: name, a1: `A${row}:${r.a1.split(':')[1]}` });
    expect(wb.spreadsheet.getActiveRange().getNumColumns()).toBe(last);
    expect(wb.spreadsheet.getActiveRange().getRow()).toBe(row);
  });

  test('a sheet or row that is not there is named, and nothing moves or is written', () => {
    const { wb, app, name } = withQuarter();
    wb.sheet(name).getRange('D5').activate();
    const before = { at: where(wb), book: JSON.stringify(wb.toJSON()) };
    expect(() => app.run('selectRow', { sheet: 'Nope', row: 3 })).toThrow(
      'No sheet named "Nope" in this spreadsheet: nothing was selected.',
    );
    const max = wb.sheet(name).getMaxRows();
    expect(() => app.run('selectRow', { sheet: name, row: 0 })).toThrow(
      `Row 0 is not in "${name}" (rows 1 to ${max}): nothing was selected.`,
    );
    expect(() => app.run('selectRow', { sheet: name, row: max + 1 })).toThrow(`Row ${max + 1} is not in`);
    expect(() => app.run('selectRow', { sheet: name, row: 2.5 })).toThrow(/^Request refused/);
    expect(() => app.run('selectRow', { row: 3 })).toThrow(/^Request refused.*sheet/);
    expect({ at: where(wb), book: JSON.stringify(wb.toJSON()) }).toEqual(before);
  });

  test('in French', () => {
    const { app } = withQuarter('fr_FR');
    expect(() => app.run('selectRow', { sheet: 'Nope', row: 3 })).toThrow(
      'Aucune feuille «\u00a0Nope\u00a0» dans ce classeur\u00a0: rien n’a été sélectionné.',
    );
  });
});

describe('health findings: a fix written for each, naming its row and columns', () => {
  test('every finding has its own fix, with its row, its ID and the columns as the sheet names them', () => {
    const { app, wb, name } = withQuarter();
    const h = app.run('getHealth') as {
      findings: { kind: string; about: { id: string }; row: number; sheet: string; fix: string }[];
    };
    expect(h.findings.length).toBeGreaterThan(2);
    expect(new Set(h.findings.map((f) => f.fix)).size).toBe(h.findings.length);
    for (const f of h.findings) {
      expect(f.fix).toContain(`${f.row}`);
      if (f.kind !== 'kpiNoValue') expect(f.fix).toContain(f.about.id);
      expect(f.sheet).toBe(f.kind === 'kpiNoValue' ? 'KPI dashboard' : name);
    }
    const stale = h.findings.find((f) => f.kind === 'staticMetric')!;
    expect(stale.fix).toMatch(/Current \(L\) and .*Confidence \(M\)/);
    // the column moves: the fix follows it
    wb.sheet(name).insertColumnBefore(1);
    const moved = app.run('getHealth') as { findings: { kind: string; fix: string }[] };
    expect(moved.findings.find((f) => f.kind === 'staticMetric')!.fix).toMatch(/Current \(M\)/);
  });
});
