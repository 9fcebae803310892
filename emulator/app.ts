/**
 * The SpreadsheetApp global: the bound spreadsheet, the Ui (from the services helper), builders and
 * enums. In AuthMode.NONE (an add-on's onOpen before it is used in the document) the document cannot
 * be read; only the Ui works, for the menu [DOC* auth-mode].
 */
import { BooleanCriteria, EmuConditionalFormatRuleBuilder } from './conditional';
import { exception } from './errors';
import { type Api, enumOf } from './gas-types';
import { DeveloperMetadataLocationType, DeveloperMetadataVisibility } from './metadata';
import { ProtectionType } from './protection';
import { EmuRange } from './range';
import { type EmuSheet, sheetObject } from './sheet';
import { type EmuSpreadsheet, spreadsheetObject } from './spreadsheet';
import { DataValidationCriteria, EmuDataValidationBuilder } from './validation';
import type { WorkbookCore } from './workbook-core';

type Real = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Methods =
  | 'flush'
  | 'getActive'
  | 'getActiveRange'
  | 'getActiveSheet'
  | 'getActiveSpreadsheet'
  | 'newConditionalFormatRule'
  | 'newDataValidation';

export class EmuSpreadsheetApp implements Api<Real, Methods> {
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType = DeveloperMetadataLocationType;
  readonly Dimension = enumOf<GoogleAppsScript.Spreadsheet.Dimension>()(['COLUMNS', 'ROWS']);
  readonly WrapStrategy = enumOf<GoogleAppsScript.Spreadsheet.WrapStrategy>()(['WRAP', 'OVERFLOW', 'CLIP']);
  readonly CopyPasteType = enumOf<GoogleAppsScript.Spreadsheet.CopyPasteType>()([
    'PASTE_NORMAL',
    'PASTE_NO_BORDERS',
    'PASTE_FORMAT',
    'PASTE_FORMULA',
    'PASTE_DATA_VALIDATION',
    'PASTE_VALUES',
    'PASTE_CONDITIONAL_FORMATTING',
    'PASTE_COLUMN_WIDTHS',
  ]);

  constructor(private readonly wb: WorkbookCore) {}

  /** Reading the document needs authorisation: not in AuthMode.NONE [UNVERIFIED message]. */
  private document(method: string): EmuSpreadsheet {
    this.wb.hit(`SpreadsheetApp.${method}`);
    if (this.wb.authMode === 'NONE') {
      throw exception(
        `You do not have permission to call SpreadsheetApp.${method}. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly`,
      );
    }
    return spreadsheetObject(this.wb);
  }

  getActiveSpreadsheet(): EmuSpreadsheet {
    return this.document('getActiveSpreadsheet');
  }

  getActive(): EmuSpreadsheet {
    return this.document('getActive');
  }

  getActiveSheet(): EmuSheet {
    this.document('getActiveSheet');
    return sheetObject(this.wb, this.wb.active);
  }

  /** The active sheet's selection (Range.activate, or the playground's cursor); A1 until one is made. */
  getActiveRange(): EmuRange {
    this.document('getActiveRange');
    const area = this.wb.selection.get(this.wb.active) ?? { row: 1, col: 1, numRows: 1, numCols: 1 };
    return new EmuRange(this.wb, this.wb.active, area);
  }

  /**
   * The Ui of the open document; from a custom function, or when no Ui was given (a trigger with no
   * document open), Sheets refuses [OBS/EMU].
   */
  getUi(): object {
    this.wb.hit('SpreadsheetApp.getUi');
    if (!this.wb.uiProvider || this.wb.customFunctionDepth > 0) {
      throw exception('Cannot call SpreadsheetApp.getUi() from this context.');
    }
    return this.wb.uiProvider();
  }

  /** Writes apply at once in the emulator: nothing is pending. */
  flush(): void {
    this.wb.hit('SpreadsheetApp.flush');
  }

  newDataValidation(): EmuDataValidationBuilder {
    this.wb.hit('SpreadsheetApp.newDataValidation');
    return new EmuDataValidationBuilder(this.wb);
  }

  newConditionalFormatRule(): EmuConditionalFormatRuleBuilder {
    this.wb.hit('SpreadsheetApp.newConditionalFormatRule');
    return new EmuConditionalFormatRuleBuilder(this.wb);
  }
}
