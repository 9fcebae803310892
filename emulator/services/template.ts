/**
 * HtmlTemplate scriptlets [DOC TPL]: `<? code ?>` runs, `<?= expr ?>` prints with contextual
 * escaping, `<?!= expr ?>` prints raw. The template becomes one JS function body, as Apps Script's
 * getCode() shows; the escaping context of each `<?= ?>` is found by scanning the literal HTML before
 * it (the way contextual auto-escapers work), so it is fixed when the template is compiled.
 */

/** Where a printed value lands. */
export type PrintContext =
  | 'html' // element text, comments, inside a tag
  | 'attr' // a quoted attribute value
  | 'attr-unquoted'
  | 'attr-js' // an on* handler attribute: JS inside HTML
  | 'script' // <script> code
  | 'script-string' // inside a JS string literal in <script>
  | 'style';

export type Part =
  | { kind: 'text'; text: string }
  | { kind: 'code'; code: string }
  | { kind: 'print'; code: string; context: PrintContext }
  | { kind: 'raw'; code: string };

export function parseTemplate(source: string): Part[] {
  const parts: Part[] = [];
  const scanner = new ContextScanner();
  let at = 0;
  while (at < source.length) {
    const open = source.indexOf('<?', at);
    if (open < 0) break;
    const close = source.indexOf('?>', open + 2);
    if (close < 0)
      throw new SyntaxError(`Unterminated scriptlet at character ${open}: ${source.slice(open, open + 40)}`);
    const text = source.slice(at, open);
    scanner.feed(text);
    if (text) parts.push({ kind: 'text', text });
    const inner = source.slice(open + 2, close);
    if (inner.startsWith('!=')) parts.push({ kind: 'raw', code: expression(inner.slice(2)) });
    else if (inner.startsWith('=')) {
      parts.push({ kind: 'print', code: expression(inner.slice(1)), context: scanner.context() });
    } else parts.push({ kind: 'code', code: inner });
    at = close + 2;
  }
  if (at < source.length) parts.push({ kind: 'text', text: source.slice(at) });
  return parts;
}

/** `<?= x; ?>` is common: a print scriptlet is an expression, so trailing semicolons go. */
function expression(code: string): string {
  return code.trim().replace(/;+\s*$/, '');
}

/**
 * The function body getCode() returns: `output._ = …` appends raw text, `output.$(…)` prints escaped.
 * [UNVERIFIED: Apps Script's own generated code differs in detail; only its role is documented]
 */
export function generateCode(parts: readonly Part[], withComments = false): string {
  const line = (p: Part): string => {
    if (p.kind === 'text') return `output._ = ${JSON.stringify(p.text)};`;
    if (p.kind === 'code') return withComments ? `/* <? */ ${p.code}` : p.code;
    if (p.kind === 'print') return `output.$(${JSON.stringify(p.context)}, (${p.code}));`;
    return `output._ = (${p.code});`;
  };
  const lines = parts.map(line);
  return lines.join('\n');
}

// ---- escaping ----

