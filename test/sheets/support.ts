import { createWorkbook } from '../../emulator/index';
import { columnLetter } from '../../src/sheets/template';
import { bundleCode } from '../support/bundle';

/** A new spreadsheet with the add-on's bundle (dist/Code.js) loaded, as a user who opened it. */
export function addon(locale = 'en_US', timeZone = 'Europe/Paris') {
  bundleCode();
  const wb = createWorkbook({ locale, timeZone });
  const app = wb.loadBundle();
  app.call('onOpen', { authMode: 'LIMITED' });
  return { wb, app };
}

export const ALL_LEVELS = ['company', 'department', 'team', 'individual'];

/** n objectives of k key results each, as the insert endpoint takes them. */
export function objectives(n: number, k = 4) {
  return Array.from({ length: n }, (_, i) => ({
    id: `O${i + 1}`,
    title: `Objective ${i + 1}`,
    level: i === 0 ? 'company' : 'team',
    owner: `Team ${i % 7}`,
    parent: i === 0 ? '' : 'O1',
    committed: i % 5 === 0,
    krs: Array.from({ length: k }, (_, j) => ({
      id: `O${i + 1}.${j + 1}`,
      title: `Key result ${j + 1}`,
      type: 'increase',
      unit: '',
      start: 0,
      target: 10,
      current: (i + j) % 11,
      weight: 1,
      confidence: 0.5,
    })),
  }));
}

type Sheet = ReturnType<ReturnType<typeof addon>['wb']['sheet']>;

/**
 * The letter of a quarter sheet's column, found by its header in the header row (row 2), as the
 * add-on finds it: tests name columns, not positions.
 */
export function letterOf(sheet: Sheet, header: string, headerRow = 2): string {
  const headers = sheet.getRange(headerRow, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
  const i = headers.indexOf(header);
  if (i < 0) throw new Error(`no "${header}" column in ${sheet.getName()}: ${headers.join(', ')}`);
  return columnLetter(i + 1);
}

/** A cell of a quarter sheet by its column's header and its row: `cellOf(sheet, 'Current', 4)` → "L4". */
export const cellOf = (sheet: Sheet, header: string, row: number) => `${letterOf(sheet, header)}${row}`;

/** A row of a quarter sheet as { header: value }, the headers read from the header row. */
export function rowByHeader(sheet: Sheet, row: number, headerRow = 2): Record<string, unknown> {
  const width = sheet.getLastColumn();
  const [headers, values] = [headerRow, row].map((r) => sheet.getRange(r, 1, 1, width).getValues()[0]!);
  return Object.fromEntries(headers!.flatMap((h, i) => (h === '' ? [] : [[String(h), values![i]]])));
}

/** A quarter sheet's rows below its header, each as { header: value } (blank rows kept, in order). */
export function recordsOf(sheet: Sheet, headerRow = 2): Record<string, unknown>[] {
  const values = sheet.getDataRange().getValues();
  const headers = values[headerRow - 1]!.map(String);
  return values
    .slice(headerRow)
    .map((r) => Object.fromEntries(headers.flatMap((h, i) => (h === '' ? [] : [[h, r[i]]]))));
}
