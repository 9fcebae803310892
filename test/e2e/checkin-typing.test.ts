/**
 * The check-in sidebar in Chromium, typed as people type, in English and French: a percentage KR
 * (4.0 % → 5.2 %), a currency KR (45 € → 35 €) and a plain one (0 → 20 publications). What the card
 * shows is what the sheet shows; what is typed is read by the one parser, in the cell's own format;
 * text that reads two ways is refused, saying why, and nothing is written.
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

/** The current and confidence cells of a KR in the example quarter, as the sheet holds them. */
function kr(pg: Pg, id: string): { current: unknown; confidence: unknown } {
  const wb = pg.session.wb;
  const sheet = wb.spreadsheet.getSheets().find((s) => /^OKR [QT]\d \d{4}$/.test(s.getName()))!;
  const rows = sheet.getDataRange().getValues();
  const r = rows.find((x) => x[2] === id)!;
  // the columns by their headers (row 2), in either language
  const at = (...names: string[]) => rows[1]!.findIndex((h) => names.includes(String(h)));
  return { current: r[at('Current', 'Actuel')], confidence: r[at('Confidence', 'Confiance')] };
}

const cases = {
  en_US: {
    menu: 'Check-in…',
    saved: 'Saved 1 check-in.',
    shown: {
      pct: /^now 4\.3% · target 5\.2%$/,
      eur: /^now 41\.00 € · target 35\.00 €$/,
      plain: /^now 12 · target 20 publications$/,
    },
    pct: [
      ['4.8 %', 0.048],
      ['4,8 %', 0.048],
      ['4.8', 0.048],
      ['5', 0.05],
    ],
    eur: [
      ['39.50 €', 39.5],
      ['38', 38],
    ],
    plain: [
      ['13', 13],
      ['1 200', 1200],
      ['14.5', 14.5],
    ],
    twoWays: ['1,200', /O2\.2, new value: "1,200" reads two ways: type 1\.2 or 1200/],
    confidence: [
      ['0.8', 0.8],
      ['65', 0.65],
      ['70 %', 0.7],
    ],
  },
  fr_FR: {
    menu: 'Point de suivi…',
    saved: '1 point de suivi enregistré.',
    shown: {
      pct: /^actuel 4,3\u00a0% · cible 5,2\u00a0%$/,
      eur: /^actuel 41,00\u00a0€ · cible 35,00\u00a0€$/,
      plain: /^actuel 12 · cible 20 publications$/,
    },
    pct: [
      ['4,8 %', 0.048],
      ['4.8 %', 0.048],
      ['4,8', 0.048],
    ],
    eur: [
      ['39,50 €', 39.5],
      ['38', 38],
    ],
    plain: [
      ['13', 13],
      ['1 200', 1200],
      ['14,5', 14.5],
    ],
    twoWays: ['1.200', /O2\.2, nouvelle valeur\u00a0: «\u00a01\.200\u00a0» se lit de deux façons/],
    confidence: [
      ['0,8', 0.8],
      ['65', 0.65],
      ['70 %', 0.7],
    ],
  },
} as const;

for (const [locale, c] of Object.entries(cases)) {
  describe(`the check-in sidebar in ${locale}`, { timeout: 120_000 }, () => {
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

    let open = false;
    /**
     * Types a value (and a confidence) for one KR, saves, waits for the answer. The sidebar stays
     * open between check-ins, as a user keeps it (after a save it shows the KRs anew, then the word).
     */
    async function checkIn(id: string, value: string, confidence = ''): Promise<string> {
      if (!open) await menu(page, c.menu);
      open = true;
      const bar = sidebar(page);
      const sel = id.replace('.', '\\.');
      await bar.locator(`#v-${sel}`).fill(value);
      if (confidence) {
        await bar.locator(`#t-${sel}`).click(); // confidence and comment are folded behind ⋯
        await bar.locator(`#c-${sel}`).fill(confidence);
      }
      await bar.locator('#save-checkin').click();
      await expect
        .poll(
          async () =>
            `${await bar.locator('#checkin-status').getAttribute('class')}|${await bar.locator('#checkin-status').textContent()}`,
        )
        .toMatch(/^status (ok|error)\|./);
      await idle(page);
      return (await bar.locator('#checkin-status').textContent()) ?? '';
    }

    test('each card shows its values as the sheet shows them', async () => {
      await menu(page, c.menu);
      open = true;
      const bar = sidebar(page);
      const line = (id: string) => bar.locator(`#u-${id.replace('.', '\\.')}`).textContent();
      await expect.poll(() => line('O2.3')).toMatch(c.shown.pct);
      expect(await line('O3.2')).toMatch(c.shown.eur);
      expect(await line('O2.2')).toMatch(c.shown.plain);
    });

    test('a percentage KR: typed with or without %, in either separator, stores the share', async () => {
      for (const [typed, stored] of c.pct) {
        expect(await checkIn('O2.3', typed)).toBe(c.saved);
        expect(kr(pg, 'O2.3').current).toBe(stored);
      }
    });

    test('a currency KR: the symbol typed with the number is dropped', async () => {
      for (const [typed, stored] of c.eur) {
        expect(await checkIn('O3.2', typed)).toBe(c.saved);
        expect(kr(pg, 'O3.2').current).toBe(stored);
      }
    });

    test('a plain KR, with thousands and decimals; text that reads two ways is refused, nothing written', async () => {
      for (const [typed, stored] of c.plain) {
        expect(await checkIn('O2.2', typed)).toBe(c.saved);
        expect(kr(pg, 'O2.2').current).toBe(stored);
      }
      const before = kr(pg, 'O2.2').current;
      expect(await checkIn('O2.2', c.twoWays[0])).toMatch(c.twoWays[1]);
      expect(kr(pg, 'O2.2').current).toBe(before);
    });

    test('a confidence typed as a share, a number or a percentage', async () => {
      for (const [typed, stored] of c.confidence) {
        expect(await checkIn('O2.2', '15', typed)).toBe(c.saved);
        expect(kr(pg, 'O2.2').confidence).toBe(stored);
      }
    });
  });
}
