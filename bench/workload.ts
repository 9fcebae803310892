/**
 * The bench's workload, fixed here so that results compare across commits: n objectives of k key
 * results as the insert endpoint takes them (content 'given'), the check-in of 10 KRs spread over
 * the quarter, and one review answer per objective.
 */
export const LEVELS = ['company', 'department', 'team', 'individual'];

/** n objectives × k KRs; every fifth objective's last KR is a milestone (a checkbox cell). */
export function objectives(n: number, k = 4) {
  return Array.from({ length: n }, (_, i) => ({
    id: `O${i + 1}`,
    title: `Objective ${i + 1}`,
    level: i === 0 ? 'company' : 'team',
    owner: `Team ${i % 7}`,
    parent: i === 0 ? '' : 'O1',
    committed: i % 5 === 0,
    krs: Array.from({ length: k }, (_, j) => {
      const milestone = j === k - 1 && i % 5 === 4;
      return {
        id: `O${i + 1}.${j + 1}`,
        title: `Key result ${j + 1}`,
        type: milestone ? 'milestone' : 'increase',
        unit: milestone ? '' : '%',
        start: milestone ? '' : 0,
        target: milestone ? '' : 10,
        current: milestone ? i % 2 === 0 : (i + j) % 11,
        weight: 1,
        confidence: 0.5,
      };
    }),
  }));
}

export type Objectives = ReturnType<typeof objectives>;

export const FIRST_QUARTER = 'Q1 2026';
export const QUARTER = 'Q2 2026';

export function insertPayload(n: number, k = 4) {
  return { quarter: QUARTER, fiscalStart: 1, levels: LEVELS, content: 'given', objectives: objectives(n, k) };
}

/**
 * count KRs spread evenly over the quarter's objectives (teams check in all over the sheet), each
 * as the check-in sidebar sends it: the value and confidence as typed ("8", "70 %"), a comment.
 */
export function checkInEntries(n: number, count = 10) {
  return Array.from({ length: count }, (_, i) => {
    const o = Math.floor((i * n) / count) + 1;
    return { krId: `O${o}.1`, value: String(7 + (i % 3)), confidence: '70 %', comment: `Check-in ${i + 1}` };
  });
}

/** The check-in endpoint's payload for a sheet, with the request id the sidebar sends with a save. */
export function checkInPayload(sheet: string, n: number) {
  return { sheet, requestId: 'Cbench01', entries: checkInEntries(n) };
}

export interface Answer {
  objectiveId: string;
  grade: 'green' | 'yellow' | 'red';
  wentWell: string;
  toImprove: string;
  decision: 'close' | 'carry_over' | 'drop';
}

/** One answer per objective: half carried over (the next quarter is not empty), the rest closed. */
export function answers(n: number): Answer[] {
  return Array.from({ length: n }, (_, i) => ({
    objectiveId: `O${i + 1}`,
    grade: (['green', 'yellow', 'red'] as const)[i % 3]!,
    wentWell: `Went well ${i + 1}`,
    toImprove: `To improve ${i + 1}`,
    decision: i % 2 === 0 ? 'carry_over' : 'close',
  }));
}
