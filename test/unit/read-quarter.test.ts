import { describe, expect, test } from 'vitest';
import type { Cell } from '../../src/core/cells';
import {
  columnProblems,
  DATA_COLUMNS,
  findHeaderRow,
  findLabelled,
  mapColumns,
  problemText,
  readQuarter,
} from '../../src/core/read-quarter';
import { QUARTER } from '../../src/sheets/read';
import { columnLetter } from '../../src/sheets/template';

/** Rows of the quarter sheet's data area, by column key (the template's order). */
function rows(...list: Partial<Record<string, Cell>>[]): Cell[][] {
  return list.map((r) => QUARTER.columns.map((c) => r[c.key] ?? ''));
}
const headers = (lang: 'en' | 'fr') => QUARTER.columns.map((c) => c.header[lang]);
const meta = { label: 'Q1 2026', asOf: '2026-02-15', fiscalStart: 1, asOfLabel: 'As of (D1)' };
const read = (values: Cell[][], lang: 'en' | 'fr' = 'en', header = headers(lang)) =>
  readQuarter(values, mapColumns(header, QUARTER.columns, columnLetter), meta, 3, lang, () => 'UTC');

describe('reading a hand-edited quarter sheet', () => {
  const good = rows(
    { objectiveId: 'O1', objective: 'O1', title: 'Grow', level: 'company', owner: 'Ana', committed: true },
    {
      objective: 'O1',
      krId: 'O1.1',
      title: 'Revenue',
      type: 'increase',
      start: 100,
      target: 125,
      current: 120,
      weight: 2,
      confidence: 0.8,
    },
    { objective: 'O1', krId: 'O1.2', title: 'Launch', type: 'jalon', current: true },
    {},
    { objectiveId: 'O2', objective: 'O2', title: 'Align', level: 'équipe', parent: 'O1' },
  );

  test('objectives with their key results, rows and values', () => {
    const q = read(good);
    expect(q.problems).toEqual([]);
    expect(q.label).toBe('Q1 2026');
    expect(q.objectives.map((o) => [o.id, o.row, o.level, o.parent, o.committed, o.krs.length])).toEqual([
      ['O1', 3, 'company', '', true, 2],
      ['O2', 7, 'team', 'O1', false, 0],
    ]);
    expect(q.objectives[0]!.krs[0]).toMatchObject({
      id: 'O1.1',
      row: 4,
      start: 100,
      target: 125,
      current: 120,
      weight: 2,
      confidence: 0.8,
    });
    expect(q.objectives[0]!.krs[1]).toMatchObject({
      id: 'O1.2',
      type: 'milestone',
      current: true,
      weight: 1,
    });
  });

  test('text in a number column: reported with row and column, the rest read', () => {
    const q = read(
      rows(
        { objectiveId: 'O1', objective: 'O1', title: 'Grow', level: 'company' },
        { objective: 'O1', krId: 'O1.1', title: 'Revenue', start: 'a lot', target: 125, current: 120 },
        { objective: 'O1', krId: 'O1.2', title: 'Visits', start: 0, target: '100 000', current: '12,5' },
      ),
    );
    expect(q.problems.map((p) => problemText(p, 'en'))).toEqual([
      `Row 4, Start (${QUARTER.col('start')}): "a lot" is not a number`,
    ]);
    expect(q.objectives[0]!.krs.map((k) => [k.id, k.start, k.target, k.current])).toEqual([
      ['O1.1', undefined, 125, 120],
      ['O1.2', 0, 100000, 12.5],
    ]);
  });

  test('a missing id and duplicate ids, in French', () => {
    const q = read(
      rows(
        { objectiveId: 'O1', objective: 'O1', title: 'Croître', level: 'entreprise' },
        { objective: 'O1', title: 'Sans id', current: 3 },
        { objective: 'O1', krId: 'O1.1', title: 'A', target: 1, current: 1 },
        { objective: 'O1', krId: 'O1.1', title: 'B', target: 1, current: 1 },
        { objectiveId: 'O1', objective: 'O1', title: 'Encore', level: 'équipe' },
      ),
      'fr',
    );
    expect(q.problems.map((p) => problemText(p, 'fr'))).toEqual([
      "Ligne 4, ID objectif (A) / ID RC (C)\u00a0: l'id est vide",
      'Ligne 6, ID RC (C)\u00a0: id en double\u00a0: O1.1 (ligne 5)',
      'Ligne 7, ID objectif (A)\u00a0: id en double\u00a0: O1 (ligne 3)',
    ]);
    expect(q.objectives).toHaveLength(1);
    expect(q.objectives[0]!.krs.map((k) => k.title)).toEqual(['A']);
  });

  test('unknown level and type words list the accepted ones', () => {
    const q = read(
      rows(
        { objectiveId: 'O1', objective: 'O1', title: 'Grow', level: 'boss' },
        { objective: 'O1', krId: 'O1.1', title: 'A', type: 'grow', target: 1, current: 1 },
      ),
    );
    expect(q.problems.map((p) => p.column)).toEqual([
      `Level (${QUARTER.col('level')})`,
      `Type (${QUARTER.col('type')})`,
    ]);
    expect(q.problems[1]!.message).toMatch(/^"grow" is not one of: increase, augmenter/);
  });

  test('columns are found by their headers when the user moved them', () => {
    const h = headers('en');
    const swapped = [...h];
    const [start, target] = [QUARTER.num('start') - 1, QUARTER.num('target') - 1];
    [swapped[start], swapped[target]] = [swapped[target]!, swapped[start]!]; // Start and Target swapped
    const values = rows(
      { objectiveId: 'O1', objective: 'O1', title: 'G', level: 'team' },
      { objective: 'O1', krId: 'K', start: 125, target: 100, current: 110 },
    );
    const q = read(values, 'en', swapped);
    expect(q.objectives[0]!.krs[0]).toMatchObject({ start: 100, target: 125 });
  });

  test('a KR whose objective is not in the sheet is reported and kept apart, never under the one above', () => {
    const q = read(
      rows(
        { objectiveId: 'O1', objective: 'O1', title: 'G', level: 'team' },
        { objective: 'O9', krId: 'K', target: 1, current: 0 },
      ),
    );
    expect(q.problems.map((p) => problemText(p, 'en'))).toEqual([
      'Row 4, Objective (B): no objective O9 in this sheet (no row has it as its Objective ID)',
    ]);
    expect(q.objectives[0]!.krs).toEqual([]);
    expect(q.strays.map((k) => [k.id, k.objectiveId])).toEqual([['K', 'O9']]);
  });

  test('any row order reads the same: the Objective column says where a KR belongs', () => {
    const ordered = rows(
      { objectiveId: 'O1', objective: 'O1', title: 'Grow', level: 'company' },
      { objective: 'O1', krId: 'O1.1', title: 'Zeta', target: 10, current: 5 },
      { objective: 'O1', krId: 'O1.2', title: 'Alpha', target: 10, current: 2 },
      { objectiveId: 'O2', objective: 'O2', title: 'Beta', level: 'team', parent: 'O1' },
      { objective: 'O2', krId: 'O2.1', title: 'Gamma', target: 4, current: 4 },
    );
    const byTitle = [...ordered].sort((a, b) => String(a[3]).localeCompare(String(b[3])));
    const byKrDesc = [...ordered].sort((a, b) => String(b[2]).localeCompare(String(a[2])));
    const shape = (values: Cell[][]) => {
      const q = read(values);
      expect(q.problems).toEqual([]);
      return q.objectives.map((o) => [o.id, o.krs.map((k) => k.id).sort()]);
    };
    const expected = [
      ['O1', ['O1.1', 'O1.2']],
      ['O2', ['O2.1']],
    ];
    expect(shape(ordered)).toEqual(expected);
    expect(shape(byTitle).sort()).toEqual(expected);
    expect(shape(byKrDesc).sort()).toEqual(expected);
  });

  test('an objective ID and a KR ID on one row is a problem, not a guess', () => {
    const q = read(
      rows(
        { objectiveId: 'O1', objective: 'O1', title: 'G', level: 'team' },
        { objectiveId: 'O2', objective: 'O1', krId: 'K', target: 1, current: 0 },
      ),
    );
    expect(q.problems.map((p) => p.row)).toEqual([4]);
    expect(q.problems[0]!.message).toMatch(/^an objective ID and a KR ID on one row/);
    expect(q.objectives.map((o) => o.id)).toEqual(['O1']);
  });
});

