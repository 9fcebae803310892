import { MONTHS } from '../dates';

/**
 * Java SimpleDateFormat, which Utilities.formatDate takes, for the letters an add-on uses: G y M L d
 * D E u a H k K h m s S z Z X, quoted text ('at', '' for a quote). English names, as formatDate
 * gives. Any other letter throws Java's `Illegal pattern character 'x'` [UNVERIFIED: how GAS words it].
 */

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface Fields {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number; // 0-23
  minute: number;
  second: number;
  ms: number;
  weekday: number; // 0 = Sunday
  dayOfYear: number;
  offsetMinutes: number;
  zoneName: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        timeZoneName: 'short',
      });
    } catch {
      return null;
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** `GMT+2`, `GMT-05:30`, `UTC+0100`: fixed offsets, as Java's TimeZone reads them. */
function fixedOffset(timeZone: string): number | null {
  if (/^(GMT|UTC|Z)$/i.test(timeZone)) return 0;
  const m = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(timeZone);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

const pad = (n: number, width: number): string => String(Math.abs(n)).padStart(width, '0');

function offsetText(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.trunc(Math.abs(minutes) / 60), 2)}${colon ? ':' : ''}${pad(Math.abs(minutes) % 60, 2)}`;
}

function fieldsAt(time: number, timeZone: string): Fields {
  let offsetMinutes = fixedOffset(timeZone);
  /** The exact offset: old local mean times have seconds (Paris in 1899: +0:09:21), as Java keeps them. */
  let offsetMs = (offsetMinutes ?? 0) * 60000;
  let zoneName = offsetMinutes === 0 ? 'GMT' : `GMT${offsetText(offsetMinutes ?? 0, true)}`;
  if (offsetMinutes === null) {
    // Unknown ids fall back to GMT, as Java's TimeZone.getTimeZone does [UNVERIFIED for GAS].
    const f = formatterFor(timeZone) ?? formatterFor('UTC')!;
    const parts = Object.fromEntries(f.formatToParts(new Date(time)).map((p) => [p.type, p.value]));
    const wall = Date.UTC(
      Number(parts.year),
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
      Number(parts.second),
    );
    offsetMs = wall - (time - (((time % 1000) + 1000) % 1000));
    offsetMinutes = Math.round(offsetMs / 60000);
    zoneName = parts.timeZoneName === 'UTC' ? 'UTC' : (parts.timeZoneName ?? 'GMT');
  }
  const local = new Date(time + offsetMs);
  const year = local.getUTCFullYear();
  return {
    year,
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    ms: local.getUTCMilliseconds(),
    weekday: local.getUTCDay(),
    dayOfYear:
      Math.floor((Date.UTC(year, local.getUTCMonth(), local.getUTCDate()) - Date.UTC(year, 0, 1)) / 864e5) +
      1,
    offsetMinutes,
    zoneName,
  };
}

function field(letter: string, count: number, f: Fields): string {
  const text = (full: string) => (count >= 4 ? full : full.slice(0, 3));
  switch (letter) {
    case 'G':
      return f.year > 0 ? 'AD' : 'BC';
    case 'y':
      return count === 2 ? pad(f.year % 100, 2) : pad(f.year, count);
    case 'M':
    case 'L':
      return count >= 3 ? text(MONTHS[f.month - 1]!) : pad(f.month, count);
    case 'd':
      return pad(f.day, count);
    case 'D':
      return pad(f.dayOfYear, count);
    case 'E':
      return text(DAYS[f.weekday]!);
    case 'u':
      return pad(f.weekday === 0 ? 7 : f.weekday, count);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(f.hour, count);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'K':
      return pad(f.hour % 12, count);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'm':
      return pad(f.minute, count);
    case 's':
      return pad(f.second, count);
    case 'S':
      return pad(f.ms, count);
    case 'z':
      return f.zoneName;
    case 'Z':
      return offsetText(f.offsetMinutes, false);
    case 'X':
      if (f.offsetMinutes === 0) return 'Z';
      return count === 1
        ? offsetText(f.offsetMinutes, false).slice(0, 3)
        : offsetText(f.offsetMinutes, count >= 3);
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

/** Formats an instant (ms since the epoch) in a time zone with a SimpleDateFormat pattern. */
export function formatDate(time: number, timeZone: string, pattern: string): string {
  const f = fieldsAt(time, timeZone);
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i]!;
    if (c === "'") {
      // '' is a quote; 'text' is literal text, in which '' is a quote too.
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      while (j < pattern.length && !(pattern[j] === "'" && pattern[j + 1] !== "'")) {
        out += pattern[j];
        j += pattern[j] === "'" ? 2 : 1;
      }
      if (j >= pattern.length) throw new Error(`Unterminated quote in pattern ${pattern}`);
      i = j + 1;
      continue;
    }
    if (/[a-zA-Z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      out += field(c, j - i, f);
      i = j;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
