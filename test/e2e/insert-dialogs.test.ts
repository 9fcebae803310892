/**
 * The insert dialogs in Chromium, English and French: the title bar names the dialog and the page
 * does not say it again; "Pick at least one…" goes once one is picked; each KPI's unit said once.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../playground/browser';
import { dialogFrame, menu, openPage, playground, tempDir } from './support';

type Pg = Awaited<ReturnType<typeof playground>>;
const SHOTS = process.env.SCREENSHOTS_DIR ?? '/tmp/polish';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

for (const L of [
  {
    lang: 'en',
    locale: 'en_US',
    kpis: 'Insert a KPI dashboard…',
    quarter: 'Insert a quarter…',
    pickKpi: 'Pick at least one KPI.',
    pickLevel: 'Pick at least one level.',
    co2: 'Environmental impact (t CO₂e, lower is better)',
  },
  {
    lang: 'fr',
    locale: 'fr_FR',
    kpis: 'Insérer un tableau de bord KPI…',
    quarter: 'Insérer un trimestre…',
    pickKpi: 'Choisissez au moins un KPI.',
    pickLevel: 'Choisissez au moins un niveau.',
    co2: 'Impact environnemental (t CO₂e, plus bas est mieux)',
  },
]) {
  describe(`insert dialogs (${L.lang})`, { timeout: 90_000 }, () => {
    const tmp = tempDir();
    let pg: Pg;
    let page: Page;
    beforeAll(async () => {
      pg = await playground({ file: tmp.file, fresh: true, locale: L.locale });
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

    test('KPI dashboard: no repeated title, the refusal goes once a KPI is picked, units once', async () => {
      await menu(page, L.kpis);
      const d = dialogFrame(page);
      await d.locator('#insert').waitFor();
      expect(await page.locator('.dialog .surface-title').textContent()).toBe(L.kpis.replace('…', ''));
      expect(await d.locator('h1').count()).toBe(0);
      await d.locator('#insert').click();
      await expect.poll(() => d.locator('#status').textContent()).toBe(L.pickKpi);
      await d.locator('input[name="kpi"]').first().check();
      await expect.poll(() => d.locator('#status').textContent()).toBe('');
      expect(await d.locator('#status').getAttribute('class')).toBe('');
      const labels = await d.locator('label.inline').allTextContents();
      expect(labels).toContain(L.co2);
      // one parenthesis per label: its unit and direction, the unit not in the name too ("(t CO₂e) (t CO₂e, …)")
      for (const l of labels.filter((x) => x.includes(','))) expect(l, l).toMatch(/^[^()]+ \([^()]+\)$/);
      await page.screenshot({ path: `${SHOTS}/insert-kpis-${L.lang}.png` });
      await page.locator('.dialog .surface-head button').click();
    });

    test('quarter: no repeated title; unticking every level is refused, ticking one clears it', async () => {
      await menu(page, L.quarter);
      const d = dialogFrame(page);
      await d.locator('#insert').waitFor();
      expect(await d.locator('h1').count()).toBe(0);
      const levels = d.locator('input[name="level"]');
      for (let i = 0; i < (await levels.count()); i++) await levels.nth(i).uncheck();
      await d.locator('#insert').click();
      await expect.poll(() => d.locator('#status').textContent()).toBe(L.pickLevel);
      await levels.nth(1).check();
      await expect.poll(() => d.locator('#status').textContent()).toBe('');
    });
  });
}
