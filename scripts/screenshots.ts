/**
 * `npm run screenshots`: the playground in Chromium at 1440 × 900, used as a new user would, in
 * English then French, from an empty workbook: insert a quarter, check in over three weeks, open a
 * KR's trend, run the health check (Go to row), walk the alignment tree, make the Dashboard, open
 * the review. The README's pictures are written to docs/ (docs/fr/ in French):
 *   quarter-sheet.png, checkin.png, review.png, alignment-tree.png, dashboard.png.
 * Every step is photographed under /tmp/shots/walk/<locale>/ too (not committed), to look at.
 *
 * Deterministic: the add-on's clock (the emulator's vm realms) and the page's are fixed to dates of
 * Q2 2026, moved forward between check-ins; the save status (a local path) and passing toasts are
 * left out of the pictures. A fresh workbook under .playground/screenshots/, removed after.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import type { Page } from 'playwright-core';
import { launchChromium } from '../playground/browser';
import { startPlayground } from '../playground/start';

process.env.TZ = 'UTC';
/** The add-on's "now": every vm realm the emulator makes reads it (see below). */
let now = Date.UTC(2026, 4, 4, 9); // Monday 4 May 2026, week 5 of Q2

// The emulator runs dist/Code.js in vm contexts, each with its own Date: give each a Date whose
// "now" is ours, so "today" is the same at every run (the emulator calls vm.createContext when it
// loads the bundle, after this).
const createContext = vm.createContext;
vm.createContext = ((sandbox?: vm.Context, options?: vm.CreateContextOptions) => {
  const context = createContext(sandbox ?? {}, options);
  context.__screenshotsNow = () => now;
  vm.runInContext(
    `(() => {
      const Real = Date;
      class FixedDate extends Real {
        constructor(...a) { if (a.length) super(...a); else super(__screenshotsNow()); }
        static now() { return __screenshotsNow(); }
      }
      globalThis.Date = FixedDate;
    })()`,
    context,
  );
  return context;
}) as typeof vm.createContext;

const root = join(import.meta.dirname, '..');
const work = join(root, '.playground/screenshots');
const walkRoot = '/tmp/shots/walk';

const LOCALES = [
  {
    locale: 'en_US',
    docs: join(root, 'docs'),
    insert: 'Insert a quarter…',
    checkIn: 'Check-in…',
    health: 'Health check',
    tree: 'Alignment tree',
    dashboard: 'Dashboard',
    review: 'Quarterly review…',
  },
  {
    locale: 'fr_FR',
    docs: join(root, 'docs/fr'),
    insert: 'Insérer un trimestre…',
    checkIn: 'Point de suivi…',
    health: 'Bilan de santé',
    tree: 'Arbre d’alignement',
    dashboard: 'Tableau de bord',
    review: 'Revue trimestrielle…',
  },
] as const;

/** The weekly updates: a day of the quarter and the values typed (KR id → value). */
const WEEKS: { day: number; values: Record<string, string> }[] = [
  { day: Date.UTC(2026, 4, 6, 10), values: { 'O2.1': '84000', 'O1.1': '2' } },
  { day: Date.UTC(2026, 4, 13, 10), values: { 'O2.1': '88000', 'O2.2': '13' } },
  { day: Date.UTC(2026, 4, 20, 10), values: { 'O2.1': '91500', 'O1.1': '3' } },
];
const TREND_KR = 'O2.1';

