import type { Lang } from './i18n';
import { type MessageCode, type MessageParams, namesRow, render } from './messages';

/**
 * Bad input found by the core. It carries a message code rather than a text so that the caller
 * renders it in the spreadsheet's language only when it is shown (reading the locale costs a call).
 */
export class InputError extends Error {
  readonly code: MessageCode;
  readonly params: MessageParams;
  /** The argument or column the bad value came from, when known. */
  readonly arg?: string;

  constructor(code: MessageCode, params: MessageParams = {}, arg?: string) {
    // No stack trace: this is the user's input, not a bug, and capturing one costs about 10 µs, when
    // a column of 100,000 rows in a cycle (or below a broken cell) makes 100,000 of these.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super();
    Error.stackTraceLimit = limit;
    this.code = code;
    this.params = params;
    this.arg = arg;
    this.name = 'InputError';
  }

  /** The English text, made when asked for (a cell shows describe(lang), rendered once). */
  override get message(): string {
    return render(this.code, this.params, 'en');
  }

  /** The same error, now known to come from `arg` (an upstream text names its own source). */
  withArg(arg: string): InputError {
    return this.arg === undefined && this.code !== 'upstream'
      ? new InputError(this.code, this.params, arg)
      : this;
  }

  /**
   * The error as seen from another row (`where`: "row 3", or a text object rendered per language).
   * An error that already names its row (an upstream text that did, or one located before) stays
   * as it is, so that a message crossing several functions names its row once.
   */
  at(where: unknown): InputError {
    if (this.code === 'atCell') return this;
    if (this.code === 'upstream' && namesRow(String(this.params.text))) return this;
    return new InputError('atCell', { where, inner: this });
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

/** An error that another function already reported in the cell it came from. */
export function isUpstream(e: unknown): e is InputError {
  return e instanceof InputError && e.code === 'upstream';
}
