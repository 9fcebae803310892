/**
 * The alignment tree dialog in Chromium, in English and French: levels, colours by grade, a broken
 * link and a cycle said on their rows, a title with markup shown as text, and a click that selects
 * the objective's row (read back through the emulator's active range).
 */
import { mkdirSync } from 'node:fs';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../playground/browser';
import { QUARTER } from '../../src/sheets/read';
import { columnLetter } from '../../src/sheets/template';
import { dialogFrame, idle, menu, openPage, playground, tempDir } from './support';

type Pg = Awaited<ReturnType<typeof playground>>;

const SHOTS = process.env.SCREENSHOTS_DIR ?? '/tmp/polish';
const EVIL = '<img src=x onerror="window.__pwned=1">Grow <b>fast</b>';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

/** Types objective rows below the example's, as a user would: a broken link, a cycle, markup in a title. */
function addRows(pg: Pg, sheet: string, lang: 'en' | 'fr', level: { team: string }) {
  const wb = pg.session.wb;
  const s = wb.sheet(sheet);
  // columns found by their headers, as the add-on finds them
  const head = s.getRange('2:2').getDisplayValues()[0]!;
  const colOf = (key: string) => {
    const i = head.indexOf(QUARTER.columns.find((c) => c.key === key)!.header[lang]);
    expect(i, key).toBeGreaterThanOrEqual(0);
    return columnLetter(i + 1);
  };
  const [id, group, title, lv, owner, parent] = [
    'objectiveId',
    'objective',
    'title',
    'level',
    'owner',
    'parent',
  ].map(colOf) as [string, string, string, string, string, string];
  const at = (row: number, col: string, text: string) => wb.edit(sheet, `${col}${row}`, text);
  // below the last row holding an objective or KR id (the computed columns spill to the sheet's end)
  const kr = colOf('krId');
  const objectiveIds = s.getRange(`${id}1:${id}200`).getValues();
  const krIds = s.getRange(`${kr}1:${kr}200`).getValues();
  let row = 1;
  objectiveIds.forEach((r, i) => {
    if (r[0] !== '' || krIds[i]![0] !== '') row = i + 2;
  });
  const rows: [string, string, string][] = [
    ['O6', 'O99', 'Open a shop in Lisbon'],
    ['O7', 'O8', EVIL],
    ['O8', 'O7', 'Hire a growth lead'],
  ];
  for (const [oid, pid, text] of rows) {
    at(row, id, oid);
    at(row, group, oid);
    at(row, title, text);
    at(row, lv, level.team);
    at(row, owner, 'Growth');
    at(row, parent, pid);
    row++;
  }
}

async function nodes(frame: FrameLocator) {
  return frame.locator('li.node').evaluateAll((lis) =>
    lis.map((li) => {
      const el = li as HTMLElement;
      return {
        id: el.dataset.id!,
        depth: Number(el.dataset.depth),
        level: el.dataset.level!,
        grade: ['green', 'yellow', 'red', 'none'].find((g) => el.classList.contains(g))!,
        border: getComputedStyle(el).borderLeftColor,
        mark: el.querySelector('.mark')?.textContent ?? '',
        name: el.querySelector('.name')?.textContent ?? '',
      };
    }),
  );
}

