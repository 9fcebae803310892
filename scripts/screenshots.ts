/**
 * `npm run screenshots`: the playground in Chromium, photographed for the README —
 * docs/playground.png (an example quarter, the review sidebar open) and docs/review-sidebar.png
 * (one objective's step of the review). A fresh workbook under .playground/screenshots/, removed after.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../playground/browser';
import { startPlayground } from '../playground/start';

const root = join(import.meta.dirname, '..');
const dir = join(root, '.playground/screenshots');
const pg = await startPlayground({ file: join(dir, 'workbook.json'), fresh: true, port: 0 });
const browser = await launchChromium();
try {
  // wide enough for the KR titles through the KR scores beside the 300 px sidebar
  const page = await browser.newPage({ viewport: { width: 1840, height: 920 } });
  await page.goto(pg.url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.getByRole('menuitem', { name: 'Extensions' }).click();
  await page.getByRole('menuitem', { name: 'OKR & KPI for Google Sheets' }).click();
  await page.getByRole('menuitem', { name: 'Quarterly review…' }).click();
  const bar = page.frameLocator('#sidebar iframe');
  await bar.locator('#start-review').waitFor();
  await page.waitForFunction(() => document.body.dataset.busy === '0');
  // the KR title column first, so that the scores, grades and statuses are in the picture
  await page.locator('#grid').evaluate((grid) => {
    const title = grid.querySelector<HTMLElement>('thead th[data-col="4"]');
    if (title) grid.scrollLeft = title.offsetLeft - 46;
  });
  await page.locator('#cell-D4').click();
  await page.screenshot({ path: join(root, 'docs/playground.png') });

  await bar.locator('#start-review').click();
  await bar.locator('#went-well').fill('Two new countries live, ahead of plan.');
  await bar.locator('#to-improve').fill('Revenue forecast was too optimistic: check in every two weeks.');
  const box = (await page.locator('#sidebar').boundingBox())!;
  await page.screenshot({
    path: join(root, 'docs/review-sidebar.png'),
    clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 600) },
  });
  console.log('docs/playground.png, docs/review-sidebar.png written');
} finally {
  await browser.close();
  await pg.close();
  rmSync(dir, { recursive: true, force: true });
}
