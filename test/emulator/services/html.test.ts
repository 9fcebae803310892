import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ContextScanner } from '../../../emulator/services/template';
import { setup, thrown } from './setup';

const XSS = '<img src=x onerror=alert(1)>';

describe('HtmlOutput', () => {
  it('createHtmlOutput: content, append, title, size, chaining', () => {
    const { HtmlService, counter } = setup();
    const out = HtmlService.createHtmlOutput('<p>a</p>');
    expect(out.append('<p>b</p>')).toBe(out);
    expect(out.setTitle('T').setWidth(300).setHeight(200)).toBe(out);
    expect([out.getContent(), out.getTitle(), out.getWidth(), out.getHeight()]).toEqual([
      '<p>a</p><p>b</p>',
      'T',
      300,
      200,
    ]);
    expect(counter.get('HtmlService.createHtmlOutput')).toBe(1);
    expect(counter.get('HtmlOutput.append')).toBe(1);
  });

  it('createHtmlOutput() is empty; unset title is "" and unset sizes null [UNVERIFIED defaults]', () => {
    const { HtmlService } = setup();
    const out = HtmlService.createHtmlOutput();
    expect([out.getContent(), out.getTitle(), out.getWidth(), out.getHeight()]).toEqual(['', '', null, null]);
  });

  it('appendUntrusted escapes HTML [DOC* html-output]', () => {
    const { HtmlService } = setup();
    expect(HtmlService.createHtmlOutput().appendUntrusted(XSS).getContent()).toBe(
      '&lt;img src=x onerror=alert(1)&gt;',
    );
  });

  it('setSandboxMode, setXFrameOptionsMode chain and change nothing; addMetaTag is kept', () => {
    const { HtmlService } = setup();
    const out = HtmlService.createHtmlOutput('x');
    expect(out.setSandboxMode(HtmlService.SandboxMode.IFRAME)).toBe(out);
    expect(out.setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL)).toBe(out);
    expect(out.addMetaTag('viewport', 'width=device-width')).toBe(out);
    expect(out.getContent()).toBe('x');
    expect(out.getMetaTags().map((t) => [t.getName(), t.getContent()])).toEqual([
      ['viewport', 'width=device-width'],
    ]);
    expect(Object.keys(HtmlService.SandboxMode)).toEqual(['EMULATED', 'IFRAME', 'NATIVE']);
    expect(Object.keys(HtmlService.XFrameOptionsMode)).toEqual(['ALLOWALL', 'DEFAULT']);
  });

  it('Blob methods are refused: the emulator has no Blob', () => {
    const { HtmlService } = setup();
    expect(() => HtmlService.createHtmlOutput().getBlob()).toThrow(/no Blob/);
  });
});

describe('HtmlService files', () => {
  it('createHtmlOutputFromFile(name) reads pagesDir/name.html, name without extension', () => {
    const { HtmlService, counter } = setup({ sidebar: '<h1>Review</h1>', 'ui/help': '<p>help</p>' });
    expect(HtmlService.createHtmlOutputFromFile('sidebar').getContent()).toBe('<h1>Review</h1>');
    expect(HtmlService.createHtmlOutputFromFile('ui/help').getContent()).toBe('<p>help</p>');
    expect(counter.get('HtmlService.createHtmlOutputFromFile')).toBe(2);
  });

  it('a missing file: "No HTML file named X was found." [UNVERIFIED]', () => {
    const { HtmlService } = setup({ sidebar: 'x' });
    expect(thrown(() => HtmlService.createHtmlOutputFromFile('sidebar.html'))).toBe(
      'No HTML file named sidebar.html was found.',
    );
    expect(thrown(() => HtmlService.createTemplateFromFile('nope'))).toBe(
      'No HTML file named nope was found.',
    );
  });

  it('cannot read outside pagesDir', () => {
    const { HtmlService } = setup();
    expect(thrown(() => HtmlService.createHtmlOutputFromFile('../../etc/passwd'))).toMatch(
      /No HTML file named/,
    );
  });
});

