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
/** Where each quarter's rows start in the log (see LogIndex). */
const INDEX_KEY = 'okrkpi.logIndex';
/** Quarters the index keeps: past it, a quarter not listed is read from the whole log. */
const INDEX_QUARTERS = 200;

export interface Log {
  sheet: Sheet;
  /** The log sheet's id: the index belongs to that sheet (a log made again starts a new one). */
  id: number;
  /** 1-based column of each key found by its header (undefined when not there). */
  col: Partial<Record<CheckinKey, number>>;
  width: number;
  /** True when the log had to be made again (it had been deleted). */
  recreated: boolean;
  /** The document properties as the catalog read them in this call (the index is among them). */
  properties?: Record<string, string>;
}

/**
 * Where each quarter's rows start in the log, so a sidebar reads the current quarter's rows (from
 * its first row to the end) and not the years before. The log is append-only: the add-on is the
 * one appending, and records here, with the log's last row, a signature of that row and of each
 * quarter's first row. Every read checks them (the log's length and both rows); a user who sorted
 * the log, or deleted or inserted rows, changes them, and the whole log is read instead (and the
 * index made again from it): never a wrong answer, only a slower one.
 */
interface LogIndex {
  sheetId: number;
  last: number;
  lastSig: string;
  /** Each quarter's first row and its signature: [row, signature] (a few bytes per quarter). */
  starts: Record<string, [number, string]>;
  /** Every quarter of the log is in `starts` (false when it hit INDEX_QUARTERS). */
  complete: boolean;
}

/** A short hash of a row's text cells (FNV-1a): what tells a row from another at a given place. */
function signature(parts: readonly unknown[]): string {
  let h = 0x811c9dc5;
  const text = parts.map((p) => String(p ?? '').trim()).join('\u0001');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

const SIGNED: readonly CheckinKey[] = ['quarter', 'krId', 'requestId', 'comment'];

/** A row's signature as read from the sheet. */
function readSig(log: Log, row: readonly Cell[]): string {
  return signature(SIGNED.map((k) => (log.col[k] ? row[log.col[k]! - 1] : '')));
}

/** A row's signature from what is written in it (the same text, once in the sheet). */
function writtenSig(row: Partial<Record<CheckinKey, CellValue>>): string {
  return signature(SIGNED.map((k) => (typeof row[k] === 'string' ? row[k] : '')));
}

function readIndex(log: Log): LogIndex | undefined {
  const raw = log.properties
    ? log.properties[INDEX_KEY]
    : PropertiesService.getDocumentProperties().getProperty(INDEX_KEY);
  try {
    const idx = raw ? (JSON.parse(raw) as LogIndex) : undefined;
    return idx && idx.sheetId === log.id ? idx : undefined;
  } catch {
    return undefined;
  }
}

function writeIndex(log: Log, idx: LogIndex): void {
  const text = JSON.stringify(idx);
  PropertiesService.getDocumentProperties().setProperty(INDEX_KEY, text);
  if (log.properties) log.properties[INDEX_KEY] = text;
}

/** The index of a log read whole (rows from row 2), each quarter's first row noted. */
function indexOf(log: Log, values: readonly Cell[][]): LogIndex {
  const starts: LogIndex['starts'] = {};
  let count = 0;
  let complete = true;
  values.forEach((r, i) => {
    const q = String((log.col.quarter ? r[log.col.quarter - 1] : '') ?? '').trim();
    if (q in starts) return;
    if (count >= INDEX_QUARTERS) {
      complete = false;
      return;
    }
    starts[q] = [i + 2, readSig(log, r)];
    count++;
  });
  return {
    sheetId: log.id,
    last: values.length + 1,
    lastSig: values.length ? readSig(log, values[values.length - 1]!) : '',
    starts,
    complete,
  };
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
  const found = catalog.firstFound('checkins');
  let sheet = found?.sheet;
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
  return {
    sheet,
    id: found?.id ?? sheet.getSheetId(),
    col,
    width,
    recreated,
    properties: catalog.properties,
  };
}

/**
 * The log's last rows that may hold a save of this quarter retried, in one read: the quarter's own
 * (a save's rows all carry its label), up to RETRY_WINDOW of them, from its first row by the index
 * (none when it has no row yet: the last row only); the last RETRY_WINDOW rows when the index can't
 * vouch for the window. The last row tells appendLog whether the index still describes the log.
 */
export function logTail(log: Log, quarter: string): { last: number; rows: Cell[][] } {
  const last = log.sheet.getLastRow();
  if (last < 2) return { last, rows: [] };
  const read = (from: number) =>
    log.sheet.getRange(from, 1, last - from + 1, log.width).getValues() as Cell[][];
  const recent = Math.max(2, last - RETRY_WINDOW + 1);
  const idx = readIndex(log);
  if (idx && idx.last === last) {
    const start = idx.starts[quarter];
    const from = start ? Math.max(recent, start[0]) : idx.complete ? last : recent;
    const rows = read(from);
    const ends = readSig(log, rows[rows.length - 1]!) === idx.lastSig;
    if (ends && (!start || from !== start[0] || readSig(log, rows[0]!) === start[1])) return { last, rows };
  }
  return { last, rows: read(recent) };
}

/** Whether a save already wrote its rows, among the log's last rows. */
export function logHasRequest(log: Log, tail: { rows: Cell[][] }, requestId: string): boolean {
  const c = log.col.requestId;
  return c ? tail.rows.some((r) => r[c - 1] === requestId) : false;
}

/**
 * Appends rows given by key, each value in the column its header names, in one write; `valueFormats`
 * shows each row's value as its KR shows it (4.8 %, 39,50 €), in one more. `tail` (logTail, read
 * before) lets the index grow with the rows; without it, the index is kept only when the log's
 * length is the one it recorded.
 */
export function appendLog(
  log: Log,
  rows: readonly Partial<Record<CheckinKey, CellValue>>[],
  valueFormats?: readonly string[],
  tail?: { last: number; rows: Cell[][] },
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
  // the formats first: a save cut short between the two writes is retried, and the retry, finding
  // its rows logged, writes nothing; rows not written yet take no room (getLastRow skips formats)
  if (valueFormats && log.col.value)
    sheet
      .getRange(at, log.col.value, rows.length, 1)
      .setNumberFormats(valueFormats.map((f) => [f || 'General']));
  sheet.getRange(at, 1, rows.length, log.width).setValues(block);
  const lastRow = tail?.rows[tail.rows.length - 1];
  noteAppended(log, at, rows, tail && (lastRow ? readSig(log, lastRow) : ''));
}

/**
 * Rows appended in the log's template order (checkinsLayout: the insert's example check-ins), from
 * row `at`: the index grows with them as with appendLog's.
 */
export function noteTemplateRows(
  sheet: Sheet,
  at: number,
  rows: readonly CellValue[][],
  properties?: Record<string, string>,
): void {
  const keys = checkinsLayout.columns.map((c) => c.key);
  const col = Object.fromEntries(keys.map((k, i) => [k, i + 1])) as Log['col'];
  const log = { sheet, id: sheet.getSheetId(), col, width: keys.length, recreated: false, properties };
  noteAppended(
    log,
    at,
    rows.map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i] ?? '']))),
  );
}

