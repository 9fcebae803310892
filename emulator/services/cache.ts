/**
 * CacheService: three caches (document, script, user) with expiry on the emulator's clock. Not
 * saved with the workbook: a cache may be emptied at any time [DOC* cache, "best effort"].
 */
import { type Env, signatureMessage } from './env';

export type CacheScope = 'document' | 'script' | 'user';

/**
 * Keys ≤ 250 characters, values ≤ 100 KB, ≤ 1,000 items [DOC class_cache]. Expiry defaults to
 * 600 s [OBS zenn] and may be at most 21,600 s (6 h) [OBS stackarchitect].
 */
export const CACHE_LIMITS = {
  keyChars: 250,
  valueBytes: 100 * 1024,
  items: 1000,
  /** Past the item limit the cache keeps the 900 furthest from expiry [DOC, UNVERIFIED text]. */
  keepAfterOverflow: 900,
  defaultSeconds: 600,
  maxSeconds: 21600,
} as const;

/** Error texts for oversize arguments: `Argument too large: value` is one mock's [UNVERIFIED]; the rest follow it [UNVERIFIED]. */
export const CACHE_ERRORS = {
  key: 'Argument too large: key',
  value: 'Argument too large: value',
  expirationTooLarge: 'Argument too large: expirationInSeconds',
  expirationInvalid: 'Invalid argument: expirationInSeconds',
} as const;

interface Item {
  value: string;
  expiresAt: number;
}

export class EmuCache implements GoogleAppsScript.Cache.Cache {
  constructor(
    private readonly env: Env,
    private readonly items: Map<string, Item>,
  ) {}

  /** Null on a miss or once expired [DOC* cache]. */
  get(key: string): string | null {
    this.env.hit('Cache.get');
    return this.live(String(key))?.value ?? null;
  }

  /** Only the keys found [DOC* cache]. */
  getAll(keys: string[]): { [key: string]: string } {
    this.env.hit('Cache.getAll');
    if (!Array.isArray(keys)) throw this.env.error(signatureMessage([keys], 'Cache.getAll'));
    const found: [string, string][] = [];
    for (const k of keys) {
      const item = this.live(String(k));
      if (item) found.push([String(k), item.value]);
    }
    return Object.fromEntries(found); // a key named __proto__ stays a key
  }

  put(key: string, value: string): void;
  put(key: string, value: string, expirationInSeconds: number): void;
  put(key: string, value: string, expirationInSeconds: number = CACHE_LIMITS.defaultSeconds): void {
    this.env.hit('Cache.put');
    this.store([[key, value]], expirationInSeconds);
  }

  putAll(values: { [key: string]: unknown }): void;
  putAll(values: { [key: string]: unknown }, expirationInSeconds: number): void;
  putAll(
    values: { [key: string]: unknown },
    expirationInSeconds: number = CACHE_LIMITS.defaultSeconds,
  ): void {
    this.env.hit('Cache.putAll');
    this.store(Object.entries(values), expirationInSeconds);
  }

  remove(key: string): void {
    this.env.hit('Cache.remove');
    this.items.delete(String(key));
  }

  removeAll(keys: string[]): void {
    this.env.hit('Cache.removeAll');
    if (!Array.isArray(keys)) throw this.env.error(signatureMessage([keys], 'Cache.removeAll'));
    for (const k of keys) this.items.delete(String(k));
  }

  private live(key: string): Item | undefined {
    const item = this.items.get(key);
    if (item && item.expiresAt <= this.env.clock.now()) {
      this.items.delete(key);
      return undefined;
    }
    return item;
  }

  /** Everything is checked before anything is written. [UNVERIFIED: Apps Script's putAll atomicity] */
  private store(entries: [unknown, unknown][], seconds: unknown): void {
    const s = Number(seconds);
    if (!Number.isFinite(s) || s < 1) throw this.env.error(CACHE_ERRORS.expirationInvalid);
    if (s > CACHE_LIMITS.maxSeconds) throw this.env.error(CACHE_ERRORS.expirationTooLarge);
    const checked = entries.map(([k, v]): [string, string] => {
      const key = String(k);
      const value = String(v);
      if (key.length > CACHE_LIMITS.keyChars) throw this.env.error(CACHE_ERRORS.key);
      if (Buffer.byteLength(value, 'utf8') > CACHE_LIMITS.valueBytes)
        throw this.env.error(CACHE_ERRORS.value);
      return [key, value];
    });
    const expiresAt = this.env.clock.now() + s * 1000;
    for (const [key, value] of checked) {
      this.items.delete(key); // re-inserted last: newest writes survive ties when trimming
      this.items.set(key, { value, expiresAt });
    }
    this.trim();
  }

  private trim(): void {
    if (this.items.size <= CACHE_LIMITS.items) return;
    for (const key of [...this.items.keys()]) this.live(key);
    if (this.items.size <= CACHE_LIMITS.items) return;
    const byExpiry = [...this.items].map(([k, item], order) => ({ k, at: item.expiresAt, order }));
    byExpiry.sort((a, b) => b.at - a.at || b.order - a.order);
    for (const { k } of byExpiry.slice(CACHE_LIMITS.keepAfterOverflow)) this.items.delete(k);
  }
}

export class EmuCacheService implements GoogleAppsScript.Cache.CacheService {
  private readonly caches: Record<CacheScope, Map<string, Item>> = {
    document: new Map(),
    script: new Map(),
    user: new Map(),
  };

  constructor(private readonly env: Env) {}

  /** Null outside a container [DOC* cache-service]; the add-on is container-bound. */
  getDocumentCache(): EmuCache {
    return this.get('document', 'CacheService.getDocumentCache');
  }

  getScriptCache(): EmuCache {
    return this.get('script', 'CacheService.getScriptCache');
  }

  getUserCache(): EmuCache {
    return this.get('user', 'CacheService.getUserCache');
  }

  /** Test hook: how many items a cache holds, expired ones included. */
  sizeOf(scope: CacheScope): number {
    return this.caches[scope].size;
  }

  private get(scope: CacheScope, method: string): EmuCache {
    this.env.hit(method);
    this.env.requireAuth(method); // [UNVERIFIED: refused in AuthMode.NONE like every non-menu call]
    return new EmuCache(this.env, this.caches[scope]);
  }
}
