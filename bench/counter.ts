/**
 * What one operation costs on the emulator: the service calls it makes (by "Class.method"), the
 * custom-function calls its writes set off, and its wall time. The emulator's counter counts every
 * call; this one also keeps them in order with a timestamp, and tells apart the calls made inside a
 * custom function (in Sheets those run in their own executions, not in the user's operation).
 */
import { CallCounter, createWorkbook, type Workbook } from '../emulator/index';

export interface Hit {
  name: string;
  /** performance.now() when the call was made. */
  t: number;
  /** Made by a custom function while it computed (its locale read, for example). */
  inCustomFunction: boolean;
}

export class RecordingCounter extends CallCounter {
  private wb: Workbook | undefined;
  private log: Hit[] | undefined;

  attach(wb: Workbook): void {
    this.wb = wb;
  }

  override hit(name: string): void {
    super.hit(name);
    this.log?.push({ name, t: performance.now(), inCustomFunction: (this.wb?.customFunctionDepth ?? 0) > 0 });
  }

  /** Runs fn and returns its calls in order (nested recordings are not supported). */
  record<T>(fn: () => T): { result: T; hits: Hit[]; ms: number } {
    const hits: Hit[] = [];
    this.log = hits;
    const t0 = performance.now();
    try {
      const result = fn();
      return { result, hits, ms: performance.now() - t0 };
    } finally {
      this.log = undefined;
    }
  }
}

export const isCustomFunction = (name: string) => name.startsWith('CustomFunction.');

/** The cost of an operation, as the bench reports it. */
export interface Cost {
  /** Service calls made by the operation itself (CustomFunction.* and calls inside them excluded). */
  calls: number;
  /** Custom-function calls set off by the operation's writes (each one a server trip in Sheets). */
  customFunctions: number;
  /** Service calls made inside those custom functions. */
  callsInCustomFunctions: number;
  /** Wall time on the emulator, formula recalculation included. */
  ms: number;
  /** The operation's own calls by "Class.method". */
  byMethod: Record<string, number>;
}

export function costOf(hits: readonly Hit[], ms: number): Cost {
  const byMethod: Record<string, number> = {};
  let calls = 0;
  let customFunctions = 0;
  let callsInCustomFunctions = 0;
  for (const h of hits) {
    if (isCustomFunction(h.name)) customFunctions++;
    else if (h.inCustomFunction) callsInCustomFunctions++;
    else {
      calls++;
      byMethod[h.name] = (byMethod[h.name] ?? 0) + 1;
    }
  }
  const sorted = Object.fromEntries(Object.entries(byMethod).sort(([a], [b]) => a.localeCompare(b)));
  return { calls, customFunctions, callsInCustomFunctions, ms, byMethod: sorted };
}

/** Measures fn on a workbook made by `newWorkbook`. */
export function measure<T>(counter: RecordingCounter, fn: () => T): { result: T; cost: Cost; hits: Hit[] } {
  const { result, hits, ms } = counter.record(fn);
  return { result, cost: costOf(hits, ms), hits };
}

/** A new spreadsheet whose calls are recorded (English, Paris, as the tests use). */
export function newWorkbook(locale = 'en_US', timeZone = 'Europe/Paris') {
  const counter = new RecordingCounter();
  const wb = createWorkbook({ locale, timeZone, counter });
  counter.attach(wb);
  return { wb, counter };
}
