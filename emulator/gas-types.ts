/**
 * Typing the emulator against @types/google-apps-script: each class implements `Api<Real, 'm1' |
 * 'm2'>`, the real interface's methods picked by name (a name Apps Script lacks does not compile)
 * with the real parameter and return types, where the emulator's own classes stand in for the real
 * ones (an EmuRange where Apps Script returns a Range). Overloaded methods are checked against
 * their last overload.
 */

import type { EmuChartOptions, EmuContainerInfo, EmuEmbeddedChart, EmuEmbeddedChartBuilder } from './charts';
import type {
  EmuBooleanCondition,
  EmuConditionalFormatRule,
  EmuConditionalFormatRuleBuilder,
} from './conditional';
import type {
  EmuDeveloperMetadata,
  EmuDeveloperMetadataFinder,
  EmuDeveloperMetadataLocation,
} from './metadata';
import type { EmuNamedRange } from './named-range';
import type { EmuProtection } from './protection';
import type { EmuRange } from './range';
import type { EmuSheet } from './sheet';
import type { EmuSpreadsheet } from './spreadsheet';
import type { EmuDataValidation, EmuDataValidationBuilder } from './validation';

type IsAny<T> = 0 extends 1 & T ? true : false;

/** One real Apps Script object type with the emulator's class in its place. */
type SwapOne<T> = T extends GoogleAppsScript.Spreadsheet.Spreadsheet
  ? EmuSpreadsheet
  : T extends GoogleAppsScript.Spreadsheet.Sheet
    ? EmuSheet
    : T extends GoogleAppsScript.Spreadsheet.Range
      ? EmuRange
      : T extends GoogleAppsScript.Spreadsheet.Protection
        ? EmuProtection
        : T extends GoogleAppsScript.Spreadsheet.DataValidation
          ? EmuDataValidation
          : T extends GoogleAppsScript.Spreadsheet.DataValidationBuilder
            ? EmuDataValidationBuilder
            : T extends GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder
              ? EmuConditionalFormatRuleBuilder
              : T extends GoogleAppsScript.Spreadsheet.ConditionalFormatRule
                ? EmuConditionalFormatRule
                : T extends GoogleAppsScript.Spreadsheet.BooleanCondition
                  ? EmuBooleanCondition
                  : T extends GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder
                    ? EmuDeveloperMetadataFinder
                    : T extends GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation
                      ? EmuDeveloperMetadataLocation
                      : T extends GoogleAppsScript.Spreadsheet.DeveloperMetadata
                        ? EmuDeveloperMetadata
                        : T extends GoogleAppsScript.Spreadsheet.NamedRange
                          ? EmuNamedRange
                          : T extends GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder
                            ? EmuEmbeddedChartBuilder
                            : T extends GoogleAppsScript.Spreadsheet.EmbeddedChart
                              ? EmuEmbeddedChart
                              : T extends GoogleAppsScript.Spreadsheet.ContainerInfo
                                ? EmuContainerInfo
                                : T extends GoogleAppsScript.Charts.ChartOptions
                                  ? EmuChartOptions
                                  : T;

/** A real type with emulator classes in place of real ones, through arrays; `any` stays `any`. */
export type Swap<T> =
  IsAny<T> extends true
    ? T
    : T extends readonly (infer E)[]
      ? IsAny<E> extends true
        ? T
        : Swap<E>[]
      : SwapOne<T>;

type SwapArgs<A extends unknown[]> = { [I in keyof A]: Swap<A[I]> };

/** The methods K of a real interface T, with emulator classes in place of real ones. */
export type Api<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => infer R ? (...args: SwapArgs<A>) => Swap<R> : never;
};

/**
 * Apps Script's enums are objects whose values print as their names; the typings declare them as
 * TypeScript enums, which do not exist at run time. The emulator's values are the names.
 */
export function enumOf<E>() {
  return <const K extends string>(names: readonly K[]): Readonly<Record<K, E>> =>
    Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as unknown as Readonly<Record<K, E>>;
}

/** An enum value from its name (the value is the name). */
export function enumValue<E>(name: string): E {
  return name as unknown as E;
}
