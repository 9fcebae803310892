/**
 * What a cell becomes when a value is written the way Sheets' USER_ENTERED input does it (setValue,
 * setValues, appendRow, and typing in the UI): '=' starts a formula, an apostrophe forces text,
 * and numbers, percentages, currency, dates, times, booleans and error codes typed as text are
 * read in the spreadsheet's locale (en_US and fr_FR modelled; other comma-decimal locales read
 * numbers as fr does) [DOC sheets/api ValueInputOption; reference §audit; the exact rules are
 * UNVERIFIED: each is pinned in test/emulator/typing.test.ts and probed live by probes/typing.ts].
 */
import { isDate, serialOfDate, serialOfYmd } from './dates';
import { defaultDateFormat, defaultDateTimeFormat, isDateFormat } from './format';

export type Entry =
  | { kind: 'blank' }
  | { kind: 'formula'; formula: string }
  | { kind: 'error'; code: string }
  | { kind: 'value'; value: number | string | boolean; format?: string };

const fr = (locale: string) => locale.toLowerCase().startsWith('fr');
const us = (locale: string) => locale === 'en_US' || locale === 'en';
/** Locales whose decimal separator is a comma (see format.ts). */
export const commaDecimal = (locale: string) => /^(fr|de|es|it|pt|nl)/i.test(locale);

/** Spaces a French number may hold between groups: space, no-break space, narrow no-break space. */
const FR_SPACE = '[ \\u00a0\\u202f]';

function parseNumber(s: string, locale: string): number | undefined {
  const t = s.trim();
  if (commaDecimal(locale)) {
    const group = fr(locale) ? FR_SPACE : '\\.';
    const m = new RegExp(`^([+-]?)(\\d{1,3}(?:${group}\\d{3})+|\\d+)?(?:,(\\d+))?(?:[eE]([+-]?\\d+))?$`).exec(
      t,
    );
    if (!m || (!m[2] && !m[3])) return undefined;
    return Number(`${m[1]}${(m[2] ?? '0').replace(/\D/g, '')}.${m[3] ?? '0'}e${m[4] ?? '0'}`);
  }
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(t);
  if (!m || (!m[2] && !m[3])) return undefined;
  return Number(`${m[1]}${(m[2] ?? '0').replace(/,/g, '')}.${m[3] ?? '0'}e${m[4] ?? '0'}`);
}

/** Whether a number was typed with thousands separators ("1,200", "1 200"). */
function grouped(s: string, locale: string): boolean {
  return commaDecimal(locale) ? /\d[ .\u00a0\u202f]\d{3}/.test(s) : /\d,\d{3}/.test(s);
}

function validYmd(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** A two-digit year: 00–29 → 2000s, 30–99 → 1900s [UNVERIFIED: the common spreadsheet pivot]. */
function fullYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

const EN_MONTHS: [RegExp, number][] = [
  [/^jan(uary)?$/, 1],
  [/^feb(ruary)?$/, 2],
  [/^mar(ch)?$/, 3],
  [/^apr(il)?$/, 4],
  [/^may$/, 5],
  [/^june?$/, 6],
  [/^july?$/, 7],
  [/^aug(ust)?$/, 8],
  [/^sep(t(ember)?)?$/, 9],
  [/^oct(ober)?$/, 10],
  [/^nov(ember)?$/, 11],
  [/^dec(ember)?$/, 12],
];

/** French month names and their usual abbreviations (CLDR: janv., févr., avr., juil., sept.…). */
const FR_MONTHS: [RegExp, number][] = [
  [/^janv?(ier)?$/, 1],
  [/^f[ée]vr?(ier)?$/, 2],
  [/^mars?$/, 3],
  [/^avr(il)?$/, 4],
  [/^mai$/, 5],
  [/^juin$/, 6],
  [/^juil(let)?$/, 7],
  [/^ao[uû]t?$/, 8],
  [/^sept?(embre)?$/, 9],
  [/^oct(obre)?$/, 10],
  [/^nov(embre)?$/, 11],
  [/^d[ée]c(embre)?$/, 12],
];

/**
 * A month's name in the locale ("Jan", "January", "janv.", "janvier"); French sheets take the
 * English names too [UNVERIFIED].
 */
function monthOf(word: string, locale: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  const lists = fr(locale) ? [FR_MONTHS, EN_MONTHS] : [EN_MONTHS];
  for (const list of lists) for (const [re, m] of list) if (re.test(w)) return m;
  return undefined;
}

interface Typed {
  serial: number;
  format: string;
}

const MONTH_WORD = '([A-Za-zÀ-ÿ]{3,9}\\.?)';

/** A time of day typed as h:mm[:ss] [AM|PM]; hours past 23 are a duration [UNVERIFIED formats]. */
function parseTime(s: string, locale: string): Typed | undefined {
  const m = /^(\d{1,3}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:\s*([AaPp])\.?[Mm]\.?)?$/.exec(s);
  if (!m) return undefined;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const sec = Number(m[3] ?? 0);
  if (min > 59 || sec > 59) return undefined;
  const ampm = m[5]?.toUpperCase();
  if (ampm) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (ampm === 'P' ? 12 : 0);
  }
  const serial = (h * 3600 + min * 60 + sec + Number(`0.${m[4] ?? 0}`)) / 86_400;
  if (h > 23) return { serial, format: '[h]:mm:ss' };
  const seconds = m[3] !== undefined;
  if (ampm) return { serial, format: seconds ? 'h:mm:ss am/pm' : 'h:mm am/pm' };
  if (fr(locale)) return { serial, format: seconds ? 'HH:mm:ss' : 'HH:mm' };
  return { serial, format: seconds ? 'h:mm:ss' : 'h:mm' };
}

