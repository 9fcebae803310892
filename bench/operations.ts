/**
 * Each operation measured twice on the same workload: through the add-on (bench/addon.ts) and as
 * the per-cell baseline (bench/naive.ts), with the ratio of their service calls.
 */
import { type AddonRun, addonWorkbook, runAddon } from './addon';
import { type Cost, costOf, measure } from './counter';
import {
  naiveCheckIn,
  naiveCloseQuarter,
  naiveInsertQuarter,
  naiveLoadReview,
  naiveOpenQuarter,
} from './naive';
import { answers, checkInPayload, insertPayload } from './workload';

export type OperationKey = 'insert' | 'checkIn' | 'loadReview' | 'finishReview' | 'nextQuarter';

export const OPERATIONS: readonly { key: OperationKey; label: string }[] = [
  { key: 'insert', label: 'insert a quarter' },
  { key: 'checkIn', label: 'check-in of 10 KRs' },
  { key: 'loadReview', label: 'load the review' },
  { key: 'finishReview', label: 'finish the review' },
  { key: 'nextQuarter', label: '↳ of which: open the next quarter' },
];

export type Costs = Record<OperationKey, Cost | undefined>;

/** The baseline's run of the same operations (its first quarter inserted by the add-on). */
export function runNaive(n: number, k = 4, reviewId = 'R-naive') {
  const { wb, counter } = addonWorkbook();
  const insert = measure(counter, () => naiveInsertQuarter(wb, insertPayload(n, k)));
  const sheet = insert.result;
  const { sheet: _, ...checkInBody } = checkInPayload(sheet, n);
  const checkIn = measure(counter, () => naiveCheckIn(wb, sheet, checkInBody));
  const load = measure(counter, () => naiveLoadReview(wb, sheet));
  const byObjective = new Map(answers(n).map((a) => [a.objectiveId, a]));
  const close = measure(counter, () => naiveCloseQuarter(wb, sheet, byObjective, reviewId));
  const open = measure(counter, () => naiveOpenQuarter(wb, close.result));
  const costs: Costs = {
    insert: insert.cost,
    checkIn: checkIn.cost,
    loadReview: load.cost,
    finishReview: costOf([...close.hits, ...open.hits], close.cost.ms + open.cost.ms),
    nextQuarter: open.cost,
  };
  return { wb, sheet, nextSheet: open.result, costs };
}

export function addonCosts(run: AddonRun): Costs {
  return {
    insert: run.insert,
    checkIn: run.checkIn,
    loadReview: run.loadReview,
    finishReview: run.finishReview,
    nextQuarter: run.nextQuarter,
  };
}

export interface SizeResult {
  objectives: number;
  krs: number;
  addon: Costs;
  naive: Costs;
}

/** Both versions at each size (n objectives × k KRs). */
export function benchOperations(sizes: readonly number[], k = 4): SizeResult[] {
  return sizes.map((n) => {
    const addon = runAddon(n, k, answers);
    const naive = runNaive(n, k, addon.reviewId);
    return { objectives: n, krs: n * k, addon: addonCosts(addon), naive: naive.costs };
  });
}

/** Where an operation's calls differ between two sizes: the methods whose counts change. */
export function growth(small: Cost | undefined, large: Cost | undefined): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  if (!small || !large) return out;
  for (const m of new Set([...Object.keys(small.byMethod), ...Object.keys(large.byMethod)])) {
    const a = small.byMethod[m] ?? 0;
    const b = large.byMethod[m] ?? 0;
    if (a !== b) out[m] = [a, b];
  }
  return out;
}

export interface SheetCountResult {
  objectives: number;
  /** Sheets in the spreadsheet when the operations run (before the quarter is inserted). */
  sheets: [number, number];
  calls: Record<OperationKey, [number, number]>;
}

/** The add-on's calls in a spreadsheet of its own sheets, and with `extra` sheets of the user's besides. */
export function benchSheetCount(n: number, extra: number, k = 4): SheetCountResult {
  const runs = [runAddon(n, k, answers), runAddon(n, k, answers, extra)] as const;
  const calls = {} as Record<OperationKey, [number, number]>;
  for (const { key } of OPERATIONS) calls[key] = [runs[0][key]?.calls ?? 0, runs[1][key]?.calls ?? 0];
  return { objectives: n, sheets: [runs[0].sheetsAtStart, runs[1].sheetsAtStart], calls };
}
