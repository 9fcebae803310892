import type { Cell } from '../core/cells';
import type { Lang } from '../core/i18n';
import type { QuarterColumn } from '../core/read-quarter';
import { Formula } from './cells';
import { labelLiteral, progressFormula, progressSource, quarterLayout } from './quarter-layout';
import { type CellAt, QUARTER, type SheetRead } from './read';
import { columnLetter } from './template';
import { headerFormula } from './write';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * What became of a computed column: its formula in place, blocked by typed cells, or gone; for the
 * progress bars (a formula per row), the data rows whose bar is missing or not theirs.
 */
export interface ComputedState {
  key: QuarterColumn;
  header: string;
  /** 1-based, when the column is there. */
  col?: number;
  state: 'ok' | 'blocked' | 'overwritten' | 'missing' | 'incomplete';
  /** The rows (1-based) whose progress bar is missing or wrong, when incomplete. */
  rows?: number[];
}

const a1 = (p: CellAt) => `${columnLetter(p.col)}${p.row}`;

/** The quarter layout as this sheet has it: its log, and its settings where they are now. */
export function sheetLayout(read: SheetRead, logName: string, label?: string) {
  const { quarter, elapsed, ends } = read.meta;
  return quarterLayout(
    { sheet: logName, date: 'A', quarter: 'B', krId: 'C', value: 'D' },
    {
      quarter: label ? labelLiteral(label) : quarter ? a1(quarter) : 'B1',
      elapsed: elapsed ? a1(elapsed) : 'F1',
      ends: ends ? a1(ends) : 'J1',
    },
  );
}

/**
 * Each computed column's state, from the header row's formulas (one read): found by the header
 * text its formula writes; blocked when that formula shows an error (typed cells in the way of
 * its results); overwritten when the header is plain text; missing when neither is there.
 */
export function computedStates(sheet: Sheet, read: SheetRead, lang: Lang): ComputedState[] {
  const layout = sheetLayout(read, 'x');
  const width = read.values[0]?.length ?? 1;
  const formulas = sheet.getRange(read.headerRow, 1, 1, width).getFormulas()[0] ?? [];
  const values = read.values[read.headerRow - 1] ?? [];
  const columns = layout.columns
    .filter((c) => c.formula)
    .map((c): ComputedState => {
      const key = c.key as QuarterColumn;
      const texts = [c.header, ...(c.formerly ?? [])].flatMap((h) => [h.en, h.fr]);
      const header = c.header[lang];
      const byFormula = formulas.findIndex((f) =>
        texts.some((t) => f.includes(`"${t.replace(/"/g, '""')}"`)),
      );
      if (byFormula >= 0) {
        const shown = values[byFormula];
        const blocked = typeof shown === 'string' && shown.startsWith('#');
        return { key, header, col: byFormula + 1, state: blocked ? 'blocked' : 'ok' };
      }
      const byText = values.findIndex((v) => typeof v === 'string' && texts.includes(v.trim()));
      return byText >= 0
        ? { key, header, col: byText + 1, state: 'overwritten' }
        : { key, header, state: 'missing' };
    });
  return [...columns, progressState(sheet, read, lang)];
}

/** The data rows, each with the score its progress bar shows (see progressSource). */
function barRows(read: SheetRead): { row: number; source: QuarterColumn }[] {
  return [
    ...read.objectives.map((o) => ({ row: o.row, source: progressSource('objective') })),
    ...[...read.objectives.flatMap((o) => o.krs), ...read.strays].map((k) => ({
      row: k.row,
      source: progressSource('kr'),
    })),
  ].sort((a, b) => a.row - b.row);
}

/**
 * The Progress column's state: missing when its header is not there; incomplete when a data row's
 * cell holds no bar of that row's score (a row inserted by hand, a bar deleted or typed over). One
 * read of the column's formulas.
 */
function progressState(sheet: Sheet, read: SheetRead, lang: Lang): ComputedState {
  const spec = QUARTER.columns.find((c) => c.key === 'progress')!;
  const header = spec.header[lang];
  const at = read.columns.index.progress;
  if (at < 0) return { key: 'progress', header, state: 'missing' };
  const rows = barRows(read);
  if (rows.length === 0) return { key: 'progress', header, col: at + 1, state: 'ok' };
  const lo = rows[0]!.row;
  const formulas = sheet.getRange(lo, at + 1, rows[rows.length - 1]!.row - lo + 1, 1).getFormulas();
  const wrong = rows
    .filter(({ row, source }) => {
      const f = (formulas[row - lo]?.[0] ?? '').replace(/\$/g, '').toUpperCase();
      const letter = read.columns.letter[source];
      // the bar of this very row's score (a sheet whose score column is gone: any bar will do)
      return !(f.startsWith('=SPARKLINE(') && (letter === '?' || f.includes(`(${letter}${row})`)));
    })
    .map((r) => r.row);
  return wrong.length
    ? { key: 'progress', header, col: at + 1, state: 'incomplete', rows: wrong }
    : { key: 'progress', header, col: at + 1, state: 'ok' };
}

/**
 * Repairs a quarter sheet's computed columns: each formula written back in its header cell (a
 * missing column gets a new one at the end), and what was typed in a computed column (a pasted
 * row's values, a score typed by hand) moved into a note on its cell, so nothing typed is lost and
 * the results can spill again. Returns the columns restored and the cells moved.
 */
