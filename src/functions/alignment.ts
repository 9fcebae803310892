import {
  alignmentLinks,
  alignmentShare,
  type Link,
  readId,
  readLevel,
  rollupColumns,
  Tree,
} from '../core/alignment';
import type { Cell } from '../core/cells';
import { InputError, isUpstream } from '../core/errors';
import type { Lang } from '../core/i18n';
import { render } from '../core/messages';
import { readScore, readWeight } from '../core/score';
import { type Level, word, wordWith } from '../core/words';
import { at, type Call, type FunctionSpec, type Grid, type Out, whereIs } from './define';

const idParams = [{ name: 'ids' }, { name: 'parent_ids' }] as const;

const levelsParam = {
  name: 'levels',
  optional: true,
} as const;

/** The rows of a call on objectives, in reading order (row k sits at r = k ÷ cols, c = k mod cols). */
function objectives(args: readonly (Grid | undefined)[]) {
  let rows = 1;
  let cols = 1;
  for (const g of args) {
    rows = Math.max(rows, g?.length ?? 1);
    cols = Math.max(cols, g?.[0]?.length ?? 1);
  }
  const n = rows * cols;
  // a row whose id or parent id holds another function's error shows that error (the tree sees a blank)
  const upstream: (InputError | undefined)[] = new Array(n);
  const column = (g: Grid | undefined): string[] => {
    const out: string[] = new Array(n);
    for (let k = 0; k < n; k++) {
      try {
        out[k] = readId(at(g, (k / cols) | 0, k % cols));
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        upstream[k] ??= e;
        out[k] = '';
      }
    }
    return out;
  };
  const ids = column(args[0]);
  const tree = new Tree(ids, column(args[1]));
  return { rows, cols, n, tree, upstream };
}

/** Values in reading order as rows of `cols`. */
function shaped<T>(rows: number, cols: number, values: readonly T[]): T[][] {
  const out: T[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const row: T[] = new Array(cols);
    for (let c = 0; c < cols; c++) row[c] = values[r * cols + c]!;
    out[r] = row;
  }
  return out;
}

/** A cell's value read by `read`, or the error reading it (tagged with the argument). */
function readOrError<T>(read: (v: Cell) => T, v: Cell, arg: string): T | InputError {
  try {
    return read(v);
  } catch (e) {
    if (e instanceof InputError) return e.withArg(arg);
    throw e;
  }
}

export const OKR_ROLLUP: FunctionSpec = {
  name: 'OKR_ROLLUP',
  summary: {
    en: 'Each objective’s score rolled up with its aligned children (weighted mean of its own score and theirs).',
    fr: 'Score de chaque objectif consolidé avec ses objectifs enfants (moyenne pondérée du sien et des leurs).',
  },
  params: [...idParams, { name: 'scores' }, { name: 'weights', optional: true }],
  result: 'common',
  run(args, call) {
    const { rows, cols, n, tree, upstream } = objectives(args);
    const scores = new Float64Array(n);
    const weights = new Float64Array(n);
    const errors: (InputError | undefined)[] = new Array(n);
    // the row each upstream error entered by: a parent showing its child's names that row
    const origin = new Map<InputError, number>();
    for (let k = 0; k < n; k++) {
      const r = (k / cols) | 0;
      const c = k % cols;
      const score = readOrError(readScore, at(args[2], r, c), 'scores');
      const weight = readOrError(readWeight, at(args[3], r, c), 'weights');
      if (isUpstream(score) && !origin.has(score)) origin.set(score, k);
      if (isUpstream(weight) && !origin.has(weight)) origin.set(weight, k);
      if (score instanceof InputError) errors[k] = score;
      else if (weight instanceof InputError) errors[k] = weight;
      scores[k] = typeof score === 'number' ? score : Number.NaN;
      weights[k] = typeof weight === 'number' ? weight : 1;
    }
    const rolled = rollupColumns(tree, { scores, weights, errors });
    const out: Out[] = new Array(n);
    for (let k = 0; k < n; k++) {
      const v = rolled[k];
      const e = upstream[k] ?? v;
      if (e === undefined) {
        // a row in a cycle: its text made here, with no error object per row
        const path = tree.cyclePathAt(k)!;
        out[k] = call.single ? call.fail(new InputError('cycle', { path })) : cycleText(path, call.lang());
      } else if (!(e instanceof InputError)) out[k] = e;
      else {
        const from = origin.get(e);
        out[k] =
          from === undefined || from === k
            ? call.fail(e)
            : call.fail(e, whereIs((from / cols) | 0, from % cols, cols, call.lang()));
      }
    }
    return call.single ? out[0]! : shaped(rows, cols, out);
  },
};

/** "#cycle: a → b → a", as a cell shows the cycle error. */
function cycleText(path: string, lang: Lang): string {
  return `#${render('cycle', { path }, lang)}`;
}

function links(args: readonly (Grid | undefined)[]) {
  const o = objectives(args);
  let levels: (Level | InputError)[] | undefined;
  if (args[2]) {
    levels = new Array(o.n);
    for (let k = 0; k < o.n; k++) {
      levels[k] = readOrError(readLevel, at(args[2], (k / o.cols) | 0, k % o.cols), 'levels');
    }
  }
  const ls = alignmentLinks(o.tree, levels);
  for (let k = 0; k < o.n; k++) if (o.upstream[k]) ls[k] = o.upstream[k]!;
  return { ...o, links: ls };
}

export function linkText(l: Link, lang: Lang): string {
  switch (l.kind) {
    case 'broken':
      return wordWith('broken', l.id, lang);
    case 'cycle':
      return wordWith('cycle', l.ring.path(l.from), lang);
    default:
      return word(l.kind, lang);
  }
}

export const OKR_ALIGNED: FunctionSpec = {
  name: 'OKR_ALIGNED',
  summary: {
    en: 'Where each objective’s chain of parents ends: top, aligned, orphan, broken: X or cycle: a → b → a.',
    fr: 'Où mène la chaîne des parents de chaque objectif\u00a0: sommet, aligné, orphelin, rompu\u00a0: X ou cycle\u00a0: a → b → a.',
  },
  params: [...idParams, levelsParam],
  result: 'common',
  run(args, call) {
    const { rows, cols, links: ls } = links(args);
    const text = (l: Link | '' | InputError): Out =>
      l === '' ? '' : l instanceof InputError ? call.fail(l) : linkText(l, call.lang());
    if (call.single) return text(ls[0]!);
    // straight into the result's rows: no list of texts in between
    const out: Out[][] = new Array(rows);
    for (let r = 0; r < rows; r++) {
      const row: Out[] = new Array(cols);
      for (let c = 0; c < cols; c++) row[c] = text(ls[r * cols + c]!);
      out[r] = row;
    }
    return out;
  },
};

export const OKR_ALIGNMENT: FunctionSpec = {
  name: 'OKR_ALIGNMENT',
  summary: {
    en: 'Share of the objectives below the top level whose chain of parents reaches the top.',
    fr: 'Part des objectifs sous le niveau le plus haut dont la chaîne de parents atteint le sommet.',
  },
  params: [...idParams, levelsParam],
  result: 'one',
  run(args, call: Call) {
    const { cols, links: ls } = links(args);
    const bad = ls.findIndex((l) => l instanceof InputError);
    if (bad >= 0) {
      const where = call.single ? undefined : whereIs((bad / cols) | 0, bad % cols, cols, call.lang());
      return call.fail(ls[bad], where);
    }
    return alignmentShare(ls as (Link | '')[]);
  },
};
