/**
 * SpreadsheetApp.getUi(): menus, sidebars, dialogs, alerts and prompts. Nothing is drawn: what the
 * add-on shows is recorded for tests and the playground, and alerts/prompts are answered from a
 * script queued with answer().
 */
import { type Env, signatureMessage } from './env';
import { EmuHtmlOutput, type HtmlSnapshot } from './html';

type Base = typeof GoogleAppsScript.Base;
type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

/** Enum values are their names at runtime: comparable with ===, readable in JSON and test output. */
export const Button = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
export const ButtonSet = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;
export type ButtonName = keyof typeof Button;
export type ButtonSetName = keyof typeof ButtonSet;

/** The buttons each set shows; CLOSE (the title-bar X) is on every dialog and can't be removed [DOC* button]. */
const BUTTONS: Record<ButtonSetName, readonly ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export const UI_CONTEXT_ERROR = 'Cannot call SpreadsheetApp.getUi() from this context.';

export type MenuEntry =
  | { caption: string; functionName: string }
  | 'separator'
  | { caption: string; items: MenuEntry[] };

export interface MenuShown {
  caption: string;
  /** createAddonMenu (or createMenu in a published add-on, which Sheets files under Extensions). */
  addon: boolean;
  items: MenuEntry[];
}

export interface SurfaceShown {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  html: string;
  /** As set on the HtmlOutput (null when unset); Sheets' sidebar width is fixed [UNVERIFIED: 300 px]. */
  width: number | null;
  height: number | null;
}

export interface DialogShown {
  kind: 'alert' | 'prompt';
  title: string;
  message: string;
  buttons: ButtonSetName;
  /** The button the script answered (or the default) and, for prompts, the text typed. */
  button: ButtonName;
  text?: string;
}

interface Answer {
  button: ButtonName;
  text: string;
}

export class EmuMenu implements GoogleAppsScript.Base.Menu {
  private readonly items: (MenuEntry | EmuMenu)[] = [];

  constructor(
    private readonly ui: EmuUi,
    readonly caption: string,
    readonly addon: boolean,
  ) {}

  addItem(caption: string, functionName: string): EmuMenu {
    this.ui.env.hit('Menu.addItem');
    if (typeof caption !== 'string' || typeof functionName !== 'string') {
      throw this.ui.env.error(signatureMessage([caption, functionName], 'Menu.addItem'));
    }
    this.items.push({ caption, functionName });
    return this;
  }

  addSeparator(): EmuMenu {
    this.ui.env.hit('Menu.addSeparator');
    this.items.push('separator');
    return this;
  }

  addSubMenu(menu: GoogleAppsScript.Base.Menu): EmuMenu {
    this.ui.env.hit('Menu.addSubMenu');
    if (!(menu instanceof EmuMenu)) throw this.ui.env.error(signatureMessage([menu], 'Menu.addSubMenu'));
    this.items.push(menu);
    return this;
  }

  /** Nothing appears until addToUi [DOC* menu]; what appears is the menu as it is now. */
  addToUi(): void {
    this.ui.env.hit('Menu.addToUi');
    this.ui.record(this, { caption: this.caption, addon: this.addon, items: this.snapshot() });
  }

  private snapshot(): MenuEntry[] {
    return this.items.map((item) =>
      item instanceof EmuMenu ? { caption: item.caption, items: item.snapshot() } : item,
    );
  }
}

export class EmuPromptResponse implements GoogleAppsScript.Base.PromptResponse {
  constructor(
    private readonly env: Env,
    private readonly answer: Answer,
  ) {}

  /** The text is there even after Cancel or close [DOC* prompt-response]. */
  getResponseText(): string {
    this.env.hit('PromptResponse.getResponseText');
    return this.answer.text;
  }

  getSelectedButton(): GoogleAppsScript.Base.Button {
    this.env.hit('PromptResponse.getSelectedButton');
    return this.answer.button as unknown as GoogleAppsScript.Base.Button;
  }
}

