/**
 * SPARKLINE cells as the playground draws them, in Chromium: a bar's width is value/max of its
 * cell in color1 (stacked segments for several values), a line has a point per value, a column
 * chart a column per value — measured on the drawn SVG, not compared as pictures.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SPARK_PADDING } from '../../emulator/sparkline';
import { launchChromium } from '../../playground/browser';
import { cell, idle, noServerErrors, openPage, playground, tempDir } from './support';

type Pg = Awaited<ReturnType<typeof playground>>;

const tmp = tempDir();
let browser: Browser;
let page: Page;
let pg: Pg;

beforeAll(async () => {
  browser = await launchChromium();
  pg = await playground({ file: tmp.file, fresh: true });
  const sheet = pg.session.wb.spreadsheet.insertSheet('Sparks');
  sheet.setColumnWidth(5, 160);
  sheet.getRange('A1:D1').setValues([[0.25, 1, 3, 2]]);
  sheet.getRange('A2:D2').setValues([[0.6, 0.3, '', '']]);
  sheet
    .getRange('E1')
    .setFormula('=SPARKLINE(A1, {"charttype","bar";"max",1;"color1",IF(A1>=0.7,"#34a853","#ea4335")})');
  sheet
    .getRange('E2')
    .setFormula('=SPARKLINE(A2:B2, {"charttype","bar";"max",1;"color1","#1a73e8";"color2","#fbbc04"})');
  sheet.getRange('E3').setFormula('=SPARKLINE(B1:D1)');
  sheet.getRange('E4').setFormula('=SPARKLINE(B1:D1, {"charttype","column";"color","#188038"})');
  sheet.getRange('A6:C11').setValues([
    ['Week', 'Score', 'Expected'],
    ['W1', 0.1, 0.1],
    ['W2', 0.25, 0.2],
    ['W3', 0.3, 0.3],
    ['W4', 0.5, 0.4],
    ['W5', 0.55, 0.5],
  ]);
  sheet.insertChart(
    sheet
      .newChart()
      .setChartType('LINE' as unknown as GoogleAppsScript.Charts.ChartType)
      .addRange(sheet.getRange('A6:C11'))
      .setPosition(6, 7, 0, 0)
      .setOption('title', 'Overall score by week')
      .setOption('vAxis.minValue', 0)
      .setOption('vAxis.maxValue', 1)
      .build(),
  );
  sheet.activate();
  pg.session.save();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => {
    throw e;
  });
  await openPage(page, pg.url);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await pg?.close();
  tmp.remove();
});

/** The drawn shapes of a sparkline cell: its box, and each rect's or polyline's box and colour. */
function shapes(a1: string) {
  return cell(page, a1).evaluate((td) => {
    const svg = td.querySelector('svg.spark');
    if (!svg) return undefined;
    const box = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    return {
      type: (svg as SVGElement).dataset.type,
      svg: box(svg),
      rects: [...svg.querySelectorAll('rect')].map((r) => ({ ...box(r), fill: r.getAttribute('fill') })),
      lines: [...svg.querySelectorAll('polyline')].map((l) => ({
        ...box(l),
        points: (l.getAttribute('points') ?? '').trim().split(/\s+/).length,
        stroke: l.getAttribute('stroke'),
      })),
    };
  });
}

describe('SPARKLINE drawn in the grid, in Chromium', { timeout: 60_000 }, () => {
  test('a bar chart fills value/max of its cell in color1, and follows its value', async () => {
    const s = (await shapes('E1'))!;
    expect(s.type).toBe('bar');
    expect(s.svg.width).toBeCloseTo(159, 0); // the 160 px column less its border
    expect(s.rects).toHaveLength(1);
    expect(s.rects[0]!.fill).toBe('#ea4335');
    expect(s.rects[0]!.width).toBeCloseTo(0.25 * (s.svg.width - 2 * SPARK_PADDING), 0);
    // typing a new value redraws it: wider, and green past 0.7
    await cell(page, 'A1').click();
    await page.keyboard.type('0.9');
    await page.keyboard.press('Enter');
    await idle(page);
    const after = (await shapes('E1'))!;
    expect(after.rects[0]!.fill).toBe('#34a853');
    expect(after.rects[0]!.width).toBeCloseTo(0.9 * (after.svg.width - 2 * SPARK_PADDING), 0);
  });

  test('several values are stacked bars in color1 then color2', async () => {
    const s = (await shapes('E2'))!;
    expect(s.rects.map((r) => r.fill)).toEqual(['#1a73e8', '#fbbc04']);
    const inner = s.svg.width - 2 * SPARK_PADDING;
    expect(s.rects[0]!.width).toBeCloseTo(0.6 * inner, 0);
    expect(s.rects[1]!.width).toBeCloseTo(0.3 * inner, 0);
    expect(s.rects[1]!.x).toBeCloseTo(s.rects[0]!.x + s.rects[0]!.width, 0);
  });

  test('a line chart has one point per value across its cell; a column chart one column per value', async () => {
    const line = (await shapes('E3'))!;
    expect(line.type).toBe('line');
    expect(line.lines).toHaveLength(1);
    expect(line.lines[0]!.points).toBe(3);
    expect(line.lines[0]!.width).toBeGreaterThan(line.svg.width * 0.9);
    const columns = (await shapes('E4'))!;
    expect(columns.rects).toHaveLength(3);
    expect(columns.rects.every((r) => r.fill === '#188038')).toBe(true);
    // 1, 3, 2: the second column is the tallest, three times the first
    expect(columns.rects[1]!.height).toBeCloseTo(3 * columns.rects[0]!.height, 0);
    expect(await cell(page, 'E3').textContent()).toBe('');
    noServerErrors(pg);
  });
});

describe('an embedded chart drawn over the grid, in Chromium', { timeout: 60_000 }, () => {
  test('a line chart over a range: at its anchor cell, one polyline point per row, title, legend, labels', async () => {
    const chart = page.locator('svg.embedded-chart');
    await expect.poll(() => chart.count()).toBe(1);
    const drawn = await chart.evaluate((svg) => ({
      label: svg.getAttribute('aria-label'),
      box: svg.getBoundingClientRect().toJSON() as DOMRect,
      series: [...svg.querySelectorAll('polyline[data-role^="series-"]')].map((l) => ({
        points: (l.getAttribute('points') ?? '').trim().split(/\s+/).length,
        width: l.getBoundingClientRect().width,
      })),
      title: svg.querySelector('[data-role="title"]')?.textContent,
      legend: [...svg.querySelectorAll('[data-role="legend"]')].map((t) => t.textContent),
      domain: [...svg.querySelectorAll('[data-role="domain-label"]')].map((t) => t.textContent),
      axis: [...svg.querySelectorAll('[data-role="axis-label"]')].map((t) => t.textContent),
    }));
    expect(drawn.label).toBe('line chart: Overall score by week');
    expect(drawn.series.map((s) => s.points)).toEqual([5, 5]);
    expect(drawn.title).toBe('Overall score by week');
    expect(drawn.legend).toEqual(['Score', 'Expected']);
    expect(drawn.domain).toEqual(['W1', 'W2', 'W3', 'W4', 'W5']);
    expect(drawn.axis[0]).toBe('0');
    expect(drawn.axis.at(-1)).toBe('1');
    // anchored at G6: its top-left corner is that cell's
    const g6 = await cell(page, 'G6').boundingBox();
    expect(drawn.box.x).toBeCloseTo(g6!.x, -1);
    expect(drawn.box.y).toBeCloseTo(g6!.y, -1);
    expect(drawn.box.width).toBeCloseTo(600, 0);
  });
});
