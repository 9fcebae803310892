import { readId } from '../core/alignment';
import { InputError } from '../core/errors';
import { krProgress, krScore, okrGrade, okrStatus, readScore, readWeight, tidy } from '../core/score';
import { word } from '../core/words';
import { at, type FunctionSpec, type Out, perCell, readArg, whereIs } from './define';

const krParams = [
  { name: 'start' },
  { name: 'target' },
  { name: 'current' },
  { name: 'type', optional: true },
] as const;

export const KR_SCORE: FunctionSpec = {
  name: 'KR_SCORE',
  summary: { en: 'Score of a key result, from 0 to 1.', fr: 'Score d’un résultat clé, de 0 à 1.' },
  params: krParams,
  result: 'common',
  run: perCell(([start, target, current, type]) => krScore({ start, target, current, type })),
};

export const KR_PROGRESS: FunctionSpec = {
  name: 'KR_PROGRESS',
  summary: {
    en: 'Progress of a key result, like KR_SCORE but not capped (1.2 = 120\u00a0%).',
    fr: 'Avancement d’un résultat clé, comme KR_SCORE mais sans plafond (1,2 = 120\u00a0%).',
  },
  params: krParams,
  result: 'common',
  run: perCell(([start, target, current, type]) => krProgress({ start, target, current, type })),
};

export const OKR_SCORE: FunctionSpec = {
  name: 'OKR_SCORE',
  summary: {
    en: 'Weighted mean of key-result scores: one objective, or each row’s objective when groups are given.',
    fr: 'Moyenne pondérée des scores des résultats clés\u00a0: un objectif, ou l’objectif de chaque ligne avec groups.',
  },
  params: [{ name: 'scores' }, { name: 'weights', optional: true }, { name: 'groups', optional: true }],
  result: (shapes) => (shapes[2] ? resultOfGroups(shapes) : [1, 1]),
  run(args, call) {
    const [scores, weights, groups] = args as [NonNullable<(typeof args)[0]>, ...typeof args];
    const rows = Math.max(scores.length, groups?.length ?? 1, weights?.length ?? 1);
    const cols = Math.max(scores[0]!.length, groups?.[0]?.length ?? 1, weights?.[0]?.length ?? 1);
    const n = rows * cols;
    // each cell (k = r × cols + c) as columns, no object per cell: its score (NaN: blank), its
    // weight, or the error reading them
    const value = new Float64Array(n);
    const weight = new Float64Array(n);
    const errors: unknown[] = [];
    for (let k = 0; k < n; k++) {
      const r = (k / cols) | 0;
      const c = k % cols;
      try {
        const score = readArg(readScore, at(scores, r, c), 'scores');
        value[k] = score ?? Number.NaN;
        if (score !== undefined) weight[k] = readArg(readWeight, at(weights, r, c), 'weights');
      } catch (e) {
        errors[k] = e;
        value[k] = Number.NaN;
      }
    }
    const where = (k: number) => whereIs((k / cols) | 0, k % cols, cols, call.lang());
    // each cell's group (-1: none), and per group its first bad cell and its mean
    const group = new Int32Array(n);
    const keyErrors: InputError[] = [];
    let count = 1;
    if (groups) {
      const byId = new Map<string, number>();
      count = 0;
      for (let k = 0; k < n; k++) {
        let key: string;
        try {
          key = readId(at(groups, (k / cols) | 0, k % cols));
        } catch (e) {
          // the error another function left in that cell
          if (!(e instanceof InputError)) throw e;
          keyErrors[k] = e;
          group[k] = -1;
          continue;
        }
        if (key === '') {
          group[k] = -1;
          continue;
        }
        let g = byId.get(key);
        if (g === undefined) {
          g = count++;
          byId.set(key, g);
        }
        group[k] = g;
      }
    }
    const results = groupMeans(n, count, group, value, weight, errors, (k, e) =>
      call.fail(e, call.single ? undefined : where(k)),
    );
    const total = (g: number): Out => {
      const m = results[g]!;
      return m instanceof InputError ? call.fail(m) : m;
    };
    if (!groups) return total(0);
    const out: Out[][] = new Array(rows);
    for (let r = 0; r < rows; r++) out[r] = new Array<Out>(cols).fill('');
    for (let k = 0; k < n; k++) {
      const r = (k / cols) | 0;
      const c = k % cols;
      const g = group[k]!;
      if (keyErrors[k]) out[r]![c] = call.fail(keyErrors[k]);
      else if (g >= 0) out[r]![c] = total(g);
      else if (k in errors || !Number.isNaN(value[k]!)) {
        out[r]![c] = call.fail(new InputError('required', {}, 'groups'));
      }
    }
    return call.single ? out[0]![0]! : out;
  },
};

