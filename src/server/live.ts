/**
 * Live key results: a KR whose Current is a formula (another sheet's cell, a QUERY, an IMPORTRANGE,
 * a KPI's latest value) takes its value from the team's own data. "Record live values" logs what
 * those formulas show now, one check-in row per KR in one append, so history, forecast and charts
 * follow with no typing; it may also run when the file opens, at most once a day, when the user
 * turned that on. And "Link KPIs to key results" writes a KR's Current as a formula over its KPI's
 * latest value, so the KPI and the KR never disagree.
 */
import * as z from 'zod/mini';
import { type Cell, isoOf } from '../core/cells';
import type { KrRead } from '../core/read-quarter';
import { mapColumns } from '../core/read-quarter';
import { Catalog } from '../sheets/catalog';
import { type CellValue, Day, Formula } from '../sheets/cells';
import { kpisLayout } from '../sheets/companion-layouts';
import { kpiPeriods } from '../sheets/kpi-roll';
import { appendLog, logHasRequest, logTail, openLog, readLog } from '../sheets/log';
import { columnLetter } from '../sheets/template';
import { ColumnWrite } from '../sheets/write-back';
import { krFormat, restoreForecast } from './checkin';
import { type Context, openContext, parsePayload, UserError, withDocumentLock } from './context';
import { LIVE_TEXTS } from './live-texts';
import { assertWritable, currentQuarter, nothingWritten, type QuarterState } from './quarter';
import { ReviewStore } from './review-store';
import { REVIEW_TEXTS } from './review-texts';

const blankable = <T extends z.core.SomeType>(s: T) => z.optional(z.nullable(s));

export const recordSchema = z.object({
  sheet: blankable(z.string()),
  /** One per click: a record retried after a failure writes its log rows once. */
  requestId: blankable(z.string().check(z.minLength(1), z.maxLength(64))),
});

/**
 * The opening-time setting and the day it last ran, in one document property (a few bytes):
 * `{"on":true,"day":"2026-05-12"}`. Document, not user, properties: the team turns it on for the file.
 */
export const LIVE_KEY = 'okrkpi.liveOnOpen';
interface LiveSetting {
  on: boolean;
  day?: string;
}

function readSetting(raw: string | null | undefined): LiveSetting {
  try {
    const s = raw ? (JSON.parse(raw) as Partial<LiveSetting>) : {};
    return { on: s.on === true, ...(typeof s.day === 'string' ? { day: s.day } : {}) };
  } catch {
    return { on: false };
  }
}

const allKrs = (q: QuarterState): KrRead[] => [...q.read.objectives.flatMap((o) => o.krs), ...q.read.strays];

const same = (a: Cell, b: number | boolean) =>
  typeof b === 'number'
    ? typeof a === 'number' && Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b))
    : a === b;

export interface Recorded {
  sheet: string;
  /** KRs whose value was logged. */
  recorded: string[];
  /** Live KRs not logged: their value is the one already logged for them today. */
  unchanged: string[];
  /** Live KRs whose formula shows an error or no number, with what it shows. */
  failed: { id: string; shown: string }[];
  /** Whether this request's rows were already in the log (a retry): nothing was appended. */
  alreadyLogged: boolean;
  asOf: string;
  /** What happened, in a sentence or three. */
  message: string;
}

/**
 * Logs each live KR's value as its formula shows it now, in one append, under the document lock
 * the caller holds. "Unchanged" is today's last logged value for that KR: a KR whose formula still
 * shows it is not logged again (so recording twice a day adds nothing, and a value that moved since
 * the morning adds a row). An error (#REF!, #N/A…) or a non-number is not logged, and is named.
 */
