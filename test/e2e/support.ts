import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { type Playground, type PlaygroundOptions, startPlayground } from '../../playground/start';
import { bundleCode } from '../support/bundle';

/** A temp directory for a test file's workbook, removed by the returned function. */
export function tempDir(): { dir: string; file: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'okr-playground-'));
  return {
    dir,
    file: join(dir, 'workbook.json'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The playground in this process, on a free port; its server errors fail the test that caused them. */
export async function playground(
  options: Omit<PlaygroundOptions, 'port'>,
): Promise<Playground & { errors: string[] }> {
  bundleCode();
  const errors: string[] = [];
  const pg = await startPlayground({ ...options, port: 0, log: (line) => errors.push(line) });
  return Object.assign(pg, { errors });
}

/** Opens the page and waits for its first grid; returns how long that took (ms from navigation). */
export async function openPage(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  return Number(await page.getAttribute('body', 'data-ready-ms'));
}

/** Waits until the page has no request under way (each action refreshes the grid after it). */
export async function idle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.body.dataset.busy === '0' || document.body.dataset.busy === undefined,
  );
}

/** Extensions › OKR & KPI › item. */
export async function menu(page: Page, item: string): Promise<void> {
  await page.getByRole('menuitem', { name: 'Extensions' }).click();
  await page.getByRole('menuitem', { name: 'OKR & KPI for Google Sheets' }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

export function sidebar(page: Page): FrameLocator {
  return page.frameLocator('#sidebar iframe');
}

export function dialogFrame(page: Page): FrameLocator {
  return page.frameLocator('.dialog iframe');
}

/** The sidebar's Frame (for evaluate), once loaded. */
export async function sidebarFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('#sidebar iframe');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no sidebar frame');
  return frame;
}

/** The grid's cells as text, row by row (sheet coordinates: [0] is row 1; hidden columns are absent). */
export async function gridText(page: Page): Promise<string[][]> {
  return page.$$eval('table.sheet tbody tr', (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
  );
}

/** A1 of the cell in the column headed `header` (in row `headerRow`) on the row whose column `keyHeader` is `key`. */
export async function cellOf(page: Page, header: string, keyHeader: string, key: string, headerRow = 2) {
  return page.evaluate(
    ([header, keyHeader, key, headerRow]) => {
      const rows = [...document.querySelectorAll('table.sheet tbody tr')];
      const heads = [...rows[Number(headerRow) - 1]!.querySelectorAll('td')];
      const col = heads.findIndex((td) => td.textContent === header);
      const keyCol = heads.findIndex((td) => td.textContent === keyHeader);
      if (col < 0 || keyCol < 0) throw new Error(`no column ${header} or ${keyHeader}`);
      const row = rows.find((tr) => tr.querySelectorAll('td')[keyCol]?.textContent === key);
      if (!row) throw new Error(`no row with ${keyHeader} = ${key}`);
      return (row.querySelectorAll('td')[col] as HTMLElement).dataset.a1!;
    },
    [header, keyHeader, key, String(headerRow)] as const,
  );
}

export function cell(page: Page, a1: string) {
  return page.locator(`#cell-${a1}`);
}

/** Fails the test with the server's logged errors, if any. */
export function noServerErrors(pg: { errors: string[] }): void {
  expect(pg.errors).toEqual([]);
}
