/**
 * One playground workbook: the emulator's spreadsheet with the add-on's bundle loaded, opened from
 * (and saved to) a JSON file, and what a user can do to it — look, type, click a checkbox, pick a
 * menu item, and call the add-on's google.script.run endpoints from its sidebars and dialogs.
 *
 * The file is written only when the workbook changed (a look, or an endpoint that only reads, writes
 * nothing), and replaced whole: a temporary file renamed over it, the previous one kept as
 * `<file>.bak`. At start, a file that is missing, empty or unreadable gives way to a good backup; when
 * neither opens, a new workbook starts and the damaged files are moved aside, never deleted.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import {
  type Bundle,
  createWorkbook,
  pasteTarget,
  protectionIn,
  type SavedWorkbook,
  type Workbook,
  WorkbookRegistry,
} from '../emulator';
import { backupOf, tempOf, workbookText, writeFileAtomic } from '../emulator/persist';
import type { MenuEntry, SurfaceShown } from '../emulator/services';
import { PROTECTION_WARNING } from '../emulator/view';
import { endpoints } from '../src/main';
import { gridOf } from './grid-data';
import type { EditReply, GridState, RowAction, RunReply, Shown, SurfaceInfo } from './protocol';

export interface SessionOptions {
  /** The workbook's file: opened when it exists, written after every change (its backup beside it). */
  file: string;
  /** Forget the saved workbook and start anew. */
  fresh?: boolean;
  /** The locale of a new workbook (a saved one keeps its own). */
  locale?: string;
  /** Insert an example quarter into a new workbook (true by default), so there is something to see. */
  example?: boolean;
  /** The workbooks IMPORTRANGE reaches from this one (other playground workbooks); it joins them. */
  registry?: WorkbookRegistry;
  /** The name of a new workbook ("OKR & KPI playground" by default; a saved one keeps its own). */
  name?: string;
}

/** A refusal the HTTP layer answers with its status code. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The add-on threw: the page shows the message, as Sheets does (google.script.run's failure handler). */
export class AddonError extends Error {}

function addonCall<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw new AddonError(e instanceof Error ? e.message : String(e));
  }
}

/** The names google.script.run may call: the add-on's endpoints, nothing else of the bundle. */
export const ENDPOINTS: readonly string[] = Object.keys(endpoints);

const ALL_LEVELS = ['company', 'department', 'team', 'individual'];
/** Surfaces kept for their iframes to load (a few reopenings' worth). */
const KEEP_SURFACES = 20;

function menuHandlers(items: readonly MenuEntry[], into: Set<string>): Set<string> {
  for (const item of items) {
    if (item === 'separator') continue;
    if ('functionName' in item) into.add(item.functionName);
    else menuHandlers(item.items, into);
  }
  return into;
}

/** The emulator refused a user's edit (a cell outside the sheet…): the request was bad. */
function refused<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw new RequestError(400, e instanceof Error ? e.message : String(e));
  }
}

/**
 * A saved workbook, restored apart (a registry of its own), then joined to `registry`: restored in
 * the shared one, each of its cells would have the others recompute their imports of it (its key
 * already there: an undo), a minute for a company sheet. Its own imports read #REF! until it joins;
 * then they are computed once.
 */
function restored(
  source: { file: string } | { saved: SavedWorkbook },
  registry?: WorkbookRegistry,
): Workbook {
  if (!registry) return createWorkbook(source);
  const wb = createWorkbook({ ...source, registry: new WorkbookRegistry() });
  wb.registry = registry;
  registry.add(wb);
  wb.sourcesChanged(registry.ids.filter((id) => id !== wb.id));
  return wb;
}

/** Why a workbook file cannot be opened, or the workbook it holds. */
function open(file: string, registry?: WorkbookRegistry): Workbook | string {
  if (!existsSync(file)) return 'is missing';
  if (statSync(file).size === 0) return 'is empty (0 bytes)';
  try {
    return restored({ file }, registry);
  } catch (e) {
    return `cannot be read (${e instanceof Error ? e.message : String(e)})`;
  }
}

/** Moves a damaged file out of the way, beside it, under a name of its own; returns that name. */
export function moveAside(file: string): string {
  const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, '-');
  let aside = `${file}.damaged-${stamp}`;
  for (let n = 2; existsSync(aside); n++) aside = `${file}.damaged-${stamp}-${n}`;
  renameSync(file, aside);
  return aside;
}

