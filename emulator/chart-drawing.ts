/**
 * An embedded chart as the playground draws it, without the DOM: its data table read off its
 * ranges' current values (view.ts), then the shapes (rects, polylines, texts) of a line, area,
 * column, bar or combo chart with its title, legend, axis labels and gridlines. The page turns the
 * shapes into SVG (playground/client/charts.ts). Google Charts' look, simplified; other chart
 * types are drawn as a framed note saying so.
 */

/** A chart as the view gives it: where it sits and what it shows. */
export interface ChartView {
  id: number;
  type: string;
  anchor: { row: number; col: number; offsetX: number; offsetY: number };
  width: number;
  height: number;
  options: Record<string, unknown>;
  /** The domain: the first column's display values (or 1, 2, … without one). */
  labels: string[];
  series: { name: string; values: (number | null)[] }[];
  /** The spreadsheet's locale: axis numbers are written in it (fr: "0,5", "40 %"). */
  locale?: string;
}

/** Sheets' size for a chart inserted by a script without width/height options [UNVERIFIED]. */
export const DEFAULT_CHART_SIZE = { width: 600, height: 371 };

/** Sheets' default series colours. */
export const CHART_PALETTE = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6', '#7baaf7'];

/** One range's cells: values (numbers are numbers) and what they display. */
export interface RangeCells {
  values: unknown[][];
  displays: string[][];
}

/**
 * The data table of ranges joined side by side (as Sheets joins a chart's ranges), transposed if
 * asked: the first column is the domain when there are two or more, the others are series; the
 * first row is headers when numHeaders says so, or (-1) when a series column's first cell is text.
 */
export function chartTable(
  ranges: readonly RangeCells[],
  numHeaders: number,
  transpose: boolean,
): { labels: string[]; series: { name: string; values: (number | null)[] }[] } {
  const height = Math.max(0, ...ranges.map((r) => r.values.length));
  let values: unknown[][] = Array.from({ length: height }, (_, i) =>
    ranges.flatMap((r) => r.values[i] ?? new Array(r.values[0]?.length ?? 0).fill('')),
  );
  let displays: string[][] = Array.from({ length: height }, (_, i) =>
    ranges.flatMap((r) => r.displays[i] ?? new Array(r.displays[0]?.length ?? 0).fill('')),
  );
  if (transpose) {
    const t = <T>(g: T[][]) => (g[0] ?? []).map((_, c) => g.map((row) => row[c]!));
    values = t(values);
    displays = t(displays);
  }
  const cols = values[0]?.length ?? 0;
  if (cols === 0) return { labels: [], series: [] };
  const hasDomain = cols > 1;
  const firstSeries = hasDomain ? 1 : 0;
  const headers =
    numHeaders >= 0
      ? numHeaders
      : values[0]!.slice(firstSeries).some((v) => typeof v === 'string' && v !== '')
        ? 1
        : 0;
  const body = values.slice(headers);
  const bodyDisplays = displays.slice(headers);
  const labels = hasDomain ? bodyDisplays.map((r) => r[0] ?? '') : body.map((_, i) => String(i + 1));
  const series = [];
  for (let c = firstSeries; c < cols; c++) {
    const name = headers > 0 ? String(displays[headers - 1]?.[c] ?? '') : `Series ${c - firstSeries + 1}`;
    series.push({
      name: name || `Series ${c - firstSeries + 1}`,
      values: body.map((r) => {
        const v = r[c];
        if (typeof v === 'number' && Number.isFinite(v)) return v;
        if (v instanceof Date) return null;
        return null;
      }),
    });
  }
  return { labels, series };
}

export type ChartShape =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; fill: string; role?: string }
  | {
      kind: 'polyline';
      points: [number, number][];
      stroke: string;
      width: number;
      fill?: string;
      /** Dash and gap lengths (series.{i}.lineDashStyle); solid when absent. */
      dash?: number[];
      role?: string;
    }
  | {
      kind: 'text';
      x: number;
      y: number;
      text: string;
      anchor: 'start' | 'middle' | 'end';
      size: number;
      color: string;
      bold?: boolean;
      role?: string;
    };

