import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

export const root = join(import.meta.dirname, '..', '..');
export const codePath = join(root, 'dist', 'Code.js');

/** dist/Code.js as clasp would push it, built once if missing (npm test builds it first anyway). */
export function bundleCode(): string {
  if (!existsSync(codePath) || statSync(codePath).size === 0) {
    execFileSync('npx', ['tsx', 'scripts/build.ts'], { cwd: root, stdio: 'ignore' });
  }
  return readFileSync(codePath, 'utf8');
}

type Plain = number | string | boolean | Date | null | undefined | Plain[];

/**
 * The bundle in a bare node:vm context: no Apps Script service at all. Arguments are rebuilt inside
 * the vm's realm (its own Array and Date), as Sheets hands them to a custom function.
 */
export function bareBundle() {
  const context = vm.createContext({});
  vm.runInContext(bundleCode(), context, { filename: 'Code.js' });
  const revive = vm.runInContext(
    `(function revive(json) {
       return JSON.parse(json, function (k, v) {
         return v && typeof v === 'object' && typeof v.$date === 'string' ? new Date(v.$date) : v;
       });
     })`,
    context,
  ) as (json: string) => unknown[];
  const encode = (args: Plain[]) =>
    JSON.stringify(args, function (this: Record<string, unknown>, key) {
      const raw = this[key];
      return raw instanceof Date ? { $date: raw.toISOString() } : raw === undefined ? null : raw;
    });
  return {
    context,
    /** Calls a top-level function with arguments made in the vm's realm; the result is copied out. */
    call(name: string, ...args: Plain[]): unknown {
      const fn = context[name] as ((...a: unknown[]) => unknown) | undefined;
      if (typeof fn !== 'function') throw new Error(`no top-level function ${name}`);
      const inner = revive(encode(args)).map((a) => (a === null ? undefined : a));
      return JSON.parse(JSON.stringify(fn(...inner)));
    },
  };
}
