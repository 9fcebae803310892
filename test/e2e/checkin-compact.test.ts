/**
 * The compact check-in in Chromium, in English and French, as a team does its weekly update: keyboard
 * only (Tab from KR to KR, Alt+↓ for a confidence and a comment, Enter saves all); then each card's
 * score, bar, last check-in date and value are what the sheet computed (read through the emulator);
 * KRs without a check-in for 14 days come first and are marked; the owner filter is remembered
 * across a reopening; the success is said on each saved card, where the focus is, and in a live region.
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
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
    menu: 'Check-in…',
    quarter: /^OKR Q\d \d{4}$/,
    log: 'Check-ins',
    head: { id: 'KR ID', score: 'KR score', current: 'Current' },
    saved: (n: number) => `Saved ${n} check-ins.`,
    note: /^✓ Saved: /,
    owner: 'Marketing',
    day: (iso: string) =>
      new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
        new Date(`${iso}T00:00:00Z`),
      ),
    pct: (x: number) => `${Math.round(x * 100)}%`,
  },
  fr_FR: {
    menu: 'Point de suivi…',
    quarter: /^OKR T\d \d{4}$/,
    log: 'Suivi',
    head: { id: 'ID RC', score: 'Score RC', current: 'Actuel' },
    saved: (n: number) => `${n} points de suivi enregistrés.`,
    note: /^✓ Enregistré\u00a0: /,
    owner: 'Marketing',
    day: (iso: string) =>
      new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
        new Date(`${iso}T00:00:00Z`),
      ),
    pct: (x: number) => `${Math.round(x * 100)}\u00a0%`,
  },
} as const;

for (const [locale, c] of Object.entries(cases)) {
  describe(`the compact check-in in ${locale}`, { timeout: 180_000 }, () => {
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

    /** The quarter sheet as the emulator holds it: per KR id, its row's score and current value. */
    function sheetKrs(): Map<string, { score: unknown; shown: string }> {
      const wb = pg.session.wb;
      const sheet = wb.spreadsheet.getSheets().find((s) => c.quarter.test(s.getName()))!;
      const values = sheet.getDataRange().getValues();
      const shown = sheet.getDataRange().getDisplayValues();
      const head = values[1]!;
      const [id, score, current] = [c.head.id, c.head.score, c.head.current].map((x) => head.indexOf(x));
      const out = new Map<string, { score: unknown; shown: string }>();
      values.forEach((r, i) => {
        if (i > 1 && r[id!] !== '')
          out.set(String(r[id!]), { score: r[score!], shown: shown[i]![current!]! });
      });
      return out;
    }

    /** The last day each KR was checked in, from the Check-ins log as the sheet shows it. */
    function lastLogged(): Map<string, string> {
      const log = pg.session.wb.sheet(c.log).getDataRange().getDisplayValues();
      const out = new Map<string, string>();
      for (const r of log.slice(1)) if (r[2] && (out.get(r[2]) ?? '') < r[0]!) out.set(r[2], r[0]!);
      return out;
    }

    const esc = (id: string) => id.replace('.', '\\.');
    const cardIds = (bar: FrameLocator) =>
      bar
        .locator('section:not([hidden]) .kr')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.kr!));

    test('KRs not checked in for 14 days come first, marked; the others after', async () => {
      // three KRs checked in today: no longer stale, so they go after the stale ones
      pg.session.run('checkIn', [
        { entries: ['O1.1', 'O3.1', 'O3.2'].map((krId) => ({ krId, comment: 'ok' })) },
      ]);
      await menu(page, c.menu);
      const bar = sidebar(page);
      await bar.locator('#save-checkin').waitFor();
      const sections = await bar
        .locator('section.card')
        .evaluateAll((els) =>
          els.map((s) =>
            [...s.querySelectorAll<HTMLElement>('.kr')].map((k) => k.classList.contains('is-stale')),
          ),
        );
      // within an objective, stale first; objectives with a stale KR before those without
      for (const krs of sections) expect(krs).toEqual([...krs].sort((a, b) => Number(b) - Number(a)));
      const anyStale = sections.map((krs) => krs.some(Boolean));
      expect(anyStale).toEqual([...anyStale].sort((a, b) => Number(b) - Number(a)));
      expect(anyStale.at(-1)).toBe(false); // O3, all checked in today, is last
      expect(await bar.locator('section.card').last().getAttribute('data-objective')).toBe('O3');
      const o1 = await bar
        .locator('[data-objective="O1"] .kr')
        .evaluateAll((e) => e.map((x) => (x as HTMLElement).dataset.kr));
      expect(o1).toEqual(['O1.2', 'O1.1']);
      for (const id of ['O1.2', 'O2.1']) {
        expect(await bar.locator(`#l-${esc(id)}`).getAttribute('class')).toBe('last stale');
        expect(await bar.locator(`#l-${esc(id)}`).textContent()).toMatch(/^⚠ /);
      }
      expect(await bar.locator('#l-O1\\.1').getAttribute('class')).toBe('last');
      expect(await bar.locator('#stale-legend').isVisible()).toBe(true);
    });

    test('a weekly update with the keyboard only: Tab from KR to KR, Alt+↓ for a confidence, Enter saves all', async () => {
      const bar = sidebar(page);
      const active = () =>
        bar.locator('body').evaluate(() => (document.activeElement as HTMLElement | null)?.id ?? '');
      const order = await cardIds(bar);
      const typed = await bar.locator('.kr').evaluateAll((els) =>
        els.flatMap((e) => {
          const v = e.querySelector<HTMLInputElement>('input[id^="v-"]');
          return v
            ? [
                {
                  id: (e as HTMLElement).dataset.kr!,
                  checkbox: v.type === 'checkbox',
                  pct: v.placeholder.includes('%'),
                },
              ]
            : [];
        }),
      );
      expect(typed.map((t) => t.id)).toEqual(order.filter((id) => typed.some((t) => t.id === id)));
      const started = Date.now();
      await bar.locator('#owner-filter').focus();
      for (const [i, kr] of typed.entries()) {
        await page.keyboard.press('Tab');
        expect(await active()).toBe(`v-${kr.id}`); // Tab lands on the next KR's value, nothing between
        if (kr.checkbox) await page.keyboard.press('Space');
        else await page.keyboard.type(kr.pct ? '5' : String(7 + i));
        if (i === 1) {
          await page.keyboard.press('Alt+ArrowDown');
          expect(await active()).toBe(`c-${kr.id}`);
          await page.keyboard.type('80');
          await page.keyboard.press('Tab');
          expect(await active()).toBe(`m-${kr.id}`);
          await page.keyboard.type('on track');
        }
      }
      const last = typed.at(-1)!.id;
      await page.keyboard.press('Enter');
      await expect
        .poll(() => bar.locator('#checkin-status').textContent(), { timeout: 20_000 })
        .toBe(c.saved(typed.length));
      const seconds = (Date.now() - started) / 1000;
      await idle(page);
      console.log(
        `${locale}: keyboard update of ${typed.length} KRs took ${seconds.toFixed(1)} s (typing included)`,
      );
      expect(seconds).toBeLessThan(60);

      // said where the user is looking: the focus is back in the card Enter was pressed in, which
      // says what was saved; the count is in a live region beside the Save button, in view
      expect(await active()).toBe(`v-${last}`);
      for (const kr of typed) expect(await bar.locator(`#s-${esc(kr.id)}`).textContent()).toMatch(c.note);
      const status = bar.locator('#checkin-status');
      expect(await status.getAttribute('aria-live')).toBe('polite');
      expect(await status.getAttribute('role')).toBe('status');
      expect(await bar.locator('.buttons.sticky #checkin-status').count()).toBe(1);
      const frameBox = (await page.locator('#sidebar iframe').boundingBox())!;
      for (const box of [
        await status.boundingBox(),
        await bar.locator(`[data-kr="${last}"]`).boundingBox(),
      ]) {
        expect(box!.y).toBeGreaterThanOrEqual(frameBox.y);
        expect(box!.y + box!.height).toBeLessThanOrEqual(frameBox.y + frameBox.height + 1);
      }
      // the order did not move under the user's eyes
      expect(await cardIds(bar)).toEqual(order);
      // the second KR's confidence and comment reached the log
      const log = pg.session.wb.sheet(c.log).getDataRange().getValues();
      expect(log.find((r) => r[2] === typed[1]!.id && r[5] === 'on track')?.[4]).toBe(0.8);
      noServerErrors(pg);
    });

    test('each card shows the score, bar, value and last check-in the sheet has', async () => {
      const bar = sidebar(page);
      const sheet = sheetKrs();
      const last = lastLogged();
      const ids = await cardIds(bar);
      expect(ids.length).toBeGreaterThan(8);
      for (const id of ids) {
        const kr = sheet.get(id)!;
        const card = bar.locator(`[data-kr="${id}"]`);
        const bar_ = card.locator('[role="progressbar"]');
        if (typeof kr.score === 'number') {
          expect(await bar_.getAttribute('aria-valuenow')).toBe(String(Math.round(kr.score * 100)));
          expect(await card.locator('.progress .pct').textContent()).toBe(c.pct(kr.score));
          const width = await card.locator('.progress .fill').evaluate((e) => (e as HTMLElement).style.width);
          expect(Number.parseFloat(width)).toBeCloseTo(Math.min(1, Math.max(0, kr.score)) * 100, 2);
        } else expect(await card.locator('.progress .pct').textContent()).toBe('–');
        const day = last.get(id);
        expect(await card.locator('.last').getAttribute('data-date')).toBe(day ?? '');
        if (day) expect(await card.locator('.last').textContent()).toContain(c.day(day));
        // the value as the sheet shows it (in French, a no-break space before % and €)
        const shown = kr.shown
          .replace(/[ \u00a0\u202f]?([%€])/g, locale === 'fr_FR' ? '\u00a0$1' : ' $1')
          .replace(/ %/g, '%');
        if (kr.shown !== '' && !/TRUE|FALSE|VRAI|FAUX/.test(kr.shown))
          expect(await card.locator('.now-value').textContent()).toContain(shown.trim());
      }
    });

    test('the owner filter is visible and remembered across a reopening', async () => {
      let bar = sidebar(page);
      const pick = bar.locator('#owner-filter');
      expect(await pick.isVisible()).toBe(true);
      await pick.selectOption(c.owner);
      await idle(page);
      const shownObjectives = () =>
        bar
          .locator('section.card:not([hidden])')
          .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.objective));
      expect(await shownObjectives()).toEqual(['O2']);
      await page.locator('#sidebar button[aria-label="Close"]').click();
      await menu(page, c.menu);
      bar = sidebar(page);
      await bar.locator('#save-checkin').waitFor();
      expect(await bar.locator('#owner-filter').inputValue()).toBe(c.owner);
      expect(await shownObjectives()).toEqual(['O2']);
      await bar.locator('#owner-filter').selectOption('');
      await idle(page);
    });
  });
}
