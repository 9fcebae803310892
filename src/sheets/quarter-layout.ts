import type { QuarterColumn } from '../core/read-quarter';
import { layoutOf } from './template';
import { dropdowns } from './texts';
import { STYLE } from './write';

export type QuarterKey = QuarterColumn;

/**
 * Cells of the first row: the quarter's settings and totals (label, then value), each label in a
 * column wide enough for it in both languages; the overall score above the objectives' scores.
 */
export const META = {
  quarter: 'B1',
  asOf: 'D1',
  elapsed: 'F1',
  overall: 'H1',
  ends: 'J1',
  fiscalStart: 'L1',
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
    // Ids and Title first (frozen), then what a person opening the sheet looks for: every score,
    // the grade, the status and the progress bar, within the first screen (about 1,200 px at
    // 1440). Then what a weekly update touches, in the order it is typed: whose KR it is, its value
    // now and the confidence (side by side: a check-in changes both), the target it is measured
    // against; then what is set once at planning (start, unit, type, weight, level, parent,
    // committed) and the computed columns read less often (alignment, forecast).
    columns: [
      {
        key: 'objectiveId',
        header: { en: 'Objective ID', fr: 'ID objectif' },
        note: {
          en: 'Filled on an objective’s own row only; unique in the sheet.',
          fr: 'Rempli sur la ligne de l’objectif seulement\u00a0; unique dans la feuille.',
        },
        width: 75,
      },
      {
        key: 'objective',
        header: { en: 'Objective', fr: 'Objectif' },
        note: {
          en: 'The objective each row belongs to (its ID): groups key results for the objective’s score.',
          fr: 'L’objectif auquel appartient chaque ligne (son ID)\u00a0: regroupe les résultats clés pour le score.',
        },
        width: 75,
      },
      { key: 'krId', header: { en: 'KR ID', fr: 'ID RC' }, width: 60 },
      { key: 'title', header: { en: 'Title', fr: 'Intitulé' }, width: 400 },
      {
        key: 'krScore',
        header: { en: 'KR score', fr: 'Score RC' },
        note: {
          en: 'How far the key result went from its start to its target (KR_SCORE).',
          fr: 'Le chemin parcouru par le résultat clé de son départ à sa cible (KR_SCORE).',
        },
        width: 80,
        format: '0%',
        formula: (c) =>
          `=KR_SCORE(${c.range('start')}, ${c.range('target')}, ${c.range('current')}, ${c.range('type')})`,
      },
      {
        key: 'krMean',
        header: { en: 'KRs’ score', fr: 'Score des RC' },
        formerly: [{ en: 'KRs’ mean', fr: 'Moyenne des RC' }],
        note: {
          en: 'The objective’s own score: the weighted mean of its key results’ scores (OKR_SCORE).',
          fr: 'Le score propre de l’objectif\u00a0: la moyenne pondérée des scores de ses résultats clés (OKR_SCORE).',
        },
        width: 85,
        format: '0%',
        // on the objective's own row only: repeated on its KRs' rows, it would read as theirs
        formula: (c) =>
          `=IF(${c.range('objectiveId')}<>"", OKR_SCORE(${c.range('krScore')}, ${c.range('weight')}, ${c.range('objective')}), "")`,
      },
      {
        key: 'score',
        header: { en: 'Rolled-up score', fr: 'Score consolidé' },
        formerly: [{ en: 'Objective score', fr: 'Score objectif' }],
        note: {
          en: 'Includes aligned child objectives: the mean of this objective’s KRs’ score and the rolled-up scores of the objectives whose Parent objective is this one, each counting once (OKR_ROLLUP). Same as the KRs’ score when nothing is aligned to it. Grade and status follow this score.',
          fr: 'Inclut les objectifs enfants alignés\u00a0: la moyenne du score des RC de cet objectif et des scores consolidés des objectifs dont l’objectif parent est celui-ci, chacun comptant une fois (OKR_ROLLUP). Égal au score des RC quand rien n’y est aligné. La note et l’état suivent ce score.',
        },
        width: 100,
        format: '0%',
        formula: (c) => `=OKR_ROLLUP(${c.range('objectiveId')}, ${c.range('parent')}, ${c.range('krMean')})`,
      },
      {
        key: 'grade',
        header: { en: 'Grade', fr: 'Note' },
        width: 80,
        formula: (c) => `=OKR_GRADE(${c.range('score')}, ${c.range('committed')})`,
      },
      {
        key: 'status',
        header: { en: 'Status', fr: 'État' },
        note: {
          en: 'Pace on the "As of" date: committed objectives aim at 100 %, aspirational ones at 70 %.',
          fr: 'Rythme à la date «\u00a0Au\u00a0»\u00a0: les objectifs engagés visent 100\u00a0%, les ambitieux 70\u00a0%.',
        },
        width: 110,
        formula: (c) =>
          `=OKR_STATUS(${c.range('score')}, ${abs(meta.elapsed)}, IF(${c.range('committed')}=TRUE(), 1, 0.7))`,
      },
      {
        key: 'progress',
        header: { en: 'Progress', fr: 'Progression' },
        note: {
          en: 'A bar of the KR score (on a key result’s row) or of the rolled-up score (on an objective’s row). Written on each row by the add-on; Repair puts back a missing one.',
          fr: 'Une barre du score RC (sur la ligne d’un résultat clé) ou du score consolidé (sur celle d’un objectif). Écrite sur chaque ligne par le module\u00a0; Réparer remet celle qui manque.',
        },
        width: 130,
        perRow: true,
      },
      {
        key: 'owner',
        header: { en: 'Owner', fr: 'Responsable' },
        note: {
          en: 'Who answers for the objective, or for a key result on its row (blank: the objective’s owner).',
          fr: 'Qui répond de l’objectif, ou d’un résultat clé sur sa ligne (vide\u00a0: le responsable de l’objectif).',
        },
        // wide enough for the first row's "Fiscal year starts (month)" above it (162 px in Arial bold)
        width: 180,
      },
      {
        key: 'current',
        header: { en: 'Current', fr: 'Actuel' },
        note: {
          en: 'The value now: check-ins update it.',
          fr: 'La valeur actuelle\u00a0: les points de suivi la mettent à jour.',
        },
        width: 80,
      },
      {
        key: 'confidence',
        header: { en: 'Confidence', fr: 'Confiance' },
        width: 85,
        format: '0%',
        validation: { kind: 'share' },
      },
      { key: 'target', header: { en: 'Target', fr: 'Cible' }, width: 80 },
      { key: 'start', header: { en: 'Start', fr: 'Départ' }, width: 80 },
      { key: 'unit', header: { en: 'Unit', fr: 'Unité' }, width: 80 },
      {
        key: 'type',
        header: { en: 'Type', fr: 'Type' },
        note: {
          en: 'increase, decrease, at_least, at_most or milestone (blank: from start and target).',
          fr: 'augmenter, diminuer, au_moins, au_plus ou jalon (vide\u00a0: déduit du départ et de la cible).',
        },
        width: 95,
        validation: { kind: 'list', values: (lang) => dropdowns.krTypes(lang) },
      },
      { key: 'weight', header: { en: 'Weight', fr: 'Poids' }, width: 60 },
      {
        key: 'level',
        header: { en: 'Level', fr: 'Niveau' },
        width: 100,
        validation: { kind: 'list', values: (lang) => dropdowns.levels(lang) },
      },
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
          fr: 'Coché\u00a0: engagé (1,0 attendu). Non coché\u00a0: ambitieux (0,7 est un succès).',
        },
        width: 80,
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

/**
 * A row's progress bar: a bar chart Sheets draws in the cell, of the row's score from 0 to 100 %
 * (the KR score on a key result's row, the rolled-up score on an objective's; blank or a "#…" text
 * is 0), coloured as the score columns are. One per row: SPARKLINE does not spread through
 * ARRAYFORMULA. A built-in function, so the sheet still makes one custom-function call per column.
 */
export function progressFormula(scoreCell: string): string {
  const s = `N(${scoreCell})`;
  const { green, yellow, red } = STYLE.bar;
  return `=SPARKLINE(MAX(0, MIN(1, ${s})), {"charttype", "bar"; "max", 1; "color1", IF(${s}>=0.7, "${green}", IF(${s}>=0.4, "${yellow}", "${red}"))})`;
}

/** The score a row's progress bar shows: a key result's own, or an objective's rolled-up score. */
export const progressSource = (kind: 'objective' | 'kr'): QuarterKey =>
  kind === 'objective' ? 'score' : 'krScore';
