/**
 * Embedded charts (Sheet.newChart → EmbeddedChartBuilder → Sheet.insertChart), the subset a
 * dashboard needs, typed against @types/google-apps-script; and the `Charts` global's enums.
 *
 * A chart is plain data on its sheet (SheetModel.charts: type, ranges, anchor, options), so it
 * saves with the workbook, goes with its sheet, and its ranges and anchor move with inserted and
 * deleted rows and columns (as Sheets moves them [UNVERIFIED detail: a range whose cells all go is
 * dropped]). The playground draws it from its ranges' current values (view.ts, chart-drawing.ts).
 */
import { type Area, shiftArea } from './a1';
import { checkArgs, exception } from './errors';
import { type Api, enumOf } from './gas-types';
import type { SheetModel } from './model';
import { EmuRange } from './range';
import type { WorkbookCore } from './workbook-core';

/** Chart types, as Charts.ChartType names them (the emulator's enum values are the names). */
export const CHART_TYPES = [
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
] as const;

export type ChartTypeName = (typeof CHART_TYPES)[number];

/** A chart as its sheet keeps it (and as the workbook file saves it). */
export interface ChartModel {
  /** getChartId(): unique in the spreadsheet. */
  id: number;
  type: ChartTypeName;
  /** Its data: cells of a sheet named by gid (getSheetId), in the order added. */
  ranges: { sheet: number; area: Area }[];
  /** The cell its top-left corner is anchored to (1-based) and the offset from it in pixels. */
  anchor: { row: number; col: number; offsetX: number; offsetY: number };
  /** setOption's options, dotted keys ("vAxis.minValue") stored as nested objects; JSON only. */
  options: Record<string, unknown>;
  /** setNumHeaders: -1 lets the chart guess (the first row is headers when it holds text). */
  numHeaders: number;
  transpose: boolean;
}

export const emuChartType = enumOf<GoogleAppsScript.Charts.ChartType>()(CHART_TYPES);

/**
 * The `Charts` global, enums only (what an embedded chart needs): Charts.ChartType and
 * Charts.Position. Charts' builders (Charts.newLineChart…) make image charts, not emulated.
 */
export class EmuCharts {
  readonly ChartType = emuChartType;
  readonly Position = enumOf<GoogleAppsScript.Charts.Position>()(['TOP', 'RIGHT', 'BOTTOM', 'NONE']);
}

/** A value of another realm (the script's) as plain JSON data, or a refusal. */
function plain(value: unknown, method: string): unknown {
  try {
    return value === undefined ? null : JSON.parse(JSON.stringify(value));
  } catch {
    throw exception(`Invalid argument: value of ${method}`);
  }
}

/** Sets a dotted option ("vAxis.viewWindow.min") into nested objects. */
export function setPath(options: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  let at: Record<string, unknown> = options;
  for (const p of parts.slice(0, -1)) {
    const next = at[p];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) at[p] = {};
    at = at[p] as Record<string, unknown>;
  }
  at[parts[parts.length - 1]!] = value;
}

/** A dotted option read from nested objects; null when not set. */
export function getPath(options: Record<string, unknown>, key: string): unknown {
  let at: unknown = options;
  for (const p of key.split('.')) {
    if (typeof at !== 'object' || at === null) return null;
    at = (at as Record<string, unknown>)[p];
  }
  return at === undefined ? null : at;
}

type RealChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type ChartMethods =
  | 'getChartId'
  | 'getContainerInfo'
  | 'getNumHeaders'
  | 'getOptions'
  | 'getRanges'
  | 'getTransposeRowsAndColumns'
  | 'modify';

type RealBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type BuilderMethods =
  | 'addRange'
  | 'build'
  | 'clearRanges'
  | 'getChartType'
  | 'getContainer'
  | 'getRanges'
  | 'removeRange'
  | 'setChartType'
  | 'setNumHeaders'
  | 'setOption'
  | 'setPosition'
  | 'setTransposeRowsAndColumns';

