import * as z from 'zod/mini';
import { isoOf } from '../core/cells';
import { blankDraft } from '../core/draft';
import { nextQuarter, quarterLabel } from '../core/quarter';
import {
  type Answer,
  answerSchema,
  carryOver,
  defaultAnswer,
  historyRows,
  reviewSummary,
} from '../core/review';
import { appendRows } from '../sheets/append';
import { Catalog } from '../sheets/catalog';
import { reviewsLayout } from '../sheets/companion-layouts';
import { ensureCompanions, pointAlignment } from '../sheets/companion-sheets';
import { historyCells } from '../sheets/history';
import { quarterLayout } from '../sheets/quarter-layout';
import { insertQuarterSheet } from '../sheets/quarter-sheet';
import { type Context, openContext, parsePayload, UserError, withDocumentLock } from './context';
import { alignmentSource, localLabel, logColumns } from './insert';
import { currentQuarter, healthOf } from './quarter';

const PREFIX = 'okrkpi.review.';

interface ReviewRecord {
  id: string;
  sheetId: number;
  quarter: string;
  started: string;
  finished?: { at: string; nextSheet: string; rows: number };
}

/** A review's record (by its quarter sheet, or by its id) and answers, from one read of the document properties. */
function loadReview(by: { sheetId: number } | { reviewId: string }) {
  const props = PropertiesService.getDocumentProperties();
  const all = props.getProperties();
  let record: ReviewRecord | undefined;
  if ('sheetId' in by) {
    const raw = all[`${PREFIX}${by.sheetId}`];
    record = raw ? (JSON.parse(raw) as ReviewRecord) : undefined;
  } else {
    for (const [k, v] of Object.entries(all)) {
      if (!/^okrkpi\.review\.\d+$/.test(k)) continue;
      const r = JSON.parse(v) as ReviewRecord;
      if (r.id === by.reviewId) record = r;
    }
  }
  const answers = new Map<string, Answer>();
  if (record) {
    const prefix = `${PREFIX}${record.id}.`;
    for (const [k, v] of Object.entries(all)) {
      if (!k.startsWith(prefix)) continue;
      const parsed = z.safeParse(answerSchema, JSON.parse(v));
      if (parsed.success) answers.set(parsed.data.objectiveId, parsed.data);
    }
  }
  return { props, record, answers };
}

function summaryOf(ctx: Context, catalog: Catalog, sheetName?: string) {
  const q = currentQuarter(ctx, catalog, sheetName);
  const health = healthOf(ctx, catalog, q);
  const summary = reviewSummary({
    quarter: q.label,
    fiscalStart: q.fiscalStart,
    asOf: q.asOf,
    objectives: q.read.objectives,
    kpis: health.kpis,
    findings: health.findings,
  });
  return { q, summary, problems: health.problems };
}

const sheetPayload = z.object({ sheet: z.optional(z.string()) });

/** Where a review stands: the summary, the answers saved so far, whether it is finished. */
export function reviewState(payload?: unknown) {
  const ctx = openContext();
  const p = payload === undefined || payload === null ? {} : parsePayload(sheetPayload, payload, ctx.lang);
  const catalog = Catalog.read(ctx.ss);
  const { q, summary, problems } = summaryOf(ctx, catalog, p.sheet);
  const sheetId = q.sheet.getSheetId();
  let { record, answers, props } = loadReview({ sheetId });
  if (!record) {
    record = {
      id: `R${sheetId}-${Date.now().toString(36)}`,
      sheetId,
      quarter: q.label,
      started: isoOf(ctx.today),
    };
    props.setProperty(`${PREFIX}${sheetId}`, JSON.stringify(record));
    answers = new Map();
  }
  return {
    lang: ctx.lang,
    sheet: q.sheet.getName(),
    reviewId: record.id,
    finished: record.finished ?? null,
    summary: { ...summary, asOf: isoOf(summary.asOf) },
    answers: summary.objectives.map((o) => answers.get(o.id) ?? defaultAnswer(o)),
    saved: [...answers.keys()],
    problems,
  };
}

export const saveStepSchema = z.object({
  reviewId: z.string().check(z.minLength(1), z.maxLength(80)),
  answer: answerSchema,
});

