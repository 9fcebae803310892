import { idOf } from './alignment';
import { type Cell, type DayNumber, isBlank, normalizeWord, readDay, readNumber, readWord } from './cells';
import { InputError } from './errors';
import type { Lang, Text } from './i18n';
import { render } from './messages';
import { readCommitted, readKrType, readWeight } from './score';
import { SHEET_TEXTS } from './sheet-texts';
import { type KrType, LEVELS, type Level } from './words';

/** The columns a user types in: every one is needed to read a row. */
export const DATA_COLUMNS = [
  'objectiveId',
  'objective',
  'krId',
  'title',
  'level',
  'owner',
  'parent',
  'committed',
  'type',
  'unit',
  'start',
  'target',
  'current',
  'weight',
  'confidence',
] as const;

/**
 * The quarter sheet's columns, found by their headers wherever they are: the typed ones, then the
 * computed ones (one formula per column, and the progress bars, one per row: never read as data).
 */
export const QUARTER_COLUMNS = [
  ...DATA_COLUMNS,
  'krScore',
  'krMean',
  'score',
  'grade',
  'status',
  'progress',
  'alignment',
  'forecast',
] as const;
export type QuarterColumn = (typeof QUARTER_COLUMNS)[number];

/** A problem in a user's sheet, where it is and what is wrong, in their language. */
export interface Problem {
  /** The sheet's row number (1-based). */
  row: number;
  /** "Start (K)", or blank when it is about the whole row. */
  column: string;
  message: string;
}

export interface KrRead {
  id: string;
  objectiveId: string;
  row: number;
  title: string;
  type?: KrType;
  unit: string;
  /** Its own owner when its row names one, else its objective's. */
  owner: string;
  /** The owner typed on its own row ('' when it has the objective's). */
  ownOwner: string;
  start?: number;
  target?: number;
  current?: number | boolean;
  weight: number;
  confidence?: number;
  /** Computed by the sheet's formulas (as read, for the review). */
  score?: number;
}

export interface ObjectiveRead {
  id: string;
  row: number;
  title: string;
  level?: Level;
  owner: string;
  parent: string;
  committed: boolean;
  krs: KrRead[];
  score?: number;
}

export interface QuarterRead {
  label: string;
  asOf?: DayNumber;
  fiscalStart: number;
  objectives: ObjectiveRead[];
  /** Key results whose Objective names no objective row (or none): shown apart, never misfiled. */
  strays: KrRead[];
  /** KR ids found on more than one row: no write can tell which row is meant. */
  ambiguousKrs: Map<string, number[]>;
  problems: Problem[];
}

export interface ColumnMap {
  /** 0-based index of each column in the rows; -1 when its header was not found. */
  index: Record<QuarterColumn, number>;
  /** The header the user sees, for messages. */
  header: Record<QuarterColumn, string>;
  letter: Record<QuarterColumn, string>;
  /** Columns whose header is not in the header row. */
  missing: QuarterColumn[];
  /** Columns whose header appears more than once, with their letters. */
  doubled: { key: QuarterColumn; letters: string[] }[];
}

type Template = readonly { key: string; header: Text; formerly?: readonly Text[] }[];

/** Each header's normalized text → the 0-based columns where it appears. */
function headerPositions(headerRow: readonly Cell[]): Map<string, number[]> {
  const found = new Map<string, number[]>();
  headerRow.forEach((h, i) => {
    if (typeof h !== 'string' || h.trim() === '') return;
    const k = normalizeWord(h);
    found.set(k, [...(found.get(k) ?? []), i]);
  });
  return found;
}

/** Where a column's header is: in English or French, or a header it had before. */
function positionsOf(found: Map<string, number[]>, c: Template[number]): number[] {
  const all = [c.header, ...(c.formerly ?? [])].flatMap((h) => [
    ...(found.get(normalizeWord(h.en)) ?? []),
    ...(found.get(normalizeWord(h.fr)) ?? []),
  ]);
  return [...new Set(all)].sort((a, b) => a - b);
}

/**
 * Finds the columns by their headers (English or French), and only by them: a column whose header
 * is missing or doubled is reported, never guessed from the template's order, so a write never
 * lands in a column the user put there.
 */
