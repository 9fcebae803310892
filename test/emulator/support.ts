import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
const CODE = join(ROOT, 'dist', 'Code.js');

function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, name.name);
    t = Math.max(t, name.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds dist/Code.js when it is missing or older than src/ (npm test builds it first anyway). */
export function ensureBuilt(): string {
  if (
    !existsSync(CODE) ||
    statSync(CODE).mtimeMs < Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'scripts')))
  ) {
    execSync('npx tsx scripts/build.ts', { cwd: ROOT, stdio: 'ignore' });
  }
  return CODE;
}

/** A small script file standing in for the bundle, for tests of the runner itself. */
export function scriptFile(code: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'emu-script-'));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'Code.js');
  writeFileSync(path, code);
  return path;
}

export function tmpFile(name: string): string {
  return join(mkdtempSync(join(tmpdir(), 'emu-wb-')), name);
}
