/**
 * The services under the real bundle (dist/Code.js, built by `npm run build`), with a two-line
 * SpreadsheetApp stand-in: the contract the runner relies on, end to end.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { setup } from './setup';

const CODE = join(__dirname, '../../../dist/Code.js');

function load() {
  if (!existsSync(CODE)) throw new Error('dist/Code.js is missing: run npm run build');
  const s = setup();
  const SpreadsheetApp = {
    getUi: () => {
      s.services.assertUiAllowed();
      return s.ui;
    },
  };
  const context = vm.createContext({ ...s.services.globals, SpreadsheetApp });
  s.services.bindContext(context);
  vm.runInContext(readFileSync(CODE, 'utf8'), context, { filename: 'Code.js' });
  const call = (name: string, ...args: unknown[]): unknown => {
    try {
      return (context[name] as (...a: unknown[]) => unknown)(...args);
    } finally {
      s.services.endCall();
    }
  };
  return { ...s, call };
}

describe('the bundle on the emulated services', () => {
  it('onOpen in AuthMode.NONE builds the add-on menu [DOC add-ons menus]', () => {
    const { services, ui, call, ScriptApp } = load();
    services.setAuthMode('NONE');
    services.setContext('trigger');
    call('onOpen', { authMode: ScriptApp.AuthMode.NONE });
    const menu = ui.menus()[0]!;
    expect(menu.addon).toBe(true);
    expect(menu.items).toContainEqual({
      caption: 'Function reference',
      functionName: 'showFunctionReference',
    });
  });

  it('a menu item that alerts is answered and recorded', () => {
    const { services, ui, call } = load();
    services.setContext('menu');
    call('showFunctionReference');
    const [dialog] = ui.dialogsShown();
    expect(dialog).toMatchObject({
      kind: 'alert',
      title: 'Function reference',
      buttons: 'OK',
      button: 'OK',
    });
    expect(dialog!.message).toContain('QUARTER_PROGRESS');
  });
});
