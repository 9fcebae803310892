import * as z from 'zod/mini';
import type { DayNumber } from './cells';
import type { DraftObjective } from './draft';
import type { Finding, KpiRead } from './health';
import { decisionSchema, gradeSchema } from './model';
import { elapsedShare } from './quarter';
import { confidenceOf, gradeOf, krScoreOf, objectiveScores, type Pace, paceOf } from './quarter-model';
import type { ObjectiveRead } from './read-quarter';
import { weightedMean } from './score';
import type { Decision, Grade } from './words';

/** One objective's answers in the review: what the user decided. */
export const answerSchema = z.object({
  objectiveId: z.string().check(z.minLength(1), z.maxLength(100)),
  /** '' when the objective has no score and the user gave no grade: no grade is made up. */
  grade: z.union([gradeSchema, z.literal('')]),
  wentWell: z.string().check(z.maxLength(1000)),
  toImprove: z.string().check(z.maxLength(1000)),
  decision: decisionSchema,
});
export type Answer = z.infer<typeof answerSchema>;

export interface ObjectiveSummary {
  id: string;
  title: string;
  owner: string;
  level?: string;
  committed: boolean;
  score?: number;
  grade?: Grade;
  confidence?: number;
  pace?: Pace;
  krs: {
    id: string;
    title: string;
    start?: number;
    current?: number | boolean;
    target?: number;
    unit: string;
    score?: number;
  }[];
}

export interface ReviewSummary {
  quarter: string;
  asOf: DayNumber;
  elapsed: number;
  overall?: number;
  objectives: ObjectiveSummary[];
  spread: Record<Grade, number>;
  kpisOutOfBand: KpiRead[];
  findings: Finding[];
}

/** Everything the review shows before the user decides: computed once from what was read. */
export function reviewSummary(input: {
  quarter: string;
  fiscalStart: number;
  asOf: DayNumber;
  objectives: readonly ObjectiveRead[];
  kpis: readonly KpiRead[];
  findings: Finding[];
}): ReviewSummary {
  const elapsed = elapsedShare(input.asOf, input.fiscalStart);
  const scores = objectiveScores(input.objectives);
  const spread: Record<Grade, number> = { green: 0, yellow: 0, red: 0 };
  const objectives = input.objectives.map((o): ObjectiveSummary => {
    const score = scores.get(o.id);
    const grade = score === undefined ? undefined : gradeOf(score, o.committed);
    if (grade) spread[grade]++;
    return {
      id: o.id,
      title: o.title,
      owner: o.owner,
      level: o.level,
      committed: o.committed,
      score,
      grade,
      confidence: confidenceOf(o),
      pace: score === undefined ? undefined : paceOf(score, elapsed, o.committed),
      krs: o.krs.map((k) => ({
        id: k.id,
        title: k.title,
        start: k.start,
        current: k.current,
        target: k.target,
        unit: k.unit,
        score: krScoreOf(k),
      })),
    };
  });
  const scored = objectives.flatMap((o) => (o.score === undefined ? [] : [{ value: o.score, weight: 1 }]));
  const overall = weightedMean(scored);
  return {
    quarter: input.quarter,
    asOf: input.asOf,
    elapsed,
    overall: overall === '' ? undefined : overall,
    objectives,
    spread,
    kpisOutOfBand: input.kpis.filter((k) => k.status === 'red' || k.status === 'yellow'),
    findings: input.findings,
  };
}

/** The answers the review starts from: the computed grade, carry over when not green. */
export function defaultAnswer(o: ObjectiveSummary): Answer {
  return {
    objectiveId: o.id,
    grade: o.grade ?? '',
    wentWell: '',
    toImprove: '',
    decision: o.grade === 'green' ? 'close' : 'carry_over',
  };
}

/**
 * The next quarter's objectives: those carried over, with their KRs starting from their last
 * value toward their target (blank current: no score until the first check-in), their number
 * formats kept, and a parent kept only when it is carried over too.
 */
export function carryOver(
  objectives: readonly ObjectiveRead[],
  decisions: ReadonlyMap<string, Decision>,
  formats: ReadonlyMap<string, string> = new Map(),
): DraftObjective[] {
  const kept = objectives.filter((o) => decisions.get(o.id) === 'carry_over');
  const ids = new Set(kept.map((o) => o.id));
  return kept.map((o) => ({
    id: o.id,
    title: o.title,
    level: o.level,
    owner: o.owner,
    parent: ids.has(o.parent) ? o.parent : '',
    committed: o.committed,
    krs: o.krs.map((k) => ({
      id: k.id,
      title: k.title,
      type: k.type,
      unit: k.unit,
      start: k.type === 'milestone' ? '' : typeof k.current === 'number' ? k.current : (k.start ?? ''),
      target: k.target ?? '',
      current: '',
      weight: k.weight,
      confidence: k.confidence ?? '',
      // its own owner only: a KR that had its objective's keeps following it
      owner: k.ownOwner,
      ...(formats.get(k.id) ? { format: formats.get(k.id) } : {}),
    })),
  }));
}