export interface UiOptions {
  /** The Extensions submenu createAddonMenu fills: the add-on's store name [DOC* UI#createAddonMenu]. */
  addonName: string;
  /** alert and prompt suspend the script, and locks don't survive that [DOC* UI#alert]. */
  onSuspend: () => void;
}

type UiApi = Pick<
  GoogleAppsScript.Base.Ui,
  | 'Button'
  | 'ButtonSet'
  | 'alert'
  | 'prompt'
  | 'createAddonMenu'
  | 'createMenu'
  | 'showSidebar'
  | 'showModalDialog'
  | 'showModelessDialog'
>;

export class EmuUi implements UiApi {
  readonly Button = Button as unknown as Base['Button'];
  readonly ButtonSet = ButtonSet as unknown as Base['ButtonSet'];
  private readonly menuList: { menu: EmuMenu; shown: MenuShown }[] = [];
  private readonly surfaces: SurfaceShown[] = [];
  private readonly dialogs: DialogShown[] = [];
  private readonly answers: Answer[] = [];

  constructor(
    readonly env: Env,
    private readonly options: UiOptions,
  ) {}

  /** Throws Sheets' error when there is no UI to talk to: a custom function. [OBS/EMU: ~10 repos] */
  assertUiAllowed(): void {
    if (this.env.inCustomFunction) throw this.env.error(UI_CONTEXT_ERROR);
  }

  createAddonMenu(): EmuMenu {
    this.enter('Ui.createAddonMenu', false);
    return new EmuMenu(this, this.options.addonName, true);
  }

  createMenu(caption: string): EmuMenu {
    this.enter('Ui.createMenu', false);
    if (typeof caption !== 'string') throw this.env.error(signatureMessage([caption], 'Ui.createMenu'));
    return new EmuMenu(this, caption, false);
  }

  showSidebar(userInterface: HtmlOutput): void {
    this.enter('Ui.showSidebar', true);
    this.show('sidebar', [userInterface], 'Ui.showSidebar');
  }

