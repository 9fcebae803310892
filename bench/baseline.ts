/**
 * The bundle as it was before issue 14's work on the custom functions and the cold load, built from
 * git into a temporary directory with that revision's own build script, so that `npm run bench`
 * reports the figures before and after in one run, on one machine under one load.
 * BENCH_BASELINE=<rev> picks another revision; BENCH_BASELINE=none measures the current bundle only.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './vm';

/** The last commit before issue 14's items 4 and 5 (functions linear, nothing run at load). */
export const BEFORE_ISSUE_14 = '1a7eedc';

export interface Baseline {
  rev: string;
  code: string;
}

export function baselineRev(): string | undefined {
  const rev = process.env.BENCH_BASELINE ?? BEFORE_ISSUE_14;
  return rev === '' || rev === 'none' ? undefined : rev;
}

/** dist/Code.js of `rev`, built by its own scripts/build.ts; undefined when it cannot be built. */
export function buildBaseline(rev = baselineRev()): Baseline | undefined {
  if (rev === undefined) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'okr-baseline-'));
  try {
    const tar = execFileSync('git', ['archive', '--format=tar', rev], { cwd: ROOT, maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/build.ts'],
      {
        cwd: dir,
        stdio: 'ignore',
      },
    );
    const path = join(dir, 'dist', 'Code.js');
    return existsSync(path) ? { rev, code: readFileSync(path, 'utf8') } : undefined;
  } catch (e) {
    process.stderr.write(`bench: no baseline bundle for ${rev}: ${(e as Error).message.split('\n')[0]}\n`);
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
