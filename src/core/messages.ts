import type { Lang } from './i18n';

/** Values a message may quote; they are shown the way the user would have typed them. */
export type MessageParams = Record<string, unknown>;

type Template = (p: MessageParams, lang: Lang) => string;

/** A number as a user of that language writes it (1.5 / 1,5). */
export function showNumber(n: number, lang: Lang): string {
  const s = String(Math.round(n * 1e9) / 1e9);
  return lang === 'fr' ? s.replace('.', ',') : s;
}

function isDateValue(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** A user's value inside a message: quoted text, TRUE/FALSE, numbers in the reader's style, ISO dates. */
export function showValue(v: unknown, lang: Lang): string {
  if (typeof v === 'number') return showNumber(v, lang);
  // as the sheet shows a boolean in that language
  if (typeof v === 'boolean') return lang === 'fr' ? (v ? 'VRAI' : 'FAUX') : v ? 'TRUE' : 'FALSE';
  if (isDateValue(v)) return Number.isNaN(v.getTime()) ? '?' : v.toISOString().slice(0, 10);
  const s = String(v ?? '');
  const short = s.length > 40 ? `${s.slice(0, 37)}…` : s;
  return lang === 'fr' ? `«\u00a0${short}\u00a0»` : `"${short}"`;
}

const q = (p: MessageParams, k: string, lang: Lang) => showValue(p[k], lang);
/** A parameter as text; a nested message (an InputError) is rendered in the same language. */
const s = (p: MessageParams, l: Lang, k: string): string => {
  const v = p[k];
  if (typeof v === 'object' && v !== null) {
    if ('describe' in v && typeof v.describe === 'function') return v.describe(l);
    if ('text' in v && typeof v.text === 'function') return v.text(l);
  }
  return String(v ?? '');
};

const templates = {
  notANumber: {
    en: (p, l) => `${q(p, 'value', l)} is not a number`,
    fr: (p, l) => `${q(p, 'value', l)} n'est pas un nombre`,
  },
  ambiguousNumber: {
    en: (p, l) => `${q(p, 'value', l)} reads two ways: type ${s(p, l, 'a')} or ${s(p, l, 'b')}`,
    fr: (p, l) =>
      `${q(p, 'value', l)} se lit de deux façons\u00a0: tapez ${s(p, l, 'a').replace('.', ',')} ou ${s(p, l, 'b')}`,
  },
  /** Another function's '#' text, shown as it is (it is already in the spreadsheet's language). */
  upstream: {
    en: (p) => String(p.text).slice(1),
    fr: (p) => String(p.text).slice(1),
  },
  required: {
    en: (_p, _l) => 'blank, a value is needed',
    fr: (_p, _l) => 'vide, une valeur est nécessaire',
  },
  unknownName: {
    en: (p, l) => `${q(p, 'value', l)} is not one of: ${s(p, l, 'accepted')}`,
    fr: (p, l) => `${q(p, 'value', l)} ne fait pas partie de\u00a0: ${s(p, l, 'accepted')}`,
  },
  tooClose: {
    en: (_p, _l) => 'too close to start to measure progress',
    fr: (_p, _l) => 'trop proche du départ pour mesurer un avancement',
  },
  decreaseNeedsStart: {
    en: (_p, _l) => 'a decrease needs a start value',
    fr: (_p, _l) => 'une baisse demande une valeur de départ',
  },
  milestoneValue: {
    en: (p, l) => `${q(p, 'value', l)} is not a milestone value: use TRUE/FALSE, 1/0, done/yes or no/todo`,
    fr: (p, l) =>
      `${q(p, 'value', l)} n'est pas une valeur de jalon\u00a0: utilisez VRAI/FAUX, 1/0, fait/oui ou non/à faire`,
  },
  between: {
    en: (p, l) => `${q(p, 'value', l)} must be between ${s(p, l, 'min')} and ${s(p, l, 'max')}`,
    fr: (p, l) => `${q(p, 'value', l)} doit être entre ${s(p, l, 'min')} et ${s(p, l, 'max')}`,
  },
  belowZero: {
    en: (p, l) => `${q(p, 'value', l)} is below 0`,
    fr: (p, l) => `${q(p, 'value', l)} est inférieur à 0`,
  },
  notAboveZero: {
    en: (p, l) => `${q(p, 'value', l)} must be above 0`,
    fr: (p, l) => `${q(p, 'value', l)} doit être supérieur à 0`,
  },
  zeroWeights: {
    en: (_p, _l) => 'every weight is 0, so no score can be weighted',
    fr: (_p, _l) => 'tous les poids valent 0, aucun score ne peut être pondéré',
  },
  notADate: {
    en: (p, l) => `${q(p, 'value', l)} is not a date (use a date cell or text like 2026-02-15)`,
    fr: (p, l) =>
      `${q(p, 'value', l)} n'est pas une date (utilisez une cellule date ou un texte comme 2026-02-15)`,
  },
  notAMonth: {
    en: (p, l) => `${q(p, 'value', l)} is not a month from 1 to 12`,
    fr: (p, l) => `${q(p, 'value', l)} n'est pas un mois de 1 à 12`,
  },
  duplicateId: {
    en: (p, l) => `duplicate id: ${s(p, l, 'id')}`,
    fr: (p, l) => `id en double\u00a0: ${s(p, l, 'id')}`,
  },
  cycle: {
    en: (p, l) => `cycle: ${s(p, l, 'path')}`,
    fr: (p, l) => `cycle\u00a0: ${s(p, l, 'path')}`,
  },
  childError: {
    en: (p, l) => `child ${s(p, l, 'id')} has an error`,
    fr: (p, l) => `l'objectif enfant ${s(p, l, 'id')} est en erreur`,
  },
  blankId: {
    en: (_p, _l) => 'the id is blank',
    fr: (_p, _l) => "l'id est vide",
  },
  atCell: {
    en: (p, l) => `${s(p, l, 'where')}: ${s(p, l, 'inner')}`,
    fr: (p, l) => `${s(p, l, 'where')}\u00a0: ${s(p, l, 'inner')}`,
  },
  rowN: {
    en: (p, l) => `row ${s(p, l, 'row')}`,
    fr: (p, l) => `ligne ${s(p, l, 'row')}`,
  },
  rowColN: {
    en: (p, l) => `row ${s(p, l, 'row')}, column ${s(p, l, 'col')}`,
    fr: (p, l) => `ligne ${s(p, l, 'row')}, colonne ${s(p, l, 'col')}`,
  },
  checkInRow: {
    en: (p, l) => `check-in row ${s(p, l, 'row')}`,
    fr: (p, l) => `ligne ${s(p, l, 'row')} du suivi`,
  },
  shapeMismatch: {
    en: (p, l) =>
      `${s(p, l, 'a')} (${s(p, l, 'aShape')}) and ${s(p, l, 'b')} (${s(p, l, 'bShape')}) must have the same shape, or be a single cell`,
    fr: (p, l) =>
      `${s(p, l, 'a')} (${s(p, l, 'aShape')}) et ${s(p, l, 'b')} (${s(p, l, 'bShape')}) doivent avoir la même forme, ou être une seule cellule`,
  },
  perRowMismatch: {
    en: (p, l) =>
      `${s(p, l, 'a')} (${s(p, l, 'aShape')}) must be one cell or one per row of ${s(p, l, 'b')} (${s(p, l, 'bShape')})`,
    fr: (p, l) =>
      `${s(p, l, 'a')} (${s(p, l, 'aShape')}) doit être une seule cellule ou une par ligne de ${s(p, l, 'b')} (${s(p, l, 'bShape')})`,
  },
  argument: {
    en: (p, l) => `${s(p, l, 'fn')}: argument ${s(p, l, 'arg')}: ${s(p, l, 'inner')}.`,
    fr: (p, l) => `${s(p, l, 'fn')}\u00a0: argument ${s(p, l, 'arg')}\u00a0: ${s(p, l, 'inner')}.`,
  },
  callError: {
    en: (p, l) => `${s(p, l, 'fn')}: ${s(p, l, 'inner')}.`,
    fr: (p, l) => `${s(p, l, 'fn')}\u00a0: ${s(p, l, 'inner')}.`,
  },
  argLabel: {
    en: (p, l) => `${s(p, l, 'arg')}: ${s(p, l, 'inner')}`,
    fr: (p, l) => `${s(p, l, 'arg')}\u00a0: ${s(p, l, 'inner')}`,
  },
} satisfies Record<string, { en: Template; fr: Template }>;

export type MessageCode = keyof typeof templates;

/** Whether a message starts by naming a row ("row 3: …", "ligne 3 du suivi : …"): see rowN, rowColN, checkInRow. */
export function namesRow(text: string): boolean {
  return /^#?(row \d|ligne \d|check-in row \d)/.test(text);
}

export function render(code: MessageCode, params: MessageParams, lang: Lang): string {
  return templates[code][lang](params, lang);
}
