/**
 * Embedded charts drawn over the grid, each at its anchor cell plus its offset, as SVG made from
 * emulator/chart-drawing.ts's shapes (its ranges' values as the server read them). Built with
 * setAttribute and textContent only: titles and labels are user text.
 */
import { type ChartView, chartShapes } from '../../emulator/chart-drawing';

const SVG_NS = 'http://www.w3.org/2000/svg';

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** One chart as an SVG element of its size. */
export function chartSvg(chart: ChartView): SVGSVGElement {
  const svg = svgEl('svg', {
    class: 'embedded-chart',
    width: chart.width,
    height: chart.height,
    viewBox: `0 0 ${chart.width} ${chart.height}`,
    role: 'img',
  });
  const title = typeof chart.options.title === 'string' ? chart.options.title : '';
  svg.setAttribute('aria-label', `${chart.type.toLowerCase()} chart${title ? `: ${title}` : ''}`);
  svg.dataset.chartId = String(chart.id);
  svg.dataset.type = chart.type;
  for (const s of chartShapes(chart)) {
    let el: SVGElement;
    if (s.kind === 'rect') {
      el = svgEl('rect', { x: s.x, y: s.y, width: s.width, height: s.height, fill: s.fill });
    } else if (s.kind === 'polyline') {
      el = svgEl(s.fill ? 'polygon' : 'polyline', {
        points: s.points.map(([x, y]) => `${x},${y}`).join(' '),
        fill: s.fill ?? 'none',
        'fill-opacity': s.fill ? 0.3 : 1,
        stroke: s.stroke,
        'stroke-width': s.width,
        'stroke-linejoin': 'round',
        ...(s.dash ? { 'stroke-dasharray': s.dash.join(' ') } : {}),
      });
    } else {
      el = svgEl('text', {
        x: s.x,
        y: s.y,
        'text-anchor': s.anchor,
        'font-size': s.size,
        fill: s.color,
        'font-weight': s.bold ? 'bold' : 'normal',
      });
      el.textContent = s.text;
    }
    if (s.role) el.dataset.role = s.role;
    svg.append(el);
  }
  return svg;
}

/**
 * The layer of a sheet's charts over its table: each chart placed at the left of its anchor column
 * and the top of its anchor row (as drawn: the rows' own heights), plus its offset.
 */
export function chartLayer(
  table: HTMLTableElement,
  charts: readonly ChartView[],
  columnLeft: (col: number) => number,
): HTMLElement {
  const layer = document.createElement('div');
  layer.className = 'chart-layer';
  const head = table.tHead?.rows[0]?.offsetHeight ?? 22;
  const rows = table.tBodies[0]?.rows;
  const rowTop = (row: number): number => {
    let y = head;
    for (let r = 1; r < row; r++) y += rows?.[r - 1]?.offsetHeight ?? 21;
    return y;
  };
  for (const chart of charts) {
    const box = document.createElement('div');
    box.className = 'chart-box';
    box.style.left = `${columnLeft(chart.anchor.col) + chart.anchor.offsetX}px`;
    box.style.top = `${rowTop(chart.anchor.row) + chart.anchor.offsetY}px`;
    box.append(chartSvg(chart));
    layer.append(box);
  }
  return layer;
}
