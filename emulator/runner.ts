/**
 * Runs dist/Code.js — the very file `clasp push` sends — in a node:vm context whose globals are the
 * emulated services, and calls its top-level functions by name as Sheets would: triggers with their
 * event and auth mode, menu handlers, google.script.run endpoints, and custom functions from formulas.
 * As in Apps Script, every execution loads the script anew in a fresh context (its module state
 * does not survive); the compiled script is cached, so a load costs a context and a run of the top.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import vm from 'node:vm';
import { EmuSpreadsheetApp } from './app';
import { EmuCharts } from './charts';
import { Membrane } from './membrane';
import { registerScriptFunctions } from './plugins';
import { type AuthModeName, type CallContext, createServices, type Services } from './services';
import { spreadsheetObject } from './spreadsheet';
import type { BundleHook, WorkbookCore } from './workbook-core';

/** The repository root, so that the default path does not depend on the current directory. */
export const ROOT = resolve(import.meta.dirname, '..');

/** Simple triggers Sheets calls by name, with an event object. */
const TRIGGERS = new Set(['onOpen', 'onInstall', 'onEdit', 'onSelectionChange', 'onChange']);

export interface LoadOptions {
  /** The script to run, relative to the repository root by default: dist/Code.js. */
  path?: string;
  /** Services to install instead of createServices(...)'s (tests may inject their own). */
  services?: Services;
  /** The user running the script (Session.getActiveUser()). */
  user?: { email?: string; locale?: string };
  /** Where the script's console.log goes (the real console by default). */
  console?: Pick<Console, 'log' | 'info' | 'warn' | 'error'>;
  /**
   * Each execution (a call, a google.script.run call, a trigger, a custom function's computation)
   * loads the script anew in a fresh context, as Apps Script does: nothing the script keeps in
   * module state survives it. True by default; false shares one context between executions.
   */
  freshContexts?: boolean;
}

export interface CallOptions {
  context?: CallContext;
  authMode?: AuthModeName;
}

export interface Bundle {
  /** The context of the latest execution (of the load, before any). */
  readonly context: vm.Context;
  /** Whether each execution gets a fresh context (LoadOptions.freshContexts). */
  readonly freshContexts: boolean;
  /** How many times the script was loaded (run from its top) so far. */
  readonly loads: number;
  readonly services: Services;
  /** What Logger.log recorded, and the errors of simple triggers run after an edit. */
  readonly logs: string[];
  /** Service calls made while the script loaded (Apps Script loads it for every call: keep it 0). */
  readonly loadCalls: number;
  has(name: string): boolean;
  /**
   * Calls a top-level function. Triggers (onOpen, onEdit…) run in the auth mode of their event's
   * `authMode` (FULL when no event is given, as when run by hand) and get `source` added to it;
   * other functions run as menu items, in FULL.
   */
  call(name: string, ...args: unknown[]): unknown;
  /** Calls with an explicit context and auth mode. */
  callAs(options: CallOptions, name: string, ...args: unknown[]): unknown;
  /**
   * Calls as google.script.run does: arguments and result cross as copies. Undefined arguments,
   * array items and object fields arrive as null; a Date, function, Map, Set or cycle in the
   * arguments fails the call; a result holding a Date anywhere arrives as null.
   */
  run(name: string, ...args: unknown[]): unknown;
}

function scriptTimeZoneNear(path: string): string | undefined {
  const manifest = join(dirname(path), 'appsscript.json');
  if (!existsSync(manifest)) return undefined;
  try {
    const tz = (JSON.parse(readFileSync(manifest, 'utf8')) as { timeZone?: unknown }).timeZone;
    return typeof tz === 'string' ? tz : undefined;
  } catch {
    return undefined;
  }
}

const isDate = (v: unknown) => Object.prototype.toString.call(v) === '[object Date]';

/** Whether a value holds a Date anywhere (google.script.run then returns null as a whole). */
function holdsDate(v: unknown, seen = new Set<object>()): boolean {
  if (isDate(v)) return true;
  if (v === null || typeof v !== 'object' || seen.has(v)) return false;
  seen.add(v);
  return Object.values(v).some((x) => holdsDate(x, seen));
}

/**
 * google.script.run's copy of an argument: undefined in an array becomes null [DOC RUN], and so
 * does an object field left undefined [UNVERIFIED: the docs say nothing; null is the harder case
 * for the add-on, which must accept null for every optional field].
 */
function argumentCopy(v: unknown): unknown {
  if (v === undefined) return null;
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(argumentCopy);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = argumentCopy(x);
  return out;
}