export class Session {
  readonly file: string;
  private book: Workbook;
  private bundle: Bundle;
  /** The workbook as it was before the last user edit: one level of undo (Ctrl/Cmd+Z). */
  private undoPoint: SavedWorkbook | undefined;
  /** Whether this session made a new workbook (no file, --fresh, or nothing that could be opened). */
  readonly created: boolean;
  /** What happened to the files at start (a backup opened, a damaged file moved aside), for the console. */
  readonly notes: string[] = [];
  private readonly surfaces = new Map<string, SurfaceShown>();
  /** The file's text as last written (or as opened): a save that would write the same is skipped. */
  private savedText: string | undefined;
  private readonly registry: WorkbookRegistry | undefined;

  constructor(options: SessionOptions) {
    this.file = resolve(options.file);
    this.registry = options.registry;
    if (options.fresh) {
      // start anew: the backup is not opened either (the next save replaces it)
      rmSync(this.file, { force: true });
      rmSync(tempOf(this.file), { force: true });
    }
    const { wb, fromBackup } = options.fresh ? { fromBackup: false } : this.openFile();
    this.created = wb === undefined;
    this.book =
      wb ??
      createWorkbook({
        file: this.file,
        ...(options.locale ? { locale: options.locale } : {}),
        ...(this.registry ? { registry: this.registry } : {}),
        name: options.name ?? 'OKR & KPI playground',
      });
    this.book.file = this.file;
    this.bundle = this.book.loadBundle();
    // what the file holds: a workbook opened from it is written again only once it changes
    if (wb && !fromBackup) this.savedText = workbookText(this.wb);
    // as when the spreadsheet opens: the add-on builds its menu in AuthMode.LIMITED
    this.app.call('onOpen', { authMode: 'LIMITED' });
    if (this.created && options.example !== false) this.insertExample();
    this.save();
  }

  /**
   * The saved workbook, from the file or else from its backup; undefined for a new one. Damaged files
   * are moved aside (and said so in `notes`); a temporary file left by a save cut short is removed.
   */
  private openFile(): { wb?: Workbook; fromBackup: boolean } {
    const temp = tempOf(this.file);
    if (existsSync(temp)) {
      rmSync(temp);
      this.notes.push(
        `${this.shown(temp)}, a save cut short when the playground was stopped, was removed: ` +
          `the workbook opens as last saved.`,
      );
    }
    const main = open(this.file, this.registry);
    if (typeof main !== 'string') return { wb: main, fromBackup: false };
    const bak = backupOf(this.file);
    if (main === 'is missing' && !existsSync(bak)) return { fromBackup: false }; // the first start
    const backup = open(bak, this.registry);
    if (typeof backup !== 'string') {
      const aside = main === 'is missing' ? '' : ` It was moved to ${this.shown(moveAside(this.file))}.`;
      this.notes.push(
        `${this.shown(this.file)} ${main}: opened its backup ${this.shown(bak)} instead ` +
          `(saved ${statSync(bak).mtime.toLocaleString()}).${aside}`,
      );
      return { wb: backup, fromBackup: true };
    }
    const moved = [this.file, bak].filter((f) => existsSync(f)).map((f) => this.shown(moveAside(f)));
    this.notes.push(
      `${this.shown(this.file)} ${main} and its backup ${this.shown(bak)} ${backup}: ` +
        `started a new workbook. Nothing was deleted: the damaged ` +
        `${moved.length > 1 ? 'files were' : 'file was'} moved to ${moved.join(' and ')}.`,
    );
    return { fromBackup: false };
  }

  /** The workbook (a new one after an undo). */
  get wb(): Workbook {
    return this.book;
  }

  /** The add-on's bundle, loaded in the workbook. */
  get app(): Bundle {
    return this.bundle;
  }

  get locale(): string {
    return this.wb.locale;
  }

  /** The spreadsheet's key: kept in its file, so its URL stays the same across restarts. */
  get id(): string {
    return this.wb.id;
  }

  /** https://docs.google.com/spreadsheets/d/<id>/edit: what IMPORTRANGE and the Company dialog take. */
  get url(): string {
    return this.wb.url;
  }

  /** The current quarter with the examples, every level and a KPI dashboard. */
  private insertExample(): void {
    const { quarters } = this.app.run('getInsertOptions') as { quarters: string[] };
    this.app.run('insertQuarter', {
      quarter: quarters[0],
      fiscalStart: 1,
      levels: ALL_LEVELS,
      content: 'examples',
      withKpis: true,
    });
    this.app.services.ui.clearShown();
  }