export class EmuContainerInfo
  implements Api<GoogleAppsScript.Spreadsheet.ContainerInfo, keyof GoogleAppsScript.Spreadsheet.ContainerInfo>
{
  constructor(
    private readonly wb: WorkbookCore,
    private readonly anchor: ChartModel['anchor'],
  ) {}
  getAnchorColumn(): number {
    this.wb.hit('ContainerInfo.getAnchorColumn');
    return this.anchor.col;
  }
  getAnchorRow(): number {
    this.wb.hit('ContainerInfo.getAnchorRow');
    return this.anchor.row;
  }
  getOffsetX(): number {
    this.wb.hit('ContainerInfo.getOffsetX');
    return this.anchor.offsetX;
  }
  getOffsetY(): number {
    this.wb.hit('ContainerInfo.getOffsetY');
    return this.anchor.offsetY;
  }
}

export class EmuChartOptions implements Api<GoogleAppsScript.Charts.ChartOptions, 'get'> {
  constructor(
    private readonly wb: WorkbookCore,
    private readonly options: Record<string, unknown>,
  ) {}
  /** An option's value (dotted keys read nested ones), null when not set. */
  get(option: string): unknown {
    this.wb.hit('ChartOptions.get');
    return structuredClone(getPath(this.options, String(option)));
  }
}

function rangesOf(wb: WorkbookCore, model: ChartModel): EmuRange[] {
  return model.ranges.flatMap((r) => {
    const sheet = wb.sheetByGid(r.sheet);
    return sheet ? [new EmuRange(wb, sheet, r.area)] : [];
  });
}

/** An EmbeddedChart: a snapshot of a chart (build() or getCharts()); insertChart/updateChart store it. */
export class EmuEmbeddedChart implements Api<RealChart, ChartMethods> {
  constructor(
    private readonly wb: WorkbookCore,
    readonly model: ChartModel,
  ) {}

  getChartId(): number {
    this.wb.hit('EmbeddedChart.getChartId');
    return this.model.id;
  }

  getContainerInfo(): EmuContainerInfo {
    this.wb.hit('EmbeddedChart.getContainerInfo');
    return new EmuContainerInfo(this.wb, { ...this.model.anchor });
  }

  getNumHeaders(): number {
    this.wb.hit('EmbeddedChart.getNumHeaders');
    return this.model.numHeaders;
  }

  getOptions(): EmuChartOptions {
    this.wb.hit('EmbeddedChart.getOptions');
    return new EmuChartOptions(this.wb, structuredClone(this.model.options));
  }

  getRanges(): EmuRange[] {
    this.wb.hit('EmbeddedChart.getRanges');
    return rangesOf(this.wb, this.model);
  }

  getTransposeRowsAndColumns(): boolean {
    this.wb.hit('EmbeddedChart.getTransposeRowsAndColumns');
    return this.model.transpose;
  }

  /** A builder over a copy: the chart changes when Sheet.updateChart gets the rebuilt one. */
  modify(): EmuEmbeddedChartBuilder {
    this.wb.hit('EmbeddedChart.modify');
    return new EmuEmbeddedChartBuilder(this.wb, structuredClone(this.model));
  }
}

export class EmuEmbeddedChartBuilder implements Api<RealBuilder, BuilderMethods> {
  constructor(
    private readonly wb: WorkbookCore,
    private readonly model: ChartModel,
  ) {}

  private hit(method: string): EmuEmbeddedChartBuilder {
    this.wb.hit(`EmbeddedChartBuilder.${method}`);
    return this;
  }

  addRange(range: EmuRange): EmuEmbeddedChartBuilder {
    this.hit('addRange');
    checkArgs('EmbeddedChartBuilder.addRange', [range], range instanceof EmuRange);
    this.model.ranges.push({ sheet: range.model.gid, area: { ...range.area } });
    return this;
  }

  removeRange(range: EmuRange): EmuEmbeddedChartBuilder {
    this.hit('removeRange');
    checkArgs('EmbeddedChartBuilder.removeRange', [range], range instanceof EmuRange);
    const a = range.area;
    this.model.ranges = this.model.ranges.filter(
      (r) =>
        r.sheet !== range.model.gid ||
        r.area.row !== a.row ||
        r.area.col !== a.col ||
        r.area.numRows !== a.numRows ||
        r.area.numCols !== a.numCols,
    );
    return this;
  }

