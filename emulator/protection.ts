/**
 * Protection of a range or a whole sheet. The script runs as the owner, who can always edit
 * (canEdit() true) but is not listed among the editors [DOC*; ODD]. Warning-only protections make
 * the UI ask before an edit (wb.edit in view.ts); Apps Script writes are not stopped.
 */
import type { Area } from './a1';
import { checkArgs } from './errors';
import { type Api, enumOf } from './gas-types';
import type { ProtectionModel, SheetModel } from './model';
import { EmuRange } from './range';
import type { WorkbookCore } from './workbook-core';

type Real = GoogleAppsScript.Spreadsheet.Protection;
type Methods =
  | 'addEditor'
  | 'addEditors'
  | 'canDomainEdit'
  | 'canEdit'
  | 'getDescription'
  | 'getEditors'
  | 'getProtectionType'
  | 'getRange'
  | 'getUnprotectedRanges'
  | 'isWarningOnly'
  | 'remove'
  | 'removeEditor'
  | 'removeEditors'
  | 'setDescription'
  | 'setDomainEdit'
  | 'setUnprotectedRanges'
  | 'setWarningOnly';

export const ProtectionType = enumOf<GoogleAppsScript.Spreadsheet.ProtectionType>()(['RANGE', 'SHEET']);

export function newProtection(
  wb: WorkbookCore,
  sheet: SheetModel,
  type: 'RANGE' | 'SHEET',
  area?: Area,
): EmuProtection {
  const model: ProtectionModel = {
    id: wb.nextProtectionId++,
    type,
    description: '',
    warningOnly: false,
    domainEdit: true,
    editors: [],
    unprotected: [],
  };
  if (area) model.area = area;
  sheet.protections.push(model);
  wb.changed();
  return new EmuProtection(wb, sheet, model);
}

export class EmuProtection implements Api<Real, Methods> {
  constructor(
    private readonly wb: WorkbookCore,
    private readonly sheet: SheetModel,
    readonly model: ProtectionModel,
  ) {}

  private hit(method: string, write = false): void {
    this.wb.hit(`Protection.${method}`, write);
  }

  private changed(): EmuProtection {
    this.wb.changed();
    return this;
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    this.hit('getProtectionType');
    return ProtectionType[this.model.type];
  }

  /** The protected range; the whole sheet for a sheet protection. */
  getRange(): EmuRange {
    this.hit('getRange');
    const area = this.model.area ?? {
      row: 1,
      col: 1,
      numRows: this.sheet.maxRows,
      numCols: this.sheet.maxCols,
    };
    return new EmuRange(this.wb, this.sheet, area);
  }

  getDescription(): string {
    this.hit('getDescription');
    return this.model.description;
  }

  setDescription(description: string): EmuProtection {
    this.hit('setDescription', true);
    this.model.description = String(description);
    return this.changed();
  }

  isWarningOnly(): boolean {
    this.hit('isWarningOnly');
    return this.model.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): EmuProtection {
    this.hit('setWarningOnly', true);
    checkArgs('Protection.setWarningOnly', [warningOnly], typeof warningOnly === 'boolean');
    this.model.warningOnly = warningOnly;
    return this.changed();
  }

  canEdit(): boolean {
    this.hit('canEdit');
    return true;
  }

  canDomainEdit(): boolean {
    this.hit('canDomainEdit');
    return this.model.domainEdit;
  }

  setDomainEdit(editable: boolean): EmuProtection {
    this.hit('setDomainEdit', true);
    this.model.domainEdit = editable;
    return this.changed();
  }

  /** The owner is never listed [ODD, issuetracker 442636162]; users are not emulated, so []. */
  getEditors(): GoogleAppsScript.Base.User[] {
    this.hit('getEditors');
    return [];
  }

  addEditor(emailAddress: string | GoogleAppsScript.Base.User): EmuProtection {
    this.hit('addEditor', true);
    this.model.editors.push(typeof emailAddress === 'string' ? emailAddress : emailAddress.getEmail());
    return this.changed();
  }

  addEditors(emailAddresses: string[]): EmuProtection {
    this.hit('addEditors', true);
    this.model.editors.push(...emailAddresses);
    return this.changed();
  }

  removeEditor(emailAddress: string | GoogleAppsScript.Base.User): EmuProtection {
    this.hit('removeEditor', true);
    const email = typeof emailAddress === 'string' ? emailAddress : emailAddress.getEmail();
    this.model.editors = this.model.editors.filter((e) => e !== email);
    return this.changed();
  }

  removeEditors(emailAddresses: string[] | GoogleAppsScript.Base.User[]): EmuProtection {
    this.hit('removeEditors', true);
    const emails = emailAddresses.map((e) => (typeof e === 'string' ? e : e.getEmail()));
    this.model.editors = this.model.editors.filter((e) => !emails.includes(e));
    return this.changed();
  }

  getUnprotectedRanges(): EmuRange[] {
    this.hit('getUnprotectedRanges');
    return this.model.unprotected.map((a) => new EmuRange(this.wb, this.sheet, { ...a }));
  }

  setUnprotectedRanges(ranges: EmuRange[]): EmuProtection {
    this.hit('setUnprotectedRanges', true);
    this.model.unprotected = ranges.map((r) => ({ ...r.area }));
    return this.changed();
  }

  remove(): void {
    this.hit('remove', true);
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this.model);
    this.wb.changed();
  }
}
