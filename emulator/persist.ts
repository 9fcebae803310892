/**
 * A workbook as a JSON file and back: contents (formulas as getFormulas shows them, so open ranges
 * stay open), formats, notes, validations, layout, protections, conditional rules, metadata, named
 * ranges, locale, time zone and the services' state (document properties).
 *
 * The file is never rewritten in place: a save writes a temporary file next to it, flushes it to
 * disk, then renames it over the file (atomic on POSIX), so a save cut short by a kill or a crash
 * leaves the previous file whole. The previous file can be kept as `<file>.bak`.
 */
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';
import type { Area } from './a1';
import type { ChartModel } from './charts';
import type { Entry } from './entry';
import type { CellMeta, CfRuleModel, DevMetaModel, ProtectionModel } from './model';
import type { WorkbookCore } from './workbook-core';

export const FORMAT_VERSION = 1;

/** One cell's content: [row, col, value], a formula as { f }, text as { t }, a typed error as { e }. */
type SavedCell = [number, number, number | boolean | { f: string } | { t: string } | { e: string }];

export interface SavedSheet {
  name: string;
  gid: number;
  maxRows: number;
  maxCols: number;
  frozenRows: number;
  frozenCols: number;
  tabColor: string | null;
  hidden: boolean;
  cells: SavedCell[];
  meta: [number, number, CellMeta][];
  widths: [number, number][];
  hiddenCols: number[];
  groupDepth: [number, number][];
  protections: ProtectionModel[];
  cfRules: CfRuleModel[];
  /** Embedded charts (absent in files saved before charts were emulated). */
  charts?: ChartModel[];
}

export interface SavedWorkbook {
  version: number;
  name: string;
  id: string;
  locale: string;
  timeZone: string;
  active: number;
  sheets: SavedSheet[];
  namedRanges: { name: string; sheet: number; area: Area }[];
  devMeta: DevMetaModel[];
  nextProtectionId: number;
  nextMetadataId: number;
  nextChartId?: number;
  /** Spreadsheets this one may IMPORTRANGE from ("Allow access" given). */
  importAccess?: string[];
  services?: unknown;
}

