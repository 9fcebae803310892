import * as z from 'zod/mini';
import { type Cell, isoOf, readWord } from '../core/cells';
import { blankDraft, type DraftObjective } from '../core/draft';
import type { Lang } from '../core/i18n';
import { nextQuarter, quarterLabel } from '../core/quarter';
import {
  type Answer,
  answerSchema,
  carryNotes,
  carryOver,
  defaultAnswer,
  historyRows,
  renameClashes,
  reviewSummary,
} from '../core/review';
import { DECISIONS } from '../core/words';
import { appendRows } from '../sheets/append';
import { Catalog, type Found } from '../sheets/catalog';
import { Day } from '../sheets/cells';
import { reviewsLayout } from '../sheets/companion-layouts';
import { ensureCompanions, pointAlignment } from '../sheets/companion-sheets';
import { freezeQuarter, thawQuarter } from '../sheets/freeze';
import { historyCells } from '../sheets/history';
import { labelLiteral, META, quarterLayout } from '../sheets/quarter-layout';
import { appendQuarterRows, insertQuarterSheet, removePlaceholders } from '../sheets/quarter-sheet';
import { readQuarterSheet } from '../sheets/read';
import { computedStates } from '../sheets/repair';
import { SHEET_NAMES } from '../sheets/texts';
import { uniqueSheetName } from '../sheets/write';
import { quarterTrend } from './charts';
import { type Context, openContext, parsePayload, UserError, withDocumentLock } from './context';
import { alignmentSource, localLabel, logColumns } from './insert';
import { kpiMonthsMissing } from './kpis';
import { currentQuarter, healthOf, nothingWritten, type QuarterState } from './quarter';
import { type ReviewRecord, ReviewStore } from './review-store';
import { REVIEW_TEXTS } from './review-texts';

const blankable = <T extends z.core.SomeType>(s: T) => z.optional(z.nullable(s));
const sheetPayload = z.object({ sheet: blankable(z.string()) });
const reviewId = z.string().check(z.minLength(1), z.maxLength(80));

function summaryOf(ctx: Context, catalog: Catalog, pick?: string | null | Found) {
  const q = currentQuarter(ctx, catalog, pick);
  const health = healthOf(ctx, catalog, q);
  const summary = reviewSummary({
    quarter: q.label,
    fiscalStart: q.fiscalStart,
    asOf: q.asOf,
    objectives: q.read.objectives,
    kpis: health.kpis,
    findings: health.findings,
  });
  return { q, summary, problems: health.problems, log: health.log };
}

/**
 * Each KR's start, target and current value as the sheet shows them (70 %, 45,00 €): the review
 * step lists them so, from one read of the block's display values.
 */
function withShown(q: QuarterState, objectives: ReturnType<typeof reviewSummary>['objectives']) {
  const { first, lastRow, columns } = q.read;
  const n = lastRow - first + 1;
  const width = q.read.values[0]?.length ?? 1;
  const shown =
    n > 0 && columns.index.current >= 0 ? q.sheet.getRange(first, 1, n, width).getDisplayValues() : [];
  const rowOf = new Map(q.read.objectives.flatMap((o) => o.krs.map((k) => [k.id, k.row] as const)));
  const cell = (row: number | undefined, c: number) =>
    row === undefined || c < 0 ? '' : (shown[row - first]?.[c] ?? '');
  return objectives.map((o) => ({
    ...o,
    krs: o.krs.map((k) => {
      const row = rowOf.get(k.id);
      return {
        ...k,
        shown: {
          start: cell(row, columns.index.start),
          target: cell(row, columns.index.target),
          current: cell(row, columns.index.current),
        },
      };
    }),
  }));
}

/** The KPI dashboard's roll forward a finished review offers: up to the next quarter's last month. */
function kpiRollOffer(ctx: Context, catalog: Catalog, q: QuarterState) {
  const next = nextQuarter(q.quarter, q.fiscalStart);
  const until = isoOf(next.next - 1).slice(0, 7);
  const months = kpiMonthsMissing(ctx, catalog, until);
  return months.length ? { until, months } : null;
}

/** Rows the review can't read, as lines that say where and what to fix (the first ones). */
function blockers(q: QuarterState, problems: readonly string[]): string[] {
  return q.read.structure.length ? q.read.structure : [...problems];
}

/** Where a review stands: the summary, the answers saved so far, whether it is finished. */
/** Descriptions compared with no-break spaces as spaces: a French closing written before them had plain ones. */
const sameText = (a: string, b: string) => a.replace(/\u00a0/g, ' ') === b.replace(/\u00a0/g, ' ');

