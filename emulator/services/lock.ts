/**
 * LockService. Node runs one call at a time, so another execution holding a lock is simulated:
 * simulateHeldElsewhere(scope, true) makes every attempt in that scope time out. Locks this
 * execution holds are released when the call ends (the runner calls releaseAll in a finally) and
 * when alert/prompt suspends the script [DOC* lock, UI#alert].
 */
import type { Env } from './env';

export type LockScope = 'document' | 'script' | 'user';

/** [EMU: gas-fakes, whose tests run on GAS; tanaikech/gas-fakes test/testlock.js matches /Lock timeout/] */
export const LOCK_TIMEOUT_ERROR = 'Lock timeout: another process was holding the lock for too long.';

interface ScopeState {
  /** Held by this execution. Lock objects of one scope share it. [UNVERIFIED: GAS may track per object] */
  held: boolean;
  heldElsewhere: boolean;
}

export class EmuLock implements GoogleAppsScript.Lock.Lock {
  constructor(
    private readonly env: Env,
    private readonly state: ScopeState,
  ) {}

  /** False before any attempt, after a timeout and after release [DOC* lock]. */
  hasLock(): boolean {
    this.env.hit('Lock.hasLock');
    return this.state.held;
  }

  /** Does nothing if the lock isn't held [DOC* lock]. */
  releaseLock(): void {
    this.env.hit('Lock.releaseLock');
    this.state.held = false;
  }

  /** tryLock(0) on a free lock is true; a negative timeout fails [GFT testlock.js]. */
  tryLock(timeoutInMillis: number): boolean {
    this.env.hit('Lock.tryLock');
    return this.acquire(timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    this.env.hit('Lock.waitLock');
    if (!this.acquire(timeoutInMillis)) throw this.env.error(LOCK_TIMEOUT_ERROR);
  }

  private acquire(timeout: number): boolean {
    const ms = Number(timeout);
    if (!(ms >= 0)) return false;
    if (this.state.held) return true; // already ours: nothing to do [DOC* lock]
    if (this.state.heldElsewhere) {
      this.env.clock.advance(ms); // the wait, on the fake clock
      return false;
    }
    this.state.held = true;
    return true;
  }
}

export class EmuLockService implements GoogleAppsScript.Lock.LockService {
  private readonly scopes: Record<LockScope, ScopeState> = {
    document: { held: false, heldElsewhere: false },
    script: { held: false, heldElsewhere: false },
    user: { held: false, heldElsewhere: false },
  };

  constructor(private readonly env: Env) {}

  /** Null outside a container [DOC* lock-service]; the add-on is container-bound, so a lock. */
  getDocumentLock(): EmuLock {
    return this.get('document', 'LockService.getDocumentLock');
  }

  getScriptLock(): EmuLock {
    return this.get('script', 'LockService.getScriptLock');
  }

  getUserLock(): EmuLock {
    return this.get('user', 'LockService.getUserLock');
  }

  /** Test hook: another execution holds (or lets go of) the scope's lock. */
  simulateHeldElsewhere(scope: LockScope, held: boolean): void {
    this.scopes[scope].heldElsewhere = held;
  }

  /** Locks are released when the script ends [DOC* lock]. */
  releaseAll(): void {
    for (const s of Object.values(this.scopes)) s.held = false;
  }

  /** Which scopes this execution holds, for tests. */
  held(): LockScope[] {
    return (Object.keys(this.scopes) as LockScope[]).filter((s) => this.scopes[s].held);
  }

  private get(scope: LockScope, method: string): EmuLock {
    this.env.hit(method);
    this.env.requireAuth(method); // [UNVERIFIED: refused in AuthMode.NONE like every non-menu call]
    return new EmuLock(this.env, this.scopes[scope]);
  }
}
