import * as z from 'zod/mini';
import { isoOf } from '../core/cells';
import { InputError } from '../core/errors';
import { LIMITS } from '../core/health';
import type { Lang } from '../core/i18n';
import type { KrRead } from '../core/read-quarter';
import { SHEET_TEXTS } from '../core/sheet-texts';
import { readConfidence, readTyped, styleOf } from '../core/typed';
import { Catalog } from '../sheets/catalog';
import { type CellValue, Day } from '../sheets/cells';
import { appendLog, findLog, lastCheckIns, logHasRequest, logTail, openLog, readLog } from '../sheets/log';
import { computedStates, repairComputed } from '../sheets/repair';
import { ColumnWrite } from '../sheets/write-back';
import { krTrends } from './charts';
import { openContext, parsePayload, UserError, withDocumentLock } from './context';
import { liveOnOpen } from './live';
import { assertWritable, currentQuarter, nothingWritten, type QuarterState } from './quarter';
import { ReviewStore } from './review-store';
import { REVIEW_TEXTS } from './review-texts';

/** google.script.run sends a blank field as null: every optional field takes null as blank. */
const blankable = <T extends z.core.SomeType>(s: T) => z.optional(z.nullable(s));

const entrySchema = z.object({
  krId: z.string().check(z.minLength(1), z.maxLength(100)),
  /** A number as the cell holds it, a milestone's done/not done, or text as typed in the sidebar. */
  value: blankable(z.union([z.number(), z.boolean(), z.string().check(z.maxLength(100))])),
  /** A share (0–1), or text as typed ("80 %", "80", "0.8"). */
  confidence: blankable(z.union([z.number(), z.string().check(z.maxLength(20))])),
  comment: blankable(z.string().check(z.maxLength(1000))),
});

export const checkInSchema = z.object({
  sheet: blankable(z.string()),
  /** One per save: a save retried after a failure writes its log rows once. */
  requestId: blankable(z.string().check(z.minLength(1), z.maxLength(64))),
  entries: z.array(entrySchema).check(z.minLength(1), z.maxLength(200)),
});

const sheetPayload = z.object({ sheet: blankable(z.string()) });

const allKrs = (q: QuarterState): KrRead[] => [...q.read.objectives.flatMap((o) => o.krs), ...q.read.strays];

