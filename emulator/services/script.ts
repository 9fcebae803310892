/** ScriptApp: the AuthMode enum the add-on compares e.authMode with, and the script id. */
import type { Env } from './env';

/** Values are their names at runtime, like the other emulated enums. */
export const AuthMode = {
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
} as const;

export class EmuScriptApp implements Pick<GoogleAppsScript.Script.ScriptApp, 'AuthMode' | 'getScriptId'> {
  readonly AuthMode = AuthMode as unknown as typeof GoogleAppsScript.Script.AuthMode;

  constructor(
    private readonly env: Env,
    private readonly scriptId: string,
  ) {}

  getScriptId(): string {
    this.env.hit('ScriptApp.getScriptId');
    return this.scriptId;
  }
}
