/**
 * Issue 11, "trustworthy data in every flow": each thing seen going wrong, as the user did it, on
 * the emulator through the bundle. Each test failed on the code before the fix.
 */
import { describe, expect, test } from 'vitest';
import { ALL_LEVELS, addon, cellOf, letterOf } from './support';

type App = ReturnType<typeof addon>['app'];
type Wb = ReturnType<typeof addon>['wb'];

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

/** The quarter sheet's rows by header (header row 2, data from row 3), with their sheet row. */
function table(wb: Wb, name: string) {
  const values = wb.sheet(name).getDataRange().getValues();
  const header = values[1]!.map(String);
  return values.slice(2).flatMap((r, i) => {
    const row = Object.fromEntries(header.map((h, c) => [h, r[c]]));
    // ids and Title are the first four columns: a row holding none of them is blank
    return r.slice(0, 4).some((v) => v !== '') ? [{ ...row, row: i + 3 } as Record<string, unknown>] : [];
  });
}
/** The sheet row of a KR, by its id in column C (KR ID, in either language). */
const rowOf = (wb: Wb, name: string, krId: string) =>
  wb
    .sheet(name)
    .getRange('C1:C200')
    .getValues()
    .findIndex((r) => r[0] === krId) + 1;
const logRows = (wb: Wb, name = 'Check-ins') =>
  wb
    .sheet(name)
    .getDataRange()
    .getValues()
    .slice(1)
    .filter((r) => r[0] !== '');
const historyRows = (wb: Wb) =>
  wb
    .sheet('Reviews')
    .getDataRange()
    .getValues()
    .slice(1)
    .filter((r) => r[0] !== '');
const docProps = (app: App) => app.services.state.toJSON().document;
const snapshot = (wb: Wb) =>
  JSON.stringify(wb.spreadsheet.getSheets().map((s) => [s.getName(), s.getDataRange().getValues()]));

interface CheckInKr {
  id: string;
  percent: boolean;
  shown: { start: string; target: string; current: string };
}
const krState = (app: App, id: string) =>
  (app.run('getCheckInState') as { objectives: { krs: CheckInKr[] }[] }).objectives
    .flatMap((o) => o.krs)
    .find((k) => k.id === id)!;

describe('1. a percentage KR reads and stores as the sheet shows it', () => {
  test('the card shows 4.3% and 5.2%, typed "4.8 %" and "4.8" store 0.048, "75" on 70 % → 77 % stores 0.75', () => {
    const { wb, app, name, sheet } = withQuarter();
    const kr = krState(app, 'O2.3');
    expect(kr.percent).toBe(true);
    expect(kr.shown).toEqual({ start: '4.0%', target: '5.2%', current: '4.3%' });
    const o23 = rowOf(wb, name, 'O2.3');
    app.run('checkIn', { entries: [{ krId: 'O2.3', value: '4.8 %' }] });
    const at = (header: string, row: number) => sheet.getRange(cellOf(sheet, header, row)).getValue();
    expect(at('Current', o23)).toBe(0.048);
    app.run('checkIn', { entries: [{ krId: 'O2.3', value: '4.8' }] });
    expect(at('Current', o23)).toBe(0.048);
    expect(at('KR score', o23)).toBeCloseTo(2 / 3, 10); // not 100 %
    const o42 = rowOf(wb, name, 'O4.2');
    app.run('checkIn', { entries: [{ krId: 'O4.2', value: '75', confidence: '0.8' }] });
    expect(at('Current', o42)).toBe(0.75);
    expect(at('Confidence', o42)).toBe(0.8); // 0.8 is 80 %, not 0.8 %
    expect(at('KR score', o42)).toBeCloseTo(5 / 7, 10);
    app.run('checkIn', { entries: [{ krId: 'O4.2', confidence: '65' }] });
    expect(at('Confidence', o42)).toBe(0.65);
    expect(logRows(wb).at(-1)!.slice(2, 5)).toEqual(['O4.2', '', 0.65]);
  });

  test('in French the card reads "4,3 %" and "4,8" stores 0.048', () => {
    const { wb, app, name, sheet } = withQuarter('fr_FR');
    expect(krState(app, 'O2.3').shown.current).toMatch(/^4,3\s?%$/);
    app.run('checkIn', { entries: [{ krId: 'O2.3', value: '4,8' }] });
    expect(sheet.getRange(cellOf(sheet, 'Actuel', rowOf(wb, name, 'O2.3'))).getValue()).toBe(0.048);
  });
});

