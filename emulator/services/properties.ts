/**
 * PropertiesService: three string stores (document, user, script). Document and user stores are
 * saved with the workbook by the runner (see state in index.ts).
 */
import { type Env, permissionMessage } from './env';

export type PropertyScope = 'document' | 'user' | 'script';

export const QUOTA_ERROR =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

/**
 * Limits, in UTF-8 bytes. Quotas page: 9 KB per value, 500 KB per store [DOC quotas, quoted by
 * tanaike]. tanaike measured (https://tanaikech.github.io/2023/05/22/report-specification-of-properties-service-for-google-apps-script/,
 * May 2023) that keys and values both count toward the store, a store holds 524,288 bytes (a
 * 524,287-byte value under a 1-byte key), the 9 KB per value is not enforced, and a key may be
 * 8,066 bytes. We keep the stricter figure each time, so what passes here passes in Google:
 * value ≤ 9 × 1024, key ≤ 8,066, keys + values ≤ 500 × 1024. Every breach throws QUOTA_ERROR, the
 * message a Japanese note reports for an oversized value too [OBS]; separate texts are [UNVERIFIED].
 */
export const LIMITS = { valueBytes: 9 * 1024, keyBytes: 8066, storeBytes: 500 * 1024 } as const;

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Everything is stored as a string; other types are converted [DOC guides/properties]. */
const asString = (v: unknown): string => String(v);

export class PropertyStore {
  readonly map = new Map<string, string>();

  size(map: ReadonlyMap<string, string> = this.map): number {
    let n = 0;
    for (const [k, v] of map) n += bytes(k) + bytes(v);
    return n;
  }

  toJSON(): Record<string, string> {
    return Object.fromEntries([...this.map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
}

export class EmuProperties implements GoogleAppsScript.Properties.Properties {
  constructor(
    private readonly env: Env,
    private readonly store: PropertyStore,
  ) {}

  getProperty(key: string): string | null {
    this.env.hit('Properties.getProperty');
    return this.store.map.get(String(key)) ?? null;
  }

  /** A copy, not a live view [DOC guides/properties]. */
  getProperties(): { [key: string]: string } {
    this.env.hit('Properties.getProperties');
    return Object.fromEntries(this.store.map);
  }

  getKeys(): string[] {
    this.env.hit('Properties.getKeys');
    return [...this.store.map.keys()];
  }

  setProperty(key: string, value: string): EmuProperties {
    this.env.hit('Properties.setProperty', true);
    this.write([[String(key), asString(value)]], false);
    return this;
  }

  setProperties(properties: { [key: string]: string }): EmuProperties;
  setProperties(properties: { [key: string]: string }, deleteAllOthers: boolean): EmuProperties;
  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): EmuProperties {
    this.env.hit('Properties.setProperties', true);
    this.write(
      Object.entries(properties).map(([k, v]) => [k, asString(v)]),
      Boolean(deleteAllOthers),
    );
    return this;
  }

  deleteProperty(key: string): EmuProperties {
    this.env.hit('Properties.deleteProperty', true);
    this.store.map.delete(String(key));
    return this;
  }

  deleteAllProperties(): EmuProperties {
    this.env.hit('Properties.deleteAllProperties', true);
    this.store.map.clear();
    return this;
  }

  /** All or nothing: the store is checked as it would be after the write. */
  private write(entries: [string, string][], replace: boolean): void {
    const next = new Map(replace ? [] : this.store.map);
    for (const [k, v] of entries) {
      if (bytes(v) > LIMITS.valueBytes || bytes(k) > LIMITS.keyBytes) throw this.env.error(QUOTA_ERROR);
      next.set(k, v);
    }
    if (this.store.size(next) > LIMITS.storeBytes) throw this.env.error(QUOTA_ERROR);
    this.store.map.clear();
    for (const [k, v] of next) this.store.map.set(k, v);
  }
}

export class EmuPropertiesService implements GoogleAppsScript.Properties.PropertiesService {
  readonly stores: Record<PropertyScope, PropertyStore> = {
    document: new PropertyStore(),
    user: new PropertyStore(),
    script: new PropertyStore(),
  };

  constructor(private readonly env: Env) {}

  /** Custom functions may use user properties only [DOC CF]. */
  getDocumentProperties(): EmuProperties {
    return this.open('document', 'PropertiesService.getDocumentProperties', false);
  }

  getUserProperties(): EmuProperties {
    return this.open('user', 'PropertiesService.getUserProperties', true);
  }

  getScriptProperties(): EmuProperties {
    return this.open('script', 'PropertiesService.getScriptProperties', false);
  }

  private open(scope: PropertyScope, method: string, allowedInCustomFunction: boolean): EmuProperties {
    this.env.hit(method);
    // AuthMode.NONE: "Reading Properties … fail" [DOC add-ons menus]; the text is [UNVERIFIED].
    this.env.requireAuth(method);
    if (!allowedInCustomFunction && this.env.inCustomFunction)
      throw this.env.error(permissionMessage(method));
    return new EmuProperties(this.env, this.stores[scope]);
  }
}
