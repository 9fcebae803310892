/**
 * Arguments of rows each, for every function of the registry: what a real sheet hands a column
 * formula (a mix of KR types, blanks, a tree of objectives, KPI series with gaps), all valid, so
 * that the time is the function's work and no row becomes a '#' text. Then the shapes that make a
 * slow algorithm show (issue 14): one big group, one long chain, one long cycle, a long check-in log;
 * and ranges of a million cells.
 */
import type { Plain } from './vm';

const col = (rows: number, f: (i: number) => Plain): Plain[][] =>
  Array.from({ length: rows }, (_, i) => [f(i)]);
const day = (i: number) => ({ $date: new Date(Date.UTC(2026, 0, 1 + (i % 365), 12)).toISOString() });

const KR_TYPES = ['increase', 'decrease', 'at_least', 'at_most', 'milestone'] as const;

function keyResults(rows: number): Plain[] {
  const type = (i: number) => KR_TYPES[i % KR_TYPES.length]!;
  const milestone = (i: number) => type(i) === 'milestone';
  return [
    col(rows, (i) => (milestone(i) ? '' : type(i) === 'decrease' ? 100 : 0)),
    col(rows, (i) => (milestone(i) ? '' : type(i) === 'decrease' ? 40 : 50 + (i % 50))),
    // one row in ten not measured yet (blank current: a blank score)
    col(rows, (i) => (i % 10 === 9 ? '' : milestone(i) ? i % 2 === 0 : (i * 7) % 120)),
    col(rows, type),
  ];
}

/** Objective i's parent: a tree ten wide (O1 at the top), its level by depth. */
const parentOf = (i: number) => (i === 0 ? '' : `O${Math.floor((i - 1) / 10) + 1}`);
const depthOf = (i: number): number => (i === 0 ? 0 : 1 + depthOf(Math.floor((i - 1) / 10)));
const LEVELS = ['company', 'department', 'team', 'individual'];

function objectives(rows: number, withLevels: boolean): Plain[] {
  const out: Plain[] = [col(rows, (i) => `O${i + 1}`), col(rows, parentOf)];
  if (withLevels) out.push(col(rows, (i) => LEVELS[Math.min(depthOf(i), 3)]!));
  return out;
}

const PERIODS = 6;
/** KPI series, one row per KPI and one column per month, some months not filled in yet. */
const series = (rows: number): Plain[][] =>
  Array.from({ length: rows }, (_, i) =>
    Array.from({ length: PERIODS }, (_, p) => (p >= PERIODS - (i % 3) ? '' : 50 + ((i * 13 + p * 7) % 40))),
  );

export interface FunctionCase {
  name: string;
  /** What the rows are, for the report. */
  shape: string;
  /** Made when first read: a case of a million cells is only built when it runs. */
  readonly args: Plain[];
}

type CaseInit<T extends FunctionCase> = Omit<T, 'args'> & { make: () => Plain[] };

/** A case whose arguments are made when first read, then kept. */
function lazyCase<T extends FunctionCase>(init: CaseInit<T>): T {
  const { make, ...rest } = init;
  let args: Plain[] | undefined;
  Object.defineProperty(rest, 'args', { get: () => (args ??= make()) });
  return rest as unknown as T;
}

const lazyCases = <T extends FunctionCase>(list: CaseInit<T>[]): T[] => list.map((c) => lazyCase(c));