describe('2. one parser: text that reads two ways is refused, saying why', () => {
  test('"1,200" is refused in English and French, "1.200" in French; "1 200" is 1200', () => {
    for (const [locale, text, msg] of [
      ['en_US', '1,200', /O2\.2, value: "1,200" reads two ways: type 1\.2 or 1200/],
      ['fr_FR', '1,200', /O2\.2, valeur\u00a0: «\u00a01,200\u00a0» se lit de deux façons/],
      ['fr_FR', '1.200', /O2\.2, valeur\u00a0: «\u00a01\.200\u00a0» se lit de deux façons/],
    ] as const) {
      const { wb, app } = withQuarter(locale);
      const before = snapshot(wb);
      expect(() => app.run('checkIn', { entries: [{ krId: 'O2.2', value: text }] })).toThrow(msg);
      expect(snapshot(wb)).toBe(before);
    }
    const { wb, app, name, sheet } = withQuarter('fr_FR');
    app.run('checkIn', { entries: [{ krId: 'O2.1', value: '91 200' }] });
    expect(sheet.getRange(cellOf(sheet, 'Actuel', rowOf(wb, name, 'O2.1'))).getValue()).toBe(91200);
  });
});

/**
 * Sorts the data rows as Data › Sort range does over every column: typed cells and each row's
 * progress bar move with their row, the computed columns spill again.
 */
function sortRows(wb: Wb, name: string, column: number, ascending: boolean) {
  const s = wb.sheet(name);
  const last = table(wb, name).at(-1)!.row as number;
  s.getRange(3, 1, last - 2, s.getLastColumn()).sort({ column, ascending });
}

describe('3. any row order reads the same', () => {
  for (const [label, column, ascending] of [
    ['by Title', 4, true],
    ['by KR ID descending', 3, false],
  ] as const) {
    test(`sorted ${label}: the review shows the sheet's scores and the next quarter keeps every KR under its objective`, () => {
      const { wb, app, name } = withQuarter();
      const krsBefore = new Map(table(wb, name).map((r) => [r['KR ID'] || r['Objective ID'], r['KR score']]));
      sortRows(wb, name, column, ascending);
      const rows = table(wb, name);
      const sheetScore = new Map(
        rows.filter((r) => r['Objective ID'] !== '').map((r) => [r['Objective ID'], r['Rolled-up score']]),
      );
      // every score stays with its row, and so does every progress bar
      for (const r of rows)
        expect(r['KR score'], String(r['KR ID'])).toBe(krsBefore.get(r['KR ID'] || r['Objective ID']));
      expect((app.run('getHealth') as { computed: string[] }).computed).toEqual([]);
      const s = app.run('getReviewState') as {
        reviewId: string;
        blocking: string[];
        summary: { objectives: { id: string; score: number }[] };
      };
      expect(s.blocking).toEqual([]);
      expect(s.summary.objectives).toHaveLength(5);
      for (const o of s.summary.objectives) expect(o.score).toBeCloseTo(sheetScore.get(o.id) as number, 9);
      for (const o of s.summary.objectives)
        app.run('saveReviewStep', {
          reviewId: s.reviewId,
          answer: { objectiveId: o.id, grade: 'red', wentWell: '', toImprove: '', decision: 'carry_over' },
        });
      app.run('finishReview', { reviewId: s.reviewId });
      expect(
        historyRows(wb)
          .map((r) => r[2])
          .sort(),
      ).toEqual(['O1', 'O2', 'O3', 'O4', 'O5']);
      const next = table(wb, 'OKR Q2 2026');
      const krs = next.filter((r) => r['KR ID'] !== '');
      expect(krs).toHaveLength(12);
      for (const k of krs) expect(String(k['KR ID']).split('.')[0]).toBe(k.Objective);
    });
  }
});

