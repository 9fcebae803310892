/**
 * The playground's edits of the grid, below the browser: paste, rows and undo through the session
 * and its HTTP routes. One level of undo, of the grid's own edits only: an add-on action that changes
 * the workbook ends what can be undone (its writes are never rolled back by Ctrl+Z).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { EditReply, GridState } from '../../playground/protocol';
import { playground, tempDir } from '../e2e/support';

type Pg = Awaited<ReturnType<typeof playground>>;

const tmp = tempDir();
let pg: Pg;

async function post<T>(path: string, body: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(new URL(path, pg.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

const sheet = () => pg.session.wb.sheet('Scratch');

beforeAll(async () => {
  pg = await playground({ file: tmp.file, fresh: true, example: false });
  pg.session.wb.spreadsheet
    .insertSheet('Scratch')
    .getRange('A1:B1')
    .setValues([[3, '=A1*2']]);
  pg.session.save();
}, 60_000);

afterAll(async () => {
  await pg?.close();
  tmp.remove();
});

describe('the grid’s edits through the HTTP API', () => {
  test('POST /api/paste pastes as the emulator’s copyPaste; values only too', async () => {
    expect((await post<EditReply>('/api/paste', { sheet: 'Scratch', from: 'A1:B1', to: 'A3' })).body).toEqual(
      {
        status: 'applied',
      },
    );
    expect(sheet().getRange('A3:B3').getValues()).toEqual([[3, 6]]);
    expect(sheet().getRange('B3').getFormula()).toBe('=A3*2');
    await post('/api/paste', { sheet: 'Scratch', from: 'B1', to: 'C5:C6', valuesOnly: true });
    expect(sheet().getRange('C5:C6').getValues()).toEqual([[6], [6]]);
    expect(sheet().getRange('C5').getFormula()).toBe('');
  });

  test('POST /api/undo restores the workbook before the last edit, once', async () => {
    expect((await post<EditReply>('/api/undo', {})).body).toEqual({ status: 'applied' });
    expect(sheet().getRange('C5:C6').getValues()).toEqual([[''], ['']]);
    expect(sheet().getRange('B3').getValue()).toBe(6); // the paste before stays
    expect((await post<EditReply>('/api/undo', {})).body).toEqual({
      status: 'rejected',
      message: 'Nothing to undo.',
    });
    const state = (await (await fetch(new URL('/api/state?sheet=Scratch', pg.url))).json()) as GridState;
    expect(state.canUndo).toBe(false);
  });

  test('POST /api/rows inserts above and below and deletes; formulas follow', async () => {
    await post('/api/rows', { sheet: 'Scratch', row: 1, action: 'insertAbove' });
    expect(sheet().getRange('B2').getFormula()).toBe('=A2*2');
    await post('/api/rows', { sheet: 'Scratch', row: 2, action: 'insertBelow' });
    expect(sheet().getRange('A5:B5').getValues()).toEqual([[3, 6]]);
    await post('/api/rows', { sheet: 'Scratch', row: 1, action: 'delete' });
    expect(sheet().getRange('A1:B1').getValues()).toEqual([[3, 6]]);
    expect(sheet().getMaxRows()).toBe(1001);
  });

  test('an add-on action that changes the workbook ends what can be undone', async () => {
    await post('/api/edit', { sheet: 'Scratch', a1: 'D1', text: 'typed' });
    expect(pg.session.canUndo).toBe(true);
    const { quarters } = (
      await post<{ result: { quarters: string[] } }>('/api/run', { name: 'getInsertOptions' })
    ).body.result;
    // a read changes nothing: the edit can still be undone
    expect(pg.session.canUndo).toBe(true);
    await post('/api/run', {
      name: 'insertQuarter',
      args: [{ quarter: quarters[0], fiscalStart: 1, levels: ['company'], content: 'blank' }],
    });
    expect(pg.session.canUndo).toBe(false);
    expect(sheet().getRange('D1').getValue()).toBe('typed');
  });

  test('bad requests are refused with a message', async () => {
    expect((await post('/api/paste', { sheet: 'Scratch', from: 'A1:B', to: 'A3' })).status).toBe(400);
    expect((await post('/api/paste', { sheet: 'Nope', from: 'A1', to: 'A3' })).status).toBe(404);
    expect((await post('/api/rows', { sheet: 'Scratch', row: 0, action: 'delete' })).status).toBe(400);
    expect((await post('/api/rows', { sheet: 'Scratch', row: 2, action: 'explode' })).status).toBe(400);
    expect(pg.errors).toEqual([]);
  });
});