/**
 * What the recap should tell about a carry-over: KRs that arrive already achieved (their target
 * needs raising), and carried objectives whose parent stays behind (their link is cut).
 */
export function carryNotes(
  objectives: readonly ObjectiveRead[],
  decisions: ReadonlyMap<string, Decision>,
): { achieved: string[]; unlinked: { id: string; parent: string }[] } {
  const kept = new Set(objectives.filter((o) => decisions.get(o.id) === 'carry_over').map((o) => o.id));
  const achieved: string[] = [];
  const unlinked: { id: string; parent: string }[] = [];
  for (const o of objectives) {
    if (!kept.has(o.id)) continue;
    if (o.parent && !kept.has(o.parent)) unlinked.push({ id: o.id, parent: o.parent });
    for (const k of o.krs) if (k.type !== 'milestone' && krScoreOf(k) === 1) achieved.push(k.id);
  }
  return { achieved, unlinked };
}

/** The first id not taken: "O3" → "O4"…, "Growth" → "Growth 2"… */
function freeId(id: string, taken: ReadonlySet<string>): string {
  const m = /^(.*?)(\d+)$/.exec(id);
  for (let n = m ? Number(m[2]) + 1 : 2; ; n++) {
    const next = m ? `${m[1]}${n}` : `${id} ${n}`;
    if (!taken.has(next)) return next;
  }
}

/**
 * Carried objectives going into a sheet that already has its own rows: an id already used there
 * gets a new one (its KRs and the links to it follow), so nothing planned is overwritten or merged.
 */
export function renameClashes(
  carried: readonly DraftObjective[],
  taken: Iterable<string>,
): { objectives: DraftObjective[]; renamed: { from: string; to: string }[] } {
  const clash = new Set(taken);
  // a new id is free of the sheet's ids and of every carried one: renaming O1 must not take O2's
  const used = new Set([...clash, ...carried.flatMap((o) => [o.id, ...o.krs.map((k) => k.id)])]);
  const renamed: { from: string; to: string }[] = [];
  const ids = new Map<string, string>();
  for (const o of carried) {
    const id = clash.has(o.id) ? freeId(o.id, used) : o.id;
    used.add(id);
    ids.set(o.id, id);
    if (id !== o.id) renamed.push({ from: o.id, to: id });
  }
  const objectives = carried.map((o) => {
    const id = ids.get(o.id)!;
    const krs = o.krs.map((k) => {
      let kid = id !== o.id && k.id.startsWith(o.id) ? id + k.id.slice(o.id.length) : k.id;
      if (kid === k.id ? clash.has(kid) : used.has(kid)) kid = freeId(kid, used);
      used.add(kid);
      if (kid !== k.id) renamed.push({ from: k.id, to: kid });
      return { ...k, id: kid };
    });
    return { ...o, id, parent: o.parent ? (ids.get(o.parent) ?? o.parent) : '', krs };
  });
  return { objectives, renamed };
}

export interface HistoryRow {
  date: DayNumber;
  quarter: string;
  objectiveId: string;
  title: string;
  owner: string;
  level: string;
  score: number | '';
  computedGrade: Grade | '';
  grade: Grade | '';
  confidence: number | '';
  wentWell: string;
  toImprove: string;
  decision: Decision;
  reviewId: string;
}

export function historyRows(
  summary: ReviewSummary,
  answers: ReadonlyMap<string, Answer>,
  reviewId: string,
  today: DayNumber,
): HistoryRow[] {
  return summary.objectives.map((o) => {
    const a = answers.get(o.id) ?? defaultAnswer(o);
    return {
      date: today,
      quarter: summary.quarter,
      objectiveId: o.id,
      title: o.title,
      owner: o.owner,
      level: o.level ?? '',
      score: o.score ?? '',
      computedGrade: o.grade ?? '',
      grade: a.grade,
      confidence: o.confidence ?? '',
      wentWell: a.wentWell,
      toImprove: a.toImprove,
      decision: a.decision,
      reviewId,
    };
  });
}
