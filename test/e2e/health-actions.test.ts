/**
 * The health check's findings in Chromium, in English and French: "Go to row" selects the named row
 * of its sheet (the active range read back from the emulator); "Check in" opens the check-in tab on
 * that KR's card, its value field focused; each fix is its own, naming its row.
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

const cases = {
  en_US: {
    menu: 'Health check',
    row: (r: number) => `row ${r}`,
    selected: (r: number, s: string) => `Row ${r} of "${s}" selected.`,
  },
  fr_FR: {
    menu: 'Bilan de santé',
    row: (r: number) => `ligne ${r}`,
    selected: (r: number, s: string) => `Ligne ${r} de «\u00a0${s}\u00a0» sélectionnée.`,
  },
} as const;

for (const [locale, c] of Object.entries(cases)) {
  describe(`the health check's actions in ${locale}`, { timeout: 120_000 }, () => {
    const tmp = tempDir();
    let pg: Pg;
    let page: Page;
    beforeAll(async () => {
      pg = await playground({ file: tmp.file, fresh: true, locale });
      page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      page.on('pageerror', (e) => {
        throw e;
      });
      await openPage(page, pg.url);
      await menu(page, c.menu);
      await sidebar(page).locator('#recheck').waitFor();
    }, 60_000);
    afterAll(async () => {
      await page?.close();
      await pg?.close();
      tmp.remove();
    });

    const findings = () =>
      sidebar(page)
        .locator('#findings > li')
        .evaluateAll((els) =>
          els.map((e) => ({
            kind: (e as HTMLElement).dataset.kind!,
            about: (e as HTMLElement).dataset.about!,
            row: Number((e as HTMLElement).dataset.row),
            fix: e.querySelector('.fix')?.textContent ?? '',
          })),
        );

    test('each finding has its own fix, naming its row', async () => {
      const list = await findings();
      expect(list.length).toBeGreaterThan(3);
      expect(new Set(list.map((f) => f.fix)).size).toBe(list.length);
      for (const f of list) expect(f.fix.toLowerCase()).toContain(c.row(f.row));
    });

    test('"Go to row" selects that row of its sheet', async () => {
      const bar = sidebar(page);
      const list = await findings();
      // the emulator's selection starts elsewhere: a sheet of its own, its first cell
      pg.session.wb.spreadsheet.getSheets()[0]!.getRange('A1').activate();
      for (const i of [
        list.findIndex((f) => f.kind === 'staticMetric'),
        list.findIndex((f) => f.kind === 'kpiNoValue'),
      ]) {
        if (i < 0) continue;
        const f = list[i]!;
        await bar.locator(`#go-${i}`).click();
        await expect.poll(() => bar.locator(`#said-${i}`).textContent()).not.toBe('');
        await idle(page);
        const ss = pg.session.wb.spreadsheet;
        const range = ss.getActiveRange();
        const sheet = ss.getActiveSheet();
        expect(range.getRow()).toBe(f.row);
        expect(range.getNumRows()).toBe(1);
        expect(range.getNumColumns()).toBe(sheet.getLastColumn());
        expect(await bar.locator(`#said-${i}`).textContent()).toBe(c.selected(f.row, sheet.getName()));
        if (f.kind === 'kpiNoValue') expect(sheet.getName()).not.toMatch(/^OKR /);
        else expect(sheet.getName()).toMatch(/^OKR /);
        // the row named is the finding's: its KR id is in it
        if (f.kind === 'staticMetric') expect(range.getValues()[0]).toContain(f.about);
      }
      noServerErrors(pg);
    });

    test('"Check in" opens that KR’s card in the check-in tab, its value field focused', async () => {
      const bar = sidebar(page);
      const list = await findings();
      const i = list
        .map((f, j) => [f, j] as const)
        .filter(([f]) => f.kind === 'staticMetric')
        .at(-1)![1];
      const kr = list[i]!.about;
      await bar.locator(`#ci-${i}`).click();
      await bar.locator('#save-checkin').waitFor();
      expect(await bar.locator('#tab-checkin').getAttribute('aria-selected')).toBe('true');
      await expect
        .poll(() => bar.locator('body').evaluate(() => document.activeElement?.id ?? ''))
        .toBe(`v-${kr}`);
      const box = (await bar.locator(`[data-kr="${kr}"]`).boundingBox())!;
      const frame = (await page.locator('#sidebar iframe').boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(frame.y);
      expect(box.y + box.height).toBeLessThanOrEqual(frame.y + frame.height);
      noServerErrors(pg);
    });
  });
}
