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
}

const KEY = 'okrkpi.sheets';
/**
 * The sheets' names when last seen, by id: the quarter picker lists them without reading each
 * sheet's name. Apart from the catalog, so that any call may write them without the lock: a name
 * lost to a concurrent write is only read from its sheet again, never a sheet lost.
 */
const NAMES_KEY = 'okrkpi.sheetNames';
/** The number of sheets in the file when they were last all looked at, and the catalog's gone then. */
const COUNT_KEY = 'okrkpi.sheetCount';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface Found {
  sheet: Sheet;
  id: number;
  entry: CatalogEntry;
}

function parse<T>(raw: string | undefined, fallback: T): T {
  try {
    return raw ? ((JSON.parse(raw) as T) ?? fallback) : fallback;
  } catch {
    return fallback;
  }
}

export class Catalog {
  /** Sheets looked up by id in this call (null: gone from the file). */
  private readonly byId = new Map<number, Sheet | null>();
  /** Every sheet with its name, read only when a name must be found the slow way. */
  private named: { sheet: Sheet; name: string }[] | undefined;
  private readonly names: Record<string, string>;

  private constructor(
    private readonly ss: Spreadsheet,
    private readonly stored: Record<string, CatalogEntry>,
    /**
     * Every document property, read in the same call as the catalog: the log's index and the
     * reviews' records are read from it rather than with calls of their own.
     */
    readonly properties: Record<string, string>,
    /** The document properties' handle, got once per call (each get is a service call). */
    readonly store: GoogleAppsScript.Properties.Properties,
  ) {
    this.names = parse<Record<string, string>>(properties[NAMES_KEY], {});
  }

  static read(ss: Spreadsheet): Catalog {
    const store = PropertiesService.getDocumentProperties();
    const properties = store.getProperties();
    return new Catalog(ss, parse<Record<string, CatalogEntry>>(properties[KEY], {}), properties, store);
  }

  private write(key: string, value: string): void {
    this.store.setProperty(key, value);
    this.properties[key] = value;
  }

