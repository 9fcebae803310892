/**
 * The playground's HTTP routes: the page and its assets, the sidebars' and dialogs' HTML (with the
 * google.script.run shim), and a small JSON API over the workbook on screen (and the switcher's list). Every handler runs inside one
 * try/catch: a bad request gets its status code and a JSON message, and never stops the server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod/mini';
import type { ClientAssets } from './assets';
import type { ErrorReply, PageState } from './protocol';
import { AddonError, ENDPOINTS, RequestError } from './session';
import { withShim } from './shim-inject';
import type { Workbooks } from './workbooks';

/** Request bodies above this are refused (413): the add-on's payloads are a few kB. */
export const BODY_LIMIT = 1024 * 1024;

const JSON_TYPE = 'application/json; charset=utf-8';

/** The page may talk to its own server only; no inline script, no plugin, no framing by others. */
const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The add-on's HTML runs in an opaque origin, as Apps Script serves it from another domain: it
 * cannot reach the page's DOM or the API; it talks to the page through postMessage only. Opened on
 * its own (outside the page's iframe) it stays sandboxed.
 */
const SURFACE_CSP = "sandbox allow-scripts allow-forms allow-modals allow-popups; frame-ancestors 'self'";

const editBody = z.object({
  sheet: z.string(),
  a1: z.string(),
  text: z.string().check(z.maxLength(50_000)),
  confirm: z.optional(z.boolean()),
});
const toggleBody = z.object({ sheet: z.string(), a1: z.string(), confirm: z.optional(z.boolean()) });
const selectBody = z.object({ sheet: z.string() });
const menuBody = z.object({
  name: z.string(),
  /** The grid's selected cell: the add-on's getActiveRange(). */
  sheet: z.optional(z.string()),
  a1: z.optional(z.string().check(z.regex(/^[A-Z]{1,3}[1-9]\d{0,6}$/))),
});
const runBody = z.object({ name: z.string(), args: z.optional(z.array(z.unknown())) });
const pasteBody = z.object({
  sheet: z.string(),
  from: z.string().check(z.maxLength(30)),
  toSheet: z.optional(z.string()),
  to: z.string().check(z.maxLength(30)),
  valuesOnly: z.optional(z.boolean()),
  confirm: z.optional(z.boolean()),
});
const rowsBody = z.object({
  sheet: z.string(),
  row: z.number().check(z.int(), z.gte(1)),
  action: z.enum(['insertAbove', 'insertBelow', 'delete']),
  confirm: z.optional(z.boolean()),
});
const undoBody = z.object({});
const newWorkbookBody = z.object({
  name: z.string().check(z.maxLength(1000)),
  locale: z.optional(z.string().check(z.regex(/^[a-z]{2}(_[A-Z]{2})?$/))),
});
const openWorkbookBody = z.object({ id: z.string().check(z.maxLength(100)) });

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...headers,
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON_TYPE, JSON.stringify(value));
}

