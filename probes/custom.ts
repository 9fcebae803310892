/**
 * Probes of custom functions (runner.test.ts): the probe project's own functions below become
 * top-level functions of dist-probes/Code.js, callable from cells as in any Apps Script project.
 */
import { D, type Probe } from './kit';

const TEST = 'test/emulator/runner.test.ts';

/** Module state: a fresh execution starts it at 0 again. */
let calls = 0;

/** The probe project's custom functions, by the name cells call them with. */
export const FUNCTIONS: Record<string, (...args: unknown[]) => unknown> = {
  PROBE_ECHO: (x: unknown) => x,
  PROBE_NAN: () => Number.NaN,
  PROBE_COLUMN: () => [1, 2, 3],
  PROBE_GRID: () => [
    [1, 2],
    [3, 4],
  ],
  PROBE_ONE: () => 1,
  PROBE_THROW: () => {
    throw new Error('probe message');
  },
  PROBE_TYPE_ERROR: () => {
    const nothing = null as unknown as { x: number };
    return nothing.x;
  },
  PROBE_DATE: () => new Date(2026, 0, 15, 12),
  PROBE_WRITE: () => {
    SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange('Z1').setValue(1);
    return 'written';
  },
  PROBE_COUNT: () => {
    calls++;
    return calls;
  },
  /** Each number of a column doubled, blanks blank: a column formula's function. */
  PROBE_DOUBLE: (rows: unknown) =>
    (Array.isArray(rows) ? rows : [[rows]]).map((r: unknown[]) => [
      r[0] === '' || r[0] === null ? '' : Number(r[0]) * 2,
    ]),
  /** A blank ('') for every row: spilled over an open-ended column. */
  PROBE_BLANKS: (rows: unknown) => (Array.isArray(rows) ? rows : [[rows]]).map(() => ['']),
};

/** Functions named in lower or mixed case, and a private one (name_), as a script declares them. */
export const NAMED_FUNCTIONS: Record<string, (...args: unknown[]) => unknown> = {
  probeTwice: (x: unknown) => Number(x) * 2,
  probeHidden_: () => 'hidden',
};

