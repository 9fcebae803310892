/**
 * The playground's workbook file (issue 11, item 12): written only after a change, replaced whole (a
 * temporary file renamed over it, the previous one kept as `.bak`), and at start a missing, empty or
 * unreadable file gives way to a good backup; when nothing opens, a new workbook starts with the
 * damaged files moved aside, never deleted. Ends with a real `npm start` killed with SIGKILL.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { GridState } from '../../playground/protocol';
import { Session } from '../../playground/session';
import { tempDir } from '../e2e/support';
import { bundleCode, root } from '../support/bundle';

const LONG_AGO = new Date('2001-02-03T04:05:06Z');

let dirs: ReturnType<typeof tempDir>[] = [];
function workdir() {
  const d = tempDir();
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs) d.remove();
  dirs = [];
});

beforeAll(() => {
  bundleCode();
});

/** The files beside the workbook, by name. */
const listing = (dir: string) => readdirSync(dir).sort();

/** A session on `file` holding `text` in Sheet1!A1, saved, then closed (the file and no backup). */
function savedWith(file: string, text: string): string {
  const s = new Session({ file, fresh: true, example: false });
  s.edit('Sheet1', 'A1', text, false);
  return readFileSync(file, 'utf8');
}

const a1 = (s: Session) => s.state('Sheet1').rows[0]![0]!.text;

describe('written only after a change, replaced whole', () => {
  test('a look, a tab already shown, the read-only endpoints and a sidebar opening write nothing', () => {
    const { dir, file } = workdir();
    const s = new Session({ file, fresh: true }); // with the example quarter, so the sidebars have data
    const before = readFileSync(file, 'utf8');
    utimesSync(file, LONG_AGO, LONG_AGO);

    s.state();
    s.select(s.state().sheet);
    expect(s.run('getInsertOptions', []).result).toMatchObject({ quarters: expect.any(Array) });
    expect(s.run('getCheckInState', []).result).toMatchObject({ quarter: expect.any(String) });
    expect(s.run('getHealth', []).result).toMatchObject({ findings: expect.any(Array) });
    expect(s.menu('showCheckIn').shown).toHaveLength(1);
    expect(s.menu('showHealth').shown).toHaveLength(1);

    expect(statSync(file).mtimeMs).toBe(LONG_AGO.getTime());
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(listing(dir)).toEqual(['workbook.json']); // no backup made, no temporary file left

    // reopening it writes nothing either
    const again = new Session({ file });
    again.run('getHealth', []);
    expect(statSync(file).mtimeMs).toBe(LONG_AGO.getTime());
    expect(again.created).toBe(false);
    expect(again.notes).toEqual([]);
  });

  test('an endpoint that writes only a document property is a change, and saved', () => {
    const { file } = workdir();
    const s = new Session({ file, fresh: true });
    const before = readFileSync(file, 'utf8');
    s.run('getReviewState', []); // opens a review: its record goes to the document properties
    expect(readFileSync(file, 'utf8')).not.toBe(before);
    expect(readFileSync(file, 'utf8')).toMatch(/okrkpi\.review\./);
  });

  test('a change replaces the file (a new one renamed over it) and keeps the previous one as .bak', () => {
    const { dir, file } = workdir();
    const s = new Session({ file, fresh: true, example: false });
    const first = readFileSync(file, 'utf8');
    const inode = statSync(file).ino;

    expect(s.edit('Sheet1', 'A1', 'one', false).status).toBe('applied');
    expect(statSync(file).ino).not.toBe(inode); // not rewritten in place
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(first);
    const second = readFileSync(file, 'utf8');
    expect(second).not.toBe(first);

    s.edit('Sheet1', 'A1', 'two', false);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(second); // the backup is the file just replaced
    expect(listing(dir)).toEqual(['workbook.json', 'workbook.json.bak']);
    expect(a1(new Session({ file }))).toBe('two');
  });
});

