import { alignmentLinks, alignmentShare, idOf, type Link, readLevel, rollup, Tree } from '../core/alignment';
import { InputError } from '../core/errors';
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
  const ids = args[0]!;
  const rows = Math.max(...args.map((g) => g?.length ?? 1));
  const cols = Math.max(...args.map((g) => g?.[0]?.length ?? 1));
  const cells = cellsOf(ids, rows, cols);
  const tree = new Tree(
    cells.map((x) => idOf(x.cell)),
    cells.map(({ r, c }) => idOf(at(args[1], r, c))),
  );
  return { rows, cols, cells, tree };
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
    const { rows, cols, cells, tree } = objectives(args);
    const rollRows = cells.map(({ r, c }) => ({
      score: attempt((): number | '' => inArg('scores', () => readScore(at(args[2], r, c))) ?? ''),
      weight: attempt(() => inArg('weights', () => readWeight(at(args[3], r, c)))),
    }));
    const out = rollup(tree, rollRows).map((v): Out => (v instanceof InputError ? call.fail(v) : v));
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
  return { ...o, links: alignmentLinks(o.tree, levels) };
}

export function linkText(l: Link, lang: Lang): string {
  switch (l.kind) {
    case 'broken':
      return wordWith('broken', l.id, lang);
    case 'cycle':
      return wordWith('cycle', l.path.join(' → '), lang);
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