const get = (o: unknown, path: string): unknown => {
  let at = o;
  for (const p of path.split('.')) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[p];
  }
  return at;
};
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Round numbers for an axis from lo to hi: about five steps of 1, 2, 2.5 or 5 × 10^n. */
export function niceTicks(lo: number, hi: number, fixed: { min?: number; max?: number } = {}): number[] {
  let a = fixed.min ?? Math.min(0, lo);
  let b = fixed.max ?? hi;
  if (!(b > a)) b = a + 1;
  const raw = (b - a) / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  if (fixed.min === undefined) a = Math.floor(a / step) * step;
  if (fixed.max === undefined) b = Math.ceil(b / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let t = a; t <= b + step * 1e-6; t += step) ticks.push(Number(t.toPrecision(12)));
  if (fixed.max !== undefined && ticks[ticks.length - 1] !== b) ticks.push(b);
  return ticks;
}

function axisLabel(v: number, format: unknown, locale = 'en_US'): string {
  let s: string;
  const abs = Math.abs(v);
  if (typeof format === 'string' && (format === 'percent' || format.includes('%')))
    s = `${Number((v * 100).toFixed(1))}%`;
  else if (abs >= 1e6) s = `${Number((v / 1e6).toFixed(1))}M`;
  else if (abs >= 1e4) s = `${Number((v / 1e3).toFixed(1))}K`;
  else s = String(Number(v.toFixed(2)));
  // French: a decimal comma, a no-break space before % (the project's typography rule)
  return /^fr/i.test(locale) ? s.replace('.', ',').replace('%', '\u00a0%') : s;
}

/** The legend's place: options.legend as 'none' | 'right' | 'bottom' | 'top' or { position }. */
function legendPosition(options: Record<string, unknown>): string {
  const l = options.legend;
  const pos = typeof l === 'string' ? l : get(l, 'position');
  return typeof pos === 'string' ? pos.toLowerCase() : 'right';
}

/** Each series' colour: series[i].color, then colors[i], then the palette. */
function colorsOf(chart: ChartView): string[] {
  const colors = Array.isArray(chart.options.colors) ? chart.options.colors : [];
  return chart.series.map((_, i) => {
    const own = get(chart.options.series, `${i}.color`);
    if (typeof own === 'string') return own;
    const c = colors[i];
    return typeof c === 'string' ? c : CHART_PALETTE[i % CHART_PALETTE.length]!;
  });
}

/** How series i is drawn: a line chart's lines, a column chart's columns, a combo's per series. */
function seriesKind(chart: ChartView, i: number): 'line' | 'area' | 'column' | 'bar' {
  const t = chart.type.toUpperCase();
  if (t === 'LINE') return 'line';
  if (t === 'AREA' || t === 'STEPPED_AREA') return 'area';
  if (t === 'BAR') return 'bar';
  if (t === 'COMBO') {
    const own = get(chart.options.series, `${i}.type`) ?? chart.options.seriesType ?? 'bars';
    return own === 'line' ? 'line' : own === 'area' ? 'area' : 'column';
  }
  return 'column';
}

const DRAWN = new Set(['LINE', 'AREA', 'STEPPED_AREA', 'COLUMN', 'BAR', 'COMBO']);
const TEXT = '#202124';
const MUTED = '#5f6368';
const GRID = '#e0e0e0';

/**
 * The shapes of a chart in its width × height box: title on top, legend (right by default), value
 * axis with round ticks (vAxis.minValue/maxValue or viewWindow.min/max fix its ends; hAxis for a
 * bar chart), domain labels, then the series: one polyline point per row for a line, a column (or
 * bar) per row and series side by side.
 */
