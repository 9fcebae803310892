/**
 * Conditional formatting: the builder (SpreadsheetApp.newConditionalFormatRule()), built rules and
 * their boolean condition, and how a rule applies to a cell (for the playground's view): the first
 * matching rule of the sheet wins, as in Sheets.
 */
import { contains } from './a1';
import { normalizeColor } from './colors';
import { isEngineError } from './engine';
import { checkArgs } from './errors';
import { shiftRelative } from './formulas';
import { type Api, enumOf, enumValue } from './gas-types';
import type { CfFormat, CfRuleModel, SheetModel } from './model';
import { EmuRange } from './range';
import type { GasValue, WorkbookCore } from './workbook-core';

type Criteria = GoogleAppsScript.Spreadsheet.BooleanCriteria;

export const BooleanCriteria = enumOf<Criteria>()([
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE',
  'DATE_EQUAL_TO_RELATIVE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
]);

export class EmuBooleanCondition
  implements
    Api<
      GoogleAppsScript.Spreadsheet.BooleanCondition,
      'getBackground' | 'getBold' | 'getCriteriaType' | 'getCriteriaValues' | 'getFontColor' | 'getItalic'
    >
{
  constructor(
    private readonly wb: WorkbookCore,
    private readonly criteria: string,
    private readonly values: readonly (string | number)[],
    private readonly format: CfFormat,
  ) {}

  getBackground(): string | null {
    this.wb.hit('BooleanCondition.getBackground');
    return this.format.background ?? null;
  }

  getBold(): boolean | null {
    this.wb.hit('BooleanCondition.getBold');
    return this.format.bold ?? null;
  }

  getCriteriaType(): Criteria {
    this.wb.hit('BooleanCondition.getCriteriaType');
    return enumValue<Criteria>(this.criteria);
  }

  getCriteriaValues(): (string | number)[] {
    this.wb.hit('BooleanCondition.getCriteriaValues');
    return [...this.values];
  }

  getFontColor(): string | null {
    this.wb.hit('BooleanCondition.getFontColor');
    return this.format.fontColor ?? null;
  }

  getItalic(): boolean | null {
    this.wb.hit('BooleanCondition.getItalic');
    return this.format.italic ?? null;
  }
}

type RuleMethods = 'copy' | 'getBooleanCondition' | 'getGradientCondition' | 'getRanges';

export class EmuConditionalFormatRule
  implements Api<GoogleAppsScript.Spreadsheet.ConditionalFormatRule, RuleMethods>
{
  constructor(
    private readonly wb: WorkbookCore,
    readonly model: CfRuleModel,
    readonly sheet: SheetModel | undefined,
  ) {}

  copy(): EmuConditionalFormatRuleBuilder {
    this.wb.hit('ConditionalFormatRule.copy');
    return new EmuConditionalFormatRuleBuilder(this.wb, structuredClone(this.model), this.sheet);
  }

  getBooleanCondition(): EmuBooleanCondition | null {
    this.wb.hit('ConditionalFormatRule.getBooleanCondition');
    const m = this.model;
    return m.criteria ? new EmuBooleanCondition(this.wb, m.criteria, m.values, m.format) : null;
  }

  getGradientCondition(): null {
    this.wb.hit('ConditionalFormatRule.getGradientCondition');
    return null;
  }

  getRanges(): EmuRange[] {
    this.wb.hit('ConditionalFormatRule.getRanges');
    const sheet = this.sheet;
    return sheet ? this.model.areas.map((a) => new EmuRange(this.wb, sheet, { ...a })) : [];
  }
}

type BuilderMethods =
  | 'build'
  | 'copy'
  | 'getBooleanCondition'
  | 'getRanges'
  | 'setBackground'
  | 'setBold'
  | 'setFontColor'
  | 'setItalic'
  | 'setRanges'
  | 'setStrikethrough'
  | 'setUnderline'
  | 'whenCellEmpty'
  | 'whenCellNotEmpty'
  | 'whenFormulaSatisfied'
  | 'whenNumberBetween'
  | 'whenNumberEqualTo'
  | 'whenNumberGreaterThan'
  | 'whenNumberGreaterThanOrEqualTo'
  | 'whenNumberLessThan'
  | 'whenNumberLessThanOrEqualTo'
  | 'whenNumberNotBetween'
  | 'whenNumberNotEqualTo'
  | 'whenTextContains'
  | 'whenTextDoesNotContain'
  | 'whenTextEndsWith'
  | 'whenTextEqualTo'
  | 'whenTextStartsWith'
  | 'withCriteria';

const isNum = (v: unknown): v is number => typeof v === 'number';
const isStr = (v: unknown): v is string => typeof v === 'string';

