/** Probes of values written and read back (values.test.ts, display.test.ts, sheets.test.ts). */
import { D, Matching, type Probe } from './kit';

export const VALUE_PROBES: Probe[] = [
  {
    id: 'error_code_values',
    behaviour: "error cells read as their code ('#N/A'), by getValues and getDisplayValues",
    source: '[UNVERIFIED]',
    test: 'test/emulator/values.test.ts',
    run(t) {
      const r = t.sheet().getRange('A1:C1');
      r.setFormulas([['=NA()', '=1/0', '=SQRT(-1)']]);
      t.eq('getValues', t.settle(r)[0], ['#N/A', '#DIV/0!', '#NUM!']);
      t.eq('getDisplayValues', r.getDisplayValues()[0], ['#N/A', '#DIV/0!', '#NUM!']);
    },
  },
  {
    id: 'apostrophe_text',
    behaviour: 'a leading apostrophe keeps text; getValue gives it without the apostrophe',
    source: '[UNVERIFIED]',
    test: 'test/emulator/values.test.ts',
    run(t) {
      const r = t.sheet().getRange('A1:C1');
      r.setValues([["'0123", "'=1+1", "'TRUE"]]);
      t.eq('getValues', r.getValues()[0], ['0123', '=1+1', 'TRUE']);
      t.eq('getDisplayValues', r.getDisplayValues()[0], ['0123', '=1+1', 'TRUE']);
      t.eq('getFormulas', r.getFormulas()[0], ['', '', '']);
    },
  },
  {
    id: 'plus_minus_formula',
    behaviour: "'+cmd' and '-cmd' written become formulas ('=+cmd'); '+12' is the number 12",
    source: '[UNVERIFIED]',
    test: 'test/emulator/values.test.ts',
    run(t) {
      const r = t.sheet().getRange('A1:C1');
      r.setValues([['+cmd', '-x', '+12']]);
      t.eq('getFormulas', r.getFormulas()[0], ['=+cmd', '=-x', '']);
      t.eq('getValues', t.settle(r)[0], ['#NAME?', '#NAME?', 12]);
    },
  },
  {
    id: 'date_written_format',
    behaviour: "a Date written gets the locale's date format, with the time unless it is midnight",
    source: '[UNVERIFIED detail]',
    test: 'test/emulator/values.test.ts',
    run(t) {
      const s = t.sheet();
      const tz = t.ss.getSpreadsheetTimeZone();
      const midnight = Utilities.parseDate('2026-03-01 00:00:00', tz, 'yyyy-MM-dd HH:mm:ss');
      const morning = Utilities.parseDate('2026-03-01 09:45:00', tz, 'yyyy-MM-dd HH:mm:ss');
      s.getRange('A1:B1').setValues([[midnight, morning]]);
      t.eq('getValues', s.getRange('A1:B1').getValues()[0], [D('2026-03-01'), D('2026-03-01 09:45')]);
      t.eq('getNumberFormats', s.getRange('A1:B1').getNumberFormats()[0], ['M/d/yyyy', 'M/d/yyyy H:mm:ss']);
      t.eq('getDisplayValues', s.getRange('A1:B1').getDisplayValues()[0], ['3/1/2026', '3/1/2026 9:45:00']);
    },
  },
  {
    id: 'nan_written_text',
    behaviour: 'NaN and Infinity written are their text',
    source: '[UNVERIFIED]',
    test: 'test/emulator/values.test.ts',
    run(t) {
      const r = t.sheet().getRange('A1:B1');
      r.setValues([[Number.NaN, Number.POSITIVE_INFINITY]]);
      t.eq('getValues', r.getValues()[0], ['NaN', 'Infinity']);
    },
  },
  {
    id: 'object_written_string',
    behaviour: 'null and undefined are written as blanks, other objects as their String()',
    source: '[UNVERIFIED]',
    test: 'test/emulator/values.test.ts',
    run(t) {
      const r = t.sheet().getRange('A1:C1');
      r.setValues([[{ a: 1 }, null, undefined]]);
      t.eq('getValues', r.getValues()[0], ['[object Object]', '', '']);
    },
  },
  {
    id: 'unformatted_general',
    behaviour: "getNumberFormat of a cell never formatted is 'General'",
    source: "[UNVERIFIED: older runtimes gave '0.###############']",
    test: 'test/emulator/range.test.ts',
    run(t) {
      const r = t.sheet().getRange('A1');
      r.setValue(1.5);
      t.eq('getNumberFormat', r.getNumberFormat(), 'General');
    },
  },
  {
    id: 'checkbox_blank_false',
    behaviour: 'a blank cell with a true/false checkbox rule reads false, and is not content',
    source: '[UNVERIFIED]',
    test: 'test/emulator/values.test.ts',
    run(t) {
      const s = t.sheet();
      s.getRange('B1').setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
      t.eq('getValue', s.getRange('B1').getValue(), false);
      t.eq('getDisplayValue', s.getRange('B1').getDisplayValue(), 'FALSE');
      t.eq('getLastRow', s.getLastRow(), 0);
    },
  },
  {
    id: 'empty_data_range',
    behaviour: "an empty sheet's data range is A1; getLastRow and getLastColumn are 0",
    source: '[UNVERIFIED]',
    test: 'test/emulator/sheets.test.ts',
    run(t) {
      const s = t.sheet();
      t.eq('getDataRange', s.getDataRange().getA1Notation(), 'A1');
      t.eq('getLastRow, getLastColumn', [s.getLastRow(), s.getLastColumn()], [0, 0]);
    },
  },
  {
    id: 'fr_dot_decimal_text',
    behaviour: 'in fr_FR, "12.5" written stays text (a decimal comma is expected); "12,5" is 12.5',
    source: '[UNVERIFIED]',
    test: 'test/emulator/values.test.ts',
    locale: 'fr_FR',
    run(t) {
      const r = t.sheet().getRange('A1:B1');
      r.setValues([['12.5', '12,5']]);
      t.eq('getValues', r.getValues()[0], ['12.5', 12.5]);
    },
  },
  {
    id: 'fr_group_separator',
    behaviour:
      "in fr_FR, '#,##0.0' shows thousands with a narrow no-break space (U+202F) and a decimal comma",
    source: '[UNVERIFIED separator]',
    test: 'test/emulator/display.test.ts',
    locale: 'fr_FR',
    run(t) {
      const r = t.sheet().getRange('A1');
      r.setValue(1234.5).setNumberFormat('#,##0.0');
      t.eq('getDisplayValue', r.getDisplayValue(), '1\u202f234,5');
    },
  },
  {
    id: 'fr_booleans_display',
    behaviour: 'in fr_FR, booleans display VRAI/FAUX',
    source: '[UNVERIFIED]',
    test: 'test/emulator/display.test.ts',
    locale: 'fr_FR',
    run(t) {
      const r = t.sheet().getRange('A1:B1');
      r.setValues([[true, false]]);
      t.eq('getDisplayValues', r.getDisplayValues()[0], ['VRAI', 'FAUX']);
    },
  },
  {
    id: 'fr_default_sheet_name',
    behaviour: "a sheet inserted without a name is 'Feuille N' in French ('SheetN' in English)",
    source: "[UNVERIFIED: Sheets' French default name]",
    test: 'test/emulator/sheets.test.ts',
    locale: 'fr_FR',
    run(t) {
      const s = t.ss.insertSheet();
      const name = s.getName();
      t.ss.deleteSheet(s);
      t.eq('insertSheet().getName()', name, new Matching(/^Feuille \d+$/));
    },
  },
];
