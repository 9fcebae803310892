/**
 * Which sheets are the add-on's, by sheet id, kept in the document properties: users may rename
 * them, and a sheet a user named "Check-ins" for something else is never taken for ours. Sheets are
 * found by id (getSheetById), one look-up per sheet an endpoint uses: no endpoint's calls grow with
 * the number of sheets in the file.
 */
export type SheetKind = 'quarter' | 'kpis' | 'checkins' | 'reviews' | 'alignment';

export interface CatalogEntry {
  kind: SheetKind;
  /** For a quarter sheet: its label ("Q1 2026") and fiscal year start. */
  quarter?: string;
  fiscalStart?: number;
  /** Day number of the quarter's first day, to order quarters. */
  first?: number;
  /**
   * The sheet's name when last seen: the quarter picker lists these without reading each sheet's
   * name; a name looked for is always checked against the sheet's own.
   */
  name?: string;
}

const KEY = 'okrkpi.sheets';
/** The number of sheets in the file when the catalog's sheets were last all looked at, and those gone then. */
const COUNT_KEY = 'okrkpi.sheetCount';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface Found {
  sheet: Sheet;
  id: number;
  entry: CatalogEntry;
}

export class Catalog {
  /** Sheets looked up by id in this call (null: gone from the file). */
  private readonly byId = new Map<number, Sheet | null>();
  /** Every sheet's name, read only when a name must be found the slow way. */
  private named: { sheet: Sheet; name: string }[] | undefined;
  /** Names seen differing from the stored ones: written back by an endpoint that holds the lock. */
  private stale = false;

  private constructor(
    private readonly ss: Spreadsheet,
    private readonly stored: Record<string, CatalogEntry>,
    /**
     * Every document property, read in the same call as the catalog: the log's index and the
     * reviews' records are read from it rather than with calls of their own.
     */
    readonly properties: Record<string, string>,
  ) {}

  static read(ss: Spreadsheet): Catalog {
    const properties = PropertiesService.getDocumentProperties().getProperties();
    const raw = properties[KEY];
    let entries: Record<string, CatalogEntry> = {};
    try {
      entries = raw ? (JSON.parse(raw) as Record<string, CatalogEntry>) : {};
    } catch {
      entries = {};
    }
    return new Catalog(ss, entries, properties);
  }

  private write(key: string, value: string): void {
    PropertiesService.getDocumentProperties().setProperty(key, value);
    this.properties[key] = value;
  }

  /** The sheet of an id, looked up once per call. */
  sheetById(id: number): Sheet | undefined {
    if (!this.byId.has(id)) this.byId.set(id, this.ss.getSheetById(id));
    return this.byId.get(id) ?? undefined;
  }

  /** The entries of a kind, without looking at a sheet; quarters in quarter order. */
  entries(kind: SheetKind): { id: number; entry: CatalogEntry }[] {
    const all = Object.entries(this.stored)
      .filter(([, e]) => e.kind === kind)
      .map(([id, entry]) => ({ id: Number(id), entry }));
    return kind === 'quarter' ? all.sort((a, b) => (a.entry.first ?? 0) - (b.entry.first ?? 0)) : all;
  }

  /** The add-on's sheet of that id, when it is of that kind and still in the file. */
  sheetOf(id: number, kind: SheetKind): Found | undefined {
    const entry = this.stored[String(id)];
    if (entry?.kind !== kind) return undefined;
    const sheet = this.sheetById(id);
    return sheet ? { sheet, id, entry } : undefined;
  }

  /** The first sheet of a kind still in the file (a companion sheet: one of each). */
  first(kind: SheetKind): Sheet | undefined {
    return this.firstFound(kind)?.sheet;
  }

