/**
 * Issue 15, the quarter sheet a team adopts in its first week: ids and titles frozen, every score,
 * the grade, the status and a progress bar within the first screen at 1440 px, row 1's labels
 * whole, an owner per KR; each computed column still one custom-function call; each data row its
 * progress bar (a SPARKLINE per row) after every way rows are written; a sheet in the previous
 * column order still read and checked in.
 */
import { describe, expect, test } from 'vitest';
import { registry } from '../../src/functions/registry';
import { quarterLayout } from '../../src/sheets/quarter-layout';
import { columnLetter } from '../../src/sheets/template';
import { QUARTER_META } from '../../src/sheets/texts';
import { headerFormula } from '../../src/sheets/write';
import { ALL_LEVELS, addon, cellOf, letterOf, objectives, recordsOf, rowByHeader } from './support';

type Wb = ReturnType<typeof addon>['wb'];
type Sheet = ReturnType<Wb['sheet']>;

function withQuarter(locale = 'en_US', content = 'examples') {
  const { wb, app } = addon(locale);
  const r = app.run('insertQuarter', { quarter: 'Q1 2026', fiscalStart: 1, levels: ALL_LEVELS, content }) as {
    sheet: string;
  };
  return { wb, app, name: r.sheet, sheet: wb.sheet(r.sheet) };
}

const EN_ORDER = [
  'Objective ID',
  'Objective',
  'KR ID',
  'Title',
  'KR score',
  'KRs’ score',
  'Rolled-up score',
  'Grade',
  'Status',
  'Progress',
  'Owner',
  'Current',
  'Confidence',
  'Target',
  'Start',
  'Unit',
  'Type',
  'Weight',
  'Level',
  'Parent objective',
  'Committed',
  'Alignment',
  'Forecast',
];
const FR_FIRST = [
  'ID objectif',
  'Objectif',
  'ID RC',
  'Intitulé',
  'Score RC',
  'Score des RC',
  'Score consolidé',
  'Note',
  'État',
  'Progression',
  'Responsable',
  'Actuel',
];

/**
 * Arial Bold advance widths (em) of the characters in row 1's labels, as Chromium measures them
 * (Liberation Sans, Arial's metrics): Sheets draws row 1 in Arial 10 pt (13.33 px), 3 px of padding
 * each side. A character not listed counts as the widest capital.
 */
const ARIAL_BOLD: Record<string, number> = {
  ...Object.fromEntries([...'ADOQ'].map((c) => [c, c === 'O' || c === 'Q' ? 0.78 : 0.72])),
  ...{ E: 0.67, F: 0.61, S: 0.67, T: 0.61, É: 0.67, ' ': 0.28, '(': 0.33, ')': 0.33, '’': 0.28 },
  ...{ a: 0.56, b: 0.61, c: 0.56, d: 0.61, e: 0.56, f: 0.33, g: 0.61, h: 0.61, i: 0.28, l: 0.28 },
  ...{ m: 0.89, n: 0.61, o: 0.61, p: 0.61, r: 0.39, s: 0.56, t: 0.33, u: 0.61, v: 0.56, x: 0.56 },
  ...{ y: 0.56, é: 0.56 },
};
const boldWidth = (text: string) => [...text].reduce((w, c) => w + (ARIAL_BOLD[c] ?? 0.78) * 13.33, 0) + 6;

const headersOf = (sheet: Sheet) =>
  sheet.getRange(2, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);

/**
 * The rows whose Progress cell is wrong: a data row (an Objective ID or a KR ID) without the bar
 * of its own row's score (the rolled-up score on an objective's row, the KR score on a KR's), or
 * any other row with something in it.
 */
