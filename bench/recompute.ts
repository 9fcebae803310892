/**
 * The formula engine after one edit: a quarter of n objectives inserted by the add-on, then a user's
 * setValue of one KR's current value and a read of the objective-score column. The edit sets off
 * one call per dependent column formula (KR score, objectives' mean, rollup, grade, status…).
 */
import { QUARTER } from '../src/sheets/read';
import { addonWorkbook } from './addon';
import { measure } from './counter';
import { median } from './vm';
import { insertPayload } from './workload';

export interface RecomputeResult {
  objectives: number;
  edits: number;
  /** Median wall time of setValue + getValues of the score column, recalculation included. */
  medianMs: number;
  firstMs: number;
  /** Service calls of one edit and read (getRange, setValue, getRange, getValues). */
  calls: number;
  customFunctions: number;
  /** Custom-function calls of one edit, by function. */
  byFunction: Record<string, number>;
  /** The edited KR's objective score changed as expected. */
  scoreChanged: boolean;
}

export function benchRecompute(n: number, edits = 7, k = 4): RecomputeResult {
  const { wb, counter, app } = addonWorkbook();
  const { sheet: name } = app.run('insertQuarter', insertPayload(n, k)) as { sheet: string };
  const sheet = wb.sheet(name);
  const rows = n * (k + 1);
  const scoreCol = QUARTER.num('score');
  // the first KR of the objective in the middle of the sheet: row of objective i is first + i*(k+1)
  const objectiveRow = QUARTER.first + Math.floor(n / 2) * (k + 1);
  const krRow = objectiveRow + 1;
  const before = sheet.getRange(objectiveRow, scoreCol).getValue();
  const runs = Array.from({ length: edits }, (_, i) =>
    measure(counter, () => {
      sheet.getRange(krRow, QUARTER.num('current')).setValue(i % 2 === 0 ? 10 : 3);
      return sheet.getRange(QUARTER.first, scoreCol, rows, 1).getValues();
    }),
  );
  const first = runs[0]!;
  const byFunction: Record<string, number> = {};
  for (const h of first.hits) {
    if (!h.name.startsWith('CustomFunction.')) continue;
    const fn = h.name.slice('CustomFunction.'.length);
    byFunction[fn] = (byFunction[fn] ?? 0) + 1;
  }
  const scores = first.result;
  return {
    objectives: n,
    edits,
    medianMs: median(runs.map((r) => r.cost.ms)),
    firstMs: first.cost.ms,
    calls: first.cost.calls,
    customFunctions: first.cost.customFunctions,
    byFunction,
    scoreChanged: scores[objectiveRow - QUARTER.first]?.[0] !== before,
  };
}
