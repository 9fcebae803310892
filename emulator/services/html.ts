/**
 * HtmlService, HtmlOutput and HtmlTemplate. Pages are read from pagesDir (the built dist/ pages),
 * by name without the extension as Apps Script names files; templates run in the script's vm context
 * so scriptlets see its globals (include() helpers, constants), as in Apps Script.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { type Env, signatureMessage } from './env';
import { escapeFor, escapeHtml, generateCode, type PrintContext, parseTemplate, printable } from './template';

type HTML = typeof GoogleAppsScript.HTML;

export const SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;
export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;

/** What a sidebar or dialog needs from an HtmlOutput, read without counting calls. */
export interface HtmlSnapshot {
  content: string;
  title: string;
  width: number | null;
  height: number | null;
}

class EmuMetaTag implements GoogleAppsScript.HTML.HtmlOutputMetaTag {
  constructor(
    private readonly env: Env,
    private readonly name: string,
    private readonly content: string,
  ) {}

  getName(): string {
    this.env.hit('HtmlOutputMetaTag.getName');
    return this.name;
  }

  getContent(): string {
    this.env.hit('HtmlOutputMetaTag.getContent');
    return this.content;
  }
}

/**
 * Every HtmlOutput method, because HtmlService and Ui are typed with the real HtmlOutput: those that
 * need a Blob are refused, the emulator has no Blob.
 */
export class EmuHtmlOutput implements GoogleAppsScript.HTML.HtmlOutput {
  private content: string;
  private title = '';
  /** Unset sizes read as null. [UNVERIFIED: Apps Script's defaults are not documented] */
  private width: number | null = null;
  private height: number | null = null;
  private faviconUrl = '';
  private readonly metaTags: { name: string; content: string }[] = [];

  constructor(
    private readonly service: EmuHtmlService,
    content = '',
  ) {
    this.content = content;
  }

  private get env(): Env {
    return this.service.env;
  }

  /** For Ui and tests: the output's state, without counting service calls. */
  snapshot(): HtmlSnapshot {
    return { content: this.content, title: this.title, width: this.width, height: this.height };
  }

  /** Template output: appends without counting (the template's own work, not the script's calls). */
  appendInternal(text: string): void {
    this.content += text;
  }

  addMetaTag(name: string, content: string): EmuHtmlOutput {
    this.env.hit('HtmlOutput.addMetaTag');
    this.metaTags.push({ name: String(name), content: String(content) });
    return this;
  }

  getMetaTags(): EmuMetaTag[] {
    this.env.hit('HtmlOutput.getMetaTags');
    return this.metaTags.map((t) => new EmuMetaTag(this.env, t.name, t.content));
  }

  append(addedContent: string): EmuHtmlOutput {
    this.env.hit('HtmlOutput.append');
    this.content += printable(addedContent);
    return this;
  }

  /** Escaped as HTML text [DOC* html-output#appendUntrusted]. */
  appendUntrusted(addedContent: string): EmuHtmlOutput {
    this.env.hit('HtmlOutput.appendUntrusted');
    this.content += escapeHtml(printable(addedContent));
    return this;
  }

  asTemplate(): EmuHtmlTemplate {
    this.env.hit('HtmlOutput.asTemplate');
    return new EmuHtmlTemplate(this.service, this.content);
  }

  clear(): EmuHtmlOutput {
    this.env.hit('HtmlOutput.clear');
    this.content = '';
    return this;
  }

  getAs(_contentType: string): GoogleAppsScript.Base.Blob {
    this.env.hit('HtmlOutput.getAs');
    throw this.env.error('HtmlOutput.getAs: the emulator has no Blob.');
  }

  getBlob(): GoogleAppsScript.Base.Blob {
    this.env.hit('HtmlOutput.getBlob');
    throw this.env.error('HtmlOutput.getBlob: the emulator has no Blob.');
  }

  getContent(): string {
    this.env.hit('HtmlOutput.getContent');
    return this.content;
  }

  setContent(content: string): EmuHtmlOutput {
    this.env.hit('HtmlOutput.setContent');
    this.content = printable(content);
    return this;
  }

  getFaviconUrl(): string {
    this.env.hit('HtmlOutput.getFaviconUrl');
    return this.faviconUrl;
  }

  setFaviconUrl(iconUrl: string): EmuHtmlOutput {
    this.env.hit('HtmlOutput.setFaviconUrl');
    this.faviconUrl = String(iconUrl);
    return this;
  }

  getTitle(): string {
    this.env.hit('HtmlOutput.getTitle');
    return this.title;
  }

  setTitle(title: string): EmuHtmlOutput {
    this.env.hit('HtmlOutput.setTitle');
    this.title = printable(title);
    return this;
  }

  getWidth(): number {
    this.env.hit('HtmlOutput.getWidth');
    return this.width as number;
  }

  /** The dialog's initial width [DOC* html-output]. */
  setWidth(width: number): EmuHtmlOutput {
    this.env.hit('HtmlOutput.setWidth');
    this.width = this.size(width, 'HtmlOutput.setWidth');
    return this;
  }

  getHeight(): number {
    this.env.hit('HtmlOutput.getHeight');
    return this.height as number;
  }

  setHeight(height: number): EmuHtmlOutput {
    this.env.hit('HtmlOutput.setHeight');
    this.height = this.size(height, 'HtmlOutput.setHeight');
    return this;
  }

