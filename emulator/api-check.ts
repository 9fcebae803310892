/**
 * Compile-time check, the other way round from `implements Api<…>`: every public member of an
 * emulator class is a member of the real Apps Script interface, except the listed internals. A
 * method Apps Script lacks makes `npx tsc` fail here, naming it.
 */
import type { EmuSpreadsheetApp } from './app';
import type {
  EmuChartOptions,
  EmuCharts,
  EmuContainerInfo,
  EmuEmbeddedChart,
  EmuEmbeddedChartBuilder,
} from './charts';
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

type OnlyReal<C, R, Internal extends PropertyKey = never> =
  Exclude<keyof C, keyof R | Internal> extends never ? true : Exclude<keyof C, keyof R | Internal>;

export const apiCheck: true[] = [
  true satisfies OnlyReal<EmuSpreadsheetApp, GoogleAppsScript.Spreadsheet.SpreadsheetApp>,
  true satisfies OnlyReal<EmuSpreadsheet, GoogleAppsScript.Spreadsheet.Spreadsheet>,
  true satisfies OnlyReal<EmuSheet, GoogleAppsScript.Spreadsheet.Sheet, 'model'>,
  true satisfies OnlyReal<EmuRange, GoogleAppsScript.Spreadsheet.Range, 'model' | 'area'>,
  true satisfies OnlyReal<EmuProtection, GoogleAppsScript.Spreadsheet.Protection, 'model'>,
  true satisfies OnlyReal<EmuDataValidation, GoogleAppsScript.Spreadsheet.DataValidation, 'snapshot'>,
  true satisfies OnlyReal<EmuDataValidationBuilder, GoogleAppsScript.Spreadsheet.DataValidationBuilder>,
  true satisfies OnlyReal<
    EmuConditionalFormatRule,
    GoogleAppsScript.Spreadsheet.ConditionalFormatRule,
    'model' | 'sheet'
  >,
  true satisfies OnlyReal<
    EmuConditionalFormatRuleBuilder,
    GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder
  >,
  true satisfies OnlyReal<EmuBooleanCondition, GoogleAppsScript.Spreadsheet.BooleanCondition>,
  true satisfies OnlyReal<EmuDeveloperMetadata, GoogleAppsScript.Spreadsheet.DeveloperMetadata>,
  true satisfies OnlyReal<EmuDeveloperMetadataFinder, GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder>,
  true satisfies OnlyReal<
    EmuDeveloperMetadataLocation,
    GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation
  >,
  true satisfies OnlyReal<EmuNamedRange, GoogleAppsScript.Spreadsheet.NamedRange>,
  true satisfies OnlyReal<EmuEmbeddedChart, GoogleAppsScript.Spreadsheet.EmbeddedChart, 'model'>,
  true satisfies OnlyReal<EmuEmbeddedChartBuilder, GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder>,
  true satisfies OnlyReal<EmuContainerInfo, GoogleAppsScript.Spreadsheet.ContainerInfo>,
  true satisfies OnlyReal<EmuChartOptions, GoogleAppsScript.Charts.ChartOptions>,
  true satisfies OnlyReal<EmuCharts, GoogleAppsScript.Charts.Charts>,
];
