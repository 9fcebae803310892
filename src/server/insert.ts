import * as z from 'zod/mini';
import { asOfFor, blankDraft, exampleDraft } from '../core/draft';
import { EXAMPLE_CHECKINS, EXAMPLE_KPIS, EXAMPLE_OBJECTIVES } from '../core/examples';
import { KPI_LIBRARY } from '../core/kpi-library';
import { krTypeSchema, levelSchema } from '../core/model';
import { nextQuarter, parseQuarterLabel, quarterLabel, quarterOf } from '../core/quarter';
import { appendRows } from '../sheets/append';
import { Catalog } from '../sheets/catalog';
import { Day } from '../sheets/cells';
import { checkinsLayout } from '../sheets/companion-layouts';
import {
  type DashboardKpi,
  ensureCompanions,
  insertKpiSheet,
  libraryRows,
  pointAlignment,
} from '../sheets/companion-sheets';
import { noteTemplateRows } from '../sheets/log';
import { labelLiteral, META, quarterLayout } from '../sheets/quarter-layout';
import { insertQuarterSheet } from '../sheets/quarter-sheet';
import { type Context, openContext, parsePayload, UserError, withDocumentLock } from './context';
import { ReviewStore } from './review-store';

const text = (max: number) => z.string().check(z.maxLength(max));
const cellNumber = z.union([z.number(), z.literal('')]);

/** Objectives given as data (scripts, imports, the benchmark): written as they are, text kept as text. */
const draftSchema = z.object({
  id: text(100).check(z.minLength(1)),
  title: text(500),
  level: z.optional(levelSchema),
  owner: text(200),
  parent: text(100),
  committed: z.boolean(),
  krs: z
    .array(
      z.object({
        id: text(100).check(z.minLength(1)),
        title: text(500),
        type: z.optional(krTypeSchema),
        unit: text(50),
        start: cellNumber,
        target: cellNumber,
        current: z.union([z.number(), z.boolean(), z.literal('')]),
        weight: cellNumber,
        confidence: cellNumber,
        /** Its own owner (absent or blank: its objective's). */
        owner: z.optional(text(200)),
      }),
    )
    .check(z.maxLength(50)),
});

export const insertQuarterSchema = z.object({
  quarter: z.string().check(z.minLength(2), z.maxLength(20)),
  fiscalStart: z.number().check(z.int(), z.gte(1), z.lte(12)),
  levels: z.array(levelSchema).check(z.minLength(1)),
  content: z.enum(['examples', 'blank', 'given']),
  objectives: z.optional(z.array(draftSchema).check(z.maxLength(1000))),
  withKpis: z.optional(z.boolean()),
});
export type InsertQuarterPayload = z.infer<typeof insertQuarterSchema>;

/** What the insert dialog offers: this quarter and the next three, in the user's words. */
export function insertOptions() {
  const ctx = openContext();
  const catalog = Catalog.read(ctx.ss);
  const fiscalStart = catalog.latestQuarter()?.entry.fiscalStart ?? 1;
  let q = quarterOf(ctx.today, fiscalStart);
  const quarters: string[] = [];
  for (let i = 0; i < 4; i++, q = nextQuarter(q, fiscalStart))
    quarters.push(localLabel(quarterLabel(q, fiscalStart), ctx));
  const taken = new Set(catalog.find('quarter').map((x) => x.entry.quarter));
  return {
    lang: ctx.lang,
    quarters,
    /** The dialog offers the first quarter that has no sheet yet. */
    suggested: quarters.find((label) => !taken.has(label)) ?? quarters[0]!,
    fiscalStart,
    hasKpis: catalog.first('kpis') !== undefined,
    kpiLibrary: KPI_LIBRARY.map((f) => ({
      key: f.key,
      name: f.name[ctx.lang],
      kpis: f.kpis.map((k) => ({
        key: k.key,
        name: k.name[ctx.lang],
        unit: k.unit[ctx.lang],
        direction: k.direction,
      })),
    })),
  };
}

/** "Q1 2026" reads "T1 2026" in French (trimestre). */
export function localLabel(label: string, ctx: Pick<Context, 'lang'>): string {
  return ctx.lang === 'fr' ? label.replace(/^Q/, 'T') : label;
}

