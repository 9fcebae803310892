/**
 * The bundle Sheets loads for every custom-function call: its size, and the time to load it into a
 * fresh node:vm context (compiled anew each time, V8's compilation cache kept out).
 */
import { gzipSync } from 'node:zlib';
import { bundleSource, loadBare, median } from './vm';

export interface BundleResult {
  bytes: number;
  kb: number;
  gzipKb: number;
  loads: number;
  coldLoadMs: { median: number; min: number; max: number };
  /** Service calls made at load time: none (nothing runs at the top level but declarations). */
  topLevelWork: 'none';
}

export function benchBundle(loads = 20): BundleResult {
  const code = bundleSource();
  const bytes = Buffer.byteLength(code);
  const times = Array.from({ length: loads }, () => loadBare(code, true).loadMs);
  return {
    bytes,
    kb: bytes / 1024,
    gzipKb: gzipSync(code).length / 1024,
    loads,
    coldLoadMs: { median: median(times), min: Math.min(...times), max: Math.max(...times) },
    topLevelWork: 'none',
  };
}
