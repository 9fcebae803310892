/**
 * The company rollup, as pure logic: the Company sheet's layout, the team prefixes that keep two
 * teams' O1 apart, and the formulas that stack every team's objectives from their imports.
 *
 * Each team spreadsheet is imported once (one IMPORTRANGE of its quarter sheet's columns, header
 * row included) into its own block of the "Company imports" sheet. The add-on reads the header row
 * of that imported copy — in the company spreadsheet itself, never the team's — to find the columns
 * by header (their letters can differ per team and per layout), and writes one stacking formula per
 * column of the Company sheet over those blocks; then one custom-function call per computed column
 * (OKR_ROLLUP, OKR_ALIGNED, OKR_ALIGNMENT) over the whole stack.
 */
import type { Lang } from './i18n';

/** Between a team's prefix and its own id: "Sales·O1". */
export const PREFIX_SEPARATOR = '·';
/** The imported part of a team's quarter sheet: its header row (row 2) and everything below. */
export const IMPORT_RANGE = 'A2:AD';
/** Columns each team's block takes in the imports sheet (A:AD). */
export const IMPORT_WIDTH = 30;
/** The Company sheet's header row; teams and the stack start below it. */
export const COMPANY_HEADER_ROW = 2;
export const COMPANY_FIRST_ROW = 3;

/** The quarter-sheet columns the rollup stacks, by the quarter template's keys. */
export const STACKED = ['objectiveId', 'parent', 'level', 'owner', 'score'] as const;
export type StackedKey = (typeof STACKED)[number];

/** The Company sheet's columns: the Teams table (A:E), a gap, the stack (G:L) and its results (M:N). */
export const COMPANY_COLUMNS = {
  team: 'A',
  url: 'B',
  prefix: 'C',
  quarter: 'D',
  status: 'E',
  stackTeam: 'G',
  id: 'H',
  parent: 'I',
  level: 'J',
  owner: 'K',
  score: 'L',
  rollup: 'M',
  link: 'N',
} as const;

export const COMPANY_TEXTS = {
  en: {
    menu: 'Company rollup…',
    title: 'Company rollup',
    sheet: 'Company',
    importsSheet: 'Company imports',
    headers: {
      team: 'Team',
      url: 'Spreadsheet',
      prefix: 'Prefix',
      quarter: 'Quarter sheet',
      status: 'Import',
      stackTeam: 'Team',
      id: 'ID',
      parent: 'Parent',
      level: 'Level',
      owner: 'Owner',
      score: 'Score',
      rollup: 'Rolled-up score',
      link: 'Alignment',
    },
    alignment: 'Aligned',
    broken: 'Broken links',
    objectives: 'objectives',
    objective: 'objective',
    // #REF! is also a wrong URL or a renamed quarter sheet: a formula can't tell them apart
    notImported: (cell: string) =>
      `Not imported: click ${cell} (Allow access), or check the team's URL and quarter sheet name`,
    intro:
      'Add each team’s spreadsheet (its URL) and the team’s name. The Company sheet stacks every team’s objectives, ids prefixed by team, and rolls them up. Each spreadsheet is read through IMPORTRANGE: the first time, open “Company imports” and click Allow access on the team’s cell.',
    teamName: 'Team name',
    url: 'Spreadsheet URL',
    quarter: 'Quarter sheet',
    add: 'Add the team',
    refresh: 'Refresh the columns',
    adding: 'Adding…',
    added: (team: string) => `${team} added to the Company sheet.`,
    refreshed: 'Columns read again from the imported headers.',
    none: 'No team yet.',
    badUrl: 'Paste the team spreadsheet’s URL (https://docs.google.com/spreadsheets/d/…) or its id.',
    noName: 'Give the team a name.',
    taken: (team: string) => `A team named “${team}” is already there.`,
    sameSource: (team: string, sheet: string) =>
      `“${team}” already imports “${sheet}” from that spreadsheet: its objectives would count twice.`,
    sameSpreadsheet: 'That URL is this spreadsheet: add the team spreadsheets.',
  },
  fr: {
    menu: 'Consolidation entreprise…',
    title: 'Consolidation entreprise',
    sheet: 'Entreprise',
    importsSheet: 'Imports entreprise',
    headers: {
      team: 'Équipe',
      url: 'Classeur',
      prefix: 'Préfixe',
      quarter: 'Feuille du trimestre',
      status: 'Import',
      stackTeam: 'Équipe',
      id: 'ID',
      parent: 'Parent',
      level: 'Niveau',
      owner: 'Responsable',
      score: 'Score',
      rollup: 'Score consolidé',
      link: 'Alignement',
    },
    alignment: 'Alignés',
    broken: 'Liens rompus',
    objectives: 'objectifs',
    objective: 'objectif',
    notImported: (cell: string) =>
      `Pas importé\u00a0: cliquez sur ${cell} (Autoriser l’accès), ou vérifiez l’URL de l’équipe et le nom de sa feuille du trimestre`,
    intro:
      'Ajoutez le classeur de chaque équipe (son URL) et le nom de l’équipe. La feuille Entreprise empile les objectifs de toutes les équipes, ids préfixés par équipe, et les consolide. Chaque classeur est lu par IMPORTRANGE\u00a0: la première fois, ouvrez «\u00a0Imports entreprise\u00a0» et cliquez sur Autoriser l’accès dans la cellule de l’équipe.',
    teamName: 'Nom de l’équipe',
    url: 'URL du classeur',
    quarter: 'Feuille du trimestre',
    add: 'Ajouter l’équipe',
    refresh: 'Relire les colonnes',
    adding: 'Ajout…',
    added: (team: string) => `${team} ajoutée à la feuille Entreprise.`,
    refreshed: 'Colonnes relues dans les en-têtes importés.',
    none: 'Aucune équipe pour l’instant.',
    badUrl: 'Collez l’URL du classeur de l’équipe (https://docs.google.com/spreadsheets/d/…) ou son id.',
    noName: 'Donnez un nom à l’équipe.',
    taken: (team: string) => `Une équipe nommée «\u00a0${team}\u00a0» existe déjà.`,
    sameSource: (team: string, sheet: string) =>
      `«\u00a0${team}\u00a0» importe déjà «\u00a0${sheet}\u00a0» de ce classeur\u00a0: ses objectifs compteraient deux fois.`,
    sameSpreadsheet: 'Cette URL est celle de ce classeur\u00a0: ajoutez les classeurs des équipes.',
  },
} satisfies Record<Lang, Record<string, unknown>>;

