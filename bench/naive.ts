/**
 * The baseline: the add-on's operations written the way a beginner writes Apps Script, one cell at a
 * time (a getRange and a setValue / setNumberFormat / setDataValidation / getValue per cell), driven
 * straight through the emulator's SpreadsheetApp API. They produce the same cells as the add-on
 * (test/bench checks it) and compute with the add-on's own pure code: only the sheet access differs.
 *
 * Like the add-on, it finds a sheet's header row, columns and settings by their labels (reading
 * the rows above the data cell by cell), writes each computed column's formula in its header cell,
 * reads what a user typed in the sidebar ("7", "70 %") in the cell's own number format, logs a
 * check-in (with its request id) before it writes the values, and carries the Current cells'
 * number formats into the next quarter.
 *
 * Kind to the beginner, so that the ratios are floors: blank cells and default formats are not
 * written, each dropdown rule is built once, the empty rows below the data get their formats and
 * dropdowns one call per column, formulas go in last (no recalculation while the data is typed),
 * only the cells an operation needs are read (a check-in reads the KR ID and Objective columns,
 * not whole rows), and what the add-on does besides writing these cells is left out: the document
 * lock, the properties (the catalog of its sheets, the review's record and answers), and the
 * guards of a write (a formula in a Current cell, a KR ID on two rows, history or protection
 * already there from a finish cut short, a next quarter already planned).
 */
import type { EmuSheet, EmuSpreadsheet, Workbook } from '../emulator/index';
import { type DayNumber, dayInZone, isoOf } from '../src/core/cells';
import { asOfFor, blankDraft, type DraftObjective, type QuarterDraft } from '../src/core/draft';
import { healthCheck } from '../src/core/health';
import { langOf } from '../src/core/i18n';
import { nextQuarter, parseQuarterLabel, quarterLabel, quarterOf } from '../src/core/quarter';
import { mapColumns } from '../src/core/read-quarter';
import { type Answer, carryOver, defaultAnswer, historyRows, reviewSummary } from '../src/core/review';
import { readConfidence, readTyped, styleOf } from '../src/core/typed';
import type { Decision } from '../src/core/words';
import { registry } from '../src/functions/registry';
import { alignmentSource, localLabel, logColumns } from '../src/server/insert';
import { REVIEW_TEXTS } from '../src/server/review-texts';
import { type CellValue, cellValue, Day } from '../src/sheets/cells';
import { alignmentLayout, type CheckinKey, checkinsLayout } from '../src/sheets/companion-layouts';
import { alignmentFormulas } from '../src/sheets/companion-sheets';
import { historyCells } from '../src/sheets/history';
import { lastCheckIns, logEntries } from '../src/sheets/log';
import {
  labelLiteral,
  META,
  type QuarterKey,
  type QuarterLayout,
  quarterLayout,
} from '../src/sheets/quarter-layout';
import { computedRuns, quarterMetaRow, quarterRows } from '../src/sheets/quarter-sheet';
import { QUARTER, readQuarterSheet, type SheetRead } from '../src/sheets/read';
import { columnLetter, type Validation } from '../src/sheets/template';
import { NOTES, SHEET_NAMES } from '../src/sheets/texts';
import { headerFormula, STYLE } from '../src/sheets/write';
import {
  gridSheet,
  NaiveRules,
  naiveFormats,
  protectWarning,
  readRow,
  readRowsUntilBlank,
  readUntilHeader,
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
  const { rows, kinds, formats } = quarterRows(draft, lang, { first: layout.first, col: layout.col });
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
    cell.setHorizontalAlignment('left');
  });
  sheet.getRange(META.asOf).setNote(NOTES.asOf[lang]);

  // the header: a computed column's formula sits in its header cell, written last (below)
  columns.forEach((c, i) => {
    const cell = sheet.getRange(headerRow, i + 1);
    if (!c.formula) setCell(cell, c.header[lang]);
    cell.setFontWeight('bold');
    cell.setBackground(STYLE.headerBackground);
    cell.setWrap(true);
    if (c.note) cell.setNote(c.note[lang]);
  });
  sheet.setFrozenRows(headerRow);
  sheet.setFrozenColumns(layout.num('title'));

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

  // the formulas last, one per computed column in its header cell (`={"KR score"; KR_SCORE(…)}`),
  // then their protection from the header down (one per run of columns)
  columns.forEach((c, i) => {
    if (c.formula)
      sheet
        .getRange(headerRow, i + 1)
        .setFormula(headerFormula(c.header[lang], c.formula(formulaCtx), formulaCtx.range(columns[0]!.key)));
  });
  let runStart = -1;
  columns.forEach((c, i) => {
    const isFormula = Boolean(c.formula || c.perRow);
    if (isFormula && runStart < 0) runStart = i;
    if (runStart >= 0 && (!isFormula || i === columns.length - 1)) {
      const end = isFormula ? i : i - 1;
      const rows = lastRow - headerRow + 1;
      protectWarning(sheet.getRange(headerRow, runStart + 1, rows, end - runStart + 1), lang);
      runStart = -1;
    }
  });
  protectWarning(sheet.getRange(META.elapsed), lang);
  protectWarning(sheet.getRange(META.overall), lang);

  const f = naiveFormats(ctx.wb);
  const col = (key: QuarterKey) => sheet.getRange(`${layout.col(key)}${first}:${layout.col(key)}`);
  sheet.setConditionalFormatRules([
    f.errorTexts(computedRuns(layout).map(([a, b]) => sheet.getRange(`${a}${first}:${b}`))),
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
    ...f.scoreColours([col('krScore'), col('krMean'), col('score'), col('forecast')]),
  ]);
  sheet.setTabColor(STYLE.tab.quarter);
  return sheet;
}