export function reviewState(payload?: unknown) {
  const ctx = openContext();
  const p = payload === undefined || payload === null ? {} : parsePayload(sheetPayload, payload, ctx.lang);
  const catalog = Catalog.read(ctx.ss);
  const { q, summary, problems, log } = summaryOf(ctx, catalog, p.sheet);
  const store = ReviewStore.open(ctx.ss, catalog);
  const record = store.recordFor(q.id, q.label, isoOf(ctx.today));
  const answers = store.answers(record.id);
  const ids = new Set(summary.objectives.map((o) => o.id));
  const orphans = [...answers.values()].filter((a) => !ids.has(a.objectiveId));
  const blocking = blockers(q, problems);
  return {
    lang: ctx.lang,
    sheet: q.name,
    quarters: catalog.quarterNames(q),
    reviewId: record.id,
    finished: record.finished ?? null,
    /** Once finished: the months the KPI dashboard lacks to reach the next quarter's end. */
    kpiRoll: record.finished ? kpiRollOffer(ctx, catalog, q) : null,
    /** The quarter's last day while it is not over: finishing now would close it early. */
    early: ctx.today < q.quarter.next - 1 ? isoOf(q.quarter.next - 1) : null,
    summary: { ...summary, asOf: isoOf(summary.asOf), objectives: withShown(q, summary.objectives) },
    /** The overall score week by week, its last point the summary's (from the log already read). */
    trend: quarterTrend(q, log, ctx.timeZone),
    answers: summary.objectives.map((o) => answers.get(o.id) ?? defaultAnswer(o)),
    saved: [...answers.keys()].filter((id) => ids.has(id)),
    /** Answers saved for objectives no longer in the sheet: never dropped without the user's word. */
    orphans,
    problems,
    /** Why the review can't be finished now (rows to fix, answers to settle); empty when it can. */
    blocking: [
      ...blocking,
      ...(orphans.length ? [REVIEW_TEXTS[ctx.lang].orphans(orphans.map((a) => a.objectiveId))] : []),
    ],
  };
}

export const saveStepSchema = z.object({ reviewId, answer: answerSchema });

/** Saves one objective's answers: a review left half-way resumes with them. */
export function saveReviewStep(payload: unknown) {
  const ctx = openContext();
  const p = parsePayload(saveStepSchema, payload, ctx.lang);
  const tx = REVIEW_TEXTS[ctx.lang];
  return withDocumentLock(ctx.lang, () => {
    const store = ReviewStore.open(ctx.ss);
    const record = store.byId(p.reviewId);
    if (!record) throw new UserError(tx.notOpen);
    if (record.finished)
      throw new UserError(tx.alreadyFinished(record.finished.at, record.finished.nextSheet));
    const catalog = Catalog.read(ctx.ss);
    const reviewed = catalog.sheetOf(record.sheetId, 'quarter');
    if (!reviewed) throw new UserError(tx.sheetGone);
    const read = readQuarterSheet(reviewed.sheet, ctx.lang, ctx.timeZone);
    if (!read.objectives.some((o) => o.id === p.answer.objectiveId))
      throw new UserError(
        `${tx.noObjective(p.answer.objectiveId, reviewed.sheet.getName())} ${nothingWritten(ctx.lang)}`,
      );
    store.saveAnswer(record.id, p.answer, ctx.lang);
    return { saved: p.answer.objectiveId };
  });
}

export const discardSchema = z.object({
  reviewId,
  objectiveIds: z.array(z.string().check(z.maxLength(100))).check(z.minLength(1), z.maxLength(1000)),
});

/** Forgets answers saved for objectives no longer in the sheet, at the user's word. */
export function discardReviewAnswers(payload: unknown) {
  const ctx = openContext();
  const p = parsePayload(discardSchema, payload, ctx.lang);
  return withDocumentLock(ctx.lang, () => {
    const store = ReviewStore.open(ctx.ss);
    const record = store.byId(p.reviewId);
    if (!record || record.finished) throw new UserError(REVIEW_TEXTS[ctx.lang].notOpen);
    store.forgetAnswers(record.id, p.objectiveIds);
    return { discarded: p.objectiveIds.length };
  });
}

export const finishSchema = z.object({ reviewId, sheet: blankable(z.string()) });

