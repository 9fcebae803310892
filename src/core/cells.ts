import { InputError } from './errors';
import type { Lang } from './i18n';

/** What a spreadsheet cell hands us: Sheets gives '' for a blank; an omitted argument is undefined. */
export type Cell = number | string | boolean | Date | null | undefined;

/** A Date from any realm (a custom function's Date may come from another one). */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

export function isBlank(v: Cell): v is '' | null | undefined {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

const SPACES = /[\s\u00a0\u202f]/g;

/**
 * Numbers typed as text, English or French: "12.5", "12,5", "1 200,5", "1,200.5", "15 %" (= 0.15).
 * Text that reads two ways ("1,200": 1.2 in French, 1200 in English) is an error that says so.
 * `lang` is for what a person types in the sidebar: in French "1.200" reads two ways too (a dot
 * groups thousands there), in English it is 1.2. A cell (no `lang`) reads it as 1.2.
 */
export function parseNumberText(raw: string, lang?: Lang): number {
  let s = raw.trim();
  const percent = s.endsWith('%');
  if (percent) s = s.slice(0, -1).trim();
  s = s.replace(SPACES, (m, offset: number, whole: string) =>
    // a space only separates thousands: "100 000"
    /\d/.test(whole[offset - 1] ?? '') && /^\d{3}(?!\d)/.test(whole.slice(offset + m.length)) ? '' : m,
  );
  const sign = /^[+-]/.test(s) ? s[0] : '';
  const body = sign ? s.slice(1) : s;
  const fail = () => new InputError('notANumber', { value: raw });
  const twoWays = (sep: ',' | '.') => {
    const [a, b] = body.split(sep) as [string, string];
    return new InputError('ambiguousNumber', {
      value: raw,
      a: `${a}.${b.replace(/0+$/, '') || '0'}`,
      b: a + b,
      sep,
    });
  };
  let normal: string;
  if (lang === 'fr' && /^[1-9]\d{0,2}\.\d{3}$/.test(body)) {
    throw twoWays('.');
  } else if (/^\d+(\.\d+)?(e[+-]?\d+)?$/i.test(body) || /^\.\d+$/.test(body)) {
    normal = body;
  } else if (/^\d{1,3}(,\d{3})+\.\d+$/.test(body)) {
    normal = body.replace(/,/g, ''); // 1,200.5
  } else if (/^\d{1,3}(\.\d{3})+,\d+$/.test(body)) {
    normal = body.replace(/\./g, '').replace(',', '.'); // 1.200,5
  } else if (/^\d{1,3}(,\d{3}){2,}$/.test(body)) {
    normal = body.replace(/,/g, ''); // 1,200,000
  } else if (/^\d{1,3}(\.\d{3}){2,}$/.test(body)) {
    normal = body.replace(/\./g, ''); // 1.200.000
  } else if (/^[1-9]\d{0,2},\d{3}$/.test(body)) {
    throw twoWays(',');
  } else if (/^\d*,\d+$/.test(body)) {
    normal = body.replace(',', '.'); // 12,5
  } else {
    throw fail();
  }
  const n = Number(sign + (percent ? hundredth(normal) : normal));
  if (!Number.isFinite(n)) throw fail();
  return n;
}

/** "4.8" → "4.8e-2": moving the decimal point in the text reads 4.8 % exactly (4.8 × 0.01 would not). */
function hundredth(decimal: string): string {
  const [mantissa, exponent] = decimal.toLowerCase().split('e') as [string, string?];
  return `${mantissa}e${Number(exponent ?? 0) - 2}`;
}

/**
 * A '#' text that one of our functions wrote for an error in another cell ("#current: …", always
 * with a space). Readers refuse it as such, so that the message is passed on instead of re-quoted.
 */
export function upstreamOf(v: Cell): string | undefined {
  return typeof v === 'string' && v.startsWith('#') && /\s/.test(v) ? v : undefined;
}

/** Throws the upstream error a cell holds, if any. */
export function refuseUpstream(v: Cell): void {
  const text = upstreamOf(v);
  if (text !== undefined) throw new InputError('upstream', { text });
}

/** A number from a non-blank cell; booleans and dates are not numbers here. */
export function readNumber(v: Cell): number {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new InputError('notANumber', { value: String(v) });
    return v;
  }
  if (typeof v === 'string') {
    refuseUpstream(v);
    return parseNumberText(v);
  }
  throw new InputError('notANumber', { value: v });
}

