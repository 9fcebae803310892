import * as z from 'zod/mini';
import type { DraftKr } from '../core/draft';
import { InputError } from '../core/errors';
import type { Lang } from '../core/i18n';
import { levelSchema } from '../core/model';
import { readTyped, styleOf } from '../core/typed';
import { Catalog } from '../sheets/catalog';
import { appendQuarterRows, insertKrRow } from '../sheets/quarter-sheet';
import { openContext, parsePayload, UserError, withDocumentLock } from './context';
import { assertWritable, currentQuarter, nothingWritten, type QuarterState } from './quarter';
import { ReviewStore } from './review-store';
import { REVIEW_TEXTS } from './review-texts';

const blankable = <T extends z.core.SomeType>(s: T) => z.optional(z.nullable(s));
const text = (max: number) => z.string().check(z.maxLength(max));
const typedNumber = blankable(z.union([z.number(), text(40)]));

export const addKrSchema = z.object({
  sheet: blankable(z.string()),
  objectiveId: text(100).check(z.minLength(1)),
  kr: blankable(
    z.object({
      title: text(500),
      unit: blankable(text(50)),
      start: typedNumber,
      target: typedNumber,
    }),
  ),
});

export const addObjectiveSchema = z.object({
  sheet: blankable(z.string()),
  objective: blankable(
    z.object({
      title: text(500),
      owner: blankable(text(200)),
      level: blankable(levelSchema),
      parent: blankable(text(100)),
    }),
  ),
});

const TEXTS = {
  en: {
    noObjective: (id: string, sheet: string) => `No objective ${id} in "${sheet}".`,
    bad: (what: string, why: string) => `${what}: ${why}.`,
    start: 'start',
    target: 'target',
  },
  fr: {
    noObjective: (id: string, sheet: string) => `Aucun objectif ${id} dans «\u00a0${sheet}\u00a0».`,
    bad: (what: string, why: string) => `${what}\u00a0: ${why}.`,
    start: 'départ',
    target: 'cible',
  },
} satisfies Record<Lang, Record<string, unknown>>;

/** The next id of a family not taken in the sheet: O6 after O1…O5, O2.4 after O2.1…O2.3. */
function nextId(prefix: string, taken: ReadonlySet<string>, from: number): string {
  for (let n = from; ; n++) if (!taken.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

function ids(q: QuarterState): Set<string> {
  return new Set([
    ...q.read.objectives.map((o) => o.id),
    ...q.read.objectives.flatMap((o) => o.krs.map((k) => k.id)),
    ...q.read.strays.map((k) => k.id),
  ]);
}

/** A quarter the team may add rows to: readable, not closed by its review. */
function openForRows(ctx: ReturnType<typeof openContext>, q: QuarterState): void {
  assertWritable(q, ctx.lang);
  const closed = ReviewStore.open(ctx.ss).recordOf(q.id)?.finished;
  if (closed)
    throw new UserError(`${REVIEW_TEXTS[ctx.lang].closed(q.label, closed.at)} ${nothingWritten(ctx.lang)}`);
}

/**
 * Adds a key result to an objective: a row inserted under the objective's last row, with a new
 * KR ID and the template's formats and dropdowns; its title, unit, start and target when given.
 */
export function addKeyResult(payload: unknown) {
  const ctx = openContext();
  const p = parsePayload(addKrSchema, payload, ctx.lang);
  const tx = TEXTS[ctx.lang];
  return withDocumentLock(ctx.lang, () => {
    const q = currentQuarter(ctx, Catalog.read(ctx.ss), p.sheet);
    openForRows(ctx, q);
    if (!q.read.objectives.some((o) => o.id === p.objectiveId))
      throw new UserError(`${tx.noObjective(p.objectiveId, q.sheet.getName())} ${nothingWritten(ctx.lang)}`);
    // one "%" typed in start or target makes a percentage KR: "70 %" to "77" is 70 % to 77 %
    const percent = [p.kr?.start, p.kr?.target].some((v) => typeof v === 'string' && v.trim().endsWith('%'));
    const number = (v: number | string | null | undefined, what: string): number | '' => {
      if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return '';
      if (typeof v === 'number') return v;
      try {
        return readTyped(v, styleOf(percent ? '0%' : ''), ctx.lang);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        throw new UserError(`${tx.bad(what, e.text(ctx.lang))} ${nothingWritten(ctx.lang)}`);
      }
    };
    const taken = ids(q);
    const o = q.read.objectives.find((x) => x.id === p.objectiveId)!;
    const id = nextId(`${p.objectiveId}.`, taken, o.krs.length + 1);
    const kr: DraftKr = {
      id,
      title: p.kr?.title.trim() ?? '',
      unit: p.kr?.unit?.trim() ?? '',
      start: number(p.kr?.start, tx.start),
      target: number(p.kr?.target, tx.target),
      current: '',
      weight: '',
      confidence: '',
      // typed as a percentage, the KR shows as one, with the decimals typed (4.3 % stays 4.3 %)
      ...(percent ? { format: '0.0%' } : {}),
    };
    const row = insertKrRow(q.sheet, q.read, p.objectiveId, kr, ctx.lang);
    const titleCol = q.read.columns.index.title;
    if (titleCol >= 0) q.sheet.getRange(row, titleCol + 1).activate();
    return { krId: id, row, sheet: q.sheet.getName() };
  });
}

/** Adds an objective below the data: its row with a new Objective ID, and one key result's row. */
export function addObjective(payload?: unknown) {
  const ctx = openContext();
  const p =
    payload === undefined || payload === null ? {} : parsePayload(addObjectiveSchema, payload, ctx.lang);
  return withDocumentLock(ctx.lang, () => {
    const q = currentQuarter(ctx, Catalog.read(ctx.ss), p.sheet);
    openForRows(ctx, q);
    const taken = ids(q);
    const id = nextId('O', taken, q.read.objectives.length + 1);
    const level = p.objective?.level ?? q.read.objectives[q.read.objectives.length - 1]?.level ?? 'team';
    const at = appendQuarterRows(
      q.sheet,
      q.read,
      [
        {
          id,
          title: p.objective?.title.trim() ?? '',
          level,
          owner: p.objective?.owner?.trim() ?? '',
          parent: p.objective?.parent?.trim() ?? '',
          committed: false,
          krs: [
            {
              id: `${id}.1`,
              title: '',
              unit: '',
              start: '',
              target: '',
              current: '',
              weight: '',
              confidence: '',
            },
          ],
        },
      ],
      ctx.lang,
    );
    const titleCol = q.read.columns.index.title;
    if (titleCol >= 0) q.sheet.getRange(at, titleCol + 1).activate();
    return { objectiveId: id, row: at, sheet: q.sheet.getName() };
  });
}

/** The objective of the row the user is on (its own row, or one of its KRs'), for the menu. */
export function objectiveAtCursor(): string | undefined {
  const ctx = openContext();
  const q = currentQuarter(ctx, Catalog.read(ctx.ss));
  const row = ctx.ss.getActiveRange()?.getRow();
  if (!row) return undefined;
  const o = q.read.objectives.find((x) => x.row === row || x.krs.some((k) => k.row === row));
  return o?.id ?? q.read.strays.find((k) => k.row === row)?.objectiveId;
}