/**
 * The weighted mean of each group (weightedMean's arithmetic: weights over the largest, compensated
 * sums), in two passes over the cells whatever the groups' sizes: a group of 100,000 KRs costs what
 * 25,000 groups of 4 do. A group with a bad cell gets `bad(k, error)` for its first one.
 */
function groupMeans(
  n: number,
  count: number,
  group: Int32Array,
  value: Float64Array,
  weight: Float64Array,
  errors: readonly unknown[],
  bad: (k: number, e: unknown) => Out,
): (Out | InputError)[] {
  const firstBad = new Int32Array(count).fill(-1);
  const scored = new Int32Array(count);
  const top = new Float64Array(count);
  for (let k = 0; k < n; k++) {
    const g = group[k]!;
    if (g < 0) continue;
    if (k in errors) {
      if (firstBad[g]! < 0) firstBad[g] = k;
    } else if (!Number.isNaN(value[k]!)) {
      scored[g]!++;
      if (weight[k]! > top[g]!) top[g] = weight[k]!;
    }
  }
  // Neumaier sums of w·s and of w per group: each sum and the rounding errors it dropped
  const sum = new Float64Array(count);
  const sumC = new Float64Array(count);
  const tot = new Float64Array(count);
  const totC = new Float64Array(count);
  for (let k = 0; k < n; k++) {
    const g = group[k]!;
    if (g < 0 || firstBad[g]! >= 0 || Number.isNaN(value[k]!) || top[g] === 0) continue;
    const w = weight[k]! / top[g]!;
    const x = value[k]! * w;
    let t = sum[g]! + x;
    sumC[g]! += Math.abs(sum[g]!) >= Math.abs(x) ? sum[g]! - t + x : x - t + sum[g]!;
    sum[g] = t;
    t = tot[g]! + w;
    totC[g]! += Math.abs(tot[g]!) >= Math.abs(w) ? tot[g]! - t + w : w - t + tot[g]!;
    tot[g] = t;
  }
  const out: (Out | InputError)[] = new Array(count);
  for (let g = 0; g < count; g++) {
    if (firstBad[g]! >= 0) out[g] = bad(firstBad[g]!, errors[firstBad[g]!]);
    else if (scored[g] === 0) out[g] = '';
    else if (top[g] === 0) out[g] = new InputError('zeroWeights');
    else out[g] = tidy((sum[g]! + sumC[g]!) / (tot[g]! + totC[g]!));
  }
  return out;
}

function resultOfGroups(shapes: Parameters<Exclude<FunctionSpec['result'], string>>[0]) {
  const big = shapes.find((s) => s && !(s[0] === 1 && s[1] === 1));
  return big ?? ([1, 1] as const);
}

export const OKR_GRADE: FunctionSpec = {
  name: 'OKR_GRADE',
  summary: {
    en: 'Grade of a score: green, yellow or red (aspirational: 0.7 is success; committed: 1).',
    fr: 'Note d’un score\u00a0: vert, jaune ou rouge (ambitieux\u00a0: 0,7 est un succès\u00a0; engagé\u00a0: 1).',
  },
  params: [{ name: 'score' }, { name: 'committed', optional: true }],
  result: 'common',
  run: perCell(([score, committed], call) => {
    const g = okrGrade(score, committed);
    return g === '' ? '' : word(g, call.lang());
  }),
};

export const OKR_STATUS: FunctionSpec = {
  name: 'OKR_STATUS',
  summary: {
    en: 'Pace of a score given the share of the quarter elapsed: achieved, on track, at risk or off track.',
    fr: 'Rythme d’un score selon la part du trimestre écoulée\u00a0: atteint, en bonne voie, à risque ou en retard.',
  },
  params: [{ name: 'score' }, { name: 'elapsed' }, { name: 'target', optional: true }],
  result: 'common',
  run: perCell(([score, elapsed, target], call) => {
    const s = okrStatus(score, elapsed, target);
    return s === '' ? '' : word(s, call.lang());
  }),
};
