import type { DraftKr, DraftObjective, QuarterDraft } from '../core/draft';
import type { Lang } from '../core/i18n';
import { DATA_COLUMNS } from '../core/read-quarter';
import { KR_TYPES, LEVELS } from '../core/words';
import { type CellValue, cellValue, Day, Formula } from './cells';
import { errorTexts, gradeColours } from './conditional';
import { META, progressFormula, progressSource, type QuarterKey, type QuarterLayout } from './quarter-layout';
import { QUARTER, type SheetRead } from './read';
import type { Validation } from './template';
import { NOTES, QUARTER_META, SHEET_NAMES } from './texts';
import { insertUniqueSheet, protectWarning, Rules, STYLE, writeTable } from './write';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;

const wordIn = (vocab: Record<string, readonly string[]>, key: string | undefined, lang: Lang) =>
  key === undefined ? '' : (vocab[key]?.[lang === 'en' ? 0 : 1] ?? key);

type RowKind = 'objective' | 'kr' | 'milestone';

/** Where built rows go: their first row, and the letters of the columns a progress bar reads. */
export interface RowPlace {
  first: number;
  col: (key: QuarterKey) => string;
}

/**
 * The rows of a quarter: each objective, then its key results. Placed, each row gets its progress
 * bar (a formula of its own row's score).
 */
export function quarterRows(draft: { objectives: readonly DraftObjective[] }, lang: Lang, place?: RowPlace) {
  const rows: Partial<Record<QuarterKey, CellValue>>[] = [];
  const kinds: RowKind[] = [];
  const formats: (string | undefined)[] = [];
  const progress = (kind: 'objective' | 'kr') =>
    place && new Formula(progressFormula(`${place.col(progressSource(kind))}${place.first + rows.length}`));
  for (const o of draft.objectives) {
    rows.push({
      objectiveId: o.id,
      objective: o.id,
      title: o.title,
      level: wordIn(LEVELS, o.level, lang),
      owner: o.owner,
      parent: o.parent,
      committed: o.committed,
      progress: progress('objective'),
    });
    kinds.push('objective');
    formats.push(undefined);
    for (const kr of o.krs) {
      rows.push({
        objective: o.id,
        krId: kr.id,
        title: kr.title,
        owner: kr.owner ?? '',
        type: wordIn(KR_TYPES, kr.type, lang),
        unit: kr.unit,
        start: kr.start,
        target: kr.target,
        current: kr.current,
        weight: kr.weight,
        confidence: kr.confidence,
        progress: progress('kr'),
      });
      // a milestone not reached yet and not checked in (a carried one) stays blank, not an
      // unticked box: Sheets may read an empty checkbox as FALSE, a 0 score on day one
      kinds.push(kr.type === 'milestone' && typeof kr.current === 'boolean' ? 'milestone' : 'kr');
      formats.push(kr.format);
    }
  }
  return { rows, kinds, formats };
}

/**
 * The quarter sheet's first row: label, value pairs for the quarter, its "as of" date, the share
 * elapsed, the overall score, its last day and the fiscal-year start (see META); labels and the
 * overall score in bold.
 */
export function quarterMetaRow(draft: QuarterDraft, layout: QuarterLayout, lang: Lang) {
  const m = QUARTER_META;
  const cells: CellValue[] = [
    m.quarter[lang],
    draft.label,
    m.asOf[lang],
    new Day(draft.asOf),
    m.elapsed[lang],
    new Formula(`=QUARTER_PROGRESS(${META.asOf}, ${META.fiscalStart})`),
    m.overall[lang],
    // the objective scores without the header's text (a FILTER, so no row edit can shift it)
    new Formula(
      `=OKR_SCORE(FILTER(${layout.ctx(lang).range('score')}, SEQUENCE(ROWS(${layout.ctx(lang).range('score')}))>1))`,
    ),
    m.ends[lang],
    new Day(draft.quarter.next - 1),
    m.fiscalStart[lang],
    draft.fiscalStart,
  ];
  const formats = [
    'General',
    '@',
    'General',
    'yyyy-mm-dd',
    'General',
    '0%',
    'General',
    '0%',
    'General',
    'yyyy-mm-dd',
    'General',
    '0',
  ];
  const overall = cells.length - 5;
  const weights = cells.map((_, i): FontWeight => (i % 2 === 0 || i === overall ? 'bold' : 'normal'));
  return { cells, formats, weights };
}

/** A row's own validation in a column: checkboxes where a row of its kind holds a yes/no. */
function rowValidation(kind: RowKind, key: QuarterKey): Validation | null | undefined {
  if (key === 'committed') return kind === 'objective' ? { kind: 'checkbox' } : null;
  if (key === 'current' && kind === 'milestone') return { kind: 'checkbox' };
  if (key === 'level') return kind === 'objective' ? undefined : null;
  if (key === 'type' || key === 'confidence') return kind === 'objective' ? null : undefined;
  return undefined;
}

const numberKeys: readonly QuarterKey[] = ['start', 'target', 'current'];