function recordIn(
  ctx: Context,
  catalog: Catalog,
  sheet: string | null | undefined,
  requestId: string,
): Recorded {
  const t = LIVE_TEXTS[ctx.lang];
  const q = currentQuarter(ctx, catalog, sheet);
  assertWritable(q, ctx.lang);
  const closed = ReviewStore.open(ctx.ss, catalog).recordOf(q.id)?.finished;
  if (closed)
    throw new UserError(`${REVIEW_TEXTS[ctx.lang].closed(q.label, closed.at)} ${nothingWritten(ctx.lang)}`);
  const cols = q.read.columns.index;
  const { first, lastRow } = q.read;
  const n = Math.max(lastRow - first + 1, 0);
  const width = q.read.values[0]?.length ?? 1;
  const krs = allKrs(q).filter((k) => !q.read.ambiguousKrs.has(k.id));
  const none = (message: string): Recorded => ({
    sheet: q.name,
    recorded: [],
    unchanged: [],
    failed: [],
    alreadyLogged: false,
    asOf: isoOf(q.asOf),
    message,
  });
  if (n === 0 || ctx.today < q.quarter.first) return none(t.noLive(q.name));
  // which Currents are formulas and what they show: two reads of the column
  const current = q.sheet.getRange(first, cols.current + 1, n, 1);
  const formulas = current.getFormulas();
  const shown = current.getDisplayValues();
  const live = krs.filter((k) => formulas[k.row - first]?.[0]);
  if (live.length === 0) return none(t.noLive(q.name));

  const log = openLog(ctx.ss, catalog, ctx.lang);
  if (log.recreated) restoreForecast(q, log.sheet.getName(), ctx.lang);
  const today = ctx.today;
  const todays = new Map<string, Cell>();
  for (const e of readLog(log, q.label, ctx.timeZone)) if (e.day === today) todays.set(e.krId, e.value);

  const failed: Recorded['failed'] = [];
  const unchanged: string[] = [];
  const rows: { kr: KrRead; value: number | boolean }[] = [];
  for (const k of live) {
    const raw = q.read.values[k.row - 1]?.[cols.current] as Cell;
    const text = shown[k.row - first]?.[0] ?? '';
    const ok =
      (typeof raw === 'number' && Number.isFinite(raw)) ||
      (typeof raw === 'boolean' && k.type === 'milestone');
    if (!ok || /^#/.test(text)) failed.push({ id: k.id, shown: text || '""' });
    else if (todays.has(k.id) && same(todays.get(k.id)!, raw as number | boolean)) unchanged.push(k.id);
    else rows.push({ kr: k, value: raw as number | boolean });
  }

  const tail = logTail(log, q.label);
  const already = logHasRequest(log, tail, requestId);
  if (!already && rows.length) {
    const formats = q.sheet.getRange(first, 1, n, width).getNumberFormats();
    appendLog(
      log,
      rows.map(
        (r): Partial<Record<string, CellValue>> => ({
          date: new Day(today),
          quarter: q.label,
          krId: r.kr.id,
          value: r.value,
          confidence: '',
          comment: t.fromFormula,
          title: r.kr.title,
          requestId,
        }),
      ),
      rows.map((r) => krFormat(formats[r.kr.row - first] ?? [], cols)),
      tail,
    );
  }
  let asOf = q.asOf;
  if (rows.length && !already) {
    asOf = Math.max(Math.min(today, q.quarter.next - 1), q.asOf);
    if (asOf !== q.asOf) {
      // a formula the team put there is theirs: left as it is (as a check-in does)
      const cell = q.sheet.getRange(q.read.meta.asOf!.row, q.read.meta.asOf!.col);
      if (!cell.getFormula()) cell.setValue(isoOf(asOf));
    }
  }
  catalog.saveNames();
  const recorded = already ? [] : rows.map((r) => r.kr.id);
  const message = [
    t.recorded(recorded.length),
    unchanged.length ? t.unchanged(unchanged) : '',
    failed.length ? t.failed(failed.map((f) => `${f.id} (${f.shown})`)) : '',
  ]
    .filter(Boolean)
    .join(' ');
  return { sheet: q.name, recorded, unchanged, failed, alreadyLogged: already, asOf: isoOf(asOf), message };
}

const newRequestId = () => `L${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** "Record live values" (the check-in sidebar's button, and the menu's item). */
export function recordLiveValues(payload?: unknown): Recorded {
  const ctx = openContext();
  const p = payload === undefined || payload === null ? {} : parsePayload(recordSchema, payload, ctx.lang);
  return withDocumentLock(ctx.lang, () =>
    recordIn(ctx, Catalog.read(ctx.ss), p.sheet, p.requestId ?? newRequestId()),
  );
}

/** Whether opening-time recording is on for this file. */
export function liveOnOpen(): boolean {
  return readSetting(PropertiesService.getDocumentProperties().getProperty(LIVE_KEY)).on;
}

export const liveOnOpenSchema = z.object({ on: z.boolean() });

/** Turns opening-time recording on or off for this file (the day it last ran is kept). */
export function setLiveOnOpen(payload: unknown): { on: boolean; message: string } {
  const ctx = openContext();
  const p = parsePayload(liveOnOpenSchema, payload, ctx.lang);
  const props = PropertiesService.getDocumentProperties();
  const s = readSetting(props.getProperty(LIVE_KEY));
  props.setProperty(LIVE_KEY, JSON.stringify({ ...s, on: p.on }));
  return { on: p.on, message: p.on ? LIVE_TEXTS[ctx.lang].autoOn : LIVE_TEXTS[ctx.lang].autoOff };
}

/**
 * onOpen's part, after the menu is built. Runs only in AuthMode.LIMITED (a simple trigger of an
 * add-on used in this file: it may read and write this file and its document properties) or FULL
 * (onInstall, or onOpen run by hand with an event); never in NONE (no document, no properties) nor
 * without an event (the mode can't be told). At most once a day: the day is noted in the setting
 * after the attempt, whatever came of it, so a file with nothing to record costs one property read
 * per opening; a run cut short (a timeout) leaves the day unnoted, and the next opening's run logs
 * nothing twice (a value already logged today is "unchanged"). Never throws: the menu is there
 * whatever happens, and a simple trigger has no one to tell but a toast.
 */
export function recordOnOpen(e?: {
  authMode?: unknown;
}): 'off' | 'not-allowed' | 'done-today' | 'busy' | 'recorded' {
  const mode = e?.authMode;
  if (mode === undefined || (mode !== ScriptApp.AuthMode.LIMITED && mode !== ScriptApp.AuthMode.FULL))
    return 'not-allowed';
  try {
    const props = PropertiesService.getDocumentProperties();
    if (!readSetting(props.getProperty(LIVE_KEY)).on) return 'off';
    const ctx = openContext();
    const day = isoOf(ctx.today);
    if (readSetting(props.getProperty(LIVE_KEY)).day === day) return 'done-today';
    // a simple trigger has 30 s: no long wait for another writer, tomorrow's opening will do
    const lock = LockService.getDocumentLock();
    if (!lock.tryLock(2_000)) return 'busy';
    try {
      const s = readSetting(props.getProperty(LIVE_KEY)); // read again under the lock
      if (!s.on || s.day === day) return s.on ? 'done-today' : 'off';
      let r: Recorded | undefined;
      try {
        r = recordIn(ctx, Catalog.read(ctx.ss), undefined, newRequestId());
      } catch (err) {
        if (!(err instanceof UserError)) throw err; // a closed quarter, no quarter sheet: nothing to do today
      } finally {
        props.setProperty(LIVE_KEY, JSON.stringify({ on: true, day }));
      }
      SpreadsheetApp.flush();
      if (r && (r.recorded.length || r.failed.length))
        ctx.ss.toast(r.message, LIVE_TEXTS[ctx.lang].menuRecord, 8);
      return 'recorded';
    } finally {
      lock.releaseLock();
    }
  } catch {
    return 'not-allowed';
  }
}

// ——— KPIs feed KRs ———

export const linkSchema = z.object({
  sheet: blankable(z.string()),
  /** Replace a KR's typed value (it moves to a note): only when the user said yes. */
  confirm: blankable(z.boolean()),
});

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

/**
 * The KR's Current as one visible formula over its KPI's latest value: the dashboard's own
 * "Latest" (KPI_LATEST over the whole history, rewritten when months are rolled in), on the row
 * whose KPI ID is the KPI's. The row is found by MATCH, not written as a cell reference, so
 * sorting the dashboard, or rows moved in it, keep the right KPI; whole columns, so a KPI added
 * below is found too; and the quarter sheet's own sorts move the formula with its KR's row.
 */
/** What getValues gives for a cell showing an error. */
const SHOWN_ERROR = /^#(N\/A|REF!|ERROR!|VALUE!|NAME\?|DIV\/0!|NUM!|NULL!)$/;

export function kpiFormula(dashboard: string, latestCol: number, idCol: number, kpiId: string): string {
  const s = quoteSheet(dashboard);
  const col = (c: number) => `${s}!$${columnLetter(c)}:$${columnLetter(c)}`;
  return `=INDEX(${col(latestCol)}, MATCH("${kpiId.replace(/"/g, '""')}", ${col(idCol)}, 0))`;
}

