/**
 * SPARKLINE as Sheets draws it, without the engine: the spec a formula evaluates to (chart type,
 * numbers, options) and the shapes that draw it in a cell of a given size. Pure data in and out,
 * so the playground's page (playground/client/grid.ts) imports the geometry too.
 *
 * Sources: Sheets' SPARKLINE help page [DOC support.google.com/docs/answer/3093289]: chart types
 * line (default), bar (stacked), column, winloss; options by type; an options range two cells wide.
 * The default colours and the treatment of blanks and text when no option says are [UNVERIFIED]:
 * chosen to look like Sheets (blue line, blue and orange bars).
 */

export type SparklineType = 'line' | 'bar' | 'column' | 'winloss';

/** A cell's value as the spec reads it: null for a blank. */
export type SparkCell = number | string | boolean | null;

export type SparkOption = number | string | boolean;

/** What a SPARKLINE formula evaluated to, recorded per cell for the playground to draw. */
export interface SparklineSpec {
  type: SparklineType;
  /** The data's numbers in order; null is a point left out (a blank or text ignored). */
  values: (number | null)[];
  /** The options as given, keys lower-cased ('color1', 'max', 'linewidth'…). */
  options: Record<string, SparkOption>;
}

/** Default colours [UNVERIFIED: read off Sheets' look, not a source]. */
export const SPARK_DEFAULTS = {
  line: '#3366cc',
  bar1: '#3366cc',
  bar2: '#ff9900',
  column: '#3366cc',
  negative: '#dc3912',
  axis: '#000000',
} as const;

const TYPES = new Set<SparklineType>(['line', 'bar', 'column', 'winloss']);

/** The options from an array literal or a two-column range: [name, value] rows; later ones win. */
export function sparklineOptions(rows: readonly (readonly SparkCell[])[]): Record<string, SparkOption> {
  const out: Record<string, SparkOption> = {};
  for (const row of rows) {
    const [name, value] = row;
    if (typeof name !== 'string' || name.trim() === '' || value === null || value === undefined) continue;
    out[name.trim().toLowerCase()] = typeof value === 'string' ? value.trim() : value;
  }
  return out;
}

/**
 * The spec of SPARKLINE(data, options): the data read row by row; blanks and text follow the
 * "empty" ("zero" | "ignore") and "nan" ("convert" | "ignore") options, both "ignore" by default
 * [UNVERIFIED default]; a boolean counts as 1 or 0. Undefined when the chart type is unknown (Sheets
 * shows an error there).
 */
export function sparklineSpec(
  data: readonly (readonly SparkCell[])[],
  options: Record<string, SparkOption>,
): SparklineSpec | undefined {
  const typeName = String(options.charttype ?? 'line').toLowerCase() as SparklineType;
  if (!TYPES.has(typeName)) return undefined;
  const emptyZero = String(options.empty ?? '').toLowerCase() === 'zero';
  const nanConvert = String(options.nan ?? '').toLowerCase() === 'convert';
  const values: (number | null)[] = [];
  for (const row of data) {
    for (const v of row) {
      if (typeof v === 'number') values.push(Number.isFinite(v) ? v : null);
      else if (typeof v === 'boolean') values.push(v ? 1 : 0);
      else if (v === null || v === '') values.push(emptyZero ? 0 : null);
      else values.push(nanConvert ? 0 : null);
    }
  }
  return { type: typeName, values, options };
}

// --- drawing ---

export type SparkShape =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; fill: string }
  | { kind: 'line'; points: [number, number][]; stroke: string; width: number };

const num = (v: SparkOption | undefined): number | undefined => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
};
const text = (v: SparkOption | undefined): string | undefined =>
  typeof v === 'string' && v !== '' ? v : undefined;
const on = (v: SparkOption | undefined): boolean => v === true || String(v).toLowerCase() === 'true';

/** Space kept around a chart inside its cell, in pixels (Sheets leaves a thin margin). */
export const SPARK_PADDING = 2;

/**
 * The shapes that draw a spec in a width × height cell (pixels, origin top-left):
 * - bar: the values stacked left to right, each segment value / max of the width, colours
 *   alternating color1, color2; max defaults to the values' sum (the bar fills the cell), min to 0;
 *   a bar past max is cut at the cell's edge;
 * - line: one polyline through the points from left to right, between ymin and ymax (the data's
 *   own by default), a blank left out (the line breaks there);
 * - column: one column per value from the zero line (or ymin), negcolor, lowcolor, highcolor,
 *   firstcolor, lastcolor over color; an axis line when "axis" is true;
 * - winloss: equal columns up for a positive value, down for a negative one.
 */
