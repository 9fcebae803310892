/**
 * Line charts as SVG, drawn from data in the page: no request, no library, no innerHTML (every
 * text is a text node). Sized for the sidebar: a 260 × 150 viewBox that scales to its width.
 */

type Lang = 'en' | 'fr';
const SVG = 'http://www.w3.org/2000/svg';
const DAY_MS = 86_400_000;

/** Geometry of every chart: the plot's box inside the viewBox (left, top, right, bottom). */
export const BOX = { width: 260, height: 150, left: 46, top: 16, right: 252, bottom: 128 } as const;

const COLOURS = {
  actual: '#1a73e8',
  expected: '#80868b',
  forecast: '#e37400',
  grid: '#e8eaed',
  text: '#5f6368',
};

/** yyyy-mm-dd → days since 1970 (the server's dates are calendar days, with no time zone). */
export const dayOf = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
};

function el<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  ...children: (SVGElement | string)[]
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  for (const c of children) e.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return e;
}

/** How a KR's values read: as its cells show them (a share as %, its currency, its unit). */
export interface ValueStyle {
  percent: boolean;
  currency: string | null;
  /** The currency symbol comes first ("$40"), as the sheet shows it. */
  currencyFirst: boolean;
  unit: string;
  milestone: boolean;
}

const locale = (lang: Lang) => (lang === 'fr' ? 'fr-FR' : 'en-US');

/** A number in the user's language with `decimals` digits at most; "compact" for axis ticks (100K). */
function number(x: number, lang: Lang, decimals: number, compact = false): string {
  return x.toLocaleString(locale(lang), {
    maximumFractionDigits: decimals,
    ...(compact ? { notation: 'compact' as const } : {}),
  });
}

/**
 * A value as the KR shows it: 4.3% / 4,3 % (a no-break space before % in French), 41 € or $41,
 * 12 publications. `withUnit` false leaves a plain unit out (axis ticks: it is said once above).
 */
export function formatValue(
  v: number,
  style: ValueStyle,
  lang: Lang,
  decimals = 2,
  withUnit = true,
  compact = false,
): string {
  if (style.percent)
    return `${number(v * 100, lang, Math.max(0, decimals - 2), compact)}${lang === 'fr' ? '\u00a0%' : '%'}`;
  const n = number(v, lang, decimals, compact);
  if (style.currency) return style.currencyFirst ? `${style.currency}${n}` : `${n}\u00a0${style.currency}`;
  return withUnit && style.unit ? `${n}\u00a0${style.unit}` : n;
}

/** Round ticks over [lo, hi]: 3 to 6 of them, a step of 1, 2, 2.5 or 5 × 10ⁿ. */
export function niceTicks(lo: number, hi: number): { ticks: number[]; decimals: number } {
  if (!(hi > lo)) {
    const pad = Math.abs(lo) * 0.1 || 1;
    return niceTicks(lo - pad, hi + pad);
  }
  const raw = (hi - lo) / 4;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
  const first = Math.floor(lo / step + 1e-9) * step;
  const ticks: number[] = [];
  for (let t = first; t < hi + step - 1e-9 * step; t += step) ticks.push(Number(t.toPrecision(12)));
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9)) + (step / p === 2.5 ? 1 : 0);
  return { ticks, decimals };
}

export interface Line {
  kind: 'actual' | 'expected' | 'forecast';
  /** Points as (day, value); a null value breaks the line. */
  points: { day: number; value: number | null }[];
  /** Draw each point as a dot (with its date and value as its title). */
  dots?: boolean;
}

export interface ChartSpec {
  /** What the chart is, for screen readers and tests: data-chart. */
  name: string;
  label: string;
  first: number;
  last: number;
  /** A dotted vertical line at the "as of" day. */
  asOf?: number;
  lines: Line[];
  /** Ticks of the y axis, and how a value reads. */
  y: { ticks: number[]; label: (v: number) => string; title: (v: number) => string };
  /** A caption above the y axis (a plain unit said once). */
  caption?: string;
  lang: Lang;
}

const DASH = { actual: '', expected: '5 3', forecast: '2 3' } as const;

/** Month starts inside the span, as short month names in the user's language. */
function monthTicks(first: number, last: number, lang: Lang): { day: number; label: string }[] {
  const f = new Intl.DateTimeFormat(locale(lang), { month: 'short', timeZone: 'UTC' });
  const out: { day: number; label: string }[] = [];
  const d = new Date(first * DAY_MS);
  let m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  if (m.getTime() < first * DAY_MS) m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  while (m.getTime() <= last * DAY_MS) {
    out.push({ day: Math.round(m.getTime() / DAY_MS), label: f.format(m) });
    m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1));
  }
  return out;
}

/** A date as the user reads it: "Jan 15" / "15 janv.". */
export function shortDate(day: number, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(day * DAY_MS),
  );
}

let clipIds = 0;

