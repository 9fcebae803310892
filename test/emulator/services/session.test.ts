import { describe, expect, it } from 'vitest';
import { setup } from './setup';

describe('Session', () => {
  const user = { email: 'ana@example.org', locale: 'fr_FR' };

  it('getActiveUser().getEmail() is the user in menu and client calls', () => {
    const { Session, counter } = setup({}, { user });
    expect(Session.getActiveUser().getEmail()).toBe('ana@example.org');
    expect(Session.getEffectiveUser().getEmail()).toBe('ana@example.org');
    expect(counter.get('Session.getActiveUser')).toBe(1);
    expect(counter.get('User.getEmail')).toBe(2);
  });

  it('is blank in custom functions and simple triggers [DOC* session#getActiveUser]', () => {
    const { services, Session } = setup({}, { user });
    services.setContext('custom-function');
    expect(Session.getActiveUser().getEmail()).toBe('');
    services.setContext('trigger');
    expect(Session.getActiveUser().getEmail()).toBe('');
    services.setContext('client');
    expect(Session.getActiveUser().getEmail()).toBe('ana@example.org');
  });

  it('is blank in AuthMode.NONE; getEffectiveUser blank in custom functions [UNVERIFIED]', () => {
    const { services, Session } = setup({}, { user });
    services.setAuthMode('NONE');
    expect(Session.getActiveUser().getEmail()).toBe('');
    services.setAuthMode('FULL');
    services.setContext('custom-function');
    expect(Session.getEffectiveUser().getEmail()).toBe('');
  });

  it('getActiveUserLocale gives the language only [DOC* session]', () => {
    expect(setup({}, { user }).Session.getActiveUserLocale()).toBe('fr');
    expect(setup().Session.getActiveUserLocale()).toBe('en');
  });

  it('getScriptTimeZone: the option, else the manifest default Etc/UTC', () => {
    expect(setup({}, { scriptTimeZone: 'Europe/Paris' }).Session.getScriptTimeZone()).toBe('Europe/Paris');
    expect(setup().Session.getScriptTimeZone()).toBe('Etc/UTC');
  });

  it('getTemporaryActiveUserKey is stable per user and is not the email [UNVERIFIED format]', () => {
    const a = setup({}, { user }).Session.getTemporaryActiveUserKey();
    expect(setup({}, { user }).Session.getTemporaryActiveUserKey()).toBe(a);
    expect(setup().Session.getTemporaryActiveUserKey()).not.toBe(a);
    expect(a).not.toContain('ana');
  });
});

describe('ScriptApp', () => {
  it('AuthMode enum has the four modes [DOC* script/auth-mode]; getScriptId', () => {
    const { ScriptApp, counter } = setup({}, { scriptId: 'abc' });
    expect(Object.keys(ScriptApp.AuthMode)).toEqual(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
    expect(ScriptApp.getScriptId()).toBe('abc');
    expect(counter.get('ScriptApp.getScriptId')).toBe(1);
  });

  it('setAuthMode takes the enum values, names, or @types numeric values', () => {
    const { services, ScriptApp } = setup();
    services.setAuthMode(ScriptApp.AuthMode.LIMITED);
    expect(services.authMode()).toBe('LIMITED');
    services.setAuthMode(0 as GoogleAppsScript.Script.AuthMode);
    expect(services.authMode()).toBe('NONE');
    services.setAuthMode('FULL');
    expect(services.authMode()).toBe('FULL');
    expect(() => services.setAuthMode('ROOT' as 'FULL')).toThrow(/unknown auth mode/);
  });
});