  /** IFRAME is the only mode left; setting one changes nothing. */
  setSandboxMode(_mode: GoogleAppsScript.HTML.SandboxMode): EmuHtmlOutput {
    this.env.hit('HtmlOutput.setSandboxMode');
    return this;
  }

  setXFrameOptionsMode(_mode: GoogleAppsScript.HTML.XFrameOptionsMode): EmuHtmlOutput {
    this.env.hit('HtmlOutput.setXFrameOptionsMode');
    return this;
  }

  private size(v: unknown, method: string): number {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw this.env.error(signatureMessage([v], method));
    return Math.trunc(v);
  }
}

/** What generated template code writes to: `output._ = raw`, `output.$(context, value)`. */
interface TemplateWriter {
  _: unknown;
  $(context: PrintContext, value: unknown): void;
  append(text: unknown): TemplateWriter;
  appendUntrusted(text: unknown): TemplateWriter;
}

/** A template's service and source, kept off the object so that only assigned properties are on it. */
const templates = new WeakMap<EmuHtmlTemplate, { service: EmuHtmlService; source: string }>();

/**
 * Properties assigned to the template are in scope while it evaluates [DOC TPL], hence the index
 * signature (the real HtmlTemplate has one too).
 */
export class EmuHtmlTemplate implements GoogleAppsScript.HTML.HtmlTemplate {
  [property: string]: unknown;

  constructor(service: EmuHtmlService, source: string) {
    templates.set(this, { service, source });
  }

  private get svc(): EmuHtmlService {
    return templates.get(this)!.service;
  }

  private get source(): string {
    return templates.get(this)!.source;
  }

  evaluate(): EmuHtmlOutput {
    this.svc.env.hit('HtmlTemplate.evaluate');
    const out = new EmuHtmlOutput(this.svc);
    const writer: TemplateWriter = {
      set _(text: unknown) {
        out.appendInternal(printable(text));
      },
      get _() {
        return undefined;
      },
      $(context, value) {
        out.appendInternal(escapeFor(context, value));
      },
      append(text) {
        out.appendInternal(printable(text));
        return writer;
      },
      appendUntrusted(text) {
        out.appendInternal(escapeHtml(printable(text)));
        return writer;
      },
    };
    // Sloppy-mode function so `with` can put the assigned properties (and only those) in scope.
    const run = this.svc.env.run(
      `(function (output, scope) { with (scope) { ${generateCode(parseTemplate(this.source))}\n} })`,
    ) as (output: TemplateWriter, scope: Record<string, unknown>) => void;
    run(writer, Object.assign(Object.create(null) as Record<string, unknown>, this));
    return out;
  }

  getCode(): string {
    this.svc.env.hit('HtmlTemplate.getCode');
    return generateCode(parseTemplate(this.source));
  }

  getCodeWithComments(): string {
    this.svc.env.hit('HtmlTemplate.getCodeWithComments');
    return generateCode(parseTemplate(this.source), true);
  }

  getRawContent(): string {
    this.svc.env.hit('HtmlTemplate.getRawContent');
    return this.source;
  }
}

type HtmlServiceApi = Pick<
  GoogleAppsScript.HTML.HtmlService,
  | 'SandboxMode'
  | 'XFrameOptionsMode'
  | 'createHtmlOutput'
  | 'createHtmlOutputFromFile'
  | 'createTemplate'
  | 'createTemplateFromFile'
>;

export class EmuHtmlService implements HtmlServiceApi {
  readonly SandboxMode = SandboxMode as unknown as HTML['SandboxMode'];
  readonly XFrameOptionsMode = XFrameOptionsMode as unknown as HTML['XFrameOptionsMode'];

  constructor(
    readonly env: Env,
    private readonly pagesDir: string,
  ) {}

  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): EmuHtmlOutput {
    this.env.hit('HtmlService.createHtmlOutput');
    return new EmuHtmlOutput(this, textOf(html));
  }

  createHtmlOutputFromFile(filename: string): EmuHtmlOutput {
    this.env.hit('HtmlService.createHtmlOutputFromFile');
    return new EmuHtmlOutput(this, this.readPage(filename, 'HtmlService.createHtmlOutputFromFile'));
  }

  createTemplate(html: string | GoogleAppsScript.Base.BlobSource): EmuHtmlTemplate {
    this.env.hit('HtmlService.createTemplate');
    return new EmuHtmlTemplate(this, textOf(html));
  }

  createTemplateFromFile(filename: string): EmuHtmlTemplate {
    this.env.hit('HtmlService.createTemplateFromFile');
    return new EmuHtmlTemplate(this, this.readPage(filename, 'HtmlService.createTemplateFromFile'));
  }

  /**
   * `${pagesDir}/${name}.html`, read at each call so a rebuilt page is seen. A missing file:
   * `No HTML file named X was found.` [UNVERIFIED: wording as remembered from Apps Script]
   */
  private readPage(name: unknown, method: string): string {
    if (typeof name !== 'string') throw this.env.error(signatureMessage([name], method));
    const root = resolve(this.pagesDir);
    const file = resolve(root, `${name}.html`);
    if (!file.startsWith(root + sep) || !existsSync(file)) {
      throw this.env.error(`No HTML file named ${name} was found.`);
    }
    return readFileSync(file, 'utf8');
  }
}

function textOf(html: unknown): string {
  if (html === undefined || html === null) return '';
  if (typeof html === 'object' && typeof (html as GoogleAppsScript.Base.BlobSource).getBlob === 'function') {
    return (html as GoogleAppsScript.Base.BlobSource).getBlob().getDataAsString();
  }
  return String(html);
}
