import type { Lang } from './i18n';
import { type MessageCode, type MessageParams, render } from './messages';

/**
 * Bad input found by the core. It carries a message code rather than a text so that the caller
 * renders it in the spreadsheet's language only when it is shown (reading the locale costs a call).
 */
export class InputError extends Error {
  constructor(
    readonly code: MessageCode,
    readonly params: MessageParams = {},
    /** The argument or column the bad value came from, when known. */
    readonly arg?: string,
  ) {
    super(render(code, params, 'en'));
    this.name = 'InputError';
  }

  /** The same error, now known to come from `arg`. */
  withArg(arg: string): InputError {
    return this.arg === undefined ? new InputError(this.code, this.params, arg) : this;
  }

  text(lang: Lang): string {
    return render(this.code, this.params, lang);
  }

  /** The message with the argument it is about: "target: "abc" is not a number". */
  describe(lang: Lang): string {
    const inner = this.text(lang);
    return this.arg === undefined ? inner : render('argLabel', { arg: this.arg, inner }, lang);
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}
