import type { QuarterColumn } from '../core/read-quarter';
import { layoutOf } from './template';
import { dropdowns } from './texts';

export type QuarterKey = QuarterColumn;

/** Cells of the first row: the quarter's settings and totals (label, then value). */
export const META = {
  quarter: 'B1',
  asOf: 'D1',
  elapsed: 'F1',
  fiscalStart: 'H1',
  ends: 'J1',
  overall: 'L1',
} as const;

/** Where the check-in log's columns are, for the forecast formula (see checkins-layout). */
export interface LogColumns {
  sheet: string;
  date: string;
  quarter: string;
  krId: string;
  value: string;
}

const quote = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;
/**
 * The quarter's label as the forecast's log filter reads it: the label itself (the log is keyed on
 * it), not the label cell, which a team may retitle without moving its check-ins.
 */
export const labelLiteral = (label: string) => `"${label.replace(/"/g, '""')}"`;

/** F1 → $F$1 */
export const abs = (a1: string) => a1.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');

/**
 * The quarter sheet: one row per objective followed by its key results. Objective rows hold the
 * objective's id in "Objective ID"; every row names its objective in "Objective", which groups the
 * key results for OKR_SCORE. Computed columns are one formula each, at the top of the column.
 */
export function quarterLayout(
  log: LogColumns,
  /** Where the first-row settings are (a sheet with a row inserted above has them lower). */
  meta: Record<'quarter' | 'elapsed' | 'ends', string> = META,
) {
  const logRange = (c: string) => `${quote(log.sheet)}!${c}2:${c}`;
  const filtered = (c: string, quarterCell: string) =>
    `IFERROR(FILTER(${logRange(c)}, ${logRange(log.quarter)}=${quarterCell}), "")`;
  return layoutOf<QuarterKey>({
    headerRow: 2,
    columns: [
      {
        key: 'objectiveId',
        header: { en: 'Objective ID', fr: 'ID objectif' },
        note: {
          en: 'Filled on an objective’s own row only; unique in the sheet.',
          fr: 'Rempli sur la ligne de l’objectif seulement ; unique dans la feuille.',
        },
        width: 90,
      },
      {
        key: 'objective',
        header: { en: 'Objective', fr: 'Objectif' },
        note: {
          en: 'The objective each row belongs to (its ID): groups key results for the objective’s score.',
          fr: 'L’objectif auquel appartient chaque ligne (son ID) : regroupe les résultats clés pour le score.',
        },
        width: 80,
      },
      { key: 'krId', header: { en: 'KR ID', fr: 'ID RC' }, width: 70 },
      { key: 'title', header: { en: 'Title', fr: 'Intitulé' }, width: 340 },
      {
        key: 'level',
        header: { en: 'Level', fr: 'Niveau' },
        width: 100,
        validation: { kind: 'list', values: (lang) => dropdowns.levels(lang) },
      },
      { key: 'owner', header: { en: 'Owner', fr: 'Responsable' }, width: 130 },
      {
        key: 'parent',
        header: { en: 'Parent objective', fr: 'Objectif parent' },
        note: {
          en: 'ID of the objective this one is aligned to (blank at the top level).',
          fr: 'ID de l’objectif auquel celui-ci est aligné (vide au niveau le plus haut).',
        },
        width: 90,
      },
      {
        key: 'committed',
        header: { en: 'Committed', fr: 'Engagé' },
        note: {
          en: 'Ticked: committed (1.0 expected). Unticked: aspirational (0.7 is success).',
          fr: 'Coché : engagé (1,0 attendu). Non coché : ambitieux (0,7 est un succès).',
        },
        width: 80,
      },
      {
        key: 'type',
        header: { en: 'Type', fr: 'Type' },
        note: {
          en: 'increase, decrease, at_least, at_most or milestone (blank: from start and target).',
          fr: 'augmenter, diminuer, au_moins, au_plus ou jalon (vide : déduit du départ et de la cible).',
        },
        width: 95,
        validation: { kind: 'list', values: (lang) => dropdowns.krTypes(lang) },
      },
      { key: 'unit', header: { en: 'Unit', fr: 'Unité' }, width: 80 },
      { key: 'start', header: { en: 'Start', fr: 'Départ' }, width: 80 },
      { key: 'target', header: { en: 'Target', fr: 'Cible' }, width: 80 },
      {
        key: 'current',
        header: { en: 'Current', fr: 'Actuel' },
        note: {
          en: 'The value now: check-ins update it.',
          fr: 'La valeur actuelle : les points de suivi la mettent à jour.',
        },
        width: 80,
      },
      { key: 'weight', header: { en: 'Weight', fr: 'Poids' }, width: 60 },
      {
        key: 'confidence',
        header: { en: 'Confidence', fr: 'Confiance' },
        width: 85,
        format: '0%',
        validation: { kind: 'share' },
      },
      {
        key: 'krScore',
        header: { en: 'KR score', fr: 'Score RC' },
        width: 80,
        format: '0%',
        formula: (c) =>
          `=KR_SCORE(${c.range('start')}, ${c.range('target')}, ${c.range('current')}, ${c.range('type')})`,
      },
      {
        key: 'krMean',
        header: { en: 'KRs’ mean', fr: 'Moyenne des RC' },
        width: 80,
        format: '0%',
        hidden: true,
        formula: (c) => `=OKR_SCORE(${c.range('krScore')}, ${c.range('weight')}, ${c.range('objective')})`,
      },
      {
        key: 'score',
        header: { en: 'Objective score', fr: 'Score objectif' },
        note: {
          en: 'Weighted mean of the objective’s KR scores, with its aligned child objectives (OKR_ROLLUP).',
          fr: 'Moyenne pondérée des scores de ses résultats clés, avec ses objectifs enfants alignés (OKR_ROLLUP).',
        },
        width: 95,
        format: '0%',
        formula: (c) => `=OKR_ROLLUP(${c.range('objectiveId')}, ${c.range('parent')}, ${c.range('krMean')})`,
      },
      {
        key: 'grade',
        header: { en: 'Grade', fr: 'Note' },
        width: 75,
        formula: (c) => `=OKR_GRADE(${c.range('score')}, ${c.range('committed')})`,
      },
      {
        key: 'status',
        header: { en: 'Status', fr: 'État' },
        note: {
          en: 'Pace on the "As of" date: committed objectives aim at 100 %, aspirational ones at 70 %.',
          fr: 'Rythme à la date « Au » : les objectifs engagés visent 100 %, les ambitieux 70 %.',
        },
        width: 100,
        formula: (c) =>
          `=OKR_STATUS(${c.range('score')}, ${abs(meta.elapsed)}, IF(${c.range('committed')}=TRUE(), 1, 0.7))`,
      },
      {
        key: 'alignment',
        header: { en: 'Alignment', fr: 'Alignement' },
        width: 110,
        formula: (c) => `=OKR_ALIGNED(${c.range('objectiveId')}, ${c.range('parent')}, ${c.range('level')})`,
      },
      {
        key: 'forecast',
        header: { en: 'Forecast', fr: 'Prévision' },
        note: {
          en: 'Projected score at the end of the quarter, from this quarter’s check-ins.',
          fr: 'Score projeté en fin de trimestre, d’après les points de suivi du trimestre.',
        },
        width: 80,
        format: '0%',
        formula: (c) => {
          const q = abs(meta.quarter);
          const end = abs(meta.ends);
          return `=KR_FORECAST(${c.range('krId')}, ${c.range('start')}, ${c.range('target')}, ${c.range('type')}, ${end}, ${filtered(log.krId, q)}, ${filtered(log.date, q)}, ${filtered(log.value, q)})`;
        },
      },
    ],
  });
}

export type QuarterLayout = ReturnType<typeof quarterLayout>;
