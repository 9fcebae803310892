/**
 * What Sheets' autocomplete shows of each custom function (the JSDoc of its stub in dist/Code.js)
 * and the README's reference: parameter help and types, what it returns, an example. Build-time
 * only: scripts/stubs.ts and scripts/docs.ts read it with the registry (names, summaries, rules);
 * the bundle never imports it (test/bundle checks), so Code.js carries the help once, in the stubs'
 * comments, and its code stays small (it is parsed for every custom-function call).
 */
import type { Text } from '../core/i18n';
import type { FunctionSpec } from './define';

export interface ParamHelp extends Text {
  /** JSDoc type shown by Sheets' autocomplete. */
  readonly type: string;
}

export interface FunctionHelp {
  readonly returns: Text;
  readonly returnType: string;
  /** A formula as a template writes it. */
  readonly example: string;
  /** Per parameter name, in the registry's order. */
  readonly params: Readonly<Record<string, ParamHelp>>;
}

const KR_PARAMS = {
  start: {
    type: 'number|Array<Array<number>>',
    en: 'Value when the quarter began (blank = 0).',
    fr: 'Valeur au début du trimestre (vide = 0).',
  },
  target: {
    type: 'number|Array<Array<number>>',
    en: 'Value to reach by the end of the quarter.',
    fr: 'Valeur à atteindre en fin de trimestre.',
  },
  current: {
    type: 'number|Array<Array<number>>',
    en: 'Value measured now (blank = no score yet).',
    fr: 'Valeur mesurée aujourd’hui (vide = pas encore de score).',
  },
  type: {
    type: 'string|Array<Array<string>>',
    en: 'increase, decrease, at_least, at_most or milestone (blank: from start and target).',
    fr: 'augmenter, diminuer, au_moins, au_plus ou jalon (vide\u00a0: déduit du départ et de la cible).',
  },
};

const ID_PARAMS = {
  ids: { type: 'Array<Array<string>>', en: 'Objective ids.', fr: 'Ids des objectifs.' },
  parent_ids: {
    type: 'Array<Array<string>>',
    en: 'Id of each objective’s parent (blank: none).',
    fr: 'Id de l’objectif parent de chacun (vide\u00a0: aucun).',
  },
};

const LEVELS_PARAM: ParamHelp = {
  type: 'Array<Array<string>>',
  en: 'Level of each objective: company, department, team or individual (the highest present is the top).',
  fr: 'Niveau de chaque objectif\u00a0: entreprise, département, équipe ou individuel (le plus haut présent est le sommet).',
};

