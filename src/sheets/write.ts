import type { Lang } from '../core/i18n';
import { type CellValue, cellValue } from './cells';

type Written = ReturnType<typeof cellValue>;

import type { ColumnSpec, layoutOf, Validation } from './template';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.DataValidation;
type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;
type HAlign = 'left' | 'center' | 'normal' | 'right' | null;
type Layout<K extends string> = ReturnType<typeof layoutOf<K>>;

export const STYLE = {
  headerBackground: '#e8eaed',
  metaBackground: '#f8f9fa',
  objectiveBackground: '#eef3fd',
  green: '#b7e1cd',
  yellow: '#fce8b2',
  red: '#f4c7c3',
  errorText: '#c5221f',
  /** Progress bars: stronger than the cells' pale grade colours, so a bar reads at a glance. */
  bar: { green: '#34a853', yellow: '#f9ab00', red: '#ea4335' },
  tab: { quarter: '#1a73e8', kpis: '#188038', checkins: '#9aa0a6', reviews: '#9334e6', alignment: '#e37400' },
} as const;

export interface TableContent<K extends string> {
  /** Rows above the header (settings, totals), written in the same batch. */
  above?: CellValue[][];
  /** Header texts that differ from the layout's (e.g. period labels). */
  headers?: Partial<Record<K, string>>;
  rows: readonly Partial<Record<K, CellValue>>[];
  /** A row's own validation for a column (a checkbox on milestone rows…); null for none. */
  cellValidation?: (row: number, key: K) => Validation | null | undefined;
  /** A row's own number format for a column. */
  cellFormat?: (row: number, key: K) => string | undefined;
  /** Objective rows stand out. */
  rowStyle?: (row: number) => { bold?: boolean; background?: string } | undefined;
  /** Rows kept free below the data, covered by formats and dropdowns. */
  spareRows?: number;
  /**
   * A sheet whose columns are this layout's: its widths are copied in one call (15 otherwise),
   * a team's own widths carried over with them.
   */
  widthsFrom?: Sheet;
}

/** Builds each distinct rule once: Apps Script's builder calls are service calls too. */
export class Rules {
  private readonly cache = new Map<string, Rule>();
  constructor(private readonly lang: Lang) {}

  get(v: Validation): Rule {
    const key = v.kind === 'list' ? `list:${v.values(this.lang).join('|')}` : v.kind;
    let rule = this.cache.get(key);
    if (!rule) {
      const b = SpreadsheetApp.newDataValidation();
      if (v.kind === 'list') b.requireValueInList(v.values(this.lang), true).setAllowInvalid(false);
      else if (v.kind === 'checkbox') b.requireCheckbox();
      else b.requireNumberBetween(0, 1).setAllowInvalid(false);
      rule = b.build();
      this.cache.set(key, rule);
    }
    return rule;
  }
}

/** Styles of the rows above the header, cell by cell (missing cells: the sheet's defaults). */
export interface AboveStyle {
  formats?: string[][];
  weights?: FontWeight[][];
  backgrounds?: (string | null)[][];
  notes?: string[][];
  alignments?: HAlign[][];
}

/**
 * Writes a table in a handful of calls, whatever its length or width: one setValues for the rows
 * above, the header and the data; then one call per property for that whole block (weights,
 * backgrounds, notes), one for the formats and one for the dropdowns of every row down to the
 * sheet's last (spare rows included, so a row typed below is covered), and the widths in runs.
 */
