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
    tree: 'Alignment tree',

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
    tree: 'Arbre d’alignement',

    reference: 'Référence des fonctions',
  },
} satisfies Record<Lang, Record<string, string>>;