/**
 * google.script.run's copy of a result: what JSON keeps (functions and undefined fields dropped,
 * undefined in arrays null), and null as a whole when a Date is anywhere in it [OBS tanaike
 * 2023-08-28, reference §audit].
 */
function resultCopy(v: unknown): unknown {
  if (holdsDate(v)) return null;
  const copy = (x: unknown): unknown => {
    if (x === undefined || typeof x === 'function') return null;
    if (x === null || typeof x !== 'object') return x;
    if (Array.isArray(x)) return x.map(copy);
    const out: Record<string, unknown> = {};
    for (const [k, y] of Object.entries(x)) if (y !== undefined && typeof y !== 'function') out[k] = copy(y);
    return out;
  };
  return copy(v);
}

/**
 * Arguments google.script.run cannot send make the request fail: a Date, a function, a DOM element
 * [DOC RUN], a Map or a Set [reference §audit], or an object that contains itself [DOC RUN].
 */
function checkClientArg(v: unknown, path: string, within: object[] = []): void {
  const tag = Object.prototype.toString.call(v);
  if (
    typeof v === 'function' ||
    tag === '[object Date]' ||
    tag === '[object Map]' ||
    tag === '[object Set]'
  ) {
    throw new Error(`Failed due to illegal value in property: ${path}`);
  }
  if (!v || typeof v !== 'object') return;
  if (within.includes(v)) throw new Error(`Failed due to a circular reference in property: ${path}`);
  for (const [k, x] of Object.entries(v)) checkClientArg(x, `${path}.${k}`, [...within, v]);
}

/**
 * The compiled script per file, kept across loads and workbooks: Apps Script parses the project for
 * every execution, the emulator compiles it once and runs it anew in each fresh context.
 */
const compiledScripts = new Map<string, { code: string; script: vm.Script }>();

function compiled(path: string, code: string): vm.Script {
  const known = compiledScripts.get(path);
  if (known && known.code === code) return known.script;
  const script = new vm.Script(code, { filename: path });
  compiledScripts.set(path, { code, script });
  return script;
}

/** One execution of the script: its own vm context (its own globals and realm) and membrane. */
interface Execution {
  context: vm.Context;
  membrane: Membrane;
}

