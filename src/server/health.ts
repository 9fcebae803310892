import * as z from 'zod/mini';
import { type FixPlace, fixOf } from '../core/health';
import type { Lang } from '../core/i18n';
import { Catalog } from '../sheets/catalog';
import { type ComputedState, computedStates, repairComputed } from '../sheets/repair';
import { columnLetter } from '../sheets/template';
import { SHEET_NAMES } from '../sheets/texts';
import { openContext, parsePayload, withDocumentLock } from './context';
import { assertWritable, currentQuarter, healthOf } from './quarter';
import { ReviewStore } from './review-store';

const sheetPayload = z.object({ sheet: z.optional(z.nullable(z.string())) });

const TEXTS = {
  en: {
    blocked: (h: string, c: string) =>
      `"${h}" (${c}) shows no results: cells were typed or pasted in it, and they block what it computes.`,
    overwritten: (h: string, c: string) => `"${h}" (${c}) was typed over: its formula is gone.`,
    missing: (h: string) => `The "${h}" column is gone.`,
    incomplete: (h: string, c: string, rows: string, n: number) =>
      `"${h}" (${c}) has no bar on ${n > 1 ? 'rows' : 'row'} ${rows}.`,
    fix: 'Repair the sheet: the formulas go back in their header cells; whatever was typed in a computed column moves into a note on its cell.',
  },
  fr: {
    blocked: (h: string, c: string) =>
      `«\u00a0${h}\u00a0» (${c}) n’affiche aucun résultat\u00a0: des cellules y ont été saisies ou collées, et bloquent ce qu’elle calcule.`,
    overwritten: (h: string, c: string) =>
      `«\u00a0${h}\u00a0» (${c}) a été écrasée\u00a0: sa formule a disparu.`,
    missing: (h: string) => `La colonne «\u00a0${h}\u00a0» a disparu.`,
    incomplete: (h: string, c: string, rows: string, n: number) =>
      `«\u00a0${h}\u00a0» (${c}) n’a pas de barre sur ${n > 1 ? 'les lignes' : 'la ligne'} ${rows}.`,
    fix: 'Réparez la feuille\u00a0: les formules reviennent dans leurs en-têtes\u00a0; ce qui a été saisi dans une colonne calculée passe dans une note sur sa cellule.',
  },
} satisfies Record<Lang, Record<string, unknown>>;

/** What a broken computed column says: which one, where, and what happened to it. */
function computedText(s: ComputedState, lang: Lang): string {
  const t = TEXTS[lang];
  const letter = s.col ? columnLetter(s.col) : '';
  if (s.state === 'incomplete') {
    const rows = s.rows ?? [];
    const shown = rows.length > 5 ? `${rows.slice(0, 5).join(', ')}…` : rows.join(', ');
    return t.incomplete(s.header, letter, shown, rows.length);
  }
  return s.state === 'blocked'
    ? t.blocked(s.header, letter)
    : s.state === 'overwritten'
      ? t.overwritten(s.header, letter)
      : t.missing(s.header);
}

/** The health check tab: the seeds' common mistakes in the current quarter, its bad rows and columns. */
export function healthState(payload?: unknown) {
  const ctx = openContext();
  const p = payload === undefined || payload === null ? {} : parsePayload(sheetPayload, payload, ctx.lang);
  const catalog = Catalog.read(ctx.ss);
  const q = currentQuarter(ctx, catalog, p.sheet);
  const { findings, problems, frozen } = healthOf(ctx, catalog, q);
  const kpiSheet = catalog.first('kpis')?.getName();
  const place = fixPlace(q, kpiSheet);
  const broken =
    q.read.structure.length || frozen
      ? []
      : computedStates(q.sheet, q.read, ctx.lang).filter((s) => s.state !== 'ok');
  return {
    lang: ctx.lang,
    sheet: q.name,
    quarters: catalog.quarterNames(q),
    quarter: q.label,
    /** Each with the sheet its row is in (a KPI's is the dashboard's) and its fix, naming its columns. */
    findings: findings.map((f) => ({
      ...f,
      sheet: f.about.type === 'kpi' ? (kpiSheet ?? '') : q.sheet.getName(),
      fix: fixOf(f, ctx.lang, place),
    })),
    problems,
    /** Computed columns that show nothing or are gone, and what Repair does about them. */
    computed: broken.map((s) => computedText(s, ctx.lang)),
    repair: broken.length ? TEXTS[ctx.lang].fix : null,
  };
}

/** The quarter's columns as the sheet shows them ("Target (L)"): a fix says where to type. */
function fixPlace(q: ReturnType<typeof currentQuarter>, kpiSheet: string | undefined): FixPlace {
  const cols = q.read.columns;
  const column: NonNullable<FixPlace['column']> = {};
  for (const key of ['title', 'type', 'target', 'current', 'confidence', 'parent'] as const)
    if (cols.index[key] >= 0) column[key] = `${cols.header[key]} (${cols.letter[key]})`;
  return { column, ...(kpiSheet ? { kpiSheet } : {}) };
}

/** Repairs the quarter sheet's computed columns (see repairComputed): nothing typed is lost. */
export function repairSheet(payload?: unknown) {
  const ctx = openContext();
  const p = payload === undefined || payload === null ? {} : parsePayload(sheetPayload, payload, ctx.lang);
  return withDocumentLock(ctx.lang, () => {
    const catalog = Catalog.read(ctx.ss);
    const q = currentQuarter(ctx, catalog, p.sheet);
    assertWritable(q, ctx.lang);
    // a closed quarter's columns hold values on purpose: reopening it brings its formulas back
    if (ReviewStore.open(ctx.ss, catalog).recordOf(q.id)?.frozen)
      return { sheet: q.name, restored: [], moved: 0 };
    const states = computedStates(q.sheet, q.read, ctx.lang);
    const logName = catalog.first('checkins')?.getName() ?? SHEET_NAMES.checkins[ctx.lang];
    const r = repairComputed(q.sheet, q.read, states, logName, ctx.lang, q.label);
    return { sheet: q.name, ...r };
  });
}