const EN = {
  objectiveId: 'Objective ID',
  krId: 'KR ID',
  progress: 'Progress',
  objective: 'Rolled-up score',
  kr: 'KR score',
};
const FR = {
  objectiveId: 'ID objectif',
  krId: 'ID RC',
  progress: 'Progression',
  objective: 'Score consolidé',
  kr: 'Score RC',
};
function wrongBars(sheet: Sheet, names: typeof EN = EN): string[] {
  const headers = headersOf(sheet);
  const max = sheet.getMaxRows();
  const values = sheet.getRange(1, 1, max, headers.length).getValues();
  const at = (h: string) => headers.indexOf(h);
  const progress = at(names.progress);
  const formulas = sheet
    .getRange(3, progress + 1, max - 2, 1)
    .getFormulas()
    .map((r) => r[0]!);
  return formulas.flatMap((f, i) => {
    const row = i + 3;
    const r = values[row - 1]!;
    const objective = r[at(names.objectiveId)] !== '';
    const kr = r[at(names.krId)] !== '';
    const source = columnLetter(at(objective ? names.objective : names.kr) + 1);
    const ok =
      objective || kr
        ? f.startsWith('=SPARKLINE(MAX(0, MIN(1, N(') && f.includes(`N(${source}${row})`)
        : f === '' && r[progress] === '';
    return ok ? [] : [`row ${row}: ${f || '(no bar)'}`];
  });
}

