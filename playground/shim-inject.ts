/**
 * The add-on's sidebar and dialog HTML, as the add-on passed it to showSidebar/showModalDialog, with
 * the google.script.run shim put first in its head so that it is there before the page's script.
 */

const escapeAttribute = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function withShim(html: string, shim: string, endpoints: readonly string[]): string {
  if (/<\/script/i.test(shim)) throw new Error('playground shim: "</script" in the bundle');
  const tag = `<script data-endpoints="${escapeAttribute(JSON.stringify(endpoints))}">${shim}</script>`;
  const head = /<head\b[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  return tag + html;
}
