import { describe, expect, it } from 'vitest';
import { setup, thrown } from './setup';

describe('Ui menus', () => {
  it('records nothing until addToUi, then the menu with its items [DOC* menu]', () => {
    const { ui, counter } = setup();
    const menu = ui.createAddonMenu().addItem('Open review', 'openReview').addSeparator();
    expect(ui.menus()).toEqual([]);
    menu.addItem('Function reference', 'showFunctionReference').addToUi();
    expect(ui.menus()).toEqual([
      {
        caption: 'OKR & KPI for Google Sheets',
        addon: true,
        items: [
          { caption: 'Open review', functionName: 'openReview' },
          'separator',
          { caption: 'Function reference', functionName: 'showFunctionReference' },
        ],
      },
    ]);
    expect(counter.get('Ui.createAddonMenu')).toBe(1);
    expect(counter.get('Menu.addItem')).toBe(2);
    expect(counter.get('Menu.addSeparator')).toBe(1);
    expect(counter.get('Menu.addToUi')).toBe(1);
  });

  it('chains: addItem, addSeparator and addSubMenu return the menu [DOC* menu]', () => {
    const { ui } = setup();
    const menu = ui.createMenu('OKR');
    expect(menu.addItem('a', 'fa')).toBe(menu);
    expect(menu.addSeparator()).toBe(menu);
    expect(menu.addSubMenu(ui.createMenu('More').addItem('b', 'fb'))).toBe(menu);
    menu.addToUi();
    expect(ui.menus()).toEqual([
      {
        caption: 'OKR',
        addon: false,
        items: [
          { caption: 'a', functionName: 'fa' },
          'separator',
          { caption: 'More', items: [{ caption: 'b', functionName: 'fb' }] },
        ],
      },
    ]);
  });

  it('onOpen run twice leaves one add-on menu, the latest', () => {
    const { ui } = setup();
    ui.createAddonMenu().addItem('Old', 'old').addToUi();
    ui.createAddonMenu().addItem('New', 'fresh').addToUi();
    expect(ui.menus()).toHaveLength(1);
    expect(ui.menus()[0]!.items).toEqual([{ caption: 'New', functionName: 'fresh' }]);
  });

  it('AuthMode.NONE: createAddonMenu / addItem / addToUi are safe [DOC add-ons menus]', () => {
    const { services, ui } = setup();
    services.setAuthMode('NONE');
    ui.createAddonMenu().addItem('Start', 'start').addToUi();
    expect(ui.menus()).toHaveLength(1);
  });

  it('the addon name is configurable', () => {
    const { ui } = setup({}, { addonName: 'OKR' });
    ui.createAddonMenu().addToUi();
    expect(ui.menus()[0]!.caption).toBe('OKR');
  });
});

describe('Ui sidebars and dialogs', () => {
  it('records a sidebar with its HTML, title and size; showSidebar does not suspend [DOC* UI#showSidebar]', () => {
    const { ui, HtmlService, counter } = setup();
    const html = HtmlService.createHtmlOutput('<p>Review</p>').setTitle('Quarterly review').setWidth(320);
    counter.reset();
    ui.showSidebar(html);
    expect(ui.shown()).toEqual([
      { kind: 'sidebar', title: 'Quarterly review', html: '<p>Review</p>', width: 320, height: null },
    ]);
    expect(ui.latestSidebar()?.html).toBe('<p>Review</p>');
    // Showing is one call: reading the page is not counted as the script's calls.
    expect(counter.snapshot()).toEqual({ 'Ui.showSidebar': 1 });
  });

  it('records modal and modeless dialogs with the title argument', () => {
    const { ui, HtmlService } = setup();
    const html = HtmlService.createHtmlOutput('<b>x</b>').setWidth(600).setHeight(400).setTitle('ignored');
    ui.showModalDialog(html, 'Import');
    ui.showModelessDialog(html, 'Help');
    expect(ui.shown().map((s) => [s.kind, s.title, s.width, s.height])).toEqual([
      ['modal', 'Import', 600, 400],
      ['modeless', 'Help', 600, 400],
    ]);
  });

  it('a string instead of an HtmlOutput is a signature error [ODD format; the Ui./Utilities. prefix UNVERIFIED]', () => {
    const { ui } = setup();
    const sidebar = ui.showSidebar as (html: unknown) => void;
    expect(thrown(() => sidebar.call(ui, '<p>'))).toBe(
      "The parameters (String) don't match the method signature for Ui.showSidebar.",
    );
  });

  it('AuthMode.NONE refuses to show anything [UNVERIFIED text]', () => {
    const { services, ui, HtmlService } = setup();
    const html = HtmlService.createHtmlOutput('x');
    services.setAuthMode('NONE');
    expect(thrown(() => ui.showSidebar(html))).toBe('You do not have permission to call Ui.showSidebar.');
    expect(thrown(() => ui.alert('hi'))).toBe('You do not have permission to call Ui.alert.');
  });
});

