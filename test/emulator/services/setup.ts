import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CallCounter } from '../../../emulator/counter';
import { createServices, type ServicesOptions } from '../../../emulator/services';

/** Fresh services over a temporary pages folder holding the given pages (name → HTML). */
export function setup(pages: Record<string, string> = {}, opts: Partial<ServicesOptions> = {}) {
  const pagesDir = mkdtempSync(join(tmpdir(), 'emu-pages-'));
  for (const [name, html] of Object.entries(pages)) {
    const file = join(pagesDir, `${name}.html`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, html);
  }
  const counter = new CallCounter();
  const services = createServices({ counter, pagesDir, ...opts });
  return { services, counter, pagesDir, ...services.globals, ui: services.ui };
}

/** The message of what fn throws (and that it throws). */
export function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a throw');
}