/** One case per registry function, `rows` rows each. */
export function functionCases(rows: number): FunctionCase[] {
  const n = rows.toLocaleString('en-US');
  const scores = () => col(rows, (i) => ((i * 37) % 101) / 100);
  return lazyCases([
    { name: 'KR_SCORE', shape: `${n} KRs, 5 types`, make: () => keyResults(rows) },
    { name: 'KR_PROGRESS', shape: `${n} KRs, 5 types`, make: () => keyResults(rows) },
    {
      name: 'OKR_SCORE',
      shape: `${n} KR scores, grouped by objective`,
      make: () => [scores(), col(rows, (i) => 1 + (i % 2)), col(rows, (i) => `O${Math.floor(i / 4) + 1}`)],
    },
    {
      name: 'OKR_GRADE',
      shape: `${n} scores`,
      make: () => [scores(), col(rows, (i) => i % 5 === 0)],
    },
    {
      name: 'OKR_STATUS',
      shape: `${n} scores`,
      make: () => [scores(), 0.5, col(rows, (i) => (i % 5 === 0 ? 1 : 0.7))],
    },
    {
      name: 'OKR_ROLLUP',
      shape: `${n} objectives, a tree`,
      make: () => [...objectives(rows, false), scores(), col(rows, () => 1)],
    },
    { name: 'OKR_ALIGNMENT', shape: `${n} objectives, a tree`, make: () => objectives(rows, true) },
    { name: 'OKR_ALIGNED', shape: `${n} objectives, a tree`, make: () => objectives(rows, true) },
    {
      name: 'KPI_STATUS',
      shape: `${n} KPIs`,
      make: () => [
        col(rows, (i) => (i * 7) % 100),
        col(rows, (i) => (i % 2 ? 70 : 30)),
        col(rows, (i) => (i % 2 ? 40 : 60)),
      ],
    },
    {
      name: 'KPI_TREND',
      shape: `${n} KPIs × ${PERIODS} periods`,
      make: () => [series(rows), col(rows, (i) => (i % 2 ? 'higher' : 'lower'))],
    },
    { name: 'KPI_LATEST', shape: `${n} KPIs × ${PERIODS} periods`, make: () => [series(rows)] },
    { name: 'QUARTER_PROGRESS', shape: `${n} dates`, make: () => [col(rows, day), 1] },
    {
      name: 'KR_FORECAST',
      shape: `${n} KRs, ${(rows * 2).toLocaleString('en-US')} check-ins`,
      make: () => [
        col(rows, (i) => `K${i + 1}`),
        col(rows, () => 0),
        col(rows, () => 100),
        col(rows, (i) => (i % 2 ? 'increase' : 'at_least')),
        { $date: '2026-03-31T12:00:00.000Z' },
        col(rows * 2, (i) => `K${(i % rows) + 1}`),
        col(rows * 2, (i) => ({ $date: new Date(Date.UTC(2026, 0, i < rows ? 10 : 40, 12)).toISOString() })),
        col(rows * 2, (i) => (i < rows ? 10 : 20) + (i % 7)),
      ],
    },
  ]);
}

/** KR_SCORE's rows one by one, as 10,000 one-cell formulas would call it. */
export function oneCellCalls(rows: number): Plain[][] {
  const [start, target, current, type] = keyResults(rows) as Plain[][][];
  return Array.from({ length: rows }, (_, i) => [
    start![i]![0],
    target![i]![0],
    current![i]![0],
    type![i]![0],
  ]);
}

/** The shapes a quadratic algorithm fails on, `rows` rows each (`errorRows`: rows meant as a '#' text). */
export interface StressCase extends FunctionCase {
  /** What the case is called in the report and the tests. */
  label: string;
  /** Result rows that are meant to be an error text (the rows of a cycle). */
  errorRows: number;
  /** The result's rows. */
  resultRows: number;
}

const ids = (rows: number) => col(rows, (i) => `O${i + 1}`);
/** O1 at the top, each next one the child of the one before: a chain as deep as the column. */
const chain = (rows: number) => col(rows, (i) => (i === 0 ? '' : `O${i}`));
/** Each one the child of the next, the last the child of the first: one cycle of every row. */
const cycle = (rows: number) => col(rows, (i) => `O${((i + 1) % rows) + 1}`);