/**
 * Closes the quarter: history rows appended, the quarter sheet protected (warning only), the next
 * quarter opened with what carries over (into its sheet when it is already planned), the review's
 * answers then dropped from the document's storage. Refused while the sheet has rows it can't
 * read. Each step looks at what is already done first, so a finish cut short (a quota, a
 * timeout) completes on retry and writes nothing twice; finishing again writes nothing.
 */
export function finishReview(payload: unknown) {
  const ctx = openContext();
  const p = parsePayload(finishSchema, payload, ctx.lang);
  const tx = REVIEW_TEXTS[ctx.lang];
  return withDocumentLock(ctx.lang, () => {
    const catalog = Catalog.read(ctx.ss);
    const store = ReviewStore.open(ctx.ss, catalog);
    // the review names its quarter sheet: finishing does not depend on which sheet is active now
    const record = store.byId(p.reviewId);
    if (!record) throw new UserError(tx.notOpen);
    if (record.finished) {
      // a finish cut at its very last write left the answers behind: they go now
      store.forgetAnswers(record.id, [...store.answers(record.id).keys()]);
      return { ...record.finished, alreadyFinished: true };
    }
    const reviewed = catalog.sheetOf(record.sheetId, 'quarter');
    if (!reviewed) throw new UserError(tx.sheetGone);
    const { q, summary, problems } = summaryOf(ctx, catalog, reviewed);
    const answers = store.answers(record.id);
    const blocking = blockers(q, problems);
    if (blocking.length) throw new UserError(tx.unreadable(blocking.slice(0, 8), blocking.length));
    const ids = new Set(summary.objectives.map((o) => o.id));
    const orphans = [...answers.keys()].filter((id) => !ids.has(id));
    if (orphans.length) throw new UserError(`${tx.orphans(orphans)} ${nothingWritten(ctx.lang)}`);

    // carried objectives never go into a quarter already closed: it would take no check-in
    const { planned } = nextOf(ctx, catalog, q);
    const carrying = summary.objectives.some(
      (o) => (answers.get(o.id) ?? defaultAnswer(o)).decision === 'carry_over',
    );
    const nextRecord = planned && store.recordOf(planned.id);
    const history = catalog.first('reviews');
    const begun = history !== undefined && historyWritten(history, store, record.id);
    if (planned && carrying && nextRecord?.finished && !begun)
      throw new UserError(
        `${tx.nextClosed(planned.entry.quarter ?? '', nextRecord.finished.at)} ${nothingWritten(ctx.lang)}`,
      );
    const companions = ensureCompanions(ctx.ss, catalog, ctx.lang);
    // 1. the history, unless a finish cut short already wrote it
    const rows = historyRows(summary, answers, record.id, ctx.today);
    if (!(begun || historyWritten(companions.reviews, store, record.id))) {
      // where they go, recorded first: a retry looks there, not through the whole history
      const at = companions.reviews.getLastRow() + 1;
      store.setStep(record.id, { ...store.step(record.id), history: at });
      appendRows(
        companions.reviews,
        reviewsLayout.width,
        rows.map((r) => historyCells(r, ctx.lang)),
        at,
      );
    }
    // 2. the quarter stops computing: its formulas become the values they show (reopen brings them back)
    freezeQuarter(q.sheet, q.read, store.step(record.id)?.frozen, (frozen) =>
      store.setStep(record.id, { ...store.step(record.id), frozen }),
    );
    // 3. the quarter's sheet protected, once
    const description = tx.closedBy(q.label, record.id);
    if (
      !q.sheet
        .getProtections(SpreadsheetApp.ProtectionType.SHEET)
        .some((x) => sameText(x.getDescription(), description))
    )
      q.sheet.protect().setDescription(description).setWarningOnly(true);
    // 4. the next quarter
    const decisions = new Map(
      summary.objectives.map((o) => [o.id, (answers.get(o.id) ?? defaultAnswer(o)).decision]),
    );
    const next = openNext(ctx, catalog, store, record, q, decisions, companions.checkins.getName());
    // the notes name the ids the next quarter shows (a clashing id was renamed)
    const to = new Map(next.renamed.map((r) => [r.from, r.to]));
    const raw = carryNotes(q.read.objectives, decisions);
    const notes = {
      achieved: raw.achieved.map((id) => to.get(id) ?? id),
      unlinked: raw.unlinked.map((u) => ({ id: to.get(u.id) ?? u.id, parent: u.parent })),
    };
    pointAlignment(companions.alignment, next.name, next.label, ctx.lang, alignmentSource(next.layout));
    next.sheet.activate();
    const finished = {
      at: isoOf(ctx.today),
      nextSheet: next.name,
      rows: rows.length,
      carried: next.carried,
      renamed: next.renamed,
      intoPlanned: next.planned,
      achieved: notes.achieved,
      unlinked: notes.unlinked,
    };
    // the record keeps the first few of each list: a property holds 9 KB, a big review more
    const cap = <T>(xs: T[]) => xs.slice(0, 20);
    catalog.saveNames();
    store.finish(record.id, {
      ...finished,
      renamed: cap(finished.renamed),
      achieved: cap(finished.achieved),
      unlinked: cap(finished.unlinked),
    });
    return { ...finished, alreadyFinished: false };
  });
}

