import type { DayNumber } from '../core/cells';
import { healthCheck } from '../core/health';
import { parseQuarterLabel, quarterOf } from '../core/quarter';
import { problemText } from '../core/read-quarter';
import type { Catalog } from '../sheets/catalog';
import { lastCheckIns, readKpis, readLog } from '../sheets/companions-read';
import { readQuarterSheet } from '../sheets/read';
import { type Context, UserError } from './context';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The quarter a sidebar works on: the active sheet when it is a quarter sheet, else the latest one. */
export function currentQuarter(ctx: Context, catalog: Catalog, sheetName?: string) {
  let sheet: Sheet | undefined;
  if (sheetName) {
    sheet = catalog.find('quarter').find((q) => q.sheet.getName() === sheetName)?.sheet;
  } else {
    const active = ctx.ss.getActiveSheet();
    sheet = catalog.entryOf(active)?.kind === 'quarter' ? active : catalog.latestQuarter()?.sheet;
  }
  if (!sheet) {
    throw new UserError(
      ctx.lang === 'fr'
        ? 'Aucune feuille de trimestre : insérez-en une (Extensions › OKR & KPI › Insérer un trimestre).'
        : 'No quarter sheet yet: insert one (Extensions › OKR & KPI › Insert a quarter).',
    );
  }
  const entry = catalog.entryOf(sheet);
  const read = readQuarterSheet(sheet, ctx.lang, ctx.timeZone);
  const fiscalStart = read.fiscalStart || entry?.fiscalStart || 1;
  const label = read.label || entry?.quarter || '';
  const quarter = parseQuarterLabel(label, fiscalStart) ?? quarterOf(read.asOf ?? ctx.today, fiscalStart);
  const asOf: DayNumber = read.asOf ?? Math.min(Math.max(ctx.today, quarter.first), quarter.next - 1);
  return { sheet, read, label, quarter, fiscalStart, asOf };
}

/** The health check of a quarter, with the problems found in its rows. */
export function healthOf(ctx: Context, catalog: Catalog, q: ReturnType<typeof currentQuarter>) {
  const log = catalog.first('checkins');
  const kpiSheet = catalog.first('kpis');
  const kpis = kpiSheet ? readKpis(kpiSheet) : [];
  const findings = healthCheck({
    objectives: q.read.objectives,
    lastCheckIn: lastCheckIns(log ? readLog(log, q.label, ctx.timeZone) : []),
    quarterFirst: q.quarter.first,
    asOf: q.asOf,
    kpis,
    lang: ctx.lang,
  });
  return { findings, problems: q.read.problems.map((p) => problemText(p, ctx.lang)), kpis };
}