  /**
   * Writes the workbook when it differs from what the file holds (returns whether it wrote): a
   * temporary file renamed over the file, the replaced one kept as `<file>.bak`.
   */
  save(): boolean {
    const text = workbookText(this.wb);
    if (text === this.savedText) return false;
    writeFileAtomic(this.file, text, { backup: true });
    this.savedText = text;
    return true;
  }

  /** The active sheet (or the one named) as the page draws it, with the menus. */
  state(sheet?: string): GridState {
    if (sheet !== undefined && !this.wb.sheetByName(sheet))
      throw new RequestError(404, `No sheet named "${sheet}".`);
    const view = this.wb.view(sheet);
    const model = sheet === undefined ? this.wb.active : this.wb.sheetByName(sheet)!;
    const selected = this.wb.selection.get(model);
    return {
      spreadsheet: {
        id: this.wb.id,
        url: this.wb.url,
        name: this.wb.name,
        locale: this.wb.locale,
        file: this.shownFile(),
      },
      menus: this.app.services.ui.menus(),
      canUndo: this.canUndo,
      ...(selected ? { selection: this.wb.a1(model, selected) } : {}),
      ...gridOf(view),
    };
  }

  /** The file as the page shows it: relative to where the server runs when it is below it. */
  shownFile(): string {
    return this.shown(this.file);
  }

  private shown(file: string): string {
    const rel = relative(process.cwd(), file);
    return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
  }

  /** A click on a sheet tab. */
  select(sheet: string): void {
    const model = this.wb.sheetByName(sheet);
    if (!model) throw new RequestError(404, `No sheet named "${sheet}".`);
    this.wb.active = model;
    this.save();
  }

  /**
   * A user's change of the grid: the workbook before it is kept for undo when it applies, then the
   * file is saved.
   */
  private userChange(change: () => EditReply): EditReply {
    const before = this.wb.toJSON();
    const r = refused(change);
    if (r.status === 'applied') {
      this.undoPoint = before;
      this.save();
    }
    return r;
  }

  edit(sheet: string, a1: string, text: string, confirm: boolean): EditReply {
    this.checkCell(sheet, a1);
    return this.userChange(() => this.wb.edit(sheet, a1, text, { confirm }));
  }

  toggle(sheet: string, a1: string, confirm: boolean): EditReply {
    this.checkCell(sheet, a1);
    return this.userChange(() => this.wb.toggle(sheet, a1, { confirm }));
  }

  /**
   * Ctrl/Cmd+V after Ctrl/Cmd+C: the cells copied (`from` on `fromSheet`) pasted at `to` on
   * `toSheet` (Ctrl/Cmd+Shift+V: values only), as Sheets pastes (the emulator's copyPaste); Sheets'
   * warning first over a warning-only protected range.
   */
  paste(
    fromSheet: string,
    from: string,
    toSheet: string,
    to: string,
    valuesOnly: boolean,
    confirm: boolean,
  ): EditReply {
    for (const name of [fromSheet, toSheet])
      if (!this.wb.sheetByName(name)) throw new RequestError(404, `No sheet named "${name}".`);
    for (const a1 of [from, to]) this.checkArea(a1);
    const quoted = `'${toSheet.replace(/'/g, "''")}'!${to}`;
    return this.userChange(() => {
      const src = this.wb.resolveA1(`'${fromSheet.replace(/'/g, "''")}'!${from}`);
      const dst = this.wb.resolveA1(quoted);
      if (protectionIn(dst.sheet, pasteTarget(src.area, dst.area)) === 'warning' && !confirm)
        return { status: 'needs-confirmation', message: PROTECTION_WARNING };
      this.wb.copyPaste(fromSheet, from, quoted, { valuesOnly });
      return { status: 'applied' };
    });
  }

  /** "Allow access" on an IMPORTRANGE cell: this workbook may import from the one it names. */
  allow(sheet: string, a1: string): EditReply {
    this.checkCell(sheet, a1);
    const id = this.wb.allowAccess(`'${sheet.replace(/'/g, "''")}'!${a1}`);
    if (!id) return { status: 'rejected', message: `${a1} asks for no access.` };
    this.save();
    return { status: 'applied' };
  }