export function insertQuarter(payload: unknown) {
  const ctx = openContext();
  const p = parsePayload(insertQuarterSchema, payload, ctx.lang);
  const quarter = parseQuarterLabel(p.quarter, p.fiscalStart);
  if (!quarter) {
    throw new UserError(
      ctx.lang === 'fr'
        ? `Trimestre illisible\u00a0: «\u00a0${p.quarter}\u00a0» (ex. T1 2026).`
        : `Unreadable quarter: "${p.quarter}" (e.g. Q1 2026).`,
    );
  }
  return withDocumentLock(ctx.lang, () => {
    const catalog = Catalog.read(ctx.ss);
    const companions = ensureCompanions(ctx.ss, catalog, ctx.lang);
    const label = localLabel(quarterLabel(quarter, p.fiscalStart), ctx);
    const asOf = asOfFor(quarter, ctx.today);
    const objectives =
      p.content === 'examples'
        ? exampleDraft(EXAMPLE_OBJECTIVES, ctx.lang, p.levels, asOf - quarter.first)
        : p.content === 'given'
          ? (p.objectives ?? [])
          : blankDraft(p.levels);
    const layout = quarterLayout(logColumns(companions.checkins.getName()), {
      ...META,
      quarter: labelLiteral(label),
    });
    const sheet = insertQuarterSheet(
      ctx.ss,
      layout,
      { quarter, fiscalStart: p.fiscalStart, label, asOf, objectives },
      ctx.lang,
    );
    const live = catalog.remember(sheet, {
      kind: 'quarter',
      quarter: label,
      fiscalStart: p.fiscalStart,
      first: quarter.first,
    });
    // the reviews of sheets deleted since leave the store, here where every sheet's id was read
    ReviewStore.open(ctx.ss, catalog).forgetDeletedSheets(live);
    if (p.content === 'examples') {
      const krIds = new Set(objectives.flatMap((o) => o.krs.map((k) => k.id)));
      const rows = EXAMPLE_CHECKINS.filter((c) => krIds.has(c.krId) && quarter.first + c.day <= asOf).map(
        (c) => [
          new Day(quarter.first + c.day),
          label,
          c.krId,
          c.value,
          c.confidence,
          c.comment[ctx.lang],
          objectives.flatMap((o) => o.krs).find((k) => k.id === c.krId)?.title ?? '',
        ],
      );
      const at = appendRows(companions.checkins, checkinsLayout.width, rows);
      if (rows.length) noteTemplateRows(companions.checkins, at, rows, catalog.properties);
    }
    pointAlignment(companions.alignment, sheet, label, ctx.lang, alignmentSource(layout));
    if (p.withKpis && !catalog.first('kpis'))
      insertKpiSheet(ctx.ss, catalog, exampleKpis(ctx.lang), asOf, ctx.lang);
    sheet.activate();
    return { sheet: sheet.getName(), quarter: label };
  });
}

export const insertKpisSchema = z.object({
  // empty when the examples are asked for; otherwise the server says no KPI was picked
  kpis: z.array(z.string().check(z.maxLength(40))).check(z.maxLength(60)),
  examples: z.optional(z.boolean()),
});

/** Inserts the KPI dashboard with the KPIs picked from the library (or the seeds' examples). */
export function insertKpis(payload: unknown) {
  const ctx = openContext();
  const p = parsePayload(insertKpisSchema, payload, ctx.lang);
  return withDocumentLock(ctx.lang, () => {
    const catalog = Catalog.read(ctx.ss);
    const kpis = p.examples ? exampleKpis(ctx.lang) : libraryRows(p.kpis, ctx.lang);
    if (kpis.length === 0)
      throw new UserError(ctx.lang === 'fr' ? 'Aucun KPI connu choisi.' : 'No known KPI was picked.');
    const sheet = insertKpiSheet(ctx.ss, catalog, kpis, ctx.today, ctx.lang);
    sheet.activate();
    return { sheet: sheet.getName() };
  });
}

function exampleKpis(lang: Context['lang']): DashboardKpi[] {
  const base = libraryRows(
    EXAMPLE_KPIS.map((k) => k.key),
    lang,
  );
  return base.map((row, i) => {
    const ex = EXAMPLE_KPIS[i]!;
    return {
      ...row,
      greenAt: ex.greenAt,
      redAt: ex.redAt,
      benchmark: ex.benchmark,
      values: ex.values,
      linkedKr: ex.linkedKr,
    };
  });
}

/** The check-in log's columns, for the quarter sheet's forecast formula. */
export function logColumns(sheetName: string) {
  const L = checkinsLayout;
  return {
    sheet: sheetName,
    date: L.col('date'),
    quarter: L.col('quarter'),
    krId: L.col('krId'),
    value: L.col('value'),
  };
}

export function alignmentSource(layout: ReturnType<typeof quarterLayout>) {
  return {
    id: layout.col('objectiveId'),
    title: layout.col('title'),
    level: layout.col('level'),
    owner: layout.col('owner'),
    parent: layout.col('parent'),
    score: layout.col('score'),
    first: layout.first,
  };
}
