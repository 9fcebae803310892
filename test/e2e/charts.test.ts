/**
 * The sidebars' charts in Chromium, in English and French: a KR's Trend in the check-in (one dot
 * per check-in, the expected line, the forecast the sheet's Forecast column shows), a check-in
 * saved from the sidebar appearing as the last dot, and the review's overall score week by week
 * ending on the sheet's overall score. Geometry is checked against the data: the dots' count, and
 * the last dot's position for its date and value.
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../playground/browser';
import { parseQuarterLabel } from '../../src/core/quarter';
import { BOX } from '../../src/ui/lib/chart';
import { idle, menu, openPage, playground, sidebar, tempDir } from './support';

type Pg = Awaited<ReturnType<typeof playground>>;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

const DAY = 86_400_000;
const iso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

const cases = {
  en_US: {
    checkIn: 'Check-in…',
    review: 'Quarterly review…',
    log: 'Check-ins',
    overall: 'Overall score',
    forecastHeader: 'Forecast',
    trend: 'Trend',
    checkIns: (n: number) => `${n} check-ins`,
    expected: 'Expected: start → target',
    forecast: (p: number) => `Forecast: ${p}% at quarter end`,
    weekly: 'Overall score, week by week',
    typed: '16',
  },
  fr_FR: {
    checkIn: 'Point de suivi…',
    review: 'Revue trimestrielle…',
    log: 'Suivi',
    overall: 'Score global',
    forecastHeader: 'Prévision',
    trend: 'Tendance',
    checkIns: (n: number) => `${n} points de suivi`,
    expected: 'Attendu\u00a0: départ → cible',
    forecast: (p: number) => `Prévision\u00a0: ${p}\u00a0% en fin de trimestre`,
    weekly: 'Score global, semaine après semaine',
    typed: '16',
  },
} as const;

/** The dots of a chart: their position and the date and value they stand for. */
async function dots(bar: FrameLocator, chart: string) {
  return bar.locator(`${chart} circle.pt`).evaluateAll((cs) =>
    cs.map((c) => ({
      cx: Number(c.getAttribute('cx')),
      cy: Number(c.getAttribute('cy')),
      day: Number(c.getAttribute('data-day')),
      value: Number(c.getAttribute('data-value')),
    })),
  );
}

/** Where the chart puts a (day, value): the plot box, the quarter's span, the y axis's range. */
async function scale(bar: FrameLocator, chart: string) {
  const a = await bar.locator(chart).evaluate((s) => ({
    yMin: Number(s.getAttribute('data-y-min')),
    yMax: Number(s.getAttribute('data-y-max')),
    first: Number(s.getAttribute('data-first')),
    last: Number(s.getAttribute('data-last')),
  }));
  return {
    ...a,
    x: (day: number) => BOX.left + ((day - a.first) / (a.last - a.first)) * (BOX.right - BOX.left),
    y: (v: number) => BOX.bottom - ((v - a.yMin) / (a.yMax - a.yMin)) * (BOX.bottom - BOX.top),
  };
}