describe('3b. rows inserted anywhere below the header stay inside every computed column', () => {
  test('a row inserted above the first objective, a KR typed in it: every score sits on its own row', () => {
    const { wb, app, name, sheet } = withQuarter();
    const before = new Map(
      table(wb, name).map((r) => [String(r['KR ID'] || r['Objective ID']), r['KR score']]),
    );
    sheet.insertRowBefore(3);
    sheet.getRange('A3:D3').setValues([['', 'O1', 'O1.9', 'New KR']]);
    for (const [header, v] of [
      ['Start', 0],
      ['Target', 10],
      ['Current', 5],
    ] as const)
      sheet.getRange(cellOf(sheet, header, 3)).setValue(v);
    const after = table(wb, name);
    for (const r of after) {
      const id = String(r['KR ID'] || r['Objective ID']);
      if (id === 'O1.9') expect(r['KR score']).toBe(0.5);
      else expect(r['KR score'], id).toBe(before.get(id));
    }
    const s = app.run('getReviewState') as {
      blocking: string[];
      summary: { objectives: { id: string; score: number }[] };
    };
    expect(s.blocking).toEqual([]);
    const o1 = after.find((r) => r['Objective ID'] === 'O1')!;
    expect(s.summary.objectives[0]!.score).toBeCloseTo(o1['Rolled-up score'] as number, 9);
  });
});

describe('4. broken ids: nothing hidden, nothing dropped', () => {
  test('an objective id cleared and another made a duplicate: every KR listed, the review refuses to finish', () => {
    const { wb, app, name, sheet } = withQuarter();
    const rows = table(wb, name);
    const o4 = rows.find((r) => r['Objective ID'] === 'O4')!.row;
    const o5 = rows.find((r) => r['Objective ID'] === 'O5')!.row;
    sheet.getRange(`A${o4}`).setValue('');
    sheet.getRange(`A${o5}`).setValue('O2');
    const state = app.run('getCheckInState') as {
      objectives: { id: string; found: boolean; krs: unknown[] }[];
    };
    expect(state.objectives.flatMap((o) => o.krs)).toHaveLength(12);
    expect(state.objectives.filter((o) => !o.found).map((o) => o.id)).toEqual(['O4', 'O5']);
    const s = app.run('getReviewState') as { reviewId: string; blocking: string[] };
    expect(s.blocking.join(' ')).toContain(`Row ${o4}, Objective ID (A) / KR ID (C): the id is blank`);
    expect(s.blocking.join(' ')).toContain(`Row ${o5}, Objective ID (A): duplicate id: O2`);
    const before = snapshot(wb);
    expect(() => app.run('finishReview', { reviewId: s.reviewId })).toThrow(
      /^The review can't be finished while rows of the sheet can't be read .*Nothing was written\.$/,
    );
    expect(snapshot(wb)).toBe(before);
    expect(wb.spreadsheet.getSheets().map((x) => x.getName())).not.toContain('OKR Q2 2026');
  });
});