export const CUSTOM_PROBES: Probe[] = [
  {
    id: 'cf_error_argument',
    behaviour: 'a custom function given an error argument (=PROBE_ECHO(NA())) shows that error',
    source: '[UNVERIFIED for custom functions]',
    test: TEST,
    run(t) {
      const r = t.sheet().getRange('A1:B1');
      r.setFormulas([['=PROBE_ECHO(NA())', '=PROBE_ECHO(1/0)']]);
      t.eq('values', t.settle(r)[0], ['#N/A', '#DIV/0!']);
    },
  },
  {
    id: 'cf_nan_num',
    behaviour: 'a custom function returning NaN shows #NUM!',
    source: '[UNVERIFIED]',
    test: TEST,
    run(t) {
      const r = t.sheet().getRange('A1');
      r.setFormula('=PROBE_NAN()');
      t.eq('value', t.settle(r)[0]![0], '#NUM!');
    },
  },
  {
    id: 'cf_1d_column',
    behaviour: 'a custom function returning a 1-D array ([1, 2, 3]) fills a column',
    source: '[UNVERIFIED]',
    test: TEST,
    run(t) {
      const s = t.sheet();
      s.getRange('A1').setFormula('=PROBE_COLUMN()');
      t.eq('A1:B3', t.settle(s.getRange('A1:B3')), [
        [1, ''],
        [2, ''],
        [3, ''],
      ]);
    },
  },
  {
    id: 'cf_volatile_loading',
    behaviour:
      'a custom function fed by TODAY/NOW/RAND, directly or through a cell, never loads: the emulator shows #N/A with the note "Loading..."',
    source: '[DOC CF "Loading... indefinitely"; the value UNVERIFIED]',
    test: TEST,
    run(t) {
      const s = t.sheet();
      s.getRange('A1').setFormula('=TODAY()');
      s.getRange('B1:B2').setFormulas([['=PROBE_ECHO(TODAY())'], ['=PROBE_ECHO(A1)']]);
      t.eq('values', t.settle(s.getRange('B1:B2')), [['#N/A'], ['#N/A']]);
      t.check(
        `In "${s.getName()}", B1 and B2 should say Loading... for ever (the emulator: #N/A, note "Loading...").`,
      );
    },
  },
  {
    id: 'cf_thrown_note',
    behaviour:
      'a custom function that throws shows #ERROR!, its message as the note, no "(line N)" (an Apps Script exception’s message alone)',
    source: '[DOC CF; the note’s exact form UNVERIFIED]',
    test: TEST,
    run(t) {
      const s = t.sheet();
      s.getRange('A1').setFormula('=PROBE_THROW()');
      t.eq('value', t.settle(s.getRange('A1'))[0]![0], '#ERROR!');
      t.check(
        `In "${s.getName()}", hover A1: the emulator's note is "probe message" (Sheets may add " (line N).").`,
      );
    },
  },
  {
    id: 'cf_type_error_named',
    behaviour:
      'a JavaScript error other than Error is named in the note ("TypeError: Cannot read properties of null…")',
    source: '[UNVERIFIED]',
    test: TEST,
    run(t) {
      const s = t.sheet();
      s.getRange('A1').setFormula('=PROBE_TYPE_ERROR()');
      t.eq('value', t.settle(s.getRange('A1'))[0]![0], '#ERROR!');
      t.check(
        `In "${s.getName()}", hover A1: the emulator's note is "TypeError: Cannot read properties of null (reading 'x')".`,
      );
    },
  },
  {
    id: 'cf_spill_blocked',
    behaviour:
      'a custom function’s array over data is not expanded: #REF! with the note "…would overwrite data in B2." naming the first cell in the way; it expands once cleared',
    source: '[DOC CF; EMU]',
    test: TEST,
    run(t) {
      const s = t.sheet();
      s.getRange('B2').setValue('mine');
      s.getRange('A1').setFormula('=PROBE_GRID()');
      t.eq('anchor', t.settle(s.getRange('A1'))[0]![0], '#REF!');
      t.eq('the data stays', s.getRange('B2').getValue(), 'mine');
      s.getRange('B2').clearContent();
      t.eq('cleared', t.settle(s.getRange('A1:B2')), [
        [1, 2],
        [3, 4],
      ]);
      s.getRange('B2').setValue('mine');
      t.check(
        `In "${s.getName()}", hover A1: "Array result was not expanded because it would overwrite data in B2."`,
      );
    },
  },
  {
    id: 'cf_date_returned',
    behaviour: 'a custom function returning a Date gives a date cell (a Date to getValue, shown as a date)',
    source: '[UNVERIFIED]',
    test: TEST,
    run(t) {
      const r = t.sheet().getRange('A1');
      r.setFormula('=PROBE_DATE()');
      const v = t.settle(r)[0]![0];
      t.eq('a Date', Object.prototype.toString.call(v), '[object Date]');
      t.eq(
        'day',
        v instanceof Date ? Utilities.formatDate(v, Session.getScriptTimeZone(), 'yyyy-MM-dd') : v,
        '2026-01-15',
      );
    },
  },
  {
    id: 'cf_read_only',
    behaviour:
      'a custom function cannot change the spreadsheet: a set* call fails, #ERROR! with "You do not have permission to call setValue"',
    source: '[DOC CF]',
    test: TEST,
    run(t) {
      const s = t.sheet();
      s.getRange('A1').setFormula('=PROBE_WRITE()');
      t.eq('value', t.settle(s.getRange('A1'))[0]![0], '#ERROR!');
      t.eq('nothing written', s.getRange('Z1').getValue(), '');
      t.check(
        `In "${s.getName()}", hover A1: the note starts "You do not have permission to call setValue".`,
      );
    },
  },
  {
    id: 'cf_fresh_context',
    behaviour:
      'each custom function call starts fresh: module state does not survive (two cells counting both show 1)',
    source: '[reference §audit "Each execution starts fresh"]',
    test: TEST,
    run(t) {
      const r = t.sheet().getRange('A1:A3');
      r.setFormulas([['=PROBE_COUNT()'], ['=PROBE_COUNT()'], ['=PROBE_COUNT()']]);
      t.eq('values', t.settle(r), [[1], [1], [1]]);
    },
  },
  {
    id: 'cf_any_case_name',
    behaviour:
      'a script’s function is a custom function by its name in any case (probeTwice as =PROBETWICE or =probetwice); a private one (name_) is not',
    source: '[DOC CF]',
    test: TEST,
    run(t) {
      const r = t.sheet().getRange('A1:C1');
      r.setFormulas([['=PROBETWICE(2)', '=probetwice(3)', '=PROBEHIDDEN_()']]);
      t.eq('values', t.settle(r)[0], [4, 6, '#NAME?']);
    },
  },
  {
    id: 'cf_blank_strings_count',
    behaviour:
      'a custom function’s "" spilled over an open-ended column counts as content: getLastRow() is then the sheet’s last row',
    source: '[UNVERIFIED; as ARRAYFORMULA]',
    test: TEST,
    run(t) {
      const s = t.sheet();
      s.getRange('C2:C3').setValues([[1], [2]]);
      s.getRange('D2').setFormula('=PROBE_BLANKS(C2:C)');
      t.settle(s.getRange('D2:D3'));
      t.eq('getLastRow', s.getLastRow(), s.getMaxRows());
    },
  },
  {
    id: 'cf_header_literal',
    behaviour:
      '{"Header"; FN(A3:A)} (text over a custom function’s column) is accepted and recomputes when its cells change',
    source: '[OBS]',
    test: 'test/emulator/rows.test.ts',
    run(t) {
      const s = t.sheet();
      s.getRange('A2:A3').setValues([[1], [2]]);
      s.getRange('B1').setFormula('={"Double"; PROBE_DOUBLE(A2:A4)}');
      t.eq('values', t.settle(s.getRange('B1:B4')), [['Double'], [2], [4], ['']]);
      s.getRange('A4').setValue(5);
      t.eq('after A4 = 5', t.settle(s.getRange('B1:B4')), [['Double'], [2], [4], [10]]);
    },
  },
  {
    id: 'cf_date_argument',
    behaviour:
      'a date cell reaches a custom function as a Date (a number formatted as a date), a range as rows',
    source: '[DOC CF "Data types"]',
    test: TEST,
    run(t) {
      const s = t.sheet();
      s.getRange('A1:A2').setValues([['2026-02-15'], [3]]);
      s.getRange('B1').setFormula('=PROBE_ECHO(A1)');
      t.eq('echoed date', t.settle(s.getRange('B1'))[0]![0], D('2026-02-15'));
    },
  },
];
