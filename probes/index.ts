/**
 * The probe suite: every behaviour the emulator pins (emulator/README.md, "Pinned choices"), checked
 * with Apps Script calls. Built by scripts/probes.ts into dist-probes/ (a separate Apps Script
 * project: one top-level probe_<id> function per probe, the menu Probes › Run all, the custom
 * functions the probes call), pushed with clasp to a scratch spreadsheet; run on the emulator by
 * test/emulator/probes.test.ts.
 */
import { CUSTOM_PROBES } from './custom';
import { type Probe, type ProbeResult, Probing, type Status, unverified } from './kit';
import { MANUAL_PROBES, WIRE_ENDPOINTS } from './manual';
import { PASTE_PROBES } from './paste';
import { SHEET_PROBES } from './sheets';
import { TYPING_PROBES } from './typing';
import { VALUE_PROBES } from './values';

export { FUNCTIONS, NAMED_FUNCTIONS } from './custom';
export type { Probe, ProbeResult, Status } from './kit';
export { WIRE_ENDPOINTS } from './manual';
export { WIRE_PAGE } from './wire-page';

/** Every probe, the ones nobody has confirmed on live Sheets first. */
export const PROBES: Probe[] = (() => {
  const all = [
    ...VALUE_PROBES,
    ...TYPING_PROBES,
    ...PASTE_PROBES,
    ...CUSTOM_PROBES,
    ...SHEET_PROBES,
    ...MANUAL_PROBES,
  ];
  return [...all.filter(unverified), ...all.filter((p) => !unverified(p))];
})();

export const REPORT_SHEET = 'Probe report';
const HEADERS = [
  'Status',
  'Probe',
  'Behaviour pinned',
  'Source',
  'Emulator test',
  'What it saw',
  'Check by hand',
];
const COLOURS: Record<Status, string> = { pass: '#d9ead3', fail: '#f4cccc', check: '#fff2cc' };

/** Text as written, whatever it looks like (a value starting "=" or "1/2" must not be read as typed). */
const text = (s: string) => (s === '' ? '' : `'${s}`);

function row(p: Probe, r: ProbeResult): string[] {
  return [r.status.toUpperCase(), p.id, p.behaviour, p.source, p.test, r.saw, r.check].map(text);
}

/** The report sheet, made if missing; `fresh` empties it first (a new run). */
function reportSheet(fresh = false): GoogleAppsScript.Spreadsheet.Sheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const old = ss.getSheetByName(REPORT_SHEET);
  if (old && !fresh) return old;
  const s = old ?? ss.insertSheet(REPORT_SHEET, 0);
  if (old) old.clear();
  s.getRange(1, 1, 1, HEADERS.length).setValues([HEADERS]).setFontWeight('bold');
  s.setFrozenRows(1);
  return s;
}

export function runOne(id: string): ProbeResult {
  const p = PROBES.find((x) => x.id === id);
  if (!p) throw new Error(`No probe ${id}.`);
  return Probing.run(p);
}

/** Probes › Run all: every probe, then the report sheet (one row each), then a toast. */
export function runAll(): ProbeResult[] {
  const results = PROBES.map((p) => Probing.run(p));
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const s = reportSheet(true);
  const rows = PROBES.map((p, i) => row(p, results[i]!));
  s.getRange(2, 1, rows.length, HEADERS.length).setValues(rows).setWrap(true);
  s.getRange(2, 1, rows.length, 1).setBackgrounds(results.map((r) => [COLOURS[r.status]]));
  ss.setActiveSheet(s);
  const count = (st: Status) => results.filter((r) => r.status === st).length;
  ss.toast(`${count('pass')} pass, ${count('fail')} fail, ${count('check')} to check by hand.`, 'Probes', 10);
  return results;
}

/** The wire dialog's results: each probe's row of the report updated (the report made if missing). */
export function recordProbes(rows: unknown): void {
  if (!Array.isArray(rows)) throw new Error('recordProbes takes [id, status, saw] rows.');
  const s = reportSheet();
  const last = s.getLastRow();
  const ids =
    last > 1
      ? s
          .getRange(2, 2, last - 1, 1)
          .getValues()
          .map((r) => String(r[0]))
      : [];
  for (const item of rows) {
    const [id, status, saw] = item as [string, Status, string];
    const p = PROBES.find((x) => x.id === id);
    if (!p || !COLOURS[status]) continue;
    const at = ids.indexOf(id);
    const line = at >= 0 ? at + 2 : s.getLastRow() + 1;
    s.getRange(line, 1, 1, HEADERS.length).setValues([row(p, { id, status, saw, check: '' })]);
    s.getRange(line, 1).setBackground(COLOURS[status]);
  }
}

export function onOpen(e?: { authMode?: unknown }): void {
  // the authmode_none probe: what reading the document does in AuthMode.NONE, in the log
  if (e && e.authMode === ScriptApp.AuthMode.NONE) {
    try {
      SpreadsheetApp.getActiveSpreadsheet().getName();
      console.log('AuthMode NONE: the document could be read');
    } catch (err) {
      console.log(`AuthMode NONE: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  SpreadsheetApp.getUi()
    .createMenu('Probes')
    .addItem('Run all', 'runAllProbes')
    .addItem('Check google.script.run', 'showWireCheck')
    .addToUi();
}

export function showWireCheck(): void {
  const page = HtmlService.createHtmlOutputFromFile('wire').setWidth(420).setHeight(160);
  SpreadsheetApp.getUi().showModalDialog(page, 'Checking google.script.run');
}

export const endpoints = WIRE_ENDPOINTS;
