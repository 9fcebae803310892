import { type DayNumber, isDate, isoOf, parseNumberText } from '../core/cells';

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
 * Text typed by a user, made safe to write with setValues: Sheets would read "=…" (and "+…", "-…",
 * "@…") as a formula and "12.5" or "2026-01-01" as a number or a date. A leading apostrophe keeps
 * it text, exactly as typed; the apostrophe itself is not part of the value.
 */
export function asText(s: string): string {
  if (s === '') return s;
  if (/^[=+\-@']/.test(s) || /^\s*\d{4}-\d{1,2}-\d{1,2}/.test(s) || readsAsNumber(s)) return `'${s}`;
  return s;
}

function readsAsNumber(s: string): boolean {
  try {
    parseNumberText(s);
    return true;
  } catch {
    return false;
  }
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