describe('issue 15: owners per KR, the progress bars, the headers a sheet had before', () => {
  test('a KR with its own owner has it; one without has its objective’s', () => {
    const q = read(
      rows(
        { objectiveId: 'O1', objective: 'O1', title: 'Grow', level: 'company', owner: 'Ana' },
        { objective: 'O1', krId: 'O1.1', title: 'A', owner: 'Bo', target: 1, current: 0 },
        { objective: 'O1', krId: 'O1.2', title: 'B', target: 1, current: 0 },
        { objective: 'O9', krId: 'K', title: 'Stray', target: 1, current: 0 },
      ),
    );
    expect(q.objectives[0]!.krs.map((k) => [k.id, k.owner, k.ownOwner])).toEqual([
      ['O1.1', 'Bo', 'Bo'],
      ['O1.2', 'Ana', ''],
    ]);
    expect(q.strays.map((k) => k.owner)).toEqual(['']);
  });

  test('a row holding only a progress bar is an empty row; a bar is never read', () => {
    const bar = '=SPARKLINE(1)'; // what getValues shows of it is blank; a stray text is ignored too
    const q = read(
      rows(
        { objectiveId: 'O1', objective: 'O1', title: 'Grow', level: 'company', progress: bar },
        { objective: 'O1', krId: 'O1.1', title: 'A', target: 1, current: 0, progress: bar },
        { progress: bar },
        { progress: '' },
      ),
    );
    expect(q.problems).toEqual([]);
    expect(q.objectives.map((o) => [o.id, o.krs.length])).toEqual([['O1', 1]]);
  });

  test('the previous headers still map: "KRs’ mean" and "Objective score", in French too', () => {
    for (const [lang, mean, score] of [
      ['en', 'KRs’ mean', 'Objective score'],
      ['fr', 'Moyenne des RC', 'Score objectif'],
    ] as const) {
      const h = headers(lang).map((x, i) =>
        i === QUARTER.num('krMean') - 1 ? mean : i === QUARTER.num('score') - 1 ? score : x,
      );
      const cols = mapColumns(h, QUARTER.columns, columnLetter, lang);
      expect(cols.missing).toEqual([]);
      expect([cols.index.krMean, cols.index.score]).toEqual([
        QUARTER.num('krMean') - 1,
        QUARTER.num('score') - 1,
      ]);
    }
  });
});