/**
 * The next quarter's sheet with the carried objectives: the planned sheet when the quarter already
 * has one (its own rows kept; a clashing id gets a new one), else a new sheet. The store records
 * what is about to be written before it is, so a retry finds it done, or redoes it whole.
 */
function openNext(
  ctx: Context,
  catalog: Catalog,
  store: ReviewStore,
  record: ReviewRecord,
  q: QuarterState,
  decisions: ReadonlyMap<string, Answer['decision']>,
  logName: string,
) {
  const { next, label, planned } = nextOf(ctx, catalog, q);
  const layout = quarterLayout(logColumns(logName), { ...META, quarter: labelLiteral(label) });
  const formats = currentFormats(q);
  const carried = carryOver(q.read.objectives, decisions, formats);
  const reviewId = record.id;
  const step = store.step(reviewId);
  const none: { from: string; to: string }[] = [];
  // a sheet this finish made before it was cut short (it is in the catalog only once complete)
  if (step?.create && planned?.sheet.getName() === step.create)
    return {
      sheet: planned.sheet,
      name: planned.sheet.getName(),
      label,
      layout,
      carried: carried.length,
      renamed: none,
      planned: false,
    };
  if (planned) {
    let read = readQuarterSheet(planned.sheet, ctx.lang, ctx.timeZone);
    if (step?.into === planned.id) {
      if (step.done)
        return {
          sheet: planned.sheet,
          name: planned.sheet.getName(),
          label,
          layout,
          carried: step.ids?.length ?? 0,
          renamed: none,
          planned: true,
        };
      // cut while its rows were being written: those rows go, and are written again whole
      const at = step.at ?? 0;
      const mine = step.rows && read.values[at - 1]?.[read.columns.index.objectiveId] === step.ids?.[0];
      if (mine) {
        planned.sheet.deleteRows(at, step.rows!);
        read = readQuarterSheet(planned.sheet, ctx.lang, ctx.timeZone);
      }
    }
    if (read.structure.length)
      throw new UserError(
        `${planned.sheet.getName()}: ${read.structure.join(' ')} ${nothingWritten(ctx.lang)}`,
      );
    if (removePlaceholders(planned.sheet, read) > 0)
      read = readQuarterSheet(planned.sheet, ctx.lang, ctx.timeZone);
    const taken = [
      ...read.objectives.map((o) => o.id),
      ...read.objectives.flatMap((o) => o.krs.map((k) => k.id)),
      ...read.strays.map((k) => k.id),
    ];
    // a quarter reopened and finished again: what the first finish carried is there already
    const fresh = record.reopened?.length ? carried.filter((o) => !taken.includes(o.id)) : carried;
    const { objectives, renamed } = renameClashes(fresh, taken);
    const rows = objectives.reduce((n, o) => n + 1 + o.krs.length, 0);
    const plan = {
      into: planned.id,
      at: read.lastRow + 1,
      rows,
      ids: objectives.map((o) => o.id),
    };
    store.setStep(reviewId, plan);
    appendQuarterRows(planned.sheet, read, objectives, ctx.lang);
    store.setStep(reviewId, { ...plan, done: true });
    return {
      sheet: planned.sheet,
      name: planned.sheet.getName(),
      label,
      layout,
      carried: objectives.length,
      renamed,
      planned: true,
    };
  }
  // a new sheet: one the cut-short finish began (not yet in the catalog) is made again whole
  if (step?.create) {
    const partial = ctx.ss.getSheetByName(step.create);
    if (partial && !catalog.entryOf(partial)) ctx.ss.deleteSheet(partial);
  }
  const levels = q.read.objectives.flatMap((o) => (o.level ? [o.level] : []));
  const objectives: DraftObjective[] = carried.length
    ? carried
    : blankDraft(levels.length ? levels : ['team']);
  // the step names the sheet before it exists, so that a finish cut short deletes its own
  // half-made sheet and no other: the name is free when recorded
  const base = SHEET_NAMES.quarter(label, ctx.lang);
  let name = ctx.ss.getSheetByName(base) ? uniqueSheetName(ctx.ss, base) : base;
  store.setStep(reviewId, { create: name });
  let blank: GoogleAppsScript.Spreadsheet.Sheet;
  try {
    blank = ctx.ss.insertSheet(name);
  } catch (e) {
    // taken in another case ("okr q1 2026"), where getSheetByName tells cases apart: a free name
    // from every name. Any other failure is thrown, a sheet of this very name (made before the
    // failure) included: the retry deletes it, as the step names it.
    const lower = name.toLowerCase();
    if (!ctx.ss.getSheets().some((s) => s.getName().toLowerCase() === lower) || ctx.ss.getSheetByName(name))
      throw e;
    name = uniqueSheetName(ctx.ss, base);
    store.setStep(reviewId, { create: name });
    blank = ctx.ss.insertSheet(name);
  }
  const sheet = insertQuarterSheet(
    ctx.ss,
    layout,
    { quarter: next, fiscalStart: q.fiscalStart, label, asOf: next.first, objectives },
    ctx.lang,
    blank,
    // the closed quarter's widths, when its columns are the new layout's (not a sheet of an older one)
    layout.columns.every((c, i) => q.read.columns.index[c.key] === i) ? q.sheet : undefined,
  );
  // no pruning scan here: the insert dialog's does it (and forgets deleted sheets' reviews)
  catalog.remember(
    sheet,
    { kind: 'quarter', quarter: label, fiscalStart: q.fiscalStart, first: next.first },
    { prune: false, name },
  );
  return { sheet, name, label, layout, carried: carried.length, renamed: none, planned: false };
}