/**
 * Rows just appended from row `at`: the index grows with them when it described the log up to
 * there (its length, and the last row's signature when `lastSig` was read); else it is left as it
 * is, and the next read, finding it wrong, reads the whole log and makes it again.
 */
export function noteAppended(
  log: Log,
  at: number,
  rows: readonly Partial<Record<CheckinKey, CellValue>>[],
  lastSig?: string,
): void {
  const idx = readIndex(log);
  const before = at - 1;
  const fresh = before < 2;
  if (!fresh && (!idx || idx.last !== before || (lastSig !== undefined && lastSig !== idx.lastSig))) return;
  const next: LogIndex = fresh ? { sheetId: log.id, last: 1, lastSig: '', starts: {}, complete: true } : idx!;
  rows.forEach((r, i) => {
    const q = typeof r.quarter === 'string' ? r.quarter.trim() : '';
    if (q in next.starts) return;
    if (Object.keys(next.starts).length >= INDEX_QUARTERS) next.complete = false;
    else next.starts[q] = [at + i, writtenSig(r)];
  });
  next.last = at + rows.length - 1;
  next.lastSig = writtenSig(rows[rows.length - 1]!);
  writeIndex(log, next);
}

export interface LogEntry {
  day: DayNumber;
  quarter: string;
  krId: string;
  value: Cell;
}

/**
 * The rows of one quarter, in one read of the log from that quarter's first row to its end (see
 * LogIndex); the whole log when the index can't vouch for that window.
 */
export function readLog(log: Log, quarter: string, timeZone: string): LogEntry[] {
  const last = log.sheet.getLastRow();
  if (last < 2) return [];
  const idx = readIndex(log);
  if (idx && idx.last === last) {
    const start = idx.starts[quarter];
    const from = start?.[0] ?? (idx.complete ? last : undefined);
    if (from !== undefined && from >= 2 && from <= last) {
      const rows = log.sheet.getRange(from, 1, last - from + 1, log.width).getValues() as Cell[][];
      const ends = readSig(log, rows[rows.length - 1]!) === idx.lastSig;
      // no start: the quarter has no row (the index lists them all), once the last row vouches for it
      if (ends && !start) return [];
      if (ends && readSig(log, rows[0]!) === start![1]) return logEntries(log, rows, quarter, timeZone);
    }
  }
  const values = log.sheet.getRange(2, 1, last - 1, log.width).getValues() as Cell[][];
  // made again from the whole log: a read may write it, as every read checks it before use
  writeIndex(log, indexOf(log, values));
  return logEntries(log, values, quarter, timeZone);
}

/** The entries of one quarter among rows of the log, as read (cells by the log's columns). */
export function logEntries(
  log: Pick<Log, 'col'>,
  values: readonly Cell[][],
  quarter: string,
  timeZone: string,
): LogEntry[] {
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
