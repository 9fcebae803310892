/**
 * The baseline: the add-on's operations written the way a beginner writes Apps Script, one cell at a
 * time (a getRange and a setValue / setNumberFormat / setDataValidation / getValue per cell), driven
 * straight through the emulator's SpreadsheetApp API. They produce the same cells as the add-on
 * (test/bench checks it) and compute with the add-on's own pure code: only the sheet access differs.
 *
 * Kind to the beginner, so that the ratios are floors: blank cells and default formats are not
 * written, each dropdown rule is built once, the empty rows below the data get their formats and
 * dropdowns one call per column, formulas go in last (no recalculation while the data is typed),
 * and the bookkeeping the add-on does besides the sheets (document lock, properties: the catalog
 * of its sheets, the review's record and answers) is left out.
 */
import type { EmuSheet, EmuSpreadsheet, Workbook } from '../emulator/index';
import { type DayNumber, dayInZone, isoOf, readDay } from '../src/core/cells';
import { asOfFor, blankDraft, type DraftObjective, type QuarterDraft } from '../src/core/draft';
import { healthCheck } from '../src/core/health';
import { langOf } from '../src/core/i18n';
import { nextQuarter, parseQuarterLabel, quarterLabel, quarterOf } from '../src/core/quarter';
import { type Answer, carryOver, defaultAnswer, historyRows, reviewSummary } from '../src/core/review';
import { alignmentSource, localLabel, logColumns } from '../src/server/insert';
import { Day, Formula } from '../src/sheets/cells';
import { alignmentLayout, checkinsLayout } from '../src/sheets/companion-layouts';
import { historyCells } from '../src/sheets/history';
import { lastCheckIns, readLog } from '../src/sheets/log';
import { META, type QuarterKey, type QuarterLayout, quarterLayout } from '../src/sheets/quarter-layout';
import { quarterMetaRow, quarterRows } from '../src/sheets/quarter-sheet';
import { QUARTER, readQuarterSheet } from '../src/sheets/read';
import type { Validation } from '../src/sheets/template';
import { NOTES, SHEET_NAMES } from '../src/sheets/texts';
import { STYLE } from '../src/sheets/write';
import {
  gridSheet,
  NaiveRules,
  naiveFormats,
  protectWarning,
  readRow,
  readRowsUntilBlank,
  setCell,
  setRow,
} from './naive-cells';

/** What every naive operation starts with: the spreadsheet, its language, time zone and today. */
function open(wb: Workbook) {
  const ss = wb.spreadsheet;
  const timeZone = ss.getSpreadsheetTimeZone();
  const lang = langOf(ss.getSpreadsheetLocale());
  return { wb, ss, lang, timeZone, today: dayInZone(new Date(), timeZone) };
}
type Ctx = ReturnType<typeof open>;

const SPARE_ROWS = 100;

function freeName(ss: EmuSpreadsheet, base: string): string {
  if (!ss.getSheetByName(base)) return base;
  for (let k = 2; ; k++) if (!ss.getSheetByName(`${base} (${k})`)) return `${base} (${k})`;
}

function companion(ctx: Ctx, kind: 'checkins' | 'reviews' | 'alignment'): EmuSheet {
  const sheet = ctx.ss.getSheetByName(SHEET_NAMES[kind][ctx.lang]);
  if (!sheet) throw new Error(`naive: no ${kind} sheet (insert a first quarter with the add-on)`);
  return sheet;
}

/** The rows of a kind that get their own dropdown or checkbox (as src/sheets/quarter-sheet.ts says). */
function cellValidation(kind: string | undefined, key: QuarterKey): Validation | null | undefined {
  if (key === 'committed') return kind === 'objective' ? { kind: 'checkbox' } : null;
  if (key === 'current' && kind === 'milestone') return { kind: 'checkbox' };
  if (key === 'level') return kind === 'objective' ? undefined : null;
  if (key === 'type' || key === 'confidence') return kind === 'objective' ? null : undefined;
  return undefined;
}

