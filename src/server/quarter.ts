import type { DayNumber } from '../core/cells';
import { healthCheck } from '../core/health';
import type { Lang } from '../core/i18n';
import { parseQuarterLabel, quarterOf } from '../core/quarter';
import { problemText } from '../core/read-quarter';
import { SHEET_TEXTS } from '../core/sheet-texts';
import type { Catalog, CatalogEntry } from '../sheets/catalog';
import { readKpis } from '../sheets/companions-read';
import { findLog, lastCheckIns, readLog } from '../sheets/log';
import { readQuarterSheet } from '../sheets/read';
import { QUARTER_META } from '../sheets/texts';
import { type Context, UserError } from './context';
import { ReviewStore } from './review-store';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The quarter a sidebar opens on: the one it names, else the active sheet when it is a quarter
 * sheet, else the quarter that holds today, else the latest one already started, else the first.
 */
function pickQuarter(ctx: Context, catalog: Catalog, sheetName?: string | null): Sheet | undefined {
  const all = catalog.find('quarter');
  if (sheetName) return all.find((q) => q.sheet.getName() === sheetName)?.sheet;
  const active = ctx.ss.getActiveSheet();
  if (catalog.entryOf(active)?.kind === 'quarter') return active;
  const span = (e: CatalogEntry) => {
    const q = quarterOf(e.first ?? 0, e.fiscalStart ?? 1);
    return { first: q.first, next: q.next };
  };
  const started = all
    .filter((q) => q.entry.first !== undefined && span(q.entry).first <= ctx.today)
    .sort((a, b) => (a.entry.first ?? 0) - (b.entry.first ?? 0));
  const now = started.find((q) => ctx.today < span(q.entry).next);
  return (now ?? started[started.length - 1] ?? all[0])?.sheet;
}

/** The quarter a sidebar works on, read in one getValues. */
export function currentQuarter(ctx: Context, catalog: Catalog, sheetName?: string | null) {
  const sheet = pickQuarter(ctx, catalog, sheetName);
  if (!sheet) {
    throw new UserError(
      sheetName
        ? ctx.lang === 'fr'
          ? `La feuille «\u00a0${sheetName}\u00a0» n’est plus une feuille de trimestre (renommée ou supprimée\u00a0?). Rouvrez le panneau.`
          : `"${sheetName}" is no longer a quarter sheet (renamed or deleted?). Open the sidebar again.`
        : ctx.lang === 'fr'
          ? 'Aucune feuille de trimestre\u00a0: insérez-en une (Extensions › OKR & KPI › Insérer un trimestre).'
          : 'No quarter sheet yet: insert one (Extensions › OKR & KPI › Insert a quarter).',
    );
  }
  const entry = catalog.entryOf(sheet);
  const read = readQuarterSheet(sheet, ctx.lang, ctx.timeZone);
  const fiscalStart = (read.meta.fiscalStart ? read.fiscalStart : undefined) || entry?.fiscalStart || 1;
  // the catalog's label keys the log: a label edited in the sheet would file check-ins elsewhere
  const label = entry?.quarter || read.label;
  const quarter = parseQuarterLabel(label, fiscalStart) ?? quarterOf(read.asOf ?? ctx.today, fiscalStart);
  const asOf: DayNumber = read.asOf ?? Math.min(Math.max(ctx.today, quarter.first), quarter.next - 1);
  return { sheet, read, label, quarter, fiscalStart, asOf };
}

export type QuarterState = ReturnType<typeof currentQuarter>;

/**
 * Refuses a write to a sheet that can't be read safely: a missing or doubled column, no header,
 * or the "As of" cell gone. Says which column or cell, and that nothing was written.
 */
export function assertWritable(q: QuarterState, lang: Lang): void {
  const why = [...q.read.structure];
  if (why.length === 0 && !q.read.meta.asOf)
    why.push(SHEET_TEXTS[lang].noMeta(QUARTER_META.asOf[lang], q.sheet.getName()));
  if (why.length) throw new UserError(`${why.join(' ')} ${nothingWritten(lang)}`);
}

export const nothingWritten = (lang: Lang) =>
  lang === 'fr' ? 'Rien n’a été écrit.' : 'Nothing was written.';

/** The health check of a quarter, with the problems found in its rows. */
export function healthOf(ctx: Context, catalog: Catalog, q: QuarterState) {
  const kpiSheet = catalog.first('kpis');
  const kpis = kpiSheet ? readKpis(kpiSheet) : [];
  let log: ReturnType<typeof findLog>;
  const logProblems: string[] = [];
  try {
    log = findLog(ctx.ss, catalog, ctx.lang);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    logProblems.push(e.message);
  }
  const entries = log ? readLog(log, q.label, ctx.timeZone) : [];
  const findings = healthCheck({
    objectives: q.read.objectives,
    lastCheckIn: lastCheckIns(entries),
    quarterFirst: q.quarter.first,
    asOf: q.asOf,
    kpis,
    lang: ctx.lang,
    closed: ReviewStore.open(ctx.ss).recordOf(q.sheet.getSheetId())?.finished !== undefined,
  });
  const problems = [
    ...q.read.structure,
    ...q.read.problems.map((p) => problemText(p, ctx.lang)),
    ...logProblems,
  ];
  // the quarter's log rows, read once here, for the review's chart
  return { findings, problems, kpis, log: entries };
}
