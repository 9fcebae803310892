/**
 * What a sheet holds besides cell contents (which live in the engine): per-cell formats, notes and
 * validations, and the sheet's layout, protections, conditional rules and metadata. Plain data, so
 * that a workbook saves as JSON; it moves with inserted and deleted rows and columns as Sheets moves it.
 */
import { type Area, shiftArea } from './a1';
import type { ChartModel } from './charts';

export interface ValidationModel {
  criteria: string;
  /** Criteria values; a range is kept as { range: "'Sheet'!A1:B2" }. */
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export interface CellMeta {
  numberFormat?: string;
  fontWeight?: 'bold' | 'normal';
  fontColor?: string;
  background?: string;
  hAlign?: string;
  wrap?: boolean;
  note?: string;
  validation?: ValidationModel;
  /** The cell's formula was typed with open-ended ranges ('H2:H'), shown open again on read. */
  openRefs?: boolean;
}

/** The keys of CellMeta that are formatting (cleared by clearFormat, copied into inserted rows). */
export const FORMAT_KEYS = [
  'numberFormat',
  'fontWeight',
  'fontColor',
  'background',
  'hAlign',
  'wrap',
] as const;

export function clearFormatKeys(m: CellMeta): void {
  for (const k of FORMAT_KEYS) m[k] = undefined;
}

export interface ProtectionModel {
  id: number;
  type: 'RANGE' | 'SHEET';
  area?: Area;
  description: string;
  warningOnly: boolean;
  domainEdit: boolean;
  editors: string[];
  unprotected: Area[];
  removed?: boolean;
}

export interface CfFormat {
  background?: string | null;
  fontColor?: string | null;
  bold?: boolean | null;
  italic?: boolean | null;
  strikethrough?: boolean | null;
  underline?: boolean | null;
}

export interface CfRuleModel {
  areas: Area[];
  criteria: string;
  values: (string | number)[];
  format: CfFormat;
}

export type DevMetaLocation =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheet: number }
  | { type: 'ROW'; sheet: number; index: number }
  | { type: 'COLUMN'; sheet: number; index: number };

export interface DevMetaModel {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  /** Sheets are referred to by their gid (getSheetId). */
  location: DevMetaLocation;
}

export class SheetModel {
  maxRows = 1000;
  maxCols = 26;
  frozenRows = 0;
  frozenCols = 0;
  tabColor: string | null = null;
  hidden = false;
  /** Per-cell metadata by row, then column (1-based). */
  readonly meta = new Map<number, Map<number, CellMeta>>();
  readonly widths = new Map<number, number>();
  readonly hiddenCols = new Set<number>();
  readonly groupDepth = new Map<number, number>();
  protections: ProtectionModel[] = [];
  cfRules: CfRuleModel[] = [];
  /** Embedded charts (charts.ts), in insertion order. */
  charts: ChartModel[] = [];

  constructor(
    public name: string,
    /** The engine's sheet id. */
    public engineId: number,
    /** Apps Script's getSheetId(): 0 for the first sheet, a large number for the others. */
    public readonly gid: number,
  ) {}

  cellMeta(row: number, col: number): CellMeta | undefined {
    return this.meta.get(row)?.get(col);
  }

  /** The meta of a cell, created when missing, for writing. */
  editMeta(row: number, col: number): CellMeta {
    let r = this.meta.get(row);
    if (!r) {
      r = new Map();
      this.meta.set(row, r);
    }
    let m = r.get(col);
    if (!m) {
      m = {};
      r.set(col, m);
    }
    return m;
  }

  /** Calls fn on the meta of every cell of an area that has one. */
  eachMeta(area: Area, fn: (m: CellMeta, row: number, col: number) => void): void {
    for (const [row, cols] of this.meta) {
      if (row < area.row || row >= area.row + area.numRows) continue;
      for (const [col, m] of cols) if (col >= area.col && col < area.col + area.numCols) fn(m, row, col);
    }
  }

  /** Drops empty meta objects (so saved files stay small). */
  prune(): void {
    for (const [row, cols] of this.meta) {
      for (const [col, m] of cols) if (Object.values(m).every((v) => v === undefined)) cols.delete(col);
      if (cols.size === 0) this.meta.delete(row);
    }
  }

  /**
   * Rows (or columns) inserted (count > 0) or deleted (count < 0) at a 1-based position. Inserted
   * rows take the formats of the row they were inserted after (or before, for the first), as Sheets'
   * insert does [UNVERIFIED for Apps Script's insertRows*].
   */
  shift(dim: 'rows' | 'cols', at: number, count: number, inheritFrom?: number): void {
    const moveKey = (k: number): number | undefined => {
      if (k < at) return k;
      if (count > 0) return k + count;
      return k < at - count ? undefined : k + count;
    };
    if (dim === 'rows') {
      const moved = new Map<number, Map<number, CellMeta>>();
      for (const [row, cols] of this.meta) {
        const to = moveKey(row);
        if (to !== undefined) moved.set(to, cols);
      }
      this.meta.clear();
      for (const [k, v] of moved) this.meta.set(k, v);
      if (count > 0 && inheritFrom !== undefined) {
        const source = this.meta.get(inheritFrom >= at ? inheritFrom + count : inheritFrom);
        if (source) {
          for (let r = at; r < at + count; r++) {
            const copy = new Map<number, CellMeta>();
            for (const [col, m] of source) {
              const c: CellMeta = {};
              for (const k of FORMAT_KEYS) if (m[k] !== undefined) Object.assign(c, { [k]: m[k] });
              if (m.validation) c.validation = { ...m.validation, values: [...m.validation.values] };
              copy.set(col, c);
            }
            this.meta.set(r, copy);
          }
        }
      }
      remap(this.groupDepth, moveKey);
      this.maxRows += count;
    } else {
      for (const [row, cols] of this.meta) {
        const moved = new Map<number, CellMeta>();
        for (const [col, m] of cols) {
          const to = moveKey(col);
          if (to !== undefined) moved.set(to, m);
        }
        this.meta.set(row, moved);
      }
      remap(this.widths, moveKey);
      const hidden = [...this.hiddenCols].map(moveKey).filter((k): k is number => k !== undefined);
      this.hiddenCols.clear();
      for (const h of hidden) this.hiddenCols.add(h);
      this.maxCols += count;
    }
    for (const p of this.protections) {
      if (p.area) {
        const a = shiftArea(p.area, dim, at, count);
        if (a) p.area = a;
        else p.removed = true;
      }
      p.unprotected = p.unprotected.flatMap((u) => shiftArea(u, dim, at, count) ?? []);
    }
    this.protections = this.protections.filter((p) => !p.removed);
    for (const rule of this.cfRules)
      rule.areas = rule.areas.flatMap((a) => shiftArea(a, dim, at, count) ?? []);
    this.cfRules = this.cfRules.filter((r) => r.areas.length > 0);
  }
}

function remap<V>(map: Map<number, V>, moveKey: (k: number) => number | undefined): void {
  const entries = [...map];
  map.clear();
  for (const [k, v] of entries) {
    const to = moveKey(k);
    if (to !== undefined) map.set(to, v);
  }
}