const browser = await launchChromium();
try {
  for (const L of LOCALES) {
    now = Date.UTC(2026, 4, 4, 9);
    const walk = join(walkRoot, L.locale);
    mkdirSync(walk, { recursive: true });
    mkdirSync(L.docs, { recursive: true });
    rmSync(work, { recursive: true, force: true });
    const pg = await startPlayground({
      file: join(work, 'workbook.json'),
      fresh: true,
      example: false,
      locale: L.locale,
      port: 0,
      log: (line) => console.error(`server: ${line}`),
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => console.error(`page: ${e.message}`));
    try {
      await userWalk(page, pg.url, L, walk);
    } finally {
      await page.close();
      await pg.close();
    }
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
console.log(
  'docs/{quarter-sheet,checkin,review,alignment-tree,dashboard}.png and docs/fr/… written; every step under /tmp/shots/walk/',
);

async function idle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.body.dataset.busy === '0' || document.body.dataset.busy === undefined,
  );
}

async function menu(page: Page, item: string): Promise<void> {
  await page.getByRole('menuitem', { name: 'Extensions' }).click();
  await page.getByRole('menuitem', { name: 'OKR & KPI for Google Sheets' }).click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
}

/** A picture of the whole window, without what changes from run to run (the file's path, toasts). */
async function shot(page: Page, path: string): Promise<void> {
  await idle(page);
  await page.evaluate(() => {
    for (const t of document.querySelectorAll('#toasts > *')) t.remove();
    const saved = document.querySelector('#save-status');
    if (saved) saved.textContent = '';
  });
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
}

async function closeSurfaces(page: Page): Promise<void> {
  for (const b of await page.locator('.surface-head button[aria-label="Close"]').all()) {
    if (await b.isVisible()) await b.click();
  }
  await idle(page);
}

async function at(page: Page, ms: number): Promise<void> {
  now = ms;
  await page.clock.setFixedTime(new Date(ms));
}

async function userWalk(page: Page, url: string, L: (typeof LOCALES)[number], walk: string): Promise<void> {
  await at(page, now);
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  await shot(page, join(walk, '01-empty.png'));

  // insert a quarter (this quarter, with the examples)
  await menu(page, L.insert);
  const dialog = page.frameLocator('.dialog iframe');
  await dialog.locator('#insert').waitFor();
  await shot(page, join(walk, '02-insert-dialog.png'));
  await dialog.locator('#insert').click();
  await page.locator('.dialog').waitFor({ state: 'detached', timeout: 30_000 });
  await idle(page);
  await shot(page, join(walk, '03-quarter-inserted.png'));

  // a weekly check-in, three weeks running
  const bar = page.frameLocator('#sidebar iframe');
  for (const [i, week] of WEEKS.entries()) {
    await at(page, week.day);
    await menu(page, L.checkIn);
    await bar.locator('#save-checkin').waitFor();
    await idle(page);
    for (const [kr, value] of Object.entries(week.values)) {
      await bar.locator(`#v-${kr.replace('.', '\\.')}`).fill(value);
    }
    await bar.locator('#save-checkin').click();
    await bar.locator('#checkin-status.ok').waitFor({ timeout: 30_000 });
    await idle(page);
    await shot(page, join(walk, `04-checkin-week${i + 1}.png`));
  }
  // the KR's trend, in the check-in sidebar
  const toggle = bar.locator(`#trend-${TREND_KR.replace('.', '_')}-toggle`);
  await toggle.click();
  await bar.locator(`svg[data-kr="${TREND_KR}"]`).waitFor();
  await bar.locator(`[data-kr="${TREND_KR}"]`).first().scrollIntoViewIfNeeded();
  await shot(page, join(walk, '05-trend.png'));
  await shot(page, join(L.docs, 'checkin.png'));
  await closeSurfaces(page);

  // the quarter sheet as a person opening it sees it
  await page.locator('#cell-A3').click();
  await shot(page, join(walk, '06-quarter-sheet.png'));
  await shot(page, join(L.docs, 'quarter-sheet.png'));

  // health check, then "Go to row" on its first finding that has one
  await menu(page, L.health);
  await bar.locator('#recheck').waitFor();
  await idle(page);
  await shot(page, join(walk, '07-health.png'));
  const go = bar.locator('button[id^="go-"]').first();
  if (await go.count()) {
    await go.click();
    await idle(page);
    await shot(page, join(walk, '08-health-go-to-row.png'));
  } else console.error(`${L.locale}: no finding with a "Go to row" button`);
  await closeSurfaces(page);

  // the alignment tree, then a click on an objective
  await menu(page, L.tree);
  const tree = page.frameLocator('.dialog iframe');
  await tree.locator('li.node').first().waitFor();
  await idle(page);
  await shot(page, join(walk, '09-tree.png'));
  await shot(page, join(L.docs, 'alignment-tree.png'));
  await tree.locator('li[data-id="O4"] button.go').first().click();
  await idle(page);
  await shot(page, join(walk, '10-tree-go.png'));
  await closeSurfaces(page);

  // the Dashboard sheet
  await menu(page, L.dashboard);
  await idle(page);
  await page.locator('svg.embedded-chart').first().waitFor();
  await shot(page, join(walk, '11-dashboard.png'));
  await shot(page, join(L.docs, 'dashboard.png'));

  // the quarterly review, with its weekly chart; then one objective's step
  await menu(page, L.review);
  await bar.locator('#start-review').waitFor();
  await bar.locator('#quarter-trend svg').first().waitFor();
  await idle(page);
  await shot(page, join(walk, '12-review.png'));
  await shot(page, join(L.docs, 'review.png'));
  await bar.locator('#start-review').click();
  await bar.locator('#went-well').waitFor();
  await shot(page, join(walk, '13-review-objective.png'));
}
