/**
 * A1 notation as Sheets reads it: 'A1', 'A1:B2', "'Check-ins'!B2:B", open-ended 'H2:H' (to the last
 * row) and 'A2:2' (to the last column), whole columns 'A:C' and rows '2:5'. Rows and columns are
 * 1-based, like Apps Script's.
 */
import { exception } from './errors';

/** A rectangle of cells, 1-based, as Apps Script counts. */
export interface Area {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export interface ParsedA1 extends Area {
  sheetName?: string;
}

export function colLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1Of(area: Area): string {
  const start = `${colLetters(area.col)}${area.row}`;
  if (area.numRows === 1 && area.numCols === 1) return start;
  return `${start}:${colLetters(area.col + area.numCols - 1)}${area.row + area.numRows - 1}`;
}

/** A sheet name as a formula or A1 string needs it: quoted unless it is a plain word. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** Splits "'My sheet'!A1:B2" into the sheet name and the reference. */
export function splitSheet(a1: string): { sheetName?: string; ref: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { ref: a1 };
  let name = a1.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'") && name.length >= 2)
    name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, ref: a1.slice(bang + 1) };
}

interface End {
  col?: number;
  row?: number;
}

function parseEnd(s: string): End | undefined {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/.exec(s);
  if (!m || (!m[1] && !m[2])) return undefined;
  const end: End = {};
  if (m[1]) end.col = colNumber(m[1]);
  if (m[2]) end.row = Number(m[2]);
  if (end.row === 0) return undefined;
  return end;
}

/**
 * Parses A1 notation against a sheet of maxRows × maxCols. A bare column ('B') or row ('2') is not a
 * range in Sheets: "Range not found" [OBS]; so is anything unparseable [EMU].
 */
export function parseA1(a1: string, maxRows: number, maxCols: number): ParsedA1 {
  const { sheetName, ref } = splitSheet(a1.trim());
  const parts = ref.split(':');
  const notFound = () => exception('Range not found');
  if (parts.length > 2) throw notFound();
  const a = parseEnd(parts[0]!);
  if (!a) throw notFound();
  let area: Area;
  if (parts.length === 1) {
    if (a.col === undefined || a.row === undefined) throw notFound();
    area = { row: a.row, col: a.col, numRows: 1, numCols: 1 };
  } else {
    const b = parseEnd(parts[1]!);
    if (!b) throw notFound();
    // A missing start row or column means the first; a missing end, the sheet's last.
    const r1 = a.row ?? 1;
    const c1 = a.col ?? 1;
    const r2 = b.row ?? maxRows;
    const c2 = b.col ?? maxCols;
    if (a.col === undefined && b.col !== undefined && a.row !== undefined) throw notFound();
    if (a.row === undefined && b.row !== undefined && b.col !== undefined) throw notFound();
    area = {
      row: Math.min(r1, r2),
      col: Math.min(c1, c2),
      numRows: Math.abs(r2 - r1) + 1,
      numCols: Math.abs(c2 - c1) + 1,
    };
  }
  return sheetName === undefined ? area : { ...area, sheetName };
}

export const contains = (a: Area, row: number, col: number): boolean =>
  row >= a.row && row < a.row + a.numRows && col >= a.col && col < a.col + a.numCols;

export const intersects = (a: Area, b: Area): boolean =>
  a.row < b.row + b.numRows &&
  b.row < a.row + a.numRows &&
  a.col < b.col + b.numCols &&
  b.col < a.col + a.numCols;

/**
 * An area after rows (or columns) were inserted (count > 0) or deleted (count < 0) at a 1-based
 * position, the way Sheets moves protections, rules and named ranges; undefined when deleted whole.
 */
export function shiftArea(area: Area, dim: 'rows' | 'cols', at: number, count: number): Area | undefined {
  const start = dim === 'rows' ? area.row : area.col;
  const size = dim === 'rows' ? area.numRows : area.numCols;
  let s = start;
  let n = size;
  if (count > 0) {
    if (at <= start) s += count;
    else if (at < start + size) n += count;
  } else {
    const del = -count;
    const delEnd = at + del; // exclusive
    const end = start + size; // exclusive
    const keptBefore = Math.max(0, Math.min(end, at) - start);
    const keptAfter = Math.max(0, end - Math.max(start, delEnd));
    n = keptBefore + keptAfter;
    if (n === 0) return undefined;
    s = start < at ? start : Math.max(at, start - del);
  }
  return dim === 'rows' ? { ...area, row: s, numRows: n } : { ...area, col: s, numCols: n };
}
