import type { Arg, Env, Out } from '../../src/functions/define';
import { invoke } from '../../src/functions/define';
import { specOf } from '../../src/functions/registry';

/** Counts the reads a call makes of the spreadsheet: locale and time zone are service calls in Sheets. */
export function testEnv(locale = 'en_US', timeZone = 'Europe/Paris') {
  const reads = { locale: 0, timeZone: 0 };
  const env: Env = {
    locale: () => {
      reads.locale++;
      return locale;
    },
    timeZone: () => {
      reads.timeZone++;
      return timeZone;
    },
  };
  return { env, reads };
}

/** Calls a custom function as Sheets would, in English unless told otherwise. */
export function call(name: string, ...args: Arg[]): Out | Out[][] {
  return callIn('en_US', name, ...args);
}

export function callIn(locale: string, name: string, ...args: Arg[]): Out | Out[][] {
  const spec = specOf(name);
  if (!spec) throw new Error(`no function ${name}`);
  return invoke(spec, args, testEnv(locale).env);
}

/** A column range from values. */
export const col = (...values: Arg[]): Arg => values.map((v) => [v as never]);