/** A quarter sheet, cell by cell: the same cells as src/sheets/quarter-sheet.ts writes in batches. */
function naiveQuarterSheet(ctx: Ctx, layout: QuarterLayout, draft: QuarterDraft): EmuSheet {
  const { ss, lang } = ctx;
  const sheet = ss.insertSheet(freeName(ss, SHEET_NAMES.quarter(draft.label, lang)));
  const { rows, kinds, formats } = quarterRows(draft, lang);
  const { columns, headerRow, first } = layout;
  const formulaCtx = layout.ctx(lang);
  const needed = first + rows.length + SPARE_ROWS;
  const max = sheet.getMaxRows();
  if (max < needed) sheet.insertRowsAfter(max, needed - max);
  const lastRow = Math.max(max, needed);
  const rules = new NaiveRules(ctx.wb, lang);

  // row 1: the quarter's settings and totals
  const meta = quarterMetaRow(draft, layout, lang);
  meta.cells.forEach((v, i) => {
    const cell = sheet.getRange(1, i + 1);
    if (meta.formats[i] !== 'General') cell.setNumberFormat(meta.formats[i]!);
    setCell(cell, v);
    cell.setBackground(STYLE.metaBackground);
    if (meta.weights[i] === 'bold') cell.setFontWeight('bold');
  });
  sheet.getRange(META.asOf).setNote(NOTES.asOf[lang]);

  // the header
  columns.forEach((c, i) => {
    const cell = sheet.getRange(headerRow, i + 1);
    cell.setValue(c.header[lang]);
    cell.setFontWeight('bold');
    cell.setBackground(STYLE.headerBackground);
    cell.setWrap(true);
    if (c.note) cell.setNote(c.note[lang]);
  });
  sheet.setFrozenRows(headerRow);

  // the data, cell by cell
  rows.forEach((row, r) => {
    const objectiveRow = kinds[r] === 'objective';
    columns.forEach((c, i) => {
      const value = c.formula ? '' : row[c.key];
      const own = cellValidation(kinds[r], c.key);
      const validation = own === undefined ? c.validation : own;
      const format =
        (c.key === 'start' || c.key === 'target' || c.key === 'current' ? formats[r] : undefined) ?? c.format;
      const blank = value === '' || value === undefined;
      if (blank && !validation && !format && !objectiveRow) return;
      const cell = sheet.getRange(first + r, i + 1);
      if (format) cell.setNumberFormat(format);
      if (validation) cell.setDataValidation(rules.get(validation));
      if (!blank) setCell(cell, value);
      if (objectiveRow) {
        cell.setFontWeight('bold');
        cell.setBackground(STYLE.objectiveBackground);
      }
    });
  });

  // what covers the whole column: widths, and formats and dropdowns of the empty rows below
  const below = first + rows.length;
  columns.forEach((c, i) => {
    sheet.setColumnWidth(i + 1, c.width);
    if (below <= lastRow) {
      const rest = sheet.getRange(below, i + 1, lastRow - below + 1, 1);
      if (c.format) rest.setNumberFormat(c.format);
      if (c.validation) rest.setDataValidation(rules.get(c.validation));
    }
    if (c.hidden) sheet.hideColumns(i + 1);
  });

  // the formulas last, one per computed column, then their protection (one per run of columns)
  columns.forEach((c, i) => {
    if (c.formula) sheet.getRange(first, i + 1).setFormula(c.formula(formulaCtx));
  });
  let runStart = -1;
  columns.forEach((c, i) => {
    const isFormula = Boolean(c.formula);
    if (isFormula && runStart < 0) runStart = i;
    if (runStart >= 0 && (!isFormula || i === columns.length - 1)) {
      const end = isFormula ? i : i - 1;
      protectWarning(sheet.getRange(first, runStart + 1, lastRow - first + 1, end - runStart + 1), lang);
      runStart = -1;
    }
  });
  protectWarning(sheet.getRange(META.elapsed), lang);
  protectWarning(sheet.getRange(META.overall), lang);

  const f = naiveFormats(ctx.wb);
  const col = (key: QuarterKey) => sheet.getRange(`${layout.col(key)}${first}:${layout.col(key)}`);
  sheet.setConditionalFormatRules([
    f.errorTexts([sheet.getRange(`${layout.col('krScore')}${first}:${layout.col('forecast')}`)]),
    ...f.wordColours(col('grade'), lang, { green: 'green', yellow: 'yellow', red: 'red' }),
    ...f.wordColours(col('status'), lang, {
      achieved: 'green',
      on_track: 'green',
      at_risk: 'yellow',
      off_track: 'red',
    }),
    ...f.wordColours(col('alignment'), lang, { orphan: 'yellow' }),
    f.prefixColour(col('alignment'), lang, 'broken', 'red'),
    f.prefixColour(col('alignment'), lang, 'cycle', 'red'),
    ...f.scoreColours([col('krScore'), col('score'), col('forecast')]),
  ]);
  sheet.setTabColor(STYLE.tab.quarter);
  return sheet;
}