export class EmuConditionalFormatRuleBuilder
  implements Api<GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder, BuilderMethods>
{
  constructor(
    private readonly wb: WorkbookCore,
    private readonly model: CfRuleModel = { areas: [], criteria: '', values: [], format: {} },
    private sheet?: SheetModel,
  ) {}

  private when(method: string, criteria: string, values: (string | number)[], ok: boolean) {
    this.wb.hit(`ConditionalFormatRuleBuilder.${method}`);
    checkArgs(`ConditionalFormatRuleBuilder.${method}`, values, ok);
    this.model.criteria = criteria;
    this.model.values = values;
    return this;
  }

  private style(method: string, apply: (f: CfFormat) => void): EmuConditionalFormatRuleBuilder {
    this.wb.hit(`ConditionalFormatRuleBuilder.${method}`);
    apply(this.model.format);
    return this;
  }

  build(): EmuConditionalFormatRule {
    this.wb.hit('ConditionalFormatRuleBuilder.build');
    return new EmuConditionalFormatRule(this.wb, structuredClone(this.model), this.sheet);
  }

  copy(): EmuConditionalFormatRuleBuilder {
    this.wb.hit('ConditionalFormatRuleBuilder.copy');
    return new EmuConditionalFormatRuleBuilder(this.wb, structuredClone(this.model), this.sheet);
  }

  getBooleanCondition(): EmuBooleanCondition | null {
    this.wb.hit('ConditionalFormatRuleBuilder.getBooleanCondition');
    const m = this.model;
    return m.criteria ? new EmuBooleanCondition(this.wb, m.criteria, m.values, m.format) : null;
  }

  getRanges(): EmuRange[] {
    this.wb.hit('ConditionalFormatRuleBuilder.getRanges');
    const sheet = this.sheet;
    return sheet ? this.model.areas.map((a) => new EmuRange(this.wb, sheet, { ...a })) : [];
  }

  setRanges(ranges: EmuRange[]): EmuConditionalFormatRuleBuilder {
    this.wb.hit('ConditionalFormatRuleBuilder.setRanges');
    checkArgs('ConditionalFormatRuleBuilder.setRanges', [ranges], Array.isArray(ranges));
    this.model.areas = ranges.map((r) => ({ ...r.area }));
    this.sheet = ranges[0]?.model;
    return this;
  }

  setBackground(color: string | null): EmuConditionalFormatRuleBuilder {
    return this.style('setBackground', (f) => {
      f.background = color ? normalizeColor(color) : null;
    });
  }

  setFontColor(color: string | null): EmuConditionalFormatRuleBuilder {
    return this.style('setFontColor', (f) => {
      f.fontColor = color ? normalizeColor(color) : null;
    });
  }

  setBold(bold: boolean | null): EmuConditionalFormatRuleBuilder {
    return this.style('setBold', (f) => {
      f.bold = bold;
    });
  }

  setItalic(italic: boolean | null): EmuConditionalFormatRuleBuilder {
    return this.style('setItalic', (f) => {
      f.italic = italic;
    });
  }

  setStrikethrough(strikethrough: boolean | null): EmuConditionalFormatRuleBuilder {
    return this.style('setStrikethrough', (f) => {
      f.strikethrough = strikethrough;
    });
  }

  setUnderline(underline: boolean | null): EmuConditionalFormatRuleBuilder {
    return this.style('setUnderline', (f) => {
      f.underline = underline;
    });
  }

  whenCellEmpty(): EmuConditionalFormatRuleBuilder {
    return this.when('whenCellEmpty', 'CELL_EMPTY', [], true);
  }

  whenCellNotEmpty(): EmuConditionalFormatRuleBuilder {
    return this.when('whenCellNotEmpty', 'CELL_NOT_EMPTY', [], true);
  }

  whenFormulaSatisfied(formula: string): EmuConditionalFormatRuleBuilder {
    return this.when('whenFormulaSatisfied', 'CUSTOM_FORMULA', [formula], isStr(formula));
  }

  whenNumberBetween(start: number, end: number): EmuConditionalFormatRuleBuilder {
    return this.when('whenNumberBetween', 'NUMBER_BETWEEN', [start, end], isNum(start) && isNum(end));
  }

  whenNumberNotBetween(start: number, end: number): EmuConditionalFormatRuleBuilder {
    return this.when('whenNumberNotBetween', 'NUMBER_NOT_BETWEEN', [start, end], isNum(start) && isNum(end));
  }

  whenNumberEqualTo(number: number): EmuConditionalFormatRuleBuilder {
    return this.when('whenNumberEqualTo', 'NUMBER_EQUAL_TO', [number], isNum(number));
  }

  whenNumberNotEqualTo(number: number): EmuConditionalFormatRuleBuilder {
    return this.when('whenNumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO', [number], isNum(number));
  }

  whenNumberGreaterThan(number: number): EmuConditionalFormatRuleBuilder {
    return this.when('whenNumberGreaterThan', 'NUMBER_GREATER_THAN', [number], isNum(number));
  }

  whenNumberGreaterThanOrEqualTo(number: number): EmuConditionalFormatRuleBuilder {
    return this.when(
      'whenNumberGreaterThanOrEqualTo',
      'NUMBER_GREATER_THAN_OR_EQUAL_TO',
      [number],
      isNum(number),
    );
  }

  whenNumberLessThan(number: number): EmuConditionalFormatRuleBuilder {
    return this.when('whenNumberLessThan', 'NUMBER_LESS_THAN', [number], isNum(number));
  }

  whenNumberLessThanOrEqualTo(number: number): EmuConditionalFormatRuleBuilder {
    return this.when('whenNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [number], isNum(number));
  }

  whenTextContains(text: string): EmuConditionalFormatRuleBuilder {
    return this.when('whenTextContains', 'TEXT_CONTAINS', [text], isStr(text));
  }

  whenTextDoesNotContain(text: string): EmuConditionalFormatRuleBuilder {
    return this.when('whenTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', [text], isStr(text));
  }

  whenTextEndsWith(text: string): EmuConditionalFormatRuleBuilder {
    return this.when('whenTextEndsWith', 'TEXT_ENDS_WITH', [text], isStr(text));
  }

  whenTextEqualTo(text: string): EmuConditionalFormatRuleBuilder {
    return this.when('whenTextEqualTo', 'TEXT_EQUAL_TO', [text], isStr(text));
  }

  whenTextStartsWith(text: string): EmuConditionalFormatRuleBuilder {
    return this.when('whenTextStartsWith', 'TEXT_STARTS_WITH', [text], isStr(text));
  }

  withCriteria(criteria: Criteria, args: unknown[]): EmuConditionalFormatRuleBuilder {
    this.wb.hit('ConditionalFormatRuleBuilder.withCriteria');
    this.model.criteria = String(criteria);
    this.model.values = args.map((a) => (typeof a === 'number' ? a : String(a)));
    return this;
  }
}

/**
 * Whether a rule matches a cell. Text comparisons ignore case, as Sheets' do [UNVERIFIED];
 * whenNumberBetween includes both ends [UNVERIFIED]; a formula is read relative to the top-left of
 * the rule's first range.
 */
export function ruleMatches(
  wb: WorkbookCore,
  sheet: SheetModel,
  rule: CfRuleModel,
  row: number,
  col: number,
  value: GasValue,
  display: string,
): boolean {
  if (!rule.areas.some((a) => contains(a, row, col))) return false;
  const vals = rule.values;
  const num = typeof value === 'number' ? value : undefined;
  const text = display.toLowerCase();
  const t = (i: number) => String(vals[i] ?? '').toLowerCase();
  const n = (i: number) => Number(vals[i]);
  switch (rule.criteria) {
    case 'CELL_EMPTY':
      return value === '';
    case 'CELL_NOT_EMPTY':
      return value !== '';
    case 'TEXT_EQUAL_TO':
      return text === t(0);
    case 'TEXT_STARTS_WITH':
      return value !== '' && text.startsWith(t(0));
    case 'TEXT_ENDS_WITH':
      return value !== '' && text.endsWith(t(0));
    case 'TEXT_CONTAINS':
      return value !== '' && text.includes(t(0));
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.includes(t(0));
    case 'NUMBER_EQUAL_TO':
      return num === n(0);
    case 'NUMBER_NOT_EQUAL_TO':
      return num !== undefined && num !== n(0);
    case 'NUMBER_GREATER_THAN':
      return num !== undefined && num > n(0);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return num !== undefined && num >= n(0);
    case 'NUMBER_LESS_THAN':
      return num !== undefined && num < n(0);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return num !== undefined && num <= n(0);
    case 'NUMBER_BETWEEN':
      return num !== undefined && num >= Math.min(n(0), n(1)) && num <= Math.max(n(0), n(1));
    case 'NUMBER_NOT_BETWEEN':
      return num !== undefined && (num < Math.min(n(0), n(1)) || num > Math.max(n(0), n(1)));
    case 'CUSTOM_FORMULA': {
      const first = rule.areas[0]!;
      const formula = shiftRelative(String(vals[0] ?? ''), row - first.row, col - first.col);
      const v = wb.engine.calculate(formula, sheet.engineId);
      if (isEngineError(v)) return false;
      return v === true || (typeof v === 'number' && v !== 0);
    }
    default:
      return false;
  }
}
