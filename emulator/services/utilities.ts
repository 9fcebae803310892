/** Utilities: formatDate, getUuid, sleep and base64, the parts the add-on uses. */
import { randomUUID } from 'node:crypto';
import { instantOfWallClock } from '../dates';
import { formatDate } from './date-format';
import { type Env, signatureMessage } from './env';

export const Charset = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const;

/** Utilities.sleep's maximum [DOC* utilities#sleep]. */
export const SLEEP_MAX_MS = 300_000;
/** [UNVERIFIED] both texts. */
export const SLEEP_ERROR = 'Argument too large: milliseconds';
export const DECODE_ERROR = 'Could not decode string.';

type Byte = GoogleAppsScript.Byte;
type CharsetEnum = GoogleAppsScript.Utilities.Charset;

type UtilitiesApi = Pick<
  GoogleAppsScript.Utilities.Utilities,
  | 'Charset'
  | 'formatDate'
  | 'parseDate'
  | 'getUuid'
  | 'sleep'
  | 'base64Encode'
  | 'base64Decode'
  | 'base64EncodeWebSafe'
  | 'base64DecodeWebSafe'
>;

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

export class EmuUtilities implements UtilitiesApi {
  readonly Charset = Charset as unknown as typeof GoogleAppsScript.Utilities.Charset;

  constructor(private readonly env: Env) {}

  /** Java SimpleDateFormat patterns (see date-format.ts), in any IANA or GMT±h zone. */
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    this.env.hit('Utilities.formatDate');
    // Dates from the vm are another realm's: recognised by their tag, not instanceof.
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw this.env.error(signatureMessage([date, timeZone, format], 'Utilities.formatDate'));
    }
    const time = (date as Date).getTime();
    if (Number.isNaN(time)) throw this.env.error('Invalid argument: date'); // [UNVERIFIED]
    try {
      return formatDate(time, timeZone, format);
    } catch (e) {
      throw this.env.error((e as Error).message);
    }
  }

  /**
   * A date typed in a Java SimpleDateFormat pattern, read in a time zone: the letters y M d H m s S
   * and literal text [DOC* utilities#parseDate]; a text that does not fit gives null [UNVERIFIED].
   */
  parseDate(date: string, timeZone: string, format: string): Date {
    this.env.hit('Utilities.parseDate');
    if (typeof date !== 'string' || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw this.env.error(signatureMessage([date, timeZone, format], 'Utilities.parseDate'));
    }
    const fields: Record<string, number> = { y: 1970, M: 1, d: 1, H: 0, m: 0, s: 0, S: 0 };
    let re = '^';
    const order: string[] = [];
    for (const tok of format.match(/'[^']*'|([yMdHmsS])\1*|./g) ?? []) {
      if (/^[yMdHmsS]/.test(tok)) {
        order.push(tok[0]!);
        re += '(\\d+)';
      } else re += (tok.startsWith("'") ? tok.slice(1, -1) : tok).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
    const m = new RegExp(`${re}$`).exec(date.trim());
    if (!m) return null as unknown as Date;
    order.forEach((letter, i) => {
      fields[letter] = Number(m[i + 1]);
    });
    const wall = Date.UTC(fields.y!, fields.M! - 1, fields.d!, fields.H!, fields.m!, fields.s!, fields.S!);
    return new Date(instantOfWallClock(wall, timeZone));
  }

  getUuid(): string {
    this.env.hit('Utilities.getUuid');
    return randomUUID();
  }

  /** Returns at once and moves the emulator's clock on, so expiry can be tested with it. */
  sleep(milliseconds: number): void {
    this.env.hit('Utilities.sleep');
    const ms = Number(milliseconds);
    if (ms > SLEEP_MAX_MS) throw this.env.error(SLEEP_ERROR);
    if (ms > 0) this.env.clock.advance(ms);
  }

  base64Encode(data: Byte[] | string, charset?: CharsetEnum): string {
    this.env.hit('Utilities.base64Encode');
    return this.bytes(data, charset).toString('base64');
  }

  base64EncodeWebSafe(data: Byte[] | string, charset?: CharsetEnum): string {
    this.env.hit('Utilities.base64EncodeWebSafe');
    return this.bytes(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  /** Java bytes: signed, -128..127. The charset doesn't change the bytes decoded. */
  base64Decode(encoded: string, _charset?: CharsetEnum): Byte[] {
    this.env.hit('Utilities.base64Decode');
    return this.decode(encoded, /^[A-Za-z0-9+/]*={0,2}$/);
  }

  base64DecodeWebSafe(encoded: string, _charset?: CharsetEnum): Byte[] {
    this.env.hit('Utilities.base64DecodeWebSafe');
    return this.decode(String(encoded).replace(/-/g, '+').replace(/_/g, '/'), /^[A-Za-z0-9+/]*={0,2}$/);
  }

  private decode(encoded: unknown, alphabet: RegExp): Byte[] {
    const text = String(encoded).replace(/\s+/g, '');
    if (!alphabet.test(text) || text.replace(/=+$/, '').length % 4 === 1) throw this.env.error(DECODE_ERROR);
    return Array.from(Buffer.from(text, 'base64'), (b) => (b > 127 ? b - 256 : b));
  }

  /** Strings are encoded in the charset (UTF-8 by default; US-ASCII turns others into '?', as Java does). */
  private bytes(data: Byte[] | string, charset?: CharsetEnum): Buffer {
    if (Array.isArray(data)) return Buffer.from(data.map((b) => Number(b) & 0xff));
    const text = String(data);
    if (String(charset) === Charset.US_ASCII) {
      return Buffer.from(Array.from(text, (ch) => (ch.codePointAt(0)! < 128 ? ch : '?')).join(''), 'latin1');
    }
    return Buffer.from(text, 'utf8');
  }
}
