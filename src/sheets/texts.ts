import type { Lang, Text } from '../core/i18n';
import { DECISIONS, DIRECTIONS, KR_TYPES, LEVELS, type Level } from '../core/words';

/** The words a dropdown offers: the canonical names in English, their first French name in French. */
function choices<K extends string>(
  vocab: Record<K, readonly string[]>,
  lang: Lang,
  keys?: readonly K[],
): string[] {
  return (keys ?? (Object.keys(vocab) as K[])).map((k) => (lang === 'en' ? vocab[k][0]! : vocab[k][1]!));
}

export const dropdowns = {
  krTypes: (lang: Lang) => choices(KR_TYPES, lang),
  levels: (lang: Lang, used?: readonly Level[]) => choices(LEVELS, lang, used),
  directions: (lang: Lang) => choices(DIRECTIONS, lang),
  decisions: (lang: Lang) => choices(DECISIONS, lang),
};

/** Names of the sheets the add-on inserts. */
export const SHEET_NAMES = {
  quarter: (label: string, lang: Lang) => (lang === 'fr' ? `OKR ${label}` : `OKR ${label}`),
  kpis: { en: 'KPI dashboard', fr: 'Tableau de bord KPI' },
  checkins: { en: 'Check-ins', fr: 'Suivi' },
  reviews: { en: 'Reviews', fr: 'Revues' },
  alignment: { en: 'Alignment', fr: 'Alignement' },
} as const;

/** Labels of the quarter sheet's first row (its settings and totals). */
export const QUARTER_META = {
  quarter: { en: 'Quarter', fr: 'Trimestre' },
  asOf: { en: 'As of', fr: 'Au' },
  elapsed: { en: 'Elapsed', fr: 'Écoulé' },
  fiscalStart: { en: 'Fiscal year starts (month)', fr: 'Début d’exercice (mois)' },
  ends: { en: 'Quarter ends', fr: 'Fin du trimestre' },
  overall: { en: 'Overall score', fr: 'Score global' },
} satisfies Record<string, Text>;

export const NOTES = {
  asOf: {
    en: 'The date pace and status are computed from. Check-ins and the review move it; you may edit it.',
    fr: 'La date à laquelle le rythme et l’état sont calculés. Les points de suivi et la revue la déplacent\u00a0; vous pouvez la modifier.',
  },
  formulaColumn: {
    en: 'Computed by the add-on’s functions: one formula at the top of the column fills it.',
    fr: 'Calculé par les fonctions du module\u00a0: une seule formule en haut de la colonne la remplit.',
  },
} satisfies Record<string, Text>;

export const PROTECTION_NOTE = {
  en: 'OKR & KPI: computed columns (editing them breaks the formulas)',
  fr: 'OKR & KPI\u00a0: colonnes calculées (les modifier casse les formules)',
} satisfies Text;
