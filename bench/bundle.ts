/**
 * The bundle Sheets loads for every custom-function call: its size, the time to load it into a
 * fresh node:vm context (compiled anew each time: a new vm.Script of a source made unique, under a
 * filename of its own, with no code cache, so that V8's compilation cache cannot help), and its first
 * custom-function call. With a baseline bundle (bench/baseline.ts), both are loaded in turns, so that
 * the machine's load weighs on both alike.
 */
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import type { Baseline } from './baseline';
import { bundleSource, median } from './vm';

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface LoadFigures {
  bytes: number;
  kb: number;
  gzipKb: number;
  /** new vm.Script: V8 parses the file (functions not called yet are only pre-parsed). */
  compileMs: Spread;
  /** compile + run of the top level: what each custom-function call pays before its own work. */
  coldLoadMs: Spread;
  /** The first custom-function call after the load (KR_SCORE on three rows): lazy compilation included. */
  firstCallMs: Spread;
}

export interface BundleResult extends LoadFigures {
  loads: number;
  /** Service calls made at load time: none (nothing runs at the top level but declarations). */
  topLevelWork: 'none';
  baseline?: LoadFigures & { rev: string };
}

let nonce = 0;

function loadOnce(code: string): { compile: number; load: number; first: number } {
  const id = ++nonce;
  const context = vm.createContext({});
  const t0 = performance.now();
  const script = new vm.Script(`${code}\n// cold load ${id}`, {
    filename: `Code-cold-${id}.js`,
    produceCachedData: false,
  });
  const t1 = performance.now();
  script.runInContext(context);
  const t2 = performance.now();
  const args = vm.runInContext('[0, 10, [[1], [5], [""]]]', context) as unknown[];
  const fn = context.KR_SCORE as (...a: unknown[]) => unknown;
  const t3 = performance.now();
  fn(...args);
  const t4 = performance.now();
  return { compile: t1 - t0, load: t2 - t0, first: t4 - t3 };
}

const spread = (xs: number[]): Spread => ({
  median: median(xs),
  min: Math.min(...xs),
  max: Math.max(...xs),
});

function figures(code: string, runs: ReturnType<typeof loadOnce>[]): LoadFigures {
  const bytes = Buffer.byteLength(code);
  return {
    bytes,
    kb: bytes / 1024,
    gzipKb: gzipSync(code).length / 1024,
    compileMs: spread(runs.map((r) => r.compile)),
    coldLoadMs: spread(runs.map((r) => r.load)),
    firstCallMs: spread(runs.map((r) => r.first)),
  };
}

export function benchBundle(loads = 20, baseline?: Baseline): BundleResult {
  const code = bundleSource();
  const now: ReturnType<typeof loadOnce>[] = [];
  const before: ReturnType<typeof loadOnce>[] = [];
  // one of each first, unmeasured: the vm module and the first contexts warm up
  loadOnce(code);
  if (baseline) loadOnce(baseline.code);
  for (let i = 0; i < loads; i++) {
    now.push(loadOnce(code));
    if (baseline) before.push(loadOnce(baseline.code));
  }
  return {
    ...figures(code, now),
    loads,
    topLevelWork: 'none',
    ...(baseline ? { baseline: { rev: baseline.rev, ...figures(baseline.code, before) } } : {}),
  };
}