/** The spreadsheet key in a URL (…/spreadsheets/d/<key>/…) or a bare key; undefined otherwise. */
export function spreadsheetKeyOf(text: string): string | undefined {
  const t = text.trim();
  const url = /^https:\/\/docs\.google\.com\/spreadsheets\/(?:u\/\d+\/)?d\/([-\w]{10,})/i.exec(t);
  if (url) return url[1];
  return /^[-\w]{10,}$/.test(t) ? t : undefined;
}

/**
 * A team's prefix from its name: its letters and digits ("Sales & Ops" → "SalesOps"), at most 16,
 * made unique among `taken` with a number ("Sales2").
 */
export function prefixOf(name: string, taken: readonly string[]): string {
  const base =
    name
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]/gu, '')
      .slice(0, 16) || 'Team';
  const used = new Set(taken.map((t) => t.toLowerCase()));
  let prefix = base;
  for (let n = 2; used.has(prefix.toLowerCase()); n++) prefix = `${base}${n}`;
  return prefix;
}

/** 1 → A, 27 → AA. */
export function letterOf(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const quote = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/** One team as the formulas need it: its row in the Teams table, and where its columns are. */
export interface TeamColumns {
  /** The team's row on the Company sheet. */
  row: number;
  /** 0-based position of each stacked column in the team's import (header found, or the template's). */
  at: Record<StackedKey, number>;
}

/** The first column (1-based) of the i-th team's block in the imports sheet (i from 0). */
export const blockStart = (i: number) => 1 + i * IMPORT_WIDTH;

/** The IMPORTRANGE of a team: its URL and quarter sheet read from its row of the Teams table. */
export function importFormula(company: string, row: number): string {
  const c = COMPANY_COLUMNS;
  return `=IMPORTRANGE(${quote(company)}!$${c.url}$${row}, "'"&SUBSTITUTE(${quote(company)}!$${c.quarter}$${row}, "'", "''")&"'!${IMPORT_RANGE}")`;
}

/**
 * The six stacking formulas of the Company sheet (team, id, parent, level, owner, score), each one
 * VSTACK of one FILTER per team over that team's imported column: every piece keeps the rows whose
 * objective id is not blank, so the six columns stay row for row. A team whose import fails (access
 * not allowed yet, no such sheet) or has no objective stacks one row: its name, the rest blank.
 * Ids get the team's prefix; a parent gets it too unless it already names another team's id
 * (it holds the separator: "Company·O1").
 */
export function stackFormulas(
  teams: readonly TeamColumns[],
  company: string,
  imports: string,
): Record<'stackTeam' | 'id' | 'parent' | 'level' | 'owner' | 'score', string> {
  const c = COMPANY_COLUMNS;
  const cell = (col: string, row: number) => `${quote(company)}!$${col}$${row}`;
  const pieces = teams.map((t, i) => {
    const start = blockStart(i);
    // data rows start below the imported header (row 2 of the imports sheet holds the header)
    const colOf = (k: StackedKey) => {
      const letter = letterOf(start + t.at[k]);
      return `${quote(imports)}!${letter}3:${letter}`;
    };
    const id = colOf('objectiveId');
    const keep = `${id}<>""`;
    const prefix = cell(c.prefix, t.row);
    const team = cell(c.team, t.row);
    const sep = `"${PREFIX_SEPARATOR}"`;
    const parent = colOf('parent');
    const piece = (values: string, fallback: string) => `IFERROR(FILTER(${values}, ${keep}), ${fallback})`;
    return {
      stackTeam: piece(`IF(${keep}, ${team}, "")`, team),
      id: piece(`${prefix}&${sep}&${id}`, '""'),
      parent: piece(
        `IF(${parent}="", "", IF(ISNUMBER(SEARCH(${sep}, ${parent})), ${parent}, ${prefix}&${sep}&${parent}))`,
        '""',
      ),
      level: piece(colOf('level'), '""'),
      owner: piece(colOf('owner'), '""'),
      score: piece(colOf('score'), '""'),
    };
  });
  const stack = (k: keyof (typeof pieces)[number]) =>
    pieces.length === 0 ? '' : `=VSTACK(${pieces.map((p) => p[k]).join(', ')})`;
  return {
    stackTeam: stack('stackTeam'),
    id: stack('id'),
    parent: stack('parent'),
    level: stack('level'),
    owner: stack('owner'),
    score: stack('score'),
  };
}

/** The computed columns over the whole stack: one custom-function call each. */
export function rollupFormulas(first = COMPANY_FIRST_ROW) {
  const c = COMPANY_COLUMNS;
  const r = (col: string) => `${col}${first}:${col}`;
  return {
    rollup: `=OKR_ROLLUP(${r(c.id)}, ${r(c.parent)}, ${r(c.score)})`,
    link: `=OKR_ALIGNED(${r(c.id)}, ${r(c.parent)}, ${r(c.level)})`,
    alignment: `=OKR_ALIGNMENT(${r(c.id)}, ${r(c.parent)}, ${r(c.level)})`,
    // OKR_ALIGNED names a broken link "broken: X" (French "rompu : X")
    broken: `=COUNTIF(${r(c.link)}, "broken*")+COUNTIF(${r(c.link)}, "rompu*")`,
  };
}

/** A team's import status in the Teams table: how many objectives it stacks, or what to do. */
export function statusFormula(company: string, imports: string, i: number, row: number, lang: Lang): string {
  const t = COMPANY_TEXTS[lang];
  const c = COMPANY_COLUMNS;
  const at = `${letterOf(blockStart(i))}2`;
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const count =
    `SUMPRODUCT((${quote(company)}!${c.stackTeam}${COMPANY_FIRST_ROW}:${c.stackTeam}=${quote(company)}!$${c.team}$${row})*` +
    `(${quote(company)}!${c.id}${COMPANY_FIRST_ROW}:${c.id}<>""))`;
  return (
    `=IF(ISERROR(${quote(imports)}!${at}), ${q(t.notImported(`${imports}!${at}`))}, ` +
    // an exact comparison, not COUNTIFS: a team name is no criterion ("<b>", "a*", "=x" would be read as one)
    `${count}&IF(${count}=1, " ${t.objective}", " ${t.objectives}"))`
  );
}
