/**
 * The playground in Chromium, as a user drives it: the add-on's menu, its real dialog and sidebar
 * pages (their google.script.run carried to the bundle on the emulator), the grid recomputing, the
 * workbook surviving a restart, and the server refusing what it should without falling over.
 */
import { request } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../playground/browser';
import {
  cell,
  cellOf,
  dialogFrame,
  gridText,
  idle,
  menu,
  noServerErrors,
  openPage,
  playground,
  sidebar,
  tempDir,
} from './support';

/** fetch won't send another Host header: a raw request does. */
function statusWithHost(port: number, host: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: '/api/state', headers: { Host: host } }, (res) => {
      res.resume();
      resolve(res.statusCode);
    })
      .on('error', reject)
      .end();
  });
}

type Pg = Awaited<ReturnType<typeof playground>>;

const tmp = tempDir();
let browser: Browser;
let page: Page;
let pg: Pg;
/** The example quarter (today's), the quarter the test inserts from the menu, and the one its review opens. */
let exampleSheet = '';
let quarterSheet = '';
let nextSheet = '';

const tabNames = () => page.$$eval('#tabs [role="tab"]', (tabs) => tabs.map((t) => t.textContent ?? ''));
const activeTab = () => page.textContent('#tabs [aria-selected="true"]');

async function showTab(name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect.poll(activeTab).toBe(name);
  await idle(page);
}

/** Types into a cell as a user does: select, Enter, replace the text, Enter. */
async function typeInto(a1: string, text: string): Promise<void> {
  await cell(page, a1).dblclick();
  const editor = page.locator('.cell-editor');
  await editor.fill(text);
  await editor.press('Enter');
}

