/**
 * The per-cell habits of a beginner's Apps Script, on the emulator's SpreadsheetApp API: one
 * getRange and one setter per cell written, one getRange and one getValue per cell read.
 */
import type { EmuRange, EmuSheet, Workbook } from '../emulator/index';
import type { Cell } from '../src/core/cells';
import type { Lang, Text } from '../src/core/i18n';
import { findHeaderRow } from '../src/core/read-quarter';
import { type OutputWord, word } from '../src/core/words';
import { type CellValue, cellValue, Formula } from '../src/sheets/cells';
import type { Validation } from '../src/sheets/template';
import { PROTECTION_NOTE } from '../src/sheets/texts';
import { STYLE } from '../src/sheets/write';

type Rule = ReturnType<ReturnType<Workbook['app']['newDataValidation']>['build']>;
type FormatRule = ReturnType<ReturnType<Workbook['app']['newConditionalFormatRule']>['build']>;

/**
 * Dropdown and checkbox rules, each built once (even a beginner hoists `newDataValidation()` out of
 * the loop; building one per cell would cost 3 more calls a cell).
 */
export class NaiveRules {
  private readonly cache = new Map<string, Rule>();
  constructor(
    private readonly wb: Workbook,
    private readonly lang: Lang,
  ) {}

  get(v: Validation): Rule {
    const key = v.kind === 'list' ? `list:${v.values(this.lang).join('|')}` : v.kind;
    let rule = this.cache.get(key);
    if (!rule) {
      const b = this.wb.app.newDataValidation();
      if (v.kind === 'list') b.requireValueInList(v.values(this.lang), true).setAllowInvalid(false);
      else if (v.kind === 'checkbox') b.requireCheckbox();
      else b.requireNumberBetween(0, 1).setAllowInvalid(false);
      rule = b.build();
      this.cache.set(key, rule);
    }
    return rule;
  }
}

/** One cell's value as a beginner writes it: a formula with setFormula, the rest with setValue. */
export function setCell(cell: EmuRange, v: CellValue | null | undefined): void {
  if (v instanceof Formula) cell.setFormula(v.text);
  else {
    const value = cellValue(v);
    if (value !== '') cell.setValue(value);
  }
}

/** Writes a row of values cell by cell (blank cells skipped). */
export function setRow(
  sheet: EmuSheet,
  row: number,
  values: readonly (CellValue | null | undefined)[],
): void {
  values.forEach((v, i) => {
    if (v === '' || v === null || v === undefined) return;
    setCell(sheet.getRange(row, i + 1), v);
  });
}

/** Reads one row cell by cell. */
export function readRow(sheet: EmuSheet, row: number, width: number): Cell[] {
  return Array.from({ length: width }, (_, i) => sheet.getRange(row, i + 1).getValue() as Cell);
}

/** Reads rows cell by cell from `first` down to the first row where every key column is blank. */
export function readRowsUntilBlank(
  sheet: EmuSheet,
  first: number,
  width: number,
  keyColumns: readonly number[],
): Cell[][] {
  const rows: Cell[][] = [];
  for (let r = first; ; r++) {
    const row = readRow(sheet, r, width);
    if (keyColumns.every((c) => row[c - 1] === '' || row[c - 1] === null)) return rows;
    rows.push(row);
  }
}

/**
 * Reads rows cell by cell from the top until one names every `keys` column of the template (the
 * header, found by its labels as the add-on finds it, within the first `scan` rows). Returns the
 * rows read, the header's last; throws when there is none.
 */
export function readUntilHeader(
  sheet: EmuSheet,
  width: number,
  template: readonly { key: string; header: Text }[],
  keys: readonly string[],
  scan = 10,
): Cell[][] {
  const rows: Cell[][] = [];
  for (let r = 1; r <= scan; r++) {
    rows.push(readRow(sheet, r, width));
    if (findHeaderRow(rows, template, keys, scan) >= 0) return rows;
  }
  throw new Error(`naive: no header row in ${sheet.getName()}`);
}

/**
 * A grid read cell by cell, handed to the add-on's own parsers (which take a Sheet and make one
 * getValues): the naive version computes exactly what the add-on computes, only its reads differ.
 */
export function gridSheet(grid: readonly Cell[][], width: number): GoogleAppsScript.Spreadsheet.Sheet {
  const fake = {
    getName: () => 'naive',
    getLastRow: () => grid.length,
    getLastColumn: () => width,
    getRange: (row: number, col: number, rows: number, cols: number) => ({
      getValues: () =>
        Array.from({ length: rows }, (_, r) =>
          Array.from({ length: cols }, (_, c) => grid[row - 1 + r]?.[col - 1 + c] ?? ''),
        ),
    }),
  };
  return fake as unknown as GoogleAppsScript.Spreadsheet.Sheet;
}

const colourOf = { green: STYLE.green, yellow: STYLE.yellow, red: STYLE.red } as const;
type Colour = keyof typeof colourOf;

/** The add-on's conditional-format rules (src/sheets/conditional.ts), built on the emulator's API. */
export function naiveFormats(wb: Workbook) {
  const app = wb.app;
  return {
    wordColours(range: EmuRange, lang: Lang, colours: Partial<Record<OutputWord, Colour>>): FormatRule[] {
      return Object.entries(colours).map(([w, colour]) =>
        app
          .newConditionalFormatRule()
          .whenTextEqualTo(word(w as OutputWord, lang))
          .setBackground(colourOf[colour as Colour])
          .setRanges([range])
          .build(),
      );
    },
    prefixColour(range: EmuRange, lang: Lang, w: OutputWord, colour: Colour): FormatRule {
      return app
        .newConditionalFormatRule()
        .whenTextStartsWith(word(w, lang))
        .setBackground(colourOf[colour])
        .setRanges([range])
        .build();
    },
    scoreColours(ranges: EmuRange[]): FormatRule[] {
      const rule = () => app.newConditionalFormatRule().setRanges(ranges);
      return [
        rule().whenNumberGreaterThanOrEqualTo(0.7).setBackground(STYLE.green).build(),
        rule().whenNumberBetween(0.4, 0.699999).setBackground(STYLE.yellow).build(),
        rule().whenNumberLessThan(0.4).setBackground(STYLE.red).build(),
      ];
    },
    errorTexts(ranges: EmuRange[]): FormatRule {
      return app
        .newConditionalFormatRule()
        .whenTextStartsWith('#')
        .setFontColor(STYLE.errorText)
        .setRanges(ranges)
        .build();
    },
  };
}

/** A warning-only protection, as the add-on puts on computed cells. */
export function protectWarning(range: EmuRange, lang: Lang): void {
  range.protect().setDescription(PROTECTION_NOTE[lang]).setWarningOnly(true);
}
