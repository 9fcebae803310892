/**
 * Formula text transforms the engine needs and HyperFormula lacks: open-ended ranges ('H2:H',
 * 'A2:2', which HyperFormula 3.5 rejects as a parse error) closed at the sheet's last row or column
 * and shown open again; relative references shifted for conditional-format formulas; and formulas
 * typed in a comma-decimal locale (';' between arguments) brought to the engine's syntax.
 */
import { colLetters, colNumber } from './a1';

/** One reference in a formula: an optional sheet prefix and one or two ends. */
interface RefToken {
  sheet?: string;
  /** The prefix as written, "'Check-ins'!" or "Sheet1!", '' when none. */
  prefix: string;
  a: string;
  b?: string;
}

const END = String.raw`\$?[A-Za-z]{1,3}\$?\d+|\$?[A-Za-z]{1,3}|\$?\d+`;
const REF = new RegExp(
  `(?<![A-Za-z0-9_.$'!])((?:'(?:[^']|'')*'|[A-Za-z_][A-Za-z0-9_.]*)!)?(${END})(?::(${END}))?(?![A-Za-z0-9_(!.])`,
  'g',
);

/** Applies fn to each reference outside string literals; fn returns the new text or undefined. */
function mapRefs(formula: string, fn: (t: RefToken) => string | undefined): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const q = formula.indexOf('"', i);
    const end = q < 0 ? formula.length : q;
    out += formula.slice(i, end).replace(REF, (whole, prefix: string | undefined, a: string, b?: string) => {
      let sheet: string | undefined;
      if (prefix) {
        const name = prefix.slice(0, -1);
        sheet = name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
      }
      const t: RefToken = { prefix: prefix ?? '', a };
      if (sheet !== undefined) t.sheet = sheet;
      if (b !== undefined) t.b = b;
      return fn(t) ?? whole;
    });
    if (q < 0) break;
    // Skip the string literal, "" being an escaped quote.
    let j = q + 1;
    while (j < formula.length) {
      if (formula[j] === '"') {
        if (formula[j + 1] === '"') j += 2;
        else break;
      } else j++;
    }
    out += formula.slice(q, j + 1);
    i = j + 1;
  }
  return out;
}

interface End {
  colAbs: string;
  col?: string;
  rowAbs: string;
  row?: number;
}

function splitEnd(s: string): End {
  const m = /^(\$?)([A-Za-z]{1,3})?(\$?)(\d+)?$/.exec(s)!;
  const e: End = { colAbs: m[1] ?? '', rowAbs: m[3] ?? '' };
  if (m[2]) e.col = m[2];
  if (m[4]) e.row = Number(m[4]);
  if (!m[2] && m[1]) {
    // "$5": the '$' belongs to the row.
    e.rowAbs = m[1];
    e.colAbs = '';
  }
  return e;
}

export interface SheetSize {
  rows: number;
  cols: number;
}

/** The size of the sheet a reference points at (its own sheet when undefined). */
export type SizeOf = (sheet: string | undefined) => SheetSize | undefined;

/** 'H2:H' → 'H2:H1000' and 'A2:2' → 'A2:Z2' on a 1000×26 sheet; open tells whether any was found. */
export function closeOpenRanges(formula: string, sizeOf: SizeOf): { formula: string; open: boolean } {
  let open = false;
  const out = mapRefs(formula, (t) => {
    if (t.b === undefined) return undefined;
    const a = splitEnd(t.a);
    const b = splitEnd(t.b);
    if (a.col === undefined || a.row === undefined) return undefined;
    const size = sizeOf(t.sheet);
    if (!size) return undefined;
    if (b.col !== undefined && b.row === undefined) {
      open = true;
      return `${t.prefix}${t.a}:${b.colAbs}${b.col}${size.rows}`;
    }
    if (b.col === undefined && b.row !== undefined) {
      open = true;
      return `${t.prefix}${t.a}:${colLetters(size.cols)}${b.rowAbs}${b.row}`;
    }
    return undefined;
  });
  return { formula: out, open };
}

/** The reverse, for a formula that was typed open: ranges ending on the last row/column shown open. */
export function reopenRanges(formula: string, sizeOf: SizeOf): string {
  return mapRefs(formula, (t) => {
    if (t.b === undefined) return undefined;
    const a = splitEnd(t.a);
    const b = splitEnd(t.b);
    if (a.row === undefined || b.row === undefined || a.col === undefined || b.col === undefined)
      return undefined;
    const size = sizeOf(t.sheet);
    if (!size) return undefined;
    if (b.row === size.rows && a.row < b.row) return `${t.prefix}${t.a}:${b.colAbs}${b.col}`;
    if (colNumber(b.col) === size.cols && a.row === b.row && colNumber(a.col) < size.cols) {
      return `${t.prefix}${t.a}:${b.rowAbs}${b.row}`;
    }
    return undefined;
  });
}

