/** Session: who runs the script, their language, the script's time zone. */
import { createHash } from 'node:crypto';
import type { Env } from './env';

export interface SessionUser {
  email: string;
  /** e.g. 'en_US' or 'fr'; getActiveUserLocale gives the language part. */
  locale: string;
}

class EmuUser implements GoogleAppsScript.Base.User {
  constructor(
    private readonly env: Env,
    private readonly email: string,
  ) {}

  getEmail(): string {
    this.env.hit('User.getEmail');
    return this.email;
  }

  /** Deprecated in Apps Script; kept because Session's real type returns a full User. */
  getUserLoginId(): string {
    this.env.hit('User.getUserLoginId');
    return this.email;
  }
}

type SessionApi = Pick<
  GoogleAppsScript.Base.Session,
  | 'getActiveUser'
  | 'getEffectiveUser'
  | 'getActiveUserLocale'
  | 'getScriptTimeZone'
  | 'getTemporaryActiveUserKey'
>;

export class EmuSession implements SessionApi {
  constructor(
    private readonly env: Env,
    private readonly user: SessionUser,
    private readonly timeZone: string,
    private readonly scriptId: string,
  ) {}

  /**
   * Blank in simple triggers and custom functions [DOC* session#getActiveUser]; blank too in
   * AuthMode.NONE [UNVERIFIED].
   */
  getActiveUser(): EmuUser {
    this.env.hit('Session.getActiveUser');
    const hidden =
      this.env.inCustomFunction || this.env.context === 'trigger' || this.env.authMode === 'NONE';
    return new EmuUser(this.env, hidden ? '' : this.user.email);
  }

  /** The one running the script (the add-on user here); blank in a custom function [UNVERIFIED]. */
  getEffectiveUser(): EmuUser {
    this.env.hit('Session.getEffectiveUser');
    return new EmuUser(this.env, this.env.inCustomFunction ? '' : this.user.email);
  }

  /** The language only, e.g. 'en' [DOC* session#getActiveUserLocale]. */
  getActiveUserLocale(): string {
    this.env.hit('Session.getActiveUserLocale');
    return this.user.locale.split(/[_-]/)[0] ?? '';
  }

  getScriptTimeZone(): string {
    this.env.hit('Session.getScriptTimeZone');
    return this.timeZone;
  }

  /** Stable per user and script, and not the email. [UNVERIFIED: format] */
  getTemporaryActiveUserKey(): string {
    this.env.hit('Session.getTemporaryActiveUserKey');
    return createHash('sha256')
      .update(`${this.scriptId}:${this.user.email}`)
      .digest('base64url')
      .slice(0, 43);
  }
}