/** The custom functions a formula calls, by name. */
const customCalls = (f: string) =>
  [...f.matchAll(/([A-Z_]+)\(/g)].map((m) => m[1]!).filter((n) => registry.some((s) => s.name === n));

describe('the quarter sheet at 1440 px', () => {
  for (const locale of ['en_US', 'fr_FR']) {
    describe(locale, () => {
      const { wb, app, sheet } = withQuarter(locale);
      const headers = headersOf(sheet);

      test('rows 1–2 and the columns through Title are frozen', () => {
        expect(sheet.getFrozenRows()).toBe(2);
        expect(sheet.getFrozenColumns()).toBe(4);
        expect(headers[3]).toBe(locale === 'en_US' ? 'Title' : 'Intitulé');
      });

      test('ids and Title, then scores, grade, status and progress, then what a weekly update types', () => {
        if (locale === 'en_US') expect(headers).toEqual(EN_ORDER);
        else expect(headers.slice(0, FR_FIRST.length)).toEqual(FR_FIRST);
      });

      test('frozen columns and the computed view fit in 1300 px; nothing hidden', () => {
        const through = headers.indexOf(locale === 'en_US' ? 'Progress' : 'Progression') + 1;
        expect(through).toBe(10);
        let px = 0;
        for (let c = 1; c <= through; c++) px += sheet.getColumnWidth(c);
        expect(px).toBeLessThanOrEqual(1300);
        for (let c = 1; c <= headers.length; c++)
          expect(sheet.isColumnHiddenByUser(c), headers[c - 1]).toBe(false);
      });

      test('row 1: label and value pairs, each label whole in its column; the headers wrap', () => {
        const row1 = sheet.getRange(1, 1, 1, 12).getValues()[0]!;
        const labels = Object.values(QUARTER_META).map((t) => (locale === 'en_US' ? t.en : t.fr));
        expect(row1.filter((_, i) => i % 2 === 0).sort()).toEqual([...labels].sort());
        row1.forEach((v, i) => {
          if (i % 2 === 1) return;
          expect(boldWidth(String(v)), String(v)).toBeLessThanOrEqual(sheet.getColumnWidth(i + 1));
          expect(row1[i + 1], `value of ${v}`).not.toBe('');
        });
        for (let c = 1; c <= headers.length; c++) expect(sheet.getRange(2, c).getWrap()).toBe(true);
      });

      test('one custom-function call per computed column, none in the progress bars', () => {
        const formulas = sheet.getRange(2, 1, 1, headers.length).getFormulas()[0]!;
        const computed = formulas.filter((f) => f !== '');
        expect(computed).toHaveLength(7);
        for (const f of computed) {
          expect(f).toMatch(/^=ARRAYFORMULA\(IF\(SEQUENCE\(ROWS\(/);
          expect(customCalls(f), f).toHaveLength(1);
        }
        const progress = headers.indexOf(locale === 'en_US' ? 'Progress' : 'Progression') + 1;
        const bars = sheet.getRange(3, progress, 17, 1).getFormulas().flat();
        expect(bars.every((f) => f.startsWith('=SPARKLINE(') && customCalls(f).length === 0)).toBe(true);
        // an edit recomputes each computed column once, whatever the rows: at most one call per
        // formula of rows 1–2 (the columns', and row 1's elapsed share and overall score)
        const top = sheet.getRange(1, 1, 2, headers.length).getFormulas().flat();
        const current = sheet.getRange(5, headers.indexOf(locale === 'en_US' ? 'Current' : 'Actuel') + 1);
        wb.counter.reset();
        current.setValue(121);
        const calls = Object.entries(wb.counter.snapshot()).filter(([k]) => k.startsWith('CustomFunction.'));
        expect(calls.length).toBeGreaterThan(0);
        for (const [name, n] of calls)
          expect(n, name).toBeLessThanOrEqual(
            top.filter((f) => customCalls(f).includes(name.split('.')[1]!)).length,
          );
        current.setValue(120);
      });

      test('a progress bar on every data row and only there, of the row’s own score', () => {
        if (locale === 'en_US') expect(wrongBars(sheet)).toEqual([]);
        else expect(wrongBars(sheet, FR)).toEqual([]);
        const bar = sheet.getRange(4, headers.indexOf(locale === 'en_US' ? 'Progress' : 'Progression') + 1);
        expect(bar.getFormula()).toMatch(/"charttype", "bar"; "max", 1; "color1", IF\(/);
        expect(bar.getValue()).toBe(''); // not data: nothing to read
      });

      test('the objective’s own score on its row only, its rolled-up score named and explained', () => {
        const rows = recordsOf(sheet);
        const [own, rolled] =
          locale === 'en_US' ? ['KRs’ score', 'Rolled-up score'] : ['Score des RC', 'Score consolidé'];
        const o1 = rows[0]!;
        expect(o1[own]).toBeCloseTo((2 / 3 + 2 * 0.8) / 3, 10); // its two KRs, weights 1 and 2
        expect(o1[rolled]).not.toBe(o1[own]); // O2…O5 are aligned under O1
        expect(rows[1]![own]).toBe(''); // a KR's row: not the objective's score again
        const note = sheet.getRange(2, headers.indexOf(rolled) + 1).getNote();
        expect(note).toContain(locale === 'en_US' ? 'aligned child objectives' : 'objectifs enfants alignés');
      });

      test('each KR its owner: its own, else its objective’s', () => {
        const state = app.run('getCheckInState') as {
          objectives: { id: string; owner: string; krs: { id: string; owner: string }[] }[];
        };
        const owner = (id: string) => state.objectives.flatMap((o) => o.krs).find((k) => k.id === id)!.owner;
        expect(owner('O1.1')).toBe(locale === 'en_US' ? 'Operations' : 'Opérations');
        expect(owner('O2.1')).toBe(locale === 'en_US' ? 'Web team' : 'Équipe web');
        expect(owner('O2.3')).toBe('Marketing'); // none of its own: its objective's
        expect(owner('O5.1')).toBe(locale === 'en_US' ? 'Customer success' : 'Succès client');
      });
    });
  }
});

describe('an owner per key result', () => {
  test('given with the objectives (a script, an import): written on the KR’s row, read back', () => {
    const { wb, app } = addon();
    const given = objectives(2, 2);
    given[0]!.krs[1] = { ...given[0]!.krs[1]!, owner: 'Bo' } as never;
    const r = app.run('insertQuarter', {
      quarter: 'Q1 2026',
      fiscalStart: 1,
      levels: ALL_LEVELS,
      content: 'given',
      objectives: given,
    }) as { sheet: string };
    expect(
      recordsOf(wb.sheet(r.sheet))
        .map((x) => x.Owner)
        .slice(0, 3),
    ).toEqual(['Team 0', '', 'Bo']);
    const state = app.run('getCheckInState') as { objectives: { krs: { id: string; owner: string }[] }[] };
    expect(state.objectives.flatMap((o) => o.krs).map((k) => [k.id, k.owner])).toEqual([
      ['O1.1', 'Team 0'],
      ['O1.2', 'Bo'],
      ['O2.1', 'Team 1'],
      ['O2.2', 'Team 1'],
    ]);
  });
});

describe('progress bars follow every way rows are written', () => {
  test('a key result added, an objective added: their bars, every other row’s still its own', () => {
    const { app, sheet } = withQuarter();
    const kr = app.run('addKeyResult', {
      objectiveId: 'O2',
      kr: { title: 'Partners', start: 0, target: 5 },
    }) as {
      row: number;
    };
    const o = app.run('addObjective', { objective: { title: 'Hire', owner: 'Ops' } }) as { row: number };
    expect(wrongBars(sheet)).toEqual([]);
    expect(sheet.getRange(cellOf(sheet, 'Progress', kr.row)).getFormula()).toContain(
      `N(${cellOf(sheet, 'KR score', kr.row)})`,
    );
    expect(sheet.getRange(cellOf(sheet, 'Progress', o.row)).getFormula()).toContain(
      `N(${cellOf(sheet, 'Rolled-up score', o.row)})`,
    );
  });

  test('carried over into a new sheet, and into a planned one', () => {
    const fresh = withQuarter();
    const s1 = fresh.app.run('getReviewState') as { reviewId: string };
    fresh.app.run('finishReview', { reviewId: s1.reviewId });
    expect(wrongBars(fresh.wb.sheet('OKR Q2 2026'))).toEqual([]);
    expect(recordsOf(fresh.wb.sheet('OKR Q2 2026')).find((r) => r['KR ID'] === 'O1.2')!.Owner).toBe('Sales');

    const planned = withQuarter();
    planned.app.run('insertQuarter', {
      quarter: 'Q2 2026',
      fiscalStart: 1,
      levels: ALL_LEVELS,
      content: 'blank',
    });
    const q2 = planned.wb.sheet('OKR Q2 2026');
    q2.getRange(cellOf(q2, 'Title', 3)).setValue('Our own O1'); // kept: the carry-over goes below
    const s2 = planned.app.run('getReviewState', { sheet: 'OKR Q1 2026' }) as { reviewId: string };
    planned.app.run('finishReview', { reviewId: s2.reviewId });
    expect(recordsOf(q2).filter((r) => r['Objective ID'] !== '').length).toBeGreaterThan(5);
    expect(wrongBars(q2)).toEqual([]);
  });

  test('a row typed in by hand, a bar deleted, one typed over: health names them, Repair puts them back', () => {
    const { app, sheet } = withQuarter();
    sheet.insertRowAfter(5); // under O1.2, by hand: no bar
    sheet.getRange('A6:D6').setValues([['', 'O1', 'O1.3', 'Typed by hand']]);
    sheet.getRange(cellOf(sheet, 'Progress', 7)).setValue(''); // O2's bar deleted
    sheet.getRange(cellOf(sheet, 'Progress', 8)).setValue('55 %'); // O2.1's typed over
    const progress = letterOf(sheet, 'Progress');
    expect(wrongBars(sheet)).toEqual(['row 6: (no bar)', 'row 7: (no bar)', 'row 8: (no bar)']);
    expect((app.run('getHealth') as { computed: string[] }).computed).toEqual([
      `"Progress" (${progress}) has no bar on rows 6, 7, 8.`,
    ]);
    const r = app.run('repairSheet') as { restored: string[]; moved: number };
    expect(r).toMatchObject({ restored: ['Progress'], moved: 1 });
    expect(wrongBars(sheet)).toEqual([]);
    expect(sheet.getRange(`${progress}8`).getNote()).toBe(
      'Typed here: 0.55 (moved into this note by Repair: this column is computed).',
    );
    expect((app.run('getHealth') as { computed: string[] }).computed).toEqual([]);
  });

  test('reading ignores the Progress column: a row holding only a bar is empty, a bar is no data', () => {
    const { app, sheet } = withQuarter('en_US', 'blank');
    // a bar copied onto a blank row below the data
    const progress = letterOf(sheet, 'Progress');
    sheet.getRange(`${progress}40`).setFormula(sheet.getRange(`${progress}4`).getFormula());
    const state = app.run('getCheckInState') as { objectives: { krs: unknown[] }[]; problems: number };
    expect(state.problems).toBe(0);
    expect(state.objectives).toHaveLength(3);
    // a new objective goes right below the last typed row (3 objectives of 3 KRs: rows 3–14)
    const added = app.run('addObjective') as { row: number };
    expect(added.row).toBe(15);
  });
});

/** The previous template's columns, in their order (before issue 15), with their headers then. */
const OLD: [string, string][] = [
  ['objectiveId', 'Objective ID'],
  ['objective', 'Objective'],
  ['krId', 'KR ID'],
  ['title', 'Title'],
  ['level', 'Level'],
  ['owner', 'Owner'],
  ['parent', 'Parent objective'],
  ['committed', 'Committed'],
  ['type', 'Type'],
  ['unit', 'Unit'],
  ['start', 'Start'],
  ['target', 'Target'],
  ['current', 'Current'],
  ['weight', 'Weight'],
  ['confidence', 'Confidence'],
  ['krScore', 'KR score'],
  ['krMean', 'KRs’ mean'],
  ['score', 'Objective score'],
  ['grade', 'Grade'],
  ['status', 'Status'],
  ['alignment', 'Alignment'],
  ['forecast', 'Forecast'],
];

/**
 * The example quarter rewritten as the previous template laid it out: its settings where they were
 * (fiscal start in H1, overall score in L1), its columns in the old order under their old headers
 * (the objective's own score hidden as "KRs’ mean", the rolled-up one as "Objective score"), each
 * computed column one formula in its header cell, no Progress column.
 */
function oldSheet(sheet: Sheet) {
  const rows = recordsOf(sheet).filter((r) => r['Objective ID'] !== '' || r['KR ID'] !== '');
  const asOf = sheet.getRange('D1').getValue();
  const ends = sheet.getRange('J1').getValue();
  sheet.clear();
  sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).clearDataValidations();
  sheet.setFrozenColumns(0);
  const letter = (key: string) => columnLetter(OLD.findIndex(([k]) => k === key) + 1);
  const layout = quarterLayout(
    { sheet: 'Check-ins', date: 'A', quarter: 'B', krId: 'C', value: 'D' },
    { quarter: '"Q1 2026"', elapsed: 'F1', ends: 'J1' },
  );
  const ctx = {
    col: letter,
    range: (k: string) => `${letter(k)}2:${letter(k)}`,
    dataRange: (k: string) => `${letter(k)}3:${letter(k)}`,
    first: 3,
    headerRow: 2,
    lang: 'en' as const,
  };
  const header = OLD.map(([key, text]) => {
    const spec = layout.columns.find((c) => c.key === key)!;
    return spec.formula ? headerFormula(text, spec.formula(ctx as never), 'A2:A') : text;
  });
  const newHeader: Record<string, string> = Object.fromEntries(
    layout.columns.map((c) => [c.key, c.header.en]),
  );
  const data = rows.map((r) =>
    OLD.map(([key]) => (layout.columns.find((c) => c.key === key)!.formula ? '' : r[newHeader[key]!])),
  );
  sheet
    .getRange(1, 1, 2 + data.length, OLD.length)
    .setValues([
      [
        'Quarter',
        "'Q1 2026",
        'As of',
        asOf,
        'Elapsed',
        '=QUARTER_PROGRESS(D1, H1)',
        'Fiscal year starts (month)',
        1,
        'Quarter ends',
        ends,
        'Overall score',
        '=OKR_SCORE(FILTER(R2:R, SEQUENCE(ROWS(R2:R))>1))',
        ...new Array(OLD.length - 12).fill(''),
      ],
      header,
      ...data,
    ] as never);
  sheet.hideColumns(17);
  return letter;
}

describe('a sheet in the previous column order', () => {
  test('reads by header, checks in to the right cells, and Repair gives it its progress bars', () => {
    const { app, sheet } = withQuarter();
    const letter = oldSheet(sheet);
    expect(sheet.getRange('Q2').getValue()).toBe('KRs’ mean');
    expect(sheet.getRange('R2').getValue()).toBe('Objective score');
    const state = app.run('getCheckInState') as {
      problems: number;
      objectives: { id: string; krs: { id: string; owner: string; score: number }[] }[];
    };
    expect(state.problems).toBe(0);
    expect(state.objectives.map((o) => o.id)).toEqual(['O1', 'O2', 'O3', 'O4', 'O5']);
    const kr = (id: string) => state.objectives.flatMap((o) => o.krs).find((k) => k.id === id)!;
    expect([kr('O1.1').owner, kr('O2.3').owner]).toEqual(['Operations', 'Marketing']);
    expect(kr('O1.1').score).toBeCloseTo(2 / 3, 10);

    app.run('checkIn', { entries: [{ krId: 'O1.1', value: 3, confidence: 0.9 }] });
    const o11 = rowByHeader(sheet, 4);
    expect(o11['KR ID']).toBe('O1.1');
    expect(sheet.getRange(`${letter('current')}4`).getValue()).toBe(3);
    expect(sheet.getRange(`${letter('confidence')}4`).getValue()).toBe(0.9);
    expect(sheet.getRange(`${letter('krScore')}4`).getValue()).toBe(1);
    // nothing written where the new order has Current and Confidence (L, M: Target and Current here)
    expect([sheet.getRange('L4').getValue(), sheet.getRange('M4').getValue()]).toEqual([3, 3]);
    expect(sheet.getRange('L3').getValue()).toBe(''); // O1's own row: no target

    // the review reads the rolled-up score from "Objective score"
    const review = app.run('getReviewState') as {
      blocking: string[];
      summary: { objectives: { id: string; score: number }[] };
    };
    expect(review.blocking).toEqual([]);
    expect(review.summary.objectives[0]!.score).toBeCloseTo(sheet.getRange('R3').getValue() as number, 9);

    // the old computed columns are fine; only the bars are missing, and Repair adds them at the end
    expect((app.run('getHealth') as { computed: string[] }).computed).toEqual([
      'The "Progress" column is gone.',
    ]);
    app.run('repairSheet');
    expect(sheet.getRange('W2').getValue()).toBe('Progress');
    expect(wrongBars(sheet, { ...EN, objective: 'Objective score' })).toEqual([]);
    expect((app.run('getHealth') as { computed: string[] }).computed).toEqual([]);

    // a key result added now lands in the old columns, with its bar
    const added = app.run('addKeyResult', { objectiveId: 'O1', kr: { title: 'Partners', target: 4 } }) as {
      row: number;
    };
    expect(sheet.getRange(`${letter('title')}${added.row}`).getValue()).toBe('Partners');
    expect(sheet.getRange(`${letter('target')}${added.row}`).getValue()).toBe(4);
    expect(wrongBars(sheet, { ...EN, objective: 'Objective score' })).toEqual([]);
  });
});
