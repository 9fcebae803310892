/**
 * Counts every service call the add-on makes, by "Class.method" (e.g. "Range.getValues").
 * Apps Script's cost is its round trips: tests and the benchmark read these counts.
 *
 * Writes (a call that changes the document or its properties) are counted apart, and a test can
 * arm a fault that cuts a run short at a given write, as a quota or a timeout does in Apps Script:
 * the writes made before stay made (there is no rollback), and the fault then disarms itself, so a
 * retry runs normally.
 */
import { exception } from './errors';

/**
 * Apps Script's daily-quota error, `Service invoked too many times for one day: email.` [OBS: users'
 * logs]; the service word for spreadsheets and properties is [UNVERIFIED].
 */
export function quotaMessage(call: string): string {
  const service = call.startsWith('Properties.') ? 'properties' : 'spreadsheets';
  return `Service invoked too many times for one day: ${service}.`;
}

export class CallCounter {
  private readonly counts = new Map<string, number>();
  private writeCount = 0;
  private cells = 0;
  private readonly runs = new Map<string, number>();
  private fault: { remaining: number; message: string | undefined } | undefined;

  /** Counts a call; a write is refused (thrown, not made) when an armed fault's turn has come. */
  hit(name: string, write = false): void {
    if (write && this.fault) {
      if (this.fault.remaining === 0) {
        const message = this.fault.message ?? quotaMessage(name);
        this.fault = undefined;
        throw exception(message);
      }
      this.fault.remaining--;
    }
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    if (write) this.writeCount++;
  }

  /**
   * Counts cells a read call handed back (getValues on 3×4 is 12): Apps Script's time grows with
   * them too, so a test can pin that an operation reads no more as the history grows.
   */
  read(cells: number): void {
    this.cells += cells;
  }

  /** Cells handed back by read calls (values, display values, formulas, formats, notes…) since the last reset. */
  cellsRead(): number {
    return this.cells;
  }

  /** Counts a custom-function execution for a formula of a sheet (by its name). */
  ranIn(sheet: string): void {
    this.runs.set(sheet, (this.runs.get(sheet) ?? 0) + 1);
  }

  /**
   * Custom-function executions since the last reset, by the sheet their formula is in: a test can
   * pin which sheets an edit recomputes (in Sheets each execution is a server round trip).
   */
  customFunctionsBySheet(): Record<string, number> {
    return Object.fromEntries([...this.runs].sort(([a], [b]) => a.localeCompare(b)));
  }

  /**
   * The next `writes` writes go through and the one after throws `message` (Apps Script's quota
   * error by default); undefined disarms. Writes are the Spreadsheet and Properties calls that
   * change something (setValues, insertRows, setProperty…), not reads.
   */
  failAfterWrites(writes: number | undefined, message?: string): void {
    if (writes === undefined) {
      this.fault = undefined;
      return;
    }
    if (!Number.isInteger(writes) || writes < 0) throw new Error(`emulator: failAfterWrites(${writes})`);
    this.fault = { remaining: writes, message };
  }

  /** Whether a fault is armed and has not fired yet. */
  faultArmed(): boolean {
    return this.fault !== undefined;
  }

  get(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  /** Calls whose name starts with a prefix, e.g. every "Range." call. */
  total(prefix = ''): number {
    let n = 0;
    for (const [k, v] of this.counts) if (k.startsWith(prefix)) n += v;
    return n;
  }

  /** Write calls made (and not refused) since the last reset. */
  writes(): number {
    return this.writeCount;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Clears the counts (an armed fault stays armed). */
  reset(): void {
    this.counts.clear();
    this.writeCount = 0;
    this.cells = 0;
    this.runs.clear();
  }
}
