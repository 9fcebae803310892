import type { Lang } from '../core/i18n';
import { type OutputWord, word } from '../core/words';
import { STYLE } from './write';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

const colourOf = { green: STYLE.green, yellow: STYLE.yellow, red: STYLE.red } as const;
type Colour = keyof typeof colourOf;

/** Words the functions write, coloured by what they mean, in the sheet's language. */
export function wordColours(range: Range, lang: Lang, colours: Partial<Record<OutputWord, Colour>>): Rule[] {
  return Object.entries(colours).map(([w, colour]) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo(word(w as OutputWord, lang))
      .setBackground(colourOf[colour as Colour])
      .setRanges([range])
      .build(),
  );
}

/** "broken: X", "cycle: …": a word followed by details. */
export function prefixColour(range: Range, lang: Lang, w: OutputWord, colour: Colour): Rule {
  return SpreadsheetApp.newConditionalFormatRule()
    .whenTextStartsWith(word(w, lang))
    .setBackground(colourOf[colour])
    .setRanges([range])
    .build();
}

/** Scores coloured by the aspirational grade: ≥ 70 % green, ≥ 40 % yellow, below red. */
export function scoreColours(ranges: Range[]): Rule[] {
  const rule = () => SpreadsheetApp.newConditionalFormatRule().setRanges(ranges);
  return [
    rule().whenNumberGreaterThanOrEqualTo(0.7).setBackground(STYLE.green).build(),
    rule().whenNumberBetween(0.4, 0.699999).setBackground(STYLE.yellow).build(),
    rule().whenNumberLessThan(0.4).setBackground(STYLE.red).build(),
  ];
}

/** A '#' text is a function saying what is wrong with a row: red, so it is seen. */
export function errorTexts(ranges: Range[]): Rule {
  return SpreadsheetApp.newConditionalFormatRule()
    .whenTextStartsWith('#')
    .setFontColor(STYLE.errorText)
    .setRanges(ranges)
    .build();
}