/** The next quarter of a reviewed one: its label, and its sheet when it is already planned. */
function nextOf(ctx: Context, catalog: Catalog, q: QuarterState) {
  const next = nextQuarter(q.quarter, q.fiscalStart);
  const label = localLabel(quarterLabel(next, q.fiscalStart), ctx);
  let planned: Found | undefined;
  for (const x of catalog.entries('quarter'))
    if (!planned && x.id !== q.id && x.entry.quarter === label) planned = catalog.sheetOf(x.id, 'quarter');
  return { next, label, planned };
}

/** Each KR's number format (its Current cell's), so the next quarter shows 70 % as 70 %. */
function currentFormats(q: QuarterState): Map<string, string> {
  const krs = q.read.objectives.flatMap((o) => o.krs);
  const out = new Map<string, string>();
  const c = q.read.columns.index.current;
  if (krs.length === 0 || c < 0) return out;
  const n = q.read.lastRow - q.read.first + 1;
  const formats = q.sheet.getRange(q.read.first, c + 1, n, 1).getNumberFormats();
  for (const k of krs) {
    const f = formats[k.row - q.read.first]?.[0];
    if (f && f !== 'General') out.set(k.id, f);
  }
  return out;
}

/**
 * Whether the history already holds a review's rows (a finish cut short must not append twice):
 * at the row recorded before they were written, else (a finish begun by an older version) among
 * the history's last rows; the whole column only when the recorded row holds something else.
 */
function historyWritten(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  store: ReviewStore,
  reviewId: string,
): boolean {
  const L = reviewsLayout;
  const at = store.step(reviewId)?.history;
  if (at === undefined && store.byId(reviewId)?.rowsRecorded) return false;
  const last = sheet.getLastRow();
  if (last < L.first) return false;
  if (at === undefined) {
    const from = Math.max(L.first, last - RECENT + 1);
    return sheet
      .getRange(from, L.num('reviewId'), last - from + 1, 1)
      .getValues()
      .some((r) => r[0] === reviewId);
  }
  if (at <= last && sheet.getRange(at, L.num('reviewId')).getValue() === reviewId) return true;
  return historyHas(sheet, reviewId);
}

/** How many of the history's last rows a finish begun before the row was recorded is looked for in. */
const RECENT = 2000;

