import * as z from 'zod/mini';
import { isoOf } from '../core/cells';
import { appendRows } from '../sheets/append';
import { Catalog } from '../sheets/catalog';
import { Day } from '../sheets/cells';
import { checkinsLayout } from '../sheets/companion-layouts';
import { META } from '../sheets/quarter-layout';
import { QUARTER } from '../sheets/read';
import { writeBack } from '../sheets/write-back';
import { openContext, parsePayload, UserError, withDocumentLock } from './context';
import { currentQuarter } from './quarter';

const entrySchema = z.object({
  krId: z.string().check(z.minLength(1), z.maxLength(100)),
  value: z.union([z.number(), z.boolean()]),
  confidence: z.optional(z.number().check(z.gte(0), z.lte(1))),
  comment: z.optional(z.string().check(z.maxLength(1000))),
});

export const checkInSchema = z.object({
  sheet: z.optional(z.string()),
  entries: z.array(entrySchema).check(z.minLength(1), z.maxLength(200)),
});

/** What the check-in tab lists: the quarter's key results, grouped by objective. */
export function checkInState(payload?: unknown) {
  const ctx = openContext();
  const p =
    payload === undefined || payload === null
      ? {}
      : parsePayload(z.object({ sheet: z.optional(z.string()) }), payload, ctx.lang);
  const catalog = Catalog.read(ctx.ss);
  const q = currentQuarter(ctx, catalog, p.sheet);
  return {
    lang: ctx.lang,
    sheet: q.sheet.getName(),
    quarter: q.label,
    asOf: isoOf(q.asOf),
    quarters: catalog.find('quarter').map((x) => x.sheet.getName()),
    objectives: q.read.objectives.map((o) => ({
      id: o.id,
      title: o.title,
      krs: o.krs.map((k) => ({
        id: k.id,
        title: k.title,
        unit: k.unit,
        type: k.type ?? '',
        start: k.start ?? null,
        target: k.target ?? null,
        current: k.current ?? null,
        confidence: k.confidence ?? null,
      })),
    })),
    problems: q.read.problems.length,
  };
}

/**
 * Records check-ins: each KR's current value and confidence updated in the quarter sheet, one row
 * per KR appended to the log, the "as of" date moved to today: three writes, whatever the count.
 */
export function checkIn(payload: unknown) {
  const ctx = openContext();
  const p = parsePayload(checkInSchema, payload, ctx.lang);
  return withDocumentLock(ctx.lang, () => {
    const catalog = Catalog.read(ctx.ss);
    const q = currentQuarter(ctx, catalog, p.sheet);
    const krs = new Map(q.read.objectives.flatMap((o) => o.krs.map((k) => [k.id, k] as const)));
    const unknown = p.entries.filter((e) => !krs.has(e.krId)).map((e) => e.krId);
    if (unknown.length) {
      throw new UserError(
        ctx.lang === 'fr'
          ? `Résultat clé introuvable dans « ${q.sheet.getName()} » : ${unknown.join(', ')}. Rien n'a été écrit.`
          : `Key result not found in "${q.sheet.getName()}": ${unknown.join(', ')}. Nothing was written.`,
      );
    }
    for (const e of p.entries) {
      // a milestone takes done/not done (or a number compared with its target); other KRs a number
      if (krs.get(e.krId)!.type !== 'milestone' && typeof e.value === 'boolean') {
        throw new UserError(
          ctx.lang === 'fr' ? `${e.krId} : un nombre est attendu.` : `${e.krId}: a number is expected.`,
        );
      }
    }
    const today = Math.min(Math.max(ctx.today, q.quarter.first), q.quarter.next - 1);
    const cols = q.read.columns;
    const updates = new Map<number, Map<number, unknown>>();
    for (const e of p.entries) {
      const row = krs.get(e.krId)!.row;
      const cells = updates.get(row) ?? new Map<number, unknown>();
      cells.set(cols.index.current, e.value);
      if (e.confidence !== undefined) cells.set(cols.index.confidence, e.confidence);
      updates.set(row, cells);
    }
    writeBack(
      q.sheet,
      q.read.values,
      QUARTER.first,
      q.read.lastRow,
      cols.index.current,
      cols.index.confidence,
      updates,
    );
    q.sheet.getRange(META.asOf).setValue(isoOf(Math.max(today, q.asOf)));
    const log = catalog.first('checkins');
    if (log) {
      appendRows(
        log,
        checkinsLayout.width,
        p.entries.map((e) => [
          new Day(today),
          q.label,
          e.krId,
          e.value,
          e.confidence ?? '',
          e.comment ?? '',
          krs.get(e.krId)!.title,
        ]),
      );
    }
    return { updated: p.entries.length, asOf: isoOf(Math.max(today, q.asOf)), sheet: q.sheet.getName() };
  });
}
