import { layoutOf } from './template';
import { dropdowns } from './texts';

/**
 * KPI_TREND's scale on the dashboard: each KPI's green threshold minus its red one, inside the
 * column's ARRAYFORMULA (one per row); blank where a threshold is missing or not a number, so that
 * row falls back to the series' own size.
 */
export function thresholdGap(green: string, red: string): string {
  return `IF((${green} = "") + (${red} = ""), "", IFERROR(${green} - ${red}, ""))`;
}

/** The check-in log: append-only, one row per update of a key result. */
export type CheckinKey =
  | 'date'
  | 'quarter'
  | 'krId'
  | 'value'
  | 'confidence'
  | 'comment'
  | 'title'
  | 'requestId';
export const checkinsLayout = layoutOf<CheckinKey>({
  headerRow: 1,
  columns: [
    { key: 'date', header: { en: 'Date', fr: 'Date' }, width: 95, format: 'yyyy-mm-dd' },
    { key: 'quarter', header: { en: 'Quarter', fr: 'Trimestre' }, width: 85 },
    { key: 'krId', header: { en: 'KR ID', fr: 'ID RC' }, width: 70 },
    { key: 'value', header: { en: 'Value', fr: 'Valeur' }, width: 90 },
    { key: 'confidence', header: { en: 'Confidence', fr: 'Confiance' }, width: 85, format: '0%' },
    { key: 'comment', header: { en: 'Comment', fr: 'Commentaire' }, width: 320 },
    { key: 'title', header: { en: 'Key result', fr: 'Résultat clé' }, width: 320 },
    {
      key: 'requestId',
      header: { en: 'Check-in ID', fr: 'ID du suivi' },
      note: {
        en: 'Which save wrote the row: a save retried after a failure is not logged twice.',
        fr: 'L’enregistrement qui a écrit la ligne\u00a0: un enregistrement repris après un échec n’est pas noté deux fois.',
      },
      width: 110,
      hidden: true,
    },
  ],
});

/** The review history: one row per objective per finished review. */
export const reviewsLayout = layoutOf<
  | 'date'
  | 'quarter'
  | 'objectiveId'
  | 'title'
  | 'owner'
  | 'level'
  | 'score'
  | 'computedGrade'
  | 'grade'
  | 'confidence'
  | 'wentWell'
  | 'toImprove'
  | 'decision'
  | 'reviewId'
>({
  headerRow: 1,
  columns: [
    { key: 'date', header: { en: 'Reviewed on', fr: 'Revue le' }, width: 95, format: 'yyyy-mm-dd' },
    { key: 'quarter', header: { en: 'Quarter', fr: 'Trimestre' }, width: 85 },
    { key: 'objectiveId', header: { en: 'Objective ID', fr: 'ID objectif' }, width: 90 },
    { key: 'title', header: { en: 'Objective', fr: 'Objectif' }, width: 300 },
    { key: 'owner', header: { en: 'Owner', fr: 'Responsable' }, width: 130 },
    { key: 'level', header: { en: 'Level', fr: 'Niveau' }, width: 100 },
    { key: 'score', header: { en: 'Score', fr: 'Score' }, width: 70, format: '0%' },
    { key: 'computedGrade', header: { en: 'Computed grade', fr: 'Note calculée' }, width: 100 },
    { key: 'grade', header: { en: 'Final grade', fr: 'Note finale' }, width: 90 },
    { key: 'confidence', header: { en: 'Confidence', fr: 'Confiance' }, width: 85, format: '0%' },
    { key: 'wentWell', header: { en: 'What went well', fr: 'Ce qui a bien marché' }, width: 260 },
    { key: 'toImprove', header: { en: 'What to improve', fr: 'Ce qui est à améliorer' }, width: 260 },
    {
      key: 'decision',
      header: { en: 'Decision', fr: 'Décision' },
      width: 100,
      validation: { kind: 'list', values: (lang) => dropdowns.decisions(lang) },
    },
    { key: 'reviewId', header: { en: 'Review ID', fr: 'ID revue' }, width: 120, hidden: true },
  ],
});

/** Number of period columns the dashboard starts with (months, oldest first). */
export const KPI_PERIODS = 6;

export type KpiKey =
  | 'id'
  | 'name'
  | 'family'
  | 'unit'
  | 'direction'
  | 'period'
  | 'greenAt'
  | 'redAt'
  | 'benchmark'
  | 'linkedKr'
  | `p${number}`
  | 'latest'
  | 'status'
  | 'trend'
  | 'sparkline';

