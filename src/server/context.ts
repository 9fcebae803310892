import * as z from 'zod/mini';
import { dayInZone } from '../core/cells';
import { type Lang, langOf } from '../core/i18n';
import { UserError } from '../sheets/user-error';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What every endpoint needs: the spreadsheet, its language and time zone, read once. */
export interface Context {
  ss: Spreadsheet;
  lang: Lang;
  timeZone: string;
  today: number;
}

export function openContext(): Context {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  return { ss, lang: langOf(ss.getSpreadsheetLocale()), timeZone, today: dayInZone(new Date(), timeZone) };
}

export { UserError };

/** Parses a payload from the sidebar; a bad one is refused with what is wrong, before anything is written. */
export function parsePayload<T>(schema: z.ZodMiniType<T>, payload: unknown, lang: Lang): T {
  const result = z.safeParse(schema, payload);
  if (result.success) return result.data;
  const issues = result.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join('.') : lang === 'fr' ? 'requête' : 'request'}: ${i.message}`)
    .join('; ');
  throw new UserError(
    lang === 'fr'
      ? `Requête refusée, rien n'a été écrit (${issues}).`
      : `Request refused, nothing was written (${issues}).`,
  );
}

/**
 * Runs a write under the document lock: two sidebars (or two clicks) never interleave their
 * writes. The lock is released even when the write fails.
 */
export function withDocumentLock<T>(lang: Lang, write: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(10_000)) {
    throw new UserError(
      lang === 'fr'
        ? 'Une autre mise à jour est en cours. Réessayez dans un instant.'
        : 'Another update is in progress. Try again in a moment.',
    );
  }
  try {
    const out = write();
    SpreadsheetApp.flush();
    return out;
  } finally {
    lock.releaseLock();
  }
}