/** What the check-in tab lists: the quarter's key results by objective, values as the sheet shows them. */
export function checkInState(payload?: unknown) {
  const ctx = openContext();
  const p = payload === undefined || payload === null ? {} : parsePayload(sheetPayload, payload, ctx.lang);
  const catalog = Catalog.read(ctx.ss);
  const q = currentQuarter(ctx, catalog, p.sheet);
  if (q.read.structure.length) throw new UserError(q.read.structure.join(' '));
  const cols = q.read.columns.index;
  const { first, lastRow } = q.read;
  const n = Math.max(lastRow - first + 1, 0);
  // how the sheet shows each value, and what a typed value means in its cell: two reads
  const shown = n
    ? (q.sheet.getRange(first, 1, n, q.read.values[0]?.length ?? 1).getDisplayValues() as string[][])
    : [];
  const width = q.read.values[0]?.length ?? 1;
  const current = n ? q.sheet.getRange(first, cols.current + 1, n, 1) : undefined;
  const allFormats = n ? q.sheet.getRange(first, 1, n, width).getNumberFormats() : [];
  const formats = allFormats.map((r) => [krFormat(r, cols)]);
  const formulas = current ? current.getFormulas() : [];
  const t = SHEET_TEXTS[ctx.lang];
  // when each KR was last checked in this quarter: its card says so, and stale ones come first
  let log: ReturnType<typeof findLog>;
  try {
    log = findLog(ctx.ss, catalog, ctx.lang);
  } catch {
    log = undefined; // a damaged log is the health check's to name
  }
  const entries = log ? readLog(log, q.label, ctx.timeZone) : [];
  const last = lastCheckIns(entries);
  const trendOf = krTrends(q, entries, ctx.timeZone);
  const asOfDay = Math.min(ctx.today, q.quarter.next - 1);
  const stale = (id: string) => asOfDay - (last.get(id) ?? q.quarter.first) >= LIMITS.staleDays;
  const kr = (k: KrRead) => {
    const i = k.row - first;
    const show = (c: number) => shown[i]?.[c] ?? '';
    const style = styleOf(formats[i]?.[0]);
    return {
      id: k.id,
      title: k.title,
      unit: k.unit,
      /** Its own owner, else its objective's: the owner filter keeps the KRs of the owner picked. */
      owner: k.owner,
      type: k.type ?? '',
      percent: style.percent,
      currency: style.currency ?? null,
      shown: { start: show(cols.start), target: show(cols.target), current: show(cols.current) },
      current: k.current ?? null,
      confidence: k.confidence ?? null,
      /** Its current value is a formula: not typed over from here. */
      live: Boolean(formulas[i]?.[0]),
      /** The sheet's KR score, as the sheet computed it. */
      score: k.score ?? null,
      lastCheckIn: last.has(k.id) ? isoOf(last.get(k.id)!) : null,
      stale: stale(k.id),
      /** Its chart: check-ins, expected line and forecast, from the log already read. */
      trend: trendOf(k),
    };
  };
  const byStale = (a: { stale: boolean }, b: { stale: boolean }) => Number(b.stale) - Number(a.stale);
  const strays = new Map<string, KrRead[]>();
  for (const k of q.read.strays) strays.set(k.objectiveId, [...(strays.get(k.objectiveId) ?? []), k]);
  return {
    lang: ctx.lang,
    sheet: q.name,
    quarter: q.label,
    asOf: isoOf(q.asOf),
    quarters: catalog.quarterNames(q),
    objectives: [
      ...q.read.objectives
        .map((o) => ({
          id: o.id,
          title: o.title,
          owner: o.owner,
          found: true,
          krs: o.krs.map(kr).sort(byStale),
        }))
        .sort((a, b) => Number(b.krs.some((k) => k.stale)) - Number(a.krs.some((k) => k.stale))),
      ...[...strays].map(([id, krs]) => ({
        id,
        title: t.noObjectiveRow(id || '?'),
        owner: '',
        found: false,
        krs: krs.map(kr),
      })),
    ],
    problems: q.read.problems.length,
    /** The quarter's first day when it has not started: no check-in is dated in the future. */
    opensOn: ctx.today < q.quarter.first ? isoOf(q.quarter.first) : null,
    /** The owner this user last filtered on (their own, in user properties), or null for everyone. */
    ownerFilter: PropertiesService.getUserProperties().getProperty(ownerKey(ctx)) ?? null,
    /** Why the quarter takes no check-in: closed by its review (reopen it to change it). */
    closed: closedText(ctx, catalog, q),
    /** Live values are recorded when the file opens (a setting of the file, see live.ts). */
    liveOnOpen: liveOnOpen(),
  };
}

const TEXTS = {
  en: {
    notFound: (sheet: string, ids: string[]) => `Key result not found in "${sheet}": ${ids.join(', ')}.`,
    twice: (id: string, rows: number[]) =>
      `${id} is the KR ID of rows ${rows.join(' and ')}: give each key result its own ID.`,
    nothing: (id: string) => `${id}: nothing to record (a value, a confidence or a comment).`,
    numberExpected: (id: string) => `${id}: a number is expected.`,
    live: (id: string, f: string) =>
      `${id}: its current value is computed by a formula (${f}): it can't be typed over from here.`,
    notStarted: (label: string, first: string) => `${label} starts on ${first}: its check-ins open then.`,
    bad: (id: string, what: string, why: string) => `${id}, ${what}: ${why}.`,
    value: 'value',
    confidence: 'confidence',
  },
  fr: {
    notFound: (sheet: string, ids: string[]) =>
      `Résultat clé introuvable dans «\u00a0${sheet}\u00a0»\u00a0: ${ids.join(', ')}.`,
    twice: (id: string, rows: number[]) =>
      `${id} est l’ID RC des lignes ${rows.join(' et ')}\u00a0: donnez à chaque résultat clé son propre ID.`,
    nothing: (id: string) => `${id}\u00a0: rien à enregistrer (une valeur, une confiance ou un commentaire).`,
    numberExpected: (id: string) => `${id}\u00a0: un nombre est attendu.`,
    live: (id: string, f: string) =>
      `${id}\u00a0: sa valeur actuelle est calculée par une formule (${f})\u00a0: elle ne se saisit pas ici.`,
    notStarted: (label: string, first: string) =>
      `${label} commence le ${first}\u00a0: ses points de suivi s’ouvrent alors.`,
    bad: (id: string, what: string, why: string) => `${id}, ${what}\u00a0: ${why}.`,
    value: 'valeur',
    confidence: 'confiance',
  },
} satisfies Record<Lang, Record<string, unknown>>;

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Records check-ins. Each entry is a new value, a confidence, a comment, or any of them. Everything
 * is checked before anything is written; then one row per KR is appended to the log (made again if
 * it was deleted), the KRs' current values and confidences are updated in their columns (found by
 * their headers), and the "as of" date moves to today. A save retried with the same request id
 * logs nothing twice.
 */
