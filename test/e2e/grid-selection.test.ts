/**
 * A selection made by the add-on shows in the grid: the health check's "Go to row" (Range.activate
 * on the server) moves the playground's cursor to that row of that sheet, marks the row's cells and
 * scrolls them into view, as Sheets does.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../playground/browser';
import { idle, menu, noServerErrors, openPage, playground, sidebar, tempDir } from './support';

type Pg = Awaited<ReturnType<typeof playground>>;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('a selection the add-on makes', { timeout: 120_000 }, () => {
  const tmp = tempDir();
  let pg: Pg;
  let page: Page;
  beforeAll(async () => {
    pg = await playground({ file: tmp.file, fresh: true, locale: 'en_US' });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => {
      throw e;
    });
    await openPage(page, pg.url);
    await menu(page, 'Health check');
    await sidebar(page).locator('#recheck').waitFor();
  }, 60_000);
  afterAll(async () => {
    await page?.close();
    await pg?.close();
    tmp.remove();
  });

  test('"Go to row" highlights that row in the grid, on its sheet, in view', async () => {
    const bar = sidebar(page);
    const list = await bar.locator('#findings > li').evaluateAll((els) =>
      els.map((e) => ({
        kind: (e as HTMLElement).dataset.kind!,
        row: Number((e as HTMLElement).dataset.row),
      })),
    );
    // a finding on the quarter sheet (and one on the KPI sheet when there is one: the grid follows)
    const picks = [
      list.findIndex((f) => f.kind === 'staticMetric'),
      list.findIndex((f) => f.kind === 'kpiNoValue'),
    ].filter((i) => i >= 0);
    expect(picks.length).toBeGreaterThan(0);
    for (const i of picks) {
      const row = list[i]!.row;
      // the grid's cursor starts elsewhere
      await page.locator('#cell-A1').click();
      await idle(page);
      await bar.locator(`#go-${i}`).click();
      await expect.poll(() => bar.locator(`#said-${i}`).textContent()).not.toBe('');
      await idle(page);
      const sheet = pg.session.wb.spreadsheet.getActiveSheet();
      const lastCol = sheet.getLastColumn();
      // the tab shown is the finding's sheet, the cursor on the row's first cell
      await expect
        .poll(() => page.locator('#tabs [aria-selected="true"]').textContent())
        .toBe(sheet.getName());
      await expect.poll(() => page.locator('td.selected').getAttribute('data-a1')).toBe(`A${row}`);
      expect(await page.locator('#name-box').inputValue()).toMatch(new RegExp(`^A${row}:[A-Z]+${row}$`));
      // the whole row is marked (every visible cell of it up to the last column), no other row
      const marked = await page.$$eval('td.in-range, td.selected', (tds) =>
        tds.map((td) => (td as HTMLElement).dataset.a1!),
      );
      expect(new Set(marked.map((a1) => Number(/\d+$/.exec(a1)![0])))).toEqual(new Set([row]));
      expect(marked.length).toBeGreaterThan(Math.min(lastCol, 5) - 1);
      // scrolled into view inside the grid's box
      const cellBox = (await page.locator('td.selected').boundingBox())!;
      const gridBox = (await page.locator('#grid').boundingBox())!;
      expect(cellBox.y).toBeGreaterThanOrEqual(gridBox.y);
      expect(cellBox.y + cellBox.height).toBeLessThanOrEqual(gridBox.y + gridBox.height);
    }
    noServerErrors(pg);
  });
});