/** The chart: axes with their labels, the lines, the dots with their titles. */
export function lineChart(spec: ChartSpec): SVGSVGElement {
  const { left, top, right, bottom } = BOX;
  const ticks = spec.y.ticks;
  const yMin = Math.min(...ticks);
  const yMax = Math.max(...ticks);
  const x = (day: number) =>
    left + ((day - spec.first) / Math.max(1, spec.last - spec.first)) * (right - left);
  const y = (v: number) => bottom - ((v - yMin) / (yMax - yMin || 1)) * (bottom - top);
  const r = (n: number) => Math.round(n * 100) / 100;
  const svg = el('svg', {
    viewBox: `0 0 ${BOX.width} ${BOX.height}`,
    width: '100%',
    role: 'img',
    'aria-label': spec.label,
    'data-chart': spec.name,
    'data-y-min': yMin,
    'data-y-max': yMax,
    'data-first': spec.first,
    'data-last': spec.last,
    'font-family': 'Roboto, Arial, sans-serif',
    'font-size': 10,
    style: 'display:block;max-width:100%;overflow:visible',
  });
  svg.append(el('title', {}, spec.label));
  const clip = `chart-clip-${++clipIds}`;
  svg.append(
    el(
      'defs',
      {},
      el(
        'clipPath',
        { id: clip },
        el('rect', { x: left, y: top - 2, width: right - left, height: bottom - top + 4 }),
      ),
    ),
  );
  // the y axis: a grid line and a label per tick
  for (const t of ticks) {
    svg.append(
      el('line', { x1: left, x2: right, y1: r(y(t)), y2: r(y(t)), stroke: COLOURS.grid, 'stroke-width': 1 }),
      el(
        'text',
        { x: left - 4, y: r(y(t)) + 3, 'text-anchor': 'end', fill: COLOURS.text, class: 'y-tick' },
        spec.y.label(t),
      ),
    );
  }
  if (spec.caption)
    svg.append(el('text', { x: 2, y: 9, fill: COLOURS.text, class: 'caption' }, spec.caption));
  // the x axis: the quarter's months
  svg.append(
    el('line', { x1: left, x2: right, y1: bottom, y2: bottom, stroke: COLOURS.text, 'stroke-width': 1 }),
  );
  for (const m of monthTicks(spec.first, spec.last, spec.lang)) {
    svg.append(
      el('line', { x1: r(x(m.day)), x2: r(x(m.day)), y1: bottom, y2: bottom + 4, stroke: COLOURS.text }),
      el('text', { x: r(x(m.day)) + 2, y: bottom + 14, fill: COLOURS.text, class: 'x-tick' }, m.label),
    );
  }
  if (spec.asOf !== undefined && spec.asOf > spec.first && spec.asOf < spec.last)
    svg.append(
      el('line', {
        x1: r(x(spec.asOf)),
        x2: r(x(spec.asOf)),
        y1: top,
        y2: bottom,
        stroke: COLOURS.expected,
        'stroke-dasharray': '1 2',
        class: 'as-of',
      }),
    );
  for (const line of spec.lines) {
    const g = el('g', { class: `line ${line.kind}`, 'clip-path': `url(#${clip})` });
    // a null value breaks the line: each run of values is one polyline
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1)
        g.append(
          el('polyline', {
            points: run.join(' '),
            fill: 'none',
            stroke: COLOURS[line.kind],
            'stroke-width': line.kind === 'actual' ? 2 : 1.5,
            'stroke-dasharray': DASH[line.kind],
          }),
        );
      run = [];
    };
    for (const p of line.points) {
      if (p.value === null) flush();
      else run.push(`${r(x(p.day))},${r(y(p.value))}`);
    }
    flush();
    svg.append(g);
    if (!line.dots) continue;
    for (const p of line.points) {
      if (p.value === null) continue;
      svg.append(
        el(
          'circle',
          {
            class: `pt ${line.kind}`,
            cx: r(x(p.day)),
            cy: r(y(p.value)),
            r: 3,
            fill: COLOURS[line.kind],
            stroke: '#fff',
            'stroke-width': 1,
            'data-day': p.day,
            'data-value': p.value,
          },
          el(
            'title',
            {},
            `${shortDate(p.day, spec.lang)}${spec.lang === 'fr' ? '\u00a0: ' : ': '}${spec.y.title(p.value)}`,
          ),
        ),
      );
    }
  }
  return svg;
}

/** A legend under a chart: a swatch of each line's stroke and its words (they wrap at 300 px). */
export function legend(items: { kind: Line['kind'] | 'as-of'; text: string }[]): HTMLElement {
  const box = document.createElement('div');
  box.className = 'legend';
  box.setAttribute(
    'style',
    'display:flex;flex-wrap:wrap;gap:2px 12px;font-size:11px;color:#3c4043;margin:2px 0 4px',
  );
  for (const item of items) {
    const kind = item.kind === 'as-of' ? 'expected' : item.kind;
    const swatch = el(
      'svg',
      { width: 18, height: 8, 'aria-hidden': 'true', style: 'flex:none' },
      el('line', {
        x1: 1,
        x2: 17,
        y1: 4,
        y2: 4,
        stroke: COLOURS[kind],
        'stroke-width': item.kind === 'actual' ? 2 : 1.5,
        'stroke-dasharray': item.kind === 'as-of' ? '1 2' : DASH[kind],
      }),
    );
    const span = document.createElement('span');
    span.setAttribute('style', 'display:inline-flex;align-items:center;gap:4px');
    span.setAttribute('data-legend', item.kind);
    span.append(swatch, document.createTextNode(item.text));
    box.append(span);
  }
  return box;
}