  /** A row header's menu: insert a row above or below it, or delete it. */
  rows(sheet: string, row: number, action: RowAction, confirm: boolean): EditReply {
    if (!this.wb.sheetByName(sheet)) throw new RequestError(404, `No sheet named "${sheet}".`);
    return this.userChange(() => this.wb.editRows(sheet, row, action, { confirm }));
  }

  /**
   * Ctrl/Cmd+Z: the workbook as it was before the last edit of the grid (one level). The add-on's
   * own changes (a menu item, a sidebar's save) are not undone: one of them ends what can be undone.
   */
  undo(): EditReply {
    const saved = this.undoPoint;
    if (!saved) return { status: 'rejected', message: 'Nothing to undo.' };
    this.undoPoint = undefined;
    const wb = restored({ saved }, this.registry);
    wb.file = this.file;
    this.book = wb;
    this.bundle = wb.loadBundle();
    this.bundle.call('onOpen', { authMode: 'LIMITED' });
    this.save();
    return { status: 'applied' };
  }

  /** Whether there is an edit to undo. */
  get canUndo(): boolean {
    return this.undoPoint !== undefined;
  }

  /** A menu item: only the handlers the menus on screen name. */
  menu(name: string, at?: { sheet: string; a1: string }): Shown {
    if (at) {
      const model = this.wb.sheetByName(at.sheet);
      if (!model) throw new RequestError(404, `No sheet named "${at.sheet}".`);
      this.wb.active = model;
      this.wb.sheet(at.sheet).getRange(at.a1).activate();
    }
    const handlers = new Set<string>();
    for (const m of this.app.services.ui.menus()) menuHandlers(m.items, handlers);
    if (!handlers.has(name)) {
      throw new RequestError(
        404,
        `No menu item calls "${name}". The menu's items call: ${[...handlers].join(', ')}.`,
      );
    }
    try {
      addonCall(() => this.app.call(name));
    } finally {
      if (this.save()) this.undoPoint = undefined;
    }
    return this.newlyShown();
  }

  /** google.script.run from a sidebar or dialog. */
  run(name: string, args: unknown[]): RunReply {
    if (!ENDPOINTS.includes(name)) {
      throw new RequestError(
        404,
        `No endpoint "${name}". google.script.run may call: ${ENDPOINTS.join(', ')}.`,
      );
    }
    let result: unknown;
    try {
      result = addonCall(() => this.app.run(name, ...args));
    } finally {
      if (this.save()) this.undoPoint = undefined;
    }
    return { result: result ?? null, ...this.newlyShown() };
  }

  /** The HTML the add-on passed to showSidebar/showModalDialog. */
  surfaceHtml(id: string): string | undefined {
    return this.surfaces.get(id)?.html;
  }

  /** Sidebars, dialogs and alerts shown since the last call, registered for their iframes. */
  private newlyShown(): Shown {
    const ui = this.app.services.ui;
    const fresh = ui.shown();
    const alerts = ui.dialogsShown();
    // the emulator keeps every one shown; the page needs the new ones only
    ui.clearShown();
    const shown: SurfaceInfo[] = fresh.map((s) => {
      const id = randomUUID();
      this.surfaces.set(id, s);
      return { id, kind: s.kind, title: s.title, width: s.width, height: s.height };
    });
    while (this.surfaces.size > KEEP_SURFACES) this.surfaces.delete(this.surfaces.keys().next().value!);
    return {
      shown,
      alerts: alerts.map((d) => ({ kind: d.kind, title: d.title, message: d.message })),
    };
  }

  /** A cell, a range or whole rows: "B3", "A2:C4", "5:5". */
  private checkArea(a1: string): void {
    if (!/^(?:[A-Z]{1,3}[1-9]\d{0,6}(?::[A-Z]{1,3}[1-9]\d{0,6})?|[1-9]\d{0,6}:[1-9]\d{0,6})$/.test(a1))
      throw new RequestError(400, `Not a cell, a range or rows: "${a1}" (e.g. B3, A2:C4, 5:5).`);
  }

  private checkCell(sheet: string, a1: string): void {
    if (!this.wb.sheetByName(sheet)) throw new RequestError(404, `No sheet named "${sheet}".`);
    if (!/^[A-Z]{1,3}[1-9]\d{0,6}$/.test(a1)) throw new RequestError(400, `Not a cell: "${a1}" (e.g. B3).`);
  }
}
