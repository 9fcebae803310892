import type { Vocabulary } from './cells';
import type { Lang } from './i18n';

/** Input words, English then French. Matching ignores case, accents, '_' and '-'. */
export const KR_TYPES = {
  increase: ['increase', 'augmenter'],
  decrease: ['decrease', 'diminuer'],
  at_least: ['at_least', 'au_moins'],
  at_most: ['at_most', 'au_plus'],
  milestone: ['milestone', 'jalon'],
} as const satisfies Vocabulary<string>;
export type KrType = keyof typeof KR_TYPES;

export const LEVELS = {
  company: ['company', 'entreprise', 'direction'],
  department: ['department', 'département', 'service'],
  team: ['team', 'équipe'],
  individual: ['individual', 'individuel'],
} as const satisfies Vocabulary<string>;
export type Level = keyof typeof LEVELS;
export const LEVEL_RANK: Record<Level, number> = { company: 0, department: 1, team: 2, individual: 3 };

export const DIRECTIONS = {
  higher: ['higher', 'hausse'],
  lower: ['lower', 'baisse'],
} as const satisfies Vocabulary<string>;
export type Direction = keyof typeof DIRECTIONS;

export const COMMITMENTS = {
  committed: ['committed', 'engagé'],
  aspirational: ['aspirational', 'ambitieux'],
} as const satisfies Vocabulary<string>;
export type Commitment = keyof typeof COMMITMENTS;

export const MILESTONE_STATES = {
  done: ['done', 'fait', 'yes', 'oui'],
  todo: ['no', 'non', 'todo', 'à faire'],
} as const satisfies Vocabulary<string>;

export const DECISIONS = {
  carry_over: ['carry over', 'reporter'],
  close: ['close', 'clore'],
  drop: ['drop', 'abandonner'],
} as const satisfies Vocabulary<string>;
export type Decision = keyof typeof DECISIONS;

/** Words the add-on writes, in each language. */
const OUTPUT = {
  green: { en: 'green', fr: 'vert' },
  yellow: { en: 'yellow', fr: 'jaune' },
  red: { en: 'red', fr: 'rouge' },
  achieved: { en: 'achieved', fr: 'atteint' },
  on_track: { en: 'on track', fr: 'en bonne voie' },
  at_risk: { en: 'at risk', fr: 'à risque' },
  off_track: { en: 'off track', fr: 'en retard' },
  top: { en: 'top', fr: 'sommet' },
  aligned: { en: 'aligned', fr: 'aligné' },
  orphan: { en: 'orphan', fr: 'orphelin' },
  broken: { en: 'broken', fr: 'rompu' },
  cycle: { en: 'cycle', fr: 'cycle' },
  improving: { en: 'improving', fr: 'en amélioration' },
  worsening: { en: 'worsening', fr: 'en dégradation' },
  stable: { en: 'stable', fr: 'stable' },
} as const;
export type OutputWord = keyof typeof OUTPUT;
export type Grade = 'green' | 'yellow' | 'red';
export type PaceStatus = 'achieved' | 'on_track' | 'at_risk' | 'off_track';
export type Trend = 'improving' | 'worsening' | 'stable';

export function word(key: OutputWord, lang: Lang): string {
  return OUTPUT[key][lang];
}

/** "broken: X" / "rompu : X": a word followed by what it is about. */
export function wordWith(key: OutputWord, detail: string, lang: Lang): string {
  return `${word(key, lang)}${lang === 'fr' ? '\u00a0: ' : ': '}${detail}`;
}