/** Whether the history holds a review's rows anywhere (one read of its review id column). */
function historyHas(sheet: GoogleAppsScript.Spreadsheet.Sheet, reviewId: string): boolean {
  const L = reviewsLayout;
  const last = sheet.getLastRow();
  if (last < L.first) return false;
  return sheet
    .getRange(L.first, L.num('reviewId'), last - L.first + 1, 1)
    .getValues()
    .some((r) => r[0] === reviewId);
}

export type { Lang };

export const reopenSchema = z.object({ sheet: blankable(z.string()) });

/**
 * Lifts a quarter's closing on purpose (menu › Reopen the quarter): check-ins are taken again, the
 * review's protection goes, and the reopening is recorded in the history. Finishing again records
 * a new review and carries over nothing twice.
 */
export function reopenQuarter(payload?: unknown) {
  const ctx = openContext();
  const p = payload === undefined || payload === null ? {} : parsePayload(reopenSchema, payload, ctx.lang);
  const tx = REVIEW_TEXTS[ctx.lang];
  return withDocumentLock(ctx.lang, () => {
    const catalog = Catalog.read(ctx.ss);
    const q = currentQuarter(ctx, catalog, p.sheet);
    const store = ReviewStore.open(ctx.ss, catalog);
    const old = store.recordOf(q.id);
    if (!old?.finished) throw new UserError(tx.notClosed(q.label));
    // the record changes last: a reopening cut short is still "closed", and a retry finishes it
    const description = tx.closedBy(q.label, old.id);
    for (const x of q.sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET))
      if (sameText(x.getDescription(), description)) x.remove();
    const companions = ensureCompanions(ctx.ss, catalog, ctx.lang);
    // the quarter computes again: its formulas back in place of the values they showed at the close
    if (old.frozen)
      thawQuarter(
        q.sheet,
        q.read,
        computedStates(q.sheet, q.read, ctx.lang),
        old.frozen,
        companions.checkins.getName(),
        ctx.lang,
        q.label,
      );
    const lines = historyOf(companions.reviews, old.id);
    if (!lines.some((r) => r.reopened))
      appendRows(companions.reviews, reviewsLayout.width, [
        reopenedRow(ctx, q.label, old.finished.at, old.id),
      ]);
    catalog.saveNames();
    const record = store.reopen(q.id, isoOf(ctx.today))!;
    // the team's answers come back from the history: reopening to fix one thing keeps the rest
    store.saveAnswers(
      record.id,
      lines.flatMap((r) => (r.answer ? [r.answer] : [])),
    );
    return { sheet: q.name, quarter: q.label, reviewId: record.id };
  });
}

/** A review's lines in the history: each objective's answers as the team gave them, and the reopening line. */
function historyOf(sheet: GoogleAppsScript.Spreadsheet.Sheet, reviewId: string) {
  const L = reviewsLayout;
  const last = sheet.getLastRow();
  if (last < L.first) return [];
  const rows = sheet.getRange(L.first, 1, last - L.first + 1, L.width).getValues();
  const at = (r: unknown[], k: Parameters<typeof L.num>[0]) => r[L.num(k) - 1];
  const grade = (v: unknown): Answer['grade'] => {
    try {
      return readWord(v as Cell, GRADES);
    } catch {
      return '';
    }
  };
  return rows
    .filter((r) => at(r, 'reviewId') === reviewId)
    .map((r) => {
      const id = String(at(r, 'objectiveId') ?? '');
      if (id === '') return { reopened: true };
      let decision: Answer['decision'];
      try {
        decision = readWord(at(r, 'decision') as Cell, DECISIONS);
      } catch {
        decision = 'carry_over';
      }
      const answer: Answer = {
        objectiveId: id,
        grade: grade(at(r, 'grade')),
        wentWell: String(at(r, 'wentWell') ?? ''),
        toImprove: String(at(r, 'toImprove') ?? ''),
        decision,
      };
      return { reopened: false, answer };
    });
}

const GRADES = { green: ['green', 'vert'], yellow: ['yellow', 'jaune'], red: ['red', 'rouge'] } as const;

/** The history's line for a reopening: when, which quarter, and the review it lifted. */
function reopenedRow(ctx: Context, quarter: string, finishedAt: string, reviewId: string) {
  const L = reviewsLayout;
  const row = new Array<string | Day>(L.width).fill('');
  row[L.num('date') - 1] = new Day(ctx.today);
  row[L.num('quarter') - 1] = quarter;
  row[L.num('title') - 1] = REVIEW_TEXTS[ctx.lang].reopenedLine(finishedAt);
  row[L.num('reviewId') - 1] = reviewId;
  return row;
}