describe('5. writes go only where a header says', () => {
  test('a column inserted before Current and "Current" renamed: the check-in is refused, nothing written', () => {
    const { wb, app, sheet } = withQuarter();
    const current = letterOf(sheet, 'Current');
    sheet.insertColumnBefore(sheet.getRange(`${current}1`).getColumn());
    sheet.getRange(`${current}2`).setValue('My notes');
    sheet.getRange(cellOf(sheet, 'Current', 2)).setValue('Now');
    sheet.getRange(`${current}4`).setValue('keep me');
    const before = snapshot(wb);
    expect(() => app.run('checkIn', { entries: [{ krId: 'O1.1', value: 3 }] })).toThrow(
      'Column "Current" not found in the header row (row 2): give the column its header back (or undo the change). Nothing was written.',
    );
    expect(snapshot(wb)).toBe(before);
    expect(() => app.run('getCheckInState')).toThrow(/Column "Current" not found/);
  });

  test('the header row cleared: refused, nothing written; a doubled header is named', () => {
    const { wb, app, sheet } = withQuarter();
    sheet.getRange('A2:D2').setValues([new Array(4).fill('')]);
    const before = snapshot(wb);
    expect(() => app.run('checkIn', { entries: [{ krId: 'O1.1', value: 3 }] })).toThrow(
      /has no header row .*Nothing was written\.$/,
    );
    expect(snapshot(wb)).toBe(before);
    const other = withQuarter();
    const [target, start] = [letterOf(other.sheet, 'Target'), letterOf(other.sheet, 'Start')];
    other.sheet.getRange(`${start}2`).setValue('Target');
    expect(() => other.app.run('checkIn', { entries: [{ krId: 'O1.1', value: 3 }] })).toThrow(
      `Column "Target" appears twice (${[target, start].sort().join(', ')}): rename or remove one of them. Nothing was written.`,
    );
  });

  test('a row inserted above the header: not read as an objective called "Objective ID"; writes land right', () => {
    const { wb, app, name, sheet } = withQuarter();
    sheet.insertRowBefore(1);
    const state = app.run('getCheckInState') as { objectives: { id: string }[]; problems: number };
    expect(state.objectives.map((o) => o.id)).toEqual(['O1', 'O2', 'O3', 'O4', 'O5']);
    expect(state.problems).toBe(0);
    const row = wb
      .sheet(name)
      .getRange('C1:C40')
      .getValues()
      .findIndex((r) => r[0] === 'O1.1');
    app.run('checkIn', { entries: [{ krId: 'O1.1', value: 3 }] });
    expect(sheet.getRange(`${letterOf(sheet, 'Current', 3)}${row + 1}`).getValue()).toBe(3);
    expect(sheet.getRange('A2').getValue()).toBe('Quarter'); // the settings row moved down, untouched
  });

  test('a user’s formula in Current is not typed over', () => {
    const { wb, app, name, sheet } = withQuarter();
    const row = rowOf(wb, name, 'O2.2');
    sheet.getRange(cellOf(sheet, 'Current', row)).setFormula('=10+3');
    expect(krState(app, 'O2.2')).toMatchObject({ live: true });
    const before = snapshot(wb);
    expect(() => app.run('checkIn', { entries: [{ krId: 'O2.2', value: 14 }] })).toThrow(
      "O2.2: its current value is computed by a formula (=10+3): it can't be typed over from here. Nothing was written.",
    );
    expect(snapshot(wb)).toBe(before);
  });
});

describe('6. a check-in is never lost', () => {
  test('the Check-ins sheet deleted: the log is made again, the row is in it, the forecast points at it', () => {
    const { wb, app, name } = withQuarter();
    wb.spreadsheet.deleteSheet(wb.sheet('Check-ins'));
    const r = app.run('checkIn', {
      entries: [{ krId: 'O2.2', value: 15, confidence: 0.8, comment: 'new log' }],
    }) as { logRecreated: boolean };
    expect(r.logRecreated).toBe(true);
    expect(logRows(wb).map((x) => x.slice(1, 6))).toEqual([['Q1 2026', 'O2.2', 15, 0.8, 'new log']]);
    const forecast = table(wb, name).map((x) => x.Forecast);
    expect(forecast.some((f) => String(f).startsWith('#REF'))).toBe(false);
  });
});

