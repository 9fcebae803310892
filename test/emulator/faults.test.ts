/**
 * Cutting a run short, as a quota or a timeout does in Apps Script, so that tests can stop an
 * operation at each of its writes and retry it. A write refused this way is not made; the writes
 * before it stay made (Apps Script has no rollback); the fault then disarms itself.
 */
import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../emulator/index';
import { scriptFile } from './support';

const SCRIPT = `
  function three() {
    var sheet = SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1').setValue(1);
    PropertiesService.getDocumentProperties().setProperty('step', '2');
    sheet.getRange('A2').getValue();
    sheet.getRange('A3').setValue(3);
    return 'done';
  }
  function caught() {
    try { SpreadsheetApp.getActiveSheet().getRange('B1').setValue('x'); }
    catch (e) { return (e instanceof Error) + ' ' + String(e); }
  }`;

describe('counting writes', () => {
  it('counts the Spreadsheet and Properties calls that change something, not reads', () => {
    const wb = createWorkbook();
    const app = wb.loadBundle({ path: scriptFile(SCRIPT) });
    wb.counter.reset();
    expect(app.call('three')).toBe('done');
    expect(wb.writeCount).toBe(3);
    expect(wb.counter.writes()).toBe(3);
    expect(wb.counter.total()).toBeGreaterThan(3); // the reads and getRange calls are counted as calls only
  });
});

describe('failAfterWrites', () => {
  it('lets n writes through, refuses the next with the quota error, keeps what was written, then disarms', () => {
    const wb = createWorkbook();
    const app = wb.loadBundle({ path: scriptFile(SCRIPT) });
    const sheet = wb.spreadsheet.getSheets()[0]!;
    wb.failAfterWrites(1);
    expect(() => app.call('three')).toThrow(
      'Service invoked too many times for one day: properties.', // [OBS form; service word UNVERIFIED]
    );
    expect(sheet.getRange('A1').getValue()).toBe(1); // made before the cut: stays
    expect(app.services.globals.PropertiesService.getDocumentProperties().getProperty('step')).toBeNull();
    expect(sheet.getRange('A3').getValue()).toBe('');
    expect(wb.counter.faultArmed()).toBe(false);
    expect(app.call('three')).toBe('done'); // the retry runs whole
    expect(sheet.getRange('A3').getValue()).toBe(3);
  });

  it('cuts at a Spreadsheet write with the spreadsheets quota error, or a message of the test’s choosing', () => {
    const wb = createWorkbook();
    const app = wb.loadBundle({ path: scriptFile(SCRIPT) });
    wb.failAfterWrites(2);
    expect(() => app.call('three')).toThrow('Service invoked too many times for one day: spreadsheets.');
    wb.failAfterWrites(0, 'Exceeded maximum execution time');
    expect(() => app.call('three')).toThrow('Exceeded maximum execution time');
  });

  it('throws an Error of the script’s realm named Exception, which the script can catch', () => {
    const wb = createWorkbook();
    const app = wb.loadBundle({ path: scriptFile(SCRIPT) });
    wb.failAfterWrites(0);
    expect(app.call('caught')).toBe(
      'true Exception: Service invoked too many times for one day: spreadsheets.',
    );
    expect(wb.spreadsheet.getRange('B1').getValue()).toBe('');
  });

  it('undefined disarms; reads never trip it', () => {
    const wb = createWorkbook();
    const sheet = wb.spreadsheet.getSheets()[0]!;
    wb.failAfterWrites(0);
    sheet.getRange('A1:B2').getValues();
    sheet.getLastRow();
    expect(wb.counter.faultArmed()).toBe(true);
    wb.failAfterWrites(undefined);
    sheet.getRange('A1').setValue('fine');
    expect(sheet.getRange('A1').getValue()).toBe('fine');
  });
});
