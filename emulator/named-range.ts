/** A named range: a name formulas can use, kept on its cells as rows move. */
import type { Api } from './gas-types';
import { EmuRange } from './range';
import type { WorkbookCore } from './workbook-core';

export class EmuNamedRange
  implements
    Api<GoogleAppsScript.Spreadsheet.NamedRange, 'getName' | 'getRange' | 'remove' | 'setName' | 'setRange'>
{
  constructor(
    private readonly wb: WorkbookCore,
    private name: string,
  ) {}

  private model() {
    const m = this.wb.namedRanges.get(this.name);
    if (!m) throw new Error(`Named range ${this.name} was removed.`);
    return m;
  }

  getName(): string {
    this.wb.hit('NamedRange.getName');
    return this.name;
  }

  getRange(): EmuRange {
    this.wb.hit('NamedRange.getRange');
    const m = this.model();
    return new EmuRange(this.wb, m.sheet, { ...m.area });
  }

  setName(name: string): EmuNamedRange {
    this.wb.hit('NamedRange.setName', true);
    const m = this.model();
    this.wb.removeNamedRange(this.name);
    this.wb.setNamedRange(name, m.sheet, m.area);
    this.name = name;
    return this;
  }

  setRange(range: EmuRange): EmuNamedRange {
    this.wb.hit('NamedRange.setRange', true);
    this.wb.setNamedRange(this.name, range.model, { ...range.area });
    return this;
  }

  remove(): void {
    this.wb.hit('NamedRange.remove', true);
    this.wb.removeNamedRange(this.name);
  }
}
