/**
 * The bundle in a bare node:vm context, as Sheets runs it for a custom function: loaded fresh, no
 * service at hand, arguments made in its own realm (its Array and Date) before the clock starts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

export const ROOT = join(import.meta.dirname, '..');
export const CODE_PATH = join(ROOT, 'dist', 'Code.js');

export function bundleSource(): string {
  return readFileSync(CODE_PATH, 'utf8');
}

/** A cell as the bench writes it: dates as { $date: iso } until they reach the vm. */
export type Plain = number | string | boolean | { $date: string } | Plain[] | undefined;

let nonce = 0;

/**
 * Loads the bundle into a new context. `fresh`: the source is made unique, so that V8's compilation
 * cache (shared by the contexts of one process) cannot help: each load compiles, as in Sheets.
 */
export function loadBare(code = bundleSource(), fresh = true) {
  const context = vm.createContext({});
  const source = fresh ? `${code}\n// load ${++nonce}` : code;
  const t0 = performance.now();
  vm.runInContext(source, context, { filename: 'Code.js' });
  const loadMs = performance.now() - t0;
  const revive = vm.runInContext(
    `(function (json) {
       return JSON.parse(json, function (k, v) {
         if (v === null) return undefined;
         return v && typeof v === 'object' && typeof v.$date === 'string' ? new Date(v.$date) : v;
       });
     })`,
    context,
  ) as (json: string) => unknown;
  return {
    context,
    loadMs,
    fn(name: string): (...args: unknown[]) => unknown {
      const f = context[name] as unknown;
      if (typeof f !== 'function') throw new Error(`no top-level function ${name} in dist/Code.js`);
      return f as (...args: unknown[]) => unknown;
    },
    /** Values rebuilt in the vm's realm (undefined stays undefined: an omitted argument). */
    inRealm<T>(value: Plain | readonly Plain[]): T {
      return revive(JSON.stringify(value, (_k, v: unknown) => (v === undefined ? null : v))) as T;
    },
  };
}

export const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
