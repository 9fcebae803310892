import type { DayNumber } from '../core/cells';
import { healthCheck } from '../core/health';
import type { Lang } from '../core/i18n';
import { parseQuarterLabel, quarterOf } from '../core/quarter';
import { problemText } from '../core/read-quarter';
import { SHEET_TEXTS } from '../core/sheet-texts';
import type { Catalog, CatalogEntry, Found } from '../sheets/catalog';
import { readKpis } from '../sheets/companions-read';
import { findLog, lastCheckIns, readLog } from '../sheets/log';
import { readQuarterSheet } from '../sheets/read';
import { QUARTER_META } from '../sheets/texts';
import { type Context, UserError } from './context';
import { ReviewStore } from './review-store';

/**
 * The quarter a sidebar opens on: the one it names, else the active sheet when it is a quarter
 * sheet, else the quarter that holds today, else the latest one already started, else the first.
 * Sheets are looked up by id from the catalog, one at a time: never every sheet of the file.
 */
function pickQuarter(ctx: Context, catalog: Catalog, sheetName?: string | null): Found | undefined {
  if (sheetName) return catalog.byName('quarter', sheetName);
  const active = ctx.ss.getActiveSheet();
  const activeId = active.getSheetId();
  const own = catalog.entryById(activeId);
  if (own?.kind === 'quarter') return { sheet: active, id: activeId, entry: own };
  const all = catalog.entries('quarter');
  const span = (e: CatalogEntry) => {
    const q = quarterOf(e.first ?? 0, e.fiscalStart ?? 1);
    return { first: q.first, next: q.next };
  };
  const started = all.filter((q) => q.entry.first !== undefined && span(q.entry).first <= ctx.today);
  const now = started.filter((q) => ctx.today < span(q.entry).next);
  // a sheet deleted since is passed over: the next in that order is taken
  for (const q of [...now, ...started.reverse(), ...all]) {
    const found = catalog.sheetOf(q.id, 'quarter');
    if (found) return found;
  }
  return undefined;
}

/** The quarter a sidebar works on (by name, or the sheet already found), read in one getValues. */
export function currentQuarter(ctx: Context, catalog: Catalog, pick?: string | null | Found) {
  const given = typeof pick === 'object' && pick !== null ? pick : undefined;
  const sheetName = given ? undefined : (pick as string | null | undefined);
  const found = given ?? pickQuarter(ctx, catalog, sheetName);
  if (!found) {
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
  const { sheet, id, entry } = found;
  const name = sheet.getName();
  catalog.noteName(id, name);
  const read = readQuarterSheet(sheet, ctx.lang, ctx.timeZone);
  const fiscalStart = (read.meta.fiscalStart ? read.fiscalStart : undefined) || entry.fiscalStart || 1;
  // the catalog's label keys the log: a label edited in the sheet would file check-ins elsewhere
  const label = entry.quarter || read.label;
  const quarter = parseQuarterLabel(label, fiscalStart) ?? quarterOf(read.asOf ?? ctx.today, fiscalStart);
  const asOf: DayNumber = read.asOf ?? Math.min(Math.max(ctx.today, quarter.first), quarter.next - 1);
  return { sheet, id, name, read, label, quarter, fiscalStart, asOf };
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
  const record = ReviewStore.open(ctx.ss, catalog).recordOf(q.id);
  const findings = healthCheck({
    objectives: q.read.objectives,
    lastCheckIn: lastCheckIns(entries),
    quarterFirst: q.quarter.first,
    asOf: q.asOf,
    kpis,
    lang: ctx.lang,
    closed: record?.finished !== undefined,
  });
  const problems = [
    ...q.read.structure,
    ...q.read.problems.map((p) => problemText(p, ctx.lang)),
    ...logProblems,
  ];
  /** Closed by its review, its computed cells hold values: nothing there to check or repair. */
  const frozen = record?.frozen !== undefined;
  // the quarter's log rows, read once here, for the review's chart
  return { findings, problems, kpis, log: entries, frozen };
}
