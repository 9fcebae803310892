/**
 * The add-on's operations as a user runs them, through the bundle (dist/Code.js) on the emulator,
 * each endpoint called as google.script.run does: insert a quarter, check in, load the review,
 * finish it (which opens the next quarter).
 */
import type { Workbook } from '../emulator/index';
import { type Cost, costOf, type Hit, measure, newWorkbook } from './counter';
import { type Answer, checkInPayload, FIRST_QUARTER, insertPayload, LEVELS } from './workload';

export interface AddonRun {
  wb: Workbook;
  /** Sheets in the spreadsheet before the quarter is inserted. */
  sheetsAtStart: number;
  sheet: string;
  insert: Cost;
  checkIn: Cost;
  loadReview: Cost;
  finishReview: Cost;
  /** The part of finishReview that opens the next quarter (from its first sheet write on). */
  nextQuarter: Cost | undefined;
  nextSheet: string;
  reviewId: string;
}

/**
 * A spreadsheet with the add-on open and a first (blank) quarter, so its companion sheets exist;
 * `extraSheets` of the user's own besides.
 */
export function addonWorkbook(extraSheets = 0) {
  const { wb, counter } = newWorkbook();
  for (let i = 0; i < extraSheets; i++) wb.spreadsheet.insertSheet(`Notes ${i + 1}`);
  const app = wb.loadBundle();
  app.call('onOpen', { authMode: 'LIMITED' });
  app.run('insertQuarter', { quarter: FIRST_QUARTER, fiscalStart: 1, levels: LEVELS, content: 'blank' });
  return { wb, counter, app };
}

/**
 * finishReview's calls split where the next quarter starts: the closed sheet's protection
 * (Sheet.protect, then its description and warning) is the last thing done to the old quarter; the
 * next quarter's sheet is what follows (its name looked up, inserted, written, catalogued and
 * pointed at by the alignment view; the closed quarter's Current formats, read to carry them over,
 * and the finish's step recorded before the sheet is made come first), up to the review's record
 * written with the answers' removal (the last write of properties), which with the flush and the
 * lock's release closes the call.
 */
export function nextQuarterPart(hits: readonly Hit[]): Hit[] | undefined {
  const own = (name: string) => (h: Hit) => h.name === name && !h.inCustomFunction;
  const from = hits.findIndex(own('Sheet.protect'));
  // the last write: the review's record with the answers' removal (a read of the store, then one
  // setProperties; a setProperty when there is no answer to remove)
  let to = hits.length - 1;
  while (to >= 0 && !own('Properties.setProperties')(hits[to]!) && !own('Properties.setProperty')(hits[to]!))
    to--;
  if (to > 0 && own('Properties.getProperties')(hits[to - 1]!)) to--;
  return from < 0 || to < from ? undefined : hits.slice(from + 3, to);
}

export function partCost(hits: readonly Hit[] | undefined): Cost | undefined {
  if (!hits || hits.length === 0) return undefined;
  return costOf(hits, hits[hits.length - 1]!.t - hits[0]!.t);
}

/** Runs the add-on's operations on a quarter of n objectives × k KRs. */
export function runAddon(n: number, k = 4, answersOf?: (n: number) => Answer[], extraSheets = 0): AddonRun {
  const { wb, counter, app } = addonWorkbook(extraSheets);
  const sheetsAtStart = wb.spreadsheet.getSheets().length;
  const insert = measure(counter, () => app.run('insertQuarter', insertPayload(n, k)) as { sheet: string });
  const sheet = insert.result.sheet;
  const checkIn = measure(counter, () => app.run('checkIn', checkInPayload(sheet, n)));
  const load = measure(
    counter,
    () => app.run('getReviewState', { sheet }) as { reviewId: string; answers: Answer[] },
  );
  const reviewId = load.result.reviewId;
  // the answers are saved one objective at a time as the user goes (not counted)
  for (const answer of answersOf ? answersOf(n) : load.result.answers)
    app.run('saveReviewStep', { reviewId, answer });
  const finish = measure(
    counter,
    () => app.run('finishReview', { reviewId, sheet }) as { nextSheet: string; rows: number },
  );
  return {
    wb,
    sheetsAtStart,
    sheet,
    insert: insert.cost,
    checkIn: checkIn.cost,
    loadReview: load.cost,
    finishReview: finish.cost,
    nextQuarter: partCost(nextQuarterPart(finish.hits)),
    nextSheet: finish.result.nextSheet,
    reviewId,
  };
}
