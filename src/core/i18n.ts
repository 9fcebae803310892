/** The two languages the add-on speaks, picked from the spreadsheet's locale. */
export type Lang = 'en' | 'fr';

/** A text in both languages. */
export interface Text {
  en: string;
  fr: string;
}

/** `fr`, `fr_FR`, `fr-CA`… speak French; everything else gets English. */
export function langOf(locale: string | undefined | null): Lang {
  return typeof locale === 'string' && /^fr(?:[_-]|$)/i.test(locale.trim()) ? 'fr' : 'en';
}

export function t(text: Text, lang: Lang): string {
  return text[lang];
}