export const HELP: Readonly<Record<string, FunctionHelp>> = {
  KR_SCORE: {
    returns: {
      en: 'A score from 0 to 1, or blank when current is blank.',
      fr: 'Un score de 0 à 1, ou vide si la valeur actuelle est vide.',
    },
    returnType: 'number|Array<Array<number>>',
    example: '=KR_SCORE(J2:J, K2:K, L2:L, I2:I)',
    params: KR_PARAMS,
  },
  KR_PROGRESS: {
    returns: {
      en: 'A share of the way from start to target, or blank.',
      fr: 'La part du chemin du départ à la cible, ou vide.',
    },
    returnType: 'number|Array<Array<number>>',
    example: '=KR_PROGRESS(J2:J, K2:K, L2:L, I2:I)',
    params: KR_PARAMS,
  },
  OKR_SCORE: {
    returns: {
      en: 'A score from 0 to 1 (a column of them with groups), or blank.',
      fr: 'Un score de 0 à 1 (une colonne avec groups), ou vide.',
    },
    returnType: 'number|Array<Array<number>>',
    example: '=OKR_SCORE(M2:M, H2:H, A2:A)',
    params: {
      scores: {
        type: 'Array<Array<number>>',
        en: 'KR scores, 0 to 1.',
        fr: 'Scores des résultats clés, de 0 à 1.',
      },
      weights: {
        type: 'Array<Array<number>>',
        en: 'Weight of each KR (blank = 1).',
        fr: 'Poids de chaque résultat clé (vide = 1).',
      },
      groups: {
        type: 'Array<Array<string>>',
        en: 'Objective id of each KR row: gives each row its objective’s score.',
        fr: 'Id de l’objectif de chaque ligne\u00a0: donne à chaque ligne le score de son objectif.',
      },
    },
  },
  OKR_GRADE: {
    returns: {
      en: 'green, yellow or red (in the spreadsheet’s language).',
      fr: 'vert, jaune ou rouge (dans la langue du classeur).',
    },
    returnType: 'string|Array<Array<string>>',
    example: '=OKR_GRADE(N2:N, F2:F)',
    params: {
      score: {
        type: 'number|Array<Array<number>>',
        en: 'A score (0 to 1; above 1 is fine).',
        fr: 'Un score (0 à 1\u00a0; au-delà de 1 accepté).',
      },
      committed: {
        type: 'boolean|string|Array<Array<boolean>>',
        en: 'TRUE or committed for a committed OKR; blank, FALSE or aspirational otherwise.',
        fr: 'VRAI ou engagé pour un OKR engagé\u00a0; vide, FAUX ou ambitieux sinon.',
      },
    },
  },
  OKR_STATUS: {
    returns: {
      en: 'achieved, on track, at risk or off track.',
      fr: 'atteint, en bonne voie, à risque ou en retard.',
    },
    returnType: 'string|Array<Array<string>>',
    example: '=OKR_STATUS(N2:N, $C$1)',
    params: {
      score: { type: 'number|Array<Array<number>>', en: 'The score now.', fr: 'Le score actuel.' },
      elapsed: {
        type: 'number|Array<Array<number>>',
        en: 'Share of the quarter elapsed, 0 to 1 (see QUARTER_PROGRESS).',
        fr: 'Part du trimestre écoulée, de 0 à 1 (voir QUARTER_PROGRESS).',
      },
      target: {
        type: 'number|Array<Array<number>>',
        en: 'Score that counts as success (blank = 0.7).',
        fr: 'Score qui vaut succès (vide = 0,7).',
      },
    },
  },
  OKR_ROLLUP: {
    returns: { en: 'A column of scores from 0 to 1.', fr: 'Une colonne de scores de 0 à 1.' },
    returnType: 'Array<Array<number>>',
    example: '=OKR_ROLLUP(A2:A, E2:E, F2:F)',
    params: {
      ...ID_PARAMS,
      scores: {
        type: 'Array<Array<number>>',
        en: 'Each objective’s own score (may be blank).',
        fr: 'Score propre de chaque objectif (peut être vide).',
      },
      weights: {
        type: 'Array<Array<number>>',
        en: 'Weight of each objective in its parent (blank = 1).',
        fr: 'Poids de chaque objectif dans son parent (vide = 1).',
      },
    },
  },
  OKR_ALIGNMENT: {
    returns: { en: 'A share from 0 to 1.', fr: 'Une part de 0 à 1.' },
    returnType: 'number',
    example: '=OKR_ALIGNMENT(A2:A, E2:E, C2:C)',
    params: { ...ID_PARAMS, levels: LEVELS_PARAM },
  },
  OKR_ALIGNED: {
    returns: { en: 'A column of link states.', fr: 'Une colonne d’états de lien.' },
    returnType: 'Array<Array<string>>',
    example: '=OKR_ALIGNED(A2:A, E2:E, C2:C)',
    params: { ...ID_PARAMS, levels: LEVELS_PARAM },
  },
  KPI_STATUS: {
    returns: {
      en: 'green, yellow or red, or blank when value is blank.',
      fr: 'vert, jaune ou rouge, ou vide si la valeur est vide.',
    },
    returnType: 'string|Array<Array<string>>',
    example: '=KPI_STATUS(Q2:Q, F2:F, G2:G)',
    params: {
      value: {
        type: 'number|Array<Array<number>>',
        en: 'The KPI’s latest value.',
        fr: 'La dernière valeur du KPI.',
      },
      green_at: {
        type: 'number|Array<Array<number>>',
        en: 'Value from which it is green.',
        fr: 'Valeur à partir de laquelle il est vert.',
      },
      red_at: {
        type: 'number|Array<Array<number>>',
        en: 'Value from which it is red.',
        fr: 'Valeur à partir de laquelle il est rouge.',
      },
    },
  },
  KPI_TREND: {
    returns: {
      en: 'A column: improving, worsening, stable, or blank (fewer than 2 values).',
      fr: 'Une colonne\u00a0: en amélioration, en dégradation, stable, ou vide (moins de 2 valeurs).',
    },
    returnType: 'Array<Array<string>>',
    example: '=KPI_TREND(L2:Q, E2:E, ARRAYFORMULA(G2:G - H2:H))',
    params: {
      values: {
        type: 'Array<Array<number>>',
        en: 'The series, one row per KPI.',
        fr: 'Les séries, une ligne par KPI.',
      },
      direction: {
        type: 'string|Array<Array<string>>',
        en: 'higher (default) or lower is better; one cell or one per row.',
        fr: 'hausse (par défaut) ou baisse est mieux\u00a0; une cellule ou une par ligne.',
      },
      scale: {
        type: 'number|Array<Array<number>>',
        en: 'What a change is judged against, e.g. the gap between the KPI’s green and red thresholds: stable when the slope per period is under 1% of it. Without it (or blank or 0), under 1% of the mean size of the values. One cell or one per row.',
        fr: 'Ce à quoi un changement est comparé, par exemple l’écart entre les seuils vert et rouge du KPI\u00a0: stable quand la pente par période est sous 1\u00a0% de cet écart. Sans elle (ou vide ou 0), sous 1\u00a0% de la taille moyenne des valeurs. Une cellule ou une par ligne.',
      },
    },
  },
  KPI_LATEST: {
    returns: {
      en: 'A column of values, blank for a row with none.',
      fr: 'Une colonne de valeurs, vide pour une ligne sans valeur.',
    },
    returnType: 'Array<Array<number>>',
    example: '=KPI_LATEST(K3:P)',
    params: {
      values: {
        type: 'Array<Array<number>>',
        en: 'The series, one row per KPI.',
        fr: 'Les séries, une ligne par KPI.',
      },
    },
  },
  QUARTER_PROGRESS: {
    returns: { en: 'A share from 0 to 1.', fr: 'Une part de 0 à 1.' },
    returnType: 'number|Array<Array<number>>',
    example: '=QUARTER_PROGRESS($B$1)',
    params: {
      date: {
        type: 'Date|string',
        en: 'A date, or text like 2026-02-15.',
        fr: 'Une date, ou un texte comme 2026-02-15.',
      },
      fiscal_start_month: {
        type: 'number',
        en: 'Month the fiscal year starts, 1 to 12 (blank = 1, January).',
        fr: 'Mois de début de l’exercice, de 1 à 12 (vide = 1, janvier).',
      },
    },
  },
  KR_FORECAST: {
    returns: {
      en: 'A column of projected scores, blank with fewer than 2 check-ins.',
      fr: 'Une colonne de scores projetés, vide avec moins de 2 points de suivi.',
    },
    returnType: 'Array<Array<number>>',
    example:
      "=KR_FORECAST(G2:G, J2:J, K2:K, I2:I, $B$2, 'Check-ins'!B2:B, 'Check-ins'!A2:A, 'Check-ins'!C2:C)",
    params: {
      kr_ids: { type: 'Array<Array<string>>', en: 'KR ids.', fr: 'Ids des résultats clés.' },
      starts: { type: 'Array<Array<number>>', en: 'Start values.', fr: 'Valeurs de départ.' },
      targets: { type: 'Array<Array<number>>', en: 'Target values.', fr: 'Valeurs cibles.' },
      types: {
        type: 'Array<Array<string>>',
        en: 'KR types (one cell for all, or one per KR).',
        fr: 'Types (une cellule pour tous, ou un par résultat clé).',
      },
      end_date: {
        type: 'Date|Array<Array<Date>>',
        en: 'Date to project to (one cell, or one per KR).',
        fr: 'Date de projection (une cellule, ou une par résultat clé).',
      },
      log_kr_ids: {
        type: 'Array<Array<string>>',
        en: 'Check-in log: KR id of each row.',
        fr: 'Journal de suivi\u00a0: id du résultat clé de chaque ligne.',
      },
      log_dates: {
        type: 'Array<Array<Date>>',
        en: 'Check-in log: dates.',
        fr: 'Journal de suivi\u00a0: dates.',
      },
      log_values: {
        type: 'Array<Array<number>>',
        en: 'Check-in log: values.',
        fr: 'Journal de suivi\u00a0: valeurs.',
      },
    },
  },
};

/** A function's help with each parameter's, in the registry's order; throws where one is missing. */
export function helpOf(spec: FunctionSpec): FunctionHelp & { paramList: (ParamHelp & { name: string })[] } {
  const help = HELP[spec.name];
  if (!help) throw new Error(`src/functions/help.ts: no help for ${spec.name}`);
  const paramList = spec.params.map((p) => {
    const h = help.params[p.name];
    if (!h) throw new Error(`src/functions/help.ts: no help for ${spec.name}'s ${p.name}`);
    return { name: p.name, ...h };
  });
  return { ...help, paramList };
}
