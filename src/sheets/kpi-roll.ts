import type { Cell } from '../core/cells';
import type { Lang } from '../core/i18n';
import { findHeaderRow, mapColumns } from '../core/read-quarter';
import { Formula } from './cells';
import { kpisLayout, thresholdGap } from './companion-layouts';
import { columnLetter } from './template';
import { headerFormula } from './write';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const MONTH = /^(\d{4})-(\d{2})$/;
const monthIndex = (label: string) => {
  const m = MONTH.exec(label.trim());
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : undefined;
};
const monthLabel = (k: number) => `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;

/** The dashboard's month columns as read: where they are and the last month they reach. */
export interface KpiPeriods {
  headerRow: number;
  /** 1-based columns of the first and last month. */
  first: number;
  last: number;
  lastMonth: number;
  rows: number;
  /** 1-based columns of the computed columns and the sparkline, found by their headers. */
  latest: number;
  status: number;
  trend: number;
  sparkline: number;
  greenAt: number;
  redAt: number;
  direction: number;
}

/** Reads the dashboard's header row (one read): its month columns, found by their labels. */
export function kpiPeriods(sheet: Sheet, lang: Lang): KpiPeriods | undefined {
  const width = Math.max(sheet.getLastColumn(), 1);
  const top = sheet.getRange(1, 1, 3, width).getValues() as Cell[][];
  const h = findHeaderRow(top, kpisLayout.columns, ['id', 'name', 'direction']);
  if (h < 0) return undefined;
  const header = top[h]!;
  const months = header.flatMap((v, i) => {
    const k = monthIndex(String(v ?? ''));
    return k === undefined ? [] : [{ col: i + 1, k }];
  });
  if (months.length === 0) return undefined;
  const map = mapColumns(header, kpisLayout.columns, columnLetter, lang);
  const at = (key: string) => (map.index[key as keyof typeof map.index] ?? -1) + 1;
  // the KPI rows: down to the last one with an id or a name (computed columns spill to the foot)
  const idCol = Math.max(at('id'), 1);
  const below = Math.max(sheet.getLastRow() - h - 1, 0);
  const names = below
    ? sheet.getRange(h + 2, idCol, below, Math.max(at('name') - idCol + 1, 1)).getValues()
    : [];
  let rows = 0;
  names.forEach((r, i) => {
    if (r.some((v) => v !== '' && v !== null)) rows = i + 1;
  });
  return {
    headerRow: h + 1,
    first: months[0]!.col,
    last: months[months.length - 1]!.col,
    lastMonth: Math.max(...months.map((m) => m.k)),
    rows,
    latest: at('latest'),
    status: at('status'),
    trend: at('trend'),
    sparkline: at('sparkline'),
    greenAt: at('greenAt'),
    redAt: at('redAt'),
    direction: at('direction'),
  };
}

/** The months a dashboard lacks to reach a day's month (none when it is there already). */
export function missingMonths(periods: KpiPeriods, untilYear: number, untilMonth: number): string[] {
  const until = untilYear * 12 + untilMonth - 1;
  const out: string[] = [];
  for (let k = periods.lastMonth + 1; k <= until; k++) out.push(monthLabel(k));
  return out;
}

/**
 * Rolls the KPI dashboard forward: a column per missing month after the last one (the history
 * kept), their values formatted as the last month's, and the latest value, status, trend and
 * sparkline computed over the whole history again.
 */
export function rollKpiSheet(sheet: Sheet, p: KpiPeriods, months: readonly string[], lang: Lang): void {
  if (months.length === 0) return;
  const n = months.length;
  sheet.insertColumnsAfter(p.last, n);
  sheet.getRange(p.headerRow, p.last + 1, 1, n).setValues([months.map((m) => `'${m}`)]);
  if (p.rows > 0) {
    const formats = sheet.getRange(p.headerRow + 1, p.last, p.rows, 1).getNumberFormats();
    sheet
      .getRange(p.headerRow + 1, p.last + 1, p.rows, n)
      .setNumberFormats(formats.map((r) => new Array<string>(n).fill(r[0] ?? 'General')));
  }
  const shift = (c: number) => (c > p.last ? c + n : c);
  const letter = (c: number) => columnLetter(shift(c));
  const span = `${columnLetter(p.first)}${p.headerRow}:${columnLetter(p.last + n)}`;
  const col = (c: number) => `${letter(c)}${p.headerRow}:${letter(c)}`;
  const rows = col(1);
  const text = (key: string) => kpisLayout.columns.find((c) => c.key === key)!.header[lang];
  const write = (c: number, key: string, inner: string) => {
    if (c > 0) sheet.getRange(p.headerRow, shift(c)).setFormula(headerFormula(text(key), inner, rows));
  };
  write(p.latest, 'latest', `KPI_LATEST(${span})`);
  write(p.status, 'status', `KPI_STATUS(${col(p.latest)}, ${col(p.greenAt)}, ${col(p.redAt)})`);
  write(
    p.trend,
    'trend',
    `KPI_TREND(${span}, ${col(p.direction)}, ${thresholdGap(col(p.greenAt), col(p.redAt))})`,
  );
  if (p.sparkline > 0 && p.rows > 0) {
    const first = p.headerRow + 1;
    sheet
      .getRange(first, shift(p.sparkline), p.rows, 1)
      .setFormulas(
        Array.from({ length: p.rows }, (_, i) => [
          new Formula(
            `=SPARKLINE(${columnLetter(p.first)}${first + i}:${columnLetter(p.last + n)}${first + i})`,
          ).text,
        ]),
      );
  }
}
