import type { Lang } from '../core/i18n';

/** Every word the sidebar and dialogs show, in both languages. */
export const UI = {
  en: {
    menuTitle: 'OKR & KPI',
    insertQuarter: 'Insert a quarter…',
    insertKpis: 'Insert a KPI dashboard…',
    checkIn: 'Check-in…',
    health: 'Health check',
    review: 'Quarterly review…',
    reference: 'Function reference',
  },
  fr: {
    menuTitle: 'OKR & KPI',
    insertQuarter: 'Insérer un trimestre…',
    insertKpis: 'Insérer un tableau de bord KPI…',
    checkIn: 'Point de suivi…',
    health: 'Bilan de santé',
    review: 'Revue trimestrielle…',
    reference: 'Référence des fonctions',
  },
} satisfies Record<Lang, Record<string, string>>;