export function checkIn(payload: unknown) {
  const ctx = openContext();
  const p = parsePayload(checkInSchema, payload, ctx.lang);
  const tx = TEXTS[ctx.lang];
  return withDocumentLock(ctx.lang, () => {
    const catalog = Catalog.read(ctx.ss);
    const q = currentQuarter(ctx, catalog, p.sheet);
    assertWritable(q, ctx.lang);
    const closed = ReviewStore.open(ctx.ss, catalog).recordOf(q.id)?.finished;
    if (closed)
      throw new UserError(`${REVIEW_TEXTS[ctx.lang].closed(q.label, closed.at)} ${nothingWritten(ctx.lang)}`);
    if (ctx.today < q.quarter.first)
      throw new UserError(`${tx.notStarted(q.label, isoOf(q.quarter.first))} ${nothingWritten(ctx.lang)}`);
    const cols = q.read.columns.index;
    const krs = new Map(
      allKrs(q)
        .filter((k) => !q.read.ambiguousKrs.has(k.id))
        .map((k) => [k.id, k] as const),
    );
    const errors: string[] = [];
    const unknown = p.entries.filter((e) => !krs.has(e.krId) && !q.read.ambiguousKrs.has(e.krId));
    if (unknown.length)
      errors.push(
        tx.notFound(
          q.sheet.getName(),
          unknown.map((e) => e.krId),
        ),
      );

    const entries = p.entries.filter((e) => krs.has(e.krId));
    const rows = entries.map((e) => krs.get(e.krId)!.row);
    const width = q.read.values[0]?.length ?? 1;
    const formats = rows.length
      ? q.sheet
          .getRange(Math.min(...rows), 1, Math.max(...rows) - Math.min(...rows) + 1, width)
          .getNumberFormats()
      : [];
    const formatOf = (row: number) => {
      const r = formats[row - Math.min(...rows)];
      return r ? krFormat(r, cols) : undefined;
    };
    const values = new Map<number, CellValue>();
    const confidences = new Map<number, CellValue>();
    const parsed = entries.map((e) => {
      const kr = krs.get(e.krId)!;
      let value: number | boolean | undefined;
      let confidence: number | undefined;
      if (blank(e.value) && blank(e.confidence) && blank(e.comment)) errors.push(tx.nothing(e.krId));
      if (typeof e.value === 'boolean') {
        if (kr.type === 'milestone') value = e.value;
        else errors.push(tx.numberExpected(e.krId));
      } else if (typeof e.value === 'number') value = e.value;
      else if (!blank(e.value)) {
        try {
          value = readTyped(e.value as string, styleOf(formatOf(kr.row)), ctx.lang);
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          errors.push(tx.bad(e.krId, tx.value, err.text(ctx.lang)));
        }
      }
      if (!blank(e.confidence)) {
        try {
          confidence = readConfidence(e.confidence as number | string, ctx.lang);
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          errors.push(tx.bad(e.krId, tx.confidence, err.text(ctx.lang)));
        }
      }
      if (value !== undefined) values.set(kr.row, value);
      if (confidence !== undefined) confidences.set(kr.row, confidence);
      return { e, kr, value, confidence, comment: blank(e.comment) ? '' : (e.comment as string).trim() };
    });
    for (const id of new Set(p.entries.map((e) => e.krId))) {
      if (!q.read.ambiguousKrs.has(id)) continue;
      errors.push(tx.twice(id, q.read.ambiguousKrs.get(id)!));
    }
    const current = new ColumnWrite(q.sheet, q.read.values, cols.current + 1, values);
    for (const { e, kr, value } of parsed) {
      const f = value === undefined ? '' : current.formulaAt(kr.row);
      if (f) errors.push(tx.live(e.krId, f));
    }
    if (errors.length) throw new UserError(`${errors.join(' ')} ${nothingWritten(ctx.lang)}`);

    const today = ctx.today;
    const log = openLog(ctx.ss, catalog, ctx.lang);
    if (log.recreated) restoreForecast(q, log.sheet.getName(), ctx.lang);
    const tail = logTail(log, q.label);
    const already = p.requestId ? logHasRequest(log, tail, p.requestId) : false;
    if (!already) {
      appendLog(
        log,
        parsed.map((x) => ({
          date: new Day(today),
          quarter: q.label,
          krId: x.kr.id,
          value: x.value ?? '',
          confidence: x.confidence ?? '',
          comment: x.comment,
          title: x.kr.title,
          ...(p.requestId ? { requestId: p.requestId } : {}),
        })),
        parsed.map((x) => formatOf(x.kr.row) ?? 'General'),
        tail,
      );
    }
    current.write();
    new ColumnWrite(q.sheet, q.read.values, cols.confidence + 1, confidences).write();
    const asOf = Math.max(Math.min(today, q.quarter.next - 1), q.asOf);
    if (asOf !== q.asOf) {
      // a formula the team put there (a link to their own settings) is theirs: left as it is
      const cell = q.sheet.getRange(q.read.meta.asOf!.row, q.read.meta.asOf!.col);
      if (!cell.getFormula()) cell.setValue(isoOf(asOf));
    }
    catalog.saveNames();
    return {
      updated: parsed.length,
      asOf: isoOf(asOf),
      sheet: q.name,
      logRecreated: log.recreated,
      alreadyLogged: already,
    };
  });
}

