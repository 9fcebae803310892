import { type DayNumber, isoOf } from '../core/cells';
import type { Lang } from '../core/i18n';
import { libraryKpi } from '../core/kpi-library';
import { DIRECTIONS } from '../core/words';
import type { Catalog, SheetKind } from './catalog';
import { type CellValue, cellValue, Formula } from './cells';
import {
  type AlignmentKey,
  alignmentLayout,
  checkinsLayout,
  KPI_PERIODS,
  type KpiKey,
  kpisLayout,
  reviewsLayout,
} from './companion-layouts';
import { errorTexts, gradeColours, wordColours } from './conditional';
import { SHEET_NAMES } from './texts';
import { companionSheet, STYLE, uniqueSheetName, writeTable } from './write';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const quote = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/** The check-in log, the review history and the alignment view: created only when missing. */
export function ensureCompanions(
  ss: Spreadsheet,
  catalog: Catalog,
  lang: Lang,
): Record<'checkins' | 'reviews' | 'alignment', Sheet> {
  const make = (kind: SheetKind, name: string, write: (s: Sheet) => void, headers: string[]): Sheet => {
    const existing = catalog.first(kind);
    if (existing) return existing;
    const sheet = companionSheet(ss, name, (s) => catalog.entryOf(s) !== undefined, headers);
    write(sheet);
    sheet.setTabColor(STYLE.tab[kind]);
    catalog.remember(sheet, { kind });
    return sheet;
  };
  return {
    checkins: make(
      'checkins',
      SHEET_NAMES.checkins[lang],
      (s) => writeTable(s, checkinsLayout, lang, { rows: [] }),
      checkinsLayout.columns.map((c) => c.header[lang]),
    ),
    reviews: make(
      'reviews',
      SHEET_NAMES.reviews[lang],
      (s) => writeTable(s, reviewsLayout, lang, { rows: [] }),
      reviewsLayout.columns.map((c) => c.header[lang]),
    ),
    alignment: make(
      'alignment',
      SHEET_NAMES.alignment[lang],
      (s) => {
        writeTable(s, alignmentLayout, lang, { rows: [] });
        styleAlignment(s, lang);
      },
      [],
    ),
  };
}

/** Where the alignment view reads a quarter sheet's objectives (column letters, first data row). */
export interface AlignmentSource {
  id: string;
  title: string;
  level: string;
  owner: string;
  parent: string;
  score: string;
  first: number;
}

/**
 * The alignment view's formulas for a quarter sheet: its first row (title, the share aligned) and
 * its header row, each column the quarter's objective rows through FILTER.
 */
export function alignmentFormulas(
  quarterSheetName: string,
  quarterLabel: string,
  lang: Lang,
  cols: AlignmentSource,
): { row1: CellValue[]; headers: CellValue[] } {
  const q = quote(quarterSheetName);
  // from the quarter's header row, the header itself left out: a row inserted above the quarter's
  // first data row lands inside these ranges rather than shifting them
  const from = (c: string) => `${q}!${c}${cols.first - 1}:${c}`;
  const L = alignmentLayout;
  const pick = (key: AlignmentKey, c: string) =>
    new Formula(
      `={"${L.columns.find((x) => x.key === key)!.header[lang].replace(/"/g, '""')}"; IFERROR(FILTER(${from(c)}, ${from(cols.id)}<>"", SEQUENCE(ROWS(${from(cols.id)}))>1), "")}`,
    );
  const titles = { en: `Alignment — ${quarterLabel}`, fr: `Alignement — ${quarterLabel}` };
  const share = { en: 'Aligned to the top', fr: 'Alignés au sommet' };
  const r = L.ctx(lang).dataRange;
  return {
    row1: [
      titles[lang],
      '',
      share[lang],
      new Formula(`=OKR_ALIGNMENT(${r('id')}, ${r('parent')}, ${r('level')})`),
    ],
    headers: [
      pick('id', cols.id),
      pick('title', cols.title),
      pick('level', cols.level),
      pick('owner', cols.owner),
      pick('parent', cols.parent),
      pick('score', cols.score),
    ],
  };
}

/** Points the alignment view at a quarter sheet: its rows are that sheet's objective rows. */
export function pointAlignment(
  alignment: Sheet,
  /** The quarter sheet, or its name when the caller has just given it (one call fewer). */
  quarterSheet: Sheet | string,
  quarterLabel: string,
  lang: Lang,
  cols: AlignmentSource,
): void {
  const L = alignmentLayout;
  const name = typeof quarterSheet === 'string' ? quarterSheet : quarterSheet.getName();
  const { row1, headers } = alignmentFormulas(name, quarterLabel, lang, cols);
  alignment.getRange(1, 1, 1, row1.length).setValues([row1.map(cellValue)]);
  alignment.getRange(L.headerRow, 1, 1, headers.length).setValues([headers.map(cellValue)]);
}

/**
 * The alignment view's look, set once when it is made (each quarter pointed at it after keeps it):
 * the overall score's format, the label in bold, the links coloured by what they say.
 */
