/**
 * Data validation: the builder (SpreadsheetApp.newDataValidation()), the built rule, and the check
 * the UI applies when a user types (view.ts). The require* methods type-check their arguments, as
 * Apps Script does; withCriteria does not [ODD].
 */
import { checkArgs } from './errors';
import { type Api, enumOf, enumValue } from './gas-types';
import type { ValidationModel } from './model';
import { EmuRange } from './range';
import type { GasValue, WorkbookCore } from './workbook-core';

type RealRule = GoogleAppsScript.Spreadsheet.DataValidation;
type RealBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type Criteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;

export const DataValidationCriteria = enumOf<Criteria>()([
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
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
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
]);

const isNum = (v: unknown): v is number => typeof v === 'number';
const isDateObj = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** Dates are kept as { date: ms } so that a rule saves as JSON. */
function store(v: unknown, wb: WorkbookCore): unknown {
  if (isDateObj(v)) return { date: v.getTime() };
  if (Array.isArray(v)) return v.map((x) => store(x, wb));
  if (v && typeof v === 'object' && 'area' in v && 'model' in v) {
    const r = v as EmuRange;
    return { range: wb.a1(r.model, r.area, true) };
  }
  return v;
}

function restore(v: unknown, wb: WorkbookCore): unknown {
  if (Array.isArray(v)) return v.map((x) => restore(x, wb));
  if (v && typeof v === 'object') {
    if ('date' in v) return new Date((v as { date: number }).date);
    if ('range' in v) {
      const { sheet, area } = wb.resolveA1((v as { range: string }).range);
      return new EmuRange(wb, sheet, area);
    }
  }
  return v;
}

export class EmuDataValidation
  implements
    Api<RealRule, 'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'>
{
  constructor(
    private readonly wb: WorkbookCore,
    private readonly model: ValidationModel,
  ) {}

  /** A copy for a cell to keep. */
  snapshot(): ValidationModel {
    return structuredClone(this.model);
  }

  copy(): EmuDataValidationBuilder {
    this.wb.hit('DataValidation.copy');
    return new EmuDataValidationBuilder(this.wb, this.snapshot());
  }

  getAllowInvalid(): boolean {
    this.wb.hit('DataValidation.getAllowInvalid');
    return this.model.allowInvalid;
  }

  getCriteriaType(): Criteria {
    this.wb.hit('DataValidation.getCriteriaType');
    return enumValue<Criteria>(this.model.criteria);
  }

  getCriteriaValues(): unknown[] {
    this.wb.hit('DataValidation.getCriteriaValues');
    return restore(this.model.values, this.wb) as unknown[];
  }

  getHelpText(): string {
    this.wb.hit('DataValidation.getHelpText');
    return this.model.helpText ?? '';
  }
}

type BuilderMethods =
  | 'build'
  | 'copy'
  | 'getAllowInvalid'
  | 'getCriteriaType'
  | 'getCriteriaValues'
  | 'getHelpText'
  | 'requireCheckbox'
  | 'requireDate'
  | 'requireDateAfter'
  | 'requireDateBefore'
  | 'requireDateBetween'
  | 'requireFormulaSatisfied'
  | 'requireNumberBetween'
  | 'requireNumberEqualTo'
  | 'requireNumberGreaterThan'
  | 'requireNumberGreaterThanOrEqualTo'
  | 'requireNumberLessThan'
  | 'requireNumberLessThanOrEqualTo'
  | 'requireTextContains'
  | 'requireTextIsEmail'
  | 'requireTextIsUrl'
  | 'requireValueInList'
  | 'requireValueInRange'
  | 'setAllowInvalid'
  | 'setHelpText'
  | 'withCriteria';

export class EmuDataValidationBuilder implements Api<RealBuilder, BuilderMethods> {
  constructor(
    private readonly wb: WorkbookCore,
    private readonly model: ValidationModel = {
      criteria: '',
      values: [],
      allowInvalid: true,
      helpText: null,
    },
  ) {}

  private set(method: string, criteria: string, values: unknown[], ok = true): EmuDataValidationBuilder {
    this.wb.hit(`DataValidationBuilder.${method}`);
    checkArgs(`DataValidationBuilder.${method}`, values, ok);
    this.model.criteria = criteria;
    this.model.values = store(values, this.wb) as unknown[];
    return this;
  }