/**
 * After a sheet grew at its end (rows or columns added past the last), ranges of a formula typed
 * open that ended on the old last row/column end on the new one.
 */
export function extendRanges(
  formula: string,
  refersTo: (sheet: string | undefined) => boolean,
  dim: 'rows' | 'cols',
  oldMax: number,
  newMax: number,
): string {
  return mapRefs(formula, (t) => {
    if (t.b === undefined || !refersTo(t.sheet)) return undefined;
    const b = splitEnd(t.b);
    if (b.row === undefined || b.col === undefined) return undefined;
    if (dim === 'rows' && b.row === oldMax)
      return `${t.prefix}${t.a}:${b.colAbs}${b.col}${b.rowAbs}${newMax}`;
    if (dim === 'cols' && colNumber(b.col) === oldMax) {
      return `${t.prefix}${t.a}:${b.colAbs}${colLetters(newMax)}${b.rowAbs}${b.row}`;
    }
    return undefined;
  });
}

function shiftEnd(s: string, dRow: number, dCol: number): string {
  const e = splitEnd(s);
  let out = '';
  if (e.col !== undefined) {
    out += e.colAbs + (e.colAbs ? e.col : colLetters(Math.max(1, colNumber(e.col) + dCol)));
  }
  if (e.row !== undefined) out += e.rowAbs + (e.rowAbs ? e.row : Math.max(1, e.row + dRow));
  return out;
}

/**
 * A conditional-format formula as it applies to a cell dRow rows and dCol columns from the top-left
 * of its range: relative references move, '$' ones stay.
 */
export function shiftRelative(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  return mapRefs(formula, (t) => {
    const a = splitEnd(t.a);
    // A lone word (a named range or a function-less name) is not a reference.
    if (t.b === undefined && (a.col === undefined || a.row === undefined)) return undefined;
    const b = t.b === undefined ? '' : `:${shiftEnd(t.b, dRow, dCol)}`;
    return `${t.prefix}${shiftEnd(t.a, dRow, dCol)}${b}`;
  });
}

/**
 * A formula copied dRow rows and dCol columns away, as Sheets pastes it: relative references move,
 * '$' ones stay, and a reference moved off the sheet (above row 1, left of column A, past its last
 * row or column) becomes #REF! [OBS: Sheets and o-spreadsheet both do].
 */
export function shiftForPaste(formula: string, dRow: number, dCol: number, sizeOf: SizeOf): string {
  if (dRow === 0 && dCol === 0) return formula;
  return mapRefs(formula, (t) => {
    const a = splitEnd(t.a);
    if (t.b === undefined && (a.col === undefined || a.row === undefined)) return undefined;
    const size = sizeOf(t.sheet);
    const off = (s: string): boolean => {
      const e = splitEnd(s);
      const col = e.col === undefined ? undefined : colNumber(e.col) + (e.colAbs ? 0 : dCol);
      const row = e.row === undefined ? undefined : e.row + (e.rowAbs ? 0 : dRow);
      if ((col !== undefined && col < 1) || (row !== undefined && row < 1)) return true;
      if (!size) return false;
      return (col !== undefined && col > size.cols) || (row !== undefined && row > size.rows);
    };
    if (off(t.a) || (t.b !== undefined && off(t.b))) return '#REF!';
    const b = t.b === undefined ? '' : `:${shiftEnd(t.b, dRow, dCol)}`;
    return `${t.prefix}${shiftEnd(t.a, dRow, dCol)}${b}`;
  });
}

/**
 * A formula typed in a comma-decimal locale ("=SI(A1>0,5;1)" style separators) in the engine's
 * syntax: ';' separates arguments and ',' between digits is a decimal point. Function names stay
 * English, as Apps Script's setFormula takes them.
 */
export function delocalize(formula: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i]!;
    if (ch === '"') inString = !inString;
    if (!inString && ch === ';') out += ',';
    else if (!inString && ch === ',' && /\d/.test(formula[i - 1] ?? '') && /\d/.test(formula[i + 1] ?? '')) {
      out += '.';
    } else out += ch;
  }
  return out;
}

// --- array literals ---
//
// HyperFormula 3.5 computes `{"Header"; FN(A3:A)}` once but records no dependency for references
// inside braces (its collectDependencies skips ARRAY nodes), so the result goes stale when the cells
// change or rows move. Such literals reach the engine as ARRAY_LITERAL(row; …) / ARRAY_ROW(cell, …)
// calls (plugins.ts; the names Sheets itself gives them in its error messages) and are shown as
// braces again on read. Literals of constants only ({1, 2}, {"charttype", "line"}) stay as typed.

/** The index just past a quoted run starting at i ("…" or '…', doubled quote = escaped). */
function skipQuoted(s: string, i: number): number {
  const q = s[i]!;
  let j = i + 1;
  while (j < s.length) {
    if (s[j] === q) {
      if (s[j + 1] === q) j += 2;
      else return j + 1;
    } else j++;
  }
  return j;
}

