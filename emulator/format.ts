/**
 * Number formats as Sheets displays them (getDisplayValues, the playground's grid), in the
 * spreadsheet's locale: 'General', '0.00', '#,##0', '0.0%', 'yyyy-mm-dd', 'dd/MM/yyyy', '@', quoted
 * literals, '[$€]', and up to three ';' sections. Dates are serial numbers with a date format.
 */
import { MONTHS, partsOfSerial } from './dates';

export interface LocaleSymbols {
  decimal: string;
  group: string;
  /** TRUE/FALSE as displayed [UNVERIFIED for fr: VRAI/FAUX]. */
  trueText: string;
  falseText: string;
}

const lang = (locale: string) => locale.slice(0, 2).toLowerCase();

export function localeSymbols(locale: string): LocaleSymbols {
  switch (lang(locale)) {
    case 'fr':
      // CLDR's French group separator is the narrow no-break space [UNVERIFIED for Sheets].
      return { decimal: ',', group: '\u202f', trueText: 'VRAI', falseText: 'FAUX' };
    case 'de':
    case 'es':
    case 'it':
    case 'pt':
    case 'nl':
      return { decimal: ',', group: '.', trueText: 'TRUE', falseText: 'FALSE' };
    default:
      return { decimal: '.', group: ',', trueText: 'TRUE', falseText: 'FALSE' };
  }
}

/** The date format Sheets gives a typed or written date: en_US M/d/yyyy, most others dd/MM/yyyy. */
export function defaultDateFormat(locale: string): string {
  if (locale === 'en_US' || locale === 'en') return 'M/d/yyyy';
  return 'dd/MM/yyyy';
}

export function defaultDateTimeFormat(locale: string): string {
  return locale === 'en_US' || locale === 'en' ? 'M/d/yyyy H:mm:ss' : 'dd/MM/yyyy HH:mm:ss';
}

/** Splits a format into ';' sections, keeping quoted text whole. */
function sections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i]!;
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && i + 1 < fmt.length) {
      cur += ch + fmt[++i];
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** The format with its quoted, escaped and bracketed parts blanked out, to look for tokens. */
function bare(fmt: string): string {
  return fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const b = bare(sections(fmt)[0]!).toLowerCase();
  if (b === 'general' || b === '@') return false;
  return /[ydhs]/.test(b) || (/m/.test(b) && !/[0#?]/.test(b));
}

export function isPercentFormat(fmt: string | undefined): boolean {
  return !!fmt && !isDateFormat(fmt) && bare(fmt).includes('%');
}

/** Up to 10 significant digits, like Sheets' automatic format. */
function general(n: number, sym: LocaleSymbols): string {
  if (n === 0) return '0';
  const abs = Math.abs(n);
  let s: string;
  if (abs >= 1e15 || abs < 1e-9) {
    s = n
      .toExponential(9)
      .replace(/\.?0+e/, 'E')
      .replace(/E\+?(-?)(\d)$/, 'E+$10$2')
      .replace('E+-', 'E-');
  } else {
    s = String(Number(n.toPrecision(10)));
    if (/e/.test(s))
      s = Number(n.toPrecision(10))
        .toFixed(12)
        .replace(/\.?0+$/, '');
  }
  return s.replace('.', sym.decimal);
}

function groupInt(digits: string, sep: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** Rounds half away from zero at k decimals, without binary surprises (1.005 → 1.01). */
function fixed(n: number, k: number): string {
  const [m, e] = n.toExponential(15).split('e') as [string, string];
  const shifted = Number(`${m}e${Number(e) + k}`);
  const r = Math.round(shifted);
  return (Number(`${r}e${-k}`) || 0).toFixed(k);
}

function literalText(part: string): string {
  return part
    .replace(/\[\$([^\]-]*)(-[^\]]*)?\]/g, '$1')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/"([^"]*)"/g, '$1')
    .replace(/\\(.)/g, '$1')
    .replace(/[_*]./g, '');
}