export function chartShapes(chart: ChartView): ChartShape[] {
  const { width: W, height: H, options } = chart;
  const out: ChartShape[] = [];
  out.push({ kind: 'rect', x: 0, y: 0, width: W, height: H, fill: '#ffffff', role: 'background' });
  let top = 10;
  const title = typeof options.title === 'string' ? options.title : '';
  if (title) {
    out.push({
      kind: 'text',
      x: 16,
      y: 26,
      text: title,
      anchor: 'start',
      size: 15,
      color: TEXT,
      bold: true,
      role: 'title',
    });
    top = 40;
  }
  const type = chart.type.toUpperCase();
  if (!DRAWN.has(type)) {
    out.push({
      kind: 'text',
      x: W / 2,
      y: H / 2,
      text: `${type} chart (not drawn by the playground)`,
      anchor: 'middle',
      size: 13,
      color: MUTED,
    });
    return out;
  }
  const colors = colorsOf(chart);
  const legend = legendPosition(options);
  let right = W - 16;
  let bottom = H - 28;
  if (legend !== 'none' && chart.series.length > 0) {
    if (legend === 'bottom' || legend === 'top') {
      const y = legend === 'bottom' ? H - 12 : top + 6;
      if (legend === 'top') top += 22;
      else bottom -= 22;
      let x = 16;
      chart.series.forEach((s, i) => {
        out.push({
          kind: 'rect',
          x,
          y: y - 9,
          width: 10,
          height: 10,
          fill: colors[i]!,
          role: 'legend-swatch',
        });
        out.push({
          kind: 'text',
          x: x + 14,
          y,
          text: s.name,
          anchor: 'start',
          size: 12,
          color: TEXT,
          role: 'legend',
        });
        x += 14 + Math.min(160, 7 * s.name.length) + 18;
      });
    } else {
      const legendWidth = Math.min(
        160,
        Math.max(60, 7 * Math.max(...chart.series.map((s) => s.name.length)) + 24),
      );
      right = W - 16 - legendWidth;
      chart.series.forEach((s, i) => {
        const y = top + 14 + i * 20;
        out.push({
          kind: 'rect',
          x: right + 12,
          y: y - 9,
          width: 10,
          height: 10,
          fill: colors[i]!,
          role: 'legend-swatch',
        });
        out.push({
          kind: 'text',
          x: right + 26,
          y,
          text: s.name,
          anchor: 'start',
          size: 12,
          color: TEXT,
          role: 'legend',
        });
      });
    }
  }
  const stacked = options.isStacked === true || options.isStacked === 'true';
  const stackable = (i: number) => {
    const k = seriesKind(chart, i);
    return k === 'column' || k === 'bar';
  };
  const numbers = chart.series.flatMap((s, i) =>
    stacked && stackable(i) ? [] : s.values.filter((v): v is number => v !== null),
  );
  // stacked bars or columns: each row's sums of its positive and of its negative values
  if (stacked)
    chart.labels.forEach((_, r) => {
      let up = 0;
      let down = 0;
      chart.series.forEach((s, i) => {
        const v = s.values[r];
        if (!stackable(i) || v === null || v === undefined) return;
        if (v >= 0) up += v;
        else down += v;
      });
      numbers.push(up, down);
    });
  const axisKey = type === 'BAR' ? 'hAxis' : 'vAxis';
  const min = num(get(options, `${axisKey}.minValue`)) ?? num(get(options, `${axisKey}.viewWindow.min`));
  const max = num(get(options, `${axisKey}.maxValue`)) ?? num(get(options, `${axisKey}.viewWindow.max`));
  const lo = numbers.length ? Math.min(...numbers) : 0;
  const hi = numbers.length ? Math.max(...numbers) : 1;
  const ticks = niceTicks(lo, hi, {
    ...(min === undefined ? {} : { min }),
    ...(max === undefined ? {} : { max }),
  });
  const t0 = ticks[0]!;
  const t1 = ticks[ticks.length - 1]!;
  const format = get(options, `${axisKey}.format`);
  const n = chart.labels.length;
  if (type === 'BAR') {
    const labelWidth = Math.min(140, 7 * Math.max(1, ...chart.labels.map((l) => l.length)) + 8);
    const left = 16 + labelWidth;
    const xOf = (v: number) => left + ((Math.max(t0, Math.min(t1, v)) - t0) / (t1 - t0)) * (right - left);
    for (const t of ticks) {
      out.push({
        kind: 'polyline',
        points: [
          [xOf(t), top],
          [xOf(t), bottom],
        ],
        stroke: GRID,
        width: 1,
        role: 'gridline',
      });
      out.push({
        kind: 'text',
        x: xOf(t),
        y: bottom + 16,
        text: axisLabel(t, format, chart.locale),
        anchor: 'middle',
        size: 11,
        color: MUTED,
        role: 'axis-label',
      });
    }
    const band = (bottom - top) / Math.max(1, n);
    const k = stacked ? 1 : chart.series.length;
    const barH = (band * 0.7) / Math.max(1, k);
    chart.labels.forEach((label, r) => {
      const base = { up: 0, down: 0 };
      out.push({
        kind: 'text',
        x: left - 6,
        y: top + (r + 0.5) * band + 4,
        text: label,
        anchor: 'end',
        size: 11,
        color: MUTED,
        role: 'domain-label',
      });
      chart.series.forEach((s, i) => {
        const v = s.values[r];
        if (v === null || v === undefined) return;
        // stacked: each value starts where the row's previous one ended
        const from = stacked ? (v >= 0 ? base.up : base.down) : 0;
        if (stacked) base[v >= 0 ? 'up' : 'down'] += v;
        const x0 = xOf(Math.max(t0, Math.min(t1, from)));
        const x1 = xOf(from + v);
        const y = top + r * band + band * 0.15 + (stacked ? 0 : i) * barH;
        out.push({
          kind: 'rect',
          x: Math.min(x0, x1),
          y,
          width: Math.abs(x1 - x0),
          height: barH,
          fill: colors[i]!,
          role: `series-${i}`,
        });
      });
    });
    return out;
  }
  const left =
    16 + Math.max(24, 7 * Math.max(...ticks.map((t) => axisLabel(t, format, chart.locale).length)));
  const yOf = (v: number) => bottom - ((Math.max(t0, Math.min(t1, v)) - t0) / (t1 - t0)) * (bottom - top);
  for (const t of ticks) {
    out.push({
      kind: 'polyline',
      points: [
        [left, yOf(t)],
        [right, yOf(t)],
      ],
      stroke: GRID,
      width: 1,
      role: 'gridline',
    });
    out.push({
      kind: 'text',
      x: left - 6,
      y: yOf(t) + 4,
      text: axisLabel(t, format, chart.locale),
      anchor: 'end',
      size: 11,
      color: MUTED,
      role: 'axis-label',
    });
  }
  const band = (right - left) / Math.max(1, n);
  const every = Math.max(1, Math.ceil((7 * Math.max(1, ...chart.labels.map((l) => l.length)) + 8) / band));
  chart.labels.forEach((label, r) => {
    if (r % every !== 0) return;
    out.push({
      kind: 'text',
      x: left + (r + 0.5) * band,
      y: bottom + 16,
      text: label,
      anchor: 'middle',
      size: 11,
      color: MUTED,
      role: 'domain-label',
    });
  });
  const columns = chart.series.map((_, i) => i).filter((i) => seriesKind(chart, i) === 'column');
  const colW = (band * 0.7) / Math.max(1, stacked ? 1 : columns.length);
  const bases = chart.labels.map(() => ({ up: 0, down: 0 }));
  columns.forEach((i, j) => {
    chart.series[i]!.values.forEach((v, r) => {
      if (v === null) return;
      const base = bases[r]!;
      const from = stacked ? (v >= 0 ? base.up : base.down) : 0;
      if (stacked) base[v >= 0 ? 'up' : 'down'] += v;
      const y0 = yOf(Math.max(t0, Math.min(t1, from)));
      const y1 = yOf(from + v);
      const x = left + r * band + band * 0.15 + (stacked ? 0 : j) * colW;
      out.push({
        kind: 'rect',
        x,
        y: Math.min(y0, y1),
        width: colW,
        height: Math.abs(y1 - y0),
        fill: colors[i]!,
        role: `series-${i}`,
      });
    });
  });
  chart.series.forEach((s, i) => {
    const kind = seriesKind(chart, i);
    if (kind !== 'line' && kind !== 'area') return;
    let run: [number, number][] = [];
    const flush = () => {
      if (run.length === 0) return;
      if (kind === 'area' && run.length > 1) {
        const base = yOf(Math.max(t0, Math.min(t1, 0)));
        const poly: [number, number][] = [[run[0]![0], base], ...run, [run[run.length - 1]![0], base]];
        out.push({
          kind: 'polyline',
          points: poly,
          stroke: 'none',
          width: 0,
          fill: colors[i]!,
          role: `area-${i}`,
        });
      }
      const lw = num(get(options, `series.${i}.lineWidth`)) ?? num(options.lineWidth) ?? 2;
      const dash = get(options, `series.${i}.lineDashStyle`) ?? options.lineDashStyle;
      out.push({
        kind: 'polyline',
        points: run,
        stroke: colors[i]!,
        width: lw,
        ...(Array.isArray(dash) && dash.every((d) => typeof d === 'number') ? { dash } : {}),
        role: `series-${i}`,
      });
      // a point marker per value (pointSize): a lone value shows even with no line to draw
      const size = num(get(options, `series.${i}.pointSize`)) ?? num(options.pointSize) ?? 0;
      if (size > 0)
        for (const [x, y] of run)
          out.push({
            kind: 'rect',
            x: x - size / 2,
            y: y - size / 2,
            width: size,
            height: size,
            fill: colors[i]!,
            role: `point-${i}`,
          });
      run = [];
    };
    s.values.forEach((v, r) => {
      if (v === null) flush();
      else run.push([left + (r + 0.5) * band, yOf(v)]);
    });
    flush();
  });
  out.push({
    kind: 'polyline',
    points: [
      [left, bottom],
      [right, bottom],
    ],
    stroke: '#9aa0a6',
    width: 1,
    role: 'axis',
  });
  return out;
}