/** A calendar day typed in one of the forms Sheets reads; `year` is the current one. */
function parseDay(s: string, locale: string, year: number): Typed | undefined {
  const day = (y: number, m: number, d: number, format = defaultDateFormat(locale)) =>
    validYmd(y, m, d) ? { serial: serialOfYmd(y, m, d), format } : undefined;
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(s);
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3]), 'yyyy-mm-dd');
  // "2026-01": the first of the month [UNVERIFIED]
  m = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (m) return day(Number(m[1]), Number(m[2]), 1, 'yyyy-mm');
  // "1/2", "1/2/2026", "1/2/26" (and with '-' or, in French, '.'): month first in en_US only
  m = /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2}|\d{4}))?$/.exec(s);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [mo, d] = us(locale) ? [a, b] : [b, a];
    return day(m[3] === undefined ? year : fullYear(m[3]), mo, d);
  }
  // "Jan 5", "January 5, 2026", "Jan 5 2026"
  m = new RegExp(`^${MONTH_WORD}\\s+(\\d{1,2})(?:(?:,\\s*|\\s+)(\\d{4}))?$`).exec(s);
  if (m) {
    const mo = monthOf(m[1]!, locale);
    if (mo) return day(m[3] ? Number(m[3]) : year, mo, Number(m[2]));
  }
  // "5 Jan", "5 janv.", "5 janvier 2026", "5-Jan-2026"
  m = new RegExp(`^(\\d{1,2})(?:\\s+|-)${MONTH_WORD}(?:(?:,?\\s+|-)(\\d{2}|\\d{4}))?$`).exec(s);
  if (m) {
    const mo = monthOf(m[2]!, locale);
    if (mo) return day(m[3] ? fullYear(m[3]) : year, mo, Number(m[1]));
  }
  // "Jan 2026", "janvier 2026": the first of the month [UNVERIFIED]
  m = new RegExp(`^${MONTH_WORD}\\s+(\\d{4})$`).exec(s);
  if (m) {
    const mo = monthOf(m[1]!, locale);
    if (mo) return day(Number(m[2]), mo, 1);
  }
  return undefined;
}

/** A date, a time, or both ("1/2/2026 10:30", "2026-01-05T10:30"). */
function parseDateTime(s: string, locale: string, year: number): Typed | undefined {
  const t = s.trim();
  const time = parseTime(t, locale);
  if (time) return time;
  const day = parseDay(t, locale, year);
  if (day) return day;
  const m = /^(.+?)(?:\s+|T)(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)$/.exec(t);
  if (!m) return undefined;
  const d = parseDay(m[1]!, locale, year);
  const tm = parseTime(m[2]!, locale);
  if (!d || !tm || tm.serial >= 1) return undefined;
  const format = d.format === 'yyyy-mm-dd' ? 'yyyy-mm-dd hh:mm:ss' : defaultDateTimeFormat(locale);
  return { serial: d.serial + tm.serial, format };
}

