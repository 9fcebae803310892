/**
 * What a cell becomes when a value is written the way Sheets' USER_ENTERED input does it (setValue,
 * setValues, appendRow, and typing in the UI): '=' starts a formula, an apostrophe forces text,
 * numbers, percentages, dates and booleans typed as text are parsed in the spreadsheet's locale.
 */
import { isDate, serialOfDate, serialOfYmd } from './dates';
import { defaultDateFormat, defaultDateTimeFormat, isDateFormat } from './format';

export type Entry =
  | { kind: 'blank' }
  | { kind: 'formula'; formula: string }
  | { kind: 'value'; value: number | string | boolean; format?: string };

const fr = (locale: string) => locale.toLowerCase().startsWith('fr');
/** Locales whose decimal separator is a comma (see format.ts). */
const commaDecimal = (locale: string) => /^(fr|de|es|it|pt|nl)/i.test(locale);

function parseNumber(s: string, locale: string): number | undefined {
  const t = s.trim();
  if (commaDecimal(locale)) {
    const group = fr(locale) ? '[ \u00a0\u202f]' : '\\.';
    const m = new RegExp(`^([+-]?)(\\d{1,3}(?:${group}\\d{3})+|\\d+)?(?:,(\\d+))?$`).exec(t);
    if (!m || (!m[2] && !m[3])) return undefined;
    return Number(`${m[1]}${(m[2] ?? '0').replace(/\D/g, '')}.${m[3] ?? '0'}`);
  }
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(t);
  if (!m || (!m[2] && !m[3])) return undefined;
  return Number(`${m[1]}${(m[2] ?? '0').replace(/,/g, '')}.${m[3] ?? '0'}e${m[4] ?? '0'}`);
}

function validYmd(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

function parseDate(s: string, locale: string): { serial: number; format: string } | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s.trim());
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (!validYmd(y, m, d)) return undefined;
    const time = iso[4] !== undefined;
    return {
      serial: serialOfYmd(y, m, d, Number(iso[4] ?? 0), Number(iso[5] ?? 0), Number(iso[6] ?? 0)),
      format: time ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd',
    };
  }
  const slash = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s.trim());
  if (slash) {
    const us = locale === 'en_US' || locale === 'en';
    const [a, b, y] = [Number(slash[1]), Number(slash[2]), Number(slash[3])];
    const [m, d] = us ? [a, b] : [b, a];
    if (!validYmd(y, m, d)) return undefined;
    return { serial: serialOfYmd(y, m, d), format: defaultDateFormat(locale) };
  }
  return undefined;
}

/** Text as typed into a cell (or written with setValue), read in the spreadsheet's locale. */
export function parseTyped(text: string, locale: string): Entry {
  if (text === '') return { kind: 'blank' };
  if (text.startsWith("'")) return { kind: 'value', value: text.slice(1) };
  if (text.startsWith('=') && text.length > 1) return { kind: 'formula', formula: text };
  const n = parseNumber(text, locale);
  if (n !== undefined) {
    const grouped = commaDecimal(locale) ? /\d[ .\u00a0\u202f]\d{3}/.test(text) : /\d,\d{3}/.test(text);
    return grouped ? { kind: 'value', value: n, format: '#,##0.##' } : { kind: 'value', value: n };
  }
  const pct = /^(.*\d)\s?%$/.exec(text.trim());
  if (pct) {
    const p = parseNumber(pct[1]!, locale);
    if (p !== undefined) {
      const decimals = /[.,]\d/.test(pct[1]!);
      return { kind: 'value', value: p / 100, format: decimals ? '0.00%' : '0%' };
    }
  }
  const date = parseDate(text, locale);
  if (date) return { kind: 'value', value: date.serial, format: date.format };
  const upper = text.trim().toUpperCase();
  if (upper === 'TRUE' || (fr(locale) && upper === 'VRAI')) return { kind: 'value', value: true };
  if (upper === 'FALSE' || (fr(locale) && upper === 'FAUX')) return { kind: 'value', value: false };
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
  if (typeof v === 'string') return parseTyped(v, locale);
  return parseTyped(String(v), locale);
}
