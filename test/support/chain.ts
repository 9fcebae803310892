/**
 * A small quarter sheet computed column by column as its template's formulas do (each column one
 * call over the whole column, fed by the columns before it), with one bad current value.
 */
type Call = (name: string, ...args: unknown[]) => unknown;
const col = (...v: unknown[]) => v.map((x) => [x]);

export const BAD_ROW = 5;

export function quarterChain(call: Call, bad: unknown = 'abc') {
  // rows: O1 (company), its KR, O2 (team, under O1), its two KRs, the second with a bad current value
  const objectiveId = col('O1', '', 'O2', '', '');
  const objective = col('O1', 'O1', 'O2', 'O2', 'O2');
  const parent = col('', '', 'O1', '', '');
  const committed = col(false, '', true, '', '');
  const start = col('', 0, '', 0, 0);
  const target = col('', 10, '', 10, 10);
  const current = col('', 5, '', 8, bad);
  const type = col('', '', '', '', '');
  const weight = col('', '', '', '', '');
  const krScore = call('KR_SCORE', start, target, current, type);
  const krMean = call('OKR_SCORE', krScore, weight, objective);
  const score = call('OKR_ROLLUP', objectiveId, parent, krMean);
  const grade = call('OKR_GRADE', score, committed);
  const status = call('OKR_STATUS', score, 0.5, col(0.7, 0.7, 1, 0.7, 0.7));
  const overall = call('OKR_SCORE', score);
  return { krScore, krMean, score, grade, status, overall };
}