/** null and undefined print as nothing. [UNVERIFIED] */
export function printable(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

const unicodeEscape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * A JS literal for the value (JSON), safe inside <script>: `<`, `>`, `&`, quotes and line separators
 * are \u-escaped so `</script>` or `<!--` can't end the block. [DOC TPL says "contextual"; JSON form UNVERIFIED]
 */
export function jsValue(value: unknown): string {
  const json = JSON.stringify(value === undefined ? null : value) ?? 'null';
  return json.replace(/[<>&'\u2028\u2029]/g, unicodeEscape);
}

/** The value as the inside of a JS string literal, whichever quote (or backquote) encloses it. */
export function jsStringBody(value: unknown): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must be escaped
  return printable(value).replace(/[\u0000-\u001f\\"'`$<>&\u2028\u2029]/g, unicodeEscape);
}

/** CSS: every character that could end a value, string or block is hex-escaped. */
export function cssEscape(value: unknown): string {
  return printable(value).replace(/[^\w \-.#%]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `);
}

export function escapeFor(context: PrintContext, value: unknown): string {
  switch (context) {
    case 'html':
    case 'attr':
      return escapeHtml(printable(value));
    case 'attr-unquoted':
      // An unquoted value also ends at whitespace, `=` and backquote.
      return escapeHtml(printable(value)).replace(/[\s=`]/g, (c) => `&#${c.charCodeAt(0)};`);
    case 'attr-js':
      return escapeHtml(jsValue(value));
    case 'script':
      return jsValue(value);
    case 'script-string':
      return jsStringBody(value);
    case 'style':
      return cssEscape(value);
  }
}

// ---- context scanning ----

type State =
  | { s: 'text' }
  | { s: 'comment' }
  | { s: 'tag-name'; name: string; closing: boolean }
  | { s: 'tag'; name: string; closing: boolean }
  | { s: 'attr-name'; tag: string; closing: boolean; attr: string }
  | { s: 'before-value'; tag: string; closing: boolean; attr: string }
  | { s: 'value'; tag: string; closing: boolean; attr: string; quote: '"' | "'" | '' }
  | { s: 'script'; js: 'code' | 'line-comment' | 'block-comment' | '"' | "'" | '`'; escaped: boolean }
  | { s: 'style' };

/** A small HTML tokenizer, fed the literal text between scriptlets, that knows where output would land. */
export class ContextScanner {
  private state: State = { s: 'text' };
  private tail = ''; // text since the last state change, for `-->` and `</script` look-behind

  context(): PrintContext {
    const st = this.state;
    switch (st.s) {
      case 'text':
      case 'comment':
      case 'tag-name':
      case 'tag':
      case 'attr-name':
        return 'html';
      case 'before-value':
        return 'attr-unquoted';
      case 'value':
        if (/^on/i.test(st.attr)) return 'attr-js';
        return st.quote ? 'attr' : 'attr-unquoted';
      case 'script':
        return st.js === '"' || st.js === "'" || st.js === '`' ? 'script-string' : 'script';
      case 'style':
        return 'style';
    }
  }

  feed(text: string): void {
    for (const c of text) this.step(c);
  }

  private endTag(name: string, closing: boolean): void {
    const tag = name.toLowerCase();
    if (!closing && tag === 'script') this.go({ s: 'script', js: 'code', escaped: false });
    else if (!closing && tag === 'style') this.go({ s: 'style' });
    else this.go({ s: 'text' });
  }

  private go(state: State): void {
    this.state = state;
    this.tail = '';
  }

  private step(c: string): void {
    const st = this.state;
    this.tail = (this.tail + c).slice(-16);
    switch (st.s) {
      case 'text':
        if (this.tail.endsWith('<!--')) this.go({ s: 'comment' });
        else if (/<\/?[a-zA-Z]$/.test(this.tail)) {
          const closing = this.tail.endsWith(`/${c}`);
          this.go({ s: 'tag-name', name: c, closing });
        }
        return;
      case 'comment':
        if (this.tail.endsWith('-->')) this.go({ s: 'text' });
        return;
      case 'tag-name':
        if (/[\s/]/.test(c)) this.go({ s: 'tag', name: st.name, closing: st.closing });
        else if (c === '>') this.endTag(st.name, st.closing);
        else st.name += c;
        return;
      case 'tag':
        if (c === '>') this.endTag(st.name, st.closing);
        else if (!/[\s/]/.test(c)) this.go({ s: 'attr-name', tag: st.name, closing: st.closing, attr: c });
        return;
      case 'attr-name':
        if (c === '=') this.go({ s: 'before-value', tag: st.tag, closing: st.closing, attr: st.attr });
        else if (c === '>') this.endTag(st.tag, st.closing);
        else if (/[\s/]/.test(c)) this.go({ s: 'tag', name: st.tag, closing: st.closing });
        else st.attr += c;
        return;
      case 'before-value':
        if (c === '"' || c === "'") this.go({ ...st, s: 'value', quote: c });
        else if (c === '>') this.endTag(st.tag, st.closing);
        else if (!/\s/.test(c)) this.go({ ...st, s: 'value', quote: '' });
        return;
      case 'value':
        if (st.quote ? c === st.quote : /\s/.test(c))
          this.go({ s: 'tag', name: st.tag, closing: st.closing });
        else if (!st.quote && c === '>') this.endTag(st.tag, st.closing);
        return;
      case 'style':
        if (/<\/style$/i.test(this.tail)) this.go({ s: 'tag', name: 'style', closing: true });
        return;
      case 'script':
        this.stepScript(st, c);
        return;
    }
  }

  /** JS inside <script>: strings and comments matter (regex literals are not told apart). */
  private stepScript(st: Extract<State, { s: 'script' }>, c: string): void {
    if (/<\/script$/i.test(this.tail)) {
      this.go({ s: 'tag', name: 'script', closing: true });
      return;
    }
    const prev = this.tail.at(-2);
    switch (st.js) {
      case 'code':
        if (c === '"' || c === "'" || c === '`') st.js = c;
        else if (c === '/' && prev === '/') st.js = 'line-comment';
        else if (c === '*' && prev === '/') st.js = 'block-comment';
        return;
      case 'line-comment':
        if (c === '\n') st.js = 'code';
        return;
      case 'block-comment':
        if (c === '/' && prev === '*') st.js = 'code';
        return;
      default:
        // Inside a string: a backslash escapes the next character.
        if (st.escaped) st.escaped = false;
        else if (c === '\\') st.escaped = true;
        else if (c === st.js) st.js = 'code';
    }
  }
}