/** The alignment view pointed at a quarter sheet, cell by cell. */
function naivePointAlignment(ctx: Ctx, quarterSheet: EmuSheet, label: string, layout: QuarterLayout): void {
  const { lang } = ctx;
  const alignment = companion(ctx, 'alignment');
  const cols = alignmentSource(layout);
  const q = `'${quarterSheet.getName().replace(/'/g, "''")}'`;
  const from = (c: string) => `${q}!${c}${cols.first}:${c}`;
  const pick = (c: string) => new Formula(`=IFERROR(FILTER(${from(c)}, ${from(cols.id)}<>""), "")`);
  const L = alignmentLayout;
  const r = L.ctx(lang).range;
  setRow(alignment, 1, [
    lang === 'fr' ? `Alignement — ${label}` : `Alignment — ${label}`,
    '',
    lang === 'fr' ? 'Alignés au sommet' : 'Aligned to the top',
    new Formula(`=OKR_ALIGNMENT(${r('id')}, ${r('parent')}, ${r('level')})`),
  ]);
  alignment.getRange(1, 4).setNumberFormat('0%');
  alignment.getRange(1, 1).setFontWeight('bold');
  setRow(
    alignment,
    L.first,
    [cols.id, cols.title, cols.level, cols.owner, cols.parent, cols.score].map(pick),
  );
  const link = alignment.getRange(`${L.col('link')}${L.first}:${L.col('link')}`);
  const f = naiveFormats(ctx.wb);
  alignment.setConditionalFormatRules([
    f.errorTexts([link]),
    ...f.wordColours(link, lang, { top: 'green', aligned: 'green', orphan: 'yellow' }),
  ]);
}

function layoutOf(ctx: Ctx): QuarterLayout {
  return quarterLayout(logColumns(companion(ctx, 'checkins').getName()));
}

/** Insert a quarter (content 'given'), cell by cell. Returns the new sheet's name. */
export function naiveInsertQuarter(
  wb: Workbook,
  payload: { quarter: string; fiscalStart: number; objectives: readonly unknown[] },
): string {
  const ctx = open(wb);
  const quarter = parseQuarterLabel(payload.quarter, payload.fiscalStart)!;
  const label = localLabel(quarterLabel(quarter, payload.fiscalStart), ctx);
  const asOf = asOfFor(quarter, ctx.today);
  const layout = layoutOf(ctx);
  const sheet = naiveQuarterSheet(ctx, layout, {
    quarter,
    fiscalStart: payload.fiscalStart,
    label,
    asOf,
    objectives: payload.objectives as DraftObjective[],
  });
  naivePointAlignment(ctx, sheet, label, layout);
  sheet.activate();
  return sheet.getName();
}

/** Where each KR is: the KR id column read cell by cell, down to the first blank row. */
function krRows(sheet: EmuSheet): Map<string, number> {
  const rows = new Map<string, number>();
  const kr = QUARTER.num('krId');
  const objective = QUARTER.num('objective');
  for (let r = QUARTER.first; ; r++) {
    const id = String(sheet.getRange(r, kr).getValue());
    if (id !== '') rows.set(id, r);
    else if (sheet.getRange(r, objective).getValue() === '') return rows;
  }
}

/** The quarter's label, fiscal start and "as of" day, read cell by cell. */
function quarterMeta(ctx: Ctx, sheet: EmuSheet) {
  const label = String(sheet.getRange(META.quarter).getValue());
  const fiscalStart = Number(sheet.getRange(META.fiscalStart).getValue()) || 1;
  const asOfCell = sheet.getRange(META.asOf).getValue() as Date | string;
  const quarter = parseQuarterLabel(label, fiscalStart) ?? quarterOf(ctx.today, fiscalStart);
  const asOf = asOfCell === '' ? undefined : readDay(asOfCell, () => ctx.timeZone);
  return { label, fiscalStart, quarter, asOf };
}

/** A check-in: each KR's current value and confidence, the "as of" date and the log, cell by cell. */
export function naiveCheckIn(
  wb: Workbook,
  sheetName: string,
  entries: readonly { krId: string; value: number | boolean; confidence?: number; comment?: string }[],
): void {
  const ctx = open(wb);
  const sheet = ctx.ss.getSheetByName(sheetName)!;
  const rows = krRows(sheet);
  const q = quarterMeta(ctx, sheet);
  const today = Math.min(Math.max(ctx.today, q.quarter.first), q.quarter.next - 1);
  const titles = new Map<string, string>();
  for (const e of entries) {
    const row = rows.get(e.krId);
    if (row === undefined) throw new Error(`naive: no KR ${e.krId}`);
    sheet.getRange(row, QUARTER.num('current')).setValue(e.value);
    if (e.confidence !== undefined) sheet.getRange(row, QUARTER.num('confidence')).setValue(e.confidence);
    titles.set(e.krId, String(sheet.getRange(row, QUARTER.num('title')).getValue()));
  }
  sheet.getRange(META.asOf).setValue(isoOf(Math.max(today, q.asOf ?? today)));
  const log = companion(ctx, 'checkins');
  let at = log.getLastRow() + 1;
  for (const e of entries) {
    setRow(log, at++, [
      new Day(today),
      q.label,
      e.krId,
      e.value,
      e.confidence ?? '',
      e.comment ?? '',
      titles.get(e.krId) ?? '',
    ]);
  }
}

