import { parseNumberText } from './cells';
import { InputError } from './errors';
import type { Lang } from './i18n';

/** How a cell shows its number, from its number format: what a typed value means in that cell. */
export interface NumberStyle {
  /** "0%", "0.0%": the cell shows 0.052 as 5.2 %, so 5.2 typed there is 5.2 %. */
  percent: boolean;
  /** The currency symbol the format shows, if any: typed with the number, it is not part of it. */
  currency?: string;
}

const CURRENCIES = /[$€£¥₹₩₽¤]|CHF|USD|EUR|GBP/;

/** The style of a Sheets number format ("0.0%", "[$€]#,##0.00", "$#,##0", "General"…). */
export function styleOf(format: string | undefined | null): NumberStyle {
  // quoted literals ("pts") and escaped characters (\%) are shown as they are, not as a percent
  const bare = String(format ?? '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '');
  const bracket = /\[\$([^\]-]*)/.exec(bare)?.[1];
  const currency = bracket || CURRENCIES.exec(bare.replace(/\[[^\]]*\]/g, ''))?.[0];
  return { percent: bare.includes('%'), ...(currency ? { currency } : {}) };
}

/**
 * A number typed in a sidebar or dialog for a cell of that style, read by the one parser the
 * functions use (so "1,200" reads two ways here as in a cell). In a percentage cell the number is
 * in percent, with or without "%": "4.8" and "4,8 %" are 0.048, as Sheets reads what is typed into
 * a cell formatted as a percentage. A currency symbol typed with the number is dropped.
 */
export function readTyped(text: string, style: NumberStyle, lang: Lang): number {
  let s = text.trim();
  if (style.currency) s = s.split(style.currency).join(' ').trim();
  s = s.replace(/^[$€£¥]\s*|\s*[$€£¥]$/g, '').trim();
  if (s === '') throw new InputError('notANumber', { value: text });
  const n = parseNumberText(s, lang);
  if (style.percent && !s.endsWith('%')) return Number((n / 100).toPrecision(15));
  return n;
}

/**
 * A confidence typed as people type it: "80 %", "80" and "0.8" all mean 80 % (a number up to 1 is
 * a share, above 1 a percentage); anything outside 0–100 % is refused.
 */
export function readConfidence(v: number | string, lang: Lang): number {
  let share: number;
  if (typeof v === 'number') share = v;
  else {
    const s = v.trim();
    const n = parseNumberText(s, lang);
    share = s.endsWith('%') || n > 1 ? (s.endsWith('%') ? n : Number((n / 100).toPrecision(15))) : n;
  }
  if (!Number.isFinite(share) || share < 0 || share > 1)
    throw new InputError('between', { value: v, min: '0\u00a0%', max: '100\u00a0%' });
  return share;
}