/** Inserts a quarter's OKR sheet (never over an existing one) and returns it. */
export function insertQuarterSheet(
  ss: Spreadsheet,
  layout: QuarterLayout,
  draft: QuarterDraft,
  lang: Lang,
  /** The sheet's name (a free one is found from it), or a blank sheet already inserted. */
  name: string | Sheet = SHEET_NAMES.quarter(draft.label, lang),
  /** A quarter sheet of the same columns, whose widths the new one takes (see writeTable). */
  widthsFrom?: Sheet,
): Sheet {
  const sheet = typeof name === 'string' ? insertUniqueSheet(ss, name) : name;
  const { rows, kinds, formats } = quarterRows(draft, lang, { first: layout.first, col: layout.col });
  const meta = quarterMetaRow(draft, layout, lang);
  const metaCells = meta.cells.map((_, i) => i);
  const asOfCol = letterIndex(META.asOf);
  writeTable(sheet, layout, lang, {
    above: [meta.cells],
    // the first row's look, in the table's own block calls: its formats, bold labels and overall
    // score, its background, each value beside its label (not at the far end of a wide column) and
    // the "as of" date's note
    aboveStyle: {
      formats: [meta.formats],
      weights: [meta.weights],
      backgrounds: [metaCells.map(() => STYLE.metaBackground)],
      alignments: [metaCells.map(() => 'left' as const)],
      notes: [metaCells.map((i) => (i === asOfCol ? NOTES.asOf[lang] : ''))],
    },
    rows,
    cellValidation: (r, key) => rowValidation(kinds[r]!, key),
    cellFormat: (r, key) => (numberKeys.includes(key) ? formats[r] : undefined),
    rowStyle: (r) =>
      kinds[r] === 'objective' ? { bold: true, background: STYLE.objectiveBackground } : undefined,
    widthsFrom,
  });

  // ids and titles stay in view while the rest scrolls sideways
  sheet.setFrozenColumns(layout.num('title'));
  protectWarning(sheet.getRange(META.elapsed), lang);
  protectWarning(sheet.getRange(META.overall), lang);

  const ranges = (runs: [string, string][]) =>
    runs.map(([a, b]) => sheet.getRange(`${a}${layout.first}:${b}`));
  const coloured = ranges(colouredRuns(layout));
  sheet.setConditionalFormatRules([
    // the computed columns' "#…" texts: one range per run of them (see quarterLayout's order)
    errorTexts(ranges(computedRuns(layout))),
    // one rule per colour over every coloured column: scores by the aspirational grade, grade and
    // status words, the alignment's warnings (each column holds only its own words)
    ...gradeColours(coloured, `${colouredRuns(layout)[0]![0]}${layout.first}`, lang, {
      green: { words: ['green', 'achieved', 'on_track'] },
      yellow: { words: ['yellow', 'at_risk', 'orphan'] },
      red: { words: ['red', 'off_track'], prefixes: ['broken', 'cycle'] },
    }),
  ]);
  sheet.setTabColor(STYLE.tab.quarter);
  return sheet;
}

/** "D1" → 3: the 0-based column of a first-row cell. */
const letterIndex = (a1: string) => a1.charCodeAt(0) - 65;

/** The columns the colour rules cover: the scores, grade, status, alignment and forecast. */
const COLOURED: readonly QuarterKey[] = [
  'krScore',
  'krMean',
  'score',
  'grade',
  'status',
  'alignment',
  'forecast',
];

/** Runs of adjacent coloured columns, as computedRuns gives its runs. */
export function colouredRuns(layout: QuarterLayout): [string, string][] {
  const runs: [string, string][] = [];
  let prev = -2;
  layout.columns.forEach((c, i) => {
    if (!COLOURED.includes(c.key)) return;
    const letter = layout.col(c.key);
    if (prev === i - 1) runs[runs.length - 1]![1] = letter;
    else runs.push([letter, letter]);
    prev = i;
  });
  return runs;
}

/** The first and last letters of each run of adjacent computed columns (the progress bars' too). */
export function computedRuns(layout: QuarterLayout): [string, string][] {
  const runs: [string, string][] = [];
  let prev = -2;
  layout.columns.forEach((c, i) => {
    if (!c.formula && !c.perRow) return;
    const letter = layout.col(c.key);
    if (prev === i - 1) runs[runs.length - 1]![1] = letter;
    else runs.push([letter, letter]);
    prev = i;
  });
  return runs;
}

/**
 * Appends objectives and their key results below a quarter sheet's data, each value in the column
 * its header names (a column the user added is left alone), with the formats, dropdowns, checkboxes
 * and styles the template gives them. The computed columns cover the new rows by themselves: their
 * formulas sit in the header. Returns the first row written.
 */
export function appendQuarterRows(
  sheet: Sheet,
  read: SheetRead,
  objectives: readonly DraftObjective[],
  lang: Lang,
): number {
  const at = read.lastRow + 1;
  const built = quarterRows({ objectives }, lang, placeIn(read, at));
  const max = sheet.getMaxRows();
  const end = at + built.rows.length - 1;
  if (built.rows.length && end > max) sheet.insertRowsAfter(max, end - max + 20);
  writeQuarterRows(sheet, read, built, at, lang);
  return at;
}