export function stressCases(rows: number): StressCase[] {
  const n = rows.toLocaleString('en-US');
  const log = Math.round(rows * 1.5);
  const scores = () => col(rows, (i) => ((i * 37) % 101) / 100);
  const one = (c: Omit<CaseInit<StressCase>, 'resultRows' | 'errorRows'> & Partial<StressCase>) =>
    lazyCase<StressCase>({ resultRows: rows, errorRows: 0, ...c });
  return [
    one({
      label: 'OKR_SCORE, one group',
      name: 'OKR_SCORE',
      shape: `${n} KR scores of one objective`,
      make: () => [scores(), col(rows, (i) => 1 + (i % 3)), col(rows, () => 'O1')],
    }),
    one({
      label: 'OKR_ROLLUP, a chain',
      name: 'OKR_ROLLUP',
      shape: `${n} objectives, each the parent of the next`,
      make: () => [ids(rows), chain(rows), scores()],
    }),
    one({
      label: 'OKR_ROLLUP, a cycle',
      name: 'OKR_ROLLUP',
      shape: `${n} objectives in one cycle`,
      make: () => [ids(rows), cycle(rows), scores()],
      errorRows: rows,
    }),
    one({
      label: 'OKR_ALIGNED, a chain',
      name: 'OKR_ALIGNED',
      shape: `${n} objectives, each the parent of the next`,
      make: () => [ids(rows), chain(rows)],
    }),
    one({
      label: 'OKR_ALIGNED, a cycle',
      name: 'OKR_ALIGNED',
      shape: `${n} objectives in one cycle`,
      make: () => [ids(rows), cycle(rows)],
    }),
    one({
      label: 'OKR_ALIGNMENT, a chain',
      name: 'OKR_ALIGNMENT',
      shape: `${n} objectives, each the parent of the next`,
      make: () => [ids(rows), chain(rows)],
      resultRows: 1,
    }),
    one({
      label: 'OKR_ALIGNMENT, a cycle',
      name: 'OKR_ALIGNMENT',
      shape: `${n} objectives in one cycle`,
      make: () => [ids(rows), cycle(rows)],
      resultRows: 1,
    }),
    one({
      label: 'KR_FORECAST, a long log',
      name: 'KR_FORECAST',
      shape: `${n} KRs, a log of ${log.toLocaleString('en-US')} check-ins`,
      make: () => forecastArgs(rows, log),
    }),
  ];
}

/** `krs` KRs and a check-in log of `log` rows, each KR checked in on several days. */
function forecastArgs(krs: number, log: number): Plain[] {
  return [
    col(krs, (i) => `K${i + 1}`),
    col(krs, () => 0),
    col(krs, () => 100),
    col(krs, (i) => (i % 2 ? 'increase' : 'at_least')),
    { $date: '2026-03-31T12:00:00.000Z' },
    col(log, (i) => `K${(i % krs) + 1}`),
    col(log, (i) => ({ $date: new Date(Date.UTC(2026, 0, 2 + Math.floor(i / krs) * 20, 12)).toISOString() })),
    col(log, (i) => 10 + Math.floor(i / krs) * 10 + (i % 7)),
  ];
}

export const MILLION = 1_000_000;

/** Ranges of a million cells: what a custom function must still compute, within Sheets' 30 s. */
export function millionCellCases(): StressCase[] {
  const n = MILLION;
  const one = (c: Omit<CaseInit<StressCase>, 'resultRows' | 'errorRows'> & Partial<StressCase>) =>
    lazyCase<StressCase>({ resultRows: n, errorRows: 0, ...c });
  return [
    one({
      label: 'KR_SCORE, 1 M rows',
      name: 'KR_SCORE',
      shape: '1,000,000 KRs',
      make: () => [0, 100, col(n, (i) => i % 120)],
    }),
    one({
      label: 'OKR_SCORE, one group of 1 M',
      name: 'OKR_SCORE',
      shape: '1,000,000 KR scores of one objective',
      make: () => [col(n, (i) => ((i * 37) % 101) / 100), '', col(n, () => 'O1')],
    }),
    one({
      label: 'OKR_ROLLUP, a cycle of 1 M',
      name: 'OKR_ROLLUP',
      shape: '1,000,000 objectives in one cycle',
      make: () => [ids(n), cycle(n), 0.5],
      errorRows: n,
    }),
    one({
      label: 'OKR_ALIGNED, a chain of 1 M',
      name: 'OKR_ALIGNED',
      shape: '1,000,000 objectives, each the parent of the next',
      make: () => [ids(n), chain(n)],
    }),
    one({
      label: 'KR_FORECAST, a log of 1 M',
      name: 'KR_FORECAST',
      shape: '100,000 KRs, a log of 1,000,000 check-ins',
      make: () => forecastArgs(100_000, n),
      resultRows: 100_000,
    }),
    one({
      label: 'KPI_TREND, 100k × 10',
      name: 'KPI_TREND',
      shape: '100,000 KPIs × 10 periods',
      make: () => [
        Array.from({ length: 100_000 }, (_, i) =>
          Array.from({ length: 10 }, (_, p) => (p === 6 ? '' : 50 + ((i * 13 + p * 7) % 40))),
        ),
      ],
      resultRows: 100_000,
    }),
  ];
}
