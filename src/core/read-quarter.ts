import { idOf } from './alignment';
import { type Cell, type DayNumber, isBlank, normalizeWord, readDay, readNumber, readWord } from './cells';
import { InputError } from './errors';
import type { Lang, Text } from './i18n';
import { render } from './messages';
import { readCommitted, readKrType, readWeight } from './score';
import { type KrType, LEVELS, type Level } from './words';

/** The quarter sheet's columns, in the template's order: the typed ones, then the computed ones. */
export const QUARTER_COLUMNS = [
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
  'krScore',
  'krMean',
  'score',
  'grade',
  'status',
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
  problems: Problem[];
}

export interface ColumnMap {
  /** 0-based index of each column in the rows. */
  index: Record<QuarterColumn, number>;
  /** The header the user sees, for messages. */
  header: Record<QuarterColumn, string>;
  letter: Record<QuarterColumn, string>;
}

/**
 * Finds the columns by their headers (English or French), so a sheet whose columns were moved
 * still reads; a header not found keeps its place in the template.
 */
export function mapColumns(
  headerRow: readonly Cell[],
  template: readonly { key: string; header: Text }[],
  letterOf: (n: number) => string,
): ColumnMap {
  const found = new Map<string, number>();
  headerRow.forEach((h, i) => {
    if (typeof h === 'string' && h.trim() !== '') found.set(normalizeWord(h), i);
  });
  const index = {} as Record<QuarterColumn, number>;
  const header = {} as Record<QuarterColumn, string>;
  const letter = {} as Record<QuarterColumn, string>;
  template.forEach((c, i) => {
    const k = c.key as QuarterColumn;
    const at = found.get(normalizeWord(c.header.en)) ?? found.get(normalizeWord(c.header.fr)) ?? i;
    index[k] = at;
    header[k] =
      typeof headerRow[at] === 'string' && headerRow[at] !== '' ? String(headerRow[at]) : c.header.en;
    letter[k] = letterOf(at + 1);
  });
  return { index, header, letter };
}

/** The columns a user types in (the others are computed). */
const dataColumns = QUARTER_COLUMNS.slice(0, QUARTER_COLUMNS.indexOf('confidence') + 1);

/**
 * Reads a (hand-edited) quarter sheet's values into objectives and key results. Each problem is
 * reported with its row and column; the other rows are read as usual and nothing is changed.
 */
export function readQuarter(
  values: readonly (readonly Cell[])[],
  cols: ColumnMap,
  meta: { label: Cell; asOf: Cell; fiscalStart: Cell; asOfLabel: string },
  firstRow: number,
  lang: Lang,
  timeZone: () => string,
): QuarterRead {
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

  const objectives: ObjectiveRead[] = [];
  const byId = new Map<string, ObjectiveRead>();
  const krRows = new Map<string, number>();
  let last: ObjectiveRead | undefined;
  values.forEach((cells, i) => {
    const row = firstRow + i;
    const get = (k: QuarterColumn): Cell => cells[cols.index[k]] ?? '';
    if (dataColumns.every((k) => isBlank(get(k)))) return;
    const objectiveId = idOf(get('objectiveId'));
    const krId = idOf(get('krId'));
    const title = String(get('title') ?? '').trim();
    if (objectiveId !== '') {
      const seen = byId.get(objectiveId);
      if (seen) {
        problems.push({
          row,
          column: where('objectiveId'),
          message: render(
            'duplicateId',
            { id: `${objectiveId} (${lang === 'fr' ? 'ligne' : 'row'} ${seen.row})` },
            lang,
          ),
        });
        last = undefined;
        return;
      }
      const o: ObjectiveRead = {
        id: objectiveId,
        row,
        title,
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
      last = o;
      return;
    }
    if (krId === '') {
      problems.push({
        row,
        column: `${where('objectiveId')} / ${where('krId')}`,
        message: render('blankId', {}, lang),
      });
      return;
    }
    const seenKr = krRows.get(krId);
    if (seenKr !== undefined) {
      problems.push({
        row,
        column: where('krId'),
        message: render(
          'duplicateId',
          { id: `${krId} (${lang === 'fr' ? 'ligne' : 'row'} ${seenKr})` },
          lang,
        ),
      });
      return;
    }
    krRows.set(krId, row);
    const group = idOf(get('objective'));
    let owner = group === '' ? last : byId.get(group);
    if (group === '')
      problems.push({ row, column: where('objective'), message: render('required', {}, lang) });
    else if (!owner) {
      owner = last;
      problems.push({
        row,
        column: where('objective'),
        message:
          lang === 'fr'
            ? `aucun objectif ${group} au-dessus dans la feuille`
            : `no objective ${group} above in this sheet`,
      });
    }
    const num = (k: QuarterColumn) => {
      const v = get(k);
      return isBlank(v) ? undefined : read(row, k, () => readNumber(v));
    };
    const type = read(row, 'type', () => readKrType(get('type')));
    const currentCell = get('current');
    const kr: KrRead = {
      id: krId,
      objectiveId: owner?.id ?? group,
      row,
      title,
      type,
      unit: String(get('unit') ?? '').trim(),
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
    owner?.krs.push(kr);
  });
  return { label: String(meta.label ?? '').trim(), asOf, fiscalStart, objectives, problems };
}

/** A problem as one line: "Row 7, Start (K): "abc" is not a number". */
export function problemText(p: Problem, lang: Lang): string {
  const rowWord = lang === 'fr' ? 'Ligne' : 'Row';
  const sep = lang === 'fr' ? ' : ' : ': ';
  return `${rowWord} ${p.row}${p.column ? `, ${p.column}` : ''}${sep}${p.message}`;
}