/** The body as text, refused past BODY_LIMIT (the rest is drained, so the client reads the 413). */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const tooLarge = () =>
      new RequestError(413, `Request body over ${BODY_LIMIT} bytes: the playground takes at most 1 MB.`);
    if (Number(req.headers['content-length'] ?? 0) > BODY_LIMIT) {
      req.resume();
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > BODY_LIMIT) {
        over = true;
        chunks.length = 0;
        reject(tooLarge());
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

async function readJson<T>(req: IncomingMessage, schema: z.ZodMiniType<T>): Promise<T> {
  const type = String(req.headers['content-type'] ?? '');
  // a cross-site form or simple request can't send application/json without a preflight we never answer
  if (!/^application\/json\b/i.test(type))
    throw new RequestError(415, 'Send JSON (Content-Type: application/json).');
  const text = await readBody(req);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new RequestError(400, `Bad JSON: ${(e as Error).message}`);
  }
  const parsed = z.safeParse(schema, value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RequestError(
      400,
      `Bad request: ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}

/** Only this server's own names: a page elsewhere (DNS rebinding) gets nothing. */
function allowedHost(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host ?? '';
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host);
}

function allowedOrigin(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  return origin === undefined || [`http://127.0.0.1:${port}`, `http://localhost:${port}`].includes(origin);
}

export interface Routes {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

export function routes(
  workbooks: Workbooks,
  assets: ClientAssets,
  port: () => number,
  log: (line: string) => void,
): Routes {
  const api = async (req: IncomingMessage, path: string, url: URL): Promise<[number, unknown]> => {
    const session = workbooks.current;
    if (req.method === 'GET' && path === '/api/state') {
      const state: PageState = {
        ...session.state(url.searchParams.get('sheet') ?? undefined),
        workbooks: workbooks.list(),
      };
      return [200, state];
    }
    if (req.method === 'GET' && path === '/api/workbooks') return [200, workbooks.list()];
    if (req.method !== 'POST')
      throw new RequestError(
        path === '/api/state' || path === '/api/workbooks' ? 405 : 404,
        `No route ${req.method} ${path}.`,
      );
    switch (path) {
      case '/api/workbooks': {
        const b = await readJson(req, newWorkbookBody);
        return [200, workbooks.create(b.name, b.locale)];
      }
      case '/api/workbooks/open': {
        const b = await readJson(req, openWorkbookBody);
        workbooks.open(b.id);
        return [200, {}];
      }
      case '/api/select': {
        const b = await readJson(req, selectBody);
        session.select(b.sheet);
        return [200, {}];
      }
      case '/api/edit': {
        const b = await readJson(req, editBody);
        return [200, session.edit(b.sheet, b.a1, b.text, b.confirm ?? false)];
      }
      case '/api/toggle': {
        const b = await readJson(req, toggleBody);
        return [200, session.toggle(b.sheet, b.a1, b.confirm ?? false)];
      }
      case '/api/paste': {
        const b = await readJson(req, pasteBody);
        return [
          200,
          session.paste(
            b.sheet,
            b.from,
            b.toSheet ?? b.sheet,
            b.to,
            b.valuesOnly ?? false,
            b.confirm ?? false,
          ),
        ];
      }
      case '/api/allow': {
        const b = await readJson(req, toggleBody);
        return [200, session.allow(b.sheet, b.a1)];
      }
      case '/api/rows': {
        const b = await readJson(req, rowsBody);
        return [200, session.rows(b.sheet, b.row, b.action, b.confirm ?? false)];
      }
      case '/api/undo': {
        await readJson(req, undoBody);
        return [200, session.undo()];
      }
      case '/api/menu': {
        const b = await readJson(req, menuBody);
        return [200, session.menu(b.name, b.sheet && b.a1 ? { sheet: b.sheet, a1: b.a1 } : undefined)];
      }
      case '/api/run': {
        const b = await readJson(req, runBody);
        return [200, session.run(b.name, b.args ?? [])];
      }
      default:
        throw new RequestError(
          404,
          `No route POST ${path}. The API: GET /api/state, GET and POST /api/workbooks, POST /api/workbooks/open, /api/select, /api/edit, /api/toggle, /api/paste, /api/rows, /api/allow, /api/undo, /api/menu, /api/run.`,
        );
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      if (!allowedHost(req, port()))
        throw new RequestError(403, 'Unknown host: open the playground at 127.0.0.1.');
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = url.pathname;
      if (path.startsWith('/api/')) {
        if (!allowedOrigin(req, port()))
          throw new RequestError(403, 'Requests from other sites are refused.');
        const [status, body] = await api(req, path, url);
        return sendJson(res, status, body);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD')
        throw new RequestError(405, `${req.method} ${path}: not allowed.`);
      if (path === '/')
        return send(res, 200, 'text/html; charset=utf-8', assets.page, {
          'Content-Security-Policy': PAGE_CSP,
        });
      if (path === '/app.js') return send(res, 200, 'text/javascript; charset=utf-8', assets.script);
      if (path === '/app.css') return send(res, 200, 'text/css; charset=utf-8', assets.style);
      if (path === '/favicon.svg') return send(res, 200, 'image/svg+xml', assets.icon);
      if (path === '/favicon.ico') return send(res, 204, 'text/plain', '');
      const surface = /^\/surface\/([0-9a-f-]{36})$/.exec(path);
      if (surface) {
        const html = workbooks.surfaceHtml(surface[1]!);
        if (html === undefined)
          throw new RequestError(404, 'This sidebar or dialog is gone: open it again from the menu.');
        return send(res, 200, 'text/html; charset=utf-8', withShim(html, assets.shim, ENDPOINTS), {
          'Content-Security-Policy': SURFACE_CSP,
        });
      }
      throw new RequestError(404, `Nothing at ${path}.`);
    } catch (e) {
      const [status, message] =
        e instanceof RequestError
          ? [e.status, e.message]
          : e instanceof AddonError
            ? [422, e.message]
            : [500, `Playground error: ${e instanceof Error ? e.message : String(e)}`];
      if (status === 500)
        log(`${req.method} ${req.url}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const reply: ErrorReply = { error: message };
      sendJson(res, status, reply);
    }
  };
  return { handle };
}
