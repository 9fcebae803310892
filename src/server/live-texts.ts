import type { Lang } from '../core/i18n';

/** What live key results and the KPI → KR link say, in both languages (French typography). */
export const LIVE_TEXTS = {
  en: {
    menuRecord: 'Record live values',
    menuAuto: 'Record live values when the file opens (on/off)',
    menuLink: 'Link KPIs to key results',
    /** The log row's comment: where the value came from. */
    fromFormula: 'from its formula',
    recorded: (n: number) => (n === 1 ? '1 live value recorded.' : `${n} live values recorded.`),
    noLive: (sheet: string) =>
      `No key result of "${sheet}" has a formula in Current: nothing to record (link a KPI, or type a formula there).`,
    unchanged: (ids: string[]) => `Unchanged since today's check-in: ${ids.join(', ')}.`,
    failed: (list: string[]) => `Not recorded (the formula shows no number): ${list.join('; ')}.`,
    autoOn: 'Live values are recorded when the file opens, at most once a day.',
    autoOff: 'Live values are no longer recorded when the file opens.',
    linked: (n: number) =>
      n === 1 ? '1 key result linked to its KPI.' : `${n} key results linked to their KPIs.`,
    noDashboard: 'There is no KPI dashboard: insert one from the menu, then type a KR ID in "Linked KR".',
    noLinks: 'No KPI names a key result in "Linked KR": type a KR ID (O5.1) there first.',
    noKr: (kpi: string, kr: string, sheet: string) =>
      `KPI ${kpi} names ${kr} in "Linked KR", but "${sheet}" has no key result ${kr}.`,
    twice: (kr: string, kpis: string[]) => `${kr} is named by several KPIs (${kpis.join(', ')}): keep one.`,
    dupKr: (id: string, rows: number[]) =>
      `${id} is the KR ID of rows ${rows.join(' and ')}: give each key result its own ID.`,
    noId: (name: string) => `The KPI "${name}" has no KPI ID: give it one, so its KR finds it after a sort.`,
    typed: (kpi: string, kr: string, value: string) =>
      `${kr} holds a value checked in by hand (${value}): linking KPI ${kpi} replaces it with a formula over the KPI's latest value (the value moves to a note).`,
    confirm: 'Replace them?',
    linkedNote: (value: string) => `Before the link to its KPI, this cell held: ${value}`,
  },
  fr: {
    menuRecord: 'Enregistrer les valeurs en direct',
    menuAuto: 'Enregistrer les valeurs en direct à l’ouverture (activer/désactiver)',
    menuLink: 'Lier les KPI aux résultats clés',
    fromFormula: 'depuis sa formule',
    recorded: (n: number) =>
      n === 1 ? '1 valeur en direct enregistrée.' : `${n} valeurs en direct enregistrées.`,
    noLive: (sheet: string) =>
      `Aucun résultat clé de «\u00a0${sheet}\u00a0» n’a de formule dans Actuel\u00a0: rien à enregistrer (liez un KPI, ou tapez-y une formule).`,
    unchanged: (ids: string[]) => `Inchangés depuis le point de suivi du jour\u00a0: ${ids.join(', ')}.`,
    failed: (list: string[]) =>
      `Non enregistrés (la formule n’affiche pas de nombre)\u00a0: ${list.join('\u00a0; ')}.`,
    autoOn: 'Les valeurs en direct sont enregistrées à l’ouverture du fichier, au plus une fois par jour.',
    autoOff: 'Les valeurs en direct ne sont plus enregistrées à l’ouverture du fichier.',
    linked: (n: number) =>
      n === 1 ? '1 résultat clé lié à son KPI.' : `${n} résultats clés liés à leurs KPI.`,
    noDashboard:
      'Il n’y a pas de tableau de bord KPI\u00a0: insérez-en un depuis le menu, puis tapez un ID RC dans «\u00a0RC lié\u00a0».',
    noLinks:
      'Aucun KPI ne nomme de résultat clé dans «\u00a0RC lié\u00a0»\u00a0: tapez-y d’abord un ID RC (O5.1).',
    noKr: (kpi: string, kr: string, sheet: string) =>
      `Le KPI ${kpi} nomme ${kr} dans «\u00a0RC lié\u00a0», mais «\u00a0${sheet}\u00a0» n’a pas de résultat clé ${kr}.`,
    twice: (kr: string, kpis: string[]) =>
      `${kr} est nommé par plusieurs KPI (${kpis.join(', ')})\u00a0: gardez-en un.`,
    dupKr: (id: string, rows: number[]) =>
      `${id} est l’ID RC des lignes ${rows.join(' et ')}\u00a0: donnez à chaque résultat clé son propre ID.`,
    noId: (name: string) =>
      `Le KPI «\u00a0${name}\u00a0» n’a pas d’ID KPI\u00a0: donnez-lui en un, pour que son RC le retrouve après un tri.`,
    typed: (kpi: string, kr: string, value: string) =>
      `${kr} contient une valeur saisie à la main (${value})\u00a0: le lier au KPI ${kpi} la remplace par une formule sur la dernière valeur du KPI (la valeur passe dans une note).`,
    confirm: 'Les remplacer\u00a0?',
    linkedNote: (value: string) => `Avant le lien à son KPI, cette cellule contenait\u00a0: ${value}`,
  },
} satisfies Record<Lang, Record<string, unknown>>;