/** A number, or undefined for a blank cell. */
export function readOptionalNumber(v: Cell): number | undefined {
  return isBlank(v) ? undefined : readNumber(v);
}

/** Lower case, no accents, '_' and '-' as spaces: "Au_Moins", "au moins" and "au-moins" match. */
export function normalizeWord(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[_-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Canonical names with the words (English, French) that mean each. */
export type Vocabulary<K extends string> = Record<K, readonly string[]>;

/** Per vocabulary: each text already seen → its key. A column repeats the same few words. */
const lookups = new WeakMap<object, Map<string, string>>();

/** Reads a word from a vocabulary, case- and accent-insensitively; unknown words list the accepted ones. */
export function readWord<K extends string>(v: Cell, vocab: Vocabulary<K>): K {
  refuseUpstream(v);
  if (typeof v === 'string') {
    let seen = lookups.get(vocab);
    if (!seen) {
      seen = new Map();
      for (const key of Object.keys(vocab) as K[])
        for (const name of vocab[key]) seen.set(normalizeWord(name), key);
      lookups.set(vocab, seen);
    }
    const hit = seen.get(v) ?? seen.get(normalizeWord(v));
    if (hit !== undefined) {
      seen.set(v, hit);
      return hit as K;
    }
  }
  throw new InputError('unknownName', { value: v, accepted: acceptedNames(vocab) });
}

export function acceptedNames<K extends string>(vocab: Vocabulary<K>): string {
  return (Object.values(vocab) as string[][]).flat().join(', ');
}

const DAY_MS = 86_400_000;

/** A calendar day as a count of days since 1970-01-01, the unit of every date computation. */
export type DayNumber = number;

export function dayNumber(y: number, m: number, d: number): DayNumber {
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function ymdOf(day: DayNumber): { y: number; m: number; d: number } {
  const dt = new Date(day * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function isoOf(day: DayNumber): string {
  const { y, m, d } = ymdOf(day);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** One formatter per time zone: building an Intl.DateTimeFormat costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();
/** Per time zone, the day of each quarter of an hour already seen: a column repeats a few days. */
const seenDays = new Map<string, Map<number, DayNumber>>();
const QUARTER_HOUR = 900_000;

/**
 * The calendar day a Date falls on in a time zone (Sheets hands dates over as instants). Every
 * zone's offset is a whole number of quarter hours, so one answer serves a whole quarter hour.
 */
export function dayInZone(date: Date, timeZone: string): DayNumber {
  const bucket = Math.floor(date.getTime() / QUARTER_HOUR);
  let days = seenDays.get(timeZone);
  const known = days?.get(bucket);
  if (known !== undefined) return known;
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const day = dayNumber(get('year'), get('month'), get('day'));
  if (!days || days.size > 20_000) {
    days = new Map();
    seenDays.set(timeZone, days);
  }
  days.set(bucket, day);
  return day;
}

/** A date cell (in the spreadsheet's time zone) or ISO text "2026-02-15" → a calendar day. */
export function readDay(v: Cell, timeZone: () => string): DayNumber {
  if (isDate(v)) {
    if (Number.isNaN(v.getTime())) throw new InputError('notADate', { value: '?' });
    return dayInZone(v, timeZone());
  }
  refuseUpstream(v);
  if (typeof v === 'string') {
    const m = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(v);
    if (m) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const day = dayNumber(y, mo, d);
      const back = ymdOf(day);
      if (back.y === y && back.m === mo && back.d === d) return day;
    }
  }
  throw new InputError('notADate', { value: v });
}
