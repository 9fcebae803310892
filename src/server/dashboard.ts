import { isoOf } from '../core/cells';
import { dashboardData } from '../core/dashboard';
import { quarterLabel, quarterOf } from '../core/quarter';
import { Catalog } from '../sheets/catalog';
import { openDashboard, writeDashboard } from '../sheets/dashboard';
import { DASHBOARD_TEXTS, dateText } from '../sheets/dashboard-texts';
import { findLog, readLog } from '../sheets/log';
import { SHEET_NAMES } from '../sheets/texts';
import { chartSpan } from './charts';
import { openContext, UserError, withDocumentLock } from './context';
import { localLabel } from './insert';
import { currentQuarter, nothingWritten } from './quarter';

/**
 * Creates or refreshes the Dashboard sheet for the current quarter (the active quarter sheet, else
 * today's): its data blocks recomputed from the quarter sheet and the log, read once each, and its
 * charts updated in place. Writes only the dashboard sheet; refuses, writing nothing, when there is
 * no quarter sheet or it can't be read.
 */
export function refreshDashboard() {
  const ctx = openContext();
  const t = DASHBOARD_TEXTS[ctx.lang];
  const catalog = Catalog.read(ctx.ss);
  if (catalog.find('quarter').length === 0)
    throw new UserError(
      t.noQuarter(SHEET_NAMES.quarter(localLabel(quarterLabel(quarterOf(ctx.today)), ctx), ctx.lang)),
    );
  const q = currentQuarter(ctx, catalog);
  if (q.read.structure.length)
    throw new UserError(
      `${t.unreadable(q.sheet.getName())} ${q.read.structure.join(' ')} ${nothingWritten(ctx.lang)}`,
    );
  let log: ReturnType<typeof findLog>;
  try {
    log = findLog(ctx.ss, catalog, ctx.lang);
  } catch {
    log = undefined; // a damaged log is the health check's to name: the sheet's own values still chart
  }
  const entries = log ? readLog(log, q.label, ctx.timeZone) : [];
  const span = chartSpan(q, ctx.timeZone);
  // as the review's weekly chart: its last point is the sheet's "as of", at most the quarter's end
  const asOf = Math.min(q.asOf, span.last);
  const data = dashboardData(q.read.objectives, entries, span, asOf);
  return withDocumentLock(ctx.lang, () => {
    const { sheet, stored } = openDashboard(ctx.ss, ctx.lang);
    const { charts } = writeDashboard(ctx.ss, sheet, stored, {
      lang: ctx.lang,
      quarterSheet: q.sheet.getName(),
      logName: log?.sheet.getName() ?? SHEET_NAMES.checkins[ctx.lang],
      asOf,
      data,
    });
    sheet.activate();
    ctx.ss.toast(t.refreshed(q.sheet.getName(), dateText(isoOf(asOf), ctx.lang)), t.menu, 5);
    return { sheet: sheet.getName(), quarter: q.label, asOf: isoOf(asOf), charts };
  });
}
