import * as z from 'zod/mini';
import { COMPANY_TEXTS, prefixOf, spreadsheetKeyOf } from '../core/company';
import { quarterLabel, quarterOf } from '../core/quarter';
import { readTeams, writeCompany } from '../sheets/company-sheet';
import { SHEET_NAMES } from '../sheets/texts';
import { openContext, parsePayload, UserError, withDocumentLock } from './context';
import { localLabel } from './insert';

export const addTeamSchema = z.object({
  name: z.string().check(z.maxLength(60)),
  url: z.string().check(z.maxLength(500)),
  /** The team's quarter sheet; blank: this quarter's, as the insert dialog names it. */
  quarter: z.optional(z.string().check(z.maxLength(60))),
});

/** This quarter's sheet as the insert dialog names it in this spreadsheet's language ("OKR Q2 2026"). */
function thisQuarterSheet(ctx: ReturnType<typeof openContext>): string {
  return SHEET_NAMES.quarter(localLabel(quarterLabel(quarterOf(ctx.today, 1)), ctx), ctx.lang);
}

/** What the Company rollup dialog shows: the teams listed, and the quarter sheet it suggests. */
export function companyState() {
  const ctx = openContext();
  return {
    lang: ctx.lang,
    quarter: thisQuarterSheet(ctx),
    teams: readTeams(ctx.ss),
  };
}

/**
 * Adds a team spreadsheet to the Company sheet (made on first use) and writes the sheet again for
 * all teams: its IMPORTRANGE, its prefix, and the stack read from the imported headers.
 */
export function addCompanyTeam(payload: unknown) {
  const ctx = openContext();
  const p = parsePayload(addTeamSchema, payload, ctx.lang);
  const t = COMPANY_TEXTS[ctx.lang];
  const name = p.name.trim();
  if (!name) throw new UserError(t.noName);
  const key = spreadsheetKeyOf(p.url);
  if (!key) throw new UserError(t.badUrl);
  if (key === ctx.ss.getId()) throw new UserError(t.sameSpreadsheet);
  return withDocumentLock(ctx.lang, () => {
    const teams = readTeams(ctx.ss);
    if (teams.some((x) => x.name.toLowerCase() === name.toLowerCase())) throw new UserError(t.taken(name));
    const url = `https://docs.google.com/spreadsheets/d/${key}/edit`;
    const quarter = p.quarter?.trim() || thisQuarterSheet(ctx);
    // one workbook's quarter sheet listed twice (under two names) would stack it twice
    const same = teams.find((x) => spreadsheetKeyOf(x.url) === key && x.quarter === quarter);
    if (same) throw new UserError(t.sameSource(same.name, quarter));
    const all = [
      ...teams,
      {
        name,
        url,
        prefix: prefixOf(
          name,
          teams.map((x) => x.prefix),
        ),
        quarter,
      },
    ];
    const sheet = writeCompany(ctx.ss, all, ctx.lang);
    return { sheet: sheet.getName(), teams: all };
  });
}

/** Writes the Company sheet again: the stack's columns read anew from the imported headers. */
export function refreshCompany() {
  const ctx = openContext();
  return withDocumentLock(ctx.lang, () => {
    const teams = readTeams(ctx.ss);
    const sheet = writeCompany(ctx.ss, teams, ctx.lang);
    return { sheet: sheet.getName(), teams };
  });
}
