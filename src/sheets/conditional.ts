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

/** A '#' text is a function saying what is wrong with a row: red, so it is seen. */
export function errorTexts(ranges: Range[]): Rule {
  return SpreadsheetApp.newConditionalFormatRule()
    .whenTextStartsWith('#')
    .setFontColor(STYLE.errorText)
    .setRanges(ranges)
    .build();
}

/** What a colour marks: words (the whole text), words a text starts with; numbers by the grade. */
export interface ColourWhen {
  words?: readonly OutputWord[];
  prefixes?: readonly OutputWord[];
  /** Numbers coloured by the grade too (the default). */
  numbers?: boolean;
}

/** The aspirational grade's bounds for a number: ≥ 70 % green, ≥ 40 % yellow, below red. */
const NUMBER_TEST: Record<Colour, (c: string) => string> = {
  green: (c) => `${c}>=0.7`,
  yellow: (c) => `AND(${c}>=0.4, ${c}<=0.699999)`,
  red: (c) => `${c}<0.4`,
};

/**
 * One rule per colour over all the given ranges (5 builder calls each, where a rule per word and
 * per column took 5 each): a number is coloured by the grade, a text by the words. The formula
 * names the first range's top-left cell; Sheets reads it relative to each cell of every range.
 * Text comparisons ignore case, as the whenText… rules' do.
 */
export function gradeColours(
  ranges: Range[],
  /** The first range's top-left cell ("E3"), without a call to ask it. */
  at: string,
  lang: Lang,
  when: Partial<Record<Colour, ColourWhen>>,
): Rule[] {
  const lit = (w: OutputWord) => `"${word(w, lang).replace(/"/g, '""')}"`;
  return (Object.entries(when) as [Colour, ColourWhen][]).map(([colour, w]) => {
    const texts = [
      ...(w.words ?? []).map((x) => `${at}=${lit(x)}`),
      ...(w.prefixes ?? []).map((x) => `LEFT(${at}, ${word(x, lang).length})=${lit(x)}`),
    ];
    const text = texts.length ? `OR(${texts.join(', ')})` : 'FALSE';
    return SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(
        w.numbers === false ? `=${text}` : `=IF(ISNUMBER(${at}), ${NUMBER_TEST[colour](at)}, ${text})`,
      )
      .setBackground(colourOf[colour])
      .setRanges(ranges)
      .build();
  });
}
