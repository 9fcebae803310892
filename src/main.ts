/**
 * The Apps Script entry: everything Sheets or google.script.run may call by name. The build wraps
 * this module in one IIFE (global `OkrKpi`) and writes a top-level function per name below.
 */
import { type Arg, invoke } from './functions/define';
import { registry } from './functions/registry';
import { sheetsEnv } from './sheets/env';

type CustomFunction = (...args: Arg[]) => ReturnType<typeof invoke>;

/** The custom functions, by name, as Sheets calls them. */
export const functions: Record<string, CustomFunction> = Object.fromEntries(
  registry.map((spec) => [spec.name, (...args: Arg[]) => invoke(spec, args, sheetsEnv)]),
);

/** Simple triggers. */
export const triggers = {
  onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
    SpreadsheetApp.getUi().createAddonMenu().addItem('Function reference', 'showFunctionReference').addToUi();
  },
  onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
    triggers.onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
  },
};

/** Menu items, by handler name. */
export const menu = {
  showFunctionReference(): void {
    const list = registry.map((f) => `${f.name}: ${f.summary.en}`).join('\n');
    SpreadsheetApp.getUi().alert('OKR & KPI functions', list, SpreadsheetApp.getUi().ButtonSet.OK);
  },
};

/** google.script.run endpoints, by name. */
export const endpoints = {};
