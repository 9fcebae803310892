import * as z from 'zod/mini';
import { alignmentTree } from '../core/tree';
import { Catalog } from '../sheets/catalog';
import { openContext, parsePayload, UserError } from './context';
import { currentQuarter } from './quarter';

const sheetPayload = z.object({ sheet: z.optional(z.nullable(z.string())) });
const goToPayload = z.object({
  sheet: z.string().check(z.minLength(1), z.maxLength(200)),
  id: z.string().check(z.minLength(1), z.maxLength(100)),
});

/** The alignment tree dialog: the quarter's objectives as a tree (one read of the quarter sheet). */
export function alignmentTreeState(payload?: unknown) {
  const ctx = openContext();
  const p = payload === undefined || payload === null ? {} : parsePayload(sheetPayload, payload, ctx.lang);
  const catalog = Catalog.read(ctx.ss);
  const q = currentQuarter(ctx, catalog, p.sheet);
  return {
    lang: ctx.lang,
    sheet: q.sheet.getName(),
    quarters: catalog.find('quarter').map((x) => x.sheet.getName()),
    quarter: q.label,
    ...alignmentTree(q.read.objectives),
    /** Rows that could not be read (shown apart: a duplicate id is not in the tree). */
    problems: q.read.problems.length + q.read.structure.length,
  };
}

/**
 * Selects an objective's row in its quarter sheet. Found by its id, read again: rows may have been
 * sorted or moved since the tree was drawn.
 */
export function goToObjective(payload: unknown) {
  const ctx = openContext();
  const p = parsePayload(goToPayload, payload, ctx.lang);
  const q = currentQuarter(ctx, Catalog.read(ctx.ss), p.sheet);
  const o = q.read.objectives.find((x) => x.id === p.id);
  if (!o) {
    throw new UserError(
      ctx.lang === 'fr'
        ? `L’objectif ${p.id} n’est plus dans «\u00a0${p.sheet}\u00a0» (supprimé, ou son ID a changé\u00a0?). Actualisez l’arbre.`
        : `Objective ${p.id} is no longer in "${p.sheet}" (deleted, or its ID changed?). Refresh the tree.`,
    );
  }
  // the whole row, as a click on its number selects it; activating it shows its sheet
  q.sheet.getRange(`${o.row}:${o.row}`).activate();
  return { sheet: q.sheet.getName(), id: o.id, row: o.row };
}