export interface Linked {
  sheet: string;
  linked: { kpi: string; kr: string }[];
  /** Links already in place (the KR's Current is that formula). */
  already: string[];
  /** Set when a KR holds a value of its own: nothing written, the user is asked first. */
  confirm?: string;
  message: string;
}

/**
 * "Link KPIs to key results": every KPI naming a KR in "Linked KR" gets that KR's Current written
 * as kpiFormula. Refused, naming the KPI and the KR, when the KR is not in the quarter; a KR whose
 * Current holds a value (typed or checked in) or a formula of its own is replaced only with
 * `confirm` (else the answer asks), and what it held goes into the cell's note.
 */
export function linkKpis(payload?: unknown): Linked {
  const ctx = openContext();
  const p = payload === undefined || payload === null ? {} : parsePayload(linkSchema, payload, ctx.lang);
  const t = LIVE_TEXTS[ctx.lang];
  return withDocumentLock(ctx.lang, () => {
    const catalog = Catalog.read(ctx.ss);
    const dash = catalog.first('kpis');
    const periods = dash ? kpiPeriods(dash, ctx.lang) : undefined;
    if (!dash || !periods || periods.latest <= 0) throw new UserError(t.noDashboard);
    const width = Math.max(dash.getLastColumn(), 1);
    const block = dash.getRange(periods.headerRow, 1, periods.rows + 1, width).getValues() as Cell[][];
    const map = mapColumns(block[0]!, kpisLayout.columns, columnLetter, ctx.lang);
    const at = (k: 'id' | 'name' | 'linkedKr') => (map.index as Record<string, number>)[k] ?? -1;
    if (at('id') < 0 || at('linkedKr') < 0) throw new UserError(t.noDashboard);
    const links = block.slice(1).flatMap((r) => {
      const kr = String(r[at('linkedKr')] ?? '').trim();
      return kr
        ? [{ kpi: String(r[at('id')] ?? '').trim(), name: String(r[at('name')] ?? '').trim(), kr }]
        : [];
    });
    if (links.length === 0) throw new UserError(t.noLinks);

    const q = currentQuarter(ctx, catalog, p.sheet);
    assertWritable(q, ctx.lang);
    const krs = new Map(allKrs(q).map((k) => [k.id, k] as const));
    const errors: string[] = [];
    const byKr = new Map<string, string[]>();
    for (const l of links) byKr.set(l.kr, [...(byKr.get(l.kr) ?? []), l.kpi || l.name]);
    for (const l of links) {
      // an ID cell showing an error is no ID: MATCH would look for the error's text
      if (!l.kpi || SHOWN_ERROR.test(l.kpi)) errors.push(t.noId(l.name || l.kpi));
      else if (q.read.ambiguousKrs.has(l.kr)) errors.push(t.dupKr(l.kr, q.read.ambiguousKrs.get(l.kr)!));
      else if (!krs.has(l.kr)) errors.push(t.noKr(l.kpi, l.kr, q.name));
    }
    for (const [kr, kpis] of byKr) if (kpis.length > 1) errors.push(t.twice(kr, kpis));
    if (errors.length) throw new UserError(`${errors.join(' ')} ${nothingWritten(ctx.lang)}`);

    const cols = q.read.columns.index;
    const { first } = q.read;
    const n = Math.max(q.read.lastRow - first + 1, 1);
    const current = q.sheet.getRange(first, cols.current + 1, n, 1);
    const formulas = current.getFormulas();
    const shown = current.getDisplayValues();
    const updates = new Map<number, CellValue>();
    const replaced: { row: number; was: string }[] = [];
    const asks: string[] = [];
    const already: string[] = [];
    const linked: Linked['linked'] = [];
    for (const l of links) {
      const k = krs.get(l.kr)!;
      const f = kpiFormula(dash.getName(), periods.latest, at('id') + 1, l.kpi);
      const had = formulas[k.row - first]?.[0] ?? '';
      const text = shown[k.row - first]?.[0] ?? '';
      if (had.replace(/\s/g, '') === f.replace(/\s/g, '')) {
        already.push(l.kr);
        continue;
      }
      if (had || text !== '') {
        asks.push(t.typed(l.kpi, l.kr, had || text));
        replaced.push({ row: k.row, was: had || text });
      }
      updates.set(k.row, new Formula(f));
      linked.push({ kpi: l.kpi, kr: l.kr });
    }
    if (asks.length && !p.confirm)
      return {
        sheet: q.name,
        linked: [],
        already,
        confirm: `${asks.join(' ')} ${t.confirm}`,
        message: `${asks.join(' ')} ${nothingWritten(ctx.lang)}`,
      };
    if (updates.size) new ColumnWrite(q.sheet, q.read.values, cols.current + 1, updates).write();
    for (const r of replaced) q.sheet.getRange(r.row, cols.current + 1).setNote(t.linkedNote(r.was));
    catalog.saveNames();
    return { sheet: q.name, linked, already, message: t.linked(linked.length) };
  });
}
