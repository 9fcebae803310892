import type { Text } from './i18n';
import type { KrType, Level } from './words';

/**
 * Example content, from the seeds: one fictional company whose OKRs borrow the seeds' cases
 * (LinkedIn's expansion, the glossary's brand awareness, Zalando's European markets, Google's SERP
 * speed, Salesforce's churn and Adobe's retention) and whose KPIs are the ones the seeds name.
 */
export interface ExampleKr {
  id: string;
  title: Text;
  type: KrType;
  unit: Text;
  start: number | '';
  target: number | '';
  current: number | boolean | '';
  weight: number | '';
  confidence: number;
  /** Number format of its start, target and current cells. */
  format?: string;
  /** Its own owner, when it is not its objective's. */
  owner?: Text;
}

export interface ExampleObjective {
  id: string;
  title: Text;
  level: Level;
  owner: Text;
  parent: string;
  committed: boolean;
  krs: readonly ExampleKr[];
}

const pct = { en: '%', fr: '%' };
const none = { en: '', fr: '' };

export const EXAMPLE_OBJECTIVES: readonly ExampleObjective[] = [
  {
    id: 'O1',
    title: {
      en: 'Increase our presence on the global market',
      fr: 'Augmenter notre présence sur le marché mondial',
    },
    level: 'company',
    owner: { en: 'Leadership team', fr: 'Direction générale' },
    parent: '',
    committed: false,
    krs: [
      {
        id: 'O1.1',
        owner: { en: 'Operations', fr: 'Opérations' },
        title: {
          en: 'Expand operations into three new countries',
          fr: 'Étendre les opérations à trois nouveaux pays',
        },
        type: 'increase',
        unit: { en: 'countries', fr: 'pays' },
        start: 0,
        target: 3,
        current: 2,
        weight: 1,
        confidence: 0.7,
      },
      {
        id: 'O1.2',
        owner: { en: 'Sales', fr: 'Ventes' },
        title: {
          en: 'Grow international revenue by 25\u00a0% (index 100)',
          fr: 'Augmenter de 25\u00a0% les revenus internationaux (indice 100)',
        },
        type: 'increase',
        unit: { en: 'index', fr: 'indice' },
        start: 100,
        target: 125,
        current: 120,
        weight: 2,
        confidence: 0.8,
      },
    ],
  },
  {
    id: 'O2',
    title: { en: 'Grow brand awareness', fr: 'Développer la notoriété de la marque' },
    level: 'department',
    owner: { en: 'Marketing', fr: 'Marketing' },
    parent: 'O1',
    committed: false,
    krs: [
      {
        id: 'O2.1',
        owner: { en: 'Web team', fr: 'Équipe web' },
        title: {
          en: 'Reach 100 000 monthly visits on the website',
          fr: 'Atteindre 100 000 visites mensuelles sur le site web',
        },
        type: 'increase',
        unit: { en: 'visits', fr: 'visites' },
        start: 60000,
        target: 100000,
        current: 82000,
        weight: 1,
        confidence: 0.6,
        format: '#,##0',
      },
      {
        id: 'O2.2',
        owner: { en: 'Press relations', fr: 'Relations presse' },
        title: {
          en: 'Get 20 media publications this quarter',
          fr: 'Obtenir 20 publications média dans le trimestre',
        },
        type: 'increase',
        unit: { en: 'publications', fr: 'publications' },
        start: 0,
        target: 20,
        current: 12,
        weight: 1,
        confidence: 0.7,
      },
      {
        id: 'O2.3',
        title: {
          en: 'Increase social media engagement by 30\u00a0%',
          fr: 'Augmenter de 30\u00a0% l’engagement sur les réseaux sociaux',
        },
        type: 'increase',
        unit: pct,
        start: 0.04,
        target: 0.052,
        current: 0.043,
        weight: 1,
        confidence: 0.4,
        format: '0.0%',
      },
    ],
  },
  {
    id: 'O3',
    title: {
      en: 'Widen market access in European countries',
      fr: 'Élargir l’accès au marché dans les pays européens',
    },
    level: 'department',
    owner: { en: 'Growth', fr: 'Croissance' },
    parent: 'O1',
    committed: false,
    krs: [
      {
        id: 'O3.1',
        title: {
          en: 'Raise the conversion rate in new markets to 2.5\u00a0%',
          fr: 'Porter le taux de conversion des nouveaux marchés à 2,5\u00a0%',
        },
        type: 'increase',
        unit: pct,
        start: 0.018,
        target: 0.025,
        current: 0.021,
        weight: 1,
        confidence: 0.6,
        format: '0.0%',
      },
      {
        id: 'O3.2',
        title: {
          en: 'Cut the customer acquisition cost from €45 to €35',
          fr: 'Réduire le coût d’acquisition client de 45 € à 35 €',
        },
        type: 'decrease',
        unit: { en: '€', fr: '€' },
        start: 45,
        target: 35,
        current: 41,
        weight: 1,
        confidence: 0.5,
        format: '#,##0.00 [$€]',
      },
    ],
  },
  {
    id: 'O4',
    title: {
      en: 'Improve the speed of our search results page',
      fr: 'Améliorer la vitesse de notre page de résultats de recherche',
    },
    level: 'team',
    owner: { en: 'Web team', fr: 'Équipe web' },
    parent: 'O2',
    committed: false,
    krs: [
      {
        id: 'O4.1',
        title: {
          en: 'Cut the average load time by 0.2 s (1.2 s → 1.0 s)',
          fr: 'Réduire le temps de chargement moyen de 0,2 s (1,2 s → 1,0 s)',
        },
        type: 'decrease',
        unit: { en: 's', fr: 's' },
        start: 1.2,
        target: 1.0,
        current: 1.1,
        weight: 1,
        confidence: 0.8,
        format: '0.00',
      },
      {
        id: 'O4.2',
        title: {
          en: 'Raise satisfaction with load times by 10\u00a0% (surveys)',
          fr: 'Augmenter de 10\u00a0% la satisfaction sur les temps de chargement (enquêtes)',
        },
        type: 'increase',
        unit: pct,
        start: 0.7,
        target: 0.77,
        current: 0.74,
        weight: 1,
        confidence: 0.6,
        format: '0%',
      },
    ],
  },
  {
    id: 'O5',
    title: { en: 'Keep our customers longer', fr: 'Garder nos clients plus longtemps' },
    level: 'team',
    owner: { en: 'Customer success', fr: 'Succès client' },
    parent: 'O3',
    committed: true,
    krs: [
      {
        id: 'O5.1',
        title: {
          en: 'Bring monthly churn down from 8\u00a0% to 6\u00a0%',
          fr: 'Ramener le churn mensuel de 8\u00a0% à 6\u00a0%',
        },
        type: 'decrease',
        unit: pct,
        start: 0.08,
        target: 0.06,
        current: 0.07,
        weight: 1,
        confidence: 0.5,
        format: '0.0%',
      },
      {
        id: 'O5.2',
        title: {
          en: 'Raise customer retention from 85\u00a0% to 90\u00a0%',
          fr: 'Porter la rétention client de 85\u00a0% à 90\u00a0%',
        },
        type: 'increase',
        unit: pct,
        start: 0.85,
        target: 0.9,
        current: 0.87,
        weight: 1,
        confidence: 0.6,
        format: '0%',
      },
      {
        id: 'O5.3',
        title: { en: 'Launch the customer success programme', fr: 'Lancer le programme de succès client' },
        type: 'milestone',
        unit: none,
        start: '',
        target: '',
        current: false,
        weight: 1,
        confidence: 0.9,
      },
    ],
  },
];

