/**
 * A second adversarial pass over the compact check-in's owner filter, in Chromium: every owner it
 * offers shows that owner's key results; an owner typed with HTML is shown as text; a filter
 * remembered for an owner no longer in the sheet shows everyone's.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../playground/browser';
import { idle, menu, openPage, playground, sidebar, tempDir } from './support';

type Pg = Awaited<ReturnType<typeof playground>>;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

const HTML_OWNER = '<img src=x onerror="document.title=1">Ops';

describe('the check-in’s owner filter', { timeout: 180_000 }, () => {
  const tmp = tempDir();
  let pg: Pg;
  let page: Page;
  beforeAll(async () => {
    pg = await playground({ file: tmp.file, fresh: true, locale: 'en_US' });
    // a KR's owner typed with HTML in the sheet
    const sheet = pg.session.wb.spreadsheet.getSheets().find((s) => /^OKR Q\d \d{4}$/.test(s.getName()))!;
    const head = sheet.getRange(2, 1, 1, sheet.getLastColumn()).getValues()[0]!;
    const values = sheet.getDataRange().getValues();
    const row = values.findIndex((r) => r[head.indexOf('KR ID')] === 'O1.1') + 1;
    sheet.getRange(row, head.indexOf('Owner') + 1).setValue(HTML_OWNER);
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => {
      throw e;
    });
    await openPage(page, pg.url);
    await menu(page, 'Check-in…');
    await sidebar(page).locator('#save-checkin').waitFor();
  }, 60_000);
  afterAll(async () => {
    await page?.close();
    await pg?.close();
    tmp.remove();
  });

  const visibleKrs = () =>
    sidebar(page)
      .locator('section.card:not([hidden]) .kr:not([hidden])')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.kr));

  test('every owner offered shows at least one key result (an objective’s owner whose KRs have their own is not offered)', async () => {
    const pick = sidebar(page).locator('#owner-filter');
    const owners = (
      await pick.locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value))
    ).filter((v) => v !== '');
    expect(owners).toContain(HTML_OWNER);
    // O1's owner: its two KRs are Operations' and Sales'
    expect(owners).not.toContain('Leadership team');
    for (const owner of owners) {
      await pick.selectOption(owner);
      expect((await visibleKrs()).length, owner).toBeGreaterThan(0);
    }
    await pick.selectOption(HTML_OWNER);
    expect(await visibleKrs()).toEqual(['O1.1']);
    // shown as text, run as nothing
    expect(await pick.locator('option:checked').textContent()).toBe(HTML_OWNER);
    expect(await sidebar(page).locator('img').count()).toBe(0);
    await page.screenshot({ path: '/tmp/adversary/owner-filter-html.png' });
    await idle(page);
  });

  test('a filter remembered for an owner no longer in the sheet shows every key result', async () => {
    const all = await (async () => {
      await sidebar(page).locator('#owner-filter').selectOption('');
      return visibleKrs();
    })();
    await sidebar(page).locator('#owner-filter').selectOption(HTML_OWNER);
    await idle(page);
    // the owner renamed in the sheet while the filter stays remembered
    const sheet = pg.session.wb.spreadsheet.getSheets().find((s) => /^OKR Q\d \d{4}$/.test(s.getName()))!;
    const values = sheet.getDataRange().getValues();
    const row = values.findIndex((r) => r.includes(HTML_OWNER));
    expect(row).toBeGreaterThan(0);
    sheet.getRange(row + 1, values[row]!.indexOf(HTML_OWNER) + 1).setValue('Operations');
    await page.locator('#sidebar button[aria-label="Close"]').click();
    await menu(page, 'Check-in…');
    await sidebar(page).locator('#save-checkin').waitFor();
    expect(await sidebar(page).locator('#owner-filter').inputValue()).toBe('');
    expect(await visibleKrs()).toEqual(all);
  });
});
