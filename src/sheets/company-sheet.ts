/**
 * The Company sheet and its imports sheet (src/core/company.ts holds the layout and formulas). Reads
 * and writes in blocks: the Teams table in one getValues, the imported header rows in one, and each
 * area written with one setValues. Nothing here opens another spreadsheet: the teams' data arrives
 * through IMPORTRANGE, Sheets' own, so the add-on keeps its spreadsheets.currentonly scope.
 */
import {
  blockStart,
  COMPANY_COLUMNS,
  COMPANY_FIRST_ROW,
  COMPANY_HEADER_ROW,
  COMPANY_TEXTS,
  IMPORT_WIDTH,
  importFormula,
  rollupFormulas,
  STACKED,
  type StackedKey,
  stackFormulas,
  statusFormula,
  type TeamColumns,
} from '../core/company';
import type { Lang } from '../core/i18n';
import { mapColumns } from '../core/read-quarter';
import { asText } from './cells';
import { QUARTER } from './read';
import { columnLetter } from './template';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Team {
  name: string;
  url: string;
  prefix: string;
  quarter: string;
}

/** A sheet by its English or French name (a spreadsheet whose locale changed keeps its names). */
function sheetNamed(ss: Spreadsheet, names: readonly string[]): Sheet | null {
  for (const n of names) {
    const s = ss.getSheetByName(n);
    if (s) return s;
  }
  return null;
}

const companyNames = [COMPANY_TEXTS.en.sheet, COMPANY_TEXTS.fr.sheet];
const importNames = [COMPANY_TEXTS.en.importsSheet, COMPANY_TEXTS.fr.importsSheet];

/** The teams listed on the Company sheet (none when there is no Company sheet yet). */
export function readTeams(ss: Spreadsheet): Team[] {
  const sheet = sheetNamed(ss, companyNames);
  if (!sheet) return [];
  const last = sheet.getLastRow();
  if (last < COMPANY_FIRST_ROW) return [];
  const rows = sheet.getRange(COMPANY_FIRST_ROW, 1, last - COMPANY_FIRST_ROW + 1, 4).getValues();
  return rows
    .filter((r) => String(r[0]).trim() !== '' && String(r[1]).trim() !== '')
    .map((r) => ({
      name: String(r[0]).trim(),
      url: String(r[1]).trim(),
      prefix: String(r[2]).trim(),
      quarter: String(r[3]).trim(),
    }));
}

/**
 * The team column each stacked one comes from. The score is the objective's own (its KRs'), not the
 * team's rolled-up one: the company rolls the stack up again across teams, and a rolled-up score
 * rolled up again would count each child twice.
 */
const STACKED_SOURCE = {
  objectiveId: 'objectiveId',
  parent: 'parent',
  level: 'level',
  owner: 'owner',
  score: 'krMean',
} as const satisfies Record<StackedKey, string>;

/** Where each stacked column is in a team's import: found by header, else the template's place. */
function columnsOf(header: readonly unknown[], lang: Lang): Record<StackedKey, number> {
  const map = mapColumns(header as never, QUARTER.columns, columnLetter, lang);
  const at = {} as Record<StackedKey, number>;
  for (const k of STACKED) {
    const source = STACKED_SOURCE[k];
    const found = map.index[source];
    at[k] = found >= 0 && found < IMPORT_WIDTH ? found : QUARTER.num(source) - 1;
  }
  return at;
}

function ensureSize(sheet: Sheet, rows: number, cols: number): void {
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < cols)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), cols - sheet.getMaxColumns());
}

/**
 * Writes the Company sheet for `teams` (all of them, in order): the Teams table, each team's
 * IMPORTRANGE in its block of the imports sheet, the six stacking formulas built from the headers
 * imported so far, and the rollup's custom functions. Returns the Company sheet.
 */
