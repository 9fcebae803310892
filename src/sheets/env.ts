import type { Env } from '../functions/define';

/**
 * What custom functions read from the spreadsheet, each read a service call made only when needed.
 * Outside Sheets (no SpreadsheetApp), English and UTC.
 */
export const sheetsEnv: Env = {
  locale: () => SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale(),
  timeZone: () => SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone(),
};