describe('a save cut short, and damaged files, at start', () => {
  test('a truncated temporary file (killed before the rename): the last good workbook opens', () => {
    const { dir, file } = workdir();
    const good = savedWith(file, 'kept');
    writeFileSync(`${file}.tmp`, good.slice(0, good.length / 2));

    const s = new Session({ file });
    expect(s.created).toBe(false);
    expect(a1(s)).toBe('kept');
    expect(s.notes.join('\n')).toMatch(/workbook\.json\.tmp, a save cut short .* was removed/);
    expect(listing(dir)).toEqual(['workbook.json', 'workbook.json.bak']);
    expect(readFileSync(file, 'utf8')).toBe(good); // opening it wrote nothing
  });

  test('a 0-byte workbook with a good backup: the backup opens, said so, and the empty file is kept aside', () => {
    const { dir, file } = workdir();
    const good = savedWith(file, 'from the backup');
    writeFileSync(`${file}.bak`, good);
    writeFileSync(file, ''); // what a kill during today's in-place write left

    const s = new Session({ file });
    expect(s.created).toBe(false);
    expect(a1(s)).toBe('from the backup');
    const [aside] = listing(dir).filter((f) => f.includes('.damaged-'));
    expect(aside).toMatch(/^workbook\.json\.damaged-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d$/);
    expect(s.notes).toEqual([
      expect.stringMatching(
        new RegExp(
          `workbook\\.json is empty \\(0 bytes\\): opened its backup .*workbook\\.json\\.bak instead .*` +
            `It was moved to .*${aside!.replace(/\./g, '\\.')}\\.$`,
        ),
      ),
    ]);
    expect(statSync(join(dir, aside!)).size).toBe(0);
    // the workbook file is whole again at once, the backup untouched
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(good);
    expect(a1(new Session({ file }))).toBe('from the backup');
  });

  test('an unreadable workbook with a good backup, and a missing one: the backup opens', () => {
    const { dir, file } = workdir();
    const good = savedWith(file, 'b');
    writeFileSync(`${file}.bak`, good);
    writeFileSync(file, good.slice(0, 100));
    let s = new Session({ file });
    expect(a1(s)).toBe('b');
    expect(s.notes[0]).toMatch(/workbook\.json cannot be read \(.*JSON.*\): opened its backup/);
    const aside = listing(dir).find((f) => f.includes('.damaged-'))!;
    expect(readFileSync(join(dir, aside), 'utf8')).toBe(good.slice(0, 100)); // kept as it was

    const other = workdir();
    writeFileSync(`${other.file}.bak`, good);
    s = new Session({ file: other.file });
    expect([s.created, a1(s)]).toEqual([false, 'b']);
    expect(s.notes).toEqual([expect.stringMatching(/workbook\.json is missing: opened its backup .*\)\.$/)]);
  });

  test('a 0-byte workbook and no backup: a new workbook, with where the damaged file was moved', () => {
    const { dir, file } = workdir();
    writeFileSync(file, '');

    const s = new Session({ file, example: false });
    expect(s.created).toBe(true);
    const aside = listing(dir).find((f) => f.includes('.damaged-'))!;
    expect(s.notes).toEqual([
      `${file} is empty (0 bytes) and its backup ${file}.bak is missing: started a new workbook. ` +
        `Nothing was deleted: the damaged file was moved to ${join(dir, aside)}.`,
    ]);
    expect(listing(dir)).toEqual(['workbook.json', aside]);
    expect(new Session({ file }).created).toBe(false);
  });

  test('a damaged workbook and a damaged backup: both moved aside, as they were, and a new workbook', () => {
    const { dir, file } = workdir();
    writeFileSync(file, '{"version": 1, "sheets": [');
    writeFileSync(`${file}.bak`, 'not json');

    const s = new Session({ file, example: false });
    expect(s.created).toBe(true);
    expect(s.notes[0]).toMatch(
      /workbook\.json cannot be read .* and its backup .*workbook\.json\.bak cannot be read .*: started a new workbook\. Nothing was deleted: the damaged files were moved to .*workbook\.json\.damaged-\S+ and .*workbook\.json\.bak\.damaged-\S+\.$/,
    );
    const kept = listing(dir).filter((f) => f.includes('.damaged-'));
    expect(kept.map((f) => readFileSync(join(dir, f), 'utf8')).sort()).toEqual([
      'not json',
      '{"version": 1, "sheets": [',
    ]);
  });

  test('--fresh starts anew, over a damaged file and beside a good backup alike', () => {
    const { file } = workdir();
    writeFileSync(file, '');
    let s = new Session({ file, fresh: true, example: false });
    expect([s.created, s.notes]).toEqual([true, []]);
    s.edit('Sheet1', 'A1', 'old', false);
    s.edit('Sheet1', 'A1', 'older', false); // the backup holds 'old'
    s = new Session({ file, fresh: true, example: false });
    expect([s.created, s.notes, a1(s)]).toEqual([true, [], '']);
  });
});

describe('npm start killed with SIGKILL', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill('SIGKILL');
    child = undefined;
  });

  /** Starts `npm start`'s script on `file`; resolves with its URL and what it printed. */
  function start(file: string): Promise<{ url: string; out: () => string }> {
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', 'playground/server.ts', '--port', '0', '--file', file],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = proc;
    let out = '';
    proc.stderr!.on('data', (d) => {
      out += d.toString();
    });
    return new Promise((resolve, reject) => {
      proc.stdout!.on('data', (d) => {
        out += d.toString();
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (m) resolve({ url: m[0], out: () => out });
      });
      proc.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
  }

  function kill(): Promise<void> {
    const proc = child!;
    return new Promise((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGKILL');
    });
  }

  const edit = (url: string, sheet: string, a1: string, text: string) =>
    fetch(new URL('/api/edit', url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sheet, a1, text }),
    });

  test('killed while it saves: it starts again with the workbook (the last change or the one before); an emptied file gives way to its backup', async () => {
    const { dir, file } = workdir();
    let pg = await start(file);
    const sheet = 'Check-ins';
    expect((await edit(pg.url, sheet, 'Z1', 'saved')).status).toBe(200);
    // edits in flight, each one a save of the whole workbook, and the process killed among them
    const inFlight = [1, 2, 3, 4, 5].map((n) =>
      edit(pg.url, sheet, 'Z1', `edit ${n}`).catch(() => undefined),
    );
    await new Promise((r) => setTimeout(r, 150));
    await kill();
    await Promise.all(inFlight);

    const z1 = async (url: string) =>
      (
        (await (
          await fetch(new URL(`/api/state?sheet=${encodeURIComponent(sheet)}`, url))
        ).json()) as GridState
      ).rows[0]![25]!.text;

    pg = await start(file);
    expect(pg.out()).toMatch(/workbook reopened/);
    const reopened = await z1(pg.url);
    expect(reopened).toMatch(/^(saved|edit [1-5])$/);
    expect((await edit(pg.url, sheet, 'Z1', 'after the restart')).status).toBe(200); // the backup: `reopened`
    await kill();
    expect(listing(dir).filter((f) => f.includes('damaged'))).toEqual([]);

    // the file an in-place write used to leave: the console says the backup opened instead
    writeFileSync(file, '');
    pg = await start(file);
    expect(pg.out()).toMatch(
      new RegExp(`Note: ${file} is empty \\(0 bytes\\): opened its backup ${file}\\.bak instead`),
    );
    expect(pg.out()).toMatch(/workbook reopened/);
    expect(await z1(pg.url)).toBe(reopened);
  }, 60_000);
});
