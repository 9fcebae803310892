/**
 * What a call costs in Apps Script: an assumption, not a measurement (Sheets cannot be reached from
 * here). Google's best-practices guide times a loop that sets 10,000 cells' backgrounds one by one
 * at about 70 s, and the same done with one batched setBackgrounds at about 1 s: some 7 ms per
 * per-cell call even with Apps Script's write cache. A call that has to reach Sheets (a read, a
 * flush, a custom function's trip) costs tens of ms; 50 ms is the usual rule of thumb.
 */
export const PER_CALL_MS = { low: 7, high: 50 } as const;

export const ESTIMATE_SOURCE =
  'https://developers.google.com/apps-script/guides/support/best-practices (Use batch operations: ' +
  '10,000 per-cell calls ≈ 70 s, batched ≈ 1 s)';

/** calls × 7–50 ms, in seconds. */
export function estimateSeconds(calls: number): { low: number; high: number } {
  return { low: (calls * PER_CALL_MS.low) / 1000, high: (calls * PER_CALL_MS.high) / 1000 };
}