function styleAlignment(alignment: Sheet, lang: Lang): void {
  const L = alignmentLayout;
  alignment.getRange(1, 4).setNumberFormat('0%');
  alignment.getRange(1, 1).setFontWeight('bold');
  const link = alignment.getRange(`${L.col('link')}${L.first}:${L.col('link')}`);
  alignment.setConditionalFormatRules([
    errorTexts([link]),
    ...gradeColours([link], `${L.col('link')}${L.first}`, lang, {
      green: { words: ['top', 'aligned'], numbers: false },
      yellow: { words: ['orphan'], numbers: false },
    }),
  ]);
}

/** Month labels of the dashboard's periods, oldest first, ending with the month of `asOf`. */
export function periodLabels(asOf: DayNumber, count = KPI_PERIODS): string[] {
  const [y, m] = isoOf(asOf).split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const k = y * 12 + (m - 1) - (count - 1 - i);
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

export interface DashboardKpi {
  key?: string;
  id: string;
  name: string;
  family: string;
  unit: string;
  direction: 'higher' | 'lower';
  period: string;
  greenAt: number | '';
  redAt: number | '';
  benchmark: number | '';
  linkedKr: string;
  values: readonly (number | '')[];
  format?: string;
}

/** Dashboard rows for KPIs picked from the library (no values yet). */
export function libraryRows(keys: readonly string[], lang: Lang): DashboardKpi[] {
  return keys.flatMap((key, i) => {
    const found = libraryKpi(key);
    if (!found) return [];
    const { family, kpi } = found;
    const periods = {
      week: { en: 'week', fr: 'semaine' },
      month: { en: 'month', fr: 'mois' },
      quarter: { en: 'quarter', fr: 'trimestre' },
    };
    return [
      {
        key,
        id: `K${i + 1}`,
        name: kpi.name[lang],
        family: family.name[lang],
        unit: kpi.unit[lang],
        direction: kpi.direction,
        period: periods[kpi.period][lang],
        greenAt: kpi.greenAt ?? '',
        redAt: kpi.redAt ?? '',
        benchmark: '',
        linkedKr: '',
        values: [],
        format: kpi.format,
      },
    ];
  });
}

/** Inserts the KPI dashboard (never over an existing sheet). */
export function insertKpiSheet(
  ss: Spreadsheet,
  catalog: Catalog,
  kpis: readonly DashboardKpi[],
  asOf: DayNumber,
  lang: Lang,
): Sheet {
  const sheet = ss.insertSheet(uniqueSheetName(ss, SHEET_NAMES.kpis[lang]));
  const L = kpisLayout;
  const labels = periodLabels(asOf);
  const headers: Partial<Record<KpiKey, string>> = {};
  labels.forEach((label, i) => {
    headers[`p${i + 1}` as KpiKey] = label;
  });
  const first = L.first;
  const rows = kpis.map((k, r) => {
    const row: Partial<Record<KpiKey, CellValue>> = {
      id: k.id,
      name: k.name,
      family: k.family,
      unit: k.unit,
      direction: DIRECTIONS[k.direction][lang === 'en' ? 0 : 1],
      period: k.period,
      greenAt: k.greenAt,
      redAt: k.redAt,
      benchmark: k.benchmark,
      linkedKr: k.linkedKr,
      sparkline: new Formula(
        `=SPARKLINE(${L.col('p1')}${first + r}:${L.col(`p${KPI_PERIODS}`)}${first + r})`,
      ),
    };
    k.values.forEach((v, i) => {
      row[`p${i + 1}` as KpiKey] = v;
    });
    return row;
  });
  const valueKeys = new Set<KpiKey>([
    'greenAt',
    'redAt',
    'benchmark',
    'latest',
    ...labels.map((_, i) => `p${i + 1}` as KpiKey),
  ]);
  const dashboardTitle = { en: 'KPI dashboard', fr: 'Tableau de bord KPI' };
  const note = {
    en: 'One column per month, oldest first: add a column before "Latest" for a new month.',
    fr: 'Une colonne par mois, du plus ancien au plus récent\u00a0: ajoutez une colonne avant «\u00a0Dernière valeur\u00a0» pour un nouveau mois.',
  };
  writeTable(sheet, L, lang, {
    above: [[dashboardTitle[lang], note[lang]]],
    headers,
    rows,
    cellFormat: (r, key) => (valueKeys.has(key) ? kpis[r]?.format : undefined),
  });
  sheet.getRange(1, 1).setFontWeight('bold');
  const col = (key: KpiKey) => sheet.getRange(`${L.col(key)}${first}:${L.col(key)}`);
  sheet.setConditionalFormatRules([
    errorTexts([sheet.getRange(`${L.col('latest')}${first}:${L.col('trend')}`)]),
    ...wordColours(col('status'), lang, { green: 'green', yellow: 'yellow', red: 'red' }),
    ...wordColours(col('trend'), lang, { improving: 'green', worsening: 'red' }),
  ]);
  sheet.setTabColor(STYLE.tab.kpis);
  catalog.remember(sheet, { kind: 'kpis' });
  return sheet;
}
