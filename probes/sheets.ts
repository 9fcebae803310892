/**
 * Probes of sheets, rows, sorting and array formulas (sheets.test.ts, sheet-names.test.ts,
 * sort.test.ts, rows.test.ts, literals.test.ts).
 */
import type { Probe, Probing } from './kit';

/** A name no sheet has, with a prefix. */
function freeName(t: Probing, prefix: string): string {
  let name = prefix;
  for (let n = 2; t.ss.getSheetByName(name); n++) name = `${prefix} ${n}`;
  return name;
}

const column = (r: GoogleAppsScript.Spreadsheet.Range) => r.getValues().map((row) => row[0]);

export const SHEET_PROBES: Probe[] = [
  {
    id: 'sheet_names_ignore_case',
    behaviour:
      'sheet names are unique ignoring case: insertSheet("Check-ins") next to "check-ins" throws \'A sheet with the name "Check-ins" already exists. Please enter another name.\'',
    source: '[OBS reference §audit; the message EMU, quote style PARTLY VERIFIED]',
    test: 'test/emulator/sheet-names.test.ts',
    run(t) {
      const lower = freeName(t, 'probe check-ins');
      const s = t.ss.insertSheet(lower);
      const upper = lower.replace('check-ins', 'Check-ins');
      try {
        t.throws(
          'insertSheet',
          () => t.ss.insertSheet(upper),
          `A sheet with the name "${upper}" already exists. Please enter another name.`,
        );
      } finally {
        const stray = t.ss.getSheets().filter((x) => x.getName() === upper);
        for (const x of stray) t.ss.deleteSheet(x);
        t.ss.deleteSheet(s);
      }
    },
  },
  {
    id: 'sheet_by_name_exact',
    behaviour: 'getSheetByName matches the exact name, case included (null otherwise)',
    source: '[OBS: public scripts’ comments; one says otherwise — UNVERIFIED]',
    test: 'test/emulator/sheet-names.test.ts',
    run(t) {
      const s = t.sheet();
      t.eq('exact', t.ss.getSheetByName(s.getName())?.getName() ?? null, s.getName());
      t.eq('upper case', t.ss.getSheetByName(s.getName().toUpperCase()), null);
    },
  },
  {
    id: 'formula_sheet_names_ignore_case',
    behaviour: 'formulas name sheets ignoring case',
    source: '[OBS]',
    test: 'test/emulator/sheet-names.test.ts',
    run(t) {
      const a = t.sheet();
      const b = t.sheet();
      b.getRange('A1').setValue(7);
      a.getRange('A1').setFormula(`='${b.getName().toUpperCase()}'!A1*2`);
      t.eq('value', t.settle(a.getRange('A1'))[0]![0], 14);
    },
  },
  {
    id: 'deleted_sheet_ref',
    behaviour:
      'formulas reading a deleted sheet show #REF! in their text, and stay so when a sheet of that name comes back',
    source: '[UNVERIFIED]',
    test: 'test/emulator/rows.test.ts',
    run(t) {
      const main = t.sheet();
      const name = freeName(t, 'probe log');
      let log = t.ss.insertSheet(name);
      log.getRange('A1').setValue(5);
      main.getRange('A1').setFormula(`=SUM('${name}'!A1:A3)`);
      t.ss.deleteSheet(log);
      t.eq('formula', main.getRange('A1').getFormula(), '=SUM(#REF!)');
      t.eq('value', t.settle(main.getRange('A1'))[0]![0], '#REF!');
      log = t.ss.insertSheet(name);
      log.getRange('A1').setValue(5);
      t.eq('after the sheet is back', t.settle(main.getRange('A1'))[0]![0], '#REF!');
      t.ss.deleteSheet(log);
    },
  },
  {
    id: 'sort_order',
    behaviour:
      'a sort orders numbers (dates too), errors, text ignoring case, booleans, blanks last in both directions; it is stable',
    source: '[OBS o-spreadsheet; errors’ place UNVERIFIED]',
    test: 'test/emulator/sort.test.ts',
    run(t) {
      const r = t.sheet().getRange('A1:A9');
      r.setValues([[3], ['b'], [true], [''], ['A'], [1], [false], ['B'], ['=NA()']]);
      r.sort(1);
      t.eq('ascending', column(r), [1, 3, '#N/A', 'A', 'b', 'B', false, true, '']);
      r.sort({ column: 1, ascending: false });
      t.eq('descending', column(r), [true, false, 'b', 'B', 'A', '#N/A', 3, 1, '']);
    },
  },
  {
    id: 'sort_column_outside',
    behaviour:
      "a sort's column is the sheet's and must lie in the range: 'Sort column 1 is outside the range B1:C3.'",
    source: '[DOC* RANGE#sort; the wording UNVERIFIED]',
    test: 'test/emulator/sort.test.ts',
    run(t) {
      const s = t.sheet();
      s.getRange('A1:C3').setValues([
        ['keep', 2, 'b'],
        ['me', 3, 'c'],
        ['here', 1, 'a'],
      ]);
      s.getRange('B1:C3').sort(3);
      t.eq('sorted by C', s.getRange('A1:C3').getValues(), [
        ['keep', 1, 'a'],
        ['me', 2, 'b'],
        ['here', 3, 'c'],
      ]);
      t.throws('column A', () => s.getRange('B1:C3').sort(1), 'Sort column 1 is outside the range B1:C3.');
    },
  },
  {
    id: 'sort_moves_formats',
    behaviour: 'formats, notes and validations move with a sorted row; cells outside the range stay',
    source: '[OBS]',
    test: 'test/emulator/sort.test.ts',
    run(t) {
      const s = t.sheet();
      s.getRange('A1:C2').setValues([
        ['outside 1', 'b', 0.5],
        ['outside 2', 'a', 7],
      ]);
      s.getRange('C1').setNumberFormat('0%').setNote('half').setBackground('#00ff00');
      s.getRange('B1:C2').sort(2);
      t.eq('shown', s.getRange('A1:C2').getDisplayValues(), [
        ['outside 1', 'a', '7'],
        ['outside 2', 'b', '50%'],
      ]);
      t.eq(
        'note and background moved',
        [s.getRange('C2').getNote(), s.getRange('C2').getBackground()],
        ['half', '#00ff00'],
      );
    },
  },
  {
    id: 'sort_moves_formulas',
    behaviour: 'a sorted formula moves with its row, relative references with it, absolute ones staying',
    source: '[OBS o-spreadsheet]',
    test: 'test/emulator/sort.test.ts',
    run(t) {
      const s = t.sheet();
      s.getRange('E1').setValue(100);
      s.getRange('A1:B3').setValues([
        [3, '=A1*2+$E$1'],
        [1, '=SUM(A2:A)'],
        [2, '=A3*2+$E$1'],
      ]);
      s.getRange('A1:B3').sort(1);
      t.eq(
        'formulas',
        s
          .getRange('B1:B3')
          .getFormulas()
          .map((r) => r[0]),
        ['=SUM(A1:A)', '=A2*2+$E$1', '=A3*2+$E$1'],
      );
      t.eq('values', column(s.getRange('B1:B3')), [6, 104, 106]);
    },
  },
  {
    id: 'sort_spilled_not_content',
    behaviour:
      'cells an array formula spilled into are not content to a sort: the array spills again in the new order; an anchor in the range moves with its row',
    source: '[OBS]',
    test: 'test/emulator/sort.test.ts',
    run(t) {
      const s = t.sheet();
      s.getRange('A1:A3').setValues([[2], [3], [1]]);
      s.getRange('B1').setFormula('={A1*10, A1*100}');
      s.getRange('A1:C3').sort({ column: 1, ascending: false });
      t.eq('anchor moved', s.getRange('B2').getFormula(), '={A2*10, A2*100}');
      t.eq('values', t.settle(s.getRange('A1:C3')), [
        [3, '', ''],
        [2, 20, 200],
        [1, '', ''],
      ]);
    },
  },
  {
    id: 'sheet_sort_frozen',
    behaviour: 'Sheet.sort sorts the rows below the frozen ones',
    source: '[DOC* SHEET#sort]',
    test: 'test/emulator/sort.test.ts',
    run(t) {
      const s = t.sheet();
      s.getRange('A1:B4').setValues([
        ['name', 'score'],
        ['b', 2],
        ['c', 3],
        ['a', 1],
      ]);
      s.setFrozenRows(1);
      s.sort(2, false);
      t.eq('sorted', column(s.getRange('A1:A4')), ['name', 'c', 'b', 'a']);
    },
  },
  {
    id: 'insert_row_formats',
    behaviour:
      'rows inserted by a script take the formats and validations of the row they are inserted after (before, for insertRowBefore)',
    source: '[UNVERIFIED for Apps Script’s insertRows*]',
    test: 'test/emulator/sheets.test.ts',
    run(t) {
      const s = t.sheet();
      s.getRange('A2:B2').setBackground('#ff0000');
      s.getRange('B2').setNumberFormat('0.0%');
      s.insertRowAfter(2);
      t.eq(
        'after',
        [s.getRange('A3').getBackground(), s.getRange('B3').getNumberFormat()],
        ['#ff0000', '0.0%'],
      );
      s.insertRowBefore(2);
      t.eq('before', s.getRange('A2').getBackground(), '#ff0000');
    },
  },
  {
    id: 'group_depth_clamp',
    behaviour: 'a row group’s depth stays within 0–8',
    source: '[UNVERIFIED clamp]',
    test: 'test/emulator/sheets.test.ts',
    run(t) {
      const s = t.sheet();
      s.getRange('2:3').shiftRowGroupDepth(10);
      t.eq('depth', s.getRowGroupDepth(2), 8);
      s.getRange('2:3').shiftRowGroupDepth(-20);
      t.eq('depth', s.getRowGroupDepth(2), 0);
    },
  },
  {
    id: 'rows_refs_adjust',
    behaviour:
      'rows inserted or deleted adjust references as for any formula: closed ranges grow and shrink, $D$1 moves, open-ended ranges stay open',
    source: '[OBS]',
    test: 'test/emulator/rows.test.ts',
    run(t) {
      const s = t.sheet();
      s.getRange('A3:A10').setValues([[1], [2], [3], [4], [5], [6], [7], [8]]);
      s.getRange('D1').setValue(100);
      s.getRange('B1').setFormula('=SUM(A3:A10)+$D$1');
      s.getRange('C1').setFormula('=ARRAYFORMULA(A3:A*2)');
      s.insertRowsBefore(5, 2);
      t.eq('grown', s.getRange('B1').getFormula(), '=SUM(A3:A12)+$D$1');
      t.eq('open', s.getRange('C1').getFormula(), '=ARRAYFORMULA(A3:A*2)');
      s.insertRowBefore(1);
      t.eq('moved', s.getRange('B2').getFormula(), '=SUM(A4:A13)+$D$2');
      s.deleteRows(4, 3);
      t.eq('shrunk', s.getRange('B2').getFormula(), '=SUM(A4:A10)+$D$2');
      t.eq('value', t.settle(s.getRange('B2'))[0]![0], 133);
    },
  },
  {
    id: 'rows_anchor_moves',
    behaviour:
      'an array formula’s anchor moves with its row and goes with it; its result recomputes at once over rows inserted inside it',
    source: '[OBS]',
    test: 'test/emulator/rows.test.ts',
    run(t) {
      const s = t.sheet();
      s.getRange('A3:A5').setValues([[1], [2], [3]]);
      s.getRange('B3').setFormula('=ARRAYFORMULA(A3:A5*10)');
      s.insertRowAfter(3);
      t.eq('inside', column(s.getRange('B3:B6')), [10, 0, 20, 30]);
      s.insertRowBefore(3);
      t.eq('anchor moved', s.getRange('B4').getFormula(), '=ARRAYFORMULA(A4:A7*10)');
      s.deleteRow(4);
      t.eq(
        'gone with its row',
        s
          .getRange('B1:B8')
          .getFormulas()
          .map((r) => r[0])
          .filter(Boolean),
        [],
      );
    },
  },
  {
    id: 'array_literal_widths',
    behaviour:
      'an array literal whose rows differ in width is #REF! with the note "In ARRAY_LITERAL, an Array Literal was missing values for one or more rows."',
    source: '[OBS]',
    test: 'test/emulator/literals.test.ts',
    run(t) {
      const s = t.sheet();
      s.getRange('A1:B2').setValues([
        [1, 2],
        [3, 4],
      ]);
      s.getRange('D1').setFormula('={A1:B1; A2}');
      t.eq('value', t.settle(s.getRange('D1'))[0]![0], '#REF!');
      t.check(
        `In "${s.getName()}", hover D1: "In ARRAY_LITERAL, an Array Literal was missing values for one or more rows."`,
      );
    },
  },
  {
    id: 'array_literal_heights',
    behaviour: 'an array literal whose cells side by side differ in height is #VALUE!',
    source: '[UNVERIFIED]',
    test: 'test/emulator/literals.test.ts',
    run(t) {
      const s = t.sheet();
      s.getRange('A1:B2').setValues([
        [1, 2],
        [3, 4],
      ]);
      s.getRange('E1').setFormula('={A1:A2, B1}');
      t.eq('value', t.settle(s.getRange('E1'))[0]![0], '#VALUE!');
    },
  },
  {
    id: 'last_row_within_sheet',
    behaviour:
      'getLastRow() never exceeds getMaxRows(); the rows a FILTER leaves unused below its matches are not content',
    source: '[UNVERIFIED]',
    test: 'test/emulator/rows.test.ts',
    run(t) {
      const s = t.sheet();
      s.getRange('A1:B5').setValues([
        ['a', 10],
        ['b', 20],
        ['a', 30],
        ['c', 40],
        ['a', 50],
      ]);
      s.getRange('D1').setFormula('=FILTER(B1:B, A1:A="a")');
      t.settle(s.getRange('D1:D3'));
      t.eq('getLastRow', s.getLastRow(), 5);
      s.deleteRows(10, s.getMaxRows() - 100);
      t.eq('within the sheet', s.getLastRow() <= s.getMaxRows(), true);
    },
  },
  {
    id: 'sparkline_blank',
    behaviour: "SPARKLINE's value is blank to a script (its formula is kept)",
    source: '[UNVERIFIED]',
    test: 'test/emulator/formulas.test.ts',
    run(t) {
      const s = t.sheet();
      s.getRange('A1:C1').setValues([[1, 2, 3]]);
      s.getRange('D1').setFormula('=SPARKLINE(A1:C1)');
      t.eq('value', t.settle(s.getRange('D1'))[0]![0], '');
      t.eq('formula', s.getRange('D1').getFormula(), '=SPARKLINE(A1:C1)');
    },
  },
];
