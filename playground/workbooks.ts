/**
 * The playground's workbooks: the one `npm start` opens (its file as always), and those made from
 * the page's switcher, each a Session with its own file in the same folder, all in one registry so
 * IMPORTRANGE reaches from one to another (a team's spreadsheet into the company's). One is on
 * screen; the others stay open, as spreadsheets in other browser tabs do, so imports keep updating.
 *
 * Which workbooks there are is kept in `workbooks.json` beside the first one's file, replaced whole
 * as the workbooks are (a temporary file renamed over it, the previous kept as `.bak`). A workbook's
 * key is in its own file, so its URL is the same after a restart.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { WorkbookRegistry } from '../emulator';
import { backupOf, writeFileAtomic } from '../emulator/persist';
import type { WorkbookEntry } from './protocol';
import { moveAside, RequestError, Session, type SessionOptions } from './session';
import { nameProblem } from './workbook-name';

export const INDEX_FILE = 'workbooks.json';
const INDEX_VERSION = 1;

/** What the index file holds: each workbook's file (relative to its folder), key and name. */
interface SavedIndex {
  version: number;
  workbooks: { file: string; id: string; name: string }[];
}

function readIndex(file: string): SavedIndex | string {
  if (!existsSync(file)) return 'is missing';
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as SavedIndex;
    if (!Array.isArray(data?.workbooks)) return 'holds no list of workbooks';
    return {
      version: INDEX_VERSION,
      workbooks: data.workbooks.filter(
        (w) => typeof w?.file === 'string' && typeof w.id === 'string' && typeof w.name === 'string',
      ),
    };
  } catch (e) {
    return `cannot be read (${e instanceof Error ? e.message : String(e)})`;
  }
}

/** A file name from a workbook's name: "Sales EMEA" → sales-emea.json (accents dropped). */
function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

export class Workbooks {
  /** The folder of the first workbook's file: the others' files and the index are there. */
  readonly dir: string;
  readonly indexFile: string;
  readonly registry: WorkbookRegistry;
  /** What happened to the files at start, for the console (the first workbook's notes first). */
  readonly notes: string[] = [];
  private readonly sessions: Session[];
  private shown: Session;
  private savedIndex: string | undefined;

  constructor(options: SessionOptions) {
    this.registry = options.registry ?? new WorkbookRegistry();
    const first = new Session({ ...options, registry: this.registry });
    this.notes.push(...first.notes);
    this.sessions = [first];
    this.shown = first;
    this.dir = dirname(first.file);
    this.indexFile = join(this.dir, INDEX_FILE);
    // --fresh starts anew with one workbook: the list is forgotten (the others' files stay on disk)
    if (!options.fresh) this.openListed();
    this.saveIndex();
  }

  /** The workbooks the index lists, besides the first; a file gone (and its backup) is dropped. */
  private openListed(): void {
    let index = readIndex(this.indexFile);
    if (typeof index === 'string' && index !== 'is missing') {
      const bak = readIndex(backupOf(this.indexFile));
      const aside = moveAside(this.indexFile);
      this.notes.push(
        `${this.shown_(this.indexFile)} ${index}: it was moved to ${this.shown_(aside)}` +
          (typeof bak === 'string' ? '; the workbooks it listed are not opened.' : '; its backup is used.'),
      );
      index = bak;
    }
    if (typeof index === 'string') return;
    for (const entry of index.workbooks) {
      const file = resolve(this.dir, entry.file);
      if (this.sessions.some((s) => s.file === file)) continue;
      if (!existsSync(file) && !existsSync(backupOf(file))) {
        this.notes.push(`${this.shown_(file)} (“${entry.name}”) is missing: it was dropped from the list.`);
        continue;
      }
      const s = new Session({ file, example: false, registry: this.registry });
      this.notes.push(...s.notes);
      this.sessions.push(s);
    }
  }

  private shown_(file: string): string {
    const rel = relative(process.cwd(), file);
    return rel.startsWith('..') ? file : rel;
  }

  /** Writes the index when the list differs from what the file holds. */
  private saveIndex(): void {
    const data: SavedIndex = {
      version: INDEX_VERSION,
      workbooks: this.sessions.map((s) => ({
        file: relative(this.dir, s.file),
        id: s.id,
        name: s.wb.name,
      })),
    };
    const text = `${JSON.stringify(data, null, 2)}\n`;
    if (text === this.savedIndex) return;
    writeFileAtomic(this.indexFile, text, { backup: true });
    this.savedIndex = text;
  }

  /** The workbook on screen. */
  get current(): Session {
    return this.shown;
  }

  get all(): readonly Session[] {
    return this.sessions;
  }

  list(): WorkbookEntry[] {
    return this.sessions.map((s) => ({
      id: s.id,
      name: s.wb.name,
      url: s.url,
      locale: s.locale,
      file: s.shownFile(),
      current: s === this.shown,
    }));
  }

  /** Puts the workbook with this key on screen. */
  open(id: string): void {
    const s = this.sessions.find((x) => x.id === id);
    if (!s) throw new RequestError(404, `No workbook with the key "${id}".`);
    this.shown = s;
  }

  /**
   * A new, empty workbook (one sheet) named `name`, with its own file in the folder, put on screen.
   * A name that is empty, too long, with a line break, or another workbook's is refused (400).
   */
  create(name: string, locale?: string): WorkbookEntry {
    const problem = nameProblem(
      name,
      this.sessions.map((s) => s.wb.name),
      locale ?? this.shown.locale,
    );
    if (problem) throw new RequestError(400, problem);
    const s = new Session({
      file: this.freeFile(name),
      name: name.trim(),
      locale: locale ?? this.shown.locale,
      example: false,
      registry: this.registry,
    });
    this.sessions.push(s);
    this.shown = s;
    this.saveIndex();
    return this.list().find((w) => w.id === s.id)!;
  }

  /** A file for a new workbook, named after it, that no workbook (listed or left on disk) uses. */
  private freeFile(name: string): string {
    const base = slug(name) || 'workbook';
    const taken = (file: string) =>
      basename(file) === INDEX_FILE ||
      existsSync(file) ||
      existsSync(backupOf(file)) ||
      this.sessions.some((s) => s.file === file);
    let file = join(this.dir, `${base}.json`);
    for (let n = 2; taken(file); n++) file = join(this.dir, `${base}-${n}.json`);
    return file;
  }

  /** A sidebar's or dialog's HTML, whichever workbook showed it. */
  surfaceHtml(id: string): string | undefined {
    for (const s of this.sessions) {
      const html = s.surfaceHtml(id);
      if (html !== undefined) return html;
    }
    return undefined;
  }
}