describe('Ui alert and prompt, answered from a script', () => {
  it('alert(msg) shows OK only; unanswered it returns OK and is recorded [DOC* UI]', () => {
    const { ui } = setup();
    expect(ui.alert('Saved')).toBe(ui.Button.OK);
    expect(ui.dialogsShown()).toEqual([
      { kind: 'alert', title: '', message: 'Saved', buttons: 'OK', button: 'OK' },
    ]);
  });

  it('alert(title, msg, ButtonSet) returns the queued button', () => {
    const { ui } = setup();
    ui.answer('YES');
    expect(ui.alert('Close quarter', 'Open Q3 now?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    expect(ui.dialogsShown()[0]).toEqual({
      kind: 'alert',
      title: 'Close quarter',
      message: 'Open Q3 now?',
      buttons: 'YES_NO',
      button: 'YES',
    });
  });

  it('alert(msg, ButtonSet): the two-argument overload', () => {
    const { ui } = setup();
    ui.answer('CANCEL');
    expect(ui.alert('Delete?', ui.ButtonSet.OK_CANCEL)).toBe(ui.Button.CANCEL);
  });

  it('unanswered YES_NO has no OK to click: the dialog is closed [UNVERIFIED: emulator default]', () => {
    const { ui } = setup();
    expect(ui.alert('t', 'Sure?', ui.ButtonSet.YES_NO)).toBe(ui.Button.CLOSE);
  });

  it('CLOSE (the title-bar X) answers any dialog [DOC* button]', () => {
    const { ui } = setup();
    ui.answer('CLOSE');
    expect(ui.alert('t', 'Sure?', ui.ButtonSet.YES_NO_CANCEL)).toBe(ui.Button.CLOSE);
  });

  it('an answer that is not on the dialog fails the test loudly', () => {
    const { ui } = setup();
    ui.answer('YES');
    expect(() => ui.alert('Saved')).toThrow(/YES is not a button of OK/);
  });

  it('alert(title, msg) without a ButtonSet is a signature error [ODD format; the Ui./Utilities. prefix UNVERIFIED]', () => {
    const { ui } = setup();
    const alert = ui.alert as (...a: unknown[]) => unknown;
    expect(thrown(() => alert.call(ui, 'Title', 'Message'))).toBe(
      "The parameters (String,String) don't match the method signature for Ui.alert.",
    );
  });

  it('a ButtonSet that is not one is a signature error, even an Object.prototype name', () => {
    const { ui } = setup();
    const alert = ui.alert as (...a: unknown[]) => unknown;
    expect(() => alert.call(ui, 't', 'm', 'toString')).toThrow(
      /don't match the method signature for Ui.alert/,
    );
    expect(() => ui.answer('toString' as 'OK')).toThrow(/no button/);
  });

  it('prompt returns the queued text and button; text is there even after Cancel [DOC* prompt-response]', () => {
    const { ui, counter } = setup();
    ui.answer('OK', 'Q3 2025').answer('CANCEL', 'typed anyway');
    const first = ui.prompt('New quarter', 'Name?', ui.ButtonSet.OK_CANCEL);
    expect(first.getSelectedButton()).toBe(ui.Button.OK);
    expect(first.getResponseText()).toBe('Q3 2025');
    const second = ui.prompt('Name?', ui.ButtonSet.OK_CANCEL);
    expect(second.getSelectedButton()).toBe(ui.Button.CANCEL);
    expect(second.getResponseText()).toBe('typed anyway');
    expect(ui.pendingAnswers()).toBe(0);
    expect(counter.get('Ui.prompt')).toBe(2);
    expect(counter.get('PromptResponse.getResponseText')).toBe(2);
  });

  it('unanswered prompt returns CLOSE and empty text, and is recorded', () => {
    const { ui } = setup();
    const r = ui.prompt('Owner?');
    expect([r.getSelectedButton(), r.getResponseText()]).toEqual([ui.Button.CLOSE, '']);
    expect(ui.dialogsShown()).toEqual([
      { kind: 'prompt', title: '', message: 'Owner?', buttons: 'OK', button: 'CLOSE', text: '' },
    ]);
  });

  it('locks do not survive an alert [DOC* UI#alert]', () => {
    const { ui, LockService } = setup();
    const lock = LockService.getDocumentLock();
    lock.waitLock(1000);
    ui.alert('Saved');
    expect(lock.hasLock()).toBe(false);
  });

  it('Button and ButtonSet enums have Apps Script names [DOC* button, button-set]', () => {
    const { ui } = setup();
    expect(Object.keys(ui.Button).sort()).toEqual(['CANCEL', 'CLOSE', 'NO', 'OK', 'YES']);
    expect(Object.keys(ui.ButtonSet).sort()).toEqual(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);
  });
});

describe('Ui context', () => {
  it('custom-function context: "Cannot call SpreadsheetApp.getUi() from this context." [OBS/EMU]', () => {
    const { services, ui } = setup();
    services.setContext('custom-function');
    expect(thrown(() => services.assertUiAllowed())).toBe(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
    expect(thrown(() => ui.createAddonMenu())).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
    services.setContext('menu');
    expect(() => services.assertUiAllowed()).not.toThrow();
  });

  it('a trigger (onOpen) may build menus', () => {
    const { services, ui } = setup();
    services.setContext('trigger');
    services.setAuthMode('LIMITED');
    ui.createAddonMenu().addItem('a', 'b').addToUi();
    expect(ui.menus()).toHaveLength(1);
  });
});
