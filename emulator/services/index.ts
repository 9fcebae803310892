/**
 * The Apps Script services other than SpreadsheetApp, wired together for one emulated workbook.
 * The runner installs `globals` in the vm, returns `ui` from SpreadsheetApp.getUi() (after
 * assertUiAllowed()), sets the auth mode and context before each call and calls endCall() after.
 */
import type vm from 'node:vm';
import type { CallCounter } from '../counter';
import { EmuCacheService } from './cache';
import { type AuthModeName, authModeName, type CallContext, type Clock, Env } from './env';
import { EmuHtmlService } from './html';
import { EmuLockService, type LockScope } from './lock';
import { EmuPropertiesService, type PropertyScope } from './properties';
import { EmuScriptApp } from './script';
import { EmuSession } from './session';
import { EmuUi } from './ui';
import { EmuUtilities } from './utilities';

export type { AuthModeName, CallContext } from './env';
export type { ButtonName, ButtonSetName, DialogShown, MenuEntry, MenuShown, SurfaceShown } from './ui';
export { EmuUi, UI_CONTEXT_ERROR } from './ui';

export interface ServicesOptions {
  counter: CallCounter;
  /** Where `createHtmlOutputFromFile(name)` finds `${name}.html` (the built pages). */
  pagesDir: string;
  /** Session.getScriptTimeZone(); the manifest's, Etc/UTC, by default. */
  scriptTimeZone?: string;
  user?: { email?: string; locale?: string };
  /** The Extensions submenu's caption. */
  addonName?: string;
  scriptId?: string;
}

export interface ServiceGlobals {
  HtmlService: EmuHtmlService;
  PropertiesService: EmuPropertiesService;
  LockService: EmuLockService;
  CacheService: EmuCacheService;
  Session: EmuSession;
  Utilities: EmuUtilities;
  ScriptApp: EmuScriptApp;
}

/** What is saved with the workbook: the property stores. */
export interface ServicesState {
  toJSON(): SavedProperties;
  restore(json: unknown): void;
}

export type SavedProperties = Record<PropertyScope, Record<string, string>>;

export interface Services {
  globals: ServiceGlobals;
  ui: EmuUi;
  state: ServicesState;
  setAuthMode(mode: GoogleAppsScript.Script.AuthMode | AuthModeName): void;
  setContext(ctx: CallContext): void;
  /** Throws `Cannot call SpreadsheetApp.getUi() from this context.` where there is no UI. */
  assertUiAllowed(): void;
  /** The runner calls this in a finally after each call: the script has ended, its locks go. */
  endCall(): void;
  /** Scriptlets then see the bundle's globals, and errors are that realm's Errors. */
  bindContext(context: vm.Context): void;
  /** Test hook: another execution holds (or releases) the lock of a scope. */
  simulateLockHeldElsewhere(scope: LockScope, held: boolean): void;
  /** The fake clock behind cache expiry and Utilities.sleep: advance(ms), freeze(at?). */
  clock: Clock;
  /** Read-only views for tests. */
  authMode(): AuthModeName;
  context(): CallContext;
}

export function createServices(opts: ServicesOptions): Services {
  const env = new Env(opts.counter);
  const scriptId = opts.scriptId ?? 'emulated-okr-kpi-script';
  const user = { email: opts.user?.email ?? 'user@example.com', locale: opts.user?.locale ?? 'en_US' };
  const properties = new EmuPropertiesService(env);
  const locks = new EmuLockService(env);
  const globals: ServiceGlobals = {
    HtmlService: new EmuHtmlService(env, opts.pagesDir),
    PropertiesService: properties,
    LockService: locks,
    CacheService: new EmuCacheService(env),
    Session: new EmuSession(env, user, opts.scriptTimeZone ?? 'Etc/UTC', scriptId),
    Utilities: new EmuUtilities(env),
    ScriptApp: new EmuScriptApp(env, scriptId),
  };
  env.fallbackGlobals = { ...globals };
  const ui = new EmuUi(env, {
    addonName: opts.addonName ?? 'OKR & KPI for Google Sheets',
    onSuspend: () => locks.releaseAll(),
  });

  return {
    globals,
    ui,
    state: {
      toJSON: () => ({
        document: properties.stores.document.toJSON(),
        user: properties.stores.user.toJSON(),
        script: properties.stores.script.toJSON(),
      }),
      restore: (json) => restoreProperties(properties, json),
    },
    setAuthMode: (mode) => {
      env.authMode = authModeName(mode);
    },
    setContext: (ctx) => {
      if (!['custom-function', 'trigger', 'menu', 'client'].includes(ctx)) {
        throw new Error(`emulator: unknown call context ${ctx}`);
      }
      env.context = ctx;
    },
    assertUiAllowed: () => ui.assertUiAllowed(),
    endCall: () => locks.releaseAll(),
    bindContext: (context) => env.bindContext(context),
    simulateLockHeldElsewhere: (scope, held) => locks.simulateHeldElsewhere(scope, held),
    clock: env.clock,
    authMode: () => env.authMode,
    context: () => env.context,
  };
}

/** Accepts a saved state (any scope may be missing); anything else is a corrupt file and throws. */
function restoreProperties(properties: EmuPropertiesService, json: unknown): void {
  if (json === undefined || json === null) return;
  if (typeof json !== 'object' || Array.isArray(json))
    throw new Error('emulator: saved properties must be an object');
  const saved = json as Partial<Record<string, unknown>>;
  const scopes: PropertyScope[] = ['document', 'user', 'script'];
  const parsed = scopes.map((scope) => {
    const entries = saved[scope] ?? {};
    if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) {
      throw new Error(`emulator: saved ${scope} properties must be an object`);
    }
    for (const [k, v] of Object.entries(entries)) {
      if (typeof v !== 'string') throw new Error(`emulator: saved ${scope} property ${k} is not a string`);
    }
    return [scope, entries as Record<string, string>] as const;
  });
  for (const [scope, entries] of parsed) {
    const map = properties.stores[scope].map;
    map.clear();
    for (const [k, v] of Object.entries(entries)) map.set(k, v);
  }
}
