import { type DayNumber, isDate, isoOf } from '../core/cells';

/** A formula the add-on writes itself: the only strings that reach a cell as formulas. */
export class Formula {
  constructor(readonly text: string) {
    if (!text.startsWith('=')) throw new Error(`not a formula: ${text}`);
  }
}

/** A calendar day, written as ISO text that Sheets stores as a date in the spreadsheet's time zone. */
export class Day {
  constructor(readonly day: DayNumber) {}
}

/** What the add-on writes into a cell. */
export type CellValue = string | number | boolean | Date | Formula | Day;

/**
 * Text typed by a user, made safe to write with setValues, which reads a string as if it were
 * typed: "=…" (and "+…", "-…", "@…") would become a formula, "12.5", "$5", "10 %", "1/2", "Jan 5",
 * "10:30" or "2026-01" a number or a date, "TRUE" a boolean, "#N/A" an error. A leading
 * apostrophe keeps any of them text, exactly as typed (the apostrophe is not part of the value).
 * Any text holding a digit gets one: Sheets' date and number readings vary by locale, and an
 * apostrophe before text that would have stayed text changes nothing.
 */
export function asText(s: string): string {
  if (s === '') return s;
  if (/^[=+\-@'#]/.test(s) || /\d/.test(s) || /^\s*(true|false|vrai|faux)\s*$/i.test(s)) return `'${s}`;
  return s;
}

/** A value as it goes into a cell: text made safe, numbers, booleans and dates as they are. */
export function cellValue(v: CellValue | null | undefined): string | number | boolean | Date {
  if (v === null || v === undefined) return '';
  if (v instanceof Formula) return v.text;
  if (v instanceof Day) return isoOf(v.day);
  if (typeof v === 'string') return asText(v);
  if (typeof v === 'number' && !Number.isFinite(v)) return '';
  return isDate(v) ? v : v;
}
