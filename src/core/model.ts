import * as z from 'zod/mini';
import { lazy } from './lazy';

/**
 * The model's zod schemas, each built on first use (`schemas.keyResult()`): nothing runs when the
 * bundle loads, and a call builds only the schemas it parses with. zod is set jitless before the
 * first one (Apps Script may refuse `new Function`; jitless parsing also keeps the first parse cheap).
 */
export const zodReady = lazy((): void => {
  z.config({ jitless: true });
});

/** A schema built on first use, zod set jitless first: `const s = schema(() => z.object({ … }))`. */
export function schema<T>(make: () => T): () => T {
  return lazy(() => {
    zodReady();
    return make();
  });
}

const id = schema(() => z.string().check(z.minLength(1), z.maxLength(100)));
const share = schema(() => z.number().check(z.gte(0), z.lte(1)));
const isoDay = schema(() => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)));

export const KR_TYPE_NAMES = ['increase', 'decrease', 'at_least', 'at_most', 'milestone'] as const;
export const LEVEL_NAMES = ['company', 'department', 'team', 'individual'] as const;
export const DIRECTION_NAMES = ['higher', 'lower'] as const;
export const PERIOD_NAMES = ['week', 'month', 'quarter'] as const;
export const GRADE_NAMES = ['green', 'yellow', 'red'] as const;
export const DECISION_NAMES = ['carry_over', 'close', 'drop'] as const;

const krType = schema(() => z.enum(KR_TYPE_NAMES));
const level = schema(() => z.enum(LEVEL_NAMES));
const direction = schema(() => z.enum(DIRECTION_NAMES));
const period = schema(() => z.enum(PERIOD_NAMES));
const grade = schema(() => z.enum(GRADE_NAMES));
const decision = schema(() => z.enum(DECISION_NAMES));

const keyResult = schema(() =>
  z.object({
    id: id(),
    objectiveId: id(),
    title: z.string(),
    type: z.optional(krType()),
    start: z.optional(z.number()),
    target: z.optional(z.number()),
    /** A number, or a milestone's TRUE/FALSE. */
    current: z.optional(z.union([z.number(), z.boolean()])),
    unit: z.string(),
    weight: z.number().check(z.gte(0)),
    confidence: z.optional(share()),
    /** The KPI this KR is built on, if any. */
    kpi: z.optional(z.string()),
  }),
);

const objective = schema(() =>
  z.object({
    id: id(),
    title: z.string(),
    level: z.optional(level()),
    owner: z.string(),
    parentId: z.optional(z.string()),
    committed: z.boolean(),
    keyResults: z.array(keyResult()),
  }),
);

const checkIn = schema(() =>
  z.object({
    date: isoDay(),
    krId: id(),
    value: z.union([z.number(), z.boolean()]),
    confidence: z.optional(share()),
    comment: z.string().check(z.maxLength(2000)),
  }),
);

const kpi = schema(() =>
  z.object({
    id: id(),
    name: z.string(),
    family: z.string(),
    unit: z.string(),
    direction: direction(),
    period: period(),
    greenAt: z.optional(z.number()),
    redAt: z.optional(z.number()),
    benchmark: z.optional(z.number()),
    /** One value per period, oldest first; undefined where none was entered. */
    values: z.array(z.optional(z.number())),
  }),
);

const quarter = schema(() =>
  z.object({
    label: z.string(),
    fiscalStart: z.number().check(z.int(), z.gte(1), z.lte(12)),
    /** The "as of" day: pace and status are computed from it. */
    asOf: isoDay(),
    objectives: z.array(objective()),
  }),
);

/** Every schema of the model, by name: call one to get it (built the first time). */
export const schemas = {
  id,
  share,
  isoDay,
  krType,
  level,
  direction,
  period,
  grade,
  decision,
  keyResult,
  objective,
  checkIn,
  kpi,
  quarter,
};

export type KeyResult = z.infer<ReturnType<typeof keyResult>>;
export type Objective = z.infer<ReturnType<typeof objective>>;
export type CheckIn = z.infer<ReturnType<typeof checkIn>>;
export type Kpi = z.infer<ReturnType<typeof kpi>>;
export type QuarterModel = z.infer<ReturnType<typeof quarter>>;

/**
 * @deprecated Built when this module loads, for the modules that still build their own schemas at
 * their top level (src/server/insert.ts, src/server/rows.ts, src/core/review.ts): use
 * `schemas.krType()`, `schemas.level()`, `schemas.grade()`, `schemas.decision()` inside a `schema()`
 * there, then delete these four.
 */
export const krTypeSchema = krType();
/** @deprecated See krTypeSchema. */
export const levelSchema = level();
/** @deprecated See krTypeSchema. */
export const gradeSchema = grade();
/** @deprecated See krTypeSchema. */
export const decisionSchema = decision();
