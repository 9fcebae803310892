/**
 * What every emulated service consults on each call: the auth mode and call context the runner set,
 * the clock (cache expiry, Utilities.sleep), the realm errors are made in, and the counter.
 */
import vm from 'node:vm';
import type { CallCounter } from '../counter';

export type AuthModeName = 'NONE' | 'CUSTOM_FUNCTION' | 'LIMITED' | 'FULL';
export type CallContext = 'custom-function' | 'trigger' | 'menu' | 'client';

/** The order @types/google-apps-script declares ScriptApp.AuthMode in, for numeric enum values. */
const AUTH_MODE_ORDER: readonly AuthModeName[] = ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'];

export function authModeName(mode: unknown): AuthModeName {
  if (typeof mode === 'number' && AUTH_MODE_ORDER[mode]) return AUTH_MODE_ORDER[mode];
  const name = String(mode);
  if ((AUTH_MODE_ORDER as readonly string[]).includes(name)) return name as AuthModeName;
  throw new Error(`emulator: unknown auth mode ${name}`);
}

/**
 * Fake time: real time plus an offset that Utilities.sleep and tests advance, or a frozen instant,
 * so expiry is tested without waiting.
 */
export class Clock {
  private offset = 0;
  private frozenAt: number | null = null;

  now(): number {
    return this.frozenAt ?? Date.now() + this.offset;
  }

  advance(ms: number): void {
    if (this.frozenAt === null) this.offset += ms;
    else this.frozenAt += ms;
  }

  freeze(at: number = this.now()): void {
    this.frozenAt = at;
  }
}

/**
 * Apps Script's signature error, e.g. `The parameters (String,String) don't match the method
 * signature for Ui.alert.`, with the type names emulator/errors.ts uses [ODD].
 */
export function signatureMessage(args: readonly unknown[], method: string): string {
  const kind = (v: unknown): string => {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'number') return 'number';
    if (typeof v === 'string') return 'String';
    if (typeof v === 'boolean') return 'Boolean';
    if (Object.prototype.toString.call(v) === '[object Date]') return 'Date';
    if (Array.isArray(v)) return 'Object[]';
    return 'Object';
  };
  return `The parameters (${args.map(kind).join(',')}) don't match the method signature for ${method}.`;
}

/** `You do not have permission to call X.`: [DOC CF] form, reused for AuthMode.NONE [UNVERIFIED]. */
export function permissionMessage(method: string): string {
  return `You do not have permission to call ${method}.`;
}

export class Env {
  authMode: AuthModeName = 'FULL';
  context: CallContext = 'menu';
  readonly clock = new Clock();
  /** Globals template scriptlets see when no vm context is bound (services-only tests). */
  fallbackGlobals: Record<string, unknown> = {};
  private errorType: ErrorConstructor = Error;
  private boundContext: vm.Context | null = null;
  private fallbackContext: vm.Context | null = null;

  constructor(private readonly counter: CallCounter) {}

  /** Counts one service call, "Class.method"; a write may meet an armed fault (CallCounter). */
  hit(name: string, write = false): void {
    this.counter.hit(name, write);
  }

  /**
   * An Error of the script's realm, so `e instanceof Error` holds inside the vm, named "Exception"
   * as Apps Script's are (`String(e)` reads "Exception: …"), like emulator/errors.ts.
   */
  error(message: string): Error {
    const e = new this.errorType(message);
    e.name = 'Exception';
    return e;
  }

  get inCustomFunction(): boolean {
    return this.context === 'custom-function' || this.authMode === 'CUSTOM_FUNCTION';
  }

  /** AuthMode.NONE: only menu building is safe (add-on menus guide); everything else is refused. */
  requireAuth(method: string): void {
    if (this.authMode === 'NONE') throw this.error(permissionMessage(method));
  }

  /** Custom functions may only call the services the CF guide lists. */
  refuseInCustomFunction(method: string): void {
    if (this.inCustomFunction) throw this.error(permissionMessage(method));
  }

  /** The runner binds the vm context the bundle runs in: scriptlets see its globals, errors its Error. */
  bindContext(context: vm.Context): void {
    this.boundContext = context;
    this.errorType = vm.runInContext('Error', context) as ErrorConstructor;
  }

  /** Runs generated code (a template) where the script's globals are in scope. */
  run(code: string): unknown {
    if (this.boundContext) return vm.runInContext(code, this.boundContext);
    this.fallbackContext ??= vm.createContext({ ...this.fallbackGlobals });
    return vm.runInContext(code, this.fallbackContext);
  }
}