describe('finding columns by their headers only', () => {
  test('a renamed header is missing, never guessed from the template', () => {
    const h = headers('en');
    const current = QUARTER.num('current') - 1;
    h[current] = 'Now'; // "Current" renamed
    h.splice(current, 0, 'My notes'); // and a column of the user's inserted before it
    const cols = mapColumns(h, QUARTER.columns, columnLetter);
    expect(cols.missing).toEqual(['current']);
    expect(cols.index.current).toBe(-1);
    expect(cols.index.weight).toBe(QUARTER.num('weight')); // one to the right of where it was
    expect(columnProblems(cols, DATA_COLUMNS, 2, 'en')).toEqual([
      'Column "Current" not found in the header row (row 2): give the column its header back (or undo the change).',
    ]);
  });

  test('a doubled header names both columns, in French too', () => {
    const h = headers('fr');
    h.push('Cible');
    const cols = mapColumns(h, QUARTER.columns, columnLetter, 'fr');
    const [target, added] = [QUARTER.col('target'), columnLetter(h.length)];
    expect(cols.doubled).toEqual([{ key: 'target', letters: [target, added] }]);
    expect(columnProblems(cols, DATA_COLUMNS, 2, 'fr')).toEqual([
      `La colonne «\u00a0Cible\u00a0» apparaît deux fois (${target}, ${added})\u00a0: renommez ou supprimez l’une d’elles.`,
    ]);
  });

  test('the header row is found below rows inserted above it, never read as data', () => {
    const values: Cell[][] = [['Quarter', 'Q1 2026'], [], headers('en'), ...rows({ objectiveId: 'O1' })];
    expect(findHeaderRow(values, QUARTER.columns, ['objectiveId', 'objective', 'krId'])).toBe(2);
    expect(findLabelled(values.slice(0, 2), { en: 'Quarter', fr: 'Trimestre' })).toEqual({ row: 0, col: 1 });
    expect(findHeaderRow([['x'], ['y']], QUARTER.columns, ['objectiveId'])).toBe(-1);
  });
});
