/**
 * The Dashboard sheet in the playground, in Chromium at 1440 × 900, in English and French: the menu
 * item makes it and shows it, its charts are drawn over the grid within the window's width, the
 * overall score's chart has one point per week of its data block, and running it again redraws
 * the same charts.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../playground/browser';
import { idle, noServerErrors, openPage, playground, tempDir } from './support';

type Pg = Awaited<ReturnType<typeof playground>>;

let browser: Browser;
const open: { pg: Pg; remove: () => void }[] = [];

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  for (const o of open) {
    await o.pg.close();
    o.remove();
  }
});

/** A fresh playground (the current quarter with its examples) and a page on it, 1440 × 900. */
async function start(locale: string): Promise<{ pg: Pg; page: Page }> {
  const tmp = tempDir();
  const pg = await playground({ file: tmp.file, fresh: true, locale });
  open.push({ pg, remove: tmp.remove });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => {
    throw e;
  });
  await openPage(page, pg.url);
  return { pg, page };
}

/** Extensions › OKR & KPI › Dashboard (exactly: "Insert a KPI dashboard…" is another item). */
async function dashboardItem(page: Page, name: string): Promise<void> {
  await page.getByRole('menuitem', { name: 'Extensions' }).click();
  await page.getByRole('menuitem', { name: 'OKR & KPI for Google Sheets' }).click();
  await page.getByRole('menuitem', { name, exact: true }).click();
  await idle(page);
}

/** What the page drew of each chart: title, box, its series' polylines (points) and axis labels. */
function drawn(page: Page) {
  return page.$$eval('svg.embedded-chart', (svgs) =>
    svgs.map((svg) => ({
      id: Number((svg as SVGElement).dataset.chartId),
      title: svg.querySelector('[data-role="title"]')?.textContent ?? '',
      box: svg.getBoundingClientRect().toJSON() as DOMRect,
      lines: [...svg.querySelectorAll('[data-role^="series-"]')]
        .filter((l) => l.tagName === 'polyline')
        .map((l) => ({
          series: (l as SVGElement).dataset.role,
          points: (l.getAttribute('points') ?? '').trim().split(/\s+/).length,
          dashed: l.hasAttribute('stroke-dasharray'),
        })),
      bars: [...svg.querySelectorAll('rect[data-role^="series-"]')].map((r) => r.getAttribute('fill')),
      legend: [...svg.querySelectorAll('[data-role="legend"]')].map((t) => t.textContent),
      axis: [...svg.querySelectorAll('[data-role="axis-label"]')].map((t) => t.textContent),
    })),
  );
}

/** The overall chart's data block as the server holds it: its weeks, and those with a score. */
function weeksOf(pg: Pg, sheet: string) {
  const [overall] = pg.session.wb.sheet(sheet).getCharts();
  const rows = overall!.getRanges()[0]!.getValues().slice(1);
  return { weeks: rows.length, scored: rows.filter((r) => r[1] !== '').length };
}

describe('the Dashboard in the playground, in Chromium', { timeout: 90_000 }, () => {
  test('English: its charts over the grid, the weekly line one point per week, redrawn in place', async () => {
    const { pg, page } = await start('en_US');
    await dashboardItem(page, 'Dashboard');
    await expect.poll(() => page.locator('#tabs [aria-selected="true"]').textContent()).toBe('Dashboard');
    const charts = await drawn(page);
    expect(charts.map((c) => c.title.split(':')[0])).toEqual([
      'Overall score by week',
      'Objectives',
      ...['O1', 'O2', 'O3', 'O4', 'O5'].map((id) => expect.stringMatching(new RegExp(`^${id} `))),
    ]);
    const { weeks, scored } = weeksOf(pg, 'Dashboard');
    expect(weeks).toBeGreaterThan(1);
    const [overall, objectives] = charts;
    // the expected pace has a value every week: one polyline, one point per week, dashed
    const pace = overall!.lines.filter((l) => l.series === 'series-1');
    expect(pace).toEqual([{ series: 'series-1', points: weeks, dashed: true }]);
    // the score: a point per week that has one (none before the first check-in)
    const score = overall!.lines.filter((l) => l.series === 'series-0');
    expect(score.reduce((n, l) => n + l.points, 0)).toBe(scored);
    expect(overall!.legend).toEqual(['Overall score', 'Expected pace']);
    expect(overall!.axis[0]).toBe('0%');
    expect(overall!.axis.at(-1)).toBe('100%');
    // a bar per objective, coloured by its grade
    expect(objectives!.bars).toHaveLength(5);
    expect(new Set(objectives!.bars).size).toBeGreaterThan(1);
    expect(objectives!.bars.every((f) => ['#34a853', '#fbbc04', '#ea4335'].includes(f!))).toBe(true);
    // the top two charts side by side, all of them within the window's width
    expect(overall!.box.y).toBeCloseTo(objectives!.box.y, 0);
    for (const c of charts) expect(c.box.x + c.box.width).toBeLessThanOrEqual(1440);
    // again: the same charts, not new ones
    await dashboardItem(page, 'Dashboard');
    expect((await drawn(page)).map((c) => c.id)).toEqual(charts.map((c) => c.id));
    noServerErrors(pg);
  });

  test('French: the titles, legends and axes in French, numbers the French way', async () => {
    const { pg, page } = await start('fr_FR');
    await dashboardItem(page, 'Tableau de bord');
    await expect
      .poll(() => page.locator('#tabs [aria-selected="true"]').textContent())
      .toBe('Tableau de bord');
    const [overall, objectives, o1] = await drawn(page);
    expect(overall!.title).toBe('Score global par semaine');
    expect(overall!.legend).toEqual(['Score global', 'Rythme attendu']);
    expect(overall!.axis.at(-1)).toBe('100\u00a0%');
    expect(objectives!.title).toBe('Objectifs\u00a0: score consolidé par note');
    expect(objectives!.legend).toEqual(['vert', 'jaune', 'rouge']);
    expect(o1!.title).toMatch(/^O1 .*\u00a0: résultats clés face à l’attendu$/);
    expect(o1!.legend.at(-1)).toBe('Droite attendue');
    const { weeks } = weeksOf(pg, 'Tableau de bord');
    expect(overall!.lines.find((l) => l.series === 'series-1')!.points).toBe(weeks);
    noServerErrors(pg);
  });
});