for (const [locale, c] of Object.entries(cases)) {
  describe(`the charts in ${locale}`, { timeout: 120_000 }, () => {
    const tmp = tempDir();
    let pg: Pg;
    let page: Page;
    /** The quarter's sheet, its first day and its "as of" day. */
    let quarter: { name: string; first: number; asOf: number };

    beforeAll(async () => {
      pg = await playground({ file: tmp.file, fresh: true, locale });
      const wb = pg.session.wb;
      const sheet = wb.spreadsheet.getSheets().find((s) => /^OKR [QT]\d \d{4}$/.test(s.getName()))!;
      const label = String(sheet.getRange('B1').getValue());
      const first = parseQuarterLabel(label)!.first;
      const asOf = Math.round(
        new Date(`${sheet.getRange('D1').getDisplayValue()}T00:00:00Z`).getTime() / DAY,
      );
      quarter = { name: sheet.getName(), first, asOf };
      // three check-ins of O2.2 on three days (a team back-filling its log), the last one = Current
      const log = wb.sheet(c.log);
      const values = [3, 6, 9];
      values.forEach((v, i) => {
        const day = first + Math.round(((asOf - first) * i) / 3);
        log
          .getRange(log.getLastRow() + 1, 1, 1, 4)
          .setValues([[new Date(day * DAY + 12 * 3600_000), label, 'O2.2', v]]);
      });
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

    /** O2.2's rows of the log with a value, oldest first; and the sheet's Forecast for it. */
    function sheetSays() {
      const wb = pg.session.wb;
      const rows = wb.sheet(c.log).getDataRange().getValues().slice(1);
      const shown = wb.sheet(c.log).getDataRange().getDisplayValues().slice(1);
      const points = rows
        .map((r, i) => ({ id: r[2], date: shown[i]![0]!, value: r[3] }))
        .filter((r) => r.id === 'O2.2' && r.value !== '')
        .sort((a, b) => a.date.localeCompare(b.date));
      const q = wb.sheet(quarter.name).getDataRange().getValues();
      const col = q[1]!.indexOf(c.forecastHeader);
      const forecast = q.find((r) => r[2] === 'O2.2')![col];
      const overall = q[0]![q[0]!.indexOf(c.overall) + 1];
      return { points, forecast, overall };
    }

    test('a KR’s trend: a dot per check-in, the expected line, the forecast, in the user’s words', async () => {
      await menu(page, c.checkIn);
      const bar = sidebar(page);
      const toggle = bar.locator('#trend-O2_2-toggle');
      await expect.poll(() => toggle.textContent()).toBe(c.trend);
      await toggle.click();
      const chart = 'svg[data-kr="O2.2"]';
      await bar.locator(chart).waitFor();
      const said = sheetSays();
      expect(said.points.length).toBeGreaterThanOrEqual(3);
      const d = await dots(bar, chart);
      expect(d).toHaveLength(said.points.length);
      expect(d.map((p) => iso(p.day))).toEqual(said.points.map((p) => p.date));
      expect(d.map((p) => p.value)).toEqual(said.points.map((p) => p.value));
      // each dot where its date and value put it
      const s = await scale(bar, chart);
      expect([s.first, s.last]).toEqual([quarter.first, expect.any(Number)]);
      for (const p of d) {
        expect(p.cx).toBeCloseTo(s.x(p.day), 1);
        expect(p.cy).toBeCloseTo(s.y(p.value), 1);
        expect(p.value).toBeGreaterThanOrEqual(s.yMin);
        expect(p.value).toBeLessThanOrEqual(s.yMax);
      }
      // the expected line from start (0) on the first day to target (20) on the last
      const expected = await bar
        .locator(`${chart} g.expected polyline`)
        .getAttribute('points')
        .then((p) => p!.split(' ').map((xy) => xy.split(',').map(Number)));
      expect(expected[0]![0]).toBeCloseTo(BOX.left, 1);
      expect(expected[0]![1]).toBeCloseTo(s.y(0), 1);
      expect(expected[1]![0]).toBeCloseTo(BOX.right, 1);
      expect(expected[1]![1]).toBeCloseTo(s.y(20), 1);
      // the forecast's line drawn, and its score the sheet's Forecast cell
      expect(await bar.locator(`${chart} g.forecast polyline`).count()).toBe(1);
      expect(typeof said.forecast).toBe('number');
      const legend = await bar.locator('#trend-O2_2 .legend').textContent();
      expect(legend).toContain(c.checkIns(said.points.length));
      expect(legend).toContain(c.expected);
      expect(legend).toContain(c.forecast(Math.round((said.forecast as number) * 100)));
      // the y axis in the user's language, the unit said once above it
      expect(await bar.locator(`${chart} text.caption`).textContent()).toBe('publications');
      await page.screenshot({ path: `/tmp/charts/e2e-checkin-${locale}.png` });
    });

    test('a check-in saved from the sidebar is the last dot, where its value puts it', async () => {
      const bar = sidebar(page);
      const chart = 'svg[data-kr="O2.2"]';
      const before = (await dots(bar, chart)).length;
      await bar.locator('#v-O2\\.2').fill(c.typed);
      await bar.locator('#save-checkin').click();
      await expect.poll(() => bar.locator('#checkin-status').getAttribute('class')).toBe('status ok');
      await idle(page);
      // the trend stays open across the save, with the new dot
      await expect.poll(async () => (await dots(bar, chart)).length).toBe(before + 1);
      const last = (await dots(bar, chart)).at(-1)!;
      expect(last.value).toBe(16);
      const s = await scale(bar, chart);
      expect(last.cy).toBeCloseTo(s.y(16), 1);
      expect(last.cx).toBeCloseTo(s.x(last.day), 1);
      expect(iso(last.day)).toBe(sheetSays().points.at(-1)!.date);
    });

    test('the review: the overall score week by week, its last dot the sheet’s overall score', async () => {
      await menu(page, c.review);
      const bar = sidebar(page);
      await bar.locator('#start-review').waitFor();
      expect(await bar.locator('#quarter-trend h2').textContent()).toBe(c.weekly);
      const chart = 'svg[data-chart="quarter"]';
      const d = await dots(bar, chart);
      // a dot a week (O2.2 was checked in on the quarter's first day: every week has a score), the
      // last on the "as of" day
      const weeks = Math.max(0, Math.ceil((quarter.asOf - quarter.first - 6) / 7)) + 1;
      expect(d).toHaveLength(weeks);
      const last = d.at(-1)!;
      expect(iso(last.day)).toBe(iso(quarter.asOf));
      const { overall } = sheetSays();
      expect(last.value).toBe(overall);
      const s = await scale(bar, chart);
      expect([s.yMin, s.yMax]).toEqual([0, 1]);
      expect(last.cy).toBeCloseTo(s.y(overall as number), 1);
      await page.screenshot({ path: `/tmp/charts/e2e-review-${locale}.png` });
    });
  });
}
