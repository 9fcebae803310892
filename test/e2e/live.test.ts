/**
 * The check-in sidebar's "Record live values" in Chromium, in English and French: with the example
 * KPIs linked to their KRs, the button logs one row per live KR (read back from the emulator's log)
 * and says so; a second click logs nothing and names them unchanged; the checkbox turns the
 * opening-time recording on in the file's document properties.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../playground/browser';
import { menu, noServerErrors, openPage, playground, sidebar, tempDir } from './support';

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
    menu: 'Check-in…',
    log: 'Check-ins',
    button: 'Record live values',
    recorded: /^5 live values recorded\.$/,
    unchanged: /^0 live values recorded\. Unchanged since today's check-in: (O\d\.\d, ){4}O\d\.\d\.$/,
    auto: 'Live values are recorded when the file opens, at most once a day.',
    comment: 'from its formula',
  },
  fr_FR: {
    menu: 'Point de suivi…',
    log: 'Suivi',
    button: 'Enregistrer les valeurs en direct',
    recorded: /^5 valeurs en direct enregistrées\.$/,
    unchanged:
      /^0 valeurs en direct enregistrées\. Inchangés depuis le point de suivi du jour\u00a0: (O\d\.\d, ){4}O\d\.\d\.$/,
    auto: 'Les valeurs en direct sont enregistrées à l’ouverture du fichier, au plus une fois par jour.',
    comment: 'depuis sa formule',
  },
} as const;

for (const [locale, c] of Object.entries(cases)) {
  describe(`Record live values in ${locale}`, { timeout: 180_000 }, () => {
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
    }, 60_000);
    afterAll(async () => {
      await page?.close();
      await pg?.close();
      tmp.remove();
    });

    const liveRows = () =>
      pg.session.wb
        .sheet(c.log)
        .getDataRange()
        .getValues()
        .filter((r) => r[5] === c.comment);

    test('the button logs each live KR once, says so, and the checkbox turns opening-time recording on', async () => {
      pg.session.run('linkKpis', [{ confirm: true }]);
      await menu(page, c.menu);
      const bar = sidebar(page);
      const button = bar.locator('#record-live');
      await button.waitFor();
      expect(await button.textContent()).toBe(c.button);
      expect(liveRows()).toHaveLength(0);
      await button.click();
      await expect.poll(() => bar.locator('#checkin-status').textContent()).toMatch(c.recorded);
      expect(liveRows()).toHaveLength(5);
      await page.screenshot({ path: `/tmp/live/record-${locale}.png` });
      // clicked again: nothing logged, the KRs named as unchanged
      await bar.locator('#record-live').click();
      await expect.poll(() => bar.locator('#checkin-status').textContent()).toMatch(c.unchanged);
      expect(liveRows()).toHaveLength(5);
      // the checkbox: the file's setting
      await bar.locator('#live-on-open').check();
      await expect.poll(() => bar.locator('#checkin-status').textContent()).toBe(c.auto);
      const doc = pg.session.app.services.state.toJSON().document as Record<string, string>;
      expect(JSON.parse(doc['okrkpi.liveOnOpen']!).on).toBe(true);
      noServerErrors(pg);
    });
  });
}
