/**
 * The review flow in French, in Chromium: the next quarter planned first, a review of today's
 * quarter through every objective, Finish asked and confirmed, the carry-over into the planned
 * sheet, the read-only recap, then the quarter reopened on purpose.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../playground/browser';
import { dialogFrame, gridText, idle, menu, openPage, playground, sidebar, tempDir } from './support';

type Pg = Awaited<ReturnType<typeof playground>>;
const tmp = tempDir();
let browser: Browser;
let page: Page;
let pg: Pg;

beforeAll(async () => {
  browser = await launchChromium();
  pg = await playground({ file: tmp.file, fresh: true, locale: 'fr_FR' });
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

const tabs = () => page.$$eval('#tabs [role="tab"]', (t) => t.map((x) => x.textContent ?? ''));
async function showTab(name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await idle(page);
}

describe('la revue trimestrielle, en français', { timeout: 120_000 }, () => {
  test('planifier, revoir, terminer dans le trimestre planifié, relire, rouvrir', async () => {
    const today = (await tabs()).find((t) => /^OKR T\d \d{4}$/.test(t))!;
    // the next quarter planned before this one closes
    await menu(page, 'Insérer un trimestre…');
    const dialog = dialogFrame(page);
    await dialog.locator('#quarter').selectOption({ index: 1 });
    const planned = `OKR ${await dialog.locator('#quarter').inputValue()}`;
    await dialog.locator('input[name="content"][value="blank"]').check();
    await dialog.locator('#insert').click();
    await page.waitForSelector('.dialog', { state: 'detached' });
    await showTab(today);

    await menu(page, 'Revue trimestrielle…');
    const bar = sidebar(page);
    await bar.locator('#start-review').click();
    const decisions = ['carry_over', 'carry_over', 'close', 'drop', 'carry_over'];
    for (let step = 0; step < 5; step++) {
      await expect
        .poll(() => bar.locator('p.muted').first().textContent())
        .toBe(`Objectif ${step + 1} sur 5`);
      // each step lists its KRs with their values as the sheet shows them, and explains each decision
      expect(await bar.locator('#step-krs tbody tr').count()).toBeGreaterThan(0);
      expect(await bar.locator('label.decision').first().textContent()).toMatch(/^reporter — il continue/);
      await bar.locator('#went-well').fill(`Réussi ${step + 1}`);
      await bar.locator(`input[name="decision"][value="${decisions[step]}"]`).check();
      await bar.locator('#next').click();
    }
    await bar.locator('#finish').click();
    await expect
      .poll(() => bar.locator('#confirm').textContent())
      .toMatch(
        /Terminer ajoute 5 lignes à Revues, protège «\s*OKR T\d \d{4}\s*» \(avertissement seulement\) et reporte 3 objectifs/,
      );
    await bar.locator('#confirm-finish').click();
    await expect
      .poll(() => bar.locator('#finish-status').textContent(), { timeout: 15_000 })
      .toBe(`Revue enregistrée (5 objectifs). Trimestre suivant\u00a0: «\u00a0${planned}\u00a0».`);
    // read-only now: no Back, no Finish; one sheet for the next quarter, the planned one
    expect(await bar.locator('#back').count()).toBe(0);
    await idle(page);
    expect((await tabs()).filter((t) => t.startsWith(planned))).toEqual([planned]);
    await showTab(planned);
    const text = (await gridText(page)).flat();
    expect(text).toContain('Augmenter notre présence sur le marché mondial');
    expect(text).not.toContain('Élargir l’accès au marché dans les pays européens'); // closed, not carried

    // reopened on purpose from the menu: asked, then recorded in the history
    await showTab(today);
    await menu(page, 'Rouvrir le trimestre…');
    await bar.locator('#reopen').click();
    await expect
      .poll(() => bar.locator('#reopen-confirm').textContent())
      .toMatch(/^Rouvrir «\s*OKR T\d \d{4}\s*»\u00a0\? Sa clôture est levée/);
    await bar.locator('#confirm-reopen').click();
    await expect.poll(() => bar.locator('#panel').textContent()).toContain('est à nouveau ouvert.');
    await idle(page);
    await showTab('Revues');
    expect((await gridText(page)).some((r) => r.some((c) => c.startsWith('Trimestre rouvert')))).toBe(true);
    expect(pg.errors).toEqual([]);
  });
});
