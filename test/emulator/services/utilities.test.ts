import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { setup, thrown } from './setup';

// 2025-03-09T14:05:07.045Z, a Sunday.
const T = new Date(Date.UTC(2025, 2, 9, 14, 5, 7, 45));

describe('Utilities.formatDate (Java SimpleDateFormat)', () => {
  const { Utilities, counter } = setup();

  it('the patterns the add-on uses', () => {
    expect(Utilities.formatDate(T, 'Etc/UTC', 'yyyy-MM-dd HH:mm:ss')).toBe('2025-03-09 14:05:07');
    expect(Utilities.formatDate(T, 'Etc/UTC', 'EEE d MMM yyyy')).toBe('Sun 9 Mar 2025');
    expect(Utilities.formatDate(T, 'Etc/UTC', 'EEEE, MMMM dd')).toBe('Sunday, March 09');
    expect(counter.get('Utilities.formatDate')).toBe(3);
  });

  it('in the given time zone, DST included', () => {
    expect(Utilities.formatDate(T, 'Europe/Paris', 'yyyy-MM-dd HH:mm Z')).toBe('2025-03-09 15:05 +0100');
    expect(Utilities.formatDate(T, 'America/New_York', 'HH:mm XXX')).toBe('10:05 -04:00');
    expect(Utilities.formatDate(T, 'Asia/Kolkata', 'HH:mm')).toBe('19:35');
    expect(Utilities.formatDate(T, 'GMT+2', 'HH:mm')).toBe('16:05');
    expect(Utilities.formatDate(T, 'GMT-05:30', 'HH:mm')).toBe('08:35');
  });

  it('12-hour clock, day of year, millis, two-digit year, era', () => {
    expect(Utilities.formatDate(T, 'Etc/UTC', 'h:mm a')).toBe('2:05 PM');
    expect(Utilities.formatDate(T, 'Etc/UTC', 'D')).toBe('68');
    expect(Utilities.formatDate(T, 'Etc/UTC', 'ss.SSS')).toBe('07.045');
    expect(Utilities.formatDate(T, 'Etc/UTC', 'yy G')).toBe('25 AD');
    expect(Utilities.formatDate(new Date(Date.UTC(2025, 0, 1, 0, 30)), 'Etc/UTC', 'hh:mm a k')).toBe(
      '12:30 AM 24',
    );
  });

  it('keeps the seconds of an old local mean time (Paris in 1899: +0:09:21), as Java does', () => {
    const wall1030 = new Date(Date.UTC(1899, 11, 30, 10, 30) - (9 * 60 + 21) * 1000);
    expect(Utilities.formatDate(wall1030, 'Europe/Paris', 'yyyy-MM-dd HH:mm:ss')).toBe('1899-12-30 10:30:00');
  });

  it("quoted text, and '' for a quote", () => {
    expect(Utilities.formatDate(T, 'Etc/UTC', "yyyy-MM-dd'T'HH:mm:ss'Z'")).toBe('2025-03-09T14:05:07Z');
    expect(Utilities.formatDate(T, 'Etc/UTC', "h 'o''clock' ''yy")).toBe("2 o'clock '25");
  });

  it('an unknown zone falls back to GMT, as Java does [UNVERIFIED for GAS]', () => {
    expect(Utilities.formatDate(T, 'Mars/Olympus', 'HH:mm')).toBe('14:05');
  });

  it("an unsupported letter: Java's `Illegal pattern character` [UNVERIFIED]", () => {
    expect(thrown(() => Utilities.formatDate(T, 'Etc/UTC', 'yyyy q'))).toBe("Illegal pattern character 'q'");
  });

  it('a Date from the vm realm is accepted; a string is a signature error [ODD format; the Ui./Utilities. prefix UNVERIFIED]', () => {
    const vmDate = vm.runInNewContext('new Date(Date.UTC(2025, 2, 9))') as Date;
    expect(Utilities.formatDate(vmDate, 'Etc/UTC', 'dd/MM/yyyy')).toBe('09/03/2025');
    const format = Utilities.formatDate as (...a: unknown[]) => string;
    expect(thrown(() => format.call(Utilities, '2025-03-09', 'Etc/UTC', 'yyyy'))).toBe(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
  });
});

describe('Utilities', () => {
  it('getUuid gives distinct v4 UUIDs', () => {
    const { Utilities } = setup();
    const a = Utilities.getUuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Utilities.getUuid()).not.toBe(a);
  });

  it('sleep returns at once, moves the clock, max 300,000 ms [DOC* utilities#sleep; text UNVERIFIED]', () => {
    const { services, Utilities } = setup();
    services.clock.freeze(0);
    Utilities.sleep(300_000);
    expect(services.clock.now()).toBe(300_000);
    expect(thrown(() => Utilities.sleep(300_001))).toBe('Argument too large: milliseconds');
  });

  it('base64Encode / Decode round-trip UTF-8; bytes are signed Java bytes', () => {
    const { Utilities } = setup();
    expect(Utilities.base64Encode('Café ✓')).toBe('Q2Fmw6kg4pyT');
    const bytes = Utilities.base64Decode('Q2Fmw6kg4pyT');
    expect(bytes.slice(0, 5)).toEqual([67, 97, 102, -61, -87]);
    expect(Utilities.base64Encode(bytes)).toBe('Q2Fmw6kg4pyT');
    expect(Utilities.base64Encode('é', Utilities.Charset.US_ASCII)).toBe('Pw=='); // '?'
  });

  it('web-safe alphabet', () => {
    const { Utilities } = setup();
    expect(Utilities.base64EncodeWebSafe([-5, -1])).toBe('-_8=');
    expect(Utilities.base64DecodeWebSafe('-_8=')).toEqual([-5, -1]);
  });

  it('undecodable input throws [UNVERIFIED text]', () => {
    const { Utilities } = setup();
    expect(thrown(() => Utilities.base64Decode('not base64!'))).toBe('Could not decode string.');
  });
});

describe('Utilities.parseDate [DOC* utilities#parseDate]', () => {
  const { Utilities } = setup();

  it('reads a date in a pattern, in a time zone; a text that does not fit gives null [UNVERIFIED]', () => {
    expect(
      Utilities.parseDate('2026-03-01 09:45:00', 'Europe/Paris', 'yyyy-MM-dd HH:mm:ss').toISOString(),
    ).toBe('2026-03-01T08:45:00.000Z');
    expect(Utilities.parseDate('01/02/2026', 'Etc/UTC', 'dd/MM/yyyy').toISOString()).toBe(
      '2026-02-01T00:00:00.000Z',
    );
    expect(Utilities.parseDate('March', 'Etc/UTC', 'yyyy')).toBeNull();
  });
});
