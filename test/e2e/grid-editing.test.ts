/**
 * The playground's grid as a person edits it, in Chromium: copy and paste (Ctrl+C, Ctrl+V, and
 * Ctrl+Shift+V for values only, through the emulator's copy-paste), undo of the last edit (Ctrl+Z),
 * and a row header's menu (right-click: Insert row above, Insert row below, Delete row) — each a
 * request to the playground's server. Then what issue 13 saw: a KR row copied below blocks the
 * computed columns (#REF! with Sheets' note), and Ctrl+Z brings them back.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../playground/browser';
import { cell, cellOf, gridText, idle, noServerErrors, openPage, playground, tempDir } from './support';

type Pg = Awaited<ReturnType<typeof playground>>;

const tmp = tempDir();
let browser: Browser;
let page: Page;
let pg: Pg;

const activeTab = () => page.textContent('#tabs [aria-selected="true"]');

async function showTab(name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect.poll(activeTab).toBe(name);
  await idle(page);
}

/** Presses keys on the grid and waits for the server's answer to be drawn. */
async function keys(...combos: string[]): Promise<void> {
  for (const k of combos) await page.keyboard.press(k);
  await idle(page);
}

/** A confirmation Sheets asks for (a warning-only protected range), answered yes, if it comes. */
async function confirmIfAsked(): Promise<void> {
  // the page stays busy while it asks: wait for the question or for the end of the request
  await page.waitForFunction(
    () =>
      document.body.dataset.busy === '0' || document.querySelector('.dialog[role="alertdialog"]') !== null,
  );
  const dialog = page.locator('.dialog[role="alertdialog"]');
  if (await dialog.count()) {
    await dialog.getByRole('button').last().click();
    await idle(page);
  }
}

async function rowMenu(row: number, item: string): Promise<void> {
  await page.locator(`tbody th[data-row="${row}"]`).click({ button: 'right' });
  const menu = page.getByRole('menu', { name: `Row ${row}` });
  await expect.poll(() => menu.isVisible()).toBe(true);
  await menu.getByRole('menuitem', { name: item }).click();
  await confirmIfAsked();
  await idle(page);
}

const text = (a1: string) => cell(page, a1).textContent();

beforeAll(async () => {
  browser = await launchChromium();
  pg = await playground({ file: tmp.file, fresh: true });
  const scratch = pg.session.wb.spreadsheet.insertSheet('Scratch');
  scratch.getRange('A1:B1').setValues([[2, '=A1*10']]);
  scratch.getRange('A2').setValue('=B1+1');
  pg.session.save();
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

describe('editing the grid, in Chromium', { timeout: 60_000 }, () => {
  test('Ctrl+C, Ctrl+V: a range pasted with its formulas moved; Ctrl+Shift+V pastes values only', async () => {
    await showTab('Scratch');
    await cell(page, 'A1').click();
    await cell(page, 'B1').click({ modifiers: ['Shift'] });
    expect(await page.inputValue('#name-box')).toBe('A1:B1');
    await keys('Control+c');
    expect(await page.locator('td.copied').count()).toBe(2);
    await cell(page, 'A4').click();
    await keys('Control+v');
    await expect.poll(() => text('B4')).toBe('20');
    await cell(page, 'B4').click();
    expect(await page.inputValue('#formula')).toBe('=A4*10');
    // values only: the number, no formula
    await cell(page, 'A6').click();
    await keys('Control+Shift+v');
    await expect.poll(() => text('B6')).toBe('20');
    await cell(page, 'B6').click();
    expect(await page.inputValue('#formula')).toBe('20');
    // Escape forgets what was copied
    await keys('Escape');
    expect(await page.locator('td.copied').count()).toBe(0);
    noServerErrors(pg);
  });

  test('Ctrl+Z undoes the last edit; a second Ctrl+Z has nothing left to undo', async () => {
    await cell(page, 'A6').click();
    await keys('Delete');
    await expect.poll(() => text('A6')).toBe('');
    await keys('Control+z');
    await expect.poll(() => text('A6')).toBe('2');
    await keys('Control+z');
    await expect.poll(() => page.locator('.toast').last().textContent()).toContain('Nothing to undo.');
    expect(await text('A6')).toBe('2');
  });

  test('a row header’s menu inserts a row above or below, and deletes one; formulas follow', async () => {
    await rowMenu(1, 'Insert row above');
    await expect.poll(() => text('A2')).toBe('2');
    expect(await text('A1')).toBe('');
    await cell(page, 'A3').click();
    expect(await page.inputValue('#formula')).toBe('=B2+1');
    await rowMenu(2, 'Insert row below');
    await expect.poll(() => text('A4')).toBe('21');
    expect(await text('A3')).toBe('');
    await rowMenu(3, 'Delete row');
    await expect.poll(() => text('A3')).toBe('21');
    await rowMenu(1, 'Delete row');
    await expect.poll(() => text('A1')).toBe('2');
    await cell(page, 'A2').click();
    expect(await page.inputValue('#formula')).toBe('=B1+1');
    // and undone
    await keys('Control+z');
    await expect.poll(() => text('A2')).toBe('2');
    noServerErrors(pg);
  });

  test('a KR row copied into a new row below blocks the computed columns (#REF! and its note); Ctrl+Z mends it', async () => {
    const quarter = (
      await page.$$eval('#tabs [role="tab"]', (tabs) => tabs.map((t) => t.textContent ?? ''))
    ).find((t) => /^OKR Q\d \d{4}$/.test(t))!;
    await showTab(quarter);
    const idCell = await cellOf(page, 'KR ID', 'KR ID', 'O1.1');
    const row = Number(idCell.replace(/^[A-Z]+/, ''));
    const scoreCol = (await cellOf(page, 'KR score', 'KR ID', 'O1.1')).replace(/\d+$/, '');
    const header = `${scoreCol}2`;
    expect(await text(header)).toBe('KR score');
    await rowMenu(row, 'Insert row below');
    // a blank row (a dropdown's arrow aside: the row takes the KR row's validations)
    const blank = async () => (await gridText(page))[row]!.every((t) => t === '' || t === '▼');
    await expect.poll(blank).toBe(true);
    await page.locator(`tbody th[data-row="${row}"]`).click();
    expect(await page.inputValue('#name-box')).toBe(`${row}:${row}`);
    await keys('Control+c');
    await page.locator(`tbody th[data-row="${row + 1}"]`).click();
    await page.keyboard.press('Control+v');
    await confirmIfAsked();
    await expect.poll(() => text(header)).toBe('#REF!');
    // the error first, then the header's own note
    expect(await cell(page, header).getAttribute('title')).toMatch(
      new RegExp(
        `^Array result was not expanded because it would overwrite data in ${scoreCol}${row + 1}\\.`,
      ),
    );
    await keys('Control+z');
    await expect.poll(() => text(header)).toBe('KR score');
    expect(await blank()).toBe(true);
    noServerErrors(pg);
  });
});
