/**
 * The add-on's text writes stay text on an emulator that reads written strings as Sheets does
 * (typing.test.ts): every text a user gives — a KR's title, an objective's title and owner, a unit,
 * a check-in's comment — and the KPI period headers the add-on writes ("2026-01") must come back
 * exactly as given, never as a date, number, boolean, error or formula. Through the bundle's own
 * endpoints (insertQuarter with content 'given', checkIn), in en_US and fr_FR.
 */
import { describe, expect, it } from 'vitest';
import { createWorkbook, type EmuSheet } from '../../emulator/index';
import { checkinsLayout, kpisLayout } from '../../src/sheets/companion-layouts';
import { quarterLayout } from '../../src/sheets/quarter-layout';
import { SHEET_NAMES } from '../../src/sheets/texts';
import { bundleCode } from '../support/bundle';

/** Texts Sheets would read as something else if written bare (and a few it would not). */
const TEXTS = [
  '1/2',
  '1/2/2026',
  'Jan 5',
  'January 5, 2026',
  '5 janv.',
  'mai 2026',
  '2026-01',
  '2026-01-05',
  '10:30',
  '25:00',
  '$5',
  '-$5',
  '5 €',
  '5,00 €',
  '10%',
  '10 %',
  '1,5',
  '12.5',
  '1 234,5',
  '1e3',
  'TRUE',
  'false',
  'VRAI',
  'faux',
  '#N/A',
  '#REF!',
  '=1+1',
  '+cmd',
  '-x',
  '@x',
  "'quoted",
  ' 7 ',
  'Q1 2026',
  'plain words',
];

const LAYOUT = quarterLayout({ sheet: 'Check-ins', date: 'A', quarter: 'B', krId: 'C', value: 'D' } as never);

/** The column numbers of headers in a header row. */
function columns(sheet: EmuSheet, headerRow: number, headers: Record<string, string>) {
  const row = sheet.getRange(headerRow, 1, 1, sheet.getLastColumn()).getValues()[0]!;
  return Object.fromEntries(
    Object.entries(headers).map(([key, header]) => {
      const at = row.indexOf(header);
      if (at < 0) throw new Error(`no column "${header}" in row ${headerRow} of ${sheet.getName()}`);
      return [key, at + 1];
    }),
  ) as Record<string, number>;
}

const header = (
  key: string,
  lang: 'en' | 'fr',
  layout: { columns: readonly { key: string; header: { en: string; fr: string } }[] },
) => layout.columns.find((c) => c.key === key)!.header[lang];

function setup(locale: string) {
  bundleCode();
  const wb = createWorkbook({ locale, timeZone: 'Europe/Paris' });
  const app = wb.loadBundle();
  app.call('onOpen', { authMode: 'LIMITED' });
  const { quarters } = app.run('getInsertOptions') as { quarters: string[] };
  const objectives = TEXTS.map((t, i) => ({
    id: `O${i + 1}`,
    title: t,
    level: 'team',
    owner: t,
    parent: '',
    committed: false,
    krs: [
      {
        id: `O${i + 1}.1`,
        title: t,
        type: 'increase',
        unit: t,
        start: 0,
        target: 10,
        current: 1,
        weight: 1,
        confidence: 0.5,
      },
    ],
  }));
  const inserted = app.run('insertQuarter', {
    quarter: quarters[0],
    fiscalStart: 1,
    levels: ['company', 'team'],
    content: 'given',
    objectives,
    withKpis: true,
  }) as { sheet: string };
  return { wb, app, sheetName: inserted.sheet };
}

/** Cells that do not hold exactly the text given: [where, what it holds]. */
function mismatches(found: [string, unknown, string][]): string[] {
  return found
    .filter(([, got, want]) => got !== want.trim() && got !== want)
    .map(
      ([where, got, want]) =>
        `${where}: ${JSON.stringify(want)} became ${got instanceof Date ? `Date ${got.toISOString()}` : `${typeof got} ${JSON.stringify(got)}`}`,
    );
}

