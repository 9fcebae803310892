import { type RollupRow, rollup, Tree } from './alignment';
import { InputError } from './errors';
import type { KrRead, ObjectiveRead } from './read-quarter';
import { clamp01, DEFAULT_SUCCESS, paceStatus, progressOf, weightedMean } from './score';
import type { Grade, PaceStatus } from './words';

/** A KR's score from its values as read (the sheet's KR_SCORE, computed again here). */
export function krScoreOf(kr: KrRead): number | undefined {
  if (kr.current === undefined) return undefined;
  if (kr.type === 'milestone') {
    if (typeof kr.current === 'boolean') return kr.current ? 1 : 0;
    if (kr.target !== undefined) return kr.current >= kr.target ? 1 : 0;
    return kr.current === 1 ? 1 : kr.current === 0 ? 0 : undefined;
  }
  if (typeof kr.current === 'boolean' || kr.target === undefined) return undefined;
  const start = kr.start ?? 0;
  const type = kr.type ?? (kr.target >= start ? 'increase' : 'decrease');
  try {
    return clamp01(progressOf(type, start, kr.target, kr.current, kr.start === undefined));
  } catch (e) {
    if (e instanceof InputError) return undefined;
    throw e;
  }
}

/** The weighted mean of an objective's KR scores (the sheet's OKR_SCORE with groups). */
export function ownScore(o: ObjectiveRead): number | undefined {
  const items = o.krs.flatMap((kr) => {
    const s = krScoreOf(kr);
    return s === undefined ? [] : [{ value: s, weight: kr.weight }];
  });
  try {
    const m = weightedMean(items);
    return m === '' ? undefined : m;
  } catch {
    return undefined;
  }
}

/** Each objective's score with its aligned children (the sheet's OKR_ROLLUP). */
export function objectiveScores(objectives: readonly ObjectiveRead[]): Map<string, number | undefined> {
  const tree = new Tree(
    objectives.map((o) => o.id),
    objectives.map((o) => o.parent),
  );
  const rows: RollupRow[] = objectives.map((o) => ({ score: ownScore(o) ?? '', weight: 1 }));
  const out = rollup(tree, rows);
  return new Map(
    objectives.map((o, i) => [o.id, typeof out[i] === 'number' ? (out[i] as number) : undefined]),
  );
}

export function gradeOf(score: number, committed: boolean): Grade {
  const [green, yellow] = committed ? [1, 0.7] : [0.7, 0.4];
  return score >= green ? 'green' : score >= yellow ? 'yellow' : 'red';
}

export interface Pace {
  actual: number;
  expected: number;
  status: PaceStatus;
}

export function paceOf(score: number, elapsed: number, committed: boolean): Pace {
  const target = committed ? 1 : DEFAULT_SUCCESS;
  return {
    actual: score,
    expected: Number((target * elapsed).toFixed(4)),
    status: paceStatus(score, elapsed, target),
  };
}

/** The lowest confidence among an objective's KRs: the objective is as sure as its least sure KR. */
export function confidenceOf(o: ObjectiveRead): number | undefined {
  const all = o.krs.flatMap((k) => (k.confidence === undefined ? [] : [k.confidence]));
  return all.length ? Math.min(...all) : undefined;
}