  /** Several properties in one call (setProperties keeps the others). */
  private writeAll(values: Record<string, string>): void {
    this.store.setProperties(values);
    Object.assign(this.properties, values);
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

  entryById(id: number): CatalogEntry | undefined {
    return this.stored[String(id)];
  }

  entryOf(sheet: Sheet): CatalogEntry | undefined {
    return this.entryById(sheet.getSheetId());
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
    return this.entries(kind).flatMap(({ id }) => this.sheetOf(id, kind) ?? []);
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

  /**
   * The add-on's sheet of a kind named so (the sidebar's picker sends names). By the names kept:
   * one look-up, and the sheet's own name to check it. When it was renamed since (the picker
   * listed its old name), or no name kept matches, every sheet's name is read: the sheet so named
   * now, else the one listed under that name. Every name read is kept.
   */
  byName(kind: SheetKind, name: string): Found | undefined {
    let listed: Found | undefined;
    for (const { id } of this.entries(kind)) {
      if (this.names[String(id)] !== name) continue;
      const found = this.sheetOf(id, kind);
      if (!found) continue;
      const now = found.sheet.getName();
      if (now === name) return found;
      listed ??= found;
    }
    this.named ??= this.ss.getSheets().map((sheet) => ({ sheet, name: sheet.getName() }));
    let match: Found | undefined;
    for (const { sheet, name: now } of this.named) {
      const id = sheet.getSheetId();
      const entry = this.stored[String(id)];
      if (!entry) continue;
      this.byId.set(id, sheet);
      this.noteName(id, now);
      if (!match && entry.kind === kind && now === name) match = { sheet, id, entry };
    }
    this.saveNames();
    return match ?? listed;
  }

  private stale = false;

  /** A sheet's name as just read: kept when it changed (saveNames). */
  noteName(id: number, name: string): void {
    if (this.names[String(id)] === name || !this.stored[String(id)]) return;
    this.names[String(id)] = name;
    this.stale = true;
  }

  /** Writes the names seen differing from the ones kept (any call may: see NAMES_KEY). */
  saveNames(): void {
    if (!this.stale) return;
    for (const id of Object.keys(this.names)) if (!this.stored[id]) delete this.names[id];
    this.write(NAMES_KEY, JSON.stringify(this.names));
    this.stale = false;
  }

  /**
   * The names of the quarter sheets still in the file, in quarter order, as kept (a sheet renamed
   * since shows its old name until a call reads the new one; picking it still opens it);
   * `current`'s as read. Names kept are written back when one changed.
   */
  quarterNames(current?: { id: number; name: string }): string[] {
    const gone = this.gone();
    const out = this.entries('quarter').flatMap(({ id }) => {
      if (current && id === current.id) return [current.name];
      if (gone.has(id) || this.byId.get(id) === null) return [];
      const kept = this.names[String(id)];
      if (kept) return [kept];
      // a catalog made before names were kept: read once, and kept
      const sheet = this.sheetById(id);
      if (!sheet) return [];
      const name = sheet.getName();
      this.noteName(id, name);
      return [name];
    });
    this.saveNames();
    return out;
  }

  /**
   * The catalogued sheets deleted from the file: looked for (every sheet's id) only when the
   * number of sheets changed since the last look, which is kept in its own property (a read may
   * write it: it never touches the catalog, and a stale count only means one more look).
   */
  private gone(): Set<number> {
    let saved = parse<{ n: number; gone: number[] } | undefined>(this.properties[COUNT_KEY], undefined);
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
   * Records a sheet of the add-on's; entries of sheets deleted since are forgotten (the store stays
   * small). With `prune` (the insert dialog's call), every sheet's id is read and the ids of the
   * sheets in the file are returned (the review store forgets the reviews of the others). Without
   * it, no sheet is looked at: the sheets known gone at the last look are forgotten, and the count
   * kept is the last look's plus this sheet, so that any other change since (a sheet added or
   * deleted) leaves a count the file's is not, and the next read (gone) looks at every id; a sheet
   * deleted and another added since go unseen until a look, as `gone` already allows. With no
   * count kept, every id is read as with `prune`. `name`: the sheet's, when the caller has just
   * given it. The catalog, the names and the count are written in one call.
   */
  remember(sheet: Sheet, entry: CatalogEntry): number[];
  remember(sheet: Sheet, entry: CatalogEntry, opts: { prune: false; name?: string }): undefined;
  remember(sheet: Sheet, entry: CatalogEntry, opts?: { prune: false; name?: string }): number[] | undefined {
    const prune = opts?.prune ?? true;
    const id = sheet.getSheetId();
    this.stored[String(id)] = entry;
    this.byId.set(id, sheet);
    // the name the caller just gave the sheet, else read
    this.noteName(id, opts?.name ?? sheet.getName());
    let gone: string[];
    let live: number[] | undefined;
    let n: number;
    const saved = parse<{ n: number; gone: number[] } | undefined>(this.properties[COUNT_KEY], undefined);
    if (!prune && saved) {
      // not counted: a count that is not the file's (a sheet added or deleted since the last look)
      // has the next read look at every id, as one counted here would have this one
      n = saved.n + 1;
      gone = saved.gone.map(String).filter((k) => k !== String(id));
    } else {
      live = this.ss.getSheets().map((s) => s.getSheetId());
      n = live.length;
      const alive = new Set(live.map(String));
      gone = Object.keys(this.stored).filter((k) => !alive.has(k));
    }
    for (const k of gone) {
      delete this.stored[k];
      this.byId.set(Number(k), null);
    }
    const values: Record<string, string> = {
      [KEY]: JSON.stringify(this.stored),
      [COUNT_KEY]: JSON.stringify({ n, gone: [] }),
    };
    if (this.stale) {
      for (const k of Object.keys(this.names)) if (!this.stored[k]) delete this.names[k];
      values[NAMES_KEY] = JSON.stringify(this.names);
      this.stale = false;
    }
    this.writeAll(values);
    return live;
  }
}
