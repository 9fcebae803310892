/**
 * A closed quarter stops computing: when its review finishes, its computed columns (each one
 * formula in its header cell) and its settings row's custom functions are replaced by the values
 * they show, so a check-in in the next quarter (which changes the log every quarter's forecast
 * reads) no longer sets off the custom functions of every quarter before it. Reopening the quarter
 * writes the formulas back: the columns' from the template (as Repair does, pointed at today's
 * log), the settings row's as they were (kept in the review's record: a few dozen bytes).
 */
import type { Cell } from '../core/cells';
import type { Lang } from '../core/i18n';
import { findLabelled, type QuarterColumn } from '../core/read-quarter';
import { registry } from '../functions/registry';
import { type CellValue, cellValue } from './cells';
import type { SheetRead } from './read';
import { type ComputedState, computedFormula } from './repair';
import { columnLetter } from './template';
import { QUARTER_META } from './texts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What a frozen quarter keeps to compute again: the rows its columns covered, its settings' formulas. */
export interface Frozen {
  /** The last row the frozen columns' values were written to. */
  last: number;
  /** Formulas above the header (row, column, formula), written back as they were. */
  above: [number, number, string][];
}

let own: RegExp | undefined;
/** Whether a formula calls one of the add-on's custom functions (a team's own formula stays live). */
function callsOwn(formula: string): boolean {
  own ??= new RegExp(`\\b(${registry.map((f) => f.name).join('|')})\\s*\\(`, 'i');
  return own.test(formula);
}

/** Runs of adjacent columns (1-based, sorted). */
function runs(cols: readonly number[]): number[][] {
  const out: number[][] = [];
  for (const c of [...cols].sort((a, b) => a - b)) {
    const run = out[out.length - 1];
    if (run && run[run.length - 1] === c - 1) run.push(c);
    else out.push([c]);
  }
  return out;
}

/**
 * Freezes a quarter sheet: every formula of the header row and above that calls a custom function
 * is replaced by what it shows, from the values read with the sheet (one setValues per block of
 * adjacent columns, one setValue per settings cell; one getFormulas first). A header whose formula
 * shows an error (typed cells blocking it) is left live: its header would be lost. `keep` records
 * what to write back before anything is replaced (a freeze cut short is finished on retry: what
 * is already frozen holds no formula any more, and what was kept stays).
 */
export function freezeQuarter(
  sheet: Sheet,
  read: SheetRead,
  kept: Frozen | undefined,
  keep: (f: Frozen) => void,
): Frozen | undefined {
  const width = read.values[0]?.length ?? 1;
  const h = read.headerRow;
  const formulas = sheet.getRange(1, 1, h, width).getFormulas();
  const shown = (r: number, c: number): Cell => read.values[r - 1]?.[c - 1] ?? '';
  const header: number[] = [];
  const above: [number, number, string][] = [];
  formulas.forEach((row, i) => {
    row.forEach((f, j) => {
      if (!f || !callsOwn(f)) return;
      const v = shown(i + 1, j + 1);
      if (typeof v === 'string' && v.startsWith('#')) return;
      if (i + 1 === h) header.push(j + 1);
      else above.push([i + 1, j + 1, f]);
    });
  });
  if (header.length === 0 && above.length === 0) return kept;
  const last = Math.max(read.lastRow, kept?.last ?? h);
  const frozen: Frozen = {
    last,
    above: [
      ...(kept?.above ?? []),
      ...above.filter(([r, c]) => !kept?.above.some((k) => k[0] === r && k[1] === c)),
    ],
  };
  keep(frozen);
  // the settings first: the overall score reads the score column, and would run again once it is written
  for (const [r, c] of above) sheet.getRange(r, c).setValue(cellValue(shown(r, c) as CellValue));
  for (const run of runs(header)) {
    const block = Array.from({ length: last - h + 1 }, (_, i) =>
      run.map((c) => cellValue(shown(h + i, c) as CellValue)),
    );
    sheet.getRange(h, run[0]!, block.length, run.length).setValues(block);
  }
  return frozen;
}

/**
 * Writes a frozen quarter's formulas back: each computed column found by its header text gets its
 * frozen values cleared below its header, then its formula in its header cell (a setValues and a
 * setFormulas per block of adjacent columns), and the settings row's formulas go back as they were.
 */
export function thawQuarter(
  sheet: Sheet,
  read: SheetRead,
  states: readonly ComputedState[],
  frozen: Frozen,
  logName: string,
  lang: Lang,
  label: string,
): void {
  const h = read.headerRow;
  const last = Math.max(frozen.last, read.lastRow);
  const cols = new Map<QuarterColumn, number>();
  for (const s of states) if (s.col) cols.set(s.key, s.col);
  const byCol = new Map<number, string>();
  for (const s of states)
    if (s.state === 'overwritten') byCol.set(s.col!, computedFormula(read, cols, s, logName, lang, label));
  for (const run of runs([...byCol.keys()])) {
    // the values cleared first, then the formulas: each spills into cells already empty
    if (last > h)
      sheet
        .getRange(h + 1, run[0]!, last - h, run.length)
        .setValues(Array.from({ length: last - h }, () => run.map(() => '')));
    sheet.getRange(h, run[0]!, 1, run.length).setFormulas([run.map((c) => byCol.get(c)!)]);
  }
  for (const [r, c, f] of frozen.above) {
    const [row, col, formula] = settingsFormula(read, cols, f) ?? [r, c, f];
    sheet.getRange(row, col).setFormula(formula);
  }
}

/**
 * The template's settings formulas (the share elapsed, the overall score), rebuilt beside their
 * labels where they are now and over the cells and columns where those are now: a column or row
 * inserted while the quarter was closed moved them, and the frozen position would write over a
 * label with references gone stale. Undefined for any other formula (or a label gone): it goes
 * back where it was.
 */
function settingsFormula(
  read: SheetRead,
  cols: ReadonlyMap<QuarterColumn, number>,
  formula: string,
): [number, number, string] | undefined {
  const a1 = (p: { row: number; col: number }) => `${columnLetter(p.col)}${p.row}`;
  const { asOf, fiscalStart, elapsed } = read.meta;
  if (/^=QUARTER_PROGRESS\(/i.test(formula)) {
    if (!asOf || !fiscalStart || !elapsed) return undefined;
    return [elapsed.row, elapsed.col, `=QUARTER_PROGRESS(${a1(asOf)}, ${a1(fiscalStart)})`];
  }
  if (/^=OKR_SCORE\(FILTER\(/i.test(formula)) {
    const label = findLabelled(read.values.slice(0, read.headerRow - 1), QUARTER_META.overall);
    const col = cols.get('score') ?? read.columns.index.score + 1;
    if (!label || !(col > 0)) return undefined;
    const range = `${columnLetter(col)}${read.headerRow}:${columnLetter(col)}`;
    // as quarterMetaRow writes it: the scores without the header's text
    return [label.row + 1, label.col + 1, `=OKR_SCORE(FILTER(${range}, SEQUENCE(ROWS(${range}))>1))`];
  }
  return undefined;
}