export function serialize(wb: WorkbookCore): SavedWorkbook {
  const hf = wb.engine.hf;
  const sheets = wb.sheets.map((s): SavedSheet => {
    const id = s.engineId;
    const cells: SavedCell[] = [];
    hf.getSheetSerialized(id).forEach((row, r) => {
      row.forEach((raw, c) => {
        if (raw === null || raw === undefined || raw === '') return;
        const type = hf.getCellType({ sheet: id, row: r, col: c });
        if (type === 'ARRAY' || type === 'EMPTY') return; // spilled from an array formula
        if (type === 'FORMULA' || type === 'ARRAYFORMULA')
          cells.push([r + 1, c + 1, { f: wb.formula(s, r + 1, c + 1) }]);
        else if (typeof raw === 'string' && !raw.startsWith("'") && /^#/.test(raw))
          cells.push([r + 1, c + 1, { e: raw }]);
        else if (typeof raw === 'string')
          cells.push([r + 1, c + 1, { t: raw.startsWith("'") ? raw.slice(1) : raw }]);
        else if (typeof raw === 'number' || typeof raw === 'boolean') cells.push([r + 1, c + 1, raw]);
        // a date cell serializes as a Date: its serial number is saved (its format says it is a date)
        else if (raw instanceof Date)
          cells.push([r + 1, c + 1, hf.getCellValue({ sheet: id, row: r, col: c }) as number]);
      });
    });
    s.prune();
    const meta: [number, number, CellMeta][] = [];
    for (const [row, cols] of s.meta) {
      for (const [col, m] of cols) {
        const { openRefs: _derived, ...kept } = m;
        if (Object.values(kept).some((v) => v !== undefined)) meta.push([row, col, structuredClone(kept)]);
      }
    }
    return {
      name: s.name,
      gid: s.gid,
      maxRows: s.maxRows,
      maxCols: s.maxCols,
      frozenRows: s.frozenRows,
      frozenCols: s.frozenCols,
      tabColor: s.tabColor,
      hidden: s.hidden,
      cells,
      meta,
      widths: [...s.widths],
      hiddenCols: [...s.hiddenCols],
      groupDepth: [...s.groupDepth],
      protections: structuredClone(s.protections),
      cfRules: structuredClone(s.cfRules),
      ...(s.charts.length ? { charts: structuredClone(s.charts) } : {}),
    };
  });
  return {
    version: FORMAT_VERSION,
    name: wb.name,
    id: wb.id,
    locale: wb.locale,
    timeZone: wb.timeZone,
    active: wb.sheets.indexOf(wb.active),
    sheets,
    namedRanges: [...wb.namedRanges.values()].map((n) => ({
      name: n.name,
      sheet: n.sheet.gid,
      area: n.area,
    })),
    devMeta: structuredClone(wb.devMeta),
    nextProtectionId: wb.nextProtectionId,
    nextMetadataId: wb.nextMetadataId,
    ...(wb.nextChartId > 1 ? { nextChartId: wb.nextChartId } : {}),
    ...(wb.importAccess.size ? { importAccess: [...wb.importAccess] } : {}),
    services: wb.servicesState ? wb.servicesState.toJSON() : wb.pendingServicesState,
  };
}

/** Fills an empty workbook (no sheets yet) from a saved one. */
export function restoreInto(wb: WorkbookCore, saved: SavedWorkbook): void {
  if (saved.version !== FORMAT_VERSION)
    throw new Error(`emulator: unknown workbook file version ${saved.version}`);
  // Sheets first, so that formulas find the sheets they refer to.
  for (const s of saved.sheets) {
    const model = wb.addSheet(s.name, undefined, s.gid);
    model.maxRows = s.maxRows;
    model.maxCols = s.maxCols;
    model.frozenRows = s.frozenRows;
    model.frozenCols = s.frozenCols;
    model.tabColor = s.tabColor;
    model.hidden = s.hidden;
    for (const [c, w] of s.widths) model.widths.set(c, w);
    for (const c of s.hiddenCols) model.hiddenCols.add(c);
    for (const [r, d] of s.groupDepth) model.groupDepth.set(r, d);
    model.protections = structuredClone(s.protections);
    model.cfRules = structuredClone(s.cfRules);
    model.charts = structuredClone(s.charts ?? []);
    for (const [r, c, m] of s.meta) Object.assign(model.editMeta(r, c), structuredClone(m));
  }
  wb.active = wb.sheets[saved.active] ?? wb.sheets[0]!;
  for (const n of saved.namedRanges) {
    const sheet = wb.sheetByGid(n.sheet);
    if (sheet) wb.setNamedRange(n.name, sheet, n.area);
  }
  wb.devMeta = structuredClone(saved.devMeta);
  wb.nextProtectionId = saved.nextProtectionId;
  wb.nextMetadataId = saved.nextMetadataId;
  wb.nextChartId = saved.nextChartId ?? 1;
  for (const id of saved.importAccess ?? []) wb.importAccess.add(id);
  wb.pendingServicesState = saved.services;
  // Cells last, in one engine batch: formulas are computed once everything is there.
  wb.engine.batch(() => {
    saved.sheets.forEach((s, i) => {
      const model = wb.sheets[i]!;
      for (const [r, c, v] of s.cells) {
        const entry: Entry =
          typeof v === 'object'
            ? 'f' in v
              ? { kind: 'formula', formula: v.f }
              : 'e' in v
                ? { kind: 'error', code: v.e }
                : { kind: 'value', value: v.t }
            : { kind: 'value', value: v };
        wb.writeEntries(model, { row: r, col: c, numRows: 1, numCols: 1 }, [[entry]]);
      }
    });
  });
}

/** The text of a workbook file: what save() writes, and what a caller compares to skip a save. */
export function workbookText(wb: WorkbookCore): string {
  return `${JSON.stringify(serialize(wb))}\n`;
}

/** Where the previous file is kept when a save asks for a backup. */
export function backupOf(file: string): string {
  return `${file}.bak`;
}

/** The temporary file a save writes before renaming it over `file` (same directory, same disk). */
export function tempOf(file: string): string {
  return `${file}.tmp`;
}

export interface WriteOptions {
  /** Keep the file being replaced as `<file>.bak` (replacing the previous backup). */
  backup?: boolean;
}

/**
 * Writes `text` to `file` so that a kill at any moment leaves either the old file or the new one,
 * never a part of either: temporary file, fsync, (backup), rename over, fsync of the directory.
 */
export function writeFileAtomic(file: string, text: string, options: WriteOptions = {}): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const temp = tempOf(file);
  const fd = openSync(temp, 'w');
  try {
    writeFileSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (options.backup && existsSync(file)) keepBackup(file);
  renameSync(temp, file);
  syncDirectory(dir);
}

/** `<file>.bak` becomes the current file: a second name for it (a hard link), or a copy. */
function keepBackup(file: string): void {
  const bak = backupOf(file);
  rmSync(bak, { force: true });
  try {
    linkSync(file, bak); // the rename that follows gives `file` a new inode; this one stays the backup
  } catch {
    copyFileSync(file, bak); // a file system without hard links
  }
}

/** Makes the rename itself durable; not every platform can open a directory (Windows), which is fine. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // best effort
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