export interface ExampleKpi {
  /** A KPI of the library. */
  key: string;
  greenAt: number;
  redAt: number;
  benchmark: number | '';
  /** One value per period, oldest first; '' where none was entered. */
  values: readonly (number | '')[];
  linkedKr: string;
}

/** Six months of values: Amazon's ODR, Salesforce's CLV and churn, Adobe's retention and cycle time, Zalando's growth KPIs. */
export const EXAMPLE_KPIS: readonly ExampleKpi[] = [
  {
    key: 'odr',
    greenAt: 0.01,
    redAt: 0.02,
    benchmark: 0.01,
    values: [0.012, 0.011, 0.013, 0.009, 0.008, 0.008],
    linkedKr: '',
  },
  {
    key: 'clv',
    greenAt: 1200,
    redAt: 900,
    benchmark: '',
    values: [980, 1010, 1050, 1040, 1100, 1130],
    linkedKr: '',
  },
  {
    key: 'churn',
    greenAt: 0.06,
    redAt: 0.08,
    benchmark: 0.05,
    values: [0.081, 0.079, 0.078, 0.075, 0.072, 0.07],
    linkedKr: 'O5.1',
  },
  {
    key: 'retention',
    greenAt: 0.9,
    redAt: 0.85,
    benchmark: 0.9,
    values: [0.85, 0.85, 0.86, 0.86, 0.87, 0.87],
    linkedKr: 'O5.2',
  },
  {
    key: 'cycle_time',
    greenAt: 10,
    redAt: 20,
    benchmark: '',
    values: [18, 17, 17, 15, 14, 14],
    linkedKr: '',
  },
  {
    key: 'traffic',
    greenAt: 100000,
    redAt: 60000,
    benchmark: '',
    values: [58000, 61000, 66000, 71000, 77000, 82000],
    linkedKr: 'O2.1',
  },
  {
    key: 'conversion',
    greenAt: 0.025,
    redAt: 0.015,
    benchmark: 0.025,
    values: [0.018, 0.018, 0.019, 0.02, 0.021, 0.021],
    linkedKr: 'O3.1',
  },
  { key: 'cac', greenAt: 35, redAt: 50, benchmark: 40, values: [46, 45, 45, 44, 42, 41], linkedKr: 'O3.2' },
];

