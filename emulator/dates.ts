/**
 * Sheets stores a date as a serial number of days since 1899-12-30, read as a wall-clock time in the
 * spreadsheet's time zone [ODD]. Apps Script hands it over as the instant that wall clock means there.
 */
const DAY_MS = 86_400_000;
/** Days from 1899-12-30 to 1970-01-01. */
const EPOCH_SERIAL = 25_569;

/** English month names, for number formats and Utilities.formatDate alike. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time of an instant in a zone, as ms since 1970 of that wall clock read as UTC. */
export function wallClockMs(instantMs: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instantMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const ms = ((instantMs % 1000) + 1000) % 1000;
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'), ms);
}

/** The instant a wall-clock time (ms, read as UTC) means in a zone. */
export function instantOfWallClock(wallMs: number, timeZone: string): number {
  let guess = wallMs;
  for (let i = 0; i < 3; i++) {
    const offset = wallClockMs(guess, timeZone) - guess;
    const next = wallMs - offset;
    if (next === guess) break;
    guess = next;
  }
  return guess;
}

export function serialOfDate(date: Date, timeZone: string): number {
  return wallClockMs(date.getTime(), timeZone) / DAY_MS + EPOCH_SERIAL;
}

export function dateOfSerial(serial: number, timeZone: string): Date {
  const wall = Math.round((serial - EPOCH_SERIAL) * DAY_MS);
  return new Date(instantOfWallClock(wall, timeZone));
}

export function serialOfYmd(y: number, m: number, d: number, h = 0, min = 0, s = 0): number {
  return Date.UTC(y, m - 1, d, h, min, s) / DAY_MS + EPOCH_SERIAL;
}

/** The calendar parts of a serial (its wall clock), for display. */
export function partsOfSerial(serial: number): {
  y: number;
  m: number;
  d: number;
  h: number;
  min: number;
  s: number;
  weekday: number;
} {
  const dt = new Date(Math.round((serial - EPOCH_SERIAL) * DAY_MS));
  return {
    y: dt.getUTCFullYear(),
    m: dt.getUTCMonth() + 1,
    d: dt.getUTCDate(),
    h: dt.getUTCHours(),
    min: dt.getUTCMinutes(),
    s: dt.getUTCSeconds(),
    weekday: dt.getUTCDay(),
  };
}

/** A Date from any realm (the bundle's Dates come from the vm's). */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}