export function sparklineShapes(spec: SparklineSpec, width: number, height: number): SparkShape[] {
  const o = spec.options;
  const pad = SPARK_PADDING;
  const w = Math.max(0, width - 2 * pad);
  const h = Math.max(0, height - 2 * pad);
  const vals = spec.values;
  if (spec.type === 'bar') {
    const parts = vals.filter((v): v is number => v !== null && v > 0);
    const min = num(o.min) ?? 0;
    const sum = parts.reduce((a, b) => a + b, 0);
    const max = num(o.max) ?? sum;
    const span = max - min;
    if (!(span > 0)) return [];
    const colors = [text(o.color1) ?? SPARK_DEFAULTS.bar1, text(o.color2) ?? SPARK_DEFAULTS.bar2];
    const out: SparkShape[] = [];
    let at = 0;
    parts.forEach((v, i) => {
      const from = Math.max(0, Math.min(1, (at - min) / span));
      at += v;
      const to = Math.max(0, Math.min(1, (at - min) / span));
      if (to > from) {
        const x = pad + from * w;
        out.push({ kind: 'rect', x, y: pad, width: (to - from) * w, height: h, fill: colors[i % 2]! });
      }
    });
    return out;
  }
  const numbers = vals.filter((v): v is number => v !== null);
  if (numbers.length === 0 || vals.length === 0) return [];
  if (spec.type === 'line') {
    const lo = num(o.ymin) ?? Math.min(...numbers);
    const hi = num(o.ymax) ?? Math.max(...numbers);
    const span = hi - lo;
    const y = (v: number) => {
      const t = span > 0 ? (Math.max(lo, Math.min(hi, v)) - lo) / span : 0.5;
      return pad + (1 - t) * h;
    };
    const step = vals.length > 1 ? w / (vals.length - 1) : 0;
    const stroke = text(o.color) ?? SPARK_DEFAULTS.line;
    const lineWidth = num(o.linewidth) ?? 1;
    const out: SparkShape[] = [];
    let run: [number, number][] = [];
    const flush = () => {
      if (run.length > 0) out.push({ kind: 'line', points: run, stroke, width: lineWidth });
      run = [];
    };
    vals.forEach((v, i) => {
      if (v === null) flush();
      else run.push([pad + (vals.length > 1 ? i * step : w / 2), y(v)]);
    });
    flush();
    return out;
  }
  // column and winloss
  const slot = w / vals.length;
  const gap = Math.min(2, slot * 0.2);
  const base = text(o.color) ?? SPARK_DEFAULTS.column;
  const neg = text(o.negcolor);
  const low = Math.min(...numbers);
  const high = Math.max(...numbers);
  const firstAt = vals.findIndex((v) => v !== null);
  const lastAt = vals.length - 1 - [...vals].reverse().findIndex((v) => v !== null);
  const colorOf = (v: number, i: number): string => {
    if (i === firstAt && text(o.firstcolor)) return text(o.firstcolor)!;
    if (i === lastAt && text(o.lastcolor)) return text(o.lastcolor)!;
    if (v === high && text(o.highcolor)) return text(o.highcolor)!;
    if (v === low && text(o.lowcolor)) return text(o.lowcolor)!;
    if (v < 0) return neg ?? (spec.type === 'winloss' ? SPARK_DEFAULTS.negative : base);
    return base;
  };
  const out: SparkShape[] = [];
  let axisY: number;
  if (spec.type === 'winloss') {
    axisY = pad + h / 2;
    vals.forEach((v, i) => {
      if (v === null || v === 0) return;
      const x = pad + i * slot + gap / 2;
      const y = v > 0 ? pad : axisY;
      out.push({ kind: 'rect', x, y, width: slot - gap, height: h / 2, fill: colorOf(v, i) });
    });
  } else {
    const lo = num(o.ymin) ?? Math.min(0, low);
    const hi = num(o.ymax) ?? Math.max(0, high);
    const span = hi - lo || 1;
    const yOf = (v: number) => pad + (1 - (Math.max(lo, Math.min(hi, v)) - lo) / span) * h;
    axisY = yOf(Math.max(lo, Math.min(hi, 0)));
    vals.forEach((v, i) => {
      if (v === null) return;
      const top = Math.min(yOf(v), axisY);
      const bottom = Math.max(yOf(v), axisY);
      const x = pad + i * slot + gap / 2;
      out.push({ kind: 'rect', x, y: top, width: slot - gap, height: bottom - top, fill: colorOf(v, i) });
    });
  }
  if (on(o.axis)) {
    out.push({
      kind: 'line',
      points: [
        [pad, axisY],
        [pad + w, axisY],
      ],
      stroke: text(o.axiscolor) ?? SPARK_DEFAULTS.axis,
      width: 1,
    });
  }
  return out;
}
