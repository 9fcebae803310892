/**
 * Typed text as Sheets reads it (USER_ENTERED: setValue/setValues with strings, and a user typing
 * through wb.edit), in en_US and fr_FR: dates, times, currency, percentages, booleans, numbers with
 * the locale's separators, error codes; a leading apostrophe, or a cell formatted as plain text,
 * keeps text. [DOC sheets/api ValueInputOption; reference §audit] The exact rules of Sheets are not
 * published: each case below is the emulator's choice, [UNVERIFIED] unless tagged otherwise, and
 * probed on live Sheets by probes/typing.ts.
 */
import { describe, expect, it } from 'vitest';
import { createWorkbook } from '../../emulator/index';
import { tmpFile } from './support';

const YEAR = new Date().getFullYear();

function typed(locale: string, texts: string[], via: 'setValues' | 'edit' = 'setValues') {
  const wb = createWorkbook({ locale, timeZone: 'UTC' });
  const sheet = wb.spreadsheet.getSheets()[0]!;
  const range = sheet.getRange(1, 1, texts.length, 1);
  if (via === 'setValues') range.setValues(texts.map((t) => [t]));
  else {
    texts.forEach((t, i) => {
      wb.edit(sheet.getName(), `A${i + 1}`, t);
    });
  }
  const values = range.getValues().map((r) => r[0]);
  const shown = range.getDisplayValues().map((r) => r[0]);
  const formats = range.getNumberFormats().map((r) => r[0]);
  return { wb, sheet, values, shown, formats };
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 16) : v);

describe('dates typed in en_US [UNVERIFIED]', () => {
  it('month first: "1/2" is January 2 of this year, "1/2/2026", "1/2/26" and "1-2-2026" too', () => {
    const { values, shown } = typed('en_US', ['1/2', '1/2/2026', '1/2/26', '1-2-2026', '13/2/2026', '2/30']);
    expect(values.map(iso)).toEqual([
      `${YEAR}-01-02T00:00`,
      '2026-01-02T00:00',
      '2026-01-02T00:00',
      '2026-01-02T00:00',
      '13/2/2026',
      '2/30',
    ]);
    expect(shown[1]).toBe('1/2/2026');
  });

  it('month names: "Jan 5", "January 5, 2026", "5 Jan 2026", "5-Jan-2026"; "Jan 2026" is its first day', () => {
    const { values } = typed('en_US', ['Jan 5', 'January 5, 2026', '5 Jan 2026', '5-Jan-2026', 'Jan 2026']);
    expect(values.map(iso)).toEqual([
      `${YEAR}-01-05T00:00`,
      '2026-01-05T00:00',
      '2026-01-05T00:00',
      '2026-01-05T00:00',
      '2026-01-01T00:00',
    ]);
  });

  it('ISO days stay shown as typed; "2026-01" (a KPI period header) is a date, shown 2026-01', () => {
    const { values, shown, formats } = typed('en_US', ['2026-01-05', '2026/01/05', '2026-01', '2026-13']);
    expect(values.map(iso)).toEqual(['2026-01-05T00:00', '2026-01-05T00:00', '2026-01-01T00:00', '2026-13']);
    expect(shown).toEqual(['2026-01-05', '2026-01-05', '2026-01', '2026-13']);
    expect(formats.slice(0, 3)).toEqual(['yyyy-mm-dd', 'yyyy-mm-dd', 'yyyy-mm']);
  });

  it('French month names stay text in English', () => {
    expect(typed('en_US', ['5 janv.', 'mai 2026']).values).toEqual(['5 janv.', 'mai 2026']);
  });
});

describe('dates typed in fr_FR [UNVERIFIED]', () => {
  it('day first: "1/2" is February 1 of this year, shown dd/MM/yyyy', () => {
    const { values, shown } = typed('fr_FR', ['1/2', '01/02/2026', '1/2/26', '31/12/2026']);
    expect(values.map(iso)).toEqual([
      `${YEAR}-02-01T00:00`,
      '2026-02-01T00:00',
      '2026-02-01T00:00',
      '2026-12-31T00:00',
    ]);
    expect(shown[1]).toBe('01/02/2026');
  });

  it('French month names and abbreviations: "5 janv.", "5 janvier 2026", "1 févr.", "mai 2026"; English ones too', () => {
    const { values } = typed('fr_FR', [
      '5 janv.',
      '5 janvier 2026',
      '1 févr.',
      '15 août 2026',
      'mai 2026',
      'Jan 5',
    ]);
    expect(values.map(iso)).toEqual([
      `${YEAR}-01-05T00:00`,
      '2026-01-05T00:00',
      `${YEAR}-02-01T00:00`,
      '2026-08-15T00:00',
      '2026-05-01T00:00',
      `${YEAR}-01-05T00:00`,
    ]);
  });
});

describe('times typed [UNVERIFIED formats]', () => {
  it('"10:30" is a time of day (a Date on 1899-12-30), "10:30 PM" too; "25:00" a duration', () => {
    const { values, shown, formats } = typed('en_US', ['10:30', '10:30:15', '10:30 PM', '25:00', '10:75']);
    expect(values.map(iso)).toEqual([
      '1899-12-30T10:30',
      '1899-12-30T10:30',
      '1899-12-30T22:30',
      '1899-12-31T01:00',
      '10:75',
    ]);
    expect(shown).toEqual(['10:30', '10:30:15', '10:30 PM', '25:00:00', '10:75']);
    expect(formats.slice(0, 4)).toEqual(['h:mm', 'h:mm:ss', 'h:mm am/pm', '[h]:mm:ss']);
  });

  it('a date and a time together', () => {
    expect(typed('en_US', ['1/2/2026 10:30']).values.map(iso)).toEqual(['2026-01-02T10:30']);
    expect(typed('fr_FR', ['1/2/2026 10:30']).values.map(iso)).toEqual(['2026-02-01T10:30']);
  });
});

