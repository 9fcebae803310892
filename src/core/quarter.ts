import { type Cell, type DayNumber, dayNumber, isBlank, readDay, readNumber, ymdOf } from './cells';
import { InputError } from './errors';
import { inArg, tidy } from './score';

export function readFiscalStart(v: Cell): number {
  if (isBlank(v)) return 1;
  const m = inArg('fiscal_start_month', () => readNumber(v));
  if (!Number.isInteger(m) || m < 1 || m > 12)
    throw new InputError('notAMonth', { value: v }, 'fiscal_start_month');
  return m;
}

export interface Quarter {
  /** The fiscal year, named after the calendar year it starts in. */
  fiscalYear: number;
  /** 1 to 4. */
  q: number;
  first: DayNumber;
  /** The first day of the next quarter. */
  next: DayNumber;
}

/** First day of the month `monthOffset` months after (year, month). */
function monthStart(year: number, month: number, monthOffset: number): DayNumber {
  const k = year * 12 + (month - 1) + monthOffset;
  return dayNumber(Math.floor(k / 12), (k % 12) + 1, 1);
}

/** The fiscal quarter a day falls in, for a fiscal year starting in month `fiscalStart` (1–12). */
export function quarterOf(day: DayNumber, fiscalStart = 1): Quarter {
  const { y, m } = ymdOf(day);
  const sinceStart = (m - fiscalStart + 12) % 12;
  const fiscalYear = m >= fiscalStart ? y : y - 1;
  const q = Math.floor(sinceStart / 3) + 1;
  return {
    fiscalYear,
    q,
    first: monthStart(fiscalYear, fiscalStart, (q - 1) * 3),
    next: monthStart(fiscalYear, fiscalStart, q * 3),
  };
}

/** The quarter after this one. */
export function nextQuarter(quarter: Quarter, fiscalStart = 1): Quarter {
  return quarterOf(quarter.next, fiscalStart);
}

/** Share of the quarter elapsed: 0 on its first day, (n − 1)/n on its last. */
export function elapsedShare(day: DayNumber, fiscalStart = 1): number {
  const q = quarterOf(day, fiscalStart);
  return tidy((day - q.first) / (q.next - q.first));
}

export function quarterProgress(dateCell: Cell, fiscalCell: Cell, timeZone: () => string): number | '' {
  if (isBlank(dateCell)) return '';
  const day = inArg('date', () => readDay(dateCell, timeZone));
  return elapsedShare(day, readFiscalStart(fiscalCell));
}

/** "Q1 2026" style label; fiscal years not starting in January read "Q1 FY2026". */
export function quarterLabel(quarter: Quarter, fiscalStart = 1): string {
  return fiscalStart === 1 ? `Q${quarter.q} ${quarter.fiscalYear}` : `Q${quarter.q} FY${quarter.fiscalYear}`;
}

/** Reads "Q1 2026", "2026-Q1", "T1 2026" (trimestre), "Q1 FY2026". */
export function parseQuarterLabel(text: string, fiscalStart = 1): Quarter | undefined {
  const m =
    /^\s*[QT]([1-4])\s*(?:FY|AF)?\s*(\d{4})\s*$/i.exec(text) ??
    /^\s*(?:FY)?(\d{4})\s*[-\s]\s*[QT]([1-4])\s*$/i.exec(text);
  if (!m) return undefined;
  const [q, year] = /^\s*[QT]/i.test(text) ? [Number(m[1]), Number(m[2])] : [Number(m[2]), Number(m[1])];
  const first = monthStart(year, fiscalStart, (q - 1) * 3);
  return quarterOf(first, fiscalStart);
}
