import * as z from 'zod/mini';
import { Catalog } from '../sheets/catalog';
import { openContext, parsePayload } from './context';
import { currentQuarter, healthOf } from './quarter';

/** The health check tab: the seeds' common mistakes in the current quarter, and its bad rows. */
export function healthState(payload?: unknown) {
  const ctx = openContext();
  const p =
    payload === undefined || payload === null
      ? {}
      : parsePayload(z.object({ sheet: z.optional(z.nullable(z.string())) }), payload, ctx.lang);
  const catalog = Catalog.read(ctx.ss);
  const q = currentQuarter(ctx, catalog, p.sheet);
  const { findings, problems } = healthOf(ctx, catalog, q);
  return {
    lang: ctx.lang,
    sheet: q.sheet.getName(),
    quarters: catalog.find('quarter').map((x) => x.sheet.getName()),
    quarter: q.label,
    findings,
    problems,
  };
}
