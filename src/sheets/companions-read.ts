import { idOf } from '../core/alignment';
import { type Cell, isBlank, readNumber } from '../core/cells';
import type { KpiRead } from '../core/health';
import { kpiGrade, latestValue } from '../core/kpi';
import { KPI_PERIODS, kpisLayout } from './companion-layouts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The KPI dashboard in one read: each KPI's latest value, status and last period. */
export function readKpis(sheet: Sheet): KpiRead[] {
  const L = kpisLayout;
  const last = sheet.getLastRow();
  if (last < L.first) return [];
  const values = sheet.getRange(L.headerRow, 1, last - L.headerRow + 1, L.width).getValues() as Cell[][];
  const header = values[0] ?? [];
  const p1 = L.num('p1') - 1;
  const pN = L.num(`p${KPI_PERIODS}`) - 1;
  const num = (v: Cell) => {
    try {
      return isBlank(v) ? undefined : readNumber(v);
    } catch {
      return undefined;
    }
  };
  return values.slice(1).flatMap((r, i) => {
    const id = idOf(r[L.num('id') - 1]);
    const name = String(r[L.num('name') - 1] ?? '').trim();
    if (id === '' && name === '') return [];
    const series = r.slice(p1, pN + 1);
    let latest: number | undefined;
    try {
      const l = latestValue(series);
      latest = l === '' ? undefined : l;
    } catch {
      latest = undefined;
    }
    const green = num(r[L.num('greenAt') - 1]);
    const red = num(r[L.num('redAt') - 1]);
    return [
      {
        id,
        name,
        row: L.first + i,
        lastPeriod: String(header[pN] ?? ''),
        lastValue: num(series[series.length - 1]),
        status:
          latest !== undefined && green !== undefined && red !== undefined
            ? kpiGrade(latest, green, red)
            : undefined,
      },
    ];
  });
}
