/**
 * The playground's several workbooks, through its HTTP API: the first on its usual file, new ones
 * made by name with their own file beside it, switched by key, each with its own state and undo, all
 * in one registry (IMPORTRANGE reaches across), and the list kept in workbooks.json across restarts
 * with the same keys (URLs). A bad name is refused with the reason.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { EditReply, PageState, WorkbookEntry } from '../../playground/protocol';
import { playground, tempDir } from '../e2e/support';

type Pg = Awaited<ReturnType<typeof playground>>;

let open: { pg?: Pg; tmp: ReturnType<typeof tempDir> }[] = [];
afterEach(async () => {
  for (const o of open) {
    await o.pg?.close();
    o.tmp.remove();
  }
  open = [];
});

async function call<T>(pg: Pg, method: 'GET' | 'POST', path: string, body?: unknown) {
  const res = await fetch(new URL(path, pg.url), {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as T };
}

const state = async (pg: Pg) => (await call<PageState>(pg, 'GET', '/api/state')).body;
const create = (pg: Pg, name: string, locale?: string) =>
  call<WorkbookEntry & { error?: string }>(pg, 'POST', '/api/workbooks', {
    name,
    ...(locale ? { locale } : {}),
  });
const switchTo = (pg: Pg, id: string) => call<object>(pg, 'POST', '/api/workbooks/open', { id });
const edit = (pg: Pg, sheet: string, a1: string, text: string) =>
  call<EditReply>(pg, 'POST', '/api/edit', { sheet, a1, text });

async function start(tmp = tempDir(), options: { fresh?: boolean; locale?: string } = {}) {
  const pg = await playground({ file: tmp.file, example: false, locale: 'en_US', ...options });
  open.push({ pg, tmp });
  return { pg, tmp };
}

describe('several workbooks in the playground', { timeout: 60_000 }, () => {
  test('one workbook at first, on its usual file, listed with its URL', async () => {
    const { pg, tmp } = await start();
    const s = await state(pg);
    expect(s.workbooks).toHaveLength(1);
    const [first] = s.workbooks;
    expect(first!.id).toBe(s.spreadsheet.id);
    expect(first!.url).toBe(`https://docs.google.com/spreadsheets/d/${first!.id}/edit`);
    expect(first!.current).toBe(true);
    expect(existsSync(tmp.file)).toBe(true);
    const index = JSON.parse(readFileSync(join(tmp.dir, 'workbooks.json'), 'utf8'));
    expect(index.workbooks).toEqual([{ file: 'workbook.json', id: first!.id, name: 'OKR & KPI playground' }]);
  });

  test('a new workbook gets its own file and goes on screen; each keeps its own cells and undo', async () => {
    const { pg, tmp } = await start();
    const firstId = (await state(pg)).spreadsheet.id;
    const made = await create(pg, 'Sales EMEA', 'fr_FR');
    expect(made.status).toBe(200);
    expect(made.body).toMatchObject({ name: 'Sales EMEA', locale: 'fr_FR', current: true });
    expect(made.body.id).not.toBe(firstId);
    expect(existsSync(join(tmp.dir, 'sales-emea.json'))).toBe(true);

    let s = await state(pg);
    expect(s.spreadsheet).toMatchObject({ id: made.body.id, name: 'Sales EMEA', locale: 'fr_FR' });
    expect(s.sheet).toBe('Feuille 1');
    expect(s.workbooks.map((w) => [w.name, w.current])).toEqual([
      ['OKR & KPI playground', false],
      ['Sales EMEA', true],
    ]);
    expect((await edit(pg, 'Feuille 1', 'A1', 'in sales')).body.status).toBe('applied');
    expect(s.canUndo).toBe(false);

    expect((await switchTo(pg, firstId)).status).toBe(200);
    s = await state(pg);
    expect(s.spreadsheet.id).toBe(firstId);
    expect(s.canUndo).toBe(false); // the edit was in the other workbook
    expect(s.rows[0]?.[0]?.text ?? '').toBe('');
    expect((await edit(pg, 'Sheet1', 'A1', 'in the first')).body.status).toBe('applied');

    await switchTo(pg, made.body.id);
    s = await state(pg);
    expect(s.rows[0]![0]!.text).toBe('in sales');
    expect(s.canUndo).toBe(true);
    expect((await call<EditReply>(pg, 'POST', '/api/undo', {})).body.status).toBe('applied');
    expect((await state(pg)).rows[0]?.[0]?.text ?? '').toBe('');
    await switchTo(pg, firstId);
    expect((await state(pg)).rows[0]![0]!.text).toBe('in the first');
    expect(pg.errors).toEqual([]);
  });

  test('IMPORTRANGE reaches from one workbook to another, by URL, once access is allowed', async () => {
    const { pg } = await start();
    const firstId = (await state(pg)).spreadsheet.id;
    const team = (await create(pg, 'Team')).body;
    await edit(pg, 'Sheet1', 'B2', '42');
    await switchTo(pg, firstId);
    await edit(pg, 'Sheet1', 'A1', `=IMPORTRANGE("${team.url}","Sheet1!B2")`);
    let s = await state(pg);
    expect(s.rows[0]![0]!.allowAccess).toBe(true);
    const allowed = await call<EditReply>(pg, 'POST', '/api/allow', { sheet: 'Sheet1', a1: 'A1' });
    expect(allowed.body.status).toBe('applied');
    s = await state(pg);
    expect(s.rows[0]![0]!.text).toBe('42');
    // the team's change reaches the other workbook at once
    await switchTo(pg, team.id);
    await edit(pg, 'Sheet1', 'B2', '43');
    await switchTo(pg, firstId);
    expect((await state(pg)).rows[0]![0]!.text).toBe('43');
  });

  test('bad names are refused with the reason, in the locale asked; an unknown key is a 404', async () => {
    const { pg, tmp } = await start();
    await create(pg, 'Sales');
    const refusals: [string, string | undefined, string][] = [
      ['', undefined, 'Name the workbook.'],
      ['   ', 'fr_FR', 'Donnez un nom au classeur.'],
      ['Two\nlines', undefined, "A workbook's name cannot hold a line break or a tab."],
      ['x'.repeat(81), undefined, "A workbook's name has at most 80 characters."],
      [' sales ', undefined, 'A workbook named “Sales” is already open: pick another name.'],
      [
        'SALES',
        'fr_FR',
        'Un classeur nommé «\u00a0Sales\u00a0» est déjà ouvert\u00a0: choisissez un autre nom.',
      ],
      [
        'OKR & KPI playground',
        undefined,
        'A workbook named “OKR & KPI playground” is already open: pick another name.',
      ],
    ];
    for (const [name, locale, message] of refusals) {
      const r = await create(pg, name, locale);
      expect(r.status, name).toBe(400);
      expect(r.body.error).toBe(message);
    }
    const badLocale = await create(pg, 'Other', 'french');
    expect(badLocale.status).toBe(400);
    expect((await switchTo(pg, 'no-such-key')).status).toBe(404);
    expect((await state(pg)).workbooks).toHaveLength(2);
    const index = JSON.parse(readFileSync(join(tmp.dir, 'workbooks.json'), 'utf8'));
    expect(index.workbooks.map((w: { name: string }) => w.name)).toEqual(['OKR & KPI playground', 'Sales']);
  });

  test('a name whose file is taken, or with no letters for one, still gets a file of its own', async () => {
    const { pg, tmp } = await start();
    writeFileSync(join(tmp.dir, 'sales.json'), 'somebody else’s file');
    expect((await create(pg, 'Sales')).status).toBe(200);
    expect((await create(pg, 'Workbooks')).status).toBe(200);
    expect((await create(pg, '東京')).status).toBe(200);
    const files = (await state(pg)).workbooks.map((w) => w.file.split(/[\\/]/).at(-1));
    expect(files).toEqual(['workbook.json', 'sales-2.json', 'workbooks-2.json', 'workbook-2.json']);
    expect(readFileSync(join(tmp.dir, 'sales.json'), 'utf8')).toBe('somebody else’s file');
  });

  test('after a restart: the same workbooks, keys, names, cells and imports; the first on screen', async () => {
    const first = await start();
    const firstId = (await state(first.pg)).spreadsheet.id;
    const sales = (await create(first.pg, 'Sales')).body;
    await edit(first.pg, 'Sheet1', 'A1', '7');
    const hr = (await create(first.pg, 'RH', 'fr_FR')).body;
    await switchTo(first.pg, firstId);
    await edit(first.pg, 'Sheet1', 'A1', `=IMPORTRANGE("${sales.url}","Sheet1!A1")*2`);
    await call(first.pg, 'POST', '/api/allow', { sheet: 'Sheet1', a1: 'A1' });
    expect((await state(first.pg)).rows[0]![0]!.text).toBe('14');
    const before = (await state(first.pg)).workbooks;
    await first.pg.close();
    open = open.filter((o) => o !== first);

    const again = await start(first.tmp);
    const s = await state(again.pg);
    expect(s.workbooks).toEqual(before.map((w) => ({ ...w, current: w.id === firstId })));
    expect(s.workbooks.map((w) => w.id)).toEqual([firstId, sales.id, hr.id]);
    expect(s.spreadsheet.id).toBe(firstId);
    expect(s.rows[0]![0]!.text).toBe('14');
    await switchTo(again.pg, hr.id);
    expect((await state(again.pg)).spreadsheet.locale).toBe('fr_FR');
    expect(again.pg.workbooks.notes).toEqual([]);
    expect(again.pg.errors).toEqual([]);
  });

  test('a listed file that is gone is dropped with a note; a damaged index is moved aside', async () => {
    const first = await start();
    await create(first.pg, 'Gone');
    await create(first.pg, 'Kept');
    await first.pg.close();
    open = open.filter((o) => o !== first);
    const { rmSync } = await import('node:fs');
    rmSync(join(first.tmp.dir, 'gone.json'));
    const again = await start(first.tmp);
    expect((await state(again.pg)).workbooks.map((w) => w.name)).toEqual(['OKR & KPI playground', 'Kept']);
    expect(again.pg.workbooks.notes.join('\n')).toMatch(/gone\.json \(“Gone”\) is missing: it was dropped/);
    await again.pg.close();
    open = open.filter((o) => o !== again);

    // the index and its backup both unreadable: the first workbook opens alone, nothing deleted
    writeFileSync(join(first.tmp.dir, 'workbooks.json'), '{ not json');
    writeFileSync(join(first.tmp.dir, 'workbooks.json.bak'), '');
    const third = await start(first.tmp);
    expect((await state(third.pg)).workbooks).toHaveLength(1);
    expect(third.pg.workbooks.notes.join('\n')).toMatch(/workbooks\.json cannot be read .* moved to /);
    expect(existsSync(join(first.tmp.dir, 'kept.json'))).toBe(true);
  });

  test('--fresh starts with one workbook and leaves the others’ files on disk', async () => {
    const first = await start();
    await create(first.pg, 'Sales');
    await first.pg.close();
    open = open.filter((o) => o !== first);
    const again = await start(first.tmp, { fresh: true });
    expect((await state(again.pg)).workbooks).toHaveLength(1);
    expect(existsSync(join(first.tmp.dir, 'sales.json'))).toBe(true);
    expect((await create(again.pg, 'Sales')).body.file).toMatch(/sales-2\.json$/);
  });
});
