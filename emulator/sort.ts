/**
 * Sorting a range's rows, as Range.sort and Sheet.sort do: a stable sort on one or more columns,
 * in Sheets' order — numbers (dates too), then errors, then text (ignoring case), then booleans
 * (false before true), blanks last whether ascending or descending [OBS: o-spreadsheet, which
 * copies Sheets, orders types so; the brief's order; errors' place UNVERIFIED].
 *
 * Each cell's content, formats, note and validation move with its row; cells outside the range
 * stay. A moved formula's relative references move by the rows it moved, as when Sheets sorts
 * (o-spreadsheet translates them the same way [OBS]); absolute ones stay. A cell an array formula
 * spilled into holds nothing of its own: it is left blank and the array spills again from its
 * anchor, which moves with its row when it is inside the range.
 */
import type { Area } from './a1';
import { type Content, type EngineValue, isEngineError } from './engine';
import { closeOpenRanges, shiftRelative } from './formulas';
import type { CellMeta, SheetModel } from './model';
import type { WorkbookCore } from './workbook-core';

/** One key: the sheet's absolute column (1 = A), ascending or not. */
export interface SortKey {
  column: number;
  ascending: boolean;
}

type Kind = 0 | 1 | 2 | 3 | 4; // number, error, text, boolean, blank

function kind(v: EngineValue): Kind {
  if (v === null || v === '') return 4; // a formula's "" sorts as a blank [UNVERIFIED]
  if (typeof v === 'number') return 0;
  if (isEngineError(v)) return 1;
  if (typeof v === 'string') return 2;
  return 3;
}

/** Compares two cells for one key; blanks go last in both directions. */
export function compareCells(
  a: EngineValue,
  b: EngineValue,
  ascending: boolean,
  collator: Intl.Collator,
): number {
  const ka = kind(a);
  const kb = kind(b);
  if (ka === 4 || kb === 4) return ka === kb ? 0 : ka === 4 ? 1 : -1;
  let order: number;
  if (ka !== kb) order = ka - kb;
  else if (ka === 0) order = (a as number) - (b as number);
  else if (ka === 3) order = Number(a) - Number(b);
  else {
    const text = (v: EngineValue) => (isEngineError(v) ? v.error : String(v));
    order = collator.compare(text(a), text(b));
  }
  return ascending ? order : -order;
}

/** Sorts the rows of `area` by the keys (stable); see the module comment for what moves. */
export function sortRows(wb: WorkbookCore, sheet: SheetModel, area: Area, keys: readonly SortKey[]): void {
  const id = sheet.engineId;
  const values = wb.engine.values(id, area.row - 1, area.col - 1, area.numRows, area.numCols);
  const collator = new Intl.Collator(wb.locale.replace('_', '-'), { sensitivity: 'accent' });
  const order = Array.from({ length: area.numRows }, (_, i) => i);
  order.sort((i, j) => {
    for (const k of keys) {
      const c = compareCells(
        values[i]![k.column - area.col]!,
        values[j]![k.column - area.col]!,
        k.ascending,
        collator,
      );
      if (c !== 0) return c;
    }
    return i - j;
  });
  if (order.every((from, to) => from === to)) return;

  const size = (name: string | undefined) => {
    const s = name === undefined ? sheet : wb.sheetByRefName(name);
    return s ? { rows: s.maxRows, cols: s.maxCols } : undefined;
  };
  // Read everything before anything moves.
  const rows = order.map((from, to) => {
    const source = area.row + from;
    const target = area.row + to;
    const cells: Content[] = [];
    const metas: (CellMeta | undefined)[] = [];
    for (let c = area.col; c < area.col + area.numCols; c++) {
      let content = wb.engine.content(id, source - 1, c - 1);
      if (content !== null && typeof content === 'object' && 'formula' in content) {
        const shown = wb.formula(sheet, source, c); // open ranges shown open, as typed
        content = { formula: closeOpenRanges(shiftRelative(shown, target - source, 0), size).formula };
      }
      cells.push(content);
      metas.push(sheet.cellMeta(source, c));
    }
    return { cells, metas };
  });

  // Anchors inside the area are rewritten by the block itself; the others are put back as they were.
  const inside = (a: { sheet: number; row: number; col: number }) =>
    a.sheet === id &&
    a.row >= area.row - 1 &&
    a.row < area.row - 1 + area.numRows &&
    a.col >= area.col - 1 &&
    a.col < area.col - 1 + area.numCols;
  wb.engine.structural(
    id,
    () =>
      wb.engine.place(
        id,
        area.row - 1,
        area.col - 1,
        rows.map((r) => r.cells),
      ),
    (a) => (inside(a) ? undefined : a),
  );

  rows.forEach((r, i) => {
    const target = area.row + i;
    r.metas.forEach((m, j) => {
      const c = area.col + j;
      const line = sheet.meta.get(target);
      if (m) {
        if (line) line.set(c, m);
        else sheet.meta.set(target, new Map([[c, m]]));
      } else line?.delete(c);
    });
  });
  sheet.prune();
  wb.changed();
}