export interface ExampleCheckIn {
  krId: string;
  /** Days after the quarter's first day. */
  day: number;
  value: number | boolean;
  confidence: number;
  comment: Text;
}

/** A few check-ins, so that forecasts and the "static metrics" health check have something to read. */
export const EXAMPLE_CHECKINS: readonly ExampleCheckIn[] = [
  {
    krId: 'O1.1',
    day: 14,
    value: 1,
    confidence: 0.6,
    comment: { en: 'Spain is live', fr: 'Espagne lancée' },
  },
  { krId: 'O1.1', day: 42, value: 2, confidence: 0.7, comment: { en: 'Italy is live', fr: 'Italie lancée' } },
  { krId: 'O1.2', day: 14, value: 106, confidence: 0.7, comment: { en: 'Good start', fr: 'Bon départ' } },
  {
    krId: 'O1.2',
    day: 42,
    value: 120,
    confidence: 0.8,
    comment: { en: 'Italy adds revenue', fr: 'L’Italie apporte du chiffre' },
  },
  {
    krId: 'O2.1',
    day: 10,
    value: 66000,
    confidence: 0.5,
    comment: { en: 'Campaign launched', fr: 'Campagne lancée' },
  },
  {
    krId: 'O2.1',
    day: 40,
    value: 82000,
    confidence: 0.6,
    comment: { en: 'SEO work pays off', fr: 'Le SEO porte ses fruits' },
  },
  {
    krId: 'O4.1',
    day: 20,
    value: 1.15,
    confidence: 0.7,
    comment: { en: 'Image compression', fr: 'Compression des images' },
  },
  { krId: 'O4.1', day: 45, value: 1.1, confidence: 0.8, comment: { en: 'CDN switched', fr: 'CDN changé' } },
  {
    krId: 'O5.1',
    day: 30,
    value: 0.075,
    confidence: 0.5,
    comment: { en: 'Onboarding calls started', fr: 'Appels d’accueil démarrés' },
  },
  {
    krId: 'O5.1',
    day: 50,
    value: 0.07,
    confidence: 0.5,
    comment: { en: 'Slow but steady', fr: 'Lent mais régulier' },
  },
  // every key result with a value has its history: its Current is its last check-in
  {
    krId: 'O2.2',
    day: 21,
    value: 5,
    confidence: 0.6,
    comment: { en: 'Trade press', fr: 'Presse spécialisée' },
  },
  {
    krId: 'O2.2',
    day: 49,
    value: 12,
    confidence: 0.7,
    comment: { en: 'Two interviews', fr: 'Deux interviews' },
  },
  {
    krId: 'O2.3',
    day: 28,
    value: 0.042,
    confidence: 0.4,
    comment: { en: 'Flat so far', fr: 'Stable pour l’instant' },
  },
  {
    krId: 'O2.3',
    day: 49,
    value: 0.043,
    confidence: 0.4,
    comment: { en: 'Videos help', fr: 'Les vidéos aident' },
  },
  {
    krId: 'O3.1',
    day: 21,
    value: 0.019,
    confidence: 0.6,
    comment: { en: 'New landing pages', fr: 'Nouvelles pages' },
  },
  {
    krId: 'O3.1',
    day: 49,
    value: 0.021,
    confidence: 0.6,
    comment: { en: 'Local payment', fr: 'Paiement local' },
  },
  {
    krId: 'O3.2',
    day: 28,
    value: 43,
    confidence: 0.5,
    comment: { en: 'Fewer agencies', fr: 'Moins d’agences' },
  },
  { krId: 'O3.2', day: 49, value: 41, confidence: 0.5, comment: { en: 'Referrals', fr: 'Parrainage' } },
  {
    krId: 'O4.2',
    day: 35,
    value: 0.74,
    confidence: 0.6,
    comment: { en: 'Survey sent', fr: 'Enquête envoyée' },
  },
  {
    krId: 'O5.2',
    day: 35,
    value: 0.87,
    confidence: 0.6,
    comment: { en: 'Renewals up', fr: 'Renouvellements en hausse' },
  },
];

/**
 * A key result's Current in the example quarter on a given day (days since the quarter's first):
 * its last example check-in by then, blank before its first one, so the sheet, the log and the
 * charts agree whatever day the examples are inserted on. A KR without check-ins keeps its value.
 */
export function exampleCurrent(kr: Pick<ExampleKr, 'id' | 'current'>, day: number): ExampleKr['current'] {
  let found: ExampleCheckIn | undefined;
  let any = false;
  for (const c of EXAMPLE_CHECKINS) {
    if (c.krId !== kr.id) continue;
    any = true;
    if (c.day <= day && (!found || c.day >= found.day)) found = c;
  }
  if (!any) return kr.current;
  return found ? found.value : '';
}