  build(): EmuDataValidation {
    this.wb.hit('DataValidationBuilder.build');
    return new EmuDataValidation(this.wb, structuredClone(this.model));
  }

  copy(): EmuDataValidationBuilder {
    this.wb.hit('DataValidationBuilder.copy');
    return new EmuDataValidationBuilder(this.wb, structuredClone(this.model));
  }

  getAllowInvalid(): boolean {
    this.wb.hit('DataValidationBuilder.getAllowInvalid');
    return this.model.allowInvalid;
  }

  getCriteriaType(): Criteria {
    this.wb.hit('DataValidationBuilder.getCriteriaType');
    return enumValue<Criteria>(this.model.criteria);
  }

  getCriteriaValues(): unknown[] {
    this.wb.hit('DataValidationBuilder.getCriteriaValues');
    return restore(this.model.values, this.wb) as unknown[];
  }

  getHelpText(): string | null {
    this.wb.hit('DataValidationBuilder.getHelpText');
    return this.model.helpText;
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): EmuDataValidationBuilder {
    const values = [checkedValue, uncheckedValue].filter((v) => v !== undefined);
    return this.set('requireCheckbox', 'CHECKBOX', values);
  }

  requireDate(): EmuDataValidationBuilder {
    return this.set('requireDate', 'DATE_IS_VALID_DATE', []);
  }

  requireDateAfter(date: GoogleAppsScript.Base.Date): EmuDataValidationBuilder {
    return this.set('requireDateAfter', 'DATE_AFTER', [date], isDateObj(date));
  }

  requireDateBefore(date: GoogleAppsScript.Base.Date): EmuDataValidationBuilder {
    return this.set('requireDateBefore', 'DATE_BEFORE', [date], isDateObj(date));
  }

  requireDateBetween(
    start: GoogleAppsScript.Base.Date,
    end: GoogleAppsScript.Base.Date,
  ): EmuDataValidationBuilder {
    return this.set('requireDateBetween', 'DATE_BETWEEN', [start, end], isDateObj(start) && isDateObj(end));
  }

  requireFormulaSatisfied(formula: string): EmuDataValidationBuilder {
    return this.set('requireFormulaSatisfied', 'CUSTOM_FORMULA', [formula], typeof formula === 'string');
  }

  requireNumberBetween(start: number, end: number): EmuDataValidationBuilder {
    return this.set('requireNumberBetween', 'NUMBER_BETWEEN', [start, end], isNum(start) && isNum(end));
  }

  requireNumberEqualTo(number: number): EmuDataValidationBuilder {
    return this.set('requireNumberEqualTo', 'NUMBER_EQUAL_TO', [number], isNum(number));
  }

  requireNumberGreaterThan(number: number): EmuDataValidationBuilder {
    return this.set('requireNumberGreaterThan', 'NUMBER_GREATER_THAN', [number], isNum(number));
  }

  requireNumberGreaterThanOrEqualTo(number: number): EmuDataValidationBuilder {
    return this.set(
      'requireNumberGreaterThanOrEqualTo',
      'NUMBER_GREATER_THAN_OR_EQUAL_TO',
      [number],
      isNum(number),
    );
  }

  requireNumberLessThan(number: number): EmuDataValidationBuilder {
    return this.set('requireNumberLessThan', 'NUMBER_LESS_THAN', [number], isNum(number));
  }

  requireNumberLessThanOrEqualTo(number: number): EmuDataValidationBuilder {
    return this.set(
      'requireNumberLessThanOrEqualTo',
      'NUMBER_LESS_THAN_OR_EQUAL_TO',
      [number],
      isNum(number),
    );
  }

  requireTextContains(text: string): EmuDataValidationBuilder {
    return this.set('requireTextContains', 'TEXT_CONTAINS', [text], typeof text === 'string');
  }

  requireTextIsEmail(): EmuDataValidationBuilder {
    return this.set('requireTextIsEmail', 'TEXT_IS_VALID_EMAIL', []);
  }

  requireTextIsUrl(): EmuDataValidationBuilder {
    return this.set('requireTextIsUrl', 'TEXT_IS_VALID_URL', []);
  }