beforeAll(async () => {
  browser = await launchChromium();
  pg = await playground({ file: tmp.file, fresh: true });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => {
    throw e;
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await pg?.close();
  tmp.remove();
});

describe('the playground, in Chromium', { timeout: 60_000 }, () => {
  test('opens on an example quarter, with its tabs, tab colours, frozen headers and the add-on menu', async () => {
    const ms = await openPage(page, pg.url);
    console.log(`playground page: grid drawn ${ms} ms after navigation`);
    const tabs = await tabNames();
    expect(tabs).toEqual(expect.arrayContaining(['Check-ins', 'Reviews', 'Alignment', 'KPI dashboard']));
    const example = tabs.find((t) => /^OKR Q\d \d{4}$/.test(t));
    expect(example).toBeDefined();
    exampleSheet = example!;
    expect(await activeTab()).toBe(example);
    expect(await page.locator('#tabs [aria-selected="true"] .swatch').count()).toBe(1);
    const text = (await gridText(page)).flat();
    expect(text).toContain('Increase our presence on the global market');
    expect(await page.locator('thead th').nth(1).textContent()).toBe('A');
    // the two header rows stick under the column letters
    expect(
      await page
        .locator('tbody tr:nth-child(2) td')
        .first()
        .evaluate((td) => getComputedStyle(td).position),
    ).toBe('sticky');
    await page.getByRole('menuitem', { name: 'Extensions' }).click();
    await page.getByRole('menuitem', { name: 'OKR & KPI for Google Sheets' }).hover();
    await expect.poll(() => page.getByRole('menuitem', { name: 'Check-in…' }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.locator('.menu').count()).toBe(0);
  });

  test('inserts a quarter from the menu: the real dialog, clicked through, closes and the new sheet shows', async () => {
    await menu(page, 'Insert a quarter…');
    const dialog = dialogFrame(page);
    const quarter = dialog.locator('#quarter');
    await quarter.selectOption({ index: 1 }); // the example took this quarter; the next one is free
    const label = await quarter.inputValue();
    quarterSheet = `OKR ${label}`;
    // the success line shows for 900 ms before the dialog closes, and the playground's server runs in
    // this process (busy while it saves and redraws): the page itself reports each status it shows
    const seen: string[] = [];
    await page.exposeFunction('__statusShown', (text: string) => seen.push(text));
    await dialog.locator('#status').evaluate((line) => {
      const report = (window as unknown as { __statusShown: (t: string) => void }).__statusShown;
      new MutationObserver(() => report(line.textContent ?? '')).observe(line, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    await dialog.locator('#insert').click();
    await page.waitForSelector('.dialog', { state: 'detached', timeout: 30_000 }); // google.script.host.close()
    expect(seen).toContain(`Inserted "${quarterSheet}".`);
    await expect.poll(activeTab).toBe(quarterSheet);
    expect((await gridText(page)).flat()).toContain('Expand operations into three new countries');
  });

  test('an edited current value recomputes the KR score and its colour', async () => {
    const current = await cellOf(page, 'Current', 'KR ID', 'O1.1');
    const score = await cellOf(page, 'KR score', 'KR ID', 'O1.1');
    const before = {
      text: await cell(page, score).textContent(),
      bg: await cell(page, score).evaluate((td) => getComputedStyle(td).backgroundColor),
    };
    // the next quarter has not started: the example's key results have no check-in, no value yet
    expect(before.text).toBe('');
    await typeInto(current, '3');
    await idle(page);
    await expect.poll(() => cell(page, score).textContent()).toBe('100%');
    const bg = await cell(page, score).evaluate((td) => getComputedStyle(td).backgroundColor);
    expect(bg).not.toBe(before.bg);
    expect(await cell(page, current).textContent()).toBe('3');
    // a formula typed in a cell computes too
    const note = await cellOf(page, 'Unit', 'KR ID', 'O1.1');
    await typeInto(note, '=2+3');
    await expect.poll(() => cell(page, note).textContent()).toBe('5');
    await typeInto(note, 'countries');
    await expect.poll(() => cell(page, note).textContent()).toBe('countries');
  });

  test('a protected formula column asks first, as Sheets does; Cancel leaves it alone', async () => {
    const score = await cellOf(page, 'KR score', 'KR ID', 'O1.2');
    const before = await cell(page, score).textContent();
    await typeInto(score, '0.1');
    const warning = page.getByRole('alertdialog');
    await expect.poll(() => warning.isVisible()).toBe(true);
    expect(await warning.textContent()).toContain("shouldn't be changed accidentally");
    await warning.getByRole('button', { name: 'Cancel' }).click();
    await idle(page);
    expect(await cell(page, score).textContent()).toBe(before);
  });

  test('a quarter not started yet takes no check-in; the picker opens today’s quarter', async () => {
    await menu(page, 'Check-in…');
    const bar = sidebar(page);
    await expect
      .poll(() => bar.locator('#opens-on').textContent())
      .toMatch(/starts on \d{4}-\d{2}-01: its check-ins open then/);
    expect(await bar.locator('#save-checkin').isDisabled()).toBe(true);
    await bar.locator('#quarter-sheet').selectOption(exampleSheet);
    await expect.poll(() => bar.locator('#opens-on').count()).toBe(0);
    expect(await bar.locator('#save-checkin').isDisabled()).toBe(false);
  });

  test('a check-in from the sidebar updates the current value and logs a row', async () => {
    await showTab(exampleSheet);
    await menu(page, 'Check-in…');
    const bar = sidebar(page);
    await bar.locator('#v-O1\\.2').fill('123');
    await bar.locator('#t-O1\\.2').click(); // confidence and comment are folded behind ⋯
    await bar.locator('#c-O1\\.2').fill('80');
    await bar.locator('#m-O1\\.2').fill('Two distributors signed');
    await bar.locator('#save-checkin').click();
    await expect.poll(() => bar.locator('#checkin-status').textContent()).toBe('Saved 1 check-in.');
    await idle(page);
    const current = await cellOf(page, 'Current', 'KR ID', 'O1.2');
    expect(await cell(page, current).textContent()).toBe('123');
    await showTab('Check-ins');
    const logged = (await gridText(page)).find((r) => r.includes('Two distributors signed'));
    expect(logged).toBeDefined();
    expect(logged).toContain('O1.2');
    expect(logged).toContain('123');
    await showTab(exampleSheet);
  });

  test('a done milestone is checked in once: the next check-in does not send it again', async () => {
    await menu(page, 'Check-in…');
    const bar = sidebar(page);
    await bar.locator('#v-O5\\.3').check();
    await bar.locator('#save-checkin').click();
    await expect.poll(() => bar.locator('#checkin-status').textContent()).toBe('Saved 1 check-in.');
    // the sidebar reloads with O5.3 done; checking in another KR sends that KR only
    await expect.poll(() => bar.locator('#v-O5\\.3').isChecked()).toBe(true);
    await bar.locator('#v-O1\\.1').fill('3');
    await bar.locator('#save-checkin').click();
    await expect.poll(() => bar.locator('#checkin-status').textContent()).toBe('Saved 1 check-in.');
    await idle(page);
    await showTab(quarterSheet);
  });

  test('adds a key result from the menu (under the selected row’s objective) and from the sidebar', async () => {
    await showTab(exampleSheet);
    await cell(page, await cellOf(page, 'Title', 'KR ID', 'O3.1')).click();
    await menu(page, 'Add a key result');
    await idle(page);
    const added = await cellOf(page, 'Objective', 'KR ID', 'O3.3');
    expect(await cell(page, added).textContent()).toBe('O3');
    await menu(page, 'Check-in…');
    const bar = sidebar(page);
    await bar.locator('#add-kr').click();
    await bar.locator('#kr-objective').selectOption('O2');
    await bar.locator('#kr-title').fill('Sign 30 partners');
    await bar.locator('#kr-start').fill('10');
    await bar.locator('#kr-target').fill('30');
    await bar.locator('#kr-add').click();
    await expect.poll(() => bar.locator('[data-kr="O2.4"]').count()).toBe(1);
    await bar.locator('#v-O2\\.4').fill('20');
    await bar.locator('#save-checkin').click();
    await expect.poll(() => bar.locator('#checkin-status').textContent()).toBe('Saved 1 check-in.');
    await idle(page);
    expect(await cell(page, await cellOf(page, 'KR score', 'KR ID', 'O2.4')).textContent()).toBe('50%');
    await showTab(quarterSheet);
  });

  test('a full quarterly review from the sidebar: history rows, the quarter protected, the next quarter opened', async () => {
    await menu(page, 'Quarterly review…');
    const bar = sidebar(page);
    await bar.locator('#start-review').click();
    const grades = ['green', 'yellow', 'red'];
    const decisions = ['carry_over', 'close', 'drop'];
    // each step: wait for the objective's own page (not the last one's, still there a moment), fill it in, go on
    for (let step = 0; step < 5; step++) {
      await expect
        .poll(() => bar.locator('p.muted').first().textContent())
        .toBe(`Objective ${step + 1} of 5`);
      await bar.locator('#grade').selectOption(grades[step % 3]!);
      await bar.locator('#went-well').fill(`Went well ${step + 1}`);
      await bar.locator('#to-improve').fill(`To improve ${step + 1}`);
      await bar.locator(`input[name="decision"][value="${decisions[step % 3]}"]`).check();
      await bar.locator('#next').click();
    }
    await expect.poll(() => bar.locator('#finish').isVisible()).toBe(true);
    expect(await bar.locator('#recap li').count()).toBe(5);
    await bar.locator('#finish').click();
    // Finish can't be undone: it says what it will write, warns that the quarter isn't over, and asks first
    await expect
      .poll(() => bar.locator('#confirm').textContent())
      .toMatch(
        /^This quarter ends on \d{4}-\d{2}-\d{2}: finishing now closes it early\.Finishing appends 5 rows/,
      );
    await bar.locator('#confirm-finish').click();
    await expect
      .poll(() => bar.locator('#finish-status').textContent(), { timeout: 15_000 })
      .toMatch(/^Review recorded \(5 objectives\)/);
    nextSheet = /Next quarter: "([^"]+)"/.exec(
      (await bar.locator('#finish-status').textContent()) ?? '',
    )![1]!;
    // the finished review is read-only: no Back, no Finish
    expect(await bar.locator('#back').count()).toBe(0);
    expect(await bar.locator('#finish').count()).toBe(0);
    await idle(page);
    expect(await tabNames()).toContain(nextSheet);

    await showTab('Reviews');
    const rows = await gridText(page);
    for (let i = 1; i <= 5; i++) expect(rows.some((r) => r.includes(`Went well ${i}`))).toBe(true);

    // the reviewed quarter is protected (warning only): an edit asks first
    await showTab(quarterSheet);
    const title = await cellOf(page, 'Title', 'KR ID', 'O1.1');
    await typeInto(title, 'Changed after the review');
    const warning = page.getByRole('alertdialog');
    await expect.poll(() => warning.isVisible()).toBe(true);
    await warning.getByRole('button', { name: 'Cancel' }).click();
    await idle(page);

    await showTab(nextSheet);
    expect((await gridText(page)).flat()).toContain('Increase our presence on the global market'); // carried over

    // reopening on purpose, from the menu: the review says what it does and asks first
    await showTab(quarterSheet);
    await menu(page, 'Reopen the quarter…');
    await bar.locator('#reopen').click();
    await expect
      .poll(() => bar.locator('#reopen-confirm').textContent())
      .toMatch(/^Reopen "OKR .*"\? Its closing is lifted/);
    await bar.locator('#confirm-reopen').click();
    await expect.poll(() => bar.locator('#panel').textContent()).toContain('is open again.');
    await idle(page);
    await showTab('Reviews');
    expect((await gridText(page)).some((r) => r.some((c) => c.startsWith('Quarter reopened')))).toBe(true);
    noServerErrors(pg);
  });

  test('after a restart on the same file, everything is still there', async () => {
    await pg.close();
    pg = await playground({ file: tmp.file });
    expect(pg.session.created).toBe(false);
    await openPage(page, pg.url);
    expect(await tabNames()).toEqual(
      expect.arrayContaining([quarterSheet, nextSheet, 'Check-ins', 'Reviews']),
    );
    await showTab(quarterSheet);
    const current = await cellOf(page, 'Current', 'KR ID', 'O1.1');
    expect(await cell(page, current).textContent()).toBe('3');
    const score = await cellOf(page, 'KR score', 'KR ID', 'O1.1');
    expect(await cell(page, score).textContent()).toBe('100%');
    await showTab('Check-ins');
    expect((await gridText(page)).some((r) => r.includes('Two distributors signed'))).toBe(true);
    await showTab('Reviews');
    expect((await gridText(page)).some((r) => r.includes('Went well 5'))).toBe(true);
  });

  test('the server answers 404, 400, 413 and 415 with a JSON message, and keeps serving', async () => {
    const post = (path: string, body: string, type = 'application/json') =>
      fetch(new URL(path, pg.url), { method: 'POST', headers: { 'Content-Type': type }, body });
    const answers = [
      [await post('/api/run', JSON.stringify({ name: 'eval', args: [] })), 404, /No endpoint "eval"/],
      [await post('/api/run', JSON.stringify({ name: 'onOpen', args: [] })), 404, /No endpoint "onOpen"/],
      [
        await post('/api/menu', JSON.stringify({ name: 'insertQuarter' })),
        404,
        /No menu item calls "insertQuarter"/,
      ],
      [await post('/api/run', '{"name": '), 400, /Bad JSON/],
      [await post('/api/run', '[]'), 400, /Bad request/],
      [await post('/api/run', 'x'.repeat(1024 * 1024 + 1)), 413, /at most 1 MB/],
      [await post('/api/run', '{}', 'text/plain'), 415, /Send JSON/],
      [await post('/api/nowhere', '{}'), 404, /No route/],
      [
        await post('/api/run', JSON.stringify({ name: 'checkIn', args: [{ nonsense: true }] })),
        422,
        /Request refused/,
      ],
      [
        await post('/api/edit', JSON.stringify({ sheet: 'Nope', a1: 'A1', text: '1' })),
        404,
        /No sheet named/,
      ],
      [await post('/api/edit', JSON.stringify({ sheet: 'Reviews', a1: 'A0', text: '1' })), 400, /Not a cell/],
      [await fetch(new URL('/surface/00000000-0000-0000-0000-000000000000', pg.url)), 404, /gone/],
    ] as const;
    for (const [res, status, message] of answers) {
      expect(res.status, `${res.url} ${message}`).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(((await res.json()) as { error: string }).error).toMatch(message);
    }
    // a page elsewhere can't use the API (DNS rebinding, cross-site requests)
    expect(await statusWithHost(pg.port, 'evil.example')).toBe(403);
    const crossSite = await fetch(new URL('/api/run', pg.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: JSON.stringify({ name: 'getInsertOptions', args: [] }),
    });
    expect(crossSite.status).toBe(403);

    const ok = await fetch(new URL('/api/state', pg.url));
    expect(ok.status).toBe(200);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect((await tabNames()).length).toBeGreaterThan(5);
    noServerErrors(pg);
  });
});