export function mapColumns(
  headerRow: readonly Cell[],
  template: Template,
  letterOf: (n: number) => string,
  lang: Lang = 'en',
): ColumnMap {
  const found = headerPositions(headerRow);
  const index = {} as Record<QuarterColumn, number>;
  const header = {} as Record<QuarterColumn, string>;
  const letter = {} as Record<QuarterColumn, string>;
  const missing: QuarterColumn[] = [];
  const doubled: ColumnMap['doubled'] = [];
  for (const c of template) {
    const k = c.key as QuarterColumn;
    const at = positionsOf(found, c);
    index[k] = at[0] ?? -1;
    header[k] = at.length ? String(headerRow[at[0]!]).trim() : c.header[lang];
    letter[k] = at.length ? letterOf(at[0]! + 1) : '?';
    if (at.length === 0) missing.push(k);
    if (at.length > 1) doubled.push({ key: k, letters: at.map((i) => letterOf(i + 1)) });
  }
  return { index, header, letter, missing, doubled };
}

/**
 * The header row among the first rows of a sheet: the first one naming every `keys` column of the
 * template (a row inserted above the header is not read as data). 0-based, or -1.
 */
export function findHeaderRow(
  values: readonly (readonly Cell[])[],
  template: Template,
  keys: readonly string[],
  scan = 10,
): number {
  const wanted = template.filter((c) => keys.includes(c.key));
  for (let r = 0; r < Math.min(scan, values.length); r++) {
    const found = headerPositions(values[r] ?? []);
    if (wanted.every((c) => positionsOf(found, c).length > 0)) return r;
  }
  return -1;
}

/** Where a labelled setting sits above the header: the cell right of its label. 0-based. */
export function findLabelled(
  rows: readonly (readonly Cell[])[],
  label: Text,
): { row: number; col: number } | undefined {
  const names = [normalizeWord(label.en), normalizeWord(label.fr)];
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (typeof v === 'string' && names.includes(normalizeWord(v))) return { row: r, col: c + 1 };
    }
  }
  return undefined;
}

/** What a column problem says: the column by its header, and what to do. */
export function columnProblems(
  cols: ColumnMap,
  required: readonly QuarterColumn[],
  headerRow: number,
  lang: Lang,
): string[] {
  const t = SHEET_TEXTS[lang];
  return [
    ...cols.missing
      .filter((k) => required.includes(k))
      .map((k) => t.missingColumn(cols.header[k], headerRow)),
    ...cols.doubled
      .filter((d) => required.includes(d.key))
      .map((d) => t.doubledColumn(cols.header[d.key], d.letters)),
  ];
}

/**
 * Reads a (hand-edited) quarter sheet's values into objectives and key results. The Objective
 * column says which objective a KR row belongs to, as the sheet's formulas group it: row order is
 * free. Each problem is reported with its row and column; the other rows are read as usual; a KR
 * whose objective can't be found is kept aside (`strays`), never filed under another objective.
 */