export function repairComputed(
  sheet: Sheet,
  read: SheetRead,
  states: readonly ComputedState[],
  logName: string,
  lang: Lang,
  label?: string,
): { restored: string[]; moved: number } {
  const broken = states.filter((s) => s.state !== 'ok');
  if (broken.length === 0) return { restored: [], moved: 0 };
  const width = read.values[0]?.length ?? 1;
  const missing = broken.filter((s) => s.state === 'missing');
  if (missing.length) sheet.insertColumnsAfter(width, missing.length);
  const cols = new Map<QuarterColumn, number>();
  for (const s of states) if (s.col) cols.set(s.key, s.col);
  for (const [i, s] of missing.entries()) cols.set(s.key, width + 1 + i);

  let moved = 0;
  for (const s of broken) {
    if (s.state === 'missing' || s.key === 'progress') continue;
    const c = s.col! - 1;
    // nothing spills in a blocked or overwritten column: whatever it holds below was typed
    const typed: { row: number; value: Cell }[] = [];
    read.values.forEach((r, i) => {
      const v = r[c];
      if (i >= read.headerRow && v !== '' && v !== null && v !== undefined)
        typed.push({ row: i + 1, value: v });
    });
    if (typed.length === 0) continue;
    const lo = typed[0]!.row;
    const hi = typed[typed.length - 1]!.row;
    const span = sheet.getRange(lo, s.col!, hi - lo + 1, 1);
    const notes = span.getNotes();
    const byRow = new Map(typed.map((t) => [t.row, t.value]));
    span.setNotes(
      notes.map((n, i) => {
        const v = byRow.get(lo + i);
        if (v === undefined) return [n[0] ?? ''];
        const line = MOVED[lang](String(v));
        return [n[0] ? `${n[0]}\n${line}` : line];
      }),
    );
    span.setValues(notes.map(() => ['']));
    moved += typed.length;
  }

  for (const s of broken)
    if (s.key !== 'progress')
      sheet
        .getRange(read.headerRow, cols.get(s.key)!)
        .setFormula(computedFormula(read, cols, s, logName, lang, label));
  const bars = broken.find((s) => s.key === 'progress');
  if (bars) {
    const letter = (key: QuarterColumn) =>
      cols.has(key) ? columnLetter(cols.get(key)!) : read.columns.letter[key];
    moved += repairBars(sheet, read, bars, cols.get('progress')!, letter, lang);
  }
  return { restored: broken.map((s) => s.header), moved };
}

/**
 * A computed column's header formula as the template writes it, over the columns where this sheet
 * has them now (`cols`, 1-based, for computed columns; the data columns as read) and its settings
 * cells where they are.
 */
export function computedFormula(
  read: SheetRead,
  cols: ReadonlyMap<QuarterColumn, number>,
  s: Pick<ComputedState, 'key' | 'header'>,
  logName: string,
  lang: Lang,
  label?: string,
): string {
  const letter = (key: QuarterColumn) =>
    cols.has(key) ? columnLetter(cols.get(key)!) : read.columns.letter[key];
  const layout = sheetLayout(read, logName, label);
  const ctx = {
    ...layout.ctx(lang),
    first: read.first,
    headerRow: read.headerRow,
    col: letter,
    range: (key: QuarterColumn) => `${letter(key)}${read.headerRow}:${letter(key)}`,
    dataRange: (key: QuarterColumn) => `${letter(key)}${read.first}:${letter(key)}`,
  };
  const spec = layout.columns.find((c) => c.key === s.key)!;
  return new Formula(headerFormula(s.header, spec.formula!(ctx), ctx.range('objectiveId'))).text;
}

/**
 * Puts each data row's progress bar back (every row's, in a column just made): one write per run
 * of adjacent rows; what a row held there instead moves into a note on its cell. Returns how many
 * cells held something.
 */
function repairBars(
  sheet: Sheet,
  read: SheetRead,
  state: ComputedState,
  col: number,
  letter: (key: QuarterColumn) => string,
  lang: Lang,
): number {
  if (state.state === 'missing') sheet.getRange(read.headerRow, col).setValue(state.header);
  const wanted = new Set(state.rows ?? barRows(read).map((r) => r.row));
  const rows = barRows(read).filter((r) => wanted.has(r.row));
  let moved = 0;
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1]!.row === rows[j]!.row + 1) j++;
    const run = rows.slice(i, j + 1);
    const range = sheet.getRange(run[0]!.row, col, run.length, 1);
    // what the cells held, formula or value, when it was not a bar (a column just made holds nothing)
    if (state.state !== 'missing') {
      const formulas = range.getFormulas();
      const held = run.map((r, k) => {
        const f = formulas[k]?.[0] ?? '';
        if (/^=SPARKLINE\(/i.test(f)) return ''; // a bar of another row's score: replaced
        return f || read.values[r.row - 1]?.[col - 1] || '';
      });
      if (held.some((v) => v !== '')) {
        const notes = range.getNotes();
        range.setNotes(
          notes.map((n, k) => {
            const v = held[k];
            if (v === '' || v === undefined) return [n[0] ?? ''];
            moved++;
            const line = MOVED[lang](String(v));
            return [n[0] ? `${n[0]}\n${line}` : line];
          }),
        );
      }
    }
    range.setFormulas(run.map((r) => [progressFormula(`${letter(r.source)}${r.row}`)]));
    i = j + 1;
  }
  return moved;
}

const MOVED = {
  en: (v: string) => `Typed here: ${v} (moved into this note by Repair: this column is computed).`,
  fr: (v: string) =>
    `Saisi ici\u00a0: ${v} (déplacé dans cette note par Réparer\u00a0: cette colonne est calculée).`,
};
