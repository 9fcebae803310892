/**
 * google.script.run and google.script.host inside a sidebar or dialog of the playground. The page
 * is sandboxed (an opaque origin, as Apps Script's own iframes are another domain): each call goes
 * to the playground page by postMessage, which sends it to the server (POST /api/run) and posts the
 * result or the error back. Handlers are called asynchronously with (value, userObject), as in Apps Script.
 */
import type { FromSurface, ToSurface } from './messages';

type Handler = (value: unknown, userObject?: unknown) => void;

interface Runner {
  withSuccessHandler(f: Handler): Runner;
  withFailureHandler(f: Handler): Runner;
  withUserObject(o: unknown): Runner;
  [endpoint: string]: unknown;
}

const script = document.currentScript as HTMLScriptElement | null;
const endpoints = JSON.parse(script?.dataset.endpoints ?? '[]') as string[];
const pending = new Map<number, { ok?: Handler; fail?: Handler; user: unknown }>();
let seq = 0;

const post = (m: FromSurface) => window.parent.postMessage(m, '*');

window.addEventListener('message', (e: MessageEvent<ToSurface>) => {
  if (e.source !== window.parent || !e.data || e.data.type !== 'run-reply') return;
  const call = pending.get(e.data.id);
  if (!call) return;
  pending.delete(e.data.id);
  if (e.data.error === undefined) call.ok?.(e.data.result, call.user);
  else if (call.fail) call.fail(new Error(e.data.error), call.user);
  else console.error(`google.script.run: ${e.data.error}`);
});

/** google.script.run refuses functions and Dates in arguments [Apps Script's own message]. */
function illegal(v: unknown, path: string): string | undefined {
  if (typeof v === 'function' || v instanceof Date) return path;
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const bad = illegal(x, `${path}.${k}`);
      if (bad) return bad;
    }
  }
  return undefined;
}

function runner(ok: Handler | undefined, fail: Handler | undefined, user: unknown): Runner {
  const r: Runner = {
    withSuccessHandler: (f) => runner(f, fail, user),
    withFailureHandler: (f) => runner(ok, f, user),
    withUserObject: (o) => runner(ok, fail, o),
  };
  for (const name of endpoints) {
    r[name] = (...args: unknown[]) => {
      const bad = args.map((a, i) => illegal(a, String(i))).find((p) => p !== undefined);
      if (bad !== undefined) {
        const error = new Error(`Failed due to illegal value in property: ${bad}`);
        setTimeout(() => fail?.(error, user));
        return;
      }
      const id = ++seq;
      pending.set(id, { ok, fail, user });
      post({ type: 'run', id, name, args: JSON.parse(JSON.stringify(args)) as unknown[] });
    };
  }
  return r;
}

const host = {
  close: () => post({ type: 'close' }),
  setHeight: (height: number) => post({ type: 'resize', height }),
  setWidth: (width: number) => post({ type: 'resize', width }),
  editor: { focus: () => post({ type: 'focus-editor' }) },
  origin: 'https://docs.google.com',
};

(window as unknown as { google: unknown }).google = {
  script: {
    get run() {
      return runner(undefined, undefined, undefined);
    },
    host,
  },
};
