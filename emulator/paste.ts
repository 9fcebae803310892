/**
 * Copy and paste, as a user does it in Sheets (Ctrl+C, Ctrl+V; Ctrl+Shift+V for values only) and as
 * Range.copyTo does it from a script:
 * - a formula is pasted with its relative references moved by the distance pasted ('$' ones stay;
 *   one moved off the sheet becomes #REF!) [OBS];
 * - a cell an array result spilled into holds no formula of its own: its VALUE is pasted, as a
 *   constant [reference §audit "Spilled arrays and pasted values"; OBS], unless the array's anchor is
 *   copied too, in which case the pasted anchor fills it again [UNVERIFIED];
 * - formats, data validation and notes come with a normal paste, not with values only;
 * - pasted contents over cells another array spills into block it: its anchor shows #REF! "Array
 *   result was not expanded because it would overwrite data in X." [DOC CF; EMU] (engine.ts).
 * Everything is read before anything is written, so source and destination may overlap.
 */
import type { Area } from './a1';
import type { Content } from './engine';
import { isEngineError } from './engine';
import { exception } from './errors';
import { isDateFormat } from './format';
import { closeOpenRanges, shiftForPaste } from './formulas';
import { type CellMeta, FORMAT_KEYS, type SheetModel, type ValidationModel } from './model';
import type { WorkbookCore } from './workbook-core';

export interface PasteParts {
  /** 'all': formulas (moved) and values; 'values': what the cells show, as constants; 'none'. */
  contents: 'all' | 'values' | 'none';
  formats: boolean;
  validations: boolean;
  notes: boolean;
}

export const PASTE_NORMAL: PasteParts = { contents: 'all', formats: true, validations: true, notes: true };
export const PASTE_VALUES: PasteParts = {
  contents: 'values',
  formats: false,
  validations: false,
  notes: false,
};

/** One copied cell: what its contents become at a destination, and its formats. */
interface Copied {
  /** A formula as the cell shows it (open ranges open), moved at paste; or a content as is. */
  formula?: string;
  content: Content;
  /** The number format in effect (the cell's, or the one a formula's date result gets). */
  numberFormat: string | undefined;
  meta: CellMeta | undefined;
}

function copyCell(
  wb: WorkbookCore,
  sheet: SheetModel,
  area: Area,
  row: number,
  col: number,
  parts: PasteParts,
) {
  const id = sheet.engineId;
  const engine = wb.engine;
  const numberFormat = wb.numberFormat(sheet, row, col);
  const meta = sheet.cellMeta(row, col);
  const shownValue = (): Content => {
    const v = engine.value(id, row - 1, col - 1);
    if (v === null || v === '') return null;
    if (isEngineError(v)) return { error: v.error };
    if (typeof v === 'string') return { text: v };
    if (typeof v === 'number' && isDateFormat(numberFormat)) return { date: v };
    return v;
  };
  const cell: Copied = { content: null, numberFormat, meta };
  if (engine.isSpilled(id, row - 1, col - 1)) {
    // The anchor copied too: the pasted anchor spills here again [UNVERIFIED].
    const anchorInside = engine
      .spills(id)
      .some(
        (s) =>
          s.at.row + 1 >= area.row &&
          s.at.row + 1 < area.row + area.numRows &&
          s.at.col + 1 >= area.col &&
          s.at.col + 1 < area.col + area.numCols &&
          row - 1 >= s.at.row &&
          row - 1 < s.at.row + s.height &&
          col - 1 >= s.at.col &&
          col - 1 < s.at.col + s.width,
      );
    cell.content = anchorInside && parts.contents === 'all' ? null : shownValue();
    return cell;
  }
  const content = engine.content(id, row - 1, col - 1);
  if (content !== null && typeof content === 'object' && 'formula' in content) {
    if (parts.contents === 'values') cell.content = shownValue();
    else cell.formula = wb.formula(sheet, row, col);
    return cell;
  }
  cell.content = content;
  return cell;
}

const copyValidation = (v: ValidationModel | undefined): ValidationModel | undefined =>
  v ? { ...v, values: structuredClone(v.values) } : undefined;

