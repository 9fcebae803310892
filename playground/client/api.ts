/** The page's calls to the playground server: JSON in, JSON out, an error's message thrown. */
import type { EditReply, PageState, RowAction, RunReply, Shown, WorkbookEntry } from '../protocol';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const data = (await res.json().catch(() => ({ error: `HTTP ${res.status}` }))) as unknown;
  if (!res.ok) {
    const message = (data as { error?: unknown }).error;
    throw new ApiError(typeof message === 'string' ? message : `HTTP ${res.status}`, res.status);
  }
  return data as T;
}

export const api = {
  state: (sheet?: string) =>
    call<PageState>(
      'GET',
      sheet === undefined ? '/api/state' : `/api/state?sheet=${encodeURIComponent(sheet)}`,
    ),
  select: (sheet: string) => call<object>('POST', '/api/select', { sheet }),
  edit: (sheet: string, a1: string, text: string, confirm = false) =>
    call<EditReply>('POST', '/api/edit', { sheet, a1, text, confirm }),
  toggle: (sheet: string, a1: string, confirm = false) =>
    call<EditReply>('POST', '/api/toggle', { sheet, a1, confirm }),
  /** Cells copied on `sheet` at `from`, pasted at `to` on `toSheet`. */
  paste: (sheet: string, from: string, toSheet: string, to: string, valuesOnly: boolean, confirm = false) =>
    call<EditReply>('POST', '/api/paste', { sheet, from, toSheet, to, valuesOnly, confirm }),
  rows: (sheet: string, row: number, action: RowAction, confirm = false) =>
    call<EditReply>('POST', '/api/rows', { sheet, row, action, confirm }),
  allow: (sheet: string, a1: string) => call<EditReply>('POST', '/api/allow', { sheet, a1 }),
  undo: () => call<EditReply>('POST', '/api/undo', {}),
  /** A menu item, run with the grid's selected cell as the active range. */
  menu: (name: string, at?: { sheet: string; a1: string }) =>
    call<Shown>('POST', '/api/menu', { name, ...at }),
  run: (name: string, args: unknown[]) => call<RunReply>('POST', '/api/run', { name, args }),
  /** A new workbook, named, with its own file; it goes on screen. */
  createWorkbook: (name: string, locale: string) =>
    call<WorkbookEntry>('POST', '/api/workbooks', { name, locale }),
  /** Puts another workbook on screen. */
  openWorkbook: (id: string) => call<object>('POST', '/api/workbooks/open', { id }),
};
