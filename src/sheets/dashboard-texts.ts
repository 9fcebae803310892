import type { Lang } from '../core/i18n';

const MONTHS = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  fr: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
};

/** "Mar 31, 2026" / "31 mars 2026", from yyyy-mm-dd. */
export function dateText(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return lang === 'fr' ? `${d} ${MONTHS.fr[m - 1]} ${y}` : `${MONTHS.en[m - 1]} ${d}, ${y}`;
}

/** The Dashboard sheet's words: its menu item, its notes, its blocks' headers and its charts. */
export const DASHBOARD_TEXTS = {
  en: {
    menu: 'Dashboard',
    sheetName: 'Dashboard',
    title: (sheet: string) => `Dashboard: ${sheet}`,
    note: (sheet: string, log: string, asOf: string, column: string) =>
      `Charts and their data (the blocks on the right, from column ${column}) are written by the add-on from "${sheet}" and the "${log}" log, as of ${asOf}. Extensions › OKR & KPI › Dashboard recomputes them: edits inside the blocks are overwritten; your own cells and charts elsewhere are kept.`,
    refreshed: (sheet: string, asOf: string) => `Dashboard refreshed: ${sheet}, as of ${asOf}.`,
    noQuarter: (sheet: string) =>
      `The dashboard charts a quarter sheet, and there is none yet: insert "${sheet}" first (Extensions › OKR & KPI › Insert a quarter…). Nothing was written.`,
    unreadable: (sheet: string) => `"${sheet}" can't be read safely:`,
    objectivesBlock: 'Objectives (written by the add-on)',
    weeksBlock:
      'Week by week (written by the add-on). Expected pace: a straight line to 100 % for committed objectives, to 70 % for aspirational ones (their mean); a KR’s expected line runs from its start to its target.',
    objective: 'Objective',
    score: 'Rolled-up score',
    progress: 'Progress',
    grade: 'Grade',
    grades: { green: 'green', yellow: 'yellow', red: 'red' },
    week: 'Week ending',
    overall: 'Overall score',
    pace: 'Expected pace',
    expected: 'Expected line',
    overallChart: 'Overall score by week',
    objectivesChart: 'Objectives: rolled-up score by grade',
    krChart: (name: string) => `${name}: key results vs. expected`,
    scoreAxis: 'Score',
    weekAxis: 'Week ending',
    dateFormat: 'mmm d',
    percentFormat: '0%',
  },
  fr: {
    menu: 'Tableau de bord',
    sheetName: 'Tableau de bord',
    title: (sheet: string) => `Tableau de bord\u00a0: ${sheet}`,
    note: (sheet: string, log: string, asOf: string, column: string) =>
      `Les graphiques et leurs données (les blocs à droite, dès la colonne ${column}) sont écrits par le module à partir de «\u00a0${sheet}\u00a0» et du journal «\u00a0${log}\u00a0», au ${asOf}. Extensions › OKR & KPI › Tableau de bord les recalcule\u00a0: ce qui est modifié dans les blocs est remplacé\u00a0; vos propres cellules et graphiques ailleurs sont conservés.`,
    refreshed: (sheet: string, asOf: string) => `Tableau de bord à jour\u00a0: ${sheet}, au ${asOf}.`,
    noQuarter: (sheet: string) =>
      `Le tableau de bord montre une feuille de trimestre, et il n’y en a aucune\u00a0: insérez d’abord «\u00a0${sheet}\u00a0» (Extensions › OKR & KPI › Insérer un trimestre…). Rien n’a été écrit.`,
    unreadable: (sheet: string) => `«\u00a0${sheet}\u00a0» ne peut pas être lue sans risque\u00a0:`,
    objectivesBlock: 'Objectifs (écrit par le module)',
    weeksBlock:
      'Semaine après semaine (écrit par le module). Rythme attendu\u00a0: une droite jusqu’à 100\u00a0% pour les objectifs engagés, 70\u00a0% pour les ambitieux (leur moyenne)\u00a0; la droite attendue d’un RC va de son départ à sa cible.',
    objective: 'Objectif',
    score: 'Score consolidé',
    progress: 'Progression',
    grade: 'Note',
    grades: { green: 'vert', yellow: 'jaune', red: 'rouge' },
    week: 'Semaine au',
    overall: 'Score global',
    pace: 'Rythme attendu',
    expected: 'Droite attendue',
    overallChart: 'Score global par semaine',
    objectivesChart: 'Objectifs\u00a0: score consolidé par note',
    krChart: (name: string) => `${name}\u00a0: résultats clés face à l’attendu`,
    scoreAxis: 'Score',
    weekAxis: 'Semaine au',
    dateFormat: 'd mmm',
    // French typography: a no-break space before %
    percentFormat: '0\u00a0%',
  },
} satisfies Record<Lang, Record<string, unknown>>;

export type DashboardTexts = (typeof DASHBOARD_TEXTS)['en'];