describe('7. the review’s storage stays bounded, and a finish completes whatever cut it short', () => {
  const answer = (id: string, text: string, decision = 'carry_over') => ({
    objectiveId: id,
    grade: 'yellow',
    wentWell: text,
    toImprove: text,
    decision,
  });

  test('long retrospectives for many objectives, quarter after quarter: the store does not grow', () => {
    const { app } = addon();
    // each review's answers take about 240 KB: three of them kept would pass the 500 KB quota
    const objectives = Array.from({ length: 60 }, (_, i) => ({
      id: `O${i + 1}`,
      title: `Objective ${i + 1}`,
      level: 'team',
      owner: 'Team',
      parent: '',
      committed: false,
      krs: [
        {
          id: `O${i + 1}.1`,
          title: 'KR',
          unit: '',
          start: 0,
          target: 10,
          current: 5,
          weight: 1,
          confidence: 0.5,
        },
      ],
    }));
    app.run('insertQuarter', {
      quarter: 'Q1 2026',
      fiscalStart: 1,
      levels: ALL_LEVELS,
      content: 'given',
      objectives,
    });
    const long = 'é'.repeat(1000);
    const sizes: number[] = [];
    for (let q = 0; q < 3; q++) {
      const s = app.run('getReviewState') as { reviewId: string; summary: { objectives: { id: string }[] } };
      for (const o of s.summary.objectives)
        app.run('saveReviewStep', { reviewId: s.reviewId, answer: answer(o.id, long) });
      app.run('finishReview', { reviewId: s.reviewId });
      sizes.push(JSON.stringify(docProps(app)).length);
    }
    expect(sizes[2]).toBeLessThan(sizes[0]! + 2000);
    expect(Object.keys(docProps(app)).filter((k) => /^okrkpi\.review\.R/.test(k))).toEqual([]);
  });

  test('a review too long for the store is refused with a clear word, the answers saved so far kept', () => {
    const { app } = withQuarter();
    const s = app.run('getReviewState') as { reviewId: string };
    app.run('saveReviewStep', { reviewId: s.reviewId, answer: answer('O1', 'kept') });
    // what else the add-on's users keep in the document: 460 KB of it leaves no room
    app.services.globals.PropertiesService.getDocumentProperties().setProperties(
      Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`other.${i}`, 'x'.repeat(7800)])),
    );
    expect(() =>
      app.run('saveReviewStep', { reviewId: s.reviewId, answer: answer('O2', 'x'.repeat(1000)) }),
    ).toThrow(/^The review's notes no longer fit in the document's storage \(\d+ KB of 500 KB\)/);
    const again = app.run('getReviewState') as { answers: { objectiveId: string; wentWell: string }[] };
    expect(again.answers[0]!.wentWell).toBe('kept');
  });

  test('saves for an unknown or finished review are refused', () => {
    const { app } = withQuarter();
    expect(() => app.run('saveReviewStep', { reviewId: 'R-nope', answer: answer('O1', '') })).toThrow(
      'This review is no longer open: open the review again from the menu.',
    );
    const s = app.run('getReviewState') as { reviewId: string };
    app.run('finishReview', { reviewId: s.reviewId });
    expect(() => app.run('saveReviewStep', { reviewId: s.reviewId, answer: answer('O1', '') })).toThrow(
      /^This review was already finished on /,
    );
  });

  test('an answer whose objective id changed is not dropped: the finish waits for the user’s word', () => {
    const { wb, app, name, sheet } = withQuarter();
    const s = app.run('getReviewState') as { reviewId: string };
    app.run('saveReviewStep', { reviewId: s.reviewId, answer: answer('O3', 'kept words') });
    const row = table(wb, name).find((r) => r['Objective ID'] === 'O3')!.row as number;
    sheet.getRange(`A${row}`).setValue('O3x');
    sheet.getRange(`B${row}:B${row + 2}`).setValues([['O3x'], ['O3x'], ['O3x']]);
    const again = app.run('getReviewState') as { orphans: { objectiveId: string }[]; blocking: string[] };
    expect(again.orphans.map((a) => a.objectiveId)).toEqual(['O3']);
    const before = snapshot(wb);
    expect(() => app.run('finishReview', { reviewId: s.reviewId })).toThrow(/Answers were saved for O3/);
    expect(snapshot(wb)).toBe(before);
    app.run('discardReviewAnswers', { reviewId: s.reviewId, objectiveIds: ['O3'] });
    app.run('finishReview', { reviewId: s.reviewId });
    expect(historyRows(wb).map((r) => r[2])).toEqual(['O1', 'O2', 'O3x', 'O4', 'O5']);
  });
});

