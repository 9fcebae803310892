import type { Lang } from '../core/i18n';

/** Every word the sidebar and dialogs show, in both languages. */
export const UI = {
  en: {
    menuTitle: 'OKR & KPI',
    insertQuarter: 'Insert a quarter…',
    insertKpis: 'Insert a KPI dashboard…',
    addObjective: 'Add an objective',
    addKr: 'Add a key result',
    pickObjective:
      'Select a cell in an objective’s row (or one of its key results’) first, then add the key result.',
    checkIn: 'Check-in…',
    health: 'Health check',
    review: 'Quarterly review…',
    reopen: 'Reopen the quarter…',
    reopenTitle: 'Reopen the quarter',
    reopenAsk:
      'Reopen the quarter sheet you are on? Its review’s closing is lifted: it takes check-ins again, its protection goes, and the history records the reopening. Finish its review again to close it.',
    reopened: (q: string) => `${q} is open again. Finish its review again to close it.`,
    reference: 'Function reference',
  },
  fr: {
    menuTitle: 'OKR & KPI',
    insertQuarter: 'Insérer un trimestre…',
    insertKpis: 'Insérer un tableau de bord KPI…',
    addObjective: 'Ajouter un objectif',
    addKr: 'Ajouter un résultat clé',
    pickObjective:
      'Sélectionnez d’abord une cellule de la ligne d’un objectif (ou d’un de ses résultats clés), puis ajoutez le résultat clé.',
    checkIn: 'Point de suivi…',
    health: 'Bilan de santé',
    review: 'Revue trimestrielle…',
    reopen: 'Rouvrir le trimestre…',
    reopenTitle: 'Rouvrir le trimestre',
    reopenAsk:
      'Rouvrir la feuille de trimestre où vous êtes ? La clôture de sa revue est levée : il reprend les points de suivi, sa protection est retirée et l’historique note la réouverture. Terminez à nouveau sa revue pour le clore.',
    reopened: (q: string) => `${q} est à nouveau ouvert. Terminez à nouveau sa revue pour le clore.`,
    reference: 'Référence des fonctions',
  },
} satisfies Record<Lang, Record<string, string | ((q: string) => string)>>;