/** The alignment view pointed at a quarter sheet, cell by cell. */
function naivePointAlignment(ctx: Ctx, quarterSheet: EmuSheet, label: string, layout: QuarterLayout): void {
  const { lang } = ctx;
  const alignment = companion(ctx, 'alignment');
  const { row1, headers } = alignmentFormulas(quarterSheet.getName(), label, lang, alignmentSource(layout));
  const L = alignmentLayout;
  setRow(alignment, 1, row1);
  alignment.getRange(1, 4).setNumberFormat('0%');
  alignment.getRange(1, 1).setFontWeight('bold');
  setRow(alignment, L.headerRow, headers);
  const link = alignment.getRange(`${L.col('link')}${L.first}:${L.col('link')}`);
  const f = naiveFormats(ctx.wb);
  alignment.setConditionalFormatRules([
    f.errorTexts([link]),
    ...f.wordColours(link, lang, { top: 'green', aligned: 'green', orphan: 'yellow' }),
  ]);
}

function layoutOf(ctx: Ctx, label: string): QuarterLayout {
  return quarterLayout(logColumns(companion(ctx, 'checkins').getName()), {
    ...META,
    quarter: labelLiteral(label),
  });
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
  const layout = layoutOf(ctx, label);
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

/**
 * A quarter sheet's rows above its data, cell by cell from the top down to its header row (found by
 * its labels, as the add-on finds it), parsed by the add-on's reader: the header row, the columns
 * by their headers, the settings by their labels (label, "as of", fiscal start). `width` is the
 * sheet's last column, asked once.
 */
function quarterHead(ctx: Ctx, sheet: EmuSheet) {
  const width = sheet.getLastColumn();
  const rows = readUntilHeader(sheet, width, QUARTER.columns, ['objectiveId', 'objective', 'krId']);
  return { width, rows, head: readQuarterSheet(gridSheet(rows, width), ctx.lang, ctx.timeZone) };
}

/** The quarter a sheet read says it is, and its "as of" day, as the add-on works them out. */
function quarterOfRead(ctx: Ctx, read: Pick<SheetRead, 'label' | 'fiscalStart' | 'asOf'>) {
  const label = read.label;
  const fiscalStart = read.fiscalStart || 1;
  const quarter = parseQuarterLabel(label, fiscalStart) ?? quarterOf(read.asOf ?? ctx.today, fiscalStart);
  const asOf: DayNumber = read.asOf ?? Math.min(Math.max(ctx.today, quarter.first), quarter.next - 1);
  return { label, fiscalStart, quarter, asOf };
}

/** Where each KR is: its KR ID and Objective cells read one by one, down to the first blank row. */
function krRows(sheet: EmuSheet, first: number, kr: number, objective: number): Map<string, number> {
  const rows = new Map<string, number>();
  for (let r = first; ; r++) {
    const id = String(sheet.getRange(r, kr).getValue());
    if (id !== '') rows.set(id, r);
    else if (sheet.getRange(r, objective).getValue() === '') return rows;
  }
}

/**
 * The check-in log's columns, found by the headers of its first row read cell by cell (1-based, 0
 * when a header is not there), and its width.
 */
function logColumnsOf(ctx: Ctx, log: EmuSheet) {
  const width = log.getLastColumn();
  const map = mapColumns(readRow(log, 1, width), checkinsLayout.columns, columnLetter, ctx.lang);
  const index = map.index as unknown as Record<CheckinKey, number>;
  const col = (key: CheckinKey) => index[key] + 1;
  return { width, col };
}

/** What the sidebar sends for one KR: text as typed (or a milestone's done), a confidence, a comment. */
export interface NaiveEntry {
  krId: string;
  value?: number | boolean | string;
  confidence?: number | string;
  comment?: string;
}

const typed = (v: unknown): v is string | number =>
  typeof v === 'number' || (typeof v === 'string' && v.trim() !== '');

/**
 * A check-in, cell by cell: the quarter's header and settings found by their labels, each KR's row
 * by its KR ID, what was typed read in its Current cell's number format; the log's rows first (its
 * columns found by their headers; a save already logged under its request id is not logged
 * again), then each KR's current value and confidence, and the "as of" date when it moves.
 */
export function naiveCheckIn(
  wb: Workbook,
  sheetName: string,
  payload: { requestId?: string; entries: readonly NaiveEntry[] },
): void {
  const ctx = open(wb);
  const sheet = ctx.ss.getSheetByName(sheetName)!;
  const { head } = quarterHead(ctx, sheet);
  const q = quarterOfRead(ctx, head);
  if (ctx.today < q.quarter.first) throw new Error(`naive: ${q.label} has not started`);
  const col = (key: QuarterKey) => head.columns.index[key] + 1;
  const rows = krRows(sheet, head.first, col('krId'), col('objective'));
  const parsed = payload.entries.map((e) => {
    const row = rows.get(e.krId);
    if (row === undefined) throw new Error(`naive: no KR ${e.krId}`);
    let value: number | boolean | undefined;
    // the KR's format reads what was typed and shows the log's value as the KR shows it
    const format = String(sheet.getRange(row, col('current')).getNumberFormat());
    if (typeof e.value === 'string' && e.value.trim() !== '') {
      value = readTyped(e.value, styleOf(format), ctx.lang);
    } else if (typeof e.value === 'number' || typeof e.value === 'boolean') value = e.value;
    const confidence = typed(e.confidence) ? readConfidence(e.confidence, ctx.lang) : undefined;
    const title = String(sheet.getRange(row, col('title')).getValue());
    return { e, row, value, confidence, title, format, comment: e.comment?.trim() ?? '' };
  });

  const log = companion(ctx, 'checkins');
  const L = logColumnsOf(ctx, log);
  const idCol = L.col('requestId');
  let logged = false;
  if (payload.requestId && idCol > 0) {
    const last = log.getLastRow();
    for (let r = Math.max(2, last - 499); r <= last && !logged; r++)
      logged = log.getRange(r, idCol).getValue() === payload.requestId;
  }
  if (!logged) {
    let at = log.getLastRow() + 1;
    for (const x of parsed) {
      const cells: Partial<Record<CheckinKey, CellValue>> = {
        date: new Day(ctx.today),
        quarter: q.label,
        krId: x.e.krId,
        value: x.value ?? '',
        confidence: x.confidence ?? '',
        comment: x.comment,
        title: x.title,
        ...(payload.requestId ? { requestId: payload.requestId } : {}),
      };
      const line = new Array<CellValue>(L.width).fill('');
      for (const [k, v] of Object.entries(cells) as [CheckinKey, CellValue][])
        if (L.col(k) > 0) line[L.col(k) - 1] = v;
      if (L.col('value') > 0) log.getRange(at, L.col('value')).setNumberFormat(x.format || 'General');
      setRow(log, at++, line);
    }
  }

  for (const x of parsed) {
    if (x.value !== undefined) setCell(sheet.getRange(x.row, col('current')), x.value);
    if (x.confidence !== undefined) setCell(sheet.getRange(x.row, col('confidence')), x.confidence);
  }
  const asOf = Math.max(Math.min(ctx.today, q.quarter.next - 1), q.asOf);
  const at = head.meta.asOf;
  if (asOf !== q.asOf && at) sheet.getRange(at.row, at.col).setValue(isoOf(asOf));
}

/**
 * The review's summary from reads cell by cell: the quarter sheet's rows from the top down to its
 * header (found by its labels), its data rows down to the first blank one, and the check-in log's
 * header and rows; then the add-on's own parsing and scoring.
 */
function naiveSummary(ctx: Ctx, sheetName: string) {
  const sheet = ctx.ss.getSheetByName(sheetName)!;
  const { width, rows: above, head } = quarterHead(ctx, sheet);
  const keys = (['objectiveId', 'objective', 'krId'] as const).map((k) => head.columns.index[k] + 1);
  const data = readRowsUntilBlank(sheet, head.first, width, keys);
  const read = readQuarterSheet(gridSheet([...above, ...data], width), ctx.lang, ctx.timeZone);
  const { label, fiscalStart, quarter, asOf } = quarterOfRead(ctx, read);

  const logSheet = companion(ctx, 'checkins');
  const L = logColumnsOf(ctx, logSheet);
  const logRows = readRowsUntilBlank(logSheet, 2, L.width, [L.col('date')]);
  const col = Object.fromEntries(
    checkinsLayout.columns.flatMap((c) => (L.col(c.key) > 0 ? [[c.key, L.col(c.key)]] : [])),
  );
  const log = logEntries({ col }, logRows, label, ctx.timeZone);
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
 * The closed quarter's custom-function formulas replaced by the values they show, as the add-on's
 * freezeQuarter does, one cell at a time: each formula read, each value written.
 */
function naiveFreeze(sheet: EmuSheet, read: SheetRead): void {
  const own = new RegExp(`\\b(${registry.map((f) => f.name).join('|')})\\s*\\(`, 'i');
  const width = read.values[0]?.length ?? 1;
  const shown = (r: number, c: number) => read.values[r - 1]?.[c - 1] ?? '';
  for (let r = 1; r <= read.headerRow; r++)
    for (let c = 1; c <= width; c++) {
      const f = sheet.getRange(r, c).getFormula();
      const v = shown(r, c);
      if (!f || !own.test(f) || (typeof v === 'string' && v.startsWith('#'))) continue;
      const last = r === read.headerRow ? read.lastRow : r;
      for (let row = r; row <= last; row++)
        sheet.getRange(row, c).setValue(cellValue(shown(row, c) as CellValue));
    }
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
  naiveFreeze(sheet, read);
  sheet.protect().setDescription(REVIEW_TEXTS[ctx.lang].closedBy(label, reviewId)).setWarningOnly(true);
  const decisions = new Map<string, Decision>(
    summary.objectives.map((o) => [o.id, (answers.get(o.id) ?? defaultAnswer(o)).decision]),
  );
  return { rows: rows.length, sheet, read, label, fiscalStart, quarter, decisions };
}

/**
 * Finish the review, second part: the closed quarter's KRs carried over with their Current cells'
 * number formats (read one by one) into the next quarter's sheet, cell by cell. Returns its name.
 */
export function naiveOpenQuarter(wb: Workbook, closed: ReturnType<typeof naiveCloseQuarter>): string {
  const ctx = open(wb);
  const { sheet: old, read, fiscalStart, quarter, decisions } = closed;
  const current = read.columns.index.current + 1;
  const formats = new Map<string, string>();
  for (const k of read.objectives.flatMap((o) => o.krs)) {
    const f = String(old.getRange(k.row, current).getNumberFormat());
    if (f && f !== 'General') formats.set(k.id, f);
  }
  const carried = carryOver(read.objectives, decisions, formats);
  const levels = read.objectives.flatMap((o) => (o.level ? [o.level] : []));
  const next = nextQuarter(quarter, fiscalStart);
  const draft: QuarterDraft = {
    quarter: next,
    fiscalStart,
    label: localLabel(quarterLabel(next, fiscalStart), ctx),
    asOf: next.first,
    objectives: carried.length ? carried : blankDraft(levels.length ? levels : ['team']),
  };
  const layout = layoutOf(ctx, draft.label);
  const sheet = naiveQuarterSheet(ctx, layout, draft);
  naivePointAlignment(ctx, sheet, draft.label, layout);
  sheet.activate();
  return sheet.getName();
}