export function writeTable<K extends string>(
  sheet: Sheet,
  layout: Layout<K>,
  lang: Lang,
  content: TableContent<K> & { aboveStyle?: AboveStyle },
  rules = new Rules(lang),
): void {
  const { columns, headerRow, first, width } = layout;
  const n = content.rows.length;
  const needed = first + n + (content.spareRows ?? 100);
  const max = sheet.getMaxRows();
  if (max < needed) sheet.insertRowsAfter(max, needed - max);
  const lastRow = Math.max(max, needed);
  const ctx = layout.ctx(lang);

  const given = content.above ?? [];
  const above = Array.from({ length: headerRow - 1 }, (_, i) => pad((given[i] ?? []).map(cellValue), width));
  const rowsOf = ctx.range(columns[0]!.key);
  const header = columns.map((c) => {
    const text = content.headers?.[c.key] ?? c.header[lang];
    return c.formula ? headerFormula(text, c.formula(ctx), rowsOf) : cellValue(text);
  });
  const data = content.rows.map((row) => columns.map((c) => (c.formula ? '' : cellValue(row[c.key]))));
  const rows = data.length;
  const written = headerRow + rows;
  const block = sheet.getRange(1, 1, written, width);
  block.setValues([...above, header, ...data]);

  const st = content.aboveStyle ?? {};
  const aboveOf = <T>(grid: T[][] | undefined, r: number, c: number, fallback: T): T =>
    grid?.[r]?.[c] ?? fallback;
  // row r (0-based) of the block: above (r < headerRow - 1), the header, then the data
  const styles = Array.from({ length: written }, (_, r) =>
    r >= headerRow ? content.rowStyle?.(r - headerRow) : undefined,
  );
  block.setFontWeights(
    styles.map((s, r) =>
      columns.map(
        (_, c): FontWeight =>
          r < headerRow - 1
            ? aboveOf(st.weights, r, c, 'normal')
            : r === headerRow - 1 || s?.bold
              ? 'bold'
              : 'normal',
      ),
    ),
  );
  block.setBackgrounds(
    styles.map((s, r) =>
      columns.map((_, c) =>
        r < headerRow - 1
          ? aboveOf(st.backgrounds, r, c, null)
          : r === headerRow - 1
            ? STYLE.headerBackground
            : (s?.background ?? null),
      ),
    ) as string[][],
  );
  block.setNotes(
    styles.map((_, r) =>
      columns.map((c, i) =>
        r < headerRow - 1 ? aboveOf(st.notes, r, i, '') : r === headerRow - 1 ? (c.note?.[lang] ?? '') : '',
      ),
    ),
  );
  if (st.alignments)
    block.setHorizontalAlignments(
      styles.map((_, r) =>
        columns.map((_, c) => (r < headerRow - 1 ? aboveOf(st.alignments, r, c, null) : null)),
      ),
    );
  sheet.getRange(headerRow, 1, 1, width).setWrap(true);
  sheet.setFrozenRows(headerRow);
  if (content.widthsFrom)
    content.widthsFrom
      .getRange(1, 1, 1, width)
      .copyTo(sheet.getRange(1, 1, 1, width), SpreadsheetApp.CopyPasteType.PASTE_COLUMN_WIDTHS, false);
  else
    columnWidths(
      sheet,
      columns.map((c) => c.width),
    );

  // formats and dropdowns from the first row down to the last, spare rows included
  const own = content.cellFormat;
  const whole = sheet.getRange(1, 1, lastRow, width);
  whole.setNumberFormats(
    Array.from({ length: lastRow }, (_, r) =>
      columns.map((c, i) => {
        if (r < headerRow - 1) return aboveOf(st.formats, r, i, 'General');
        if (r < first - 1) return 'General';
        const d = r - first + 1;
        return (d < rows ? own?.(d, c.key) : undefined) ?? c.format ?? 'General';
      }),
    ),
  );
  if (content.cellValidation || columns.some((c) => c.validation)) {
    whole.setDataValidations(
      Array.from({ length: lastRow }, (_, r) =>
        columns.map((c) => {
          if (r < first - 1) return null;
          const d = r - first + 1;
          const mine = d < rows ? content.cellValidation?.(d, c.key) : undefined;
          const v = mine === undefined ? c.validation : mine;
          return v ? rules.get(v) : null;
        }),
      ),
    );
  }

  hideAndProtect(sheet, columns, headerRow, lastRow, lang);
}

/**
 * Column widths in few calls: the most common width over all the columns at once, then one call
 * per run of adjacent columns of another width.
 */
export function columnWidths(sheet: Sheet, widths: readonly number[]): void {
  const count = new Map<number, number>();
  for (const w of widths) count.set(w, (count.get(w) ?? 0) + 1);
  const common = [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (common === undefined) return;
  sheet.setColumnWidths(1, widths.length, common);
  for (let i = 0; i < widths.length; ) {
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === widths[i]) j++;
    if (widths[i] !== common) sheet.setColumnWidths(i + 1, j - i + 1, widths[i]!);
    i = j + 1;
  }
}

