/**
 * The page's files, made once at server start: the client and the sidebar shim bundled by esbuild
 * in memory (about 50 ms; nothing written to disk), the HTML shell and the stylesheets read as they are
 * (the workbook switcher's after the page's, in one file).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

export interface ClientAssets {
  page: string;
  script: string;
  style: string;
  shim: string;
  icon: string;
}

const CLIENT = join(import.meta.dirname, 'client');

async function bundle(entry: string, target: string): Promise<string> {
  const out = await build({
    entryPoints: [join(CLIENT, entry)],
    bundle: true,
    format: 'iife',
    target,
    platform: 'browser',
    minify: true,
    write: false,
    legalComments: 'none',
    charset: 'utf8',
  });
  return out.outputFiles[0]!.text;
}

export async function clientAssets(): Promise<ClientAssets> {
  const [script, shim] = await Promise.all([bundle('main.ts', 'es2022'), bundle('shim.ts', 'es2019')]);
  return {
    page: readFileSync(join(CLIENT, 'index.html'), 'utf8'),
    script,
    style: ['style.css', 'workbooks.css'].map((f) => readFileSync(join(CLIENT, f), 'utf8')).join('\n'),
    shim: shim.trim(),
    icon: readFileSync(join(CLIENT, 'icon.svg'), 'utf8'),
  };
}