/**
 * The review's summary from reads cell by cell: the quarter sheet's settings, header and rows down to
 * the first blank one, and the check-in log's rows; then the add-on's own parsing and scoring.
 */
function naiveSummary(ctx: Ctx, sheetName: string) {
  const sheet = ctx.ss.getSheetByName(sheetName)!;
  const width = QUARTER.width;
  const metaRow = readRow(sheet, 1, width);
  const header = readRow(sheet, QUARTER.headerRow, width);
  const keys = [QUARTER.num('objectiveId'), QUARTER.num('objective'), QUARTER.num('krId')];
  const data = readRowsUntilBlank(sheet, QUARTER.first, width, keys);
  const read = readQuarterSheet(gridSheet([metaRow, header, ...data], width), ctx.lang, ctx.timeZone);

  const L = checkinsLayout;
  const logRows = readRowsUntilBlank(companion(ctx, 'checkins'), L.first, L.width, [L.num('date')]);
  const label = read.label;
  const fiscalStart = read.fiscalStart || 1;
  const quarter = parseQuarterLabel(label, fiscalStart) ?? quarterOf(read.asOf ?? ctx.today, fiscalStart);
  const asOf: DayNumber = read.asOf ?? Math.min(Math.max(ctx.today, quarter.first), quarter.next - 1);
  const logSheet = gridSheet([[], ...logRows], L.width);
  const col = Object.fromEntries(L.columns.map((c, i) => [c.key, i + 1]));
  const log = readLog({ sheet: logSheet, col, width: L.width, recreated: false }, label, ctx.timeZone);
  const findings = healthCheck({
    objectives: read.objectives,
    lastCheckIn: lastCheckIns(log),
    quarterFirst: quarter.first,
    asOf,
    kpis: [],
    lang: ctx.lang,
  });
  const summary = reviewSummary({
    quarter: label,
    fiscalStart,
    asOf,
    objectives: read.objectives,
    kpis: [],
    findings,
  });
  return { sheet, read, label, fiscalStart, quarter, summary };
}

/** Load the review: the same reads as getReviewState, cell by cell. */
export function naiveLoadReview(wb: Workbook, sheetName: string) {
  return naiveSummary(open(wb), sheetName).summary;
}

/**
 * Finish the review, first part: the history rows appended cell by cell and the quarter protected.
 * Returns what the second part (opening the next quarter) needs.
 */
export function naiveCloseQuarter(
  wb: Workbook,
  sheetName: string,
  answers: ReadonlyMap<string, Answer>,
  reviewId: string,
) {
  const ctx = open(wb);
  const { sheet, read, label, fiscalStart, quarter, summary } = naiveSummary(ctx, sheetName);
  const rows = historyRows(summary, answers, reviewId, ctx.today);
  const reviews = companion(ctx, 'reviews');
  let at = reviews.getLastRow() + 1;
  for (const r of rows) setRow(reviews, at++, historyCells(r, ctx.lang));
  sheet
    .protect()
    .setDescription(
      ctx.lang === 'fr'
        ? `OKR & KPI : trimestre ${label} clos par la revue`
        : `OKR & KPI: quarter ${label} closed by its review`,
    )
    .setWarningOnly(true);
  const decisions = new Map(
    summary.objectives.map((o) => [o.id, (answers.get(o.id) ?? defaultAnswer(o)).decision]),
  );
  const carried = carryOver(read.objectives, decisions);
  const levels = read.objectives.flatMap((o) => (o.level ? [o.level] : []));
  const next = nextQuarter(quarter, fiscalStart);
  return {
    rows: rows.length,
    draft: {
      quarter: next,
      fiscalStart,
      label: localLabel(quarterLabel(next, fiscalStart), ctx),
      asOf: next.first,
      objectives: carried.length ? carried : blankDraft(levels.length ? levels : ['team']),
    } satisfies QuarterDraft,
  };
}

/** Finish the review, second part: the next quarter's sheet, cell by cell. Returns its name. */
export function naiveOpenQuarter(wb: Workbook, draft: QuarterDraft): string {
  const ctx = open(wb);
  const layout = layoutOf(ctx);
  const sheet = naiveQuarterSheet(ctx, layout, draft);
  naivePointAlignment(ctx, sheet, draft.label, layout);
  return sheet.getName();
}
