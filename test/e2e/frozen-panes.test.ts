/**
 * Frozen panes as Sheets draws them, in Chromium at 1440 × 900: scrolled sideways, the frozen
 * columns keep their letters above them and the scrolled columns' letters follow their cells;
 * scrolled down, the frozen rows keep their numbers. A chart anchored in the scrolling area passes
 * under the frozen rows and columns (what shows there is the frozen cell, a click there selects it);
 * a chart anchored in a frozen row stays in view when the sheet scrolls down. Measured with
 * elementFromPoint, on what the page actually shows.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../playground/browser';
import { noServerErrors, openPage, playground, tempDir } from './support';

type Pg = Awaited<ReturnType<typeof playground>>;

const tmp = tempDir();
let browser: Browser;
let page: Page;
let pg: Pg;

beforeAll(async () => {
  browser = await launchChromium();
  pg = await playground({ file: tmp.file, fresh: true, example: false });
  const sheet = pg.session.wb.spreadsheet.insertSheet('Panes');
  const rows = Array.from({ length: 60 }, (_, r) =>
    Array.from({ length: 26 }, (_, c) => `r${r + 1}c${c + 1}`),
  );
  sheet.getRange(1, 1, 60, 26).setValues(rows);
  sheet.setFrozenRows(2);
  sheet.setFrozenColumns(3);
  const chart = (row: number, col: number, title: string) =>
    sheet
      .newChart()
      .setChartType('LINE' as unknown as GoogleAppsScript.Charts.ChartType)
      .addRange(sheet.getRange('A40:B44'))
      .setPosition(row, col, 0, 0)
      .setOption('title', title)
      .build();
  sheet.getRange('A40:B44').setValues([
    ['W', 'S'],
    [1, 0.1],
    [2, 0.3],
    [3, 0.4],
    [4, 0.6],
  ]);
  // in the scrolling area, near the frozen corner; and one in the frozen rows, far right
  sheet.insertChart(chart(5, 5, 'Scrolling'));
  sheet.insertChart(chart(1, 12, 'Pinned'));
  sheet.activate();
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

/** What is drawn at the centre of the element matched: a column letter, a cell's A1 or a chart's title. */
function shownAt(page: Page, x: number, y: number) {
  return page.evaluate(
    ([x, y]) => {
      const el = document.elementFromPoint(x!, y!);
      const chart = el?.closest('svg.embedded-chart');
      if (chart) return `chart:${chart.getAttribute('aria-label')}`;
      const th = el?.closest('th');
      if (th) return `th:${th.textContent}`;
      const td = el?.closest('td');
      return td ? `td:${td.dataset.a1}` : `none:${el?.tagName}`;
    },
    [x, y],
  );
}

async function centre(page: Page, selector: string) {
  const b = (await page.locator(selector).boundingBox())!;
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

async function scroll(page: Page, left: number, top: number) {
  await page.locator('#grid').evaluate(
    (g, [l, t]) => {
      g.scrollLeft = l!;
      g.scrollTop = t!;
      g.dispatchEvent(new Event('scroll'));
    },
    [left, top],
  );
  await page.evaluate(() => new Promise(requestAnimationFrame));
}

describe('frozen panes in the playground, in Chromium', { timeout: 60_000 }, () => {
  test('scrolled sideways, the frozen columns keep their letters and the others follow their cells', async () => {
    await scroll(page, 700, 0);
    // the letter drawn above each frozen column is its own
    for (const col of ['A', 'B', 'C']) {
      const { x } = await centre(page, `#cell-${col}1`);
      const { y } = await centre(page, 'thead th[data-col="1"]');
      expect(await shownAt(page, x, y)).toBe(`th:${col}`);
    }
    // a scrolled column's letter is above its own cells, right of the frozen ones
    const firstFrozenRight = (await page.locator('#cell-C1').boundingBox())!;
    const right = firstFrozenRight.x + firstFrozenRight.width;
    const { y: headY } = await centre(page, 'thead th[data-col="1"]');
    const letter = await shownAt(page, right + 20, headY);
    expect(letter).toMatch(/^th:[D-Z]$/);
    const below = await shownAt(page, right + 20, (await centre(page, '#cell-A3')).y);
    expect(below).toMatch(new RegExp(`^td:${letter.slice(3)}3$`));
  });

  test('a chart in the scrolling area passes under the frozen rows and columns; a click there selects the cell', async () => {
    await scroll(page, 0, 0);
    const before = (await page.locator('svg.embedded-chart[aria-label$="Scrolling"]').boundingBox())!;
    expect(await shownAt(page, before.x + 40, before.y + 40)).toBe('chart:line chart: Scrolling');
    // scrolled so that the chart's top-left corner is under the frozen rows and columns
    await scroll(page, 150, 70);
    const after = (await page.locator('svg.embedded-chart[aria-label$="Scrolling"]').boundingBox())!;
    expect([after.x, after.y]).toEqual([before.x - 150, before.y - 70]);
    const frozenC = (await page.locator('#cell-C1').boundingBox())!;
    const frozenRow2 = (await page.locator('#cell-A2').boundingBox())!;
    const x = frozenC.x + frozenC.width - 10;
    const y = frozenRow2.y + frozenRow2.height / 2;
    expect(x).toBeGreaterThan(after.x);
    expect(y).toBeGreaterThan(after.y);
    expect(await shownAt(page, x, y)).toBe('td:C2');
    const inside = { x: frozenC.x + frozenC.width + 60, y: frozenRow2.y + frozenRow2.height + 60 };
    expect(await shownAt(page, inside.x, inside.y)).toBe('chart:line chart: Scrolling');
    await page.mouse.click(x, y);
    await expect.poll(() => page.inputValue('#name-box')).toBe('C2');
  });

  test('a chart anchored in a frozen row stays in view when the sheet scrolls down', async () => {
    await scroll(page, 0, 0);
    const top = (await page.locator('svg.embedded-chart[aria-label$="Pinned"]').boundingBox())!;
    await scroll(page, 0, 600);
    const after = (await page.locator('svg.embedded-chart[aria-label$="Pinned"]').boundingBox())!;
    expect([after.x, after.y]).toEqual([top.x, top.y]);
    expect(await shownAt(page, after.x + 40, after.y + 40)).toBe('chart:line chart: Pinned');
    // and it still scrolls sideways with its columns
    await scroll(page, 100, 600);
    const side = (await page.locator('svg.embedded-chart[aria-label$="Pinned"]').boundingBox())!;
    expect([side.x, side.y]).toEqual([top.x - 100, top.y]);
    noServerErrors(pg);
  });
});