  showModalDialog(userInterface: HtmlOutput, title: string): void {
    this.enter('Ui.showModalDialog', true);
    this.show('modal', [userInterface, title], 'Ui.showModalDialog');
  }

  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    this.enter('Ui.showModelessDialog', true);
    this.show('modeless', [userInterface, title], 'Ui.showModelessDialog');
  }

  alert(prompt: string): GoogleAppsScript.Base.Button;
  alert(prompt: string, buttons: GoogleAppsScript.Base.ButtonSet): GoogleAppsScript.Base.Button;
  alert(
    title: string,
    prompt: string,
    buttons: GoogleAppsScript.Base.ButtonSet,
  ): GoogleAppsScript.Base.Button;
  alert(...args: unknown[]): GoogleAppsScript.Base.Button {
    this.enter('Ui.alert', true);
    const dialog = this.ask('alert', args, 'Ui.alert');
    return dialog.button as unknown as GoogleAppsScript.Base.Button;
  }

  prompt(prompt: string): EmuPromptResponse;
  prompt(prompt: string, buttons: GoogleAppsScript.Base.ButtonSet): EmuPromptResponse;
  prompt(title: string, prompt: string, buttons: GoogleAppsScript.Base.ButtonSet): EmuPromptResponse;
  prompt(...args: unknown[]): EmuPromptResponse {
    this.enter('Ui.prompt', true);
    const dialog = this.ask('prompt', args, 'Ui.prompt');
    return new EmuPromptResponse(this.env, { button: dialog.button, text: dialog.text ?? '' });
  }

  // ---- test and playground hooks (not Apps Script) ----

  /** Queues the user's answer to the next alert or prompt: the button clicked and the text typed. */
  answer(button: ButtonName, text = ''): this {
    if (!has(Button, button)) throw new Error(`ui.answer: no button ${button}`);
    this.answers.push({ button, text });
    return this;
  }

  /** Answers queued and not yet used. */
  pendingAnswers(): number {
    return this.answers.length;
  }

  /** The menus on screen, in the order they were added. */
  menus(): MenuShown[] {
    return this.menuList.map((m) => m.shown);
  }

  /** Sidebars and dialogs shown, oldest first. */
  shown(): SurfaceShown[] {
    return [...this.surfaces];
  }

  latestSidebar(): SurfaceShown | undefined {
    return this.surfaces.filter((s) => s.kind === 'sidebar').at(-1);
  }

  /** Alerts and prompts asked, oldest first, with the answer each got. */
  dialogsShown(): DialogShown[] {
    return [...this.dialogs];
  }

  /** Clears the screen between scenarios (menus stay: onOpen built them). */
  clearShown(): void {
    this.surfaces.length = 0;
    this.dialogs.length = 0;
  }

  /** Called by EmuMenu.addToUi: a menu added again replaces itself; the add-on has one Extensions submenu. */
  record(menu: EmuMenu, shown: MenuShown): void {
    const at = this.menuList.findIndex((m) => m.menu === menu || (shown.addon && m.shown.addon));
    if (at >= 0) this.menuList[at] = { menu, shown };
    else this.menuList.push({ menu, shown });
  }

  private enter(method: string, needsAuth: boolean): void {
    this.env.hit(method);
    this.assertUiAllowed();
    // AuthMode.NONE: createAddonMenu/addItem/addToUi are safe [DOC add-ons menus]; showing anything is refused [UNVERIFIED text].
    if (needsAuth) this.env.requireAuth(method);
  }

  private show(kind: SurfaceShown['kind'], args: unknown[], method: string): void {
    const [html, title] = args;
    const wantsTitle = kind !== 'sidebar';
    if (!isHtmlOutput(html) || (wantsTitle && typeof title !== 'string')) {
      throw this.env.error(signatureMessage(args, method));
    }
    const page = snapshotOf(html);
    this.surfaces.push({
      kind,
      title: wantsTitle ? String(title) : page.title,
      html: page.content,
      width: page.width,
      height: page.height,
    });
  }

  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons), and the same for prompt. */
  private ask(kind: DialogShown['kind'], args: unknown[], method: string): DialogShown {
    const [title, message, set] =
      args.length === 1 ? ['', args[0], 'OK'] : args.length === 2 ? ['', args[0], args[1]] : args;
    if (
      args.length > 3 ||
      typeof title !== 'string' ||
      typeof message !== 'string' ||
      typeof set !== 'string' ||
      !has(BUTTONS, set)
    ) {
      throw this.env.error(signatureMessage(args, method));
    }
    const buttons = set as ButtonSetName;
    const answer = this.answers.shift() ?? defaultAnswer(kind, buttons);
    if (answer.button !== 'CLOSE' && !BUTTONS[buttons].includes(answer.button)) {
      throw new Error(`ui.answer: ${answer.button} is not a button of ${buttons} (${method}: "${message}")`);
    }
    this.options.onSuspend();
    const dialog: DialogShown = { kind, title, message, buttons, button: answer.button };
    if (kind === 'prompt') dialog.text = answer.text;
    this.dialogs.push(dialog);
    return dialog;
  }
}

/**
 * With nobody to answer: an alert is acknowledged (OK when the set has it, else closed); a prompt is
 * closed with no text. [UNVERIFIED: the emulator's choice]
 */
function defaultAnswer(kind: DialogShown['kind'], buttons: ButtonSetName): Answer {
  const button: ButtonName = kind === 'alert' && BUTTONS[buttons].includes('OK') ? 'OK' : 'CLOSE';
  return { button, text: '' };
}

function isHtmlOutput(v: unknown): v is HtmlOutput {
  return typeof v === 'object' && v !== null && typeof (v as HtmlOutput).getContent === 'function';
}

/** Our own outputs are read without counting calls: showing a page is one call, Ui.show*. */
function snapshotOf(html: HtmlOutput): HtmlSnapshot {
  if (html instanceof EmuHtmlOutput) return html.snapshot();
  const size = (v: unknown) => (typeof v === 'number' ? v : null);
  return {
    content: html.getContent(),
    title: html.getTitle(),
    width: size(html.getWidth()),
    height: size(html.getHeight()),
  };
}

/** Own keys only: `'toString' in BUTTONS` would be true. */
function has(obj: object, key: string): boolean {
  return Object.keys(obj).includes(key);
}