describe('currency typed [OBS for $ in en_US; others UNVERIFIED]', () => {
  it('en_US: "$5", "-$5", "$-5", "$1,234.50" are numbers in a currency format', () => {
    const { values, shown, formats } = typed('en_US', ['$5', '-$5', '$-5', '$1,234.50', '5 €']);
    expect(values).toEqual([5, -5, -5, 1234.5, '5 €']);
    expect(shown.slice(0, 4)).toEqual(['$5.00', '-$5.00', '-$5.00', '$1,234.50']);
    expect(formats[0]).toBe('"$"#,##0.00');
  });

  it('fr_FR: "5 €", "5€", "5,00 €", "1 234,50 €", "-5 €" are numbers shown "5,00 €"', () => {
    const { values, shown } = typed('fr_FR', ['5 €', '5€', '5,00 €', '1 234,50 €', '-5 €', '$5']);
    expect(values).toEqual([5, 5, 5, 1234.5, -5, '$5']);
    expect(shown[2]).toBe('5,00 €');
    expect(shown[3]).toBe('1\u202f234,50 €');
  });
});

describe('percentages, numbers and booleans', () => {
  it('"10%", "10 %", "12.5%" are fractions in a percent format [DOC CF for 10%]', () => {
    expect(typed('en_US', ['10%', '10 %', '12.5%', '-3%']).values).toEqual([0.1, 0.1, 0.125, -0.03]);
    expect(typed('fr_FR', ['10 %', '10\u00a0%', '12,5 %']).values).toEqual([0.1, 0.1, 0.125]);
  });

  it('numbers with the locale’s separators; the other locale’s stay text [UNVERIFIED]', () => {
    expect(typed('en_US', ['1,234.5', '1.5', '1,5', '1e3', '+12']).values).toEqual([
      1234.5,
      1.5,
      '1,5',
      1000,
      12,
    ]);
    expect(typed('fr_FR', ['1 234,5', '1\u202f234,5', '1,5', '1.5', '12.5']).values).toEqual([
      1234.5,
      1234.5,
      1.5,
      '1.5',
      '12.5',
    ]);
  });

  it('"TRUE"/"false" in any case are booleans; "VRAI"/"FAUX" in French only', () => {
    expect(typed('en_US', ['TRUE', 'false', 'VRAI']).values).toEqual([true, false, 'VRAI']);
    expect(typed('fr_FR', ['VRAI', 'faux', 'TRUE']).values).toEqual([true, false, true]);
  });

  it('error codes typed are those errors [UNVERIFIED]; #NULL! stays text (the engine lacks it)', () => {
    const { wb, sheet, values } = typed('en_US', ['#N/A', '#REF!', '#NULL!']);
    expect(values).toEqual(['#N/A', '#REF!', '#NULL!']);
    sheet.getRange('B1').setFormula('=ISNA(A1)');
    sheet.getRange('B2').setFormula('=ISERROR(A2)');
    sheet.getRange('B3').setFormula('=ISERROR(A3)');
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[true], [true], [false]]);
    // saved and opened again, still errors
    const back = createWorkbook({ file: wb.save(tmpFile('errors.json')) });
    expect(back.spreadsheet.getSheets()[0]!.getRange('B1:B2').getValues()).toEqual([[true], [true]]);
  });
});

describe('text kept as text', () => {
  it('a leading apostrophe keeps any of them text, without the apostrophe [UNVERIFIED]', () => {
    const texts = ['1/2', 'Jan 5', '2026-01', '10:30', '$5', '10%', 'TRUE', '#N/A', '1,5', '=1+1', '+5'];
    const { values, shown } = typed(
      'en_US',
      texts.map((t) => `'${t}`),
    );
    expect(values).toEqual(texts);
    expect(shown).toEqual(texts);
  });

  it('a cell formatted as plain text (@) keeps what is written or typed as text [OBS; UNVERIFIED for "="]', () => {
    const wb = createWorkbook({ timeZone: 'UTC' });
    const sheet = wb.spreadsheet.getSheets()[0]!;
    sheet.getRange('A1:A4').setNumberFormat('@');
    sheet.getRange('A1:A3').setValues([['1/2'], ['10%'], ["'x"]]);
    wb.edit('Sheet1', 'A4', '=1+1');
    expect(sheet.getRange('A1:A4').getValues()).toEqual([['1/2'], ['10%'], ['x'], ['=1+1']]);
    expect(sheet.getRange('A4').getFormula()).toBe('');
  });

  it('wb.edit (a user typing) reads text the same way as setValues', () => {
    const texts = ['1/2', 'Jan 5', '2026-01', '10:30', '$5', '10%', 'TRUE', "'TRUE", 'Q1 2026', 'O1.2'];
    const a = typed('en_US', texts, 'setValues');
    const b = typed('en_US', texts, 'edit');
    expect(b.values.map(iso)).toEqual(a.values.map(iso));
    expect(b.formats).toEqual(a.formats);
    expect(a.values.slice(-2)).toEqual(['Q1 2026', 'O1.2']);
  });
});