function formatNumberSection(n: number, section: string, sym: LocaleSymbols): string {
  const cleaned = section.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, (m) => '\u0000'.repeat(m.length));
  const first = cleaned.search(/[0#?]/);
  if (first < 0) return literalText(section);
  let last = first;
  for (let i = first; i < cleaned.length; i++) if (/[0#?.,]/.test(cleaned[i]!)) last = i;
  let coreStart = first;
  while (coreStart > 0 && /[.,]/.test(cleaned[coreStart - 1]!)) coreStart--;
  const core = section.slice(coreStart, last + 1);
  const prefix = literalText(section.slice(0, coreStart));
  const suffix = literalText(section.slice(last + 1));
  const percent = (bare(prefix) + bare(suffix)).includes('%') ? 100 : 1;
  const [intPat, fracPat = ''] = core.split('.') as [string, string?];
  const grouped = intPat.includes(',');
  const minInt = (intPat.match(/0/g) ?? []).length;
  const minFrac = (fracPat.match(/0/g) ?? []).length;
  const maxFrac = (fracPat.match(/[0#?]/g) ?? []).length;
  let s = fixed(Math.abs(n) * percent, maxFrac);
  let [ip, fp = ''] = s.split('.') as [string, string?];
  while (fp.length > minFrac && fp.endsWith('0')) fp = fp.slice(0, -1);
  ip = ip.replace(/^0+/, '');
  if (ip.length < minInt) ip = ip.padStart(minInt, '0');
  if (grouped) ip = groupInt(ip, sym.group);
  s = fp ? `${ip}${sym.decimal}${fp}` : ip;
  if (s === '') s = '0';
  return prefix + s + suffix;
}

const MOIS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const JOURS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];

const DATE_TOKEN =
  /"[^"]*"|\\.|\[[^\]]*\]|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|a\/p|\.0+|./gi;

function formatDateSection(serial: number, section: string, locale: string): string {
  const p = partsOfSerial(serial);
  const tokens = section.match(DATE_TOKEN) ?? [];
  const lower = tokens.map((t) => t.toLowerCase());
  const twelve = lower.some((t) => t === 'am/pm' || t === 'a/p');
  const fr = lang(locale) === 'fr';
  const pad = (n: number) => String(n).padStart(2, '0');
  const isMinute = (i: number): boolean => {
    for (let j = i - 1; j >= 0; j--) {
      const t = lower[j]!;
      if (t === 'h' || t === 'hh' || t === '[h]') return true;
      if (/^[ymd]/.test(t)) break;
    }
    for (let j = i + 1; j < lower.length; j++) {
      const t = lower[j]!;
      if (t === 's' || t === 'ss') return true;
      if (/^[ymdh]/.test(t)) break;
    }
    return false;
  };
  const hour = twelve ? ((p.h + 11) % 12) + 1 : p.h;
  return tokens
    .map((tok, i) => {
      const t = lower[i]!;
      switch (t) {
        case 'yyyy':
          return String(p.y);
        case 'yy':
          return pad(p.y % 100);
        case 'mmmm':
          return (fr ? MOIS : MONTHS)[p.m - 1]!;
        case 'mmm':
          return (fr ? MOIS : MONTHS)[p.m - 1]!.slice(0, 3);
        case 'mm':
          return isMinute(i) ? pad(p.min) : pad(p.m);
        case 'm':
          return isMinute(i) ? String(p.min) : String(p.m);
        case 'dddd':
          return (fr ? JOURS : DAYS)[p.weekday]!;
        case 'ddd':
          return (fr ? JOURS : DAYS)[p.weekday]!.slice(0, 3);
        case 'dd':
          return pad(p.d);
        case 'd':
          return String(p.d);
        case 'hh':
          return pad(hour);
        case 'h':
          return String(hour);
        case 'ss':
          return pad(p.s);
        case 's':
          return String(p.s);
        case '[h]':
          // elapsed hours (a duration typed as 25:00) [UNVERIFIED: Sheets' default duration format]
          return String(Math.floor(serial * 24 + 1e-9));
        case 'am/pm':
          return p.h < 12 ? 'AM' : 'PM';
        case 'a/p':
          return p.h < 12 ? 'A' : 'P';
        default:
          return tok.startsWith('"')
            ? tok.slice(1, -1)
            : tok.startsWith('\\')
              ? tok.slice(1)
              : literalText(tok);
      }
    })
    .join('');
}

/** What a cell holds, as the formatter sees it: an error is its code. */
export type DisplayInput = number | string | boolean | null | { error: string };

export function formatDisplay(v: DisplayInput, fmt: string | undefined, locale: string): string {
  const sym = localeSymbols(locale);
  if (v === null || v === '') return '';
  if (typeof v === 'object') return v.error;
  if (typeof v === 'boolean') return v ? sym.trueText : sym.falseText;
  if (typeof v === 'string') return v;
  if (!Number.isFinite(v)) return '#NUM!';
  const f = fmt?.trim() ?? '';
  if (f === '' || f.toLowerCase() === 'general' || f === '@') return general(v, sym);
  const secs = sections(f);
  let section = secs[0]!;
  let value = v;
  if (v < 0 && secs.length >= 2) {
    section = secs[1]!;
    value = -v;
  } else if (v === 0 && secs.length >= 3) section = secs[2]!;
  if (isDateFormat(section)) return formatDateSection(value, section, locale);
  const out = formatNumberSection(value, section, sym);
  const needsSign = value < 0 && /[1-9]/.test(out);
  return needsSign ? `-${out}` : out;
}
