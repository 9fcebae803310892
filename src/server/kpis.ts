import * as z from 'zod/mini';
import { Catalog } from '../sheets/catalog';
import { kpiPeriods, missingMonths, rollKpiSheet } from '../sheets/kpi-roll';
import { type Context, openContext, parsePayload, UserError, withDocumentLock } from './context';

export const rollSchema = z.object({ until: z.string().check(z.regex(/^\d{4}-\d{2}$/)) });

const TEXTS = {
  en: { noDashboard: 'There is no KPI dashboard to roll forward (insert one from the menu).' },
  fr: { noDashboard: 'Aucun tableau de bord KPI à faire avancer (insérez-en un depuis le menu).' },
};

/** The months the KPI dashboard lacks to reach a month ("2026-06"), or none (no dashboard, or there). */
export function kpiMonthsMissing(ctx: Context, catalog: Catalog, until: string): string[] {
  const sheet = catalog.first('kpis');
  const p = sheet ? kpiPeriods(sheet, ctx.lang) : undefined;
  const [y, m] = until.split('-').map(Number) as [number, number];
  return p ? missingMonths(p, y, m) : [];
}

/**
 * Rolls the KPI dashboard forward to a month: a column per missing month, the history kept, the
 * latest value, status, trend and sparklines over the whole history. Nothing when it is there.
 */
export function rollKpis(payload: unknown) {
  const ctx = openContext();
  const p = parsePayload(rollSchema, payload, ctx.lang);
  return withDocumentLock(ctx.lang, () => {
    const catalog = Catalog.read(ctx.ss);
    const sheet = catalog.first('kpis');
    const periods = sheet ? kpiPeriods(sheet, ctx.lang) : undefined;
    if (!sheet || !periods) throw new UserError(TEXTS[ctx.lang].noDashboard);
    const [y, m] = p.until.split('-').map(Number) as [number, number];
    const months = missingMonths(periods, y, m);
    rollKpiSheet(sheet, periods, months, ctx.lang);
    return { sheet: sheet.getName(), months };
  });
}