describe.each([
  ['en_US', 'en'],
  ['fr_FR', 'fr'],
] as const)('in %s, text given to the add-on stays text', (locale, lang) => {
  const { wb, app, sheetName } = setup(locale);

  it('KR titles, objective titles, owners and units, written by insertQuarter', () => {
    const sheet = wb.sheet(sheetName);
    const cols = columns(sheet, LAYOUT.headerRow, {
      objectiveId: header('objectiveId', lang, LAYOUT),
      krId: header('krId', lang, LAYOUT),
      title: header('title', lang, LAYOUT),
      owner: header('owner', lang, LAYOUT),
      unit: header('unit', lang, LAYOUT),
    });
    const rows = sheet
      .getRange(LAYOUT.first, 1, sheet.getLastRow() - LAYOUT.first + 1, sheet.getLastColumn())
      .getValues();
    const found: [string, unknown, string][] = [];
    TEXTS.forEach((t, i) => {
      const obj = rows.find((r) => r[cols.objectiveId! - 1] === `O${i + 1}`);
      const kr = rows.find((r) => r[cols.krId! - 1] === `O${i + 1}.1`);
      expect(obj, `objective row O${i + 1}`).toBeDefined();
      expect(kr, `KR row O${i + 1}.1`).toBeDefined();
      found.push([`O${i + 1} title`, obj![cols.title! - 1], t]);
      found.push([`O${i + 1} owner`, obj![cols.owner! - 1], t]);
      found.push([`O${i + 1}.1 title`, kr![cols.title! - 1], t]);
      found.push([`O${i + 1}.1 unit`, kr![cols.unit! - 1], t]);
    });
    expect(mismatches(found)).toEqual([]);
  });

  it('check-in comments, and the KR title the log repeats, written by checkIn', () => {
    TEXTS.forEach((t, i) => {
      app.run('checkIn', {
        sheet: sheetName,
        requestId: `text-${i}`,
        entries: [{ krId: `O${i + 1}.1`, comment: t }],
      });
    });
    const logSheet = wb.sheet(SHEET_NAMES.checkins[lang]);
    const cols = columns(logSheet, checkinsLayout.headerRow, {
      krId: header('krId', lang, checkinsLayout),
      comment: header('comment', lang, checkinsLayout),
      title: header('title', lang, checkinsLayout),
    });
    const rows = logSheet.getRange(2, 1, logSheet.getLastRow() - 1, logSheet.getLastColumn()).getValues();
    const found: [string, unknown, string][] = [];
    TEXTS.forEach((t, i) => {
      const row = rows.find((r) => r[cols.krId! - 1] === `O${i + 1}.1`);
      expect(row, `log row of O${i + 1}.1`).toBeDefined();
      found.push([`comment of O${i + 1}.1`, row![cols.comment! - 1], t]);
      found.push([`log title of O${i + 1}.1`, row![cols.title! - 1], t]);
    });
    expect(mismatches(found)).toEqual([]);
  });

  it('KPI period headers ("2026-01"), written by the dashboard and by rolling it forward', () => {
    const kpis = wb.sheet(SHEET_NAMES.kpis[lang]);
    const headers = () => kpis.getRange(kpisLayout.headerRow, 1, 1, kpis.getLastColumn()).getValues()[0]!;
    const before = headers().filter((h) => typeof h === 'string' && /^\d{4}-\d{2}$/.test(h)).length;
    const last = headers()
      .filter((h): h is string => typeof h === 'string' && /^\d{4}-\d{2}$/.test(h))
      .pop()!;
    const [y, m] = last.split('-').map(Number) as [number, number];
    const until = `${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, '0')}`;
    expect((app.run('rollKpis', { until }) as { months: string[] }).months).toEqual([until]);
    const rolled = headers();
    expect(rolled.filter((h) => typeof h === 'string' && /^\d{4}-\d{2}$/.test(h)).length).toBe(before + 1);
    expect(rolled.some((h) => h instanceof Date || typeof h === 'number')).toBe(false);
    const row = kpis.getRange(kpisLayout.headerRow, 1, 1, kpis.getLastColumn()).getValues()[0]!;
    const periods = kpisLayout.columns
      .filter((c) => /^p\d+$/.test(c.key))
      .map((c) => row[kpisLayout.num(c.key as never) - 1]);
    expect(periods.length).toBeGreaterThan(0);
    for (const p of periods) expect(typeof p === 'string' && /^\d{4}-\d{2}$/.test(p), String(p)).toBe(true);
  });
});