describe('HtmlTemplate scriptlets [DOC TPL]', () => {
  it('<? ?> runs code, <?= ?> prints escaped, <?!= ?> prints raw', () => {
    const { HtmlService } = setup();
    const t = HtmlService.createTemplate('<? var n = 2; ?><p><?= n * 21 ?></p><?!= "<b>raw</b>" ?>');
    expect(t.evaluate().getContent()).toBe('<p>42</p><b>raw</b>');
  });

  it('an objective titled <img onerror> is escaped by <?= ?> and not by <?!= ?>', () => {
    const { HtmlService } = setup();
    const escaped = HtmlService.createTemplate('<li><?= title ?></li>');
    escaped.title = XSS;
    expect(escaped.evaluate().getContent()).toBe('<li>&lt;img src=x onerror=alert(1)&gt;</li>');
    const raw = HtmlService.createTemplate('<li><?!= title ?></li>');
    raw.title = XSS;
    expect(raw.evaluate().getContent()).toBe(`<li>${XSS}</li>`);
  });

  it('properties assigned on the template are in scope, loops span scriptlets', () => {
    const { HtmlService, counter } = setup({
      list: '<ul><? for (const o of objectives) { ?><li><?= o ?></li><? } ?></ul>',
    });
    const t = HtmlService.createTemplateFromFile('list');
    t.objectives = ['Grow', 'A & B'];
    const out = t.evaluate();
    expect(out.getContent()).toBe('<ul><li>Grow</li><li>A &amp; B</li></ul>');
    expect(counter.get('HtmlService.createTemplateFromFile')).toBe(1);
    expect(counter.get('HtmlTemplate.evaluate')).toBe(1);
    // The template's own appends are not the script's calls.
    expect(counter.get('HtmlOutput.append')).toBe(0);
  });

  it('only assigned properties are in scope: the template object itself is not', () => {
    const { HtmlService } = setup();
    const t = HtmlService.createTemplate(
      '<?= typeof source ?>|<?= typeof svc ?>|<?= typeof toString ?>|<?= typeof Math ?>',
    );
    expect(t.evaluate().getContent()).toBe('undefined|undefined|function|object');
  });

  it('attribute values are HTML-escaped, quotes included', () => {
    const { HtmlService } = setup();
    const t = HtmlService.createTemplate(`<input value="<?= v ?>"><a title='<?= v ?>'>x</a>`);
    t.v = `"'><script>`;
    expect(t.evaluate().getContent()).toBe(
      `<input value="&quot;&#39;&gt;&lt;script&gt;"><a title='&quot;&#39;&gt;&lt;script&gt;'>x</a>`,
    );
  });

  it('unquoted attribute values also escape spaces and = [UNVERIFIED detail]', () => {
    const { HtmlService } = setup();
    const t = HtmlService.createTemplate('<div class=<?= v ?>>');
    t.v = 'a b=c';
    expect(t.evaluate().getContent()).toBe('<div class=a&#32;b&#61;c>');
  });

  it('inside <script>, values print as JSON with < > & escaped [UNVERIFIED: JSON form]', () => {
    const { HtmlService } = setup();
    const t = HtmlService.createTemplate('<script>var s = <?= state ?>; var n = <?= n ?>;</script>');
    t.state = { title: '</script><b>', ok: true, list: [1, 'x'] };
    t.n = 3;
    const out = t.evaluate().getContent();
    expect(out).toBe(
      '<script>var s = {"title":"\\u003c/script\\u003e\\u003cb\\u003e","ok":true,"list":[1,"x"]}; var n = 3;</script>',
    );
    // And the client gets the value back.
    const js = out.slice('<script>'.length, -'</script>'.length);
    expect(new Function(`${js}; return s;`)()).toEqual(t.state);
  });

  it('inside a JS string literal, the value is escaped as the string body', () => {
    const { HtmlService } = setup();
    const t = HtmlService.createTemplate(`<script>var a = '<?= v ?>'; var b = "<?= v ?>";</script>`);
    t.v = `it's "<b>"\\`;
    const out = t.evaluate().getContent();
    const js = out.slice('<script>'.length, -'</script>'.length);
    expect(js).not.toMatch(/<b>/);
    expect(new Function(`${js}; return [a, b];`)()).toEqual([t.v, t.v]);
  });

  it('on* handler attributes get JSON, then HTML escaping', () => {
    const { HtmlService } = setup();
    const t = HtmlService.createTemplate('<button onclick="pick(<?= id ?>)">x</button>');
    t.id = `a"b`;
    expect(t.evaluate().getContent()).toBe('<button onclick="pick(&quot;a\\&quot;b&quot;)">x</button>');
  });

  it('after </script>, text is HTML again', () => {
    const { HtmlService } = setup();
    const t = HtmlService.createTemplate('<script>var x = 1;</script><p><?= v ?></p>');
    t.v = '<i>';
    expect(t.evaluate().getContent()).toBe('<script>var x = 1;</script><p>&lt;i&gt;</p>');
  });

  it('null and undefined print nothing [UNVERIFIED]', () => {
    const { HtmlService } = setup();
    const t = HtmlService.createTemplate('[<?= a ?>][<?= b ?>]');
    t.a = null;
    t.b = undefined;
    expect(t.evaluate().getContent()).toBe('[][]');
  });

  it('a trailing semicolon in a printing scriptlet is tolerated', () => {
    const { HtmlService } = setup();
    expect(HtmlService.createTemplate('<?= 1 + 1; ?>').evaluate().getContent()).toBe('2');
  });

  it('evaluate() returns an HtmlOutput that can be titled and shown', () => {
    const { HtmlService, ui } = setup({ sidebar: '<h1><?= title ?></h1>' });
    const t = HtmlService.createTemplateFromFile('sidebar');
    t.title = 'Q3';
    ui.showSidebar(t.evaluate().setTitle('Review'));
    expect(ui.latestSidebar()).toMatchObject({ title: 'Review', html: '<h1>Q3</h1>' });
  });

  it('getCode() shows the generated JS; getRawContent() the source [DOC* html-template; code form UNVERIFIED]', () => {
    const { HtmlService } = setup();
    const t = HtmlService.createTemplate('<p><?= x ?></p>');
    expect(t.getCode()).toBe('output._ = "<p>";\noutput.$("html", (x));\noutput._ = "</p>";');
    expect(t.getRawContent()).toBe('<p><?= x ?></p>');
  });

  it('an unterminated scriptlet is a syntax error', () => {
    const { HtmlService } = setup();
    expect(() => HtmlService.createTemplate('<p><?= x </p>').evaluate()).toThrow(SyntaxError);
  });

  it('a thrown error in a scriptlet reaches the caller', () => {
    const { HtmlService } = setup();
    expect(() => HtmlService.createTemplate('<? throw new Error("boom") ?>').evaluate()).toThrow('boom');
  });

  it('bound to the bundle vm, scriptlets call its globals (include) and see the services', () => {
    const { services, HtmlService } = setup({
      page: '<?!= include("style") ?><p><?= greet() ?></p>',
      style: '<style>p{}</style>',
    });
    const context = vm.createContext({ ...services.globals });
    vm.runInContext(
      'function include(n) { return HtmlService.createHtmlOutputFromFile(n).getContent(); } function greet() { return "hi & bye"; }',
      context,
    );
    services.bindContext(context);
    expect(HtmlService.createTemplateFromFile('page').evaluate().getContent()).toBe(
      '<style>p{}</style><p>hi &amp; bye</p>',
    );
  });

  it('asTemplate() turns an output back into a template', () => {
    const { HtmlService } = setup();
    const t = HtmlService.createHtmlOutput('<?= 6 * 7 ?>').asTemplate();
    expect(t.evaluate().getContent()).toBe('42');
  });
});

describe('ContextScanner', () => {
  const ctx = (html: string) => {
    const s = new ContextScanner();
    s.feed(html);
    return s.context();
  };

  it('tells the contexts apart', () => {
    expect(ctx('<p>')).toBe('html');
    expect(ctx('<!-- <script> ')).toBe('html');
    expect(ctx('<a href="')).toBe('attr');
    expect(ctx('<a href=')).toBe('attr-unquoted');
    expect(ctx('<a onclick="')).toBe('attr-js');
    expect(ctx('<script>var a = ')).toBe('script');
    expect(ctx('<SCRIPT type="module">var a = "')).toBe('script-string');
    expect(ctx('<script>var a = "\\"')).toBe('script-string');
    expect(ctx("<script>// it's\nvar a = ")).toBe('script');
    expect(ctx('<script>var a = 1;</script><p>')).toBe('html');
    expect(ctx('<style>p { color: ')).toBe('style');
  });
});