for (const lang of ['en', 'fr'] as const) {
  const L =
    lang === 'en'
      ? {
          locale: 'en_US',
          menu: 'Alignment tree',
          team: 'team',
          broken: 'Broken link: its parent O99 is not in this quarter.',
          cycle: 'Cycle: O7 → O8 → O7. Its parents lead back to it: fix one parent ID.',
          selected: (row: number, sheet: string) => `O4 selected: row ${row} of "${sheet}".`,
          levels: /^Company 1 → Department 2 → Team 5 — 1 broken link · 1 cycle$/,
          pct: '54%',
        }
      : {
          locale: 'fr_FR',
          menu: 'Arbre d’alignement',
          team: 'équipe',
          broken: 'Lien rompu\u00a0: son parent O99 n’est pas dans ce trimestre.',
          cycle: 'Cycle\u00a0: O7 → O8 → O7. Ses parents ramènent à lui\u00a0: corrigez un ID parent.',
          selected: (row: number, sheet: string) =>
            `O4 sélectionné\u00a0: ligne ${row} de «\u00a0${sheet}\u00a0».`,
          levels: /^Entreprise 1 → Département 2 → Équipe 5 — 1 lien rompu · 1 cycle$/,
          pct: '54\u00a0%',
        };

  describe(`alignment tree (${lang})`, { timeout: 120_000 }, () => {
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

    test('levels, grades, a broken link, a cycle, markup as text; a click selects the row', async () => {
      const quarter = pg.session.wb.spreadsheet
        .getSheets()
        .map((s) => s.getName())
        .find((n) => /^OKR [QT]\d \d{4}$/.test(n))!;
      addRows(pg, quarter, lang, L);
      await page.getByRole('tab', { name: quarter, exact: true }).click();
      await idle(page);
      await menu(page, L.menu);
      const frame = dialogFrame(page);
      await frame.locator('li.node').first().waitFor();
      // the dialog's title bar names it; the page does not say it again
      expect(await page.locator('.dialog .surface-title').textContent()).toBe(L.menu);
      expect(await frame.locator('h1').count()).toBe(0);

      const shown = await nodes(frame);
      expect(shown.map((n) => `${n.id}@${n.depth}`)).toEqual([
        'O1@0',
        'O2@1',
        'O4@2',
        'O3@1',
        'O5@2',
        'O6@0',
        'O7@0',
        'O8@1',
      ]);
      expect(shown.map((n) => n.level)).toEqual([
        'company',
        'department',
        'team',
        'department',
        'team',
        'team',
        'team',
        'team',
      ]);
      // coloured by grade: O1 54 % yellow, O3 36 % red, O7 in a cycle has no rolled-up score
      const by = Object.fromEntries(shown.map((n) => [n.id, n]));
      expect(by.O1!.grade).toBe('yellow');
      expect(by.O1!.border).toBe('rgb(251, 188, 4)');
      expect(by.O3!.grade).toBe('red');
      expect(by.O3!.border).toBe('rgb(234, 67, 53)');
      expect(by.O7!.grade).toBe('none');
      expect(await frame.locator('li[data-id="O1"] .score strong').textContent()).toBe(L.pct);
      expect(by.O6!.mark).toBe(L.broken);
      expect(by.O7!.mark).toBe(L.cycle);
      expect(by.O8!.mark).toMatch(/O8 → O7 → O8/);
      expect(by.O2!.mark).toBe('');
      expect((await frame.locator('.levels').textContent())!.trim()).toMatch(L.levels);
      // markup in a title is text: no element made, no script run
      expect(by.O7!.name).toBe(`O7 ${EVIL}`);
      expect(await frame.locator('li.node img, li.node b').count()).toBe(0);
      expect(await frame.locator('body').evaluate(() => (window as { __pwned?: number }).__pwned)).toBe(
        undefined,
      );

      await page.screenshot({ path: `${SHOTS}/tree-${lang}.png` });

      // a click selects the objective's row: the emulator's active range is that whole row
      const o4Row = pg.session.wb
        .sheet(quarter)
        .getRange('A:A')
        .getValues()
        .findIndex((r) => r[0] === 'O4');
      await frame.locator('li[data-id="O4"] button.go').click();
      await expect.poll(() => frame.locator('#status').textContent()).toBe(L.selected(o4Row + 1, quarter));
      const ss = pg.session.wb.spreadsheet;
      expect(ss.getActiveSheet().getName()).toBe(quarter);
      const active = ss.getActiveRange();
      expect([active.getRow(), active.getNumRows(), active.getColumn(), active.getNumColumns()]).toEqual([
        o4Row + 1,
        1,
        1,
        ss.getActiveSheet().getMaxColumns(),
      ]);
      // the dialog is modeless: still open beside the sheet
      expect(await page.locator('.dialog.modeless').count()).toBe(1);
      await page.screenshot({ path: `${SHOTS}/tree-${lang}-selected.png` });
    });
  });
}

mkdirSync(SHOTS, { recursive: true });
