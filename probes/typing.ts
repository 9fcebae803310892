/** Probes of text written as Sheets reads typed text (USER_ENTERED), in en_US and fr_FR (typing.test.ts). */
import { D, type Probe, type Probing } from './kit';

const TEST = 'test/emulator/typing.test.ts';

/** Writes texts down column A of a scratch sheet; returns values, display values and formats. */
function written(t: Probing, texts: string[]) {
  const r = t.sheet().getRange(1, 1, texts.length, 1);
  r.setValues(texts.map((x) => [x]));
  const col = <T>(rows: T[][]) => rows.map((row) => row[0]);
  return { values: col(r.getValues()), shown: col(r.getDisplayValues()), formats: col(r.getNumberFormats()) };
}

const year = () => new Date().getFullYear();

export const TYPING_PROBES: Probe[] = [
  {
    id: 'typed_dates_en',
    behaviour:
      'en_US reads month first: "1/2" is January 2 of this year, "1/2/2026", "1/2/26", "1-2-2026"; "Jan 5", "January 5, 2026", "5 Jan 2026", "5-Jan-2026"; "Jan 2026" is its first day; invalid days stay text',
    source: '[UNVERIFIED]',
    test: TEST,
    run(t) {
      const w = written(t, [
        '1/2',
        '1/2/2026',
        '1/2/26',
        '1-2-2026',
        'Jan 5',
        'January 5, 2026',
        '5 Jan 2026',
        '5-Jan-2026',
        'Jan 2026',
        '13/2/2026',
        '2/30',
      ]);
      t.eq('getValues', w.values, [
        D(`${year()}-01-02`),
        D('2026-01-02'),
        D('2026-01-02'),
        D('2026-01-02'),
        D(`${year()}-01-05`),
        D('2026-01-05'),
        D('2026-01-05'),
        D('2026-01-05'),
        D('2026-01-01'),
        '13/2/2026',
        '2/30',
      ]);
      t.eq('"1/2/2026" shown', w.shown[1], '1/2/2026');
    },
  },
  {
    id: 'typed_iso_month',
    behaviour:
      'ISO days ("2026-01-05", "2026/01/05") are dates shown as typed; "2026-01" (a KPI period header) is a date, shown 2026-01',
    source: '[UNVERIFIED]',
    test: TEST,
    run(t) {
      const w = written(t, ['2026-01-05', '2026/01/05', '2026-01', '2026-13']);
      t.eq('getValues', w.values, [D('2026-01-05'), D('2026-01-05'), D('2026-01-01'), '2026-13']);
      t.eq('getDisplayValues', w.shown, ['2026-01-05', '2026-01-05', '2026-01', '2026-13']);
      t.eq('getNumberFormats', w.formats.slice(0, 3), ['yyyy-mm-dd', 'yyyy-mm-dd', 'yyyy-mm']);
    },
  },
  {
    id: 'typed_dates_fr',
    behaviour:
      'fr_FR reads day first ("1/2" is February 1, shown dd/MM/yyyy) and French month names and abbreviations ("5 janv.", "5 janvier 2026", "1 févr.", "mai 2026"), English ones too',
    source: '[UNVERIFIED]',
    test: TEST,
    locale: 'fr_FR',
    run(t) {
      const w = written(t, [
        '1/2',
        '01/02/2026',
        '5 janv.',
        '5 janvier 2026',
        '1 févr.',
        'mai 2026',
        'Jan 5',
      ]);
      t.eq('getValues', w.values, [
        D(`${year()}-02-01`),
        D('2026-02-01'),
        D(`${year()}-01-05`),
        D('2026-01-05'),
        D(`${year()}-02-01`),
        D('2026-05-01'),
        D(`${year()}-01-05`),
      ]);
      t.eq('"01/02/2026" shown', w.shown[1], '01/02/2026');
    },
  },
  {
    id: 'typed_times',
    behaviour:
      '"10:30" is a time of day (a Date on 1899-12-30, format h:mm), "10:30:15" (h:mm:ss), "10:30 PM" (h:mm am/pm); "25:00" a duration ([h]:mm:ss); "10:75" stays text',
    source: '[UNVERIFIED formats]',
    test: TEST,
    run(t) {
      const w = written(t, ['10:30', '10:30:15', '10:30 PM', '25:00', '10:75']);
      t.eq('getValues', w.values, [
        D('1899-12-30 10:30'),
        D('1899-12-30 10:30:15'),
        D('1899-12-30 22:30'),
        D('1899-12-31 01:00'),
        '10:75',
      ]);
      t.eq('getDisplayValues', w.shown, ['10:30', '10:30:15', '10:30 PM', '25:00:00', '10:75']);
      t.eq('getNumberFormats', w.formats.slice(0, 4), ['h:mm', 'h:mm:ss', 'h:mm am/pm', '[h]:mm:ss']);
    },
  },
  {
    id: 'typed_currency_en',
    behaviour:
      'en_US: "$5", "-$5", "$-5", "$1,234.50" are numbers in the format "$"#,##0.00 (shown $5.00); "5 €" stays text',
    source: '[OBS for $; the format and the others UNVERIFIED]',
    test: TEST,
    run(t) {
      const w = written(t, ['$5', '-$5', '$-5', '$1,234.50', '5 €']);
      t.eq('getValues', w.values, [5, -5, -5, 1234.5, '5 €']);
      t.eq('getDisplayValues', w.shown.slice(0, 4), ['$5.00', '-$5.00', '-$5.00', '$1,234.50']);
      t.eq('getNumberFormat', w.formats[0], '"$"#,##0.00');
    },
  },
  {
    id: 'typed_currency_fr',
    behaviour:
      'fr_FR: "5 €", "5€", "5,00 €", "1 234,50 €", "-5 €" are numbers shown "5,00 €"; "$5" stays text',
    source: '[UNVERIFIED]',
    test: TEST,
    locale: 'fr_FR',
    run(t) {
      const w = written(t, ['5 €', '5€', '5,00 €', '1 234,50 €', '-5 €', '$5']);
      t.eq('getValues', w.values, [5, 5, 5, 1234.5, -5, '$5']);
      t.eq('"5,00 €" shown', w.shown[2], '5,00 €');
    },
  },
  {
    id: 'typed_percent',
    behaviour: '"10%", "10 %", "12.5%" are fractions in a percent format (0%, 0.00%)',
    source: '[DOC CF for 10%; the others UNVERIFIED]',
    test: TEST,
    run(t) {
      const w = written(t, ['10%', '10 %', '12.5%', '-3%']);
      t.eq('getValues', w.values, [0.1, 0.1, 0.125, -0.03]);
      t.eq('getNumberFormats', w.formats, ['0%', '0%', '0.00%', '0%']);
    },
  },
  {
    id: 'typed_numbers',
    behaviour:
      'numbers with the locale’s separators ("1,234.5", "1e3", "+12" in en_US), the other locale’s stay text ("1,5" in en_US)',
    source: '[UNVERIFIED]',
    test: TEST,
    run(t) {
      const w = written(t, ['1,234.5', '1.5', '1,5', '1e3', '+12', ' 7 ']);
      t.eq('getValues', w.values, [1234.5, 1.5, '1,5', 1000, 12, 7]);
    },
  },
  {
    id: 'typed_booleans',
    behaviour: '"TRUE"/"false" in any case are booleans; "VRAI" stays text in en_US',
    source: '[UNVERIFIED]',
    test: TEST,
    run(t) {
      t.eq('getValues', written(t, ['TRUE', 'false', 'VRAI']).values, [true, false, 'VRAI']);
    },
  },
  {
    id: 'typed_errors',
    behaviour: 'an error code typed ("#N/A", "#REF!") is that error (ISNA/ISERROR see it)',
    source: '[UNVERIFIED]',
    test: TEST,
    run(t) {
      const s = t.sheet();
      s.getRange('A1:A2').setValues([['#N/A'], ['#REF!']]);
      s.getRange('B1:B2').setFormulas([['=ISNA(A1)'], ['=ISERROR(A2)']]);
      t.eq('values', s.getRange('A1:A2').getValues(), [['#N/A'], ['#REF!']]);
      t.eq('ISNA, ISERROR', t.settle(s.getRange('B1:B2')), [[true], [true]]);
    },
  },
  {
    id: 'plain_text_cells',
    behaviour: "a cell formatted as plain text ('@') keeps what is written as text, '=' included",
    source: "[OBS; UNVERIFIED for '=' and for setValue]",
    test: TEST,
    run(t) {
      const r = t.sheet().getRange('A1:A4');
      r.setNumberFormat('@');
      r.setValues([['1/2'], ['10%'], ["'x"], ['=1+1']]);
      t.eq('getValues', r.getValues(), [['1/2'], ['10%'], ['x'], ['=1+1']]);
      t.eq('getFormula', r.getFormulas()[3]![0], '');
    },
  },
];
