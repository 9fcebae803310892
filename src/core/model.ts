import * as z from 'zod/mini';

// Apps Script may refuse `new Function`; jitless parsing also keeps the first parse cheap.
z.config({ jitless: true });

const id = z.string().check(z.minLength(1), z.maxLength(100));
const share = z.number().check(z.gte(0), z.lte(1));
const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const krTypeSchema = z.enum(['increase', 'decrease', 'at_least', 'at_most', 'milestone']);
export const levelSchema = z.enum(['company', 'department', 'team', 'individual']);
export const directionSchema = z.enum(['higher', 'lower']);
export const periodSchema = z.enum(['week', 'month', 'quarter']);
export const gradeSchema = z.enum(['green', 'yellow', 'red']);
export const decisionSchema = z.enum(['carry_over', 'close', 'drop']);

export const keyResultSchema = z.object({
  id,
  objectiveId: id,
  title: z.string(),
  type: z.optional(krTypeSchema),
  start: z.optional(z.number()),
  target: z.optional(z.number()),
  /** A number, or a milestone's TRUE/FALSE. */
  current: z.optional(z.union([z.number(), z.boolean()])),
  unit: z.string(),
  weight: z.number().check(z.gte(0)),
  confidence: z.optional(share),
  /** The KPI this KR is built on, if any. */
  kpi: z.optional(z.string()),
});
export type KeyResult = z.infer<typeof keyResultSchema>;

export const objectiveSchema = z.object({
  id,
  title: z.string(),
  level: z.optional(levelSchema),
  owner: z.string(),
  parentId: z.optional(z.string()),
  committed: z.boolean(),
  keyResults: z.array(keyResultSchema),
});
export type Objective = z.infer<typeof objectiveSchema>;

export const checkInSchema = z.object({
  date: isoDay,
  krId: id,
  value: z.union([z.number(), z.boolean()]),
  confidence: z.optional(share),
  comment: z.string().check(z.maxLength(2000)),
});
export type CheckIn = z.infer<typeof checkInSchema>;

export const kpiSchema = z.object({
  id,
  name: z.string(),
  family: z.string(),
  unit: z.string(),
  direction: directionSchema,
  period: periodSchema,
  greenAt: z.optional(z.number()),
  redAt: z.optional(z.number()),
  benchmark: z.optional(z.number()),
  /** One value per period, oldest first; undefined where none was entered. */
  values: z.array(z.optional(z.number())),
});
export type Kpi = z.infer<typeof kpiSchema>;

export const quarterSchema = z.object({
  label: z.string(),
  fiscalStart: z.number().check(z.int(), z.gte(1), z.lte(12)),
  /** The "as of" day: pace and status are computed from it. */
  asOf: isoDay,
  objectives: z.array(objectiveSchema),
});
export type QuarterModel = z.infer<typeof quarterSchema>;
