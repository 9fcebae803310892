import { idOf } from '../core/alignment';
import { type Cell, type DayNumber, readDay } from '../core/cells';
import type { Lang } from '../core/i18n';
import { findHeaderRow, mapColumns } from '../core/read-quarter';
import { SHEET_TEXTS } from '../core/sheet-texts';
import type { Catalog } from './catalog';
import { type CellValue, cellValue } from './cells';
import { type CheckinKey, checkinsLayout } from './companion-layouts';
import { columnLetter } from './template';
import { SHEET_NAMES } from './texts';
import { UserError } from './user-error';
import { companionSheet, STYLE, writeTable } from './write';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The log's columns the add-on writes and reads: each found by its header. */
const NEEDED: readonly CheckinKey[] = ['date', 'quarter', 'krId', 'value', 'confidence', 'comment'];
/** How far back a retried save is looked for: a retry follows its failure within minutes. */
const RETRY_WINDOW = 500;

export interface Log {
  sheet: Sheet;
  /** 1-based column of each key found by its header (undefined when not there). */
  col: Partial<Record<CheckinKey, number>>;
  width: number;
  /** True when the log had to be made again (it had been deleted). */
  recreated: boolean;
}

/**
 * The check-in log, made again when it was deleted (a check-in is never lost), with its columns
 * found by their headers in one read. A log whose headers are gone is refused, naming the column.
 */
export function openLog(ss: Spreadsheet, catalog: Catalog, lang: Lang): Log {
  return logOf(ss, catalog, lang, true)!;
}

/** The log to read from, if there is one: reading never makes a sheet. */
export function findLog(ss: Spreadsheet, catalog: Catalog, lang: Lang): Log | undefined {
  return logOf(ss, catalog, lang, false);
}

function logOf(ss: Spreadsheet, catalog: Catalog, lang: Lang, create: boolean): Log | undefined {
  let sheet = catalog.first('checkins');
  let recreated = false;
  if (!sheet && !create) return undefined;
  if (!sheet) {
    sheet = companionSheet(
      ss,
      SHEET_NAMES.checkins[lang],
      (s) => catalog.entryOf(s) !== undefined,
      checkinsLayout.columns.map((c) => c.header[lang]),
    );
    writeTable(sheet, checkinsLayout, lang, { rows: [] });
    sheet.setTabColor(STYLE.tab.checkins);
    catalog.remember(sheet, { kind: 'checkins' });
    recreated = true;
  }
  const width = Math.max(sheet.getLastColumn(), 1);
  const rows = sheet
    .getRange(1, 1, Math.min(Math.max(sheet.getLastRow(), 1), 3), width)
    .getValues() as Cell[][];
  const h = findHeaderRow(rows, checkinsLayout.columns, ['krId', 'value']);
  const map = mapColumns(h >= 0 ? rows[h]! : [], checkinsLayout.columns, columnLetter, lang);
  const t = SHEET_TEXTS[lang];
  const bad = [
    ...map.missing
      .filter((k) => NEEDED.includes(k as CheckinKey))
      .map((k) => t.missingColumn(map.header[k], h + 1 || 1)),
    ...map.doubled.map((d) => t.doubledColumn(map.header[d.key], d.letters)),
  ];
  if (h !== 0 || bad.length) {
    throw new UserError(`${sheet.getName()}: ${bad.join(' ') || t.noHeader(sheet.getName())}`);
  }
  const col: Log['col'] = {};
  for (const c of checkinsLayout.columns) {
    const i = map.index[c.key as keyof typeof map.index];
    if (i >= 0) col[c.key] = i + 1;
  }
  return { sheet, col, width, recreated };
}

/** Whether a save already wrote its rows: only the log's last rows are read. */
export function logHasRequest(log: Log, requestId: string): boolean {
  const c = log.col.requestId;
  if (!c) return false;
  const last = log.sheet.getLastRow();
  if (last < 2) return false;
  const from = Math.max(2, last - RETRY_WINDOW + 1);
  return log.sheet
    .getRange(from, c, last - from + 1, 1)
    .getValues()
    .some((r) => r[0] === requestId);
}

/**
 * Appends rows given by key, each value in the column its header names, in one write; `valueFormats`
 * shows each row's value as its KR shows it (4.8 %, 39,50 €), in one more.
 */
export function appendLog(
  log: Log,
  rows: readonly Partial<Record<CheckinKey, CellValue>>[],
  valueFormats?: readonly string[],
): void {
  if (rows.length === 0) return;
  const { sheet } = log;
  // the id column of a log made before it existed is added at its end
  if (!log.col.requestId && rows.some((r) => r.requestId !== undefined)) {
    log.col.requestId = log.width + 1;
    log.width += 1;
    if (sheet.getMaxColumns() < log.width) sheet.insertColumnsAfter(sheet.getMaxColumns(), 1);
    sheet
      .getRange(1, log.width)
      .setValue(checkinsLayout.columns.find((c) => c.key === 'requestId')!.header.en);
  }
  const at = sheet.getLastRow() + 1;
  const max = sheet.getMaxRows();
  if (at + rows.length - 1 > max) sheet.insertRowsAfter(max, at + rows.length - 1 - max + 50);
  const block = rows.map((r) => {
    const out = new Array<ReturnType<typeof cellValue>>(log.width).fill('');
    for (const [k, v] of Object.entries(r) as [CheckinKey, CellValue][]) {
      const c = log.col[k];
      if (c) out[c - 1] = cellValue(v);
    }
    return out;
  });
  sheet.getRange(at, 1, rows.length, log.width).setValues(block);
  if (valueFormats && log.col.value)
    sheet
      .getRange(at, log.col.value, rows.length, 1)
      .setNumberFormats(valueFormats.map((f) => [f || 'General']));
}

export interface LogEntry {
  day: DayNumber;
  quarter: string;
  krId: string;
  value: Cell;
}

/** The check-in log in one read: the rows of one quarter. */
export function readLog(log: Log, quarter: string, timeZone: string): LogEntry[] {
  const last = log.sheet.getLastRow();
  if (last < 2) return [];
  const values = log.sheet.getRange(2, 1, last - 1, log.width).getValues() as Cell[][];
  const at = (r: Cell[], k: CheckinKey) => (log.col[k] ? r[log.col[k]! - 1] : '');
  return values.flatMap((r) => {
    const q = String(at(r, 'quarter') ?? '').trim();
    if (q !== quarter) return [];
    try {
      return [
        {
          day: readDay(at(r, 'date'), () => timeZone),
          quarter: q,
          krId: idOf(at(r, 'krId')),
          value: at(r, 'value'),
        },
      ];
    } catch {
      return [];
    }
  });
}

export function lastCheckIns(entries: readonly LogEntry[]): Map<string, DayNumber> {
  const out = new Map<string, DayNumber>();
  for (const e of entries) out.set(e.krId, Math.max(out.get(e.krId) ?? e.day, e.day));
  return out;
}
