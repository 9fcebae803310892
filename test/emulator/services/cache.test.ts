import { describe, expect, it } from 'vitest';
import { CACHE_LIMITS } from '../../../emulator/services/cache';
import { setup, thrown } from './setup';

function frozen() {
  const s = setup();
  s.services.clock.freeze(1_700_000_000_000);
  return s;
}

describe('Cache [DOC* cache]', () => {
  it('get is null on a miss; put then get; counted', () => {
    const { CacheService, counter } = frozen();
    const cache = CacheService.getScriptCache();
    expect(cache.get('k')).toBeNull();
    cache.put('k', 'v');
    expect(cache.get('k')).toBe('v');
    expect(counter.get('CacheService.getScriptCache')).toBe(1);
    expect(counter.get('Cache.get')).toBe(2);
    expect(counter.get('Cache.put')).toBe(1);
  });

  it('expires after 600 s by default [OBS zenn]', () => {
    const { services, CacheService } = frozen();
    const cache = CacheService.getDocumentCache();
    cache.put('k', 'v');
    services.clock.advance(599_999);
    expect(cache.get('k')).toBe('v');
    services.clock.advance(1);
    expect(cache.get('k')).toBeNull();
  });

  it('expires after the given seconds; Utilities.sleep moves the clock', () => {
    const { CacheService, Utilities } = frozen();
    const cache = CacheService.getUserCache();
    cache.put('k', 'v', 2);
    Utilities.sleep(1999);
    expect(cache.get('k')).toBe('v');
    Utilities.sleep(1);
    expect(cache.get('k')).toBeNull();
  });

  it('at most 21,600 s (6 h) [OBS stackarchitect]; more throws [UNVERIFIED text]', () => {
    const { services, CacheService } = frozen();
    const cache = CacheService.getScriptCache();
    cache.put('k', 'v', CACHE_LIMITS.maxSeconds);
    services.clock.advance(21_599_000);
    expect(cache.get('k')).toBe('v');
    expect(thrown(() => cache.put('k', 'v', 21601))).toBe('Argument too large: expirationInSeconds');
    expect(thrown(() => cache.put('k', 'v', 0))).toBe('Invalid argument: expirationInSeconds');
  });

  it('getAll returns only the keys found; putAll, remove, removeAll', () => {
    const { CacheService } = frozen();
    const cache = CacheService.getScriptCache();
    cache.putAll({ a: '1', b: '2', c: '3' });
    expect(cache.getAll(['a', 'x', 'c'])).toEqual({ a: '1', c: '3' });
    cache.remove('a');
    cache.removeAll(['b', 'nope']);
    expect(cache.getAll(['a', 'b', 'c'])).toEqual({ c: '3' });
  });

  it('values are strings', () => {
    const { CacheService } = frozen();
    const cache = CacheService.getScriptCache();
    (cache.put as (k: string, v: unknown) => void).call(cache, 'n', 12);
    expect(cache.get('n')).toBe('12');
  });

  it('scopes are separate caches', () => {
    const { CacheService } = frozen();
    CacheService.getScriptCache().put('k', 'script');
    expect(CacheService.getUserCache().get('k')).toBeNull();
    expect(CacheService.getDocumentCache().get('k')).toBeNull();
  });

  it('keys up to 250 characters, values up to 100 KB [DOC class_cache]; errors [UNVERIFIED]', () => {
    const { CacheService } = frozen();
    const cache = CacheService.getScriptCache();
    cache.put('k'.repeat(250), 'v');
    expect(thrown(() => cache.put('k'.repeat(251), 'v'))).toBe('Argument too large: key');
    cache.put('v', 'x'.repeat(100 * 1024));
    expect(thrown(() => cache.put('v', 'x'.repeat(100 * 1024 + 1)))).toBe('Argument too large: value');
    // putAll writes nothing when one entry is too large.
    expect(() => cache.putAll({ ok: '1', big: 'x'.repeat(100 * 1024 + 1) })).toThrow();
    expect(cache.get('ok')).toBeNull();
  });

  it('past 1,000 items it keeps the 900 furthest from expiry [DOC, UNVERIFIED text]', () => {
    const { services, CacheService } = frozen();
    const cache = CacheService.getScriptCache();
    for (let i = 0; i < 1000; i++) cache.put(`k${i}`, 'v', 100 + i);
    expect(services.globals.CacheService.sizeOf('script')).toBe(1000);
    cache.put('newest', 'v', 5000);
    expect(services.globals.CacheService.sizeOf('script')).toBe(900);
    expect(cache.get('newest')).toBe('v');
    expect(cache.get('k999')).toBe('v');
    // Kept: 'newest' and k999…k101, the 899 others furthest from expiry; k100 is the 901st.
    expect(cache.get('k101')).toBe('v');
    expect(cache.get('k100')).toBeNull();
    expect(cache.get('k0')).toBeNull();
  });

  it('expired items are dropped before trimming', () => {
    const { services, CacheService } = frozen();
    const cache = CacheService.getScriptCache();
    for (let i = 0; i < 1000; i++) cache.put(`k${i}`, 'v', 10);
    services.clock.advance(10_000);
    cache.put('fresh', 'v');
    expect(services.globals.CacheService.sizeOf('script')).toBe(1);
  });

  it('AuthMode.NONE refuses CacheService [UNVERIFIED]; custom functions may use it [DOC CF]', () => {
    const { services, CacheService } = frozen();
    services.setContext('custom-function');
    expect(CacheService.getScriptCache().get('x')).toBeNull();
    services.setAuthMode('NONE');
    expect(thrown(() => CacheService.getScriptCache())).toBe(
      'You do not have permission to call CacheService.getScriptCache.',
    );
  });
});
