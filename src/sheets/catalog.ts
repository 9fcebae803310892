/**
 * Which sheets are the add-on's, by sheet id, kept in the document properties: users may rename
 * them, and a sheet a user named "Check-ins" for something else is never taken for ours.
 */
export type SheetKind = 'quarter' | 'kpis' | 'checkins' | 'reviews' | 'alignment';

export interface CatalogEntry {
  kind: SheetKind;
  /** For a quarter sheet: its label ("Q1 2026") and fiscal year start. */
  quarter?: string;
  fiscalStart?: number;
  /** Day number of the quarter's first day, to order quarters. */
  first?: number;
}

const KEY = 'okrkpi.sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export class Catalog {
  private listed: { sheet: Sheet; id: string }[] | undefined;

  private constructor(
    private readonly ss: Spreadsheet,
    private readonly entries: Record<string, CatalogEntry>,
  ) {}

  static read(ss: Spreadsheet): Catalog {
    const raw = PropertiesService.getDocumentProperties().getProperty(KEY);
    let entries: Record<string, CatalogEntry> = {};
    try {
      entries = raw ? (JSON.parse(raw) as Record<string, CatalogEntry>) : {};
    } catch {
      entries = {};
    }
    return new Catalog(ss, entries);
  }

  /**
   * The spreadsheet's sheets with their ids, read once per catalog (an endpoint looks several kinds
   * up, and each look-up would cost a call per sheet); read again after a sheet is remembered.
   */
  private sheets(): { sheet: Sheet; id: string }[] {
    this.listed ??= this.ss.getSheets().map((sheet) => ({ sheet, id: String(sheet.getSheetId()) }));
    return this.listed;
  }

  /** The add-on's sheets of a kind that still exist, with their entries. */
  find(kind: SheetKind): { sheet: Sheet; entry: CatalogEntry }[] {
    return this.sheets().flatMap(({ sheet, id }) => {
      const entry = this.entries[id];
      return entry?.kind === kind ? [{ sheet, entry }] : [];
    });
  }

  /** Every sheet's id in the spreadsheet, the add-on's or not. */
  sheetIds(): number[] {
    return this.sheets().map((x) => Number(x.id));
  }

  first(kind: SheetKind): Sheet | undefined {
    return this.find(kind)[0]?.sheet;
  }

  /** The latest quarter sheet (by quarter, then by position). */
  latestQuarter(): { sheet: Sheet; entry: CatalogEntry } | undefined {
    const all = this.find('quarter');
    // not .at(-1): Apps Script's V8 version is unpublished (ES2020 built-ins only)
    const sorted = all.sort((a, b) => (a.entry.first ?? 0) - (b.entry.first ?? 0));
    return sorted[sorted.length - 1];
  }

  entryOf(sheet: Sheet): CatalogEntry | undefined {
    return this.entries[String(sheet.getSheetId())];
  }

  /** Records a sheet of the add-on's; entries of sheets deleted since are forgotten (the store stays small). */
  remember(sheet: Sheet, entry: CatalogEntry): void {
    this.entries[String(sheet.getSheetId())] = entry;
    this.listed = undefined;
    const live = new Set(this.sheets().map((x) => x.id));
    for (const id of Object.keys(this.entries)) if (!live.has(id)) delete this.entries[id];
    PropertiesService.getDocumentProperties().setProperty(KEY, JSON.stringify(this.entries));
  }
}