/** A recreated log is a new sheet: the quarter's forecast formula points at it again. */
export function restoreForecast(q: QuarterState, logName: string, lang: Lang): void {
  const forecast = computedStates(q.sheet, q.read, lang).find((s) => s.key === 'forecast');
  if (forecast?.col)
    repairComputed(q.sheet, q.read, [{ ...forecast, state: 'overwritten' }], logName, lang, q.label);
}

function closedText(ctx: ReturnType<typeof openContext>, catalog: Catalog, q: QuarterState): string | null {
  const finished = ReviewStore.open(ctx.ss, catalog).recordOf(q.id)?.finished;
  return finished ? REVIEW_TEXTS[ctx.lang].closed(q.label, finished.at) : null;
}

/** One key per spreadsheet in the user's own properties: a filter in one file is not another's. */
const ownerKey = (ctx: ReturnType<typeof openContext>) => `okrkpi.owner.${ctx.ss.getId()}`;

export const ownerFilterSchema = z.object({ owner: blankable(z.string().check(z.maxLength(200))) });

/** Remembers the owner a user filters the check-in on (user properties: theirs alone). */
export function setOwnerFilter(payload: unknown) {
  const ctx = openContext();
  const p = parsePayload(ownerFilterSchema, payload, ctx.lang);
  const props = PropertiesService.getUserProperties();
  if (p.owner) props.setProperty(ownerKey(ctx), p.owner);
  else props.deleteProperty(ownerKey(ctx));
  return { owner: p.owner ?? null };
}

/**
 * A KR's number format: its Current cell's, else its Target's or Start's when Current is still
 * plain (a KR typed in by hand, not checked in yet): a 70 % → 77 % KR takes "75" as 75 %.
 */
export function krFormat(
  row: readonly string[],
  cols: Record<'current' | 'target' | 'start', number>,
): string {
  const plain = (f: string | undefined) => !f || f === 'General' || f === '@';
  for (const c of [cols.current, cols.target, cols.start]) {
    const f = c >= 0 ? row[c] : undefined;
    if (!plain(f)) return f!;
  }
  return 'General';
}