const periodColumns = Array.from({ length: KPI_PERIODS }, (_, i) => ({
  key: `p${i + 1}` as KpiKey,
  header: { en: `Period ${i + 1}`, fr: `Période ${i + 1}` },
  width: 80,
}));

/** The KPI dashboard: one row per KPI, one column per period (oldest first). */
export const kpisLayout = layoutOf<KpiKey>({
  headerRow: 2,
  columns: [
    { key: 'id', header: { en: 'KPI ID', fr: 'ID KPI' }, width: 70 },
    { key: 'name', header: { en: 'KPI', fr: 'KPI' }, width: 260 },
    { key: 'family', header: { en: 'Family', fr: 'Famille' }, width: 110 },
    { key: 'unit', header: { en: 'Unit', fr: 'Unité' }, width: 70 },
    {
      key: 'direction',
      header: { en: 'Better when', fr: 'Mieux si' },
      note: { en: 'higher or lower is better', fr: 'hausse ou baisse est mieux' },
      width: 85,
      validation: { kind: 'list', values: (lang) => dropdowns.directions(lang) },
    },
    { key: 'period', header: { en: 'Usual period', fr: 'Période usuelle' }, width: 90 },
    { key: 'greenAt', header: { en: 'Green at', fr: 'Vert à' }, width: 75 },
    { key: 'redAt', header: { en: 'Red at', fr: 'Rouge à' }, width: 75 },
    {
      key: 'benchmark',
      header: { en: 'Benchmark', fr: 'Référence' },
      note: { en: 'The industry norm, when known.', fr: 'La norme du secteur, si elle est connue.' },
      width: 85,
    },
    {
      key: 'linkedKr',
      header: { en: 'Linked KR', fr: 'RC lié' },
      note: {
        en: 'The key result this KPI is built into, if any.',
        fr: 'Le résultat clé construit sur ce KPI, le cas échéant.',
      },
      width: 75,
    },
    ...periodColumns,
    {
      key: 'latest',
      header: { en: 'Latest', fr: 'Dernière valeur' },
      width: 90,
      formula: (c) => `=KPI_LATEST(${c.col('p1')}${c.headerRow}:${c.col(`p${KPI_PERIODS}`)})`,
    },
    {
      key: 'status',
      header: { en: 'Status', fr: 'État' },
      width: 75,
      formula: (c) => `=KPI_STATUS(${c.range('latest')}, ${c.range('greenAt')}, ${c.range('redAt')})`,
    },
    {
      key: 'trend',
      header: { en: 'Trend', fr: 'Tendance' },
      width: 120,
      formula: (c) =>
        // judged on the KPI's own scale, the gap between its thresholds (blank when one is missing)
        `=KPI_TREND(${c.col('p1')}${c.headerRow}:${c.col(`p${KPI_PERIODS}`)}, ${c.range('direction')}, ${thresholdGap(c.range('greenAt'), c.range('redAt'))})`,
    },
    { key: 'sparkline', header: { en: 'Sparkline', fr: 'Courbe' }, width: 120 },
  ],
});

/** The alignment view: the current quarter's objectives, their link to the top and rolled-up score. */
export type AlignmentKey = 'id' | 'title' | 'level' | 'owner' | 'parent' | 'score' | 'link';
export const alignmentLayout = layoutOf<AlignmentKey>({
  headerRow: 2,
  columns: [
    { key: 'id', header: { en: 'Objective ID', fr: 'ID objectif' }, width: 90 },
    { key: 'title', header: { en: 'Objective', fr: 'Objectif' }, width: 340 },
    { key: 'level', header: { en: 'Level', fr: 'Niveau' }, width: 100 },
    { key: 'owner', header: { en: 'Owner', fr: 'Responsable' }, width: 130 },
    { key: 'parent', header: { en: 'Parent objective', fr: 'Objectif parent' }, width: 90 },
    { key: 'score', header: { en: 'Score (rolled up)', fr: 'Score (consolidé)' }, width: 110, format: '0%' },
    {
      key: 'link',
      header: { en: 'Link to the top', fr: 'Lien au sommet' },
      width: 160,
      formula: (c) => `=OKR_ALIGNED(${c.range('id')}, ${c.range('parent')}, ${c.range('level')})`,
    },
  ],
});
