/**
 * IMPORTRANGE(spreadsheet_url, range_string) as Sheets has it [DOC IMPORTRANGE,
 * support.google.com/docs/answer/3093340]: the other workbook's current values, spilled; "#REF!"
 * until the pair (this workbook → that one) is allowed, with Sheets' note; the range's sheet is the
 * first one when the range names none. The engine's side (the function, its size) is in plugins.ts;
 * the registry of workbooks in registry.ts.
 */
import { parseA1 } from './a1';
import { type EngineValue, isEngineError } from './engine';
import { spreadsheetKey } from './registry';
import type { WorkbookCore } from './workbook-core';

/** Sheets' note until access is allowed [DOC IMPORTRANGE: "You need to connect these sheets. Allow Access."]. */
export const CONNECT_MESSAGE = 'You need to connect these sheets. Allow access.';
/**
 * A spreadsheet the user cannot open — or one that does not exist, which Sheets cannot tell apart
 * without saying it exists [DOC IMPORTRANGE for the message; UNVERIFIED for an unknown id].
 */
export const NO_ACCESS_MESSAGE = "You don't have permissions to access that sheet.";
/** Sheets caps what one IMPORTRANGE receives at 10 MB [DOC IMPORTRANGE "Performance"]. */
export const IMPORT_BYTE_LIMIT = 10 * 1024 * 1024;

export type ImportResult =
  | { values: EngineValue[][]; source: string }
  | { error: string; message: string; source?: string };

/** The bytes a value takes on the wire, roughly (Sheets' 10 MB is of received data). */
function bytesOf(v: EngineValue): number {
  if (v === null) return 1;
  if (typeof v === 'string') return v.length + 2;
  if (typeof v === 'number') return 8;
  if (typeof v === 'boolean') return 4;
  return v.error.length;
}

/**
 * The values `range` of the workbook `url` names, as `reader` may see them. An open-ended range
 * ("Q2!A2:V", "A:C") stops at the source sheet's last row with content [UNVERIFIED: Sheets may
 * send the blank rows down to the sheet's end too; they would show as blank].
 */
export function importRange(reader: WorkbookCore, url: string, range: string): ImportResult {
  const id = spreadsheetKey(url);
  const source = id === reader.id ? reader : id === undefined ? undefined : reader.registry?.find(id);
  // an id not (yet) registered is remembered: the cell is computed again when that workbook joins
  if (!source || id === undefined)
    return { error: '#REF!', message: NO_ACCESS_MESSAGE, ...(id ? { source: id } : {}) };
  const book = source as WorkbookCore;
  if (book !== reader && !reader.importAccess.has(id))
    return { error: '#REF!', message: CONNECT_MESSAGE, source: id };
  const unable = { error: '#REF!', message: `Unable to parse range: ${range}`, source: id };
  const bang = range.lastIndexOf('!');
  const sheet =
    bang < 0
      ? book.sheets[0]
      : book.sheetByRefName(
          range
            .slice(0, bang)
            .replace(/^'(.*)'$/, '$1')
            .replace(/''/g, "'"),
        );
  if (!sheet) return unable;
  const ref = range.slice(bang + 1).trim();
  let area: ReturnType<typeof parseA1>;
  try {
    area = parseA1(ref, sheet.maxRows, sheet.maxCols);
  } catch {
    return unable;
  }
  // no end row ("A2:V", "A:C"): down to the last row with content
  if (/:\$?[A-Za-z]+$/.test(ref)) {
    const last = book.extent(sheet).rows;
    area = { ...area, numRows: Math.max(1, Math.min(area.numRows, last - area.row + 1)) };
  }
  const values = book.engine.values(sheet.engineId, area.row - 1, area.col - 1, area.numRows, area.numCols);
  let bytes = 0;
  for (const row of values) for (const v of row) bytes += bytesOf(v);
  if (bytes > IMPORT_BYTE_LIMIT) return { error: '#REF!', message: 'Result too large.', source: id };
  reader.importStats.calls++;
  reader.importStats.cells += area.numRows * area.numCols;
  // what a source's own error cell shows travels as that error
  return { values: values.map((r) => r.map((v) => (isEngineError(v) ? { ...v } : v))), source: id };
}