  firstFound(kind: SheetKind): Found | undefined {
    for (const { id } of this.entries(kind)) {
      const found = this.sheetOf(id, kind);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * The add-on's sheets of a kind that still exist: one look-up per entry, so only where every one
   * is needed (the insert dialog); endpoints take the one they work on by id or by name.
   */
  find(kind: SheetKind): Found[] {
    return this.entries(kind).flatMap(({ id, entry }) => {
      const sheet = this.sheetById(id);
      return sheet ? [{ sheet, id, entry }] : [];
    });
  }

  /** The latest quarter sheet still in the file (by quarter). */
  latestQuarter(): Found | undefined {
    const all = this.entries('quarter');
    for (let i = all.length - 1; i >= 0; i--) {
      const found = this.sheetOf(all[i]!.id, 'quarter');
      if (found) return found;
    }
    return undefined;
  }

  entryOf(sheet: Sheet): CatalogEntry | undefined {
    return this.entryById(sheet.getSheetId());
  }

  entryById(id: number): CatalogEntry | undefined {
    return this.stored[String(id)];
  }

  /**
   * The add-on's sheet of a kind named so: by the names stored (one look-up and the sheet's own
   * name to check it), else, when a sheet was renamed since, by every sheet's name.
   */
  byName(kind: SheetKind, name: string): Found | undefined {
    for (const { id } of this.entries(kind)) {
      if (this.stored[String(id)]!.name !== name) continue;
      const found = this.sheetOf(id, kind);
      if (found && found.sheet.getName() === name) return found;
    }
    this.named ??= this.ss.getSheets().map((sheet) => ({ sheet, name: sheet.getName() }));
    const match = this.named.find((x) => x.name === name);
    if (!match) return undefined;
    const id = match.sheet.getSheetId();
    const entry = this.stored[String(id)];
    if (entry?.kind !== kind) return undefined;
    this.byId.set(id, match.sheet);
    this.noteName(id, name);
    return { sheet: match.sheet, id, entry };
  }

  /** A sheet's name as just read: kept for the picker when it changed (see save). */
  noteName(id: number, name: string): void {
    const entry = this.stored[String(id)];
    if (!entry || entry.name === name) return;
    entry.name = name;
    this.stale = true;
  }

  /**
   * The names of the quarter sheets, in quarter order, as stored (a sheet renamed since shows its
   * old name until an endpoint sees the new one; picking it still opens it); `current`'s as read.
   */
  quarterNames(current?: { id: number; name: string }): string[] {
    const gone = this.gone();
    return this.entries('quarter').flatMap(({ id, entry }) => {
      if (current && id === current.id) return [current.name];
      if (gone.has(id) || this.byId.get(id) === null) return [];
      if (entry.name) return [entry.name];
      // a catalog made before names were kept: read once, kept by the next write
      const sheet = this.sheetById(id);
      if (!sheet) return [];
      const name = sheet.getName();
      this.noteName(id, name);
      return [name];
    });
  }

  /**
   * The catalogued sheets deleted from the file: looked for (every sheet's id) only when the
   * number of sheets changed since the last look, which is kept in its own property (a read may
   * write it: it never touches the catalog, and a stale count only means one more look).
   */
  private gone(): Set<number> {
    let saved: { n: number; gone: number[] } | undefined;
    try {
      saved = JSON.parse(this.properties[COUNT_KEY] ?? 'null') ?? undefined;
    } catch {
      saved = undefined;
    }
    const n = this.ss.getNumSheets();
    if (saved?.n !== n) {
      const live = new Set(this.ss.getSheets().map((s) => s.getSheetId()));
      saved = {
        n,
        gone: Object.keys(this.stored)
          .map(Number)
          .filter((id) => !live.has(id)),
      };
      this.write(COUNT_KEY, JSON.stringify(saved));
    }
    return new Set(saved.gone);
  }

  /**
   * Writes the names seen differing from the stored ones. Only under the document lock: the
   * catalog is read again there, so an entry another call added is never lost.
   */
  saveNames(): void {
    if (!this.stale) return;
    const fresh = Catalog.read(this.ss);
    let changed = false;
    for (const [id, e] of Object.entries(this.stored)) {
      const now = fresh.stored[id];
      if (now && e.name && now.name !== e.name) {
        now.name = e.name;
        changed = true;
      }
    }
    if (changed) this.write(KEY, JSON.stringify(fresh.stored));
    this.stale = false;
  }

  /**
   * Records a sheet of the add-on's; entries of sheets deleted since are forgotten (the store stays
   * small): this reads every sheet's id, as inserting a sheet reads every name to pick a free one.
   * Returns the ids of the sheets in the file.
   */
  remember(sheet: Sheet, entry: CatalogEntry): number[] {
    const id = sheet.getSheetId();
    this.stored[String(id)] = { ...entry, name: sheet.getName() };
    this.byId.set(id, sheet);
    const live = this.ss.getSheets().map((s) => s.getSheetId());
    const alive = new Set(live.map(String));
    for (const k of Object.keys(this.stored)) {
      if (alive.has(k)) continue;
      delete this.stored[k];
      this.byId.set(Number(k), null);
    }
    this.write(KEY, JSON.stringify(this.stored));
    this.write(COUNT_KEY, JSON.stringify({ n: live.length, gone: [] }));
    this.stale = false;
    return live;
  }
}
