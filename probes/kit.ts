/**
 * What a probe is and what it is given. A probe checks one behaviour the emulator pins (emulator/
 * README.md's "Pinned choices"), with Apps Script calls only, so that the same code runs on the
 * emulator (npm test) and inside real Apps Script on a scratch spreadsheet (npm run probes, then
 * clasp push, then Probes › Run all). It reports pass or fail with what it saw; where a script
 * cannot see the behaviour (a note's text, a colour, a dialog), it leaves its sheet in place and
 * says what a person should look at ("check").
 *
 * No Node and no DOM here: this runs in Apps Script's V8 as well.
 */

export type Status = 'pass' | 'fail' | 'check';

export interface ProbeResult {
  id: string;
  status: Status;
  /** What the probe saw, one "label: value" per check, the failed ones marked ✗. */
  saw: string;
  /** What a person should look at, when a script cannot see it (status 'check'). */
  check: string;
}

export interface Probe {
  /** Also the name of its top-level function in dist-probes/Code.js: probe_<id>. */
  id: string;
  /** The behaviour the emulator pins, as emulator/README.md states it. */
  behaviour: string;
  /** Its source tag, as in /work/shared/reference/apps-script-behaviours.md ([DOC], [OBS], [UNVERIFIED]…). */
  source: string;
  /** The emulator test that pins it. */
  test: string;
  /** Run with the spreadsheet in this locale (restored after): en_US unless said. */
  locale?: string;
  run(t: Probing): void;
}

/** Whether a source tag says nobody has confirmed the behaviour on live Sheets. */
export const unverified = (p: Pick<Probe, 'source'>) => /UNVERIFIED/.test(p.source);

/** A Date expected, as the spreadsheet's wall clock shows it: D('2026-01-02'), D('1899-12-30 10:30'). */
export class Expected {
  constructor(readonly text: string) {}
}

export const D = (wallClock: string) =>
  new Expected(
    `Date(${wallClock.length === 10 ? `${wallClock} 00:00:00` : wallClock.length === 16 ? `${wallClock}:00` : wallClock})`,
  );

/** Anything matching a pattern (a message whose end may vary). */
export class Matching {
  constructor(readonly re: RegExp) {}
}

class ProbeFailure extends Error {}

/** The toolbox a probe's run gets: scratch sheets, comparisons, waiting for custom functions. */
export class Probing {
  readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  private readonly lines: string[] = [];
  private failed = false;
  private readonly checks: string[] = [];
  private readonly made: GoogleAppsScript.Spreadsheet.Sheet[] = [];

  constructor(readonly id: string) {
    this.ss = SpreadsheetApp.getActiveSpreadsheet();
  }

  /** A new empty sheet for this probe ("probe <id>"), removed after it unless a person must look. */
  sheet(): GoogleAppsScript.Spreadsheet.Sheet {
    let name = `probe ${this.id}`;
    for (let n = 2; this.ss.getSheetByName(name); n++) name = `probe ${this.id} ${n}`;
    const s = this.ss.insertSheet(name);
    this.made.push(s);
    return s;
  }

  /** A value as the report shows it: Dates on the spreadsheet's wall clock, text quoted. */
  show(v: unknown): string {
    if (v instanceof Expected) return v.text;
    if (v instanceof Matching) return String(v.re);
    if (Object.prototype.toString.call(v) === '[object Date]') {
      const d = v as Date;
      return Number.isNaN(d.getTime())
        ? 'Date(invalid)'
        : `Date(${Utilities.formatDate(d, this.ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm:ss')})`;
    }
    if (Array.isArray(v)) return `[${v.map((x) => this.show(x)).join(', ')}]`;
    if (typeof v === 'number') return String(Number(v.toPrecision(12)));
    if (typeof v === 'string') return JSON.stringify(v);
    return String(v);
  }

  private same(actual: unknown, expected: unknown): boolean {
    if (expected instanceof Matching) return typeof actual === 'string' && expected.re.test(actual);
    if (Array.isArray(expected)) {
      return (
        Array.isArray(actual) &&
        actual.length === expected.length &&
        expected.every((e, i) => this.same(actual[i], e))
      );
    }
    return this.show(actual) === this.show(expected);
  }

  /** Records a comparison; a mismatch fails the probe (the others still run). */
  eq(label: string, actual: unknown, expected: unknown): boolean {
    const ok = this.same(actual, expected);
    this.lines.push(
      ok
        ? `${label}: ${this.show(actual)}`
        : `✗ ${label}: ${this.show(actual)}, pinned ${this.show(expected)}`,
    );
    if (!ok) this.failed = true;
    return ok;
  }

  /** Expects fn to throw a message (equal, or matching); records what it threw. */
  throws(label: string, fn: () => unknown, expected: string | RegExp): void {
    let message: string | undefined;
    try {
      fn();
    } catch (e) {
      message = e instanceof Error ? e.message : String(e);
    }
    if (message === undefined) {
      this.lines.push(`✗ ${label}: nothing thrown, pinned ${String(expected)}`);
      this.failed = true;
      return;
    }
    this.eq(label, message, typeof expected === 'string' ? expected : new Matching(expected));
  }

  /** Something a person must look at (a note, a colour, a dialog): the probe's sheet stays for it. */
  check(instruction: string): void {
    this.checks.push(instruction);
  }

  /** Stops the probe here as failed (a precondition did not hold). */
  fail(why: string): never {
    throw new ProbeFailure(why);
  }

  /**
   * Waits for formulas to be computed: SpreadsheetApp.flush(), then, while a cell of the range still
   * reads "Loading..." (custom functions compute on Google's side), a short sleep, for up to ~10 s.
   */
  settle(range: GoogleAppsScript.Spreadsheet.Range): unknown[][] {
    SpreadsheetApp.flush();
    let values = range.getValues();
    for (let i = 0; i < 20 && values.some((r) => r.some((v) => v === 'Loading...')); i++) {
      Utilities.sleep(500);
      SpreadsheetApp.flush();
      values = range.getValues();
    }
    return values;
  }

  /** Runs a probe and tidies up: its sheets go unless a person must look at them. */
  static run(p: Probe): ProbeResult {
    const t = new Probing(p.id);
    const locale = t.ss.getSpreadsheetLocale();
    const wanted = p.locale ?? 'en_US';
    const active = t.ss.getActiveSheet();
    try {
      if (wanted !== locale) t.ss.setSpreadsheetLocale(wanted);
      p.run(t);
    } catch (e) {
      t.failed = true;
      t.lines.push(
        `✗ ${e instanceof ProbeFailure ? '' : 'threw: '}${e instanceof Error ? e.message : String(e)}`,
      );
    } finally {
      if (wanted !== locale) t.ss.setSpreadsheetLocale(locale);
      if (t.checks.length === 0) for (const s of t.made) t.ss.deleteSheet(s);
      t.ss.setActiveSheet(active);
    }
    const status: Status = t.failed ? 'fail' : t.checks.length ? 'check' : 'pass';
    return { id: p.id, status, saw: t.lines.join('\n'), check: t.checks.join('\n') };
  }
}
