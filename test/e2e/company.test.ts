/**
 * The company rollup in the playground, in Chromium, with two workbooks sharing a registry: a team
 * spreadsheet (its quarter inserted by the add-on) and the company one the page shows. The team is
 * added from the Company rollup dialog; its import waits with an "Allow access" button on the cell;
 * a click on it brings the team's objectives into the Company sheet, ids prefixed.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createWorkbook, WorkbookRegistry } from '../../emulator';
import { launchChromium } from '../../playground/browser';
import { dialogFrame, idle, menu, noServerErrors, openPage, playground, tempDir } from './support';

type Pg = Awaited<ReturnType<typeof playground>>;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('the company rollup in the playground', { timeout: 120_000 }, () => {
  const tmp = tempDir();
  const registry = new WorkbookRegistry();
  let pg: Pg;
  let page: Page;
  let teamUrl = '';
  let teamSheet = '';
  beforeAll(async () => {
    pg = await playground({ file: tmp.file, fresh: true, locale: 'en_US', example: false, registry });
    const team = createWorkbook({ registry, name: 'Sales' });
    const app = team.loadBundle();
    const { quarters } = app.run('getInsertOptions') as { quarters: string[] };
    teamSheet = (
      app.run('insertQuarter', {
        quarter: quarters[0],
        fiscalStart: 1,
        levels: ['company', 'department', 'team', 'individual'],
        content: 'examples',
      }) as { sheet: string }
    ).sheet;
    teamUrl = team.url;
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => {
      throw e;
    });
    await openPage(page, pg.url);
  }, 60_000);
  afterAll(async () => {
    await page?.close();
    await pg?.close();
    tmp.remove();
  });

  test('a team added from the dialog, access allowed on its cell, its objectives stacked', async () => {
    await menu(page, 'Company rollup…');
    const dialog = dialogFrame(page);
    await dialog.locator('#team-name').fill('Sales');
    await dialog.locator('#team-url').fill(teamUrl);
    expect(await dialog.locator('#team-quarter').inputValue()).toBe(teamSheet);
    await dialog.locator('#add-team').click();
    await expect
      .poll(() => dialog.locator('#status').textContent())
      .toBe('Sales added to the Company sheet.');
    expect(await dialog.locator('#teams li').textContent()).toBe(`Sales (Sales, ${teamSheet})`);
    await page.locator('.dialog [aria-label="Close"]').first().click();
    await idle(page);
    await page.locator('#tabs .tab', { hasText: 'Company imports' }).click();
    await idle(page);
    const allow = page.locator('#cell-A2 button.allow-access');
    await expect.poll(() => allow.count()).toBe(1);
    await allow.click();
    await idle(page);
    expect(await page.locator('#cell-A2 button.allow-access').count()).toBe(0);
    await page.locator('#tabs .tab', { hasText: /^Company$/ }).click();
    await idle(page);
    const ids = await page.$$eval('td[data-a1^="H"]', (tds) =>
      tds.map((td) => td.textContent ?? '').filter((t) => t.includes('·')),
    );
    expect(ids.length).toBeGreaterThan(2);
    for (const id of ids) expect(id).toMatch(/^Sales·/);
    expect(await page.locator('#cell-E3').textContent()).toBe(`${ids.length} objectives`);
    noServerErrors(pg);
  });
});