/** Currency: "$5", "-$5", "$-5", "$1,234.50" in English; "5 €", "5,00 €", "-5 €" in French. */
function parseCurrency(s: string, locale: string): { value: number; format: string } | undefined {
  const t = s.trim();
  if (fr(locale)) {
    const m = /^(-?)(.*\d)[ \u00a0\u202f]?€$/.exec(t);
    if (!m) return undefined;
    const n = parseNumber(m[2]!, locale);
    if (n === undefined || n < 0 || /^[+-]/.test(m[2]!)) return undefined;
    // [UNVERIFIED pattern] shown "5,00 €"
    return { value: m[1] ? -n : n, format: '#,##0.00 "€"' };
  }
  const m = /^(-?)([$€£])(-?)(\d[\d,]*(?:\.\d+)?|\.\d+)$/.exec(t);
  if (!m || (m[1] && m[3])) return undefined;
  const n = parseNumber(m[4]!, locale);
  if (n === undefined) return undefined;
  // the dollar in en_US [OBS: the API's CURRENCY pattern]; € and £ [UNVERIFIED]
  return { value: m[1] || m[3] ? -n : n, format: `"${m[2]}"#,##0.00` };
}

/** Error codes a user can type, which Sheets keeps as that error [UNVERIFIED]; #NULL! stays text here. */
const ERROR_CODES = new Set(['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#ERROR!']);

export interface TypedOptions {
  /** The cell's number format: a cell formatted as plain text ('@') keeps what is typed as text. */
  format?: string | undefined;
  /** The current year, for dates typed without one ("1/2", "Jan 5"). */
  year?: number;
}

/** Text as typed into a cell (or written with setValue), read in the spreadsheet's locale. */
export function parseTyped(text: string, locale: string, options: TypedOptions = {}): Entry {
  if (text === '') return { kind: 'blank' };
  if (text.startsWith("'")) return { kind: 'value', value: text.slice(1) };
  // A cell formatted as plain text takes what is typed as it is [OBS; UNVERIFIED for '=' and setValue].
  if (options.format === '@') return { kind: 'value', value: text };
  if (text.startsWith('=') && text.length > 1) return { kind: 'formula', formula: text };
  const n = parseNumber(text, locale);
  if (n !== undefined) {
    return grouped(text, locale)
      ? { kind: 'value', value: n, format: '#,##0.##' }
      : { kind: 'value', value: n };
  }
  const pct = /^(.*\d)\s?%$/.exec(text.trim());
  if (pct) {
    const p = parseNumber(pct[1]!, locale);
    if (p !== undefined) {
      const decimals = /[.,]\d/.test(pct[1]!);
      return { kind: 'value', value: p / 100, format: decimals ? '0.00%' : '0%' };
    }
  }
  const money = parseCurrency(text, locale);
  if (money) return { kind: 'value', value: money.value, format: money.format };
  const date = parseDateTime(text, locale, options.year ?? new Date().getFullYear());
  if (date) return { kind: 'value', value: date.serial, format: date.format };
  const upper = text.trim().toUpperCase();
  if (upper === 'TRUE' || (fr(locale) && upper === 'VRAI')) return { kind: 'value', value: true };
  if (upper === 'FALSE' || (fr(locale) && upper === 'FAUX')) return { kind: 'value', value: false };
  if (ERROR_CODES.has(upper)) return { kind: 'error', code: upper };
  // Typing "+cmd" or "-cmd" in Sheets starts a formula, as on a calculator [UNVERIFIED].
  if (/^[+-]./s.test(text)) return { kind: 'formula', formula: `=${text}` };
  return { kind: 'value', value: text };
}

/**
 * A JS value written by setValue(s): numbers, booleans and Dates as such, strings as typed text,
 * null/undefined as blank, anything else as its String() [UNVERIFIED].
 */
export function entryOf(v: unknown, locale: string, timeZone: string, currentFormat?: string): Entry {
  if (v === null || v === undefined) return { kind: 'blank' };
  if (typeof v === 'number') {
    // NaN and Infinity have no cell form: written as their text [UNVERIFIED].
    return Number.isFinite(v) ? { kind: 'value', value: v } : { kind: 'value', value: String(v) };
  }
  if (typeof v === 'boolean') return { kind: 'value', value: v };
  if (isDate(v)) {
    const serial = serialOfDate(v, timeZone);
    if (Number.isNaN(serial)) return { kind: 'value', value: 'Invalid Date' };
    if (isDateFormat(currentFormat)) return { kind: 'value', value: serial };
    // A Date gets the locale's date format, with the time unless it is midnight [UNVERIFIED detail].
    const midnight = Number.isInteger(Math.round(serial * 86_400_000) / 86_400_000);
    return {
      kind: 'value',
      value: serial,
      format: midnight ? defaultDateFormat(locale) : defaultDateTimeFormat(locale),
    };
  }
  if (typeof v === 'string') return parseTyped(v, locale, { format: currentFormat });
  return parseTyped(String(v), locale, { format: currentFormat });
}