export function loadBundle(wb: WorkbookCore, options: LoadOptions = {}): Bundle {
  const path = isAbsolute(options.path ?? '') ? options.path! : join(ROOT, options.path ?? 'dist/Code.js');
  const code = readFileSync(path, 'utf8');
  const script = compiled(path, code);
  const fresh = options.freshContexts ?? true;
  const services =
    options.services ??
    createServices({
      counter: wb.counter,
      pagesDir: dirname(path),
      ...(scriptTimeZoneNear(path) ? { scriptTimeZone: scriptTimeZoneNear(path)! } : {}),
      ...(options.user ? { user: options.user } : {}),
    });
  if (wb.pendingServicesState !== undefined) {
    services.state.restore(wb.pendingServicesState);
    wb.pendingServicesState = undefined;
  }
  wb.servicesState = services.state;

  const logs: string[] = [];
  const out = options.console ?? console;
  const logger = {
    log(...args: unknown[]) {
      logs.push(args.map(String).join(' '));
      return logger;
    },
    getLog: () => logs.join('\n'),
    clear: () => {
      logs.length = 0;
    },
  };
  const spreadsheetApp = new EmuSpreadsheetApp(wb);
  const charts = new EmuCharts();
  let loads = 0;

  /** A new context with the services as globals, the script run in it from the top. */
  const load = (): Execution => {
    const context = vm.createContext({ console: out });
    const membrane = new Membrane(context);
    const globals: Record<string, unknown> = {
      SpreadsheetApp: spreadsheetApp,
      Charts: charts,
      ...services.globals,
      Logger: logger,
    };
    for (const [k, v] of Object.entries(globals)) context[k] = membrane.toVm(v);
    services.bindContext(context);
    script.runInContext(context);
    loads++;
    return { context, membrane };
  };

  const before = wb.counter.total();
  const first = load();
  const loadCalls = wb.counter.total() - before;
  /** The functions the script declares (read once: every load of the same code declares the same). */
  const declared = new Set(
    Object.keys(first.context).filter((k) => typeof (first.context[k] as unknown) === 'function'),
  );
  /** Names by their upper case: a formula calls a script's function by its name in any case [DOC CF]. */
  const byUpper = new Map<string, string>();
  for (const n of declared) if (!byUpper.has(n.toUpperCase())) byUpper.set(n.toUpperCase(), n);
  const real = (name: string) => (declared.has(name) ? name : byUpper.get(name.toUpperCase()));
  // the script's other functions become callable from formulas (the engine is rebuilt below)
  registerScriptFunctions([...declared]);
  /** The first load serves the first execution; every later one loads the script anew (if fresh). */
  let spare: Execution | undefined = first;
  let current: Execution | undefined;
  let last: Execution = first;

  let depth = 0;

  /**
   * Runs one execution in a context and auth mode, restoring the outer ones (a custom function runs
   * inside a call): a fresh load of the script unless contexts are shared.
   */
  const within = <T>(ctx: CallContext, mode: AuthModeName, fn: (exec: Execution) => T): T => {
    const outer = {
      ctx: services.context(),
      mode: services.authMode(),
      wbMode: wb.authMode,
      exec: current,
    };
    let exec: Execution;
    if (spare) {
      exec = spare;
      spare = undefined;
      services.bindContext(exec.context);
    } else if (fresh) exec = load();
    else {
      exec = first;
      services.bindContext(exec.context);
    }
    current = exec;
    last = exec;
    services.setContext(ctx);
    services.setAuthMode(mode);
    wb.authMode = services.authMode();
    depth++;
    try {
      return fn(exec);
    } finally {
      depth--;
      current = outer.exec;
      if (outer.exec) services.bindContext(outer.exec.context);
      wb.authMode = outer.wbMode;
      services.setContext(outer.ctx);
      services.setAuthMode(outer.mode);
      if (depth === 0) services.endCall();
    }
  };

  const invoke = (exec: Execution, name: string, args: unknown[]): unknown => {
    const fn = exec.context[name] as unknown;
    if (typeof fn !== 'function') throw new Error(`emulator: no top-level function ${name} in ${path}`);
    const inner = args.map((a) => exec.membrane.toVm(a));
    try {
      return exec.membrane.fromVm((fn as (...a: unknown[]) => unknown)(...inner));
    } catch (e) {
      throw exec.membrane.fromVm(e);
    }
  };

  const has = (name: string) => declared.has(name);

  const callAs = (opts: CallOptions, name: string, ...args: unknown[]): unknown => {
    if (!has(name)) throw new Error(`emulator: no top-level function ${name} in ${path}`);
    return within(opts.context ?? 'menu', opts.authMode ?? 'FULL', (exec) => invoke(exec, name, args));
  };

  const call = (name: string, ...args: unknown[]): unknown => {
    if (!TRIGGERS.has(name)) return callAs({ context: 'menu' }, name, ...args);
    const [event, ...rest] = args;
    let mode: AuthModeName = 'FULL';
    let e = event;
    if (event && typeof event === 'object') {
      const given = (event as { authMode?: unknown }).authMode;
      // ScriptApp.AuthMode values are their names; a numeric enum value is read by the services.
      if (given !== undefined) {
        services.setAuthMode(given as AuthModeName);
        mode = services.authMode();
      }
      e = { source: spreadsheetObject(wb), ...event };
    }
    // In AuthMode.NONE there is no access to the document, so no source [DOC add-ons menus].
    if (mode === 'NONE' && e && typeof e === 'object') delete (e as { source?: unknown }).source;
    return callAs({ context: 'trigger', authMode: mode }, name, ...(event === undefined ? [] : [e]), ...rest);
  };

  const hook: BundleHook = {
    has: (name) => real(name) !== undefined,
    call: (name, args) =>
      within('custom-function', 'CUSTOM_FUNCTION', (exec) => invoke(exec, real(name) ?? name, [...args])),
    // A failing simple trigger does not undo the user's edit: Sheets logs the error.
    trigger: (name, event) => {
      if (!has(name)) return;
      try {
        call(name, event);
      } catch (e) {
        logs.push(`${name} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
  };
  wb.bundle = hook;
  wb.uiProvider = () => {
    services.assertUiAllowed();
    return services.ui;
  };
  // Formulas computed before the bundle was there (#NAME?) are computed again with it.
  wb.engine.rebuild();

  return {
    get context() {
      return last.context;
    },
    get loads() {
      return loads;
    },
    freshContexts: fresh,
    services,
    logs,
    loadCalls,
    has,
    call,
    callAs,
    run: (name, ...args) => {
      args.forEach((a, i) => {
        checkClientArg(a, String(i));
      });
      return resultCopy(callAs({ context: 'client' }, name, ...(argumentCopy(args) as unknown[])));
    },
  };
}
