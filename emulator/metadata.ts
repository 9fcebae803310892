/**
 * Developer metadata: key/value pairs attached to the spreadsheet, a sheet, or a row or column,
 * invisible to users. The add-on can mark its own sheets with it, so that a renamed sheet is still
 * recognised.
 */
import { checkArgs } from './errors';
import { type Api, enumOf, enumValue } from './gas-types';
import type { DevMetaLocation, DevMetaModel } from './model';
import { EmuRange } from './range';
import { type EmuSheet, sheetObject } from './sheet';
import type { EmuSpreadsheet } from './spreadsheet';
import type { WorkbookCore } from './workbook-core';

type Visibility = GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
type LocationType = GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType;

export const DeveloperMetadataVisibility = enumOf<Visibility>()(['DOCUMENT', 'PROJECT']);
export const DeveloperMetadataLocationType = enumOf<LocationType>()([
  'SPREADSHEET',
  'SHEET',
  'ROW',
  'COLUMN',
]);

/** Adds metadata at a location, checking arguments as Apps Script does. */
export function addMetadata(
  wb: WorkbookCore,
  method: string,
  location: DevMetaLocation,
  key: unknown,
  value?: unknown,
  visibility?: unknown,
): void {
  checkArgs(
    method,
    [key, value, visibility].filter((a) => a !== undefined),
    typeof key === 'string',
  );
  wb.devMeta.push({
    id: wb.nextMetadataId++,
    key: key as string,
    value: value === undefined || value === null ? null : String(value),
    visibility: visibility === 'PROJECT' ? 'PROJECT' : 'DOCUMENT',
    location,
  });
}

export class EmuDeveloperMetadataLocation
  implements
    Api<
      GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation,
      'getColumn' | 'getLocationType' | 'getRow' | 'getSheet' | 'getSpreadsheet'
    >
{
  constructor(
    private readonly wb: WorkbookCore,
    private readonly location: DevMetaLocation,
    private readonly spreadsheet: () => EmuSpreadsheet,
  ) {}

  getLocationType(): LocationType {
    this.wb.hit('DeveloperMetadataLocation.getLocationType');
    return enumValue<LocationType>(this.location.type);
  }

  getSheet(): EmuSheet | null {
    this.wb.hit('DeveloperMetadataLocation.getSheet');
    const loc = this.location;
    const sheet = 'sheet' in loc ? this.wb.sheetByGid(loc.sheet) : undefined;
    return sheet ? sheetObject(this.wb, sheet) : null;
  }

  getSpreadsheet(): EmuSpreadsheet | null {
    this.wb.hit('DeveloperMetadataLocation.getSpreadsheet');
    return this.location.type === 'SPREADSHEET' ? this.spreadsheet() : null;
  }

  getRow(): EmuRange | null {
    this.wb.hit('DeveloperMetadataLocation.getRow');
    const loc = this.location;
    const sheet = loc.type === 'ROW' ? this.wb.sheetByGid(loc.sheet) : undefined;
    if (!sheet || loc.type !== 'ROW') return null;
    return new EmuRange(this.wb, sheet, { row: loc.index, col: 1, numRows: 1, numCols: sheet.maxCols });
  }

  getColumn(): EmuRange | null {
    this.wb.hit('DeveloperMetadataLocation.getColumn');
    const loc = this.location;
    const sheet = loc.type === 'COLUMN' ? this.wb.sheetByGid(loc.sheet) : undefined;
    if (!sheet || loc.type !== 'COLUMN') return null;
    return new EmuRange(this.wb, sheet, { row: 1, col: loc.index, numRows: sheet.maxRows, numCols: 1 });
  }
}

type Methods =
  | 'getId'
  | 'getKey'
  | 'getLocation'
  | 'getValue'
  | 'getVisibility'
  | 'remove'
  | 'setKey'
  | 'setValue';

export class EmuDeveloperMetadata implements Api<GoogleAppsScript.Spreadsheet.DeveloperMetadata, Methods> {
  constructor(
    private readonly wb: WorkbookCore,
    private readonly model: DevMetaModel,
    private readonly spreadsheet: () => EmuSpreadsheet,
  ) {}

  getId(): number {
    this.wb.hit('DeveloperMetadata.getId');
    return this.model.id;
  }

  getKey(): string {
    this.wb.hit('DeveloperMetadata.getKey');
    return this.model.key;
  }

  getValue(): string | null {
    this.wb.hit('DeveloperMetadata.getValue');
    return this.model.value;
  }

  getVisibility(): Visibility {
    this.wb.hit('DeveloperMetadata.getVisibility');
    return enumValue<Visibility>(this.model.visibility);
  }

  getLocation(): EmuDeveloperMetadataLocation {
    this.wb.hit('DeveloperMetadata.getLocation');
    return new EmuDeveloperMetadataLocation(this.wb, this.model.location, this.spreadsheet);
  }

  setKey(key: string): EmuDeveloperMetadata {
    this.wb.hit('DeveloperMetadata.setKey', true);
    this.model.key = String(key);
    return this;
  }

  setValue(value: string): EmuDeveloperMetadata {
    this.wb.hit('DeveloperMetadata.setValue', true);
    this.model.value = String(value);
    return this;
  }

  remove(): void {
    this.wb.hit('DeveloperMetadata.remove', true);
    this.wb.devMeta = this.wb.devMeta.filter((m) => m !== this.model);
  }
}

type FinderMethods = 'find' | 'withId' | 'withKey' | 'withLocationType' | 'withValue' | 'withVisibility';

/** Searches metadata within a scope (the whole spreadsheet, or one sheet and its rows and columns). */
export class EmuDeveloperMetadataFinder
  implements Api<GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder, FinderMethods>
{
  private readonly tests: ((m: DevMetaModel) => boolean)[] = [];

  constructor(
    private readonly wb: WorkbookCore,
    private readonly scope: (m: DevMetaModel) => boolean,
    private readonly spreadsheet: () => EmuSpreadsheet,
  ) {}

  private with(method: string, test: (m: DevMetaModel) => boolean): EmuDeveloperMetadataFinder {
    this.wb.hit(`DeveloperMetadataFinder.${method}`);
    this.tests.push(test);
    return this;
  }

  withId(id: number): EmuDeveloperMetadataFinder {
    return this.with('withId', (m) => m.id === id);
  }

  withKey(key: string): EmuDeveloperMetadataFinder {
    return this.with('withKey', (m) => m.key === key);
  }

  withValue(value: string): EmuDeveloperMetadataFinder {
    return this.with('withValue', (m) => m.value === value);
  }

  withVisibility(visibility: Visibility): EmuDeveloperMetadataFinder {
    return this.with('withVisibility', (m) => m.visibility === String(visibility));
  }

  withLocationType(locationType: LocationType): EmuDeveloperMetadataFinder {
    return this.with('withLocationType', (m) => m.location.type === String(locationType));
  }

  find(): EmuDeveloperMetadata[] {
    this.wb.hit('DeveloperMetadataFinder.find');
    return this.wb.devMeta
      .filter((m) => this.scope(m) && this.tests.every((t) => t(m)))
      .map((m) => new EmuDeveloperMetadata(this.wb, m, this.spreadsheet));
  }
}
