import type { Text } from './i18n';

export type KpiPeriod = 'week' | 'month' | 'quarter';

export interface LibraryKpi {
  key: string;
  name: Text;
  /** '%', '€', 'days'…: how values read. */
  unit: Text;
  direction: 'higher' | 'lower';
  period: KpiPeriod;
  /** Number format for its values in a sheet. */
  format: string;
  /** Thresholds where the seeds give them (Amazon's order defect rate: green at 1 %, red at 2 %). */
  greenAt?: number;
  redAt?: number;
}

export interface KpiFamily {
  key: string;
  name: Text;
  kpis: readonly LibraryKpi[];
}

const pct = { en: '%', fr: '%' };
const days = { en: 'days', fr: 'jours' };
const eur = { en: '€', fr: '€' };
const count = { en: 'count', fr: 'nombre' };
const score10 = { en: 'score /10', fr: 'note /10' };
const hours = { en: 'hours', fr: 'heures' };

const kpi = (
  key: string,
  en: string,
  fr: string,
  unit: Text,
  direction: 'higher' | 'lower',
  period: KpiPeriod,
  format: string,
): LibraryKpi => ({ key, name: { en, fr }, unit, direction, period, format });

/** The KPIs the seeds name, by family: what users pick from when inserting the dashboard. */
export const KPI_LIBRARY: readonly KpiFamily[] = [
  {
    key: 'finance',
    name: { en: 'Finance', fr: 'Finance' },
    kpis: [
      kpi('net_margin', 'Net profit margin', 'Marge bénéficiaire nette', pct, 'higher', 'quarter', '0.0%'),
      kpi('roi', 'Return on investment', 'Retour sur investissement', pct, 'higher', 'quarter', '0.0%'),
    ],
  },
  {
    key: 'customers',
    name: { en: 'Customers', fr: 'Clients' },
    kpis: [
      kpi('csat', 'Customer satisfaction', 'Satisfaction client', pct, 'higher', 'month', '0%'),
      {
        ...kpi('odr', 'Order defect rate', 'Taux de défaut de commande', pct, 'lower', 'month', '0.0%'),
        greenAt: 0.01,
        redAt: 0.02,
      },
      kpi('clv', 'Customer lifetime value', 'Valeur vie client', eur, 'higher', 'quarter', '#,##0'),
      kpi('churn', 'Customer churn rate', 'Taux de churn client', pct, 'lower', 'month', '0.0%'),
      kpi('retention', 'Customer retention rate', 'Taux de rétention client', pct, 'higher', 'month', '0%'),
    ],
  },
  {
    key: 'growth',
    name: { en: 'Growth', fr: 'Croissance' },
    kpis: [
      kpi(
        'traffic',
        'Website traffic',
        'Trafic du site web',
        { en: 'monthly visits', fr: 'visites mensuelles' },
        'higher',
        'month',
        '#,##0',
      ),
      kpi('conversion', 'Conversion rate', 'Taux de conversion', pct, 'higher', 'month', '0.0%'),
      kpi('cac', 'Customer acquisition cost', 'Coût d’acquisition client', eur, 'lower', 'month', '#,##0'),
    ],
  },
  {
    key: 'product',
    name: { en: 'Product', fr: 'Produit' },
    kpis: [
      kpi(
        'cycle_time',
        'Development cycle time',
        'Durée des cycles de développement',
        days,
        'lower',
        'month',
        '0',
      ),
      kpi(
        'deployments',
        'Feature deployments',
        'Déploiements de fonctionnalités',
        count,
        'higher',
        'month',
        '0',
      ),
      kpi('engagement', 'User engagement', 'Engagement des utilisateurs', pct, 'higher', 'month', '0%'),
    ],
  },
  {
    key: 'operations',
    name: { en: 'Operations', fr: 'Opérations' },
    kpis: [
      kpi(
        'inventory_turnover',
        'Inventory turnover',
        'Rotation des stocks',
        { en: 'turns', fr: 'rotations' },
        'higher',
        'quarter',
        '0.0',
      ),
      kpi('logistics_cost', 'Logistics cost', 'Coût logistique', eur, 'lower', 'month', '#,##0'),
      kpi('resolution_time', 'Resolution time', 'Temps de résolution', hours, 'lower', 'week', '0.0'),
      kpi(
        'waiting_time',
        'Waiting time',
        'Temps d’attente',
        { en: 'minutes', fr: 'minutes' },
        'lower',
        'week',
        '0',
      ),
      kpi('follow_up', 'Follow-up rate', 'Taux de suivi', pct, 'higher', 'month', '0%'),
      kpi('downtime', 'Machine downtime', 'Temps d’arrêt des machines', hours, 'lower', 'month', '0'),
      kpi('accidents', 'Workplace accidents', 'Accidents du travail', count, 'lower', 'month', '0'),
    ],
  },
  {
    key: 'people',
    name: { en: 'People', fr: 'Équipes' },
    kpis: [
      kpi(
        'employee_satisfaction',
        'Employee satisfaction',
        'Satisfaction des employés',
        score10,
        'higher',
        'quarter',
        '0.0',
      ),
      kpi(
        'employee_engagement',
        'Employee engagement',
        'Engagement des employés',
        pct,
        'higher',
        'quarter',
        '0%',
      ),
      kpi('wellbeing', 'Employee wellbeing', 'Bien-être des employés', score10, 'higher', 'quarter', '0.0'),
    ],
  },
  {
    key: 'sustainability',
    name: { en: 'Sustainability', fr: 'Durabilité' },
    kpis: [
      kpi(
        'environmental_impact',
        // the unit is its own column (and the dialog's label): not in the name too
        'Environmental impact',
        'Impact environnemental',
        { en: 't CO₂e', fr: 't CO₂e' },
        'lower',
        'quarter',
        '#,##0',
      ),
      kpi(
        'social_impact',
        'Social impact',
        'Impact social',
        { en: 'people reached', fr: 'personnes touchées' },
        'higher',
        'quarter',
        '#,##0',
      ),
    ],
  },
];

export function libraryKpi(key: string): { family: KpiFamily; kpi: LibraryKpi } | undefined {
  for (const family of KPI_LIBRARY) {
    const found = family.kpis.find((k) => k.key === key);
    if (found) return { family, kpi: found };
  }
  return undefined;
}