/**
 * Inserts a key result's row right under its objective's last row (row order is free, but that is
 * where a person looks for it), written as appendQuarterRows writes. Returns its row.
 */
export function insertKrRow(
  sheet: Sheet,
  read: SheetRead,
  objectiveId: string,
  kr: DraftKr,
  lang: Lang,
): number {
  const o = read.objectives.find((x) => x.id === objectiveId);
  const rows = [o?.row ?? read.lastRow, ...(o?.krs.map((k) => k.row) ?? [])];
  const after = Math.max(...rows);
  sheet.insertRowsAfter(after, 1);
  // placed from the row above: the objective's own row is built first, and dropped below
  const built = quarterRows(
    { objectives: [{ id: objectiveId, title: '', owner: '', parent: '', committed: false, krs: [kr] }] },
    lang,
    placeIn(read, after),
  );
  // the objective's own row is already there: only its KR's row is written
  writeQuarterRows(
    sheet,
    read,
    { rows: built.rows.slice(1), kinds: built.kinds.slice(1), formats: built.formats.slice(1) },
    after + 1,
    lang,
  );
  return after + 1;
}

/** Built rows placed from row `first` in a sheet as read: its progress bars read its own columns. */
const placeIn = (read: SheetRead, first: number): RowPlace => ({ first, col: (k) => read.columns.letter[k] });

/**
 * Writes built rows from row `at`, one block of calls per run of adjacent typed columns (and the
 * progress bars', when the sheet has that column: a sheet made before it had none).
 */
function writeQuarterRows(
  sheet: Sheet,
  read: SheetRead,
  { rows, kinds, formats }: ReturnType<typeof quarterRows>,
  at: number,
  lang: Lang,
): void {
  if (rows.length === 0) return;
  const rules = new Rules(lang);
  const columnSpec = new Map(QUARTER.columns.map((c) => [c.key, c]));
  const bars = (['progress', 'krScore', 'score'] as const).every((k) => read.columns.index[k] >= 0);
  const cols = [...DATA_COLUMNS, ...(bars ? (['progress'] as const) : [])]
    .map((key) => ({ key, at: read.columns.index[key] }))
    .filter((c) => c.at >= 0)
    .sort((a, b) => a.at - b.at);
  const runs: { key: QuarterKey; at: number }[][] = [];
  for (const c of cols) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1]!.at === c.at - 1) run.push(c);
    else runs.push([c]);
  }
  for (const run of runs) {
    const range = sheet.getRange(at, run[0]!.at + 1, rows.length, run.length);
    range.setValues(rows.map((row) => run.map((c) => cellValue(row[c.key]))));
    range.setNumberFormats(
      rows.map((_, r) =>
        run.map(
          (c) =>
            (numberKeys.includes(c.key) ? formats[r] : undefined) ??
            columnSpec.get(c.key)?.format ??
            'General',
        ),
      ),
    );
    range.setDataValidations(
      rows.map((_, r) =>
        run.map((c) => {
          const own = rowValidation(kinds[r]!, c.key);
          const v = own === undefined ? columnSpec.get(c.key)?.validation : own;
          return v ? rules.get(v) : null;
        }),
      ),
    );
    range.setFontWeights(rows.map((_, r) => run.map(() => (kinds[r] === 'objective' ? 'bold' : 'normal'))));
    range.setBackgrounds(
      rows.map((_, r) =>
        run.map(() => (kinds[r] === 'objective' ? STYLE.objectiveBackground : null)),
      ) as string[][],
    );
  }
}

/**
 * Deletes the objectives a blank quarter was inserted with and nobody filled in (no title, owner or
 * parent; key results with no title and no number): the carry-over takes their place, rather than
 * getting new ids around empty rows. Rows holding anything typed are kept. Returns how many rows went.
 */
export function removePlaceholders(sheet: Sheet, read: SheetRead): number {
  // what the template itself wrote on such rows; anything else typed there keeps the row
  const template = new Set(
    (['objectiveId', 'objective', 'krId', 'level', 'committed'] as const).map((k) => read.columns.index[k]),
  );
  const computed = QUARTER.columns
    .filter((c) => c.formula || c.perRow)
    .map((c) => read.columns.index[c.key as QuarterKey]);
  const untouched = (row: number) =>
    (read.values[row - 1] ?? []).every(
      (v, c) => template.has(c) || computed.includes(c) || v === '' || v === null || v === false,
    );
  const rows = read.objectives
    .filter((o) => untouched(o.row) && o.krs.every((k) => untouched(k.row)))
    .flatMap((o) => [o.row, ...o.krs.map((k) => k.row)])
    .sort((a, b) => b - a);
  // runs of adjacent rows, deleted from the bottom up so the rows above keep their numbers
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! - 1) j++;
    sheet.deleteRows(rows[j]!, j - i + 1);
    i = j + 1;
  }
  return rows.length;
}