/** Saves one objective's answers: a review left half-way resumes with them. */
export function saveReviewStep(payload: unknown) {
  const ctx = openContext();
  const p = parsePayload(saveStepSchema, payload, ctx.lang);
  return withDocumentLock(ctx.lang, () => {
    const props = PropertiesService.getDocumentProperties();
    props.setProperty(`${PREFIX}${p.reviewId}.${p.answer.objectiveId}`, JSON.stringify(p.answer));
    return { saved: p.answer.objectiveId };
  });
}

export const finishSchema = z.object({
  reviewId: z.string().check(z.minLength(1), z.maxLength(80)),
  sheet: z.optional(z.string()),
});

/**
 * Closes the quarter: history rows appended, the quarter sheet protected (warning only), the next
 * quarter opened with what carries over. Finishing again returns the first result and writes nothing.
 */
export function finishReview(payload: unknown) {
  const ctx = openContext();
  const p = parsePayload(finishSchema, payload, ctx.lang);
  return withDocumentLock(ctx.lang, () => {
    const catalog = Catalog.read(ctx.ss);
    // the review names its quarter sheet: finishing does not depend on which sheet is active now
    const { props, record, answers } = loadReview({ reviewId: p.reviewId });
    const reviewed = record && catalog.find('quarter').find((x) => x.sheet.getSheetId() === record.sheetId);
    if (!record || !reviewed) {
      throw new UserError(
        ctx.lang === 'fr'
          ? 'Cette revue n’est plus en cours : rouvrez-la depuis le menu.'
          : 'This review is no longer open: reopen it from the menu.',
      );
    }
    if (record.finished) return { ...record.finished, alreadyFinished: true };
    const { q, summary } = summaryOf(ctx, catalog, reviewed.sheet.getName());
    const companions = ensureCompanions(ctx.ss, catalog, ctx.lang);
    if (historyHas(companions.reviews, record.id)) {
      throw new UserError(
        ctx.lang === 'fr'
          ? 'L’historique contient déjà cette revue : rien n’a été ajouté.'
          : 'The history already holds this review: nothing was added.',
      );
    }
    const rows = historyRows(summary, answers, record.id, ctx.today);
    appendRows(
      companions.reviews,
      reviewsLayout.width,
      rows.map((r) => historyCells(r, ctx.lang)),
    );
    q.sheet
      .protect()
      .setDescription(
        ctx.lang === 'fr'
          ? `OKR & KPI : trimestre ${q.label} clos par la revue`
          : `OKR & KPI: quarter ${q.label} closed by its review`,
      )
      .setWarningOnly(true);

    const decisions = new Map(
      summary.objectives.map((o) => [o.id, (answers.get(o.id) ?? defaultAnswer(o)).decision]),
    );
    const next = nextQuarter(q.quarter, q.fiscalStart);
    const label = localLabel(quarterLabel(next, q.fiscalStart), ctx);
    const carried = carryOver(q.read.objectives, decisions);
    const levels = q.read.objectives.flatMap((o) => (o.level ? [o.level] : []));
    const layout = quarterLayout(logColumns(companions.checkins.getName()));
    const sheet = insertQuarterSheet(
      ctx.ss,
      layout,
      {
        quarter: next,
        fiscalStart: q.fiscalStart,
        label,
        asOf: next.first,
        objectives: carried.length ? carried : blankDraft(levels.length ? levels : ['team']),
      },
      ctx.lang,
    );
    catalog.remember(sheet, {
      kind: 'quarter',
      quarter: label,
      fiscalStart: q.fiscalStart,
      first: next.first,
    });
    pointAlignment(companions.alignment, sheet, label, ctx.lang, alignmentSource(layout));
    sheet.activate();
    const finished = { at: isoOf(ctx.today), nextSheet: sheet.getName(), rows: rows.length };
    props.setProperty(`${PREFIX}${record.sheetId}`, JSON.stringify({ ...record, finished }));
    return { ...finished, alreadyFinished: false };
  });
}

/** Whether the history already holds a review's rows (a finish cut short must not append twice). */
function historyHas(sheet: GoogleAppsScript.Spreadsheet.Sheet, reviewId: string): boolean {
  const L = reviewsLayout;
  const last = sheet.getLastRow();
  if (last < L.first) return false;
  return sheet
    .getRange(L.first, L.num('reviewId'), last - L.first + 1, 1)
    .getValues()
    .some((r) => r[0] === reviewId);
}
