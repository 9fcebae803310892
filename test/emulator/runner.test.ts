/**
 * The runner with small stand-in scripts: the vm boundary, the custom-function context, triggers and
 * google.script.run copies. The real bundle is exercised in bundle.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../emulator/index';
import { scriptFile } from './support';

function load(code: string, locale = 'en_US') {
  const wb = createWorkbook({ locale });
  const app = wb.loadBundle({ path: scriptFile(code) });
  return { wb, app, sheet: wb.spreadsheet.getSheets()[0]! };
}

describe('the vm boundary', () => {
  it('hands the script arrays, Dates and Errors of its own realm', () => {
    const { app, sheet } = load(`
      function probe() {
        var r = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1:B1');
        var v = r.getValues();
        var caught;
        try { r.getSheet().getRange(0, 1); } catch (e) { caught = e; }
        return [v instanceof Array, v[0] instanceof Array, v[0][1] instanceof Date,
                caught instanceof Error, String(caught), caught.message];
      }`);
    sheet.getRange('A1:B1').setValues([['x', '2026-01-01']]);
    expect(app.call('probe')).toEqual([
      true,
      true,
      true,
      true,
      'Exception: The starting row of the range is too small.',
      'The starting row of the range is too small.',
    ]);
  });

  it('takes arrays and Dates made in the vm, and gives the same object for the same sheet', () => {
    const { app, sheet } = load(`
      function write() {
        var ss = SpreadsheetApp.getActive();
        ss.getSheets()[0].getRange('A1:B1').setValues([[new Date(Date.UTC(2026, 0, 2)), [1, 2].length]]);
        return ss.getSheetByName('Sheet1') === ss.getSheets()[0];
      }`);
    expect(app.call('write')).toBe(true);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[new Date(Date.UTC(2026, 0, 2)), 2]]);
  });

  it('makes no service call while loading the script', () => {
    expect(load('var X = 1; function f() { return X; }').app.loadCalls).toBe(0);
  });

  it('records Logger.log', () => {
    const { app } = load('function f() { Logger.log("a", 1); }');
    app.call('f');
    expect(app.logs).toEqual(['a 1']);
  });

  it('says which function is missing', () => {
    expect(() => load('').app.call('nope')).toThrow('emulator: no top-level function nope');
  });

  it('copies google.script.run results as JSON-like data (more in wire.test.ts)', () => {
    const { app } = load(
      'function get() { return { list: [1, undefined], f: function () {}, u: undefined }; }',
    );
    expect(app.run('get')).toEqual({ list: [1, null] });
    expect(() => app.run('get', new Date())).toThrow('Failed due to illegal value in property: 0');
  });
});

describe('custom functions from formulas', () => {
  it('give #NAME? while no bundle is loaded, and compute once it is', () => {
    const wb = createWorkbook();
    wb.spreadsheet.getRange('A1').setFormula('=KR_SCORE(0, 10, 5)');
    expect(wb.spreadsheet.getRange('A1').getValue()).toBe('#NAME?');
    expect(wb.errorMessage('Sheet1!A1')).toBe("Unknown function: 'KR_SCORE'.");
    wb.loadBundle({ path: scriptFile('function KR_SCORE(s, t, c) { return (c - s) / (t - s); }') });
    expect(wb.spreadsheet.getRange('A1').getValue()).toBe(0.5);
  });

  it('get one cell as a value and bigger ranges as rows: blanks "", dates as Dates, in the vm realm', () => {
    const { sheet } = load(`
      function describe(v) {
        if (!(v instanceof Array)) return typeof v + ':' + (v instanceof Date ? v.toISOString() : v);
        return 'rows ' + v.length + 'x' + v[0].length + ' ' + v.map(function (r) {
          return r.map(function (c) { return c instanceof Date ? 'date' : typeof c + '(' + c + ')'; }).join(',');
        }).join(';');
      }
      function OKR_SCORE(x) { return describe(x); }`);
    sheet.getRange('A1:A3').setValues([[1], [''], ['2026-02-15']]);
    sheet.getRange('B1').setFormula('=OKR_SCORE(A1:A3)');
    sheet.getRange('B2').setFormula('=OKR_SCORE(A1:A1)');
    sheet.getRange('B3').setFormula('=OKR_SCORE(A3)');
    sheet.getRange('B4').setFormula('=OKR_SCORE("txt")');
    expect(sheet.getRange('B1:B4').getValues()).toEqual([
      ['rows 3x1 number(1);string();date'],
      ['number:1'],
      ['object:2026-02-14T23:00:00.000Z'],
      ['string:txt'],
    ]);
  });

  it('spill their rows as declared by the registry, and #REF! over data with the note [EMU]', () => {
    const { wb, sheet } = load(
      'function KR_SCORE(s, t, c) { return c.map(function (r) { return [r[0] * 2]; }); }',
    );
    sheet.getRange('C1:C3').setValues([[1], [2], [3]]);
    sheet.getRange('D1').setFormula('=KR_SCORE(0, 1, C1:C3)');
    expect(sheet.getRange('D1:D3').getValues()).toEqual([[2], [4], [6]]);
    sheet.getRange('D3').setValue('mine');
    expect(sheet.getRange('D1').getValue()).toBe('#REF!');
    expect(wb.errorMessage('Sheet1!D1')).toBe(
      'Array result was not expanded because it would overwrite data in D3.',
    );
    expect(sheet.getRange('D3').getValue()).toBe('mine');
    sheet.getRange('D3').clearContent();
    expect(sheet.getRange('D1:D3').getValues()).toEqual([[2], [4], [6]]);
  });

  it('count "" spilled over an open-ended column as content: getLastRow is then the last row [UNVERIFIED; as ARRAYFORMULA]', () => {
    const { sheet } = load(
      'function KR_SCORE(s, t, c) { return c.map(function (r) { return [r[0] === "" ? "" : r[0]]; }); }',
    );
    sheet.getRange('C2:C3').setValues([[1], [2]]);
    sheet.getRange('D2').setFormula('=KR_SCORE(0, 1, C2:C)');
    expect(sheet.getRange('D2:D4').getValues()).toEqual([[1], [2], ['']]);
    expect(sheet.getLastRow()).toBe(1000);
  });

  it('show a thrown Error as #ERROR! and keep its message as the note [DOC CF]', () => {
    const { wb, sheet } = load('function KR_SCORE() { throw new Error("target is blank"); }');
    sheet.getRange('A1').setFormula('=KR_SCORE(1, 2, 3)');
    expect(sheet.getRange('A1').getValue()).toBe('#ERROR!');
    expect(wb.errorMessage('Sheet1!A1')).toBe('target is blank');
    // over ranges too: the error sits in the formula's cell, the rest of its area stays blank
    sheet.getRange('B1').setFormula('=KR_SCORE(C1:C3, 2, 3)');
    expect(sheet.getRange('B1:B3').getValues()).toEqual([['#ERROR!'], [''], ['']]);
    expect(wb.errorMessage('Sheet1!B1')).toBe('target is blank');
  });

  it('show a JavaScript error named, and a thrown text as it is [UNVERIFIED]; no "(line N)" [UNVERIFIED]', () => {
    const { wb, sheet } = load(`
      function KR_SCORE() { var o = null; return o.x; }
      function KR_PROGRESS() { throw 'plain text'; }
      function OKR_GRADE() { SpreadsheetApp.getActiveSpreadsheet().getRange('A1').setNote('x'); }`);
    sheet
      .getRange('A1:A3')
      .setFormulas([['=KR_SCORE(1, 2, 3)'], ['=KR_PROGRESS(1, 2, 3)'], ['=OKR_GRADE(1)']]);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['#ERROR!'], ['#ERROR!'], ['#ERROR!']]);
    expect(wb.errorMessage('Sheet1!A1')).toBe("TypeError: Cannot read properties of null (reading 'x')");
    expect(wb.errorMessage('Sheet1!A2')).toBe('plain text');
    // an Apps Script Exception shows its message alone [DOC CF's example]
    expect(wb.errorMessage('Sheet1!A3')).toBe('You do not have permission to call setNote');
  });

  it('flag a result whose size differs from the registry’s resultShape', () => {
    const { wb, sheet } = load('function KR_SCORE() { return [[1], [2]]; }');
    sheet.getRange('A1').setFormula('=KR_SCORE(1, 2, 3)');
    expect(sheet.getRange('A1').getValue()).toBe('#ERROR!');
    expect(wb.errorMessage('Sheet1!A1')).toBe('Emulator: the result is 2×1 but resultShape declared 1×1.');
  });

  it('write a returned Date as a date cell, and NaN as #NUM! [UNVERIFIED]', () => {
    const { sheet } = load(
      'function QUARTER_PROGRESS(x) { return x === 1 ? new Date(Date.UTC(2026, 2, 31, 22)) : NaN; }',
    );
    sheet.getRange('A1:A2').setFormulas([['=QUARTER_PROGRESS(1)'], ['=QUARTER_PROGRESS(2)']]);
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe('2026-03-31T22:00:00.000Z');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('4/1/2026');
    expect(sheet.getRange('A2').getValue()).toBe('#NUM!');
  });

  it('run read-only: set* calls are refused, reads work [DOC CF]', () => {
    const { wb, sheet } = load(`
      function KR_SCORE() { SpreadsheetApp.getActiveSpreadsheet().getRange('Z1').setValue(1); return 1; }
      function KR_PROGRESS() { return SpreadsheetApp.getActiveSpreadsheet().getRange('C1').getValue() * 10; }
      function OKR_GRADE() { SpreadsheetApp.getUi(); return 'x'; }
      function OKR_STATUS() { SpreadsheetApp.getActiveSpreadsheet().insertSheet('x'); }`);
    sheet.getRange('C1').setValue(4);
    sheet
      .getRange('A1:A4')
      .setFormulas([['=KR_SCORE(1,2,3)'], ['=KR_PROGRESS(1,2,3)'], ['=OKR_GRADE(1)'], ['=OKR_STATUS(1,1)']]);
    expect(sheet.getRange('A1:A4').getValues()).toEqual([['#ERROR!'], [40], ['#ERROR!'], ['#ERROR!']]);
    expect(wb.errorMessage('Sheet1!A1')).toBe('You do not have permission to call setValue');
    expect(wb.errorMessage('Sheet1!A3')).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(wb.errorMessage('Sheet1!A4')).toBe('You do not have permission to call insertSheet');
    expect(sheet.getRange('Z1').getValue()).toBe('');
    // writes are allowed again once the custom function is over
    sheet.getRange('Z1').setValue(2);
    expect(sheet.getRange('Z1').getValue()).toBe(2);
  });

  it('never load when fed by TODAY/NOW/RAND, directly or through a cell: #N/A "Loading..." [DOC CF; UNVERIFIED value]', () => {
    const { wb, sheet } = load('function QUARTER_PROGRESS(d) { return 0.5; }');
    sheet.getRange('A1').setFormula('=TODAY()');
    sheet.getRange('A2').setValue('2026-02-15');
    sheet
      .getRange('B1:B3')
      .setFormulas([['=QUARTER_PROGRESS(TODAY())'], ['=QUARTER_PROGRESS(A1)'], ['=QUARTER_PROGRESS(A2)']]);
    sheet.getRange('C1').setFormula('=QUARTER_PROGRESS(A1:A2)');
    expect(sheet.getRange('B1:C3').getValues()).toEqual([
      ['#N/A', '#N/A'],
      ['#N/A', ''],
      [0.5, ''],
    ]);
    expect(wb.errorMessage('Sheet1!B2')).toBe('Loading...');
  });

  it('are counted as CustomFunction.<NAME>, once per computation', () => {
    const { wb, sheet } = load('function KR_SCORE(s, t, c) { return c; }');
    sheet.getRange('A1').setFormula('=KR_SCORE(0, 1, B1)');
    sheet.getRange('B1').setValue(5);
    sheet.getRange('C1').setValue(5); // not an argument: no recomputation
    expect(wb.counter.get('CustomFunction.KR_SCORE')).toBe(2);
  });

  it('are counted by the sheet their formula is in: an edit recomputes only what depends on it', () => {
    const { wb, sheet } = load('function KR_SCORE(s, t, c) { return c; }');
    const other = wb.spreadsheet.insertSheet('Other');
    sheet.getRange('A1').setFormula('=KR_SCORE(0, 1, B1)');
    other.getRange('A1').setFormula('=KR_SCORE(0, 1, Sheet1!B1)');
    other.getRange('A2').setFormula('=KR_SCORE(0, 1, B2)');
    wb.counter.reset();
    sheet.getRange('B1').setValue(5);
    expect(wb.counter.customFunctionsBySheet()).toEqual({ Other: 1, Sheet1: 1 });
    wb.counter.reset();
    other.getRange('B2').setValue(5);
    expect(wb.counter.customFunctionsBySheet()).toEqual({ Other: 1 });
  });
});

describe('the script’s other functions from formulas [DOC CF: a function is a custom function by its name]', () => {
  it('are called by their name in any case; private ones (name_) are not; results spill at their size', () => {
    const { wb, sheet } = load(`
      function DOUBLE(x) { return x * 2; }
      function columnOf(k) { return [1, 2, 3].slice(0, k); }
      function grid_() { return 1; }`);
    sheet.getRange('A1:A3').setFormulas([['=DOUBLE(4)'], ['=double(5)'], ['=GRID_()']]);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([[8], [10], ['#NAME?']]);
    sheet.getRange('C1').setValue(2);
    sheet.getRange('B1').setFormula('=COLUMNOF(C1)');
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[1], [2], ['']]);
    // a result that grows spills further; over data it is blocked, with Sheets' note
    sheet.getRange('B5').setValue('x');
    sheet.getRange('C1').setValue(3);
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[1], [2], [3]]);
    sheet.getRange('B3').setValue('in the way');
    sheet.getRange('C1').setValue(1);
    sheet.getRange('C1').setValue(3);
    expect(sheet.getRange('B1').getValue()).toBe('#REF!');
    expect(wb.errorMessage('Sheet1!B1')).toBe(
      'Array result was not expanded because it would overwrite data in B3.',
    );
  });
});

describe('triggers and auth modes', () => {
  const script = `
    function onOpen(e) {
      SpreadsheetApp.getUi().createAddonMenu().addItem('Go', 'go').addToUi();
      return e && e.authMode;
    }
    function readsDoc() { return SpreadsheetApp.getActiveSpreadsheet().getName(); }
    function onEdit(e) { e.source.getSheets()[0].getRange('Z1').setValue(e.range.getA1Notation() + '=' + e.value + ' was ' + e.oldValue); }`;

  it('onOpen runs in each ScriptApp.AuthMode; in NONE the document cannot be read [DOC* auth-mode; UNVERIFIED message]', () => {
    const { app } = load(script);
    for (const authMode of ['NONE', 'LIMITED', 'FULL']) {
      expect(app.call('onOpen', { authMode })).toBe(authMode);
    }
    expect(app.services.ui.menus()[0]!.items).toEqual([{ caption: 'Go', functionName: 'go' }]);
    expect(() => app.callAs({ context: 'trigger', authMode: 'NONE' }, 'readsDoc')).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet.',
    );
    expect(app.call('readsDoc')).toBe('Untitled spreadsheet');
  });

  it('gives trigger events their source spreadsheet, except in NONE', () => {
    const { app } = load('function onOpen(e) { return e.source ? e.source.getName() : "no source"; }');
    expect(app.call('onOpen', { authMode: 'LIMITED' })).toBe('Untitled spreadsheet');
    expect(app.call('onOpen', { authMode: 'NONE' })).toBe('no source');
  });

  it('runs onEdit after a user edit, with range, value and oldValue', () => {
    const { wb, sheet } = load(script);
    sheet.getRange('B2').setValue('old');
    wb.edit('Sheet1', 'B2', 'new');
    expect(sheet.getRange('Z1').getValue()).toBe('B2=new was old');
  });

  it('keeps the edit when onEdit fails, logging the error', () => {
    const { wb, app, sheet } = load('function onEdit(e) { throw new Error("boom"); }');
    expect(wb.edit('Sheet1', 'A1', '5')).toEqual({ status: 'applied' });
    expect(sheet.getRange('A1').getValue()).toBe(5);
    expect(app.logs).toEqual(['onEdit failed: boom']);
  });
});

describe('each execution starts fresh [reference §audit "Each execution starts fresh"]', () => {
  const script = `
    var count = 0;
    function bump() { count++; return count; }
    function KR_SCORE() { count++; return count; }
    function writeThenRead() {
      count = 10;
      var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      sheet.getRange('A1').setFormula('=KR_SCORE(1, 2, 3)');
      var computed = sheet.getRange('A1').getValue();
      return [computed, count, new Error('x') instanceof Error];
    }`;

  it('module state does not survive between calls, google.script.run calls or custom functions', () => {
    const { app, sheet } = load(script);
    expect(app.call('bump')).toBe(1);
    expect(app.call('bump')).toBe(1);
    expect(app.run('bump')).toBe(1);
    sheet.getRange('B1:B2').setFormulas([['=KR_SCORE(1, 2, 3)'], ['=KR_SCORE(1, 2, 4)']]);
    expect(sheet.getRange('B1:B2').getValues()).toEqual([[1], [1]]);
    expect(app.loads).toBeGreaterThanOrEqual(5);
  });

  it('a custom function computed during a call runs in its own context; the call’s own is back after it', () => {
    const { app } = load(script);
    // the formula's computation saw a fresh count (1), the call still sees its own (10)
    expect(app.call('writeThenRead')).toEqual([1, 10, true]);
  });

  it('shares one context when asked (freshContexts: false)', () => {
    const wb = createWorkbook();
    const app = wb.loadBundle({ path: scriptFile(script), freshContexts: false });
    expect([app.call('bump'), app.call('bump'), app.run('bump')]).toEqual([1, 2, 3]);
    expect(app.loads).toBe(1);
  });
});