describe('8. blank fields arrive as null; a comment or a confidence alone is a check-in', () => {
  test('null confidence and comment are blank; a comment alone logs a row and keeps the value', () => {
    const { wb, app, name, sheet } = withQuarter();
    const row = rowOf(wb, name, 'O2.2');
    const before = logRows(wb).length;
    app.run('checkIn', {
      sheet: null,
      requestId: null,
      entries: [{ krId: 'O2.2', value: 14, confidence: null, comment: null }],
    });
    const at = (header: string) => sheet.getRange(cellOf(sheet, header, row)).getValue();
    expect(at('Current')).toBe(14);
    app.run('checkIn', {
      entries: [{ krId: 'O2.2', value: null, confidence: null, comment: 'blocked by legal' }],
    });
    expect(at('Current')).toBe(14);
    app.run('checkIn', { entries: [{ krId: 'O2.2', confidence: 0.3 }] });
    expect(at('Confidence')).toBe(0.3);
    const log = logRows(wb);
    expect(log).toHaveLength(before + 3);
    expect(log.slice(-2).map((r) => r.slice(2, 6))).toEqual([
      ['O2.2', '', '', 'blocked by legal'],
      ['O2.2', '', 0.3, ''],
    ]);
  });

  test('a save retried with its request id logs once', () => {
    const { wb, app } = withQuarter();
    const before = logRows(wb).length;
    const payload = { requestId: 'C-retry-1', entries: [{ krId: 'O2.2', value: 16 }] };
    app.run('checkIn', payload);
    const again = app.run('checkIn', payload) as { alreadyLogged: boolean };
    expect(again.alreadyLogged).toBe(true);
    expect(logRows(wb)).toHaveLength(before + 1);
  });
});

describe('9. sheet names are compared as Sheets does, whatever their case', () => {
  test('a user’s own "check-ins" sheet: inserting a quarter works and leaves it alone', () => {
    const { wb, app } = addon();
    wb.spreadsheet.insertSheet('check-ins').getRange('A1').setValue('mine');
    const r = app.run('insertQuarter', {
      quarter: 'Q1 2026',
      fiscalStart: 1,
      levels: ALL_LEVELS,
      content: 'blank',
    }) as {
      sheet: string;
    };
    expect(r.sheet).toBe('OKR Q1 2026');
    expect(wb.sheet('check-ins').getRange('A1').getValue()).toBe('mine');
    expect(wb.spreadsheet.getSheets().map((s) => s.getName())).toContain('Check-ins (2)');
  });
});

describe('7b. the sheet catalog forgets deleted sheets', () => {
  test('a quarter sheet deleted, another inserted: its entry is gone from the document properties', () => {
    const { wb, app } = addon();
    app.run('insertQuarter', { quarter: 'Q1 2026', fiscalStart: 1, levels: ALL_LEVELS, content: 'blank' });
    const id = String(wb.sheet('OKR Q1 2026').getSheetId());
    wb.spreadsheet.deleteSheet(wb.sheet('OKR Q1 2026'));
    app.run('insertQuarter', { quarter: 'Q2 2026', fiscalStart: 1, levels: ALL_LEVELS, content: 'blank' });
    const catalog = JSON.parse(docProps(app)['okrkpi.sheets']!) as Record<string, unknown>;
    expect(Object.keys(catalog)).not.toContain(id);
    expect(Object.keys(catalog)).toHaveLength(4); // Check-ins, Reviews, Alignment, OKR Q2 2026
  });
});
