import { describe, expect, it } from 'vitest';
import { LOCK_TIMEOUT_ERROR } from '../../../emulator/services/lock';
import { setup, thrown } from './setup';

describe('Lock [DOC* lock]', () => {
  it('hasLock is false before any attempt; tryLock(0) on a free lock is true [GFT]', () => {
    const { LockService, counter } = setup();
    const lock = LockService.getDocumentLock();
    expect(lock).not.toBeNull(); // container-bound: a lock, not null [DOC* lock-service]
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(0)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(counter.get('LockService.getDocumentLock')).toBe(1);
    expect(counter.get('Lock.tryLock')).toBe(1);
    expect(counter.get('Lock.hasLock')).toBe(2);
  });

  it('waitLock / tryLock do nothing if already held; releaseLock does nothing if not held', () => {
    const { LockService } = setup();
    const lock = LockService.getScriptLock();
    lock.releaseLock();
    lock.waitLock(1000);
    lock.waitLock(1000);
    expect(lock.tryLock(10)).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
  });

  it('negative timeouts fail: tryLock(-100) false, waitLock(-100) throws [GFT testlock.js]', () => {
    const { LockService } = setup();
    const lock = LockService.getUserLock();
    expect(lock.tryLock(-100)).toBe(false);
    expect(() => lock.waitLock(-100)).toThrow(/Lock timeout/);
    expect(lock.hasLock()).toBe(false);
  });

  it('held elsewhere: tryLock false, waitLock throws the timeout message [EMU gas-fakes], hasLock false after', () => {
    const { services, LockService } = setup();
    services.simulateLockHeldElsewhere('document', true);
    const lock = LockService.getDocumentLock();
    expect(lock.tryLock(5000)).toBe(false);
    expect(thrown(() => lock.waitLock(30000))).toBe(
      'Lock timeout: another process was holding the lock for too long.',
    );
    expect(LOCK_TIMEOUT_ERROR).toBe('Lock timeout: another process was holding the lock for too long.');
    expect(lock.hasLock()).toBe(false);
    // Other scopes are free.
    expect(LockService.getScriptLock().tryLock(0)).toBe(true);
    services.simulateLockHeldElsewhere('document', false);
    expect(lock.tryLock(0)).toBe(true);
  });

  it('a timed-out wait takes its time on the emulator clock', () => {
    const { services, LockService } = setup();
    services.clock.freeze(1_000_000);
    services.simulateLockHeldElsewhere('script', true);
    LockService.getScriptLock().tryLock(2500);
    expect(services.clock.now()).toBe(1_002_500);
  });

  it('locks are released when the call ends (endCall)', () => {
    const { services, LockService } = setup();
    const lock = LockService.getDocumentLock();
    lock.waitLock(1000);
    LockService.getUserLock().waitLock(1000);
    services.endCall();
    expect(lock.hasLock()).toBe(false);
    expect(LockService.held()).toEqual([]);
  });

  it('lock objects of one scope share its state [UNVERIFIED]', () => {
    const { LockService } = setup();
    LockService.getDocumentLock().waitLock(100);
    expect(LockService.getDocumentLock().hasLock()).toBe(true);
    expect(LockService.held()).toEqual(['document']);
  });

  it('AuthMode.NONE refuses LockService [UNVERIFIED]', () => {
    const { services, LockService } = setup();
    services.setAuthMode('NONE');
    expect(thrown(() => LockService.getDocumentLock())).toBe(
      'You do not have permission to call LockService.getDocumentLock.',
    );
  });

  it('custom functions may use Lock [DOC CF]', () => {
    const { services, LockService } = setup();
    services.setContext('custom-function');
    expect(LockService.getScriptLock().tryLock(0)).toBe(true);
  });
});
