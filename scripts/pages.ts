import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * The sidebar and dialogs. Each page is src/ui/page.html with its client script (bundled by
 * esbuild) and the shared CSS inlined: Apps Script serves one file per page.
 */
export const PAGES: readonly { name: string; entry: string }[] = [
  { name: 'insert-quarter', entry: 'src/ui/pages/insert.ts' },
  { name: 'insert-kpis', entry: 'src/ui/pages/insert.ts' },
  { name: 'checkin', entry: 'src/ui/pages/sidebar.ts' },
  { name: 'health', entry: 'src/ui/pages/sidebar.ts' },
  { name: 'review', entry: 'src/ui/pages/sidebar.ts' },
  { name: 'tree', entry: 'src/ui/pages/tree.ts' },
  { name: 'company', entry: 'src/ui/pages/company.ts' },
];

export async function buildPages(root: string, dist: string): Promise<void> {
  const shell = readFileSync(join(root, 'src/ui/page.html'), 'utf8');
  const style = readFileSync(join(root, 'src/ui/style.css'), 'utf8').replace(/\s*\n\s*/g, ' ');
  const scripts = new Map<string, string>();
  for (const page of PAGES) {
    let script = scripts.get(page.entry);
    if (script === undefined) {
      const out = await build({
        entryPoints: [join(root, page.entry)],
        bundle: true,
        format: 'iife',
        target: 'es2019',
        platform: 'browser',
        minify: true,
        write: false,
        legalComments: 'none',
        charset: 'utf8',
      });
      script = out.outputFiles[0]!.text.trim();
      // inlined: the script must not close its own tag, nor open an Apps Script scriptlet
      if (/<\/script/i.test(script)) throw new Error(`${page.entry}: "</script" in the bundle`);
      scripts.set(page.entry, script);
    }
    const html = shell
      .replace('data-page="page"', `data-page="${page.name}"`)
      .replace('<link rel="stylesheet" href="style.css">', () => `<style>${style}</style>`)
      .replace('<script src="page.js"></script>', () => `<script>${script}</script>`);
    if (html.includes('page.js') || html.includes('style.css'))
      throw new Error('src/ui/page.html: placeholders not found');
    writeFileSync(join(dist, `${page.name}.html`), html);
  }
}
