import {
  alignmentLinks,
  alignmentShare,
  type Link,
  readId,
  readLevel,
  rollup,
  Tree,
} from '../core/alignment';
import { InputError, isUpstream } from '../core/errors';
import type { Lang } from '../core/i18n';
import { inArg, readScore, readWeight } from '../core/score';
import { word, wordWith } from '../core/words';
import { at, type Call, cellsOf, type FunctionSpec, type Grid, type Out, whereIs } from './define';

const idParams = [
  { name: 'ids', type: 'Array<Array<string>>', help: { en: 'Objective ids.', fr: 'Ids des objectifs.' } },
  {
    name: 'parent_ids',
    type: 'Array<Array<string>>',
    help: {
      en: 'Id of each objective’s parent (blank: none).',
      fr: 'Id de l’objectif parent de chacun (vide : aucun).',
    },
  },
] as const;

const levelsParam = {
  name: 'levels',
  type: 'Array<Array<string>>',
  optional: true,
  help: {
    en: 'Level of each objective: company, department, team or individual (the highest present is the top).',
    fr: 'Niveau de chaque objectif : entreprise, département, équipe ou individuel (le plus haut présent est le sommet).',
  },
} as const;

/** The rows of a call on objectives, in reading order. */
function objectives(args: readonly (Grid | undefined)[]) {
  let rows = 1;
  let cols = 1;
  for (const g of args) {
    rows = Math.max(rows, g?.length ?? 1);
    cols = Math.max(cols, g?.[0]?.length ?? 1);
  }
  const cells = cellsOf(args[0]!, rows, cols);
  // a row whose id or parent id holds another function's error shows that error (the tree sees a blank)
  const upstream: (InputError | undefined)[] = new Array(cells.length);
  const id = (g: Grid | undefined, k: number): string => {
    const { r, c } = cells[k]!;
    try {
      return readId(at(g, r, c));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      upstream[k] ??= e;
      return '';
    }
  };
  const ids = cells.map((_, k) => id(args[0], k));
  const tree = new Tree(
    ids,
    cells.map((_, k) => id(args[1], k)),
  );
  return { rows, cols, cells, tree, upstream };
}

function shaped<T>(rows: number, cols: number, values: readonly T[]): T[][] {
  return Array.from({ length: rows }, (_, r) => values.slice(r * cols, (r + 1) * cols));
}

export const OKR_ROLLUP: FunctionSpec = {
  name: 'OKR_ROLLUP',
  summary: {
    en: 'Each objective’s score rolled up with its aligned children (weighted mean of its own score and theirs).',
    fr: 'Score de chaque objectif consolidé avec ses objectifs enfants (moyenne pondérée du sien et des leurs).',
  },
  returns: { en: 'A column of scores from 0 to 1.', fr: 'Une colonne de scores de 0 à 1.' },
  returnType: 'Array<Array<number>>',
  params: [
    ...idParams,
    {
      name: 'scores',
      type: 'Array<Array<number>>',
      help: {
        en: 'Each objective’s own score (may be blank).',
        fr: 'Score propre de chaque objectif (peut être vide).',
      },
    },
    {
      name: 'weights',
      type: 'Array<Array<number>>',
      optional: true,
      help: {
        en: 'Weight of each objective in its parent (blank = 1).',
        fr: 'Poids de chaque objectif dans son parent (vide = 1).',
      },
    },
  ],
  example: '=OKR_ROLLUP(A2:A, E2:E, F2:F)',
  result: 'common',
  run(args, call) {
    const { rows, cols, cells, tree, upstream } = objectives(args);
    // the row each upstream error entered by: a parent showing its child's names that row
    const origin = new Map<InputError, number>();
    const read = <T>(k: number, value: () => T): T | InputError => {
      const v = attempt(value);
      if (isUpstream(v) && !origin.has(v)) origin.set(v, k);
      return v;
    };
    const rollRows = cells.map(({ r, c }, k) => ({
      score: read(k, (): number | '' => inArg('scores', () => readScore(at(args[2], r, c))) ?? ''),
      weight: read(k, () => inArg('weights', () => readWeight(at(args[3], r, c)))),
    }));
    const out = rollup(tree, rollRows).map((v, k): Out => {
      const e = upstream[k] ?? v;
      if (!(e instanceof InputError)) return v as Out;
      const from = origin.get(e);
      if (from === undefined || from === k) return call.fail(e);
      return call.fail(e, whereIs(cells[from]!.r, cells[from]!.c, cols, call.lang()));
    });
    return call.single ? out[0]! : shaped(rows, cols, out);
  },
};

function attempt<T>(read: () => T): T | InputError {
  try {
    return read();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
}

function links(args: readonly (Grid | undefined)[]) {
  const o = objectives(args);
  const levels = args[2] ? o.cells.map(({ r, c }) => attempt(() => readLevel(at(args[2], r, c)))) : undefined;
  const ls = alignmentLinks(o.tree, levels);
  return { ...o, links: ls.map((l, k) => o.upstream[k] ?? l) };
}

export function linkText(l: Link, lang: Lang): string {
  switch (l.kind) {
    case 'broken':
      return wordWith('broken', l.id, lang);
    case 'cycle':
      return wordWith('cycle', l.path, lang);
    default:
      return word(l.kind, lang);
  }
}

export const OKR_ALIGNED: FunctionSpec = {
  name: 'OKR_ALIGNED',
  summary: {
    en: 'Where each objective’s chain of parents ends: top, aligned, orphan, broken: X or cycle: a → b → a.',
    fr: 'Où mène la chaîne des parents de chaque objectif : sommet, aligné, orphelin, rompu : X ou cycle : a → b → a.',
  },
  returns: { en: 'A column of link states.', fr: 'Une colonne d’états de lien.' },
  returnType: 'Array<Array<string>>',
  params: [...idParams, levelsParam],
  example: '=OKR_ALIGNED(A2:A, E2:E, C2:C)',
  result: 'common',
  run(args, call) {
    const { rows, cols, links: ls } = links(args);
    const out = ls.map(
      (l): Out => (l === '' ? '' : l instanceof InputError ? call.fail(l) : linkText(l, call.lang())),
    );
    return call.single ? out[0]! : shaped(rows, cols, out);
  },
};

export const OKR_ALIGNMENT: FunctionSpec = {
  name: 'OKR_ALIGNMENT',
  summary: {
    en: 'Share of the objectives below the top level whose chain of parents reaches the top.',
    fr: 'Part des objectifs sous le niveau le plus haut dont la chaîne de parents atteint le sommet.',
  },
  returns: { en: 'A share from 0 to 1.', fr: 'Une part de 0 à 1.' },
  returnType: 'number',
  params: [...idParams, levelsParam],
  example: '=OKR_ALIGNMENT(A2:A, E2:E, C2:C)',
  result: 'one',
  run(args, call: Call) {
    const { cols, cells, links: ls } = links(args);
    const bad = ls.findIndex((l) => l instanceof InputError);
    if (bad >= 0) {
      const { r, c } = cells[bad]!;
      return call.fail(ls[bad], call.single ? undefined : whereIs(r, c, cols, call.lang()));
    }
    return alignmentShare(ls as (Link | '')[]);
  },
};
