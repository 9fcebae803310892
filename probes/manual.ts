/**
 * Behaviours a script run from a menu cannot see for itself: a conditional format's colour, what
 * google.script.run carries (that needs a page: Probes › Check google.script.run opens one, which
 * writes its own rows in the report), what an add-on's onOpen meets in AuthMode.NONE, a quota's
 * message. Each probe sets up what a person should look at and says what the emulator pins.
 */
import type { Probe } from './kit';

export const WIRE_CHECK =
  'Open Probes › Check google.script.run: the dialog makes the calls and writes this row.';

/** Module state, for the google.script.run executions of the dialog (each should start at 0). */
let runs = 0;

/**
 * What the wire dialog calls through google.script.run (server side): an echo that says how its
 * argument arrived, a result holding a Date, a module counter, and the recorder of the results.
 */
export const WIRE_ENDPOINTS = {
  probeWireEcho(x: unknown): Record<string, unknown> {
    const o = (x ?? {}) as { a?: unknown; list?: unknown[] };
    return {
      type: Object.prototype.toString.call(x),
      fieldNull: o.a === null,
      fieldMissing: x !== null && typeof x === 'object' && !('a' in x),
      itemNull: Array.isArray(o.list) ? o.list[1] === null : 'no list',
    };
  },
  probeWireDate(): unknown {
    return { when: new Date(2026, 0, 2), n: 1 };
  },
  probeModuleCount(): number {
    runs++;
    return runs;
  },
};

export const MANUAL_PROBES: Probe[] = [
  {
    id: 'wire_undefined_null',
    behaviour: 'google.script.run: an object field or array item left undefined arrives as null',
    source: '[DOC RUN for arrays; UNVERIFIED for fields]',
    test: 'test/emulator/wire.test.ts',
    run(t) {
      t.check(WIRE_CHECK);
    },
  },
  {
    id: 'wire_illegal_args',
    behaviour:
      'google.script.run: a Date, a function, a Map, a Set or a cycle anywhere in the arguments fails the call',
    source: '[DOC RUN; Map/Set reference §audit]',
    test: 'test/emulator/wire.test.ts',
    run(t) {
      t.check(WIRE_CHECK);
    },
  },
  {
    id: 'wire_date_result_null',
    behaviour: 'google.script.run: a result holding a Date anywhere arrives as null as a whole',
    source: '[OBS tanaike 2023-08-28]',
    test: 'test/emulator/wire.test.ts',
    run(t) {
      t.check(WIRE_CHECK);
    },
  },
  {
    id: 'run_fresh_context',
    behaviour: 'each google.script.run call starts fresh: module state does not survive between two calls',
    source: '[reference §audit "Each execution starts fresh"]',
    test: 'test/emulator/runner.test.ts',
    run(t) {
      t.check(WIRE_CHECK);
    },
  },
  {
    id: 'authmode_none',
    behaviour:
      "in AuthMode.NONE (an add-on's onOpen before it is used in the document), reading the document throws 'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet…'",
    source: '[DOC* auth-mode; the message UNVERIFIED]',
    test: 'test/emulator/runner.test.ts',
    run(t) {
      t.check(
        'Deploy this project as a test add-on (Deploy › Test deployments › Editor add-on, "Installed") on another spreadsheet and open it: onOpen runs in AuthMode.NONE and logs "AuthMode NONE: <message>" (Executions). Compare it with the pinned text.',
      );
    },
  },
  {
    id: 'quota_message',
    behaviour:
      "a quota hit throws 'Service invoked too many times for one day: spreadsheets.' (properties. for PropertiesService), an Exception the script may catch; earlier writes stay",
    source: '[OBS form; the service word UNVERIFIED]',
    test: 'test/emulator/faults.test.ts',
    run(t) {
      t.check(
        'A probe cannot provoke a daily quota. When an execution log shows one, compare its text with the pinned one.',
      );
    },
  },
  {
    id: 'cf_number_between',
    behaviour: 'a conditional format’s whenNumberBetween includes both ends',
    source: '[UNVERIFIED]',
    test: 'test/emulator/conditional.test.ts',
    run(t) {
      const s = t.sheet();
      s.getRange('A1:A3').setValues([[0.4], [0.7], [0.71]]);
      s.setConditionalFormatRules([
        SpreadsheetApp.newConditionalFormatRule()
          .whenNumberBetween(0.4, 0.7)
          .setBackground('#ffff00')
          .setRanges([s.getRange('A1:A3')])
          .build(),
      ]);
      t.check(`In "${s.getName()}", A1 (0.4) and A2 (0.7) should be yellow, A3 (0.71) not.`);
    },
  },
  {
    id: 'cf_text_ignores_case',
    behaviour: 'a conditional format’s text conditions (whenTextEqualTo, whenTextContains…) ignore case',
    source: '[UNVERIFIED]',
    test: 'test/emulator/conditional.test.ts',
    run(t) {
      const s = t.sheet();
      s.getRange('A1:A2').setValues([['GREEN'], ['red']]);
      s.setConditionalFormatRules([
        SpreadsheetApp.newConditionalFormatRule()
          .whenTextEqualTo('green')
          .setBackground('#00ff00')
          .setRanges([s.getRange('A1:A2')])
          .build(),
      ]);
      t.check(`In "${s.getName()}", A1 ("GREEN", rule "green") should be green, A2 not.`);
    },
  },
];
