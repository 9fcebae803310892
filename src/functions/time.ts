import { idOf, readId } from '../core/alignment';
import { type DayNumber, isBlank, readDay, readNumber, upstreamOf } from '../core/cells';
import { InputError } from '../core/errors';
import { forecastOf, readCheckInValue } from '../core/forecast';
import type { Lang } from '../core/i18n';
import { render } from '../core/messages';
import { quarterProgress } from '../core/quarter';
import { readKrType } from '../core/score';
import { at, type FunctionSpec, type Out, perCell, readArg } from './define';

export const QUARTER_PROGRESS: FunctionSpec = {
  name: 'QUARTER_PROGRESS',
  summary: {
    en: 'Share of the quarter elapsed on a date: 0 on its first day.',
    fr: 'Part du trimestre écoulée à une date\u00a0: 0 le premier jour.',
  },
  params: [{ name: 'date' }, { name: 'fiscal_start_month', optional: true }],
  result: 'common',
  run: perCell(([date, fiscal], call) => quarterProgress(date, fiscal, call.timeZone)),
};

export const KR_FORECAST: FunctionSpec = {
  name: 'KR_FORECAST',
  summary: {
    en: 'Projected score of each KR at end_date, from the line through its check-ins.',
    fr: 'Score projeté de chaque résultat clé à end_date, d’après la droite de ses points de suivi.',
  },
  params: [
    { name: 'kr_ids' },
    { name: 'starts' },
    { name: 'targets' },
    { name: 'types' },
    { name: 'end_date' },
    {
      name: 'log_kr_ids',
      group: 'b',
    },
    {
      name: 'log_dates',
      group: 'b',
    },
    {
      name: 'log_values',
      group: 'b',
    },
  ],
  result: 'common',
  run(args, call) {
    const [ids, starts, targets, types, ends, logIds, logDates, logValues] = args;
    const logRows = Math.max(logIds!.length, logDates!.length, logValues!.length);
    const logCols = Math.max(logIds![0]!.length, logDates![0]!.length, logValues![0]!.length);
    const size = logRows * logCols;
    // one pass over the log: each point's KR (a slot per KR id), day and value, or the first bad row
    // that concerns a KR; then the points grouped by KR in one flat list (no object per point)
    const slots = new Map<string, number>();
    const bad: InputError[] = [];
    const slotOf = new Int32Array(size).fill(-1);
    const pointDay = new Float64Array(size);
    const pointValue = new Float64Array(size);
    for (let k = 0; k < size; k++) {
      const r = (k / logCols) | 0;
      const c = k % logCols;
      const cell = at(logIds, r, c);
      // a log row whose KR id is another function's error belongs to no KR
      const id = upstreamOf(cell) === undefined ? idOf(cell) : '';
      if (id === '') continue;
      let slot = slots.get(id);
      if (slot !== undefined && bad[slot]) continue;
      const value = at(logValues, r, c);
      // a check-in with a comment or a confidence only is no point of the line
      if (isBlank(value)) continue;
      if (slot === undefined) {
        slot = slots.size;
        slots.set(id, slot);
      }
      try {
        pointDay[k] = readArg((v) => readDay(v, call.timeZone), at(logDates, r, c), 'log_dates');
        pointValue[k] = readArg(readCheckInValue, value, 'log_values');
        slotOf[k] = slot;
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        // the KR's cell names the log row at fault, in the reader's language
        const row = r + 1;
        const where = { text: (l: Lang) => render('checkInRow', { row }, l) };
        bad[slot] = e.at(where);
      }
    }
    const first = new Int32Array(slots.size + 1);
    for (let k = 0; k < size; k++) if (slotOf[k]! >= 0) first[slotOf[k]! + 1]!++;
    for (let s = 0; s < slots.size; s++) first[s + 1]! += first[s]!;
    const next = first.slice(0, slots.size);
    const days = new Float64Array(first[slots.size]!);
    const values = new Float64Array(first[slots.size]!);
    for (let k = 0; k < size; k++) {
      const s = slotOf[k]!;
      if (s < 0) continue;
      days[next[s]!] = pointDay[k]!;
      values[next[s]!++] = pointValue[k]!;
    }
    const rows = ids!.length;
    const cols = ids![0]!.length;
    const one = (r: number, c: number): Out => {
      try {
        const id = readId(at(ids, r, c));
        if (id === '') return '';
        const slot = slots.get(id);
        // no check-in yet: nothing to project, whatever the row still lacks (a new quarter)
        if (slot === undefined) return '';
        if (bad[slot]) throw bad[slot];
        const type = readKrType(at(types, r, c), 'types');
        const targetCell = at(targets, r, c);
        if (type !== 'milestone' && isBlank(targetCell)) throw new InputError('required', {}, 'targets');
        const target = isBlank(targetCell) ? undefined : readArg(readNumber, targetCell, 'targets');
        const startCell = at(starts, r, c);
        const start = isBlank(startCell) ? 0 : readArg(readNumber, startCell, 'starts');
        const end: DayNumber = readArg((v) => readDay(v, call.timeZone), at(ends, r, c), 'end_date');
        const kr = { start, target, type, startBlank: isBlank(startCell) };
        return forecastOf(kr, days, values, first[slot]!, first[slot + 1]!, end);
      } catch (e) {
        return call.fail(e);
      }
    };
    if (call.single) return one(0, 0);
    const out: Out[][] = new Array(rows);
    for (let r = 0; r < rows; r++) {
      const row: Out[] = new Array(cols);
      for (let c = 0; c < cols; c++) row[c] = one(r, c);
      out[r] = row;
    }
    return out;
  },
};
