import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { setup } from './setup';

describe('createServices', () => {
  it('globals are the seven services the runner installs', () => {
    const { services } = setup();
    expect(Object.keys(services.globals).sort()).toEqual([
      'CacheService',
      'HtmlService',
      'LockService',
      'PropertiesService',
      'ScriptApp',
      'Session',
      'Utilities',
    ]);
  });

  it('state saves the property stores and restores them', () => {
    const a = setup();
    a.PropertiesService.getDocumentProperties().setProperties({ quarter: 'Q3', b: '2' });
    a.PropertiesService.getUserProperties().setProperty('lang', 'fr');
    const saved = JSON.parse(JSON.stringify(a.services.state.toJSON()));
    expect(saved).toEqual({ document: { b: '2', quarter: 'Q3' }, user: { lang: 'fr' }, script: {} });
    const b = setup();
    b.PropertiesService.getDocumentProperties().setProperty('stale', 'x');
    b.services.state.restore(saved);
    expect(b.PropertiesService.getDocumentProperties().getProperties()).toEqual({ quarter: 'Q3', b: '2' });
    expect(b.PropertiesService.getUserProperties().getProperty('lang')).toBe('fr');
  });

  it('restore accepts nothing or missing scopes, and rejects a corrupt file whole', () => {
    const { services, PropertiesService } = setup();
    services.state.restore(undefined);
    services.state.restore({ document: { a: '1' } });
    expect(PropertiesService.getDocumentProperties().getProperty('a')).toBe('1');
    expect(() => services.state.restore({ document: { a: 1 }, user: { u: 'x' } })).toThrow(/not a string/);
    expect(() => services.state.restore([])).toThrow();
    expect(PropertiesService.getUserProperties().getKeys()).toEqual([]);
    expect(PropertiesService.getDocumentProperties().getProperty('a')).toBe('1');
  });

  it('setContext checks its argument', () => {
    const { services } = setup();
    services.setContext('client');
    expect(services.context()).toBe('client');
    expect(() => services.setContext('web' as 'client')).toThrow(/unknown call context/);
  });

  it('bound to a vm context, errors are that realm’s Errors (e instanceof Error holds in the bundle)', () => {
    const { services } = setup();
    const context = vm.createContext({ ...services.globals });
    services.bindContext(context);
    services.setContext('custom-function');
    const result = vm.runInContext(
      `(() => { try { PropertiesService.getDocumentProperties(); } catch (e) { return [e instanceof Error, e.message]; } })()`,
      context,
    );
    expect(result).toEqual([
      true,
      'You do not have permission to call PropertiesService.getDocumentProperties.',
    ]);
  });

  it('errors are named Exception: String(e) reads "Exception: …" as Apps Script prints them', () => {
    const { services, PropertiesService } = setup();
    services.setAuthMode('NONE');
    expect(() => PropertiesService.getUserProperties()).toThrow(
      expect.objectContaining({ name: 'Exception' }),
    );
    try {
      PropertiesService.getUserProperties();
    } catch (e) {
      expect(String(e)).toBe(
        'Exception: You do not have permission to call PropertiesService.getUserProperties.',
      );
    }
  });

  it('a lock taken in one call is free in the next: the runner calls endCall in a finally', () => {
    const { services } = setup();
    const context = vm.createContext({ ...services.globals });
    const call = (code: string) => {
      try {
        return vm.runInContext(code, context);
      } finally {
        services.endCall();
      }
    };
    expect(call('LockService.getDocumentLock().tryLock(0)')).toBe(true);
    expect(call('LockService.getDocumentLock().hasLock()')).toBe(false);
  });
});