export function writeCompany(ss: Spreadsheet, teams: readonly Team[], lang: Lang): Sheet {
  const t = COMPANY_TEXTS[lang];
  const c = COMPANY_COLUMNS;
  const company = sheetNamed(ss, companyNames) ?? ss.insertSheet(t.sheet);
  const imports = sheetNamed(ss, importNames) ?? ss.insertSheet(t.importsSheet);
  const companyName = company.getName();
  const importsName = imports.getName();
  const width = Math.max(1, teams.length) * IMPORT_WIDTH;
  ensureSize(imports, 3, width);

  // the imports: row 1 the team's name (from the Teams table), row 2 its IMPORTRANGE
  const quoted = `'${companyName.replace(/'/g, "''")}'`;
  const top: string[][] = [new Array(width).fill(''), new Array(width).fill('')];
  teams.forEach((_, i) => {
    const row = COMPANY_FIRST_ROW + i;
    top[0]![blockStart(i) - 1] = `=${quoted}!$${c.team}$${row}`;
    top[1]![blockStart(i) - 1] = importFormula(companyName, row);
  });
  imports.getRange(1, 1, 2, width).setValues(top);
  imports.setFrozenRows(2);

  // the imported headers and heights, as they are now (a team not connected yet: the template's)
  const header = imports.getRange(2, 1, 1, width).getValues()[0]!;
  const stackRows = Math.max(1, imports.getLastRow() - 2) * Math.max(1, teams.length);
  const at: TeamColumns[] = teams.map((_, i) => ({
    row: COMPANY_FIRST_ROW + i,
    at: columnsOf(header.slice(blockStart(i) - 1, blockStart(i) - 1 + IMPORT_WIDTH), lang),
  }));
  ensureSize(company, COMPANY_FIRST_ROW + Math.max(stackRows, teams.length) + 50, 14);

  const stack = stackFormulas(at, companyName, importsName);
  const roll = rollupFormulas();
  company
    .getRange(1, 1, 1, 14)
    .setValues([
      [t.title, '', '', '', '', '', t.alignment, roll.alignment, t.broken, roll.broken, '', '', '', ''],
    ]);
  const h = t.headers;
  company
    .getRange(COMPANY_HEADER_ROW, 1, 1, 14)
    .setValues([
      [
        h.team,
        h.url,
        h.prefix,
        h.quarter,
        h.status,
        '',
        h.stackTeam,
        h.id,
        h.parent,
        h.level,
        h.owner,
        h.score,
        h.rollup,
        h.link,
      ],
    ]);
  if (teams.length > 0) {
    company.getRange(COMPANY_FIRST_ROW, 1, teams.length, 5).setValues(
      teams.map((team, i) => [
        // typed by the user: kept as typed ("=1+1" no formula, "+33" no number, "Q2 2026" no date)
        asText(team.name),
        asText(team.url),
        asText(team.prefix),
        asText(team.quarter),
        statusFormula(companyName, importsName, i, COMPANY_FIRST_ROW + i, lang),
      ]),
    );
  }
  company
    .getRange(COMPANY_FIRST_ROW, 7, 1, 8)
    .setValues([
      [
        stack.stackTeam,
        stack.id,
        stack.parent,
        stack.level,
        stack.owner,
        stack.score,
        roll.rollup,
        roll.link,
      ],
    ]);

  // looks: bold headers, frozen header, scores as percentages, widths to read
  company.getRange(1, 1, 2, 14).setFontWeight('bold');
  company.setFrozenRows(COMPANY_HEADER_ROW);
  company.getRange(`${c.score}${COMPANY_FIRST_ROW}:${c.rollup}`).setNumberFormat('0%');
  company.getRange('H1').setNumberFormat('0%');
  for (const [col, px] of [
    [1, 90],
    [2, 150],
    [3, 70],
    [4, 100],
    [5, 190],
    [6, 16],
    [7, 80],
    [8, 100],
    [9, 100],
    [10, 80],
    [11, 80],
    [12, 60],
    [13, 100],
    [14, 170],
  ] as const)
    company.setColumnWidth(col, px);
  return company;
}