/** Where a block copied from `from` lands when pasted at `to` (see pasteBlock). */
export function pasteTarget(from: Area, to: Area, tile = true): Area {
  const multiple = tile && to.numRows % from.numRows === 0 && to.numCols % from.numCols === 0;
  return {
    row: to.row,
    col: to.col,
    numRows: multiple ? to.numRows : from.numRows,
    numCols: multiple ? to.numCols : from.numCols,
  };
}

/**
 * Pastes `from` (a block of `fromSheet`) at `to`: the block's size at to's top-left, or tiled over
 * `to` when it is a multiple of the block (as Sheets pastes into a bigger selection) and `tile` is
 * set. Returns the area pasted.
 */
export function pasteBlock(
  wb: WorkbookCore,
  fromSheet: SheetModel,
  from: Area,
  toSheet: SheetModel,
  to: Area,
  parts: PasteParts,
  tile = true,
): Area {
  const target = pasteTarget(from, to, tile);
  if (
    target.row + target.numRows - 1 > toSheet.maxRows ||
    target.col + target.numCols - 1 > toSheet.maxCols
  ) {
    throw exception('The coordinates of the range are outside the dimensions of the sheet.');
  }
  const copied: Copied[][] = Array.from({ length: from.numRows }, (_, i) =>
    Array.from({ length: from.numCols }, (_, j) =>
      copyCell(wb, fromSheet, from, from.row + i, from.col + j, parts),
    ),
  );
  const sizeOf = (name: string | undefined) => {
    const s = name === undefined ? toSheet : wb.sheetByRefName(name);
    return s ? { rows: s.maxRows, cols: s.maxCols } : undefined;
  };

  const block: Content[][] = [];
  for (let i = 0; i < target.numRows; i++) {
    const line: Content[] = [];
    for (let j = 0; j < target.numCols; j++) {
      const src = copied[i % from.numRows]![j % from.numCols]!;
      const row = target.row + i;
      const col = target.col + j;
      const srcRow = from.row + (i % from.numRows);
      const srcCol = from.col + (j % from.numCols);
      // formats, validation and note first: the content written below is typed by the format
      if (parts.formats || parts.validations || parts.notes) {
        const m = toSheet.editMeta(row, col);
        if (parts.formats) {
          for (const k of FORMAT_KEYS) Object.assign(m, { [k]: src.meta?.[k] });
          // a formula's date (or percent) result pasted as a value keeps looking like one
          if (src.formula === undefined && src.numberFormat && !src.meta?.numberFormat)
            m.numberFormat = src.numberFormat;
        }
        if (parts.validations) m.validation = copyValidation(src.meta?.validation);
        if (parts.notes) m.note = src.meta?.note;
      } else if (parts.contents === 'values' && src.content !== null && typeof src.content === 'object') {
        // values only: a date stays a date where the cell has no date format yet [UNVERIFIED]
        if ('date' in src.content && !isDateFormat(toSheet.cellMeta(row, col)?.numberFormat))
          toSheet.editMeta(row, col).numberFormat = src.numberFormat;
      }
      if (parts.contents === 'none') continue;
      const meta = toSheet.cellMeta(row, col);
      if (src.formula !== undefined) {
        const moved = shiftForPaste(src.formula, row - srcRow, col - srcCol, sizeOf);
        const closed = closeOpenRanges(moved, sizeOf);
        if (closed.open) toSheet.editMeta(row, col).openRefs = true;
        else if (meta?.openRefs) meta.openRefs = undefined;
        line.push({ formula: closed.formula });
        continue;
      }
      if (meta?.openRefs) meta.openRefs = undefined;
      const c = src.content;
      line.push(typeof c === 'number' && isDateFormat(meta?.numberFormat) ? { date: c } : c);
    }
    block.push(line);
  }
  if (parts.contents !== 'none') wb.engine.set(toSheet.engineId, target.row - 1, target.col - 1, block);
  toSheet.prune();
  wb.changed();
  return target;
}