/** The index of the bracket closing the one at i ('(' or '{'), quotes and nesting skipped. */
function closing(s: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < s.length) {
    const ch = s[j]!;
    if (ch === '"' || ch === "'") {
      j = skipQuoted(s, j);
      continue;
    }
    if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') {
      depth--;
      if (depth === 0) return j;
    }
    j++;
  }
  return -1;
}

/** Splits s at the separators in `seps` that are outside quotes and brackets. */
function splitTop(s: string, seps: string): { parts: string[]; seps: string[] } {
  const parts: string[] = [];
  const found: string[] = [];
  let depth = 0;
  let start = 0;
  let j = 0;
  while (j < s.length) {
    const ch = s[j]!;
    if (ch === '"' || ch === "'") {
      j = skipQuoted(s, j);
      continue;
    }
    if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') depth--;
    else if (depth === 0 && seps.includes(ch)) {
      parts.push(s.slice(start, j));
      found.push(ch);
      start = j + 1;
    }
    j++;
  }
  parts.push(s.slice(start));
  return { parts, seps: found };
}

const CONSTANT =
  /^\s*(?:[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?%?|"(?:[^"]|"")*"|TRUE|FALSE|#[A-Z0-9/!?]+)\s*$/i;

/** Rewrites every `{…}` holding more than constants into ARRAY_LITERAL/ARRAY_ROW calls. */
export function arrayLiteralsToEngine(formula: string): string {
  if (!formula.includes('{')) return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"' || ch === "'") {
      const j = skipQuoted(formula, i);
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    if (ch !== '{') {
      out += ch;
      i++;
      continue;
    }
    const end = closing(formula, i);
    if (end < 0) return out + formula.slice(i); // unbalanced: the engine reports the parse error
    const rows = splitTop(formula.slice(i + 1, end), ';').parts.map((row) =>
      splitTop(row, ',').parts.map(arrayLiteralsToEngine),
    );
    if (rows.every((r) => r.every((cell) => CONSTANT.test(cell)))) {
      out += `{${rows.map((r) => r.join(',')).join(';')}}`;
    } else {
      const rowText = rows.map((r) => (r.length === 1 ? r[0]! : `ARRAY_ROW(${r.join(',')})`));
      out += `ARRAY_LITERAL(${rowText.join(',')})`;
    }
    i = end + 1;
  }
  return out;
}

/** A call `NAME(…)` filling the whole of s (bar spaces): its arguments' text, else undefined. */
function wholeCall(s: string, name: string): { lead: string; args: string; trail: string } | undefined {
  const m = new RegExp(`^(\\s*)${name}\\(`, 'i').exec(s);
  if (!m) return undefined;
  const open = m[0].length - 1;
  const close = closing(s, open);
  if (close < 0 || s.slice(close + 1).trim() !== '') return undefined;
  return { lead: m[1]!, args: s.slice(open + 1, close), trail: s.slice(close + 1) };
}

/** The reverse: ARRAY_LITERAL/ARRAY_ROW calls (as the engine prints them) shown as braces. */
export function arrayLiteralsFromEngine(formula: string): string {
  if (!/ARRAY_LITERAL\(/i.test(formula)) return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"' || ch === "'") {
      const j = skipQuoted(formula, i);
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    const head = /^ARRAY_LITERAL\(/i.exec(formula.slice(i));
    if (!head || /[A-Za-z0-9_.]/.test(formula[i - 1] ?? '')) {
      out += ch;
      i++;
      continue;
    }
    const open = i + head[0].length - 1;
    const close = closing(formula, open);
    if (close < 0) return out + formula.slice(i);
    const rows = splitTop(formula.slice(open + 1, close), ',').parts.map((row) => {
      const call = wholeCall(row, 'ARRAY_ROW');
      if (!call) return arrayLiteralsFromEngine(row);
      const cells = splitTop(call.args, ',').parts.map(arrayLiteralsFromEngine);
      return `${call.lead}${cells.join(',')}${call.trail}`;
    });
    out += `{${rows.join(';')}}`;
    i = close + 1;
  }
  return out;
}

/** The sheet names a formula's references name ('Check-ins' for 'Check-ins'!A1), outside strings. */
export function referencedSheets(formula: string): string[] {
  const names = new Set<string>();
  mapRefs(formula, (t) => {
    if (t.sheet !== undefined) names.add(t.sheet);
    return undefined;
  });
  return [...names];
}

/** Every reference to a sheet (named ignoring case) replaced by #REF!, as Sheets does when it goes. */
export function refsToSheetAsError(formula: string, sheetName: string): string {
  const name = sheetName.toLowerCase();
  return mapRefs(formula, (t) =>
    t.sheet !== undefined && t.sheet.toLowerCase() === name ? '#REF!' : undefined,
  );
}