  /** The list and whether a dropdown shows (default true); values must be an array [ODD]. */
  requireValueInList(values: string[], showDropdown?: boolean): EmuDataValidationBuilder {
    const ok = Array.isArray(values) && (showDropdown === undefined || typeof showDropdown === 'boolean');
    this.set(
      'requireValueInList',
      'VALUE_IN_LIST',
      showDropdown === undefined ? [values] : [values, showDropdown],
      ok,
    );
    this.model.values = [store(values, this.wb), showDropdown ?? true];
    return this;
  }

  requireValueInRange(range: EmuRange, showDropdown?: boolean): EmuDataValidationBuilder {
    const ok = typeof range === 'object' && range !== null && 'area' in range;
    this.set(
      'requireValueInRange',
      'VALUE_IN_RANGE',
      showDropdown === undefined ? [range] : [range, showDropdown],
      ok,
    );
    this.model.values = [store(range, this.wb), showDropdown ?? true];
    return this;
  }

  setAllowInvalid(allowInvalidData: boolean): EmuDataValidationBuilder {
    this.wb.hit('DataValidationBuilder.setAllowInvalid');
    checkArgs(
      'DataValidationBuilder.setAllowInvalid',
      [allowInvalidData],
      typeof allowInvalidData === 'boolean',
    );
    this.model.allowInvalid = allowInvalidData;
    return this;
  }

  setHelpText(helpText: string): EmuDataValidationBuilder {
    this.wb.hit('DataValidationBuilder.setHelpText');
    this.model.helpText = String(helpText);
    return this;
  }

  /** Any criteria with any values, unchecked [ODD]. */
  withCriteria(criteria: Criteria, args: unknown[]): EmuDataValidationBuilder {
    this.wb.hit('DataValidationBuilder.withCriteria');
    this.model.criteria = String(criteria);
    this.model.values = store(args, this.wb) as unknown[];
    return this;
  }
}

/** The options a dropdown offers (value in list or in range), for the playground. */
export function dropdownOptions(wb: WorkbookCore, v: ValidationModel): string[] | undefined {
  if (v.criteria === 'VALUE_IN_LIST') return ((v.values[0] as unknown[]) ?? []).map(String);
  if (v.criteria === 'VALUE_IN_RANGE') {
    const ref = v.values[0] as { range?: string } | undefined;
    if (!ref?.range) return [];
    const { sheet, area } = wb.resolveA1(ref.range);
    return wb
      .displayValues(sheet, area)
      .flat()
      .filter((s) => s !== '');
  }
  return undefined;
}

/** Whether a value passes a rule, as the UI checks a user's input. */
export function passes(wb: WorkbookCore, v: ValidationModel, value: GasValue): boolean {
  const vals = v.values;
  const num = typeof value === 'number' ? value : undefined;
  const n = (i: number) => Number(vals[i]);
  switch (v.criteria) {
    case 'CHECKBOX': {
      const [on, off] = vals.length ? vals : [true, false];
      return value === on || value === off || value === '';
    }
    case 'VALUE_IN_LIST':
    case 'VALUE_IN_RANGE':
      return value === '' || (dropdownOptions(wb, v) ?? []).includes(String(value));
    case 'NUMBER_BETWEEN':
      return num !== undefined && num >= Math.min(n(0), n(1)) && num <= Math.max(n(0), n(1));
    case 'NUMBER_NOT_BETWEEN':
      return num !== undefined && (num < Math.min(n(0), n(1)) || num > Math.max(n(0), n(1)));
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
    case 'TEXT_CONTAINS':
      return String(value).includes(String(vals[0]));
    case 'TEXT_DOES_NOT_CONTAIN':
      return !String(value).includes(String(vals[0]));
    case 'TEXT_EQUAL_TO':
      return String(value) === String(vals[0]);
    case 'TEXT_IS_VALID_EMAIL':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(value));
    case 'TEXT_IS_VALID_URL':
      return /^https?:\/\/\S+$/.test(String(value));
    case 'DATE_IS_VALID_DATE':
      return isDateObj(value);
    default:
      return true;
  }
}

/** The message the UI shows when it rejects input: the help text, else a generic one [UNVERIFIED]. */
export function rejection(v: ValidationModel): string {
  if (v.helpText) return v.helpText;
  switch (v.criteria) {
    case 'VALUE_IN_LIST':
    case 'VALUE_IN_RANGE':
      return 'Input must be an item on the specified list.';
    case 'NUMBER_BETWEEN':
      return `Input must be a number between ${v.values[0]} and ${v.values[1]}.`;
    default:
      return 'Input must fall within specified range.';
  }
}
