import { describe, expect, it } from 'vitest';
import { LIMITS, QUOTA_ERROR } from '../../../emulator/services/properties';
import { setup, thrown } from './setup';

describe('Properties', () => {
  it('getProperty is null when missing; values are stored as strings [DOC guides/properties]', () => {
    const { PropertiesService, counter } = setup();
    const p = PropertiesService.getDocumentProperties();
    expect(p.getProperty('quarter')).toBeNull();
    const set = p.setProperty as (k: string, v: unknown) => unknown;
    set.call(p, 'count', 42);
    set.call(p, 'flag', true);
    expect(p.getProperty('count')).toBe('42');
    expect(p.getProperty('flag')).toBe('true');
    expect(counter.get('PropertiesService.getDocumentProperties')).toBe(1);
    expect(counter.get('Properties.setProperty')).toBe(2);
    expect(counter.get('Properties.getProperty')).toBe(3);
  });

  it('each store is separate; a second handle sees the same store', () => {
    const { PropertiesService } = setup();
    PropertiesService.getDocumentProperties().setProperty('k', 'doc');
    PropertiesService.getUserProperties().setProperty('k', 'user');
    PropertiesService.getScriptProperties().setProperty('k', 'script');
    expect(PropertiesService.getDocumentProperties().getProperty('k')).toBe('doc');
    expect(PropertiesService.getUserProperties().getProperty('k')).toBe('user');
    expect(PropertiesService.getScriptProperties().getProperty('k')).toBe('script');
  });

  it('getProperties returns a copy, not a live view [DOC guides/properties]; getKeys lists keys', () => {
    const { PropertiesService } = setup();
    const p = PropertiesService.getUserProperties().setProperties({ a: '1', b: '2' });
    const copy = p.getProperties();
    copy.a = 'changed';
    expect(p.getProperty('a')).toBe('1');
    expect(p.getKeys().sort()).toEqual(['a', 'b']);
  });

  it('setProperties(props, deleteAllOthers) replaces the store; deleteProperty / deleteAllProperties', () => {
    const { PropertiesService } = setup();
    const p = PropertiesService.getDocumentProperties();
    p.setProperties({ a: '1', b: '2' });
    p.setProperties({ c: '3' }, true);
    expect(p.getProperties()).toEqual({ c: '3' });
    p.setProperties({ d: '4' });
    expect(p.deleteProperty('c')).toBe(p);
    expect(p.getProperties()).toEqual({ d: '4' });
    expect(p.deleteAllProperties().getKeys()).toEqual([]);
  });
});

describe('Properties quota (see LIMITS: tanaike 2023 + quotas page)', () => {
  it('a value of 9 × 1024 bytes is accepted, one byte more is refused [DOC quotas 9 KB; OBS error text]', () => {
    const { PropertiesService } = setup();
    const p = PropertiesService.getDocumentProperties();
    p.setProperty('v', 'x'.repeat(LIMITS.valueBytes));
    expect(thrown(() => p.setProperty('w', 'x'.repeat(LIMITS.valueBytes + 1)))).toBe(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(p.getProperty('w')).toBeNull();
  });

  it('sizes are UTF-8 bytes: 4,609 two-byte characters are over 9 KB', () => {
    const { PropertiesService } = setup();
    const p = PropertiesService.getDocumentProperties();
    expect(thrown(() => p.setProperty('v', 'é'.repeat(4609)))).toBe(QUOTA_ERROR);
  });

  it('a key over 8,066 bytes is refused [OBS tanaike; same text UNVERIFIED]', () => {
    const { PropertiesService } = setup();
    const p = PropertiesService.getDocumentProperties();
    p.setProperty('k'.repeat(LIMITS.keyBytes), 'v');
    expect(thrown(() => p.setProperty('k'.repeat(LIMITS.keyBytes + 1), 'v'))).toBe(QUOTA_ERROR);
  });

  it('a store holds 500 × 1024 bytes of keys + values [DOC quotas 500 KB; keys count: OBS tanaike]', () => {
    const { PropertiesService } = setup();
    const p = PropertiesService.getDocumentProperties();
    // 56 values of 9,000 bytes under 4-byte keys = 504,224 bytes; 8,000 more fill it to 512,224 > 512,000.
    for (let i = 0; i < 56; i++) p.setProperty(`k${String(i).padStart(3, '0')}`, 'x'.repeat(9000));
    expect(thrown(() => p.setProperty('last', 'x'.repeat(8000)))).toBe(QUOTA_ERROR);
    expect(p.getProperty('last')).toBeNull();
    p.setProperty('last', 'x'.repeat(512000 - 504224 - 4)); // exactly full
    expect(thrown(() => p.setProperty('z', ''))).toBe(QUOTA_ERROR);
    // The other stores have their own quota.
    PropertiesService.getUserProperties().setProperty('k', 'x'.repeat(9000));
  });

  it('setProperties is all or nothing', () => {
    const { PropertiesService } = setup();
    const p = PropertiesService.getDocumentProperties().setProperty('keep', '1');
    expect(thrown(() => p.setProperties({ a: 'ok', b: 'x'.repeat(LIMITS.valueBytes + 1) }, true))).toBe(
      QUOTA_ERROR,
    );
    expect(p.getProperties()).toEqual({ keep: '1' });
  });
});

describe('Properties permissions', () => {
  it('custom functions may use user properties only [DOC CF]', () => {
    const { services, PropertiesService } = setup();
    services.setContext('custom-function');
    expect(PropertiesService.getUserProperties().getProperty('x')).toBeNull();
    expect(thrown(() => PropertiesService.getDocumentProperties())).toBe(
      'You do not have permission to call PropertiesService.getDocumentProperties.',
    );
    expect(thrown(() => PropertiesService.getScriptProperties())).toBe(
      'You do not have permission to call PropertiesService.getScriptProperties.',
    );
  });

  it('AuthMode.CUSTOM_FUNCTION is the same restriction', () => {
    const { services, PropertiesService } = setup();
    services.setAuthMode('CUSTOM_FUNCTION');
    expect(() => PropertiesService.getDocumentProperties()).toThrow(/permission/);
  });

  it('AuthMode.NONE: reading properties fails [DOC add-ons menus; text UNVERIFIED]', () => {
    const { services, PropertiesService } = setup();
    services.setAuthMode('NONE');
    for (const get of ['getDocumentProperties', 'getUserProperties', 'getScriptProperties'] as const) {
      expect(thrown(() => PropertiesService[get]())).toBe(
        `You do not have permission to call PropertiesService.${get}.`,
      );
    }
    services.setAuthMode('LIMITED');
    expect(PropertiesService.getDocumentProperties().getKeys()).toEqual([]);
  });

  it('the calls are counted even when refused', () => {
    const { services, PropertiesService, counter } = setup();
    services.setAuthMode('NONE');
    thrown(() => PropertiesService.getDocumentProperties());
    expect(counter.get('PropertiesService.getDocumentProperties')).toBe(1);
  });
});
