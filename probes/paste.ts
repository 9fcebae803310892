/**
 * Probes of copy and paste (paste.test.ts). A script pastes with Range.copyTo, which Sheets documents
 * as copying "values and formatting" like a user's paste; the emulator's wb.copyPaste (the user's
 * Ctrl+V) and copyTo share one implementation, so these probes check both.
 */
import type { Probe, Probing } from './kit';

const TEST = 'test/emulator/paste.test.ts';

/** Data in A2:B4 and a header-row column formula in C1: its text, then one result per row. */
function table(t: Probing) {
  const s = t.sheet();
  s.getRange('A1:B4').setValues([
    ['Name', 'Value'],
    ['a', 1],
    ['b', 2],
    ['c', 3],
  ]);
  s.getRange('C1').setFormula('={"Double"; ARRAYFORMULA(B2:B6*2)}');
  t.settle(s.getRange('C1:C4'));
  return s;
}

export const PASTE_PROBES: Probe[] = [
  {
    id: 'paste_formula_shift',
    behaviour: 'a pasted formula has its relative references moved by the distance pasted; $ ones stay',
    source: '[OBS]',
    test: TEST,
    run(t) {
      const s = t.sheet();
      s.getRange('A1:C1').setValues([[2, 'text', '=A1*10+$A$1']]);
      s.getRange('A1:C1').copyTo(s.getRange('B3'));
      t.eq('formula', s.getRange('D3').getFormula(), '=B3*10+$A$1');
      t.eq('values', t.settle(s.getRange('B3:D3'))[0], [2, 'text', 22]);
    },
  },
  {
    id: 'paste_ref_off_sheet',
    behaviour: 'a reference moved off the sheet by a paste becomes #REF!',
    source: '[OBS]',
    test: TEST,
    run(t) {
      const s = t.sheet();
      s.getRange('B2').setFormula('=A1+1');
      s.getRange('B2').copyTo(s.getRange('B1'));
      t.eq('formula', s.getRange('B1').getFormula(), '=#REF!+1');
      t.eq('value', t.settle(s.getRange('B1'))[0]![0], '#REF!');
    },
  },
  {
    id: 'paste_spilled_values',
    behaviour: 'a cell an array result spilled into is pasted as its value, a constant',
    source: '[reference §audit "Spilled arrays and pasted values"; OBS]',
    test: TEST,
    run(t) {
      const s = table(t);
      s.getRange('C3').copyTo(s.getRange('E1'));
      t.eq('value', s.getRange('E1').getValue(), 4);
      t.eq('formula', s.getRange('E1').getFormula(), '');
    },
  },
  {
    id: 'paste_blocks_array',
    behaviour:
      'a row copied into an array result’s reach blocks it: its anchor shows #REF! with the note "Array result was not expanded because it would overwrite data in C5."; clearing the cell lets it expand again',
    source: '[DOC CF; EMU]',
    test: TEST,
    run(t) {
      const s = table(t);
      s.getRange('A3:C3').copyTo(s.getRange('A5'));
      t.eq('pasted row', s.getRange('A5:C5').getValues()[0], ['b', 2, 4]);
      t.eq('anchor', t.settle(s.getRange('C1'))[0]![0], '#REF!');
      t.check(
        `In "${s.getName()}", hover C1: its note should read "Array result was not expanded because it would overwrite data in C5." (the emulator's text; two spaces before C5 were seen in some captures).`,
      );
      s.getRange('C5').clearContent();
      t.eq('after clearing C5', t.settle(s.getRange('C1:C5')), [['Double'], [2], [4], [6], [4]]);
      s.getRange('A3:C3').copyTo(s.getRange('A5')); // blocked again, for the person to look at
    },
  },
  {
    id: 'paste_anchor_respills',
    behaviour: 'an array’s anchor copied together with its result pastes the formula, which spills again',
    source: '[UNVERIFIED]',
    test: TEST,
    run(t) {
      const s = table(t);
      s.getRange('B1:C6').copyTo(s.getRange('E1'));
      t.eq('formula', s.getRange('F1').getFormula(), '={"Double"; ARRAYFORMULA(E2:E6*2)}');
      t.eq('spilled cells have no formula', s.getRange('F2:F3').getFormulas(), [[''], ['']]);
      t.eq('values', t.settle(s.getRange('F1:F4')), [['Double'], [2], [4], [6]]);
    },
  },
  {
    id: 'paste_formats',
    behaviour:
      'a normal paste brings number formats, styles, validation and notes (a blank cell clears them); values only (PASTE_VALUES, Ctrl+Shift+V) pastes what the cells show and keeps the target’s formats',
    source: '[OBS]',
    test: TEST,
    run(t) {
      const s = t.sheet();
      s.getRange('A1').setValue(0.25).setNumberFormat('0%').setFontWeight('bold').setNote('why');
      s.getRange('A1').setDataValidation(
        SpreadsheetApp.newDataValidation().requireValueInList(['a', 'b']).build(),
      );
      s.getRange('A2').setFormula('=A1*2');
      s.getRange('A1:A2').copyTo(s.getRange('C1'));
      const c1 = s.getRange('C1');
      t.eq('normal paste', [c1.getDisplayValue(), c1.getFontWeight(), c1.getNote()], ['25%', 'bold', 'why']);
      t.eq('its validation', c1.getDataValidation()?.getCriteriaValues()[0] ?? null, ['a', 'b']);
      s.getRange('E2').setNumberFormat('0.00');
      s.getRange('A1:A2').copyTo(s.getRange('E1'), SpreadsheetApp.CopyPasteType.PASTE_VALUES, false);
      t.eq('values only', s.getRange('E1:E2').getValues(), [[0.25], [0.5]]);
      t.eq('no formula', s.getRange('E2').getFormula(), '');
      t.eq('target format kept', s.getRange('E2').getDisplayValue(), '0.50');
      t.eq('no style', s.getRange('E1').getFontWeight(), 'normal');
    },
  },
  {
    id: 'copyto_parts',
    behaviour:
      'Range.copyTo pastes like a user; { contentsOnly } pastes formulas and values without formats, { formatOnly } formats alone; only the destination’s top-left cell counts',
    source: '[DOC* RANGE#copyTo; UNVERIFIED: as the user’s paste]',
    test: TEST,
    run(t) {
      const s = t.sheet();
      s.getRange('A1:B1').setValues([[0.5, '=A1*2']]);
      s.getRange('A1:B1').setNumberFormat('0%');
      s.getRange('A1:B1').copyTo(s.getRange('A3:F9'));
      s.getRange('A1:B1').copyTo(s.getRange('A4'), { contentsOnly: true });
      s.getRange('A1:B1').copyTo(s.getRange('A5'), { formatOnly: true });
      t.eq('formulas', s.getRange('A3:C5').getFormulas(), [
        ['', '=A3*2', ''],
        ['', '=A4*2', ''],
        ['', '', ''],
      ]);
      t.eq('shown', s.getRange('A3:B5').getDisplayValues(), [
        ['50%', '100%'],
        ['0.5', '1'],
        ['', ''],
      ]);
      t.eq('format only', s.getRange('A5').getNumberFormat(), '0%');
      t.eq('nothing past the block', s.getRange('C3').getValue(), '');
    },
  },
];