  clearRanges(): EmuEmbeddedChartBuilder {
    this.model.ranges = [];
    return this.hit('clearRanges');
  }

  getRanges(): EmuRange[] {
    this.hit('getRanges');
    return rangesOf(this.wb, this.model);
  }

  setChartType(type: GoogleAppsScript.Charts.ChartType): EmuEmbeddedChartBuilder {
    this.hit('setChartType');
    const name = String(type) as ChartTypeName;
    checkArgs('EmbeddedChartBuilder.setChartType', [type], CHART_TYPES.includes(name));
    this.model.type = name;
    return this;
  }

  getChartType(): GoogleAppsScript.Charts.ChartType {
    this.hit('getChartType');
    return emuChartType[this.model.type];
  }

  getContainer(): EmuContainerInfo {
    this.hit('getContainer');
    return new EmuContainerInfo(this.wb, { ...this.model.anchor });
  }

  setNumHeaders(headers: number): EmuEmbeddedChartBuilder {
    this.hit('setNumHeaders');
    checkArgs('EmbeddedChartBuilder.setNumHeaders', [headers], Number.isInteger(headers));
    this.model.numHeaders = headers;
    return this;
  }

  /** Options as Google Charts names them ('title', 'colors', 'legend', 'vAxis.minValue', 'series'…). */
  setOption(option: string, value: unknown): EmuEmbeddedChartBuilder {
    this.hit('setOption');
    checkArgs('EmbeddedChartBuilder.setOption', [option, value], typeof option === 'string' && option !== '');
    setPath(this.model.options, option, plain(value, 'setOption'));
    return this;
  }

  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): EmuEmbeddedChartBuilder {
    this.hit('setPosition');
    const args = [anchorRowPos, anchorColPos, offsetX, offsetY];
    checkArgs(
      'EmbeddedChartBuilder.setPosition',
      args,
      args.every((n) => Number.isInteger(n)),
    );
    if (anchorRowPos < 1 || anchorColPos < 1) throw exception('Invalid argument: anchor position');
    this.model.anchor = { row: anchorRowPos, col: anchorColPos, offsetX, offsetY };
    return this;
  }

  setTransposeRowsAndColumns(transpose: boolean): EmuEmbeddedChartBuilder {
    this.hit('setTransposeRowsAndColumns');
    this.model.transpose = Boolean(transpose);
    return this;
  }

  build(): EmuEmbeddedChart {
    this.hit('build');
    return new EmuEmbeddedChart(this.wb, structuredClone(this.model));
  }
}

/** Sheet.newChart(): a line chart [UNVERIFIED default type] at A1 with no data. */
export function newChartModel(wb: WorkbookCore): ChartModel {
  return {
    id: wb.nextChartId++,
    type: 'LINE',
    ranges: [],
    anchor: { row: 1, col: 1, offsetX: 0, offsetY: 0 },
    options: {},
    numHeaders: -1,
    transpose: false,
  };
}

/** Where charts' ranges and anchors go when rows or columns of `sheet` are inserted or deleted. */
export function shiftCharts(
  sheets: readonly SheetModel[],
  sheet: SheetModel,
  dim: 'rows' | 'cols',
  at: number,
  count: number,
): void {
  for (const s of sheets) {
    for (const chart of s.charts) {
      chart.ranges = chart.ranges.flatMap((r) => {
        if (r.sheet !== sheet.gid) return [r];
        const area = shiftArea(r.area, dim, at, count);
        return area ? [{ sheet: r.sheet, area }] : [];
      });
      if (s !== sheet) continue;
      const a = chart.anchor;
      const pos = dim === 'rows' ? a.row : a.col;
      // an anchor in deleted rows moves to the first row after them [UNVERIFIED]
      const next = count > 0 ? (pos >= at ? pos + count : pos) : pos >= at ? Math.max(at, pos + count) : pos;
      if (dim === 'rows') a.row = next;
      else a.col = next;
    }
  }
}

/** A sheet's going: ranges other sheets' charts had on it go too. */
export function dropChartRangesOf(sheets: readonly SheetModel[], gone: SheetModel): void {
  for (const s of sheets) {
    for (const chart of s.charts) chart.ranges = chart.ranges.filter((r) => r.sheet !== gone.gid);
  }
}