/**
 * A computed column's formula, in its header cell, over columns taken from the header row down
 * (`KR_SCORE(K2:K, …)`): the header row's own result is replaced by the header's text. No edit of
 * the data rows (delete, sort, insert, paste) can reach it, a row inserted anywhere below the
 * header is inside its ranges, and its result lines up with the rows whatever happens to them.
 * `rows` is a column range of the same rows (not the formula's own column: that would be circular).
 */
export function headerFormula(text: string, formula: string, rows: string): string {
  return `=ARRAYFORMULA(IF(SEQUENCE(ROWS(${rows}))=1, "${text.replace(/"/g, '""')}", ${formula.replace(/^=/, '')}))`;
}

function pad(row: Written[], width: number): Written[] {
  return row.length >= width
    ? row.slice(0, width)
    : [...row, ...new Array<Written>(width - row.length).fill('')];
}

/** Formula columns are protected with a warning only: editing one would break its column. */
function hideAndProtect<K extends string>(
  sheet: Sheet,
  columns: readonly ColumnSpec<K>[],
  first: number,
  lastRow: number,
  lang: Lang,
): void {
  let runStart = -1;
  columns.forEach((c, i) => {
    if (c.hidden) sheet.hideColumns(i + 1);
    const isFormula = Boolean(c.formula || c.perRow);
    if (isFormula && runStart < 0) runStart = i;
    const endsRun = runStart >= 0 && (!isFormula || i === columns.length - 1);
    if (endsRun) {
      const end = isFormula ? i : i - 1;
      protectWarning(sheet.getRange(first, runStart + 1, lastRow - first + 1, end - runStart + 1), lang);
      runStart = -1;
    }
  });
}

export function protectWarning(range: GoogleAppsScript.Spreadsheet.Range, lang: Lang): void {
  range
    .protect()
    .setDescription(
      lang === 'fr'
        ? 'OKR & KPI\u00a0: colonnes calculées (les modifier casse les formules)'
        : 'OKR & KPI: computed columns (editing them breaks the formulas)',
    )
    .setWarningOnly(true);
}

/**
 * A companion sheet (log, history, alignment) made where it is missing. A sheet of its exact name
 * that no catalog knows and that holds nothing but what the add-on would write there (an empty
 * sheet, or only the headers) is one a run cut short began: it is taken and finished, rather than
 * left beside a "… (2)". Any other sheet of that name is the user's and is never taken.
 */
export function companionSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  isCatalogued: (s: GoogleAppsScript.Spreadsheet.Sheet) => boolean,
  headers: readonly string[],
): GoogleAppsScript.Spreadsheet.Sheet {
  const found = ss.getSheetByName(name);
  if (found && !isCatalogued(found)) {
    const last = found.getLastRow();
    const begun =
      last === 0 ||
      (last === 1 &&
        headers.length > 0 &&
        found
          .getRange(1, 1, 1, headers.length)
          .getValues()[0]!
          .every((v, i) => v === '' || v === headers[i]));
    if (begun) return found;
  }
  return ss.insertSheet(uniqueSheetName(ss, name));
}

/**
 * A new sheet named `base`, or "base (2)"… when that is taken: insertSheet refuses a taken name
 * (whatever its case), so the usual case is one call, not a read of every sheet's name.
 */
export function insertUniqueSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  base: string,
): GoogleAppsScript.Spreadsheet.Sheet {
  for (let k = 1; ; k++) {
    try {
      return ss.insertSheet(k === 1 ? base : `${base} (${k})`);
    } catch {
      // another failure than a taken name would repeat: after a few, the names are read instead
      if (k >= 3) return ss.insertSheet(uniqueSheetName(ss, base));
    }
  }
}

/** A sheet name not yet taken: "OKR Q1 2026", then "OKR Q1 2026 (2)"… */
export function uniqueSheetName(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, base: string): string {
  // Sheets' names are unique whatever their case: "check-ins" takes "Check-ins"
  const taken = new Set(ss.getSheets().map((s) => s.getName().toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let k = 2; ; k++) if (!taken.has(`${base} (${k})`.toLowerCase())) return `${base} (${k})`;
}
