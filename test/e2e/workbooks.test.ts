/**
 * The company rollup tried by hand in the playground, in Chromium, English and French: a second
 * workbook "Sales" made from the switcher, a quarter inserted there from the Insert dialog, back to
 * the first, the Company rollup dialog given Sales's URL (copied from the switcher's list), access
 * allowed on the waiting cell, and Sales's objectives in the Company sheet, ids prefixed.
 * SHOTS=/some/dir saves screenshots of the steps there.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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

const LANGS = [
  {
    lang: 'en',
    locale: 'en_US',
    workbooks: 'Workbooks',
    newWorkbook: 'New workbook…',
    create: 'Create',
    copy: 'Copy URL',
    taken: 'A workbook named “Sales” is already open: pick another name.',
    quarter: 'Insert a quarter…',
    company: 'Company rollup…',
    added: 'Sales added to the Company sheet.',
    imports: 'Company imports',
    companySheet: 'Company',
    allow: 'Allow access',
    sheet1: 'Sheet1',
    checkIn: 'Check-in…',
  },
  {
    lang: 'fr',
    locale: 'fr_FR',
    workbooks: 'Classeurs',
    newWorkbook: 'Nouveau classeur…',
    create: 'Créer',
    copy: 'Copier l’URL',
    taken: 'Un classeur nommé «\u00a0Sales\u00a0» est déjà ouvert\u00a0: choisissez un autre nom.',
    quarter: 'Insérer un trimestre…',
    company: 'Consolidation entreprise…',
    added: 'Sales ajoutée à la feuille Entreprise.',
    imports: 'Imports entreprise',
    companySheet: 'Entreprise',
    allow: 'Autoriser l’accès',
    sheet1: 'Feuille 1',
    checkIn: 'Point de suivi…',
  },
];

for (const L of LANGS) {
  describe(`several workbooks and the company rollup (${L.lang})`, { timeout: 180_000 }, () => {
    const tmp = tempDir();
    let pg: Pg;
    let page: Page;
    const shots = process.env.SHOTS;
    const shot = async (name: string) => {
      if (!shots) return;
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: join(shots, `${L.lang}-${name}.png`) });
    };
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

    const switcher = () => page.locator('#workbooks-button');
    const panelItem = (name: string) =>
      page.locator('.wb-panel .wb-item', {
        has: page.locator('.wb-name', { hasText: new RegExp(`^${name}$`) }),
      });
    const tab = async (name: string) => {
      await page.getByRole('tab', { name, exact: true }).click();
      await idle(page);
    };

    test('a second workbook, a quarter in it, its URL into the Company rollup, access allowed', async () => {
      const firstName = await page.locator('#doc-name').textContent();
      expect(await switcher().textContent()).toBe(`${L.workbooks}1▾`);

      // New workbook… named Sales, in the playground's locale by default
      await switcher().click();
      await page.locator('.wb-new').click();
      expect(await page.locator('#wb-new-locale').inputValue()).toBe(L.locale);
      await page.locator('#wb-new-name').fill('Sales');
      await shot('new-workbook');
      await page.getByRole('button', { name: L.create, exact: true }).click();
      await idle(page);
      await expect.poll(() => page.locator('#doc-name').textContent()).toBe('Sales');
      expect(await switcher().textContent()).toBe(`${L.workbooks}2▾`);
      expect(await page.locator('#tabs .tab').allTextContents()).toEqual([L.sheet1]);

      // the same name again is refused in the dialog, which stays open
      await switcher().click();
      await page.locator('.wb-new').click();
      await page.locator('#wb-new-name').fill('sales');
      await page.getByRole('button', { name: L.create, exact: true }).click();
      expect(await page.locator('#wb-new-error').textContent()).toBe(L.taken);
      await page.keyboard.press('Escape');
      expect(await page.locator('.wb-dialog').count()).toBe(0);

      // a quarter in Sales, from the Insert dialog, with the examples
      await menu(page, L.quarter);
      const insert = dialogFrame(page);
      await insert.locator('#insert').waitFor();
      await insert.locator('input[name="content"][value="examples"]').check();
      await insert.locator('#insert').click();
      await page.waitForSelector('.dialog', { state: 'detached' });
      await idle(page);
      const salesTabs = await page.locator('#tabs .tab').allTextContents();
      expect(salesTabs.some((t) => /^OKR /.test(t))).toBe(true);

      // the list: both workbooks, Sales on screen, each URL copyable
      await switcher().click();
      await shot('switcher');
      expect(await page.locator('.wb-panel .wb-name').allTextContents()).toEqual([firstName, 'Sales']);
      expect(await panelItem('Sales').locator('.wb-open').getAttribute('aria-current')).toBe('true');
      const salesUrl = await panelItem('Sales').locator('.wb-url').inputValue();
      expect(salesUrl).toMatch(/^https:\/\/docs\.google\.com\/spreadsheets\/d\/[-\w]{20,}\/edit$/);
      expect(salesUrl).toBe(pg.workbooks.all[1]!.url);
      expect(await panelItem('Sales').locator('.wb-copy').textContent()).toBe(L.copy);

      // back to the first (its own example quarter)
      await panelItem(firstName!).locator('.wb-open').click();
      await idle(page);
      expect(await page.locator('#doc-name').textContent()).toBe(firstName);
      expect(pg.session.id).toBe(pg.workbooks.all[0]!.id);

      // the Company rollup dialog, Sales's URL pasted; its quarter sheet is suggested
      await menu(page, L.company);
      const dialog = dialogFrame(page);
      await dialog.locator('#team-name').fill('Sales');
      await dialog.locator('#team-url').fill(salesUrl);
      await expect.poll(() => dialog.locator('#team-quarter').inputValue()).toMatch(/^OKR /);
      await dialog.locator('#add-team').click();
      await expect.poll(() => dialog.locator('#status').textContent()).toBe(L.added);
      await page.locator('.dialog [aria-label="Close"]').first().click();
      await idle(page);

      // the import waits for access: the button, in the workbook's language, not clipped
      await tab(L.imports);
      const allow = page.locator('#cell-A2 button.allow-access');
      await expect.poll(() => allow.count()).toBe(1);
      expect(await allow.textContent()).toBe(L.allow);
      const [cellBox, buttonBox] = [
        (await page.locator('#cell-A2').boundingBox())!,
        (await allow.boundingBox())!,
      ];
      await shot('allow-access');
      const shownWidth = await allow.evaluate((b) => {
        const r = b.getBoundingClientRect();
        const hit = document.elementFromPoint(r.right - 2, r.top + r.height / 2);
        return { whole: b.scrollWidth <= b.clientWidth + 1, rightEdgeIsButton: hit === b };
      });
      expect(shownWidth).toEqual({ whole: true, rightEdgeIsButton: true });
      expect(buttonBox.width).toBeGreaterThan(40);
      expect(cellBox.height).toBeGreaterThan(0);
      expect(await allow.getAttribute('title')).toMatch(new RegExp(`^${L.allow}`));
      await allow.click();
      await idle(page);
      expect(await page.locator('#cell-A2 button.allow-access').count()).toBe(0);

      // Sales's objectives in the Company sheet, ids prefixed
      await tab(L.companySheet);
      const ids = await page.$$eval('table.sheet td', (tds) =>
        tds.map((td) => td.textContent ?? '').filter((t) => /^Sales·/.test(t)),
      );
      expect(ids).toContain('Sales·O1');
      await shot('company');
      noServerErrors(pg);
    });

    test('a switch closes the sidebar of the workbook left; each keeps its own undo', async () => {
      const firstName = (await page.locator('#doc-name').textContent())!;
      await menu(page, L.checkIn);
      await page.waitForSelector('#sidebar iframe');
      expect(await page.locator('#sidebar').isHidden()).toBe(false);
      await switcher().click();
      await panelItem('Sales').locator('.wb-open').click();
      await idle(page);
      expect(await page.locator('#doc-name').textContent()).toBe('Sales');
      expect(await page.locator('#sidebar').isHidden()).toBe(true);
      expect(pg.session.wb.name).toBe('Sales');
      // an edit in Sales, undone there only
      await tab(L.sheet1);
      await page.locator('#cell-C3').click();
      await page.keyboard.type('typed in Sales');
      await page.keyboard.press('Enter');
      await idle(page);
      expect(await page.locator('#cell-C3').textContent()).toBe('typed in Sales');
      await switcher().click();
      await panelItem(firstName).locator('.wb-open').click();
      await idle(page);
      expect(pg.session.canUndo).toBe(false);
      await switcher().click();
      await panelItem('Sales').locator('.wb-open').click();
      await idle(page);
      expect(pg.session.canUndo).toBe(true);
      await page.keyboard.press('Control+z');
      await idle(page);
      expect(await page.locator('#cell-C3').textContent()).toBe('');
      noServerErrors(pg);
    });
  });
}