export function readQuarter(
  values: readonly (readonly Cell[])[],
  cols: ColumnMap,
  meta: { label: Cell; asOf: Cell; fiscalStart: Cell; asOfLabel: string },
  firstRow: number,
  lang: Lang,
  timeZone: () => string,
): QuarterRead {
  const t = SHEET_TEXTS[lang];
  const problems: Problem[] = [];
  const where = (key?: QuarterColumn) => (key ? `${cols.header[key]} (${cols.letter[key]})` : '');
  const report = (row: number, key: QuarterColumn | undefined, e: unknown) => {
    if (!(e instanceof InputError)) throw e;
    problems.push({ row, column: where(key), message: e.text(lang) });
  };
  const read = <T>(row: number, key: QuarterColumn, f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      report(row, key, e);
      return undefined;
    }
  };
  const atRow = (id: string, row: number) => `${id} (${t.row} ${row})`;

  let asOf: DayNumber | undefined;
  try {
    asOf = isBlank(meta.asOf) ? undefined : readDay(meta.asOf, timeZone);
  } catch (e) {
    problems.push({ row: 1, column: meta.asOfLabel, message: (e as InputError).text(lang) });
  }
  let fiscalStart = 1;
  try {
    const n = isBlank(meta.fiscalStart) ? 1 : readNumber(meta.fiscalStart);
    if (Number.isInteger(n) && n >= 1 && n <= 12) fiscalStart = n;
  } catch {
    // a bad fiscal month falls back to January; QUARTER_PROGRESS shows the error in its cell
  }

  const present = DATA_COLUMNS.filter((k) => cols.index[k] >= 0);
  const rows = values.flatMap((cells, i) => {
    const get = (k: QuarterColumn): Cell => (cols.index[k] >= 0 ? (cells[cols.index[k]] ?? '') : '');
    // an unticked checkbox (FALSE) is what an inserted or spare row holds: still an empty row
    if (present.every((k) => isBlank(get(k)) || get(k) === false)) return [];
    return [{ row: firstRow + i, get, objectiveId: idOf(get('objectiveId')), krId: idOf(get('krId')) }];
  });

  // objectives first: a KR may sit above its objective's row
  const objectives: ObjectiveRead[] = [];
  const byId = new Map<string, ObjectiveRead>();
  const krRows: typeof rows = [];
  for (const r of rows) {
    const { row, get, objectiveId, krId } = r;
    if (objectiveId !== '' && krId !== '') {
      problems.push({ row, column: `${where('objectiveId')} / ${where('krId')}`, message: t.bothIds });
      continue;
    }
    if (objectiveId === '') {
      if (krId !== '') krRows.push(r);
      else
        problems.push({
          row,
          column: `${where('objectiveId')} / ${where('krId')}`,
          message: render('blankId', {}, lang),
        });
      continue;
    }
    const seen = byId.get(objectiveId);
    if (seen) {
      problems.push({
        row,
        column: where('objectiveId'),
        message: render('duplicateId', { id: atRow(objectiveId, seen.row) }, lang),
      });
      continue;
    }
    const o: ObjectiveRead = {
      id: objectiveId,
      row,
      title: String(get('title') ?? '').trim(),
      owner: String(get('owner') ?? '').trim(),
      parent: idOf(get('parent')),
      committed: read(row, 'committed', () => readCommitted(get('committed'))) ?? false,
      krs: [],
    };
    const levelCell = get('level');
    if (isBlank(levelCell))
      problems.push({ row, column: where('level'), message: render('required', {}, lang) });
    else o.level = read(row, 'level', () => readWord(levelCell, LEVELS));
    const score = get('score');
    if (typeof score === 'number') o.score = score;
    objectives.push(o);
    byId.set(objectiveId, o);
  }

  const strays: KrRead[] = [];
  const seenKr = new Map<string, number>();
  const ambiguousKrs = new Map<string, number[]>();
  for (const { row, get, krId } of krRows) {
    const first = seenKr.get(krId);
    if (first !== undefined) {
      ambiguousKrs.set(krId, [...(ambiguousKrs.get(krId) ?? [first]), row]);
      problems.push({
        row,
        column: where('krId'),
        message: render('duplicateId', { id: atRow(krId, first) }, lang),
      });
      continue;
    }
    seenKr.set(krId, row);
    const group = idOf(get('objective'));
    const owner = byId.get(group);
    if (group === '')
      problems.push({ row, column: where('objective'), message: render('required', {}, lang) });
    else if (!owner) problems.push({ row, column: where('objective'), message: t.noObjective(group) });
    const num = (k: QuarterColumn) => {
      const v = get(k);
      return isBlank(v) ? undefined : read(row, k, () => readNumber(v));
    };
    const currentCell = get('current');
    const ownOwner = String(get('owner') ?? '').trim();
    const kr: KrRead = {
      id: krId,
      objectiveId: group,
      row,
      title: String(get('title') ?? '').trim(),
      type: read(row, 'type', () => readKrType(get('type'))),
      unit: String(get('unit') ?? '').trim(),
      owner: ownOwner || (owner?.owner ?? ''),
      ownOwner,
      start: num('start'),
      target: num('target'),
      current: typeof currentCell === 'boolean' ? currentCell : num('current'),
      weight: read(row, 'weight', () => readWeight(get('weight'))) ?? 1,
      confidence: undefined,
    };
    const conf = num('confidence');
    if (conf !== undefined) {
      if (conf < 0 || conf > 1)
        report(row, 'confidence', new InputError('between', { value: conf, min: 0, max: 1 }));
      else kr.confidence = conf;
    }
    const score = get('krScore');
    if (typeof score === 'number') kr.score = score;
    if (owner) owner.krs.push(kr);
    else strays.push(kr);
  }
  problems.sort((a, b) => a.row - b.row);
  return {
    label: String(meta.label ?? '').trim(),
    asOf,
    fiscalStart,
    objectives,
    strays,
    ambiguousKrs,
    problems,
  };
}

/** A problem as one line: "Row 7, Start (K): "abc" is not a number". */
export function problemText(p: Problem, lang: Lang): string {
  const rowWord = lang === 'fr' ? 'Ligne' : 'Row';
  const sep = lang === 'fr' ? '\u00a0: ' : ': ';
  return `${rowWord} ${p.row}${p.column ? `, ${p.column}` : ''}${sep}${p.message}`;
}
